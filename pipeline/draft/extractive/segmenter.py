"""The spaCy segmenter: the model's tokenizer plus a sentence splitter, loaded once per process."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from pipeline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language


_NLP_LOCK = threading.Lock()
_NLP_CACHE: dict[tuple[str, str], Language] = {}
_ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


def get_segmenter(model_name: str, segmenter: str = "rule") -> Language:
    """The model's tokenizer plus a sentence splitter, loaded once per process.

    The shared full pipeline (``pipeline.enrich.nlp``) runs a tagger and parser the drafter
    never reads; using only the tokenizer keeps drafting well above 50 abstracts/s.

    When this process has already loaded the full pipeline (the nightly run and the review app
    warm enrich first; the composer parses with it), the "rule" segmenter is that pipeline's own
    tokenizer and vocabulary (the model's tokenizer with its special cases, the same lexemes)
    with spaCy's sentencizer after it, not a second load of the model from disk, which read its
    vocabulary and tokenizer again (round 12). Docs from both then share one vocabulary and
    string store; the tokens and sentences are the same as from a model loaded alone.
    """
    key = (model_name, segmenter)
    with _NLP_LOCK:
        nlp = _NLP_CACHE.get(key)
        if nlp is None:
            nlp = _NLP_CACHE[key] = _load_segmenter(model_name, segmenter)
    return nlp


def _load_segmenter(model_name: str, segmenter: str) -> Language:
    import spacy

    keep = {"rule": set(), "senter": {"tok2vec", "senter"}}.get(segmenter)
    if keep is None:
        raise ConfigError(f"Unknown extractive segmenter {segmenter!r}.", hint="Use 'rule' or 'senter'.")
    from pipeline.enrich.nlp import loaded_nlp

    full = loaded_nlp(model_name) if segmenter == "rule" else None
    if full is not None:
        nlp = type(full)(vocab=full.vocab, meta=dict(full.meta), create_tokenizer=lambda _nlp: full.tokenizer)
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        nlp = spacy.load(model_name, exclude=[c for c in _ALL_COMPONENTS if c not in keep])
    except OSError as exc:
        raise ConfigError(
            f"The spaCy model {model_name!r} is not installed.",
            hint="Install it into the virtualenv or set PLAINSCI_SPACY_MODEL to an installed model.",
        ) from exc
    if segmenter == "rule":
        nlp.add_pipe("sentencizer")
    elif "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp
