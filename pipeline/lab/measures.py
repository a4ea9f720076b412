"""Reference-free measures of drafted pages (issue 14): they need the abstract, not a human summary.

Per page: the Flesch-Kincaid grade of the simple explanation, the key findings and the research
summary; the authors' voice ("we", "our", "us") in a lay field; sentences without a finite verb
(spaCy's tagger: no VBD, VBZ, VBP or MD token); a sentence that appears in two lay fields (at
least 80% of the shorter one's words in the other: ``sentences.same_words``); numbers (``pipeline.score.numbers``) and
identifiers (tokens mixing letters and digits) not exactly in the abstract; and whether the
simple explanation keeps a hedge when the abstract's conclusion is hedged
(``pipeline.score.faithfulness``). ``summarise`` turns the pages into the reported figures.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.domain import Article, DraftFields
from pipeline.draft.sentences import SAME_WORDS, same_words
from pipeline.score import readability
from pipeline.score.faithfulness import SourceIndex, SourceSentence, source_index
from pipeline.score.numbers import number_faithfulness
from pipeline.text.hedges import is_hedged
from pipeline.text.roles import CONCLUSIONS, section_role

MEASURES_VERSION = "1"
LAY_FIELDS = ("simple_explanation", "key_findings", "research_summary", "practical_implications")
_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us|Us)\b")
_IDENTIFIER = re.compile(r"(?<![\w/-])(?=[\w/-]*[A-Za-z])(?=[\w/-]*\d)[\w/-]+(?<![/-])")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class PageMeasures:
    id: str
    se_fkgl: float
    kf_fkgl: float
    rs_fkgl: float
    voice: bool
    sentences: int
    no_finite_verb: int
    repeat: bool
    bad_numbers: int
    bad_identifiers: int
    hedged_source: bool
    hedge_kept: bool


def field_sentences(fields: DraftFields) -> dict[str, list[str]]:
    """The sentences of each lay field (each key finding and implication split on its own)."""
    texts = {
        "simple_explanation": [fields.simple_explanation],
        "key_findings": list(fields.key_findings),
        "research_summary": [fields.research_summary],
        "practical_implications": [p.text for p in fields.practical_implications],
    }
    out: dict[str, list[str]] = {}
    for name, parts in texts.items():
        out[name] = [
            part[s:e].strip()
            for part in parts
            if part and part.strip()
            for s, e in readability.sentence_spans(part)
        ]
    return out


def cross_field_repeat(sentences: dict[str, list[str]]) -> bool:
    names = list(sentences)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if any(same_words(x, y) >= SAME_WORDS for x in sentences[a] for y in sentences[b]):
                return True
    return False


def bad_identifiers(text: str, article: Article) -> list[str]:
    """Tokens mixing letters and digits (C57BL/6J, IL-6, BRCA1) that are not verbatim in the source."""
    source = f"{article.title}\n{article.abstract_plain}"

    def exact(token: str) -> bool:  # "kinase/MAPK8": the identifier is the part that mixes
        parts = [p for p in token.split("/") if re.search(r"\d", p) and re.search(r"[A-Za-z]", p)]
        return token in source or bool(parts) and all(p in source for p in parts)

    return [t for t in _IDENTIFIER.findall(text) if not exact(t)]


def _fkgl(text: str) -> float:
    return readability.fkgl_value(readability.text_stats(text)) if text.strip() else float("nan")


def _finite(sentences: list[str], nlp: Any) -> list[bool]:
    docs = nlp.pipe(sentences, disable=[p for p in nlp.pipe_names if p not in ("tok2vec", "tagger")])
    return [any(t.tag_ in _FINITE_TAGS for t in doc) for doc in docs]


def conclusion_sentences(article: Article, index: SourceIndex) -> list[SourceSentence]:
    """Sentences of the conclusion sections, or the abstract's last two sentences without one."""
    labelled = {i for i, s in enumerate(article.sections) if section_role(s.label) == CONCLUSIONS}
    if labelled:
        return [s for s in index.sentences if s.section in labelled]
    return list(index.sentences[-2:])


def page_measures(page_id: str, fields: DraftFields, article: Article, nlp: Any) -> PageMeasures:
    sentences = field_sentences(fields)
    flat = [s for parts in sentences.values() for s in parts]
    lay = "\n".join(flat)
    every = f"{lay}\n{' '.join(fields.limitations)}"
    index = source_index(article)
    hedged = any(is_hedged(s.text) for s in conclusion_sentences(article, index))
    numbers = number_faithfulness(every, article)
    return PageMeasures(
        id=page_id,
        se_fkgl=_fkgl(fields.simple_explanation),
        kf_fkgl=_fkgl(" ".join(fields.key_findings)),
        rs_fkgl=_fkgl(fields.research_summary),
        voice=bool(_VOICE.search(every)),
        sentences=len(flat),
        no_finite_verb=sum(not ok for ok in _finite(flat, nlp)) if flat else 0,
        repeat=cross_field_repeat(sentences),
        bad_numbers=sum(f.severity == "error" for f in numbers.flags),
        bad_identifiers=len(bad_identifiers(every, article)),
        hedged_source=hedged,
        hedge_kept=hedged and is_hedged(fields.simple_explanation),
    )


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else float("nan")


def summarise(pages: Sequence[PageMeasures]) -> dict[str, Any]:
    """The reported figures: medians, shares (%) and counts over the pages."""

    def median(name: str) -> float:
        values = [v for p in pages if (v := getattr(p, name)) == v]  # NaN != NaN
        return round(statistics.median(values), 2) if values else float("nan")

    n = len(pages)
    se = [p.se_fkgl for p in pages if p.se_fkgl == p.se_fkgl]
    sentences = sum(p.sentences for p in pages)
    hedged = [p for p in pages if p.hedged_source]
    return {
        "pages": n,
        "se_fkgl_median": median("se_fkgl"),
        "se_fkgl_le8_pct": _pct(sum(v <= 8 for v in se), n),
        "kf_fkgl_median": median("kf_fkgl"),
        "rs_fkgl_median": median("rs_fkgl"),
        "we_our_us_pct": _pct(sum(p.voice for p in pages), n),
        "no_finite_verb_pct": _pct(sum(p.no_finite_verb for p in pages), sentences),
        "cross_field_repeat_pct": _pct(sum(p.repeat for p in pages), n),
        "bad_numbers": sum(p.bad_numbers for p in pages),
        "bad_identifiers": sum(p.bad_identifiers for p in pages),
        "hedged_conclusions": len(hedged),
        "hedge_kept_pct": _pct(sum(p.hedge_kept for p in hedged), len(hedged)),
        "version": MEASURES_VERSION,
    }


def page_dict(page: PageMeasures) -> dict[str, Any]:
    return asdict(page)
