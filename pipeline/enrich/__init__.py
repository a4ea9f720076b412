"""Enrichment: study facts (design, evidence level, participants, period), categories, relevance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "extract_facts_batch", "get_nlp"]

if TYPE_CHECKING:
    from pipeline.enrich.facts import EXTRACTOR_VERSION, extract_facts, extract_facts_batch
    from pipeline.enrich.nlp import get_nlp


def __getattr__(name: str) -> Any:
    """Import the public API lazily so that importing the package loads no spaCy."""
    if name == "get_nlp":
        from pipeline.enrich import nlp

        return nlp.get_nlp
    if name in __all__:
        from pipeline.enrich import facts

        return getattr(facts, name)
    raise AttributeError(name)
