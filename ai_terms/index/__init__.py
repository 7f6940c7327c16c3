"""The compiled SQLite index of all sources in the cache dir, and the search tokens stored in it."""
