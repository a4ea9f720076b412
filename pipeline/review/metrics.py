"""Editor metrics: acceptance rate, edit distance model -> published text per model and prompt,
time in queue and readability before and after editing; also as CSV rows."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz.distance import Levenshtein
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.publish.page import draft_fields
from pipeline.review.diff import model_draft
from pipeline.store import models
from pipeline.text.readability import fkgl_value, text_stats

ACCEPTED = ("approved", "published")
DECIDED = (*ACCEPTED, "rejected")


@dataclass(frozen=True)
class PublishedRow:
    """One published item: its model draft against the text that went out."""

    item_id: int
    doi: str | None
    model: str
    prompt: str
    edit_distance: float
    hours_in_queue: float | None
    fkgl_before: float
    fkgl_after: float
    editors: str


@dataclass(frozen=True)
class GroupRow:
    model: str
    prompt: str
    items: int
    mean_edit_distance: float
    mean_fkgl_before: float
    mean_fkgl_after: float


@dataclass
class EditorMetrics:
    counts: dict[str, int]
    acceptance_rate: float | None
    published: list[PublishedRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    median_hours_in_queue: float | None = None
    mean_fkgl_before: float | None = None
    mean_fkgl_after: float | None = None


def page_text(fields: dict[str, object] | None) -> str:
    """The page's drafted text as one string (what readers read), for distances."""
    return "\n".join(draft_fields(fields).field_texts().values())


def grade(text: str) -> float:
    return round(fkgl_value(text_stats(text)), 2) if text.strip() else 0.0


def _hours(start: datetime | None, end: datetime | None) -> float | None:
    if not start or not end:
        return None
    return round((end - start).total_seconds() / 3600, 2)


def _editors(session: Session, draft: models.Draft) -> str:
    names: list[str] = []
    while draft.author is not None:
        if draft.author not in names:
            names.append(draft.author)
        parent = session.get(models.Draft, draft.parent_id) if draft.parent_id else None
        if parent is None:
            break
        draft = parent
    return ", ".join(reversed(names))


def published_rows(session: Session) -> list[PublishedRow]:
    items = session.scalars(
        select(models.ReviewItem)
        .where(models.ReviewItem.status == "published")
        .order_by(models.ReviewItem.id)
    )
    rows = []
    for item in items:
        base = model_draft(session, item.draft)
        before, after = page_text(base.fields), page_text(item.draft.fields)
        simple_before = draft_fields(base.fields).simple_explanation
        simple_after = draft_fields(item.draft.fields).simple_explanation
        rows.append(
            PublishedRow(
                item_id=item.id,
                doi=item.article.doi,
                model=base.model_id or base.backend,
                prompt=f"{base.prompt_id or '-'} v{base.prompt_version or '-'}",
                edit_distance=round(Levenshtein.normalized_distance(before, after), 4),
                hours_in_queue=_hours(item.created_at, item.published_at),
                fkgl_before=grade(simple_before),
                fkgl_after=grade(simple_after),
                editors=_editors(session, item.draft),
            )
        )
    return rows


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 3) if values else None


def group_rows(rows: list[PublishedRow]) -> list[GroupRow]:
    groups: dict[tuple[str, str], list[PublishedRow]] = {}
    for r in rows:
        groups.setdefault((r.model, r.prompt), []).append(r)
    return [
        GroupRow(
            model,
            prompt,
            len(rs),
            _mean([r.edit_distance for r in rs]) or 0.0,
            _mean([r.fkgl_before for r in rs]) or 0.0,
            _mean([r.fkgl_after for r in rs]) or 0.0,
        )
        for (model, prompt), rs in sorted(groups.items())
    ]


def editor_metrics(session: Session) -> EditorMetrics:
    counts = dict(
        session.execute(
            select(models.ReviewItem.status, func.count()).group_by(models.ReviewItem.status)
        ).all()
    )
    decided = sum(counts.get(s, 0) for s in DECIDED)
    accepted = sum(counts.get(s, 0) for s in ACCEPTED)
    rows = published_rows(session)
    hours = [r.hours_in_queue for r in rows if r.hours_in_queue is not None]
    return EditorMetrics(
        counts=counts,
        acceptance_rate=round(accepted / decided, 4) if decided else None,
        published=rows,
        groups=group_rows(rows),
        median_hours_in_queue=round(statistics.median(hours), 2) if hours else None,
        mean_fkgl_before=_mean([r.fkgl_before for r in rows]),
        mean_fkgl_after=_mean([r.fkgl_after for r in rows]),
    )


CSV_HEADER = [
    "item_id",
    "doi",
    "model",
    "prompt",
    "edit_distance",
    "hours_in_queue",
    "fkgl_before",
    "fkgl_after",
    "editors",
]


def csv_rows(metrics: EditorMetrics) -> list[list[object]]:
    return [
        [
            r.item_id,
            r.doi or "",
            r.model,
            r.prompt,
            r.edit_distance,
            "" if r.hours_in_queue is None else r.hours_in_queue,
            r.fkgl_before,
            r.fkgl_after,
            r.editors,
        ]
        for r in metrics.published
    ]
