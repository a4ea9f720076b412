"""Sources: one module per source, registered by name in SOURCES."""

from pipeline.sources import files  # noqa: F401  (registers "files")
