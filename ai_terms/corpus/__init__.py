"""Corpus files in, checked terms out: TOML parsing, field checks, loading, and the linter behind validate."""
