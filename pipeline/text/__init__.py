"""One text layer for drafting, scoring, enrichment and the lab (see docs/architecture.md)."""
