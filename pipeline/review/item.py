"""The draft page's view: source sections and draft fields with flags highlighted, scores per field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.publish.page import PageModel, doi_url, long_date, page_from_rows
from pipeline.review.highlight import Mark, highlight, severity_class, shift
from pipeline.score.base import FlagCounts, count_flags
from pipeline.score.base import flag_help_url as guide_anchor
from pipeline.store import models, repo
from pipeline.store.db import Session

# How DraftFields.field_texts() joins list fields; flag offsets on them refer to the joined text.
LIST_SEPARATORS = {"key_findings": " ", "practical_implications": " ", "limitations": ". "}


@dataclass(frozen=True)
class SourceRef:
    section: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FlagView:
    id: int
    field: str
    metric: str
    severity: str
    reason: str
    draft_span: tuple[int, int] | None
    draft_text: str | None
    source: SourceRef | None
    source_label: str | None = None
    suggestion: str | None = None  # a plainer word to consider ("check the meaning")

    @property
    def help_url(self) -> str:
        return flag_help_url(self.metric)


GUIDE_URL = "/help/editor-guide"
SUGGESTION_METRICS = frozenset({"jargon_rate"})


def flag_help_url(metric: str) -> str:
    """The app's copy of the editor guide, at this flag's entry (the anchor is score/'s)."""
    return f"{GUIDE_URL}#{guide_anchor(metric).partition('#')[2]}"


def _suggestion(reason: str) -> str | None:
    """The plainer word of a jargon note ("jargon: X; plainer: Y"), if it names one."""
    _, sep, rest = reason.partition("plainer:")
    return rest.strip().rstrip(".") or None if sep else None


@dataclass(frozen=True)
class ScoreView:
    field: str
    metric: str
    metric_version: str
    value: float | None

    @property
    def display(self) -> str:
        return "n/a" if self.value is None else f"{self.value:.2f}".rstrip("0").rstrip(".")


@dataclass
class SourceSection:
    label: str | None
    html: Markup


@dataclass
class DraftHtml:
    """Each drafted field as escaped, highlighted HTML, in page order."""

    simple_explanation: Markup
    key_findings: list[Markup]
    research_summary: Markup
    practical_implications: list[tuple[str, Markup]]
    limitations: list[Markup]


@dataclass
class ItemView:
    item_id: int
    status: str
    priority: float
    gate_failed: bool
    flag_count: int
    flag_counts: FlagCounts  # of ``flags``: the header and the side pane both show its label
    page: PageModel
    doi_url: str | None
    published_long: str | None
    source: list[SourceSection]
    draft: DraftHtml
    flags: list[FlagView]
    scores: dict[str, list[ScoreView]] = field(default_factory=dict)
    funders: list[str] | None = None  # from Crossref; None: not asked yet, []: none listed
    relations: dict[str, list[str]] | None = None  # related DOIs by Crossref relation type

    @property
    def other_score_fields(self) -> list[str]:
        """Score fields that are not one of the page's drafted sections (shown in the side panel)."""
        return [name for name in self.scores if name not in DRAFT_TEXT_FIELDS]


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return int(value[0]), int(value[1])
    return None


def _source_ref(value: Any, sections: list[dict[str, Any]]) -> SourceRef | None:
    """A source span, re-anchored on its text when the stored offsets do not match it."""
    if not isinstance(value, dict):
        return None
    try:
        idx, start, end = int(value["section"]), int(value["start"]), int(value["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 <= idx < len(sections):
        return None
    body = str(sections[idx].get("text") or "")
    text = str(value.get("text") or body[start:end])
    if text and body[start:end] != text and text in body:
        start = body.index(text)
        end = start + len(text)
    return SourceRef(idx, start, end, text)


def parse_flags(scores: list[models.Score], sections: list[dict[str, Any]]) -> list[FlagView]:
    """Every flag of every score row, numbered from 1 in score order, most severe first."""
    flags: list[FlagView] = []
    suggested: set[tuple[str, str]] = set()  # one suggestion per term per field
    for score in sorted(scores, key=lambda s: s.id or 0):
        for raw in score.flags or []:
            if not isinstance(raw, dict):
                continue
            metric = str(raw.get("metric") or score.metric)
            reason = str(raw.get("reason") or "")
            suggestion = _suggestion(reason) if metric in SUGGESTION_METRICS else None
            if metric in SUGGESTION_METRICS:
                term = (score.field, str(raw.get("draft_text") or reason).lower())
                if term in suggested:
                    continue
                suggested.add(term)
            src = _source_ref(raw.get("source_span"), sections)
            flags.append(
                FlagView(
                    id=len(flags) + 1,
                    field=score.field,
                    metric=metric,
                    severity=severity_class(raw.get("severity")),
                    reason=reason,
                    draft_span=_span(raw.get("draft_span")),
                    draft_text=raw.get("draft_text"),
                    source=src,
                    source_label=(sections[src.section].get("label") or "Abstract") if src else None,
                    suggestion=suggestion,
                )
            )
    order = {"error": 0, "warning": 1, "note": 2}
    return sorted(flags, key=lambda f: (order[f.severity], f.id))


def draft_marks(flags: list[FlagView], field_name: str, text: str) -> list[Mark]:
    """Marks for one field's joined text: the stored span, else the first occurrence of draft_text."""
    marks = []
    for f in flags:
        if f.field != field_name:
            continue
        span = f.draft_span
        if span is None and f.draft_text and f.draft_text in text:
            start = text.index(f.draft_text)
            span = (start, start + len(f.draft_text))
        if span:
            marks.append(Mark(span[0], span[1], f.severity, f.id, f.reason))
    return marks


def source_marks(flags: list[FlagView], section: int) -> list[Mark]:
    return [
        Mark(f.source.start, f.source.end, f.severity, f.id, f.reason)
        for f in flags
        if f.source and f.source.section == section
    ]


def _highlight_list(items: list[str], marks: list[Mark], sep: str) -> list[Markup]:
    """Highlight each item of a list field, mapping joined-text offsets onto the item."""
    out, offset = [], 0
    for item in items:
        out.append(highlight(item, shift(marks, offset)))
        offset += len(item) + len(sep)
    return out


def draft_html(page: PageModel, flags: list[FlagView]) -> DraftHtml:
    f = page.fields
    texts = f.field_texts()

    def marks(name: str) -> list[Mark]:
        return draft_marks(flags, name, texts[name])

    points = f.practical_implications
    point_html = _highlight_list([p.text for p in points], marks("practical_implications"), " ")
    return DraftHtml(
        simple_explanation=highlight(f.simple_explanation, marks("simple_explanation")),
        key_findings=_highlight_list(
            list(f.key_findings), marks("key_findings"), LIST_SEPARATORS["key_findings"]
        ),
        research_summary=highlight(f.research_summary, marks("research_summary")),
        practical_implications=[(p.title, h) for p, h in zip(points, point_html, strict=True)],
        limitations=_highlight_list(
            list(f.limitations), marks("limitations"), LIST_SEPARATORS["limitations"]
        ),
    )


def source_html(sections: list[dict[str, Any]], flags: list[FlagView]) -> list[SourceSection]:
    return [
        SourceSection(s.get("label"), highlight(str(s.get("text") or ""), source_marks(flags, i)))
        for i, s in enumerate(sections)
    ]


def scores_by_field(scores: list[models.Score]) -> dict[str, list[ScoreView]]:
    """Current scores (``repo.current_scores``) grouped by field."""
    out: dict[str, list[ScoreView]] = {}
    for s in scores:
        out.setdefault(s.field, []).append(ScoreView(s.field, s.metric, s.metric_version, s.value))
    return out


def load_item(session: Session, item_id: int) -> ItemView | None:
    """The view of one review item, or None when there is no such item."""
    item = session.get(models.ReviewItem, item_id)
    if item is None:
        return None
    article, draft = item.article, item.draft
    sections = [s for s in (article.sections or []) if isinstance(s, dict)]
    page = page_from_rows(article, draft, item.status)
    current = repo.current_scores(draft.scores)
    flags = parse_flags(current, sections)
    return ItemView(
        item_id=item.id,
        status=item.status,
        priority=item.priority,
        gate_failed=item.gate_failed,
        flag_count=item.flag_count,
        flag_counts=count_flags(flags),
        page=page,
        doi_url=doi_url(article.doi),
        published_long=long_date(article.published) if article.published else None,
        source=source_html(sections, flags),
        draft=draft_html(page, flags),
        flags=flags,
        scores=scores_by_field(current),
        funders=article.funders,
        relations=article.relations,
    )
