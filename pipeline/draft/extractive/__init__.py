"""The embedded default drafter: extracts and rewrites sentences of the abstract itself.

No model weights: spaCy (tokenizer plus a sentence splitter) segments each abstract section,
``sentences`` ranks the sentences for each field, ``rewrite`` turns them into plainer words,
and the fact fields are copied from the ``Facts`` the caller extracted. Every number in the
drafted text comes from the article; a field never gets a sentence that would break that.

The package holds one module per concern: ``segmenter`` (spaCy), ``context`` (the tunables and
the per-article rewriter every builder reads), one module per field (``explanation``,
``findings`` with the research summary, ``implications``, ``limitations``; the fixed wording of
study facts is in pipeline.enrich.wording) and ``backend`` (the registered backend).
"""

from pipeline.draft.extractive.backend import EXTRACTIVE_VERSION, PROMPT_ID, PROMPT_VERSION, ExtractiveBackend
from pipeline.draft.extractive.context import ExtractiveParams
from pipeline.draft.extractive.explanation import aim_sentence
from pipeline.draft.extractive.implications import implication_title
from pipeline.draft.extractive.segmenter import get_segmenter
from pipeline.enrich.wording import NO_LIMITATIONS_STATED

__all__ = [
    "EXTRACTIVE_VERSION",
    "NO_LIMITATIONS_STATED",
    "PROMPT_ID",
    "PROMPT_VERSION",
    "ExtractiveBackend",
    "ExtractiveParams",
    "aim_sentence",
    "get_segmenter",
    "implication_title",
]
