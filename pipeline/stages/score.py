"""Score stage: every draft version gets every registered metric at its current version."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from pipeline.domain import DraftFields
from pipeline.score.base import METRICS, score_draft
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

BATCH = 64


def current_metrics() -> set[tuple[str, str]]:
    import pipeline.score.metrics  # noqa: F401 - registers the built-in metrics

    return {(mt.name, mt.version) for mt in METRICS.values()}


def pending(store: Store, ids: list[int] | None = None) -> dict[int, list[str]]:
    """Draft id -> names of metrics it has no score for at the current version."""
    wanted = current_metrics()
    with store.session() as s:
        q = select(m.Draft.id)
        if ids is not None:
            q = q.where(m.Draft.id.in_(ids))
        draft_ids = list(s.scalars(q.order_by(m.Draft.id)))
        have: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for did, name, ver in s.execute(select(m.Score.draft_id, m.Score.metric, m.Score.metric_version).distinct()):
            have[did].add((name, ver))
    out = {}
    for did in draft_ids:
        missing = wanted - have.get(did, set())
        if missing:
            out[did] = sorted(name for name, _ in missing)
    return out


def run_score(store: Store, run_id: int | None = None, ids: list[int] | None = None) -> dict[str, Any]:
    """Score pending drafts in committed batches."""
    todo = pending(store, ids)
    draft_ids = sorted(todo)
    scored = flags = 0
    for start in range(0, len(draft_ids), BATCH):
        chunk = draft_ids[start : start + BATCH]
        with store.session() as s:
            drafts = s.scalars(select(m.Draft).where(m.Draft.id.in_(chunk))).all()
            for d in drafts:
                article = repo.to_domain(d.article)
                rows = score_draft(DraftFields.from_dict(d.fields), article, names=todo[d.id])
                for r in rows:
                    s.add(m.Score(draft_id=d.id, field=r.field, metric=r.metric, metric_version=r.metric_version,
                                  value=r.value, flags=r.flags))
                    flags += len(r.flags)
                scored += 1
    return {"scored": scored, "flags": flags}
