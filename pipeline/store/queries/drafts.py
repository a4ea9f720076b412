"""Queries on drafts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pipeline.store import models as m


def draft_cache_keys(session: Session, article_ids: Sequence[int] | None = None) -> set[tuple[int, str]]:
    """(article id, cache key) of every stored draft (of ``article_ids`` when given)."""
    q = select(m.Draft.article_id, m.Draft.cache_key)
    if article_ids is not None:
        q = q.where(m.Draft.article_id.in_(list(article_ids)))
    return {(a, k) for a, k in session.execute(q).all()}


def drafts_by_ids(session: Session, ids: Sequence[int]) -> list[m.Draft]:
    """The drafts ``ids`` that exist, their articles loaded in the same go."""
    return list(
        session.scalars(
            select(m.Draft).where(m.Draft.id.in_(list(ids))).options(selectinload(m.Draft.article))
        )
    )


def newest_model_draft_id(session: Session, article_id: int) -> int | None:
    """Id of the article's newest model-written (not editor-written) draft."""
    return session.scalar(
        select(func.max(m.Draft.id)).where(m.Draft.article_id == article_id, m.Draft.author.is_(None))
    )


def prompt_draft_params(session: Session) -> list[dict[str, Any]]:
    """The params of every stored draft written from a prompt."""
    return list(session.execute(select(m.Draft.params).where(m.Draft.prompt_id.is_not(None))).scalars())
