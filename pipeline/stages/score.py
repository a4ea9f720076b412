"""Score stage: every draft version gets every registered metric at its current version.

A metric that applies only to fields a draft leaves empty writes no row, so "has a row for
every metric" cannot tell a scored draft from an unscored one. Each scored draft therefore
gets one marker row (field ``*``, metric ``scored``) whose version fingerprints the metric
registry; a draft is pending when it lacks the marker for the current registry.

One draft whose scoring raises never stops the stage: it is quarantined (stage ``score``) with
the reason, counted in ``score_failed`` and gets no rows (so it stays pending and the next run
tries it again); the other drafts are scored.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pipeline.domain import DraftFields, fingerprint
from pipeline.logs import progress
from pipeline.score.base import METRICS, score_draft
from pipeline.score.gates import refresh_gates
from pipeline.settings import Settings
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.drafts import drafts_by_ids
from pipeline.store.queries.scores import drafts_without_marker, has_marker, insert_scores, metric_versions

BATCH = 64


def current_metrics() -> set[tuple[str, str]]:
    return {(mt.name, mt.version) for mt in METRICS.values()}


MARKER_FIELD, MARKER_METRIC = repo.SCORE_MARKER_FIELD, "scored"


def registry_version() -> str:
    """Short fingerprint of every (metric, version) registered now."""
    return fingerprint(sorted(current_metrics()))[:16]


def is_scored(session: Any, draft_id: int) -> bool:
    """Whether the draft has its scores for today's metric registry (the opposite of pending)."""
    return has_marker(session, draft_id, MARKER_METRIC, registry_version())


def pending(store: Store, ids: list[int] | None = None) -> dict[int, list[str]]:
    """Draft id -> names of metrics still to compute, for drafts not scored with today's registry."""
    wanted = current_metrics()
    marker = registry_version()
    with store.session() as s:
        draft_ids = drafts_without_marker(s, MARKER_METRIC, marker, ids)
        have: dict[int, set[tuple[str, str]]] = defaultdict(set)
        if draft_ids:
            for did, name, ver in metric_versions(s, draft_ids):
                have[did].add((name, ver))
    out = {}
    for did in draft_ids:
        missing = wanted - have.get(did, set())
        out[did] = sorted(name for name, _ in missing)
    return out


def run_score(
    store: Store, run_id: int | None = None, ids: list[int] | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Score pending drafts in committed batches; review items showing a rescored draft get their
    gate state again (``settings`` gives the gates; default: the settings ``store`` was opened
    with, so that no stage reads the configuration again behind its caller's back)."""
    gates = settings if settings is not None else store.settings
    todo = pending(store, ids)
    draft_ids = sorted(todo)
    scored = flags = refreshed = failed = 0
    failures: list[dict[str, Any]] = []
    for start in range(0, len(draft_ids), BATCH):
        chunk = draft_ids[start : start + BATCH]
        with store.session() as s:
            drafts = drafts_by_ids(s, chunk)
            new_rows: list[dict[str, Any]] = []
            for d in drafts:
                try:
                    article = repo.to_domain(d.article)
                    rows = score_draft(DraftFields.from_dict(d.fields), article, names=todo[d.id])
                except Exception as exc:  # noqa: BLE001 - one bad record never stops the stage
                    failures.append(
                        repo.quarantine_article(s, d.article, exc, "score", run_id, draft_id=d.id)
                    )
                    failed += 1
                    continue
                for r in rows:
                    new_rows.append(
                        {
                            "draft_id": d.id,
                            "field": r.field,
                            "metric": r.metric,
                            "metric_version": r.metric_version,
                            "value": r.value,
                            "flags": r.flags,
                            "details": r.details,
                        }
                    )
                    flags += len(r.flags)
                new_rows.append(
                    {
                        "draft_id": d.id,
                        "field": MARKER_FIELD,
                        "metric": MARKER_METRIC,
                        "metric_version": registry_version(),
                        "value": None,
                        "flags": [],
                    }
                )
                scored += 1
            insert_scores(s, new_rows)  # one bulk INSERT per batch
            s.flush()
            refreshed += refresh_gates(s, chunk, gates)
        progress("score", min(start + BATCH, len(draft_ids)), len(draft_ids))
    return {
        "scored": scored,
        "flags": flags,
        "items_refreshed": refreshed,
        "score_failed": failed,
        "failures": failures,
    }
