"""Practical implications: titled points from conclusion and implication sentences."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.domain import PracticalPoint
from pipeline.draft import rewrite as rw
from pipeline.draft.extractive.context import Context, fitted_pieces, similar
from pipeline.draft.sentences import content_key

_LEAD_IN = re.compile(
    r"^(?:(?:in conclusion|in summary|overall|taken together|thus|therefore|hence|finally|however|"
    r"furthermore|moreover|also|importantly),?\s+)?"
    r"(?:(?:these|our|the|this|present|current|study|review|trial|analysis|findings?|results?|data|evidence|"
    r"work)\s+){1,4}"
    r"(?:\w+\s+){0,2}?(?:suggests?|indicates?|shows?|showed|demonstrates?|supports?|highlights?|confirms?|"
    r"provides? evidence|implies|imply|reveals?)\s+(?:that\s+)?",
    re.I,
)
_STOP_AT = re.compile(
    r"^(?:is|are|was|were|be|been|being|has|have|had|may|might|could|should|can|will|would|must|does|do|did|"
    r"seems?|appears?|remains?|plays?|provides?|shows?|showed|suggests?|improves?|reduces?|increases?|"
    r"decreases?|leads?|helps?|offers?|represents?|allows?|requires?|needs?|affects?|appear|that|which|who|"
    r"when|where|while|if|than|as|by|to|not)$",
    re.I,
)
_PREPOSITIONS = {"of", "in", "for", "with", "on", "at", "from", "among", "between", "after", "during", "into"}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "our",
    "its",
    "their",
    "such",
    "both",
    "all",
    "any",
    "further",
    "more",
    "future",
    "it",
    "we",
    "they",
    "there",
}
_GENERIC_HEADS = {
    "use",
    "role",
    "effect",
    "effects",
    "level",
    "levels",
    "number",
    "presence",
    "combination",
    "importance",
    "development",
    "risk",
    "type",
    "types",
    "assessment",
    "evaluation",
    "study",
    "studies",
    "results",
    "findings",
    "data",
    "evidence",
    "analysis",
    "inclusion",
    "value",
}
_SMALL_WORDS = {"of", "and", "or", "in", "for", "with", "on", "at", "to", "the", "a", "an"}


_VERBISH = re.compile(r"(?:ed|ing|ly)$", re.I)
_NOUN_ING = {
    "bleeding",
    "screening",
    "training",
    "setting",
    "imaging",
    "sequencing",
    "signaling",
    "signalling",
    "functioning",
    "swelling",
    "healing",
    "walking",
    "learning",
    "understanding",
    "prescribing",
    "counselling",
    "counseling",
    "testing",
    "nursing",
    "wellbeing",
    "well-being",
    "feeding",
    "housing",
    "early",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "family",
    "elderly",
    "supply",
    "assembly",
    "bed",
}


def _content_runs(text: str) -> list[list[tuple[int, str]]]:
    """Maximal runs of content words (no stop, verb-like, number or linking words)."""
    runs: list[list[tuple[int, str]]] = [[]]
    for i, w in enumerate(re.findall(r"[A-Za-z][A-Za-z'’-]*|\S", text)):
        low = w.lower()
        is_content = (
            len(w) > 1
            and w[0].isalpha()
            and low not in STOP_WORDS
            and low not in _DETERMINERS
            and not _STOP_AT.match(w)
            and (low in _NOUN_ING or not _VERBISH.search(low))
        )
        if is_content:
            runs[-1].append((i, w))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def implication_title(text: str, taken: set[str], weights: dict[str, float] | None = None) -> str:
    """A 2-4 word title: the best run of content words, weighted to the abstract's key words."""
    weights = weights or {}
    body = _LEAD_IN.sub("", text.strip())
    n_tokens = max(1, len(body.split()))
    best: tuple[float, list[str]] | None = None
    for run in _content_runs(body):
        for size in (2, 3, 4):
            for j in range(0, len(run) - size + 1):
                window = run[j : j + size]
                words = [w for _, w in window]
                key = _title_case(words).lower()
                if key in taken or any(w.lower() in _GENERIC_HEADS for w in words[-1:]):
                    continue
                weight = sum(weights.get(content_key(w), 0.5) for w in words) / size
                early = 0.4 if window[0][0] < n_tokens * 0.4 else 0.0
                s = weight + early + (0.2 if size in (2, 3) else 0.0)
                if best is None or s > best[0]:
                    best = (s, words)
    if best is None:
        single = next((w for run in _content_runs(body) for _, w in run), "")
        return f"About {_title_case([single])}" if single else "What This Means"
    return _title_case(best[1])


def _title_case(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.isupper() or any(c.isupper() for c in w[1:]):
            out.append(w)
        elif i > 0 and w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append(w[0].upper() + w[1:])
    return " ".join(out)


def practical_implications(ctx: Context, findings_used: list[str]) -> list[PracticalPoint]:
    """Three titled points from conclusion and implication sentences, one sentence each."""
    p = ctx.params
    pool = [s for s in ctx.ranked("implication", ("conclusions",)) if not s.cue("aim")]
    pool += [
        s
        for s in ctx.ranked("implication", ("results", "background"))
        if s.cue("implication") and not s.cue("aim") and s not in pool
    ]
    candidates: list[str] = []
    for sentence in pool:
        pieces = fitted_pieces(ctx, sentence.text, p.implication_max_words)
        fitting = [
            x for x in pieces if p.implication_min_words <= rw.word_count(x) <= p.implication_max_words
        ]
        rest = [x for x in pieces if x not in fitting and 8 <= rw.word_count(x) <= 32]
        for text in fitting + rest:
            if any(similar(text, c) for c in candidates):
                continue
            if any(similar(text, f, 0.9) for f in findings_used):
                continue
            candidates.append(text)
        if len(candidates) >= p.implications * 2:
            break
    if len(candidates) < p.implications:
        for sentence in pool:
            for text in fitted_pieces(ctx, sentence.text, p.implication_max_words):
                if (
                    8 <= rw.word_count(text) <= 32
                    and text not in candidates
                    and len(candidates) < p.implications
                ):
                    candidates.append(text)
    if not candidates:
        # No conclusion or implication sentence (e.g. a data or lab paper): fall back to the
        # best-ranked sentence of any section, so the editor starts from the paper's own words.
        for sentence in ctx.ranked("implication"):
            pieces = [
                x
                for x in fitted_pieces(ctx, sentence.text, p.implication_max_words)
                if 8 <= rw.word_count(x) <= 32
            ]
            if pieces:
                candidates.append(pieces[0])
                ctx.warnings.append("practical implication taken from a finding: no conclusion sentence")
                break
    candidates.sort(
        key=lambda t: 0 if p.implication_min_words <= rw.word_count(t) <= p.implication_max_words else 1
    )
    points: list[PracticalPoint] = []
    taken: set[str] = set()
    for text in candidates[: p.implications]:
        title = implication_title(text, taken, ctx.word_weights)
        taken.add(title.lower())
        points.append(PracticalPoint(title=title, text=text))
    if len(points) < p.implications:
        ctx.warnings.append(f"only {len(points)} practical implications")
    return points
