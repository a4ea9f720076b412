"""Queries on articles and their facts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.store import models as m


def articles_by_ids(session: Session, ids: Sequence[int], *, with_facts: bool = False) -> list[m.Article]:
    """The articles ``ids`` that exist, by id (``with_facts``: their facts loaded in the same go)."""
    q = select(m.Article).where(m.Article.id.in_(list(ids))).order_by(m.Article.id)
    if with_facts:
        q = q.options(selectinload(m.Article.facts))
    return list(session.scalars(q))


def article_by_doi(session: Session, doi: str) -> m.Article | None:
    """The stored article with this DOI, if any."""
    return session.scalars(select(m.Article).where(m.Article.doi == doi)).first()


def article_dois(session: Session) -> list[tuple[int, str]]:
    """(id, DOI) of every article that has a DOI, by id."""
    rows = session.execute(
        select(m.Article.id, m.Article.doi).where(m.Article.doi.is_not(None)).order_by(m.Article.id)
    )
    return [(i, d) for i, d in rows if d is not None]


def facts_fingerprints(session: Session) -> list[tuple[int, str, str | None, str | None]]:
    """(id, content fingerprint, facts' input fingerprint, facts' extractor version) of every
    article, by id; the last two are None for an article without facts."""
    rows = session.execute(
        select(
            m.Article.id,
            m.Article.fingerprint,
            m.ArticleFacts.input_fingerprint,
            m.ArticleFacts.extractor_version,
        )
        .outerjoin(m.ArticleFacts, m.ArticleFacts.article_id == m.Article.id)
        .order_by(m.Article.id)
    ).all()
    return [(a, fp, ifp, ver) for a, fp, ifp, ver in rows]


def draftable_fingerprints(session: Session, ids: Sequence[int] | None = None) -> list[tuple[int, str, str]]:
    """(id, content fingerprint, facts' extractor version) of the draftable, unretracted
    articles that have facts (of ``ids`` when given), by id."""
    q = (
        select(m.Article.id, m.Article.fingerprint, m.ArticleFacts.extractor_version)
        .join(m.ArticleFacts, m.ArticleFacts.article_id == m.Article.id)
        .where(m.Article.draftable.is_(True), m.Article.retracted.is_(False))
        .order_by(m.Article.id)
    )
    if ids is not None:
        q = q.where(m.Article.id.in_(list(ids)))
    return [(a, fp, ver) for a, fp, ver in session.execute(q).all()]


def articles_with_drafts(session: Session) -> list[m.Article]:
    """Every article, by id, with its drafts and their scores, its review item and its facts loaded."""
    return list(
        session.scalars(
            select(m.Article)
            .options(
                selectinload(m.Article.drafts).selectinload(m.Draft.scores),
                selectinload(m.Article.review_item),
                selectinload(m.Article.facts),
            )
            .order_by(m.Article.id)
        )
    )
