"""Where corpus files come from: paths, the environment, cleaning untrusted text, forking helpers."""
