"""The shared spaCy pipeline: loaded lazily, once per process and model name."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from pipeline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

_LOCK = threading.Lock()
_CACHE: dict[str, Language] = {}

# Components the extractors never read; skipping them keeps nlp.pipe fast.
UNUSED_COMPONENTS = ("ner",)


def _default_model() -> str:
    """The model name from settings (read at call time, never at import)."""
    from pipeline.settings import get_settings

    return get_settings().spacy_model


def _load(model_name: str) -> Language:
    """Load a spaCy model by package name with a clear error when it is missing."""
    import spacy

    try:
        return spacy.load(model_name)
    except OSError as exc:
        raise ConfigError(
            f"The spaCy model {model_name!r} is not installed.",
            hint="Install it into the virtualenv or set PLAINSCI_SPACY_MODEL to an installed model.",
        ) from exc


def get_nlp(model_name: str | None = None) -> Language:
    """Return the cached spaCy Language for ``model_name`` (settings.spacy_model by default)."""
    name = model_name or _default_model()
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = _CACHE[name] = _load(name)
    return nlp


def disabled_components(nlp: Language) -> list[str]:
    """Components of ``nlp`` that extraction can switch off."""
    return [name for name in UNUSED_COMPONENTS if name in nlp.pipe_names]
