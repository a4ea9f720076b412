"""Enrich stage: study facts (design, evidence level, participants, period, categories)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.enrich.facts import EXTRACTOR_VERSION, extract_facts_batch
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

BATCH = 64


def pending_ids(store: Store) -> list[int]:
    """Articles without facts for their current content and extractor version."""
    with store.session() as s:
        rows = s.execute(
            select(
                m.Article.id,
                m.Article.fingerprint,
                m.ArticleFacts.input_fingerprint,
                m.ArticleFacts.extractor_version,
            )
            .outerjoin(m.ArticleFacts, m.ArticleFacts.article_id == m.Article.id)
            .order_by(m.Article.id)
        ).all()
    return [aid for aid, fp, ifp, ver in rows if ifp != fp or ver != EXTRACTOR_VERSION]


def run_enrich(store: Store, run_id: int | None = None, ids: list[int] | None = None) -> dict[str, Any]:
    """Extract facts for pending articles, one committed batch at a time."""
    todo = pending_ids(store) if ids is None else ids
    done = 0
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        with store.session() as s:
            rows = s.scalars(
                select(m.Article).where(m.Article.id.in_(chunk)).options(selectinload(m.Article.facts))
            ).all()
            facts = extract_facts_batch([repo.to_domain(r) for r in rows])
            for row, f in zip(rows, facts, strict=True):
                target = row.facts or m.ArticleFacts(article_id=row.id)
                target.data = f.to_dict()
                target.input_fingerprint = row.fingerprint
                target.extractor_version = EXTRACTOR_VERSION
                target.relevance = f.relevance
                s.add(target)
                done += 1
    return {"enriched": done}
