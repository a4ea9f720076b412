"""Queue stage: each drafted article gets a review item pointing at its current draft.

Never publishes anything and never replaces an editor's version: a newer model draft only
moves an item forward while the item is still ``new`` and its current draft is a model's.
An item's gate state and priority come from ``pipeline.score.gates``.
Retracted articles leave the queue with an audit event.
"""

from __future__ import annotations

from typing import Any

from pipeline.score.gates import item_gate_state, item_gate_states, priority
from pipeline.settings import Settings
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.drafts import newest_model_draft_id
from pipeline.store.queries.items import items_by_ids, queue_candidates

SYSTEM = "plainsci-nightly"
BATCH = 256  # candidates whose drafts' score rows are read together


def _point_at(
    session: Any,
    item: m.ReviewItem,
    draft_id: int,
    settings: Settings,
    actor: str,
    action: str,
    state: tuple[bool, int, float] | None = None,
) -> None:
    """Show ``draft_id`` on the item, with that draft's gate state (``state`` when already read)
    and priority; audited."""
    before = {"draft_id": item.draft_id}
    item.draft_id = draft_id
    item.gate_failed, item.flag_count, severity = state or item_gate_state(session, draft_id, settings)
    relevance = item.article.facts.relevance if item.article.facts else 0.0
    item.priority = priority(relevance, severity)
    repo.audit_item(session, actor, action, item, before=before, after={"draft_id": draft_id})


def run_queue(store: Store, settings: Settings, run_id: int | None = None) -> dict[str, Any]:
    """Create or advance review items; take retracted articles out of the queue."""
    counts = {"queued": 0, "requeued": 0, "retracted": 0, "gate_failed": 0}
    with store.session() as s:
        # Only rows with something to do: no item yet, a newer model draft, or a retraction to
        # apply. A rerun with nothing new reads no article (it used to load all of them).
        rows = queue_candidates(s)
        states: dict[int, tuple[bool, int, float]] = {}
        for n, (article, draft_id) in enumerate(rows):
            if n % BATCH == 0:  # the gate states of the next batch's drafts, one query
                batch = rows[n : n + BATCH]
                states = item_gate_states(s, [d for a, d in batch if not a.retracted], settings)
            item = article.review_item
            if article.retracted:
                if item is not None and item.status != "retracted":
                    before = {"status": item.status}
                    item.status = "retracted"
                    repo.audit_item(
                        s,
                        SYSTEM,
                        "retract",
                        item,
                        before=before,
                        after={"status": "retracted"},
                    )
                    counts["retracted"] += 1
                continue
            relevance = article.facts.relevance if article.facts else 0.0
            if item is None:
                gate, nflags, severity = states[draft_id]
                item = m.ReviewItem(
                    article_id=article.id,
                    draft_id=draft_id,
                    status="new",
                    gate_failed=gate,
                    flag_count=nflags,
                    priority=priority(relevance, severity),
                )
                s.add(item)
                s.flush()
                repo.audit_item(s, SYSTEM, "queue", item, after={"draft_id": draft_id})
                counts["queued"] += 1
                counts["gate_failed"] += int(gate)
            elif item.status == "new" and item.draft_id != draft_id and item.draft.author is None:
                _point_at(s, item, draft_id, settings, SYSTEM, "redraft", states[draft_id])
                counts["requeued"] += 1
    return counts


def point_items_at_latest(
    store: Store, item_ids: list[int], actor: str, settings: Settings
) -> dict[str, Any]:
    """After a requested regeneration: each item shows its article's newest model draft, and
    its gate state is that draft's.

    The editor asked for it, so this applies in any open status; older versions stay stored.
    """
    moved = 0
    with store.session() as s:
        for item in items_by_ids(s, item_ids):
            newest = newest_model_draft_id(s, item.article_id)
            if (
                newest is None
                or newest == item.draft_id
                or item.status in ("published", "retracted", "rejected")
            ):
                continue
            _point_at(s, item, newest, settings, actor, "regenerate")
            moved += 1
    return {"regenerated": moved}
