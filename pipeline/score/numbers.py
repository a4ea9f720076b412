"""Number faithfulness: every number (with its unit) in a draft must occur in the source.

How numbers, units and ranges are read is pipeline/text/numbers.py (shared with the drafter
and the lab); this module registers the metric.
"""

from __future__ import annotations

import re

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.text.numbers import NumberMention as NumberMention
from pipeline.text.numbers import SourceNumber as SourceNumber
from pipeline.text.numbers import best_support as best_support
from pipeline.text.numbers import find_numbers as find_numbers
from pipeline.text.numbers import source_numbers as source_numbers
from pipeline.text.numbers import spelled_value as spelled_value
from pipeline.text.numbers import value_match as value_match


def _source_span(article: Article, src: SourceNumber) -> dict[str, object] | None:
    """Section-relative span of a source number (None for the title)."""
    if src.section is None:
        return None
    m = src.mention
    return {"section": src.section, "start": m.start, "end": m.end, "text": m.text}


_DENOMINATOR_HEAD = re.compile(r"(?:\bper|\bout of|\bin|\bevery|\bof every)\s+$", re.I)


def is_denominator(text: str, mention: NumberMention) -> bool:
    """100, 1000, ... as the scale of a natural frequency ("15 in 100 people", "per 1000")."""
    scale = mention.unit is None and mention.value in (10, 100, 1000, 10_000, 100_000)
    return scale and _DENOMINATOR_HEAD.search(text[max(0, mention.start - 12) : mention.start]) is not None


def is_year(mention: NumberMention) -> bool:
    """A four-digit year ("up to March 2016", "between 1985 and 1996"): the date of a search or
    of a publication, which summaries take from the full review rather than from the abstract."""
    return (
        mention.unit is None
        and mention.decimals == 0
        and 1900 <= mention.value <= 2099
        and mention.text.strip().isdigit()
    )


@metric("number_faithfulness", "2", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def number_faithfulness(text: str, article: Article) -> MetricResult:
    """Share of the draft's numbers (with units) that occur in the title or abstract.

    A number that is not there is an error; a year that is not there is a note (a search or
    publication date from the full text); the scale of a natural frequency ("in 100 people") is
    no claim; a rounded number is a note."""
    drafts = find_numbers(text)
    if not drafts:
        return MetricResult(1.0)
    sources = source_numbers(article)
    flags: list[Flag] = []
    supported = 0
    for d in drafts:
        found = best_support(d, sources)
        if found is None and is_denominator(text, d):
            supported += 1  # "15 in 100 people": the reader's scale, not a claim
            continue
        if found is None and is_year(d):
            supported += 1
            flags.append(
                Flag(
                    "number_faithfulness",
                    f"date not in the abstract: {d.text} (check it against the full text)",
                    "note",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                )
            )
            continue
        if found is None:
            flags.append(
                Flag(
                    "number_faithfulness",
                    f"number not in the source: {d.text}",
                    "error",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                )
            )
            continue
        supported += 1
        kind, src = found
        if kind == "rounded":
            flags.append(
                Flag(
                    "number_faithfulness",
                    f"rounded: {d.text} (source: {src.mention.text})",
                    "note",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                    source_span=_source_span(article, src),
                )
            )
    return MetricResult(supported / len(drafts), flags)
