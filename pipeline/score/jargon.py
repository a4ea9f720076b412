"""Jargon: glossary terms with plainer alternatives, and rare long words.

The glossary and word-frequency readers live in pipeline/text/ (glossary.py, words.py), shared
with the drafter; this module finds jargon in a text and registers the metric.

The glossary is the CDC Plain Language Thesaurus (``data/glossary/cdc_plain_language.jsonl`` in
the repo, nowhere else): a term listed there has a plainer alternative, so it is jargon.
A word is "rare" when it is uncommon in general English by the ``wordfreq`` package's English
frequency list (installed with the package, no download; see ``docs/evaluation.md`` for its
sources and licence): fewer than one occurrence per million words (Zipf frequency below 3.0),
taking the commoner of the word and its regular base forms ("fillings" counts as "filling").
A hyphenated word is rare when one of its parts is ("pre-eclampsia"). Words that are not rare but
still jargon to a lay reader ("hypertension", "placebo", "chronic") come from the glossary, whose
single words are flagged only when less common than one in ~30,000 words (the thesaurus also lists
plainer words for "treatment", "review" or "risk", which every reader knows).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.score.readability import sentence_spans
from pipeline.text.glossary import GLOSSARY_CANDIDATES as GLOSSARY_CANDIDATES
from pipeline.text.glossary import TermEntry, parse_term_index
from pipeline.text.glossary import TermIndex as Glossary
from pipeline.text.glossary import glossary_path as glossary_path
from pipeline.text.glossary import inflections as inflections
from pipeline.text.glossary import load_term_index as load_glossary
from pipeline.text.glossary import own_wording_stems as own_wording_stems
from pipeline.text.glossary import own_wordings as own_wordings
from pipeline.text.words import RARE_ZIPF as RARE_ZIPF
from pipeline.text.words import STOP_WORDS as STOP_WORDS
from pipeline.text.words import Token as Token
from pipeline.text.words import base_forms as base_forms
from pipeline.text.words import is_content_word as is_content_word
from pipeline.text.words import is_rare as is_rare
from pipeline.text.words import stem as stem
from pipeline.text.words import stop_words as stop_words
from pipeline.text.words import tokens as tokens
from pipeline.text.words import zipf as zipf

# Old names (the drafter's glossary took "Glossary" in pipeline/text/glossary.py).
GlossaryEntry = TermEntry
parse_glossary = parse_term_index

# ---------------------------------------------------------------------------------------------
# Metric


@dataclass(frozen=True)
class JargonHit:
    start: int
    end: int
    text: str
    plainer: str | None  # None for a rare word that is not in the glossary


# A single glossary word at least this common (one in ~30,000 words of English: "treatment",
# "review", "risk", "clinical") is not flagged: the thesaurus lists plainer words for many everyday
# words, and flagging them buried the real jargon ("abdomen", "prognosis", "chronic").
COMMON_ZIPF = 4.5


def find_jargon(text: str, glossary: Glossary) -> list[JargonHit]:
    """Glossary terms (single words only when less common than COMMON_ZIPF) and rare content
    words in ``text`` (names and acronyms aside), in order, without overlaps."""
    hits = [
        JargonHit(s, e, text[s:e], entry.plain)
        for s, e, entry in glossary.find(text)
        if " " in text[s:e] or "-" in text[s:e] or zipf(text[s:e]) < COMMON_ZIPF
    ]
    covered = [(h.start, h.end) for h in hits]
    initial = {start for start, _ in sentence_spans(text)}
    for tok in tokens(text):
        if any(s <= tok.start < e for s, e in covered):
            continue
        # Acronyms and names (capitalised inside a sentence: places, genes, trial names) are not
        # words a plainer one could replace.
        if tok.text.isupper() or (tok.text[0].isupper() and tok.start not in initial):
            continue
        if is_content_word(tok.text) and is_rare(tok.text):
            hits.append(JargonHit(tok.start, tok.end, tok.text, None))
    return sorted(hits, key=lambda h: h.start)


def jargon_rate_value(text: str, hits: list[JargonHit]) -> float:
    """Share of content words that fall inside a jargon hit."""
    content = [t for t in tokens(text) if is_content_word(t.text)]
    if not content:
        return 0.0
    inside = sum(1 for t in content if any(h.start <= t.start < h.end for h in hits))
    return inside / len(content)


@metric("jargon_rate", "3", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def jargon_rate(text: str, article: Article) -> MetricResult:
    """Share of content words that are glossary jargon or rare long words."""
    hits = find_jargon(text, load_glossary())
    flags = [
        Flag(
            "jargon_rate",
            f"jargon: {h.text}; plainer: {h.plainer}" if h.plainer else f"jargon: {h.text} (rare word)",
            "note",
            draft_span=(h.start, h.end),
            draft_text=h.text,
        )
        for h in hits
    ]
    return MetricResult(jargon_rate_value(text, hits), flags)
