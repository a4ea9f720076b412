"""Sources: one module per source, registered by name in SOURCES."""

from pipeline.sources import (  # noqa: F401  (each module registers its source)
    europepmc,
    feeds,
    files,
    pubmed,
    springer,
)
