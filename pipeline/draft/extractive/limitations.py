"""Limitations: short caveats stated in the abstract or implied by its stated design."""

from __future__ import annotations

import re

from pipeline.draft import rewrite as rw
from pipeline.draft.extractive.context import Context
from pipeline.enrich.wording import DESIGN_CAVEATS, LIMITATION_CUES, NO_LIMITATIONS_STATED

_LIMITED_BY = re.compile(
    r"\b(?:limited by|limitations? (?:of (?:this|the|our) study )?(?:include[sd]?|was|were|is|are)|"
    r"main limitation (?:was|is)) ([^.;]+)",
    re.I,
)


def limitations(ctx: Context) -> list[str]:
    """Up to three short caveats stated in the abstract or implied by its stated design."""
    p = ctx.params
    found: list[str] = []

    def add(phrase: str) -> None:
        if phrase not in found and 2 <= rw.word_count(phrase) <= 8:
            found.append(phrase)

    text = ctx.article.abstract_plain
    for m in _LIMITED_BY.finditer(text):
        phrase = rw.expand_abbreviations(rw.strip_statistics(m.group(1)).strip(" ,"), ctx.abbreviations)
        phrase = re.sub(r"^(?:the|its|a|an|our)\s+", "", phrase, flags=re.I)
        if 2 <= rw.word_count(phrase) <= 8 and ctx.grounded(phrase):
            add(rw.capitalize_first(phrase.rstrip(".")))
    for pattern, phrase in LIMITATION_CUES:
        if pattern.search(text) and not (phrase == "Retrospective design" and _only_background(ctx, pattern)):
            add(phrase)
    design = ctx.fact("design")
    caveat = DESIGN_CAVEATS.get(design.lower())
    if caveat:
        add(caveat)
    count = ctx.facts.participant_count if ctx.facts is not None else None
    if count is not None and 0 < count < p.small_sample and design.lower() not in ("case report", "protocol"):
        add("Small sample size")
    return found[: p.limitations] or [NO_LIMITATIONS_STATED]


def _only_background(ctx: Context, pattern: re.Pattern[str]) -> bool:
    """True when a cue occurs only in Background sentences (it describes other work there)."""
    hits = [s for s in ctx.sentences if pattern.search(s.text)]
    return bool(hits) and all(s.kind == "background" for s in hits)
