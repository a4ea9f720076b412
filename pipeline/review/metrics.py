"""Editor metrics: acceptance rate, edit distance model -> published text per model and prompt,
time in queue and readability before and after editing; also as CSV rows.

Edit distance and grade are pipeline.publish.edits' (the lab's editor feedback uses the same)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime

from pipeline.publish.edits import edit_distance, model_ancestor, page_text, reading_grade
from pipeline.store import models
from pipeline.store.db import Session
from pipeline.store.queries.items import items_in, status_counts

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
    fkgl_before: float | None  # None: no Simple Explanation to grade
    fkgl_after: float | None
    editors: str


@dataclass(frozen=True)
class GroupRow:
    model: str
    prompt: str
    items: int
    mean_edit_distance: float
    mean_fkgl_before: float | None
    mean_fkgl_after: float | None


@dataclass
class EditorMetrics:
    counts: dict[str, int]
    acceptance_rate: float | None
    published: list[PublishedRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    median_hours_in_queue: float | None = None
    mean_fkgl_before: float | None = None
    mean_fkgl_after: float | None = None


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _hours(start: datetime | None, end: datetime | None) -> float | None:
    if not start or not end:
        return None
    return round((end - start).total_seconds() / 3600, 2)


def _editors(edits: list[models.Draft]) -> str:
    """The editors of the versions ``edits`` (newest first), oldest first, each once."""
    return ", ".join(dict.fromkeys(str(d.author) for d in reversed(edits)))


def published_rows(session: Session) -> list[PublishedRow]:
    items = items_in(session, ["published"])
    rows = []
    for item in items:
        base, edits = model_ancestor(item.draft, item.article.drafts)
        if base is None:
            continue  # no backend-written version to measure the edits from (the lab leaves it out too)
        rows.append(
            PublishedRow(
                item_id=item.id,
                doi=item.article.doi,
                model=base.model_id or base.backend,
                prompt=f"{base.prompt_id or '-'} v{base.prompt_version or '-'}",
                edit_distance=edit_distance(page_text(base.fields), page_text(item.draft.fields)),
                hours_in_queue=_hours(item.created_at, item.published_at),
                fkgl_before=_round(reading_grade(base.fields)),
                fkgl_after=_round(reading_grade(item.draft.fields)),
                editors=_editors(edits),
            )
        )
    return rows


def _mean(values: list[float | None]) -> float | None:
    """Mean of the values there are (an empty text has no grade), None when there are none."""
    present = [v for v in values if v is not None]
    return round(statistics.fmean(present), 3) if present else None


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
            _mean([r.fkgl_before for r in rs]),
            _mean([r.fkgl_after for r in rs]),
        )
        for (model, prompt), rs in sorted(groups.items())
    ]


def editor_metrics(session: Session) -> EditorMetrics:
    counts = status_counts(session)
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
            "" if r.fkgl_before is None else r.fkgl_before,
            "" if r.fkgl_after is None else r.fkgl_after,
            r.editors,
        ]
        for r in metrics.published
    ]
