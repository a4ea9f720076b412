"""Number faithfulness: every number (with its unit) in a draft must occur in the source.

How numbers, units and ranges are read is pipeline/text/numbers.py (shared with the drafter
and the lab); this module registers the metric.
"""

from __future__ import annotations

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


@metric("number_faithfulness", "1", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def number_faithfulness(text: str, article: Article) -> MetricResult:
    """Share of the draft's numbers (with units) that occur in the title or abstract."""
    drafts = find_numbers(text)
    if not drafts:
        return MetricResult(1.0)
    sources = source_numbers(article)
    flags: list[Flag] = []
    supported = 0
    for d in drafts:
        found = best_support(d, sources)
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
                    "info",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                    source_span=_source_span(article, src),
                )
            )
    return MetricResult(supported / len(drafts), flags)
