"""plainsci: plain-language drafts of new biomedical research, scored and queued for review."""

__version__ = "0.1.0"
