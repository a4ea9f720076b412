"""plainsci: plain-language drafts of new biomedical research, scored and queued for review."""

__version__ = "0.1.0"

from pipeline import importing as _importing

_importing.install()  # spaCy's thinc then skips importing torch, which plainsci's pipelines never use
