"""Readability and length metrics, all derived from one cached count per text.

The counting (textstat 0.7.8's rules, cached per text and per word) is pipeline/text/readability.py,
shared with the drafter and the lab; this module registers the metrics.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.text.readability import TEXTSTAT_LANG as TEXTSTAT_LANG
from pipeline.text.readability import TextStats as TextStats
from pipeline.text.readability import coleman_liau_value as coleman_liau_value
from pipeline.text.readability import dale_chall_value as dale_chall_value
from pipeline.text.readability import easy_words as easy_words
from pipeline.text.readability import estimate_grade as estimate_grade
from pipeline.text.readability import fkgl_value as fkgl_value
from pipeline.text.readability import in_pronouncing_dict as in_pronouncing_dict
from pipeline.text.readability import polysyllable_share_value as polysyllable_share_value
from pipeline.text.readability import sentence_spans as sentence_spans
from pipeline.text.readability import smog_value as smog_value
from pipeline.text.readability import strip_span as _strip_span
from pipeline.text.readability import syllables as syllables
from pipeline.text.readability import text_stats as text_stats
from pipeline.text.readability import textstat_words as textstat_words
from pipeline.text.readability import word_count as word_count

_ALL = DRAFT_TEXT_FIELDS


@metric("fkgl", "1", higher_is_better=False, fields=_ALL)
def fkgl(text: str, article: Article) -> MetricResult:
    """Flesch-Kincaid grade level (textstat)."""
    return MetricResult(fkgl_value(text_stats(text)))


@metric("dale_chall", "1", higher_is_better=False, fields=_ALL)
def dale_chall(text: str, article: Article) -> MetricResult:
    """Dale-Chall readability score (textstat)."""
    return MetricResult(dale_chall_value(text_stats(text)))


@metric("coleman_liau", "1", higher_is_better=False, fields=_ALL)
def coleman_liau(text: str, article: Article) -> MetricResult:
    """Coleman-Liau index (textstat)."""
    return MetricResult(coleman_liau_value(text_stats(text)))


@metric("smog", "1", higher_is_better=False, fields=_ALL)
def smog(text: str, article: Article) -> MetricResult:
    """SMOG index (textstat)."""
    return MetricResult(smog_value(text_stats(text)))


@metric("mean_sentence_words", "1", higher_is_better=False, fields=_ALL)
def mean_sentence_words(text: str, article: Article) -> MetricResult:
    """Mean sentence length in words (textstat's words per sentence)."""
    return MetricResult(text_stats(text).words_per_sentence)


@metric("polysyllable_share", "1", higher_is_better=False, fields=_ALL)
def polysyllable_share(text: str, article: Article) -> MetricResult:
    """Share of words with three or more syllables."""
    return MetricResult(polysyllable_share_value(text_stats(text)))


@dataclass(frozen=True)
class LengthLimit:
    """Most words for a field as a whole, or for each sentence/item in it."""

    field: str
    max_words: int
    per_item: bool


# From the seed page's shapes (reference/seed-format.md), with headroom: a 63-word explanation
# (site median 91), 8-22-word findings, a 66-word summary, 14-22-word implication sentences,
# 2-8-word limitations.
LENGTH_LIMITS: tuple[LengthLimit, ...] = (
    LengthLimit("simple_explanation", 120, per_item=False),
    LengthLimit("key_findings", 30, per_item=True),
    LengthLimit("research_summary", 150, per_item=False),
    LengthLimit("practical_implications", 35, per_item=True),
    LengthLimit("limitations", 15, per_item=True),
)


def check_length(text: str, limit: LengthLimit, metric_name: str) -> MetricResult:
    """Longest item's (or the whole field's) word count, with a flag for each item over the limit."""
    spans = sentence_spans(text) if limit.per_item else [_strip_span(text, 0, len(text))]
    flags: list[Flag] = []
    longest = 0
    for start, end in spans:
        n = word_count(text[start:end])
        longest = max(longest, n)
        if n > limit.max_words:
            what = "item" if limit.per_item else "field"
            flags.append(
                Flag(
                    metric_name,
                    f"too long: {n} words in this {what} (limit {limit.max_words})",
                    "warning",
                    draft_span=(start, end),
                    draft_text=text[start:end],
                )
            )
    return MetricResult(float(longest), flags)


def _register_length_metric(limit: LengthLimit) -> None:
    """Register ``length_<field>``: one metric per field, since each field has its own limit."""
    name = f"length_{limit.field}"
    scope = "each item" if limit.per_item else "the field"
    description = f"Words in {scope} of {limit.field}; flagged over {limit.max_words}."

    def fn(text: str, article: Article) -> MetricResult:
        return check_length(text, limit, name)

    fn.__doc__ = description
    metric(name, "1", higher_is_better=False, fields=(limit.field,), description=description)(fn)


for _limit in LENGTH_LIMITS:
    _register_length_metric(_limit)
