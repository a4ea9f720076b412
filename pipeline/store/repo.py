"""Repository functions: the only place that knows how stage records map to rows."""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Iterable
from dataclasses import asdict
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.domain import Article, CrossrefWork, Section
from pipeline.store import merge
from pipeline.store import models as m

log = logging.getLogger(__name__)

UpsertStatus = Literal["new", "duplicate", "updated"]
CROSSREF = "crossref"  # the source name and the audit actor of Crossref enrichment


def find_article(session: Session, art: Article, *, fuzzy: bool = True) -> m.Article | None:
    """The stored article with the same DOI, else PMID, else PMCID, else (``fuzzy``) the same
    normalized title, year (±1) and first author: see pipeline.store.merge."""
    for col, value in ((m.Article.doi, art.doi), (m.Article.pmid, art.pmid), (m.Article.pmcid, art.pmcid)):
        if value:
            row = session.scalars(select(m.Article).where(col == value)).first()
            if row is not None:
                return row
    if fuzzy:
        return merge.find_fuzzy(session, art)
    return None


def _fill_ids(session: Session, row: m.Article, art: Article) -> None:
    """Identifiers missing on the row, taken from ``art`` unless another row already holds them."""
    for attr in ("doi", "pmid", "pmcid"):
        value = getattr(art, attr)
        if getattr(row, attr) is None and value:
            holder = session.scalars(select(m.Article.id).where(getattr(m.Article, attr) == value)).first()
            if holder is None:
                setattr(row, attr, value)


def _content(art: Article) -> dict[str, Any]:
    return {
        "title": art.title,
        "journal": art.journal,
        "publisher": art.publisher,
        "published": art.published,
        "license": art.license,
        "article_type": art.article_type,
        "language": art.language,
        "authors": list(art.authors),
        "sections": [asdict(s) for s in art.sections],
        "keywords": list(art.keywords),
        "mesh": list(art.mesh),
        "url": art.url,
    }


def upsert_article(
    session: Session, art: Article, *, draftable: bool = True
) -> tuple[m.Article, UpsertStatus]:
    """Insert a new article or merge into the one with the same DOI / PMID / PMCID.

    Identifiers missing on the stored row are filled in; content is replaced only when its
    fingerprint changed (a corrected parser or an updated record), which in turn makes the
    drafting cache miss so the article is drafted again. Across sources the merge precedence of
    pipeline.store.merge applies: a lower-ranked source (e.g. PubMed after publisher JATS) only
    fills what is missing and never replaces the title and abstract.
    """
    fp = art.content_fingerprint()
    row = find_article(session, art)
    if row is None:
        row = m.Article(
            doi=art.doi,
            pmid=art.pmid,
            pmcid=art.pmcid,
            source=art.source,
            source_id=art.source_id,
            fingerprint=fp,
            retracted=art.retracted,
            draftable=draftable,
            **_content(art),
        )
        session.add(row)
        session.flush()
        return row, "new"
    _fill_ids(session, row, art)
    row.last_seen = m.utcnow()
    if art.retracted and not row.retracted:
        row.retracted = True
    replace = row.fingerprint != fp and merge.replaces_content(row.source, art.source)
    merge.merge_metadata(row, art, content_replaced=replace)
    if not replace:
        return row, "duplicate"
    for key, value in _content(art).items():
        if key in ("title", "sections") or value not in (None, [], ""):
            setattr(row, key, value)
    if row.source != art.source:
        row.source, row.source_id = art.source, art.source_id
    row.fingerprint = fp
    row.draftable = draftable
    return row, "updated"


def to_domain(row: m.Article) -> Article:
    """A stored article back as the domain record stages work on."""
    return Article(
        source=row.source,
        source_id=row.source_id,
        title=row.title,
        sections=[Section(s.get("label"), s["text"]) for s in row.sections],
        doi=row.doi,
        pmid=row.pmid,
        pmcid=row.pmcid,
        journal=row.journal,
        publisher=row.publisher,
        published=row.published,
        license=row.license,
        article_type=row.article_type,
        authors=list(row.authors or []),
        keywords=list(row.keywords or []),
        mesh=list(row.mesh or []),
        url=row.url,
        language=row.language,
        retracted=row.retracted,
    )


def archive_raw(
    session: Session, source: str, request: str, payload: bytes, content_type: str | None
) -> m.RawRecord:
    """Store the payload compressed, once per (source, content hash)."""
    sha = hashlib.sha256(payload).hexdigest()
    row = session.scalars(
        select(m.RawRecord).where(m.RawRecord.source == source, m.RawRecord.sha256 == sha)
    ).first()
    if row is None:
        row = m.RawRecord(
            source=source,
            request=request,
            sha256=sha,
            payload=zlib.compress(payload, 6),
            content_type=content_type,
        )
        session.add(row)
        session.flush()
    return row


def raw_payload(row: m.RawRecord) -> bytes:
    return zlib.decompress(row.payload)


def quarantine(
    session: Session,
    *,
    source: str,
    record: str,
    reason: str,
    stage: str = "ingest",
    run_id: int | None = None,
    raw_record_id: int | None = None,
) -> tuple[m.Quarantine, bool]:
    """Record a bad record with its reason; returns (row, created). Re-quarantining is a no-op."""
    rh = hashlib.sha256(f"{stage}\0{reason}".encode()).hexdigest()
    row = session.scalars(
        select(m.Quarantine).where(
            m.Quarantine.source == source, m.Quarantine.record == record, m.Quarantine.reason_hash == rh
        )
    ).first()
    if row is not None:
        return row, False
    row = m.Quarantine(
        source=source,
        record=record,
        reason=reason,
        reason_hash=rh,
        stage=stage,
        run_id=run_id,
        raw_record_id=raw_record_id,
    )
    session.add(row)
    session.flush()
    return row, True


def quarantine_article(
    session: Session,
    article: m.Article,
    exc: BaseException,
    stage: str,
    run_id: int | None,
    *,
    cache_key: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Quarantine a stored article that ``stage`` could not process (``exc`` says why) and return
    the failure a stage reports (article id, DOI, reason, and ``extra``, e.g. the draft id).

    ``cache_key``: the draft stage's key of a failure that the same inputs would repeat; it is
    kept on the row (the latest one when the same reason comes back under a new key) so that
    the next run skips the article until the key changes."""
    reason = f"{type(exc).__name__}: {exc}"
    row, _ = quarantine(
        session,
        source=article.source,
        record=article.doi or article.source_id,
        reason=reason,
        stage=stage,
        run_id=run_id,
    )
    if cache_key is not None:
        row.article_id, row.cache_key = article.id, cache_key
    return {"article_id": article.id, **extra, "doi": article.doi, "reason": reason}


def audit(
    session: Session,
    actor: str,
    action: str,
    *,
    item_id: int | None = None,
    article_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> m.AuditEvent:
    ev = m.AuditEvent(
        actor=actor, action=action, item_id=item_id, article_id=article_id, before=before, after=after
    )
    session.add(ev)
    return ev


def audit_item(
    session: Session,
    actor: str,
    action: str,
    item: m.ReviewItem,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> m.AuditEvent:
    """An audit event about a review item, under its id and its article's."""
    return audit(
        session, actor, action, item_id=item.id, article_id=item.article_id, before=before, after=after
    )


def _mark_retracted(session: Session, row: m.Article, notice: str) -> bool:
    if row.retracted:
        return False
    row.retracted = True
    row.draftable = False
    audit(
        session,
        CROSSREF,
        "crossref.retraction",
        article_id=row.id,
        before={"retracted": False},
        after={"retracted": True, "notice": notice},
    )
    return True


def apply_crossref_work(session: Session, row: m.Article, work: CrossrefWork) -> list[str]:
    """Write a Crossref work's licence, funders, relations and retractions to the store (merge
    rules in pipeline.store.merge: licence precedence, sticky retraction); the names of what
    changed."""
    changed: list[str] = []
    if (
        work.license
        and work.license != row.license
        and (not row.license or merge.license_rank(row.source) > merge.license_rank(CROSSREF))
    ):
        row.license = work.license
        changed.append("license")
    # None (never asked) becomes [] / {}: Crossref was asked and lists none.
    if row.funders != work.funders:
        row.funders = list(work.funders)
        changed.append("funders")
    if row.relations != work.relations:
        row.relations = dict(work.relations)
        changed.append("relations")
    if work.retracted_by and _mark_retracted(session, row, work.retracted_by[0]):
        changed.append("retracted")
    for target_doi in work.retracts:
        target = session.scalars(select(m.Article).where(m.Article.doi == target_doi)).first()
        if target is not None and _mark_retracted(session, target, work.doi):
            changed.append(f"retracted:{target_doi}")
    if changed:
        log.info("crossref %s: %s", work.doi, ", ".join(changed))
    return changed


# The score stage's bookkeeping row (see pipeline.stages.score): not a score.
SCORE_MARKER_FIELD = "*"


def current_scores(scores: Iterable[m.Score]) -> list[m.Score]:
    """A draft's scores as they stand: per field and metric only the newest row.

    Rows of older metric versions stay stored (a rescoring after a metric changes adds rows, it
    never rewrites them), so every reader that shows, counts or gates scores goes through this.
    """
    newest: dict[tuple[str, str], m.Score] = {}
    for row in scores:
        if row.field == SCORE_MARKER_FIELD:
            continue
        key = (row.field, row.metric)
        if key not in newest or row.id > newest[key].id:
            newest[key] = row
    return sorted(newest.values(), key=lambda r: (r.field, r.metric))


def next_draft_version(session: Session, article_id: int) -> int:
    from sqlalchemy import func

    current = session.scalar(select(func.max(m.Draft.version)).where(m.Draft.article_id == article_id))
    return (current or 0) + 1


def lock_expiry(minutes: int = 30) -> Any:
    return m.utcnow() + timedelta(minutes=minutes)


def accepted_learned_swaps(session: Session) -> list[tuple[str, str]]:
    """(term, plain) of the editor swaps an admin accepted, oldest first."""
    rows = session.execute(
        select(m.LearnedSwap.term, m.LearnedSwap.plain)
        .where(m.LearnedSwap.status == "accepted")
        .order_by(m.LearnedSwap.id)
    ).all()
    return [(t, p) for t, p in rows]


def recent_runs(session: Session, limit: int) -> list[m.Run]:
    """The ``limit`` newest runs, newest first."""
    return list(session.scalars(select(m.Run).order_by(m.Run.id.desc()).limit(limit)))


def open_run(session: Session, flow: str, settings: dict[str, Any]) -> m.Run:
    """A new 'running' Run row with ``settings`` and the watermarks it starts from; runs left
    'running' by a killed process are marked 'crashed' first."""
    for stale in session.scalars(select(m.Run).where(m.Run.status == "running")):
        stale.status = "crashed"
    run = m.Run(flow=flow, status="running", watermarks_before=watermarks(session), settings=settings)
    session.add(run)
    session.flush()
    return run


def close_run(session: Session, run: m.Run, status: str, counts: dict[str, Any], errors: list[Any]) -> None:
    """Record how ``run`` ended: status, counts, errors, end time and the watermarks it leaves."""
    run.counts, run.errors, run.status = counts, errors, status
    run.finished_at = m.utcnow()
    run.watermarks_after = watermarks(session)


def recent_quarantine(session: Session, limit: int) -> list[m.Quarantine]:
    """The ``limit`` newest quarantined records, newest first."""
    return list(session.scalars(select(m.Quarantine).order_by(m.Quarantine.id.desc()).limit(limit)))


def watermarks(session: Session) -> dict[str, str | None]:
    """Every source's stored watermark."""
    return {w.source: w.value for w in session.scalars(select(m.Watermark))}


def item_article_ids(session: Session, item_ids: Iterable[int]) -> list[int]:
    """The articles of the review items ``item_ids``."""
    return list(session.scalars(select(m.ReviewItem.article_id).where(m.ReviewItem.id.in_(list(item_ids)))))


def watermark(session: Session, source: str) -> str | None:
    """How far ``source`` has been fetched (its stored watermark), or None before its first run."""
    row = session.get(m.Watermark, source)
    return row.value if row is not None and row.value else None
