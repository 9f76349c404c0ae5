"""The caches that make start-up fast: the cache folder, compiled patterns and dataclass methods."""
