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


def failed_draft_keys(session: Session, article_ids: Sequence[int] | None = None) -> set[tuple[int, str]]:
    """(article id, draft cache key) of every draft that failed on its own inputs (quarantined by
    the draft stage with its key, migration 0011), of ``article_ids`` when given."""
    q = select(m.Quarantine.article_id, m.Quarantine.cache_key).where(
        m.Quarantine.stage == "draft", m.Quarantine.cache_key.is_not(None)
    )
    if article_ids is not None:
        q = q.where(m.Quarantine.article_id.in_(list(article_ids)))
    return {(int(a), str(k)) for a, k in session.execute(q).all() if a is not None}


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


def version_authors(session: Session, article_id: int, up_to_version: int) -> list[tuple[int, str | None]]:
    """(version, author; None for a model draft) of the article's drafts up to ``up_to_version``,
    newest first."""
    rows = session.execute(
        select(m.Draft.version, m.Draft.author)
        .where(m.Draft.article_id == article_id, m.Draft.version <= up_to_version)
        .order_by(m.Draft.version.desc())
    )
    return [(v, a) for v, a in rows]


def version_of_draft(session: Session, draft_id: int) -> int | None:
    """The version number of the draft ``draft_id``, or None when there is no such draft."""
    return session.scalar(select(m.Draft.version).where(m.Draft.id == draft_id))


def editor_authors(session: Session, article_id: int) -> list[str]:
    """The authors of the article's editor-written drafts, newest version first (repeats kept)."""
    return [
        a
        for a in session.scalars(
            select(m.Draft.author)
            .where(m.Draft.article_id == article_id, m.Draft.author.is_not(None))
            .order_by(m.Draft.version.desc())
        )
        if a is not None
    ]


def draft_by_version(session: Session, article_id: int, version: int) -> m.Draft | None:
    """Version ``version`` of the article's drafts, if there is one."""
    return session.scalars(
        select(m.Draft).where(m.Draft.article_id == article_id, m.Draft.version == version)
    ).first()


def article_drafts(session: Session, article_id: int) -> list[m.Draft]:
    """Every draft of the article, newest version first."""
    return list(
        session.scalars(
            select(m.Draft).where(m.Draft.article_id == article_id).order_by(m.Draft.version.desc())
        )
    )


def draft_ids_of(session: Session, article_id: int) -> list[int]:
    """Ids of every draft of the article."""
    return list(session.scalars(select(m.Draft.id).where(m.Draft.article_id == article_id)))
