"""Crossref enrichment of stored DOIs: licence, funders, relations, and retractions.

For each stored article with a DOI, ``GET https://api.crossref.org/works/{doi}?mailto=...`` (the
polite pool; the shared client adopts the ``X-Rate-Limit-Limit``/``-Interval`` the API states).
Each answer is archived as a RawRecord (source ``crossref``, content type ``crossref_work_json``)
so that ``reparse`` can apply it again. From the work:

- licence: the ``vor`` licence URL (else the first one) fills or replaces a licence that did not
  come from the publisher's own JATS (see pipeline.sources.dedup);
- ``updated-by`` entries of type retraction / withdrawal / removal mark the article retracted;
  ``update-to`` entries of those types on a stored notice mark the stored target retracted. The
  queue stage then takes a retracted article out of review with an audit event; enrichment itself
  records a ``crossref.retraction`` audit event naming the notice;
- funders (names) and relations (related DOIs by relation type, e.g. ``is-preprint-of``) are
  stored on the article (``articles.funders`` / ``articles.relations``, migration 0003) and shown
  to editors on the draft page.

``iter_pages`` pages a works query with ``cursor=*`` until a page has no items, the total is
reached or the page bound is hit. Crossref may answer consecutive pages with the same
``next-cursor`` (a deep-paging cursor names the scroll, not the position), so a repeated cursor is
not the end.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.domain import normalize_doi
from pipeline.errors import ParseError, SourceError, TransientSourceError
from pipeline.settings import Settings
from pipeline.sources import dedup
from pipeline.sources.base import RawItem
from pipeline.sources.http import HttpClient, HttpStatusError, make_client, redact_url
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

log = logging.getLogger(__name__)

NAME = "crossref"
API = "https://api.crossref.org"
CONTENT_TYPE = "crossref_work_json"
RETRACTION_TYPES = frozenset({"retraction", "withdrawal", "removal", "partial_retraction"})
ACTOR = "crossref"


@dataclass
class CrossrefWork:
    doi: str
    license: str | None = None
    funders: list[str] = field(default_factory=list)
    relations: dict[str, list[str]] = field(default_factory=dict)
    retracted_by: list[str] = field(default_factory=list)  # notices that retract this work
    retracts: list[str] = field(default_factory=list)  # works this notice retracts


def _license(message: Mapping[str, Any]) -> str | None:
    licenses = [x for x in message.get("license") or [] if isinstance(x, dict) and x.get("URL")]
    vor = [x for x in licenses if x.get("content-version") == "vor"]
    chosen = (vor or licenses)[:1]
    return str(chosen[0]["URL"]) if chosen else None


def _updates(entries: Any) -> list[str]:
    """DOIs of the retraction-type entries of an ``updated-by`` / ``update-to`` list."""
    return [
        normalize_doi(e["DOI"])
        for e in entries or []
        if isinstance(e, dict) and e.get("DOI") and str(e.get("type", "")).lower() in RETRACTION_TYPES
    ]


def _relations(message: Mapping[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, targets in (message.get("relation") or {}).items():
        ids = [str(t.get("id")) for t in targets or [] if isinstance(t, dict) and t.get("id")]
        if ids:
            out[kind] = ids
    return out


def parse_work(payload: bytes, ref: str) -> CrossrefWork:
    """The enrichment fields of a ``/works/{doi}`` answer; ParseError when it is not one."""
    try:
        data = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(ref, f"malformed JSON ({exc})") from None
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict) or data.get("message-type") != "work" or not message.get("DOI"):
        raise ParseError(ref, "not a Crossref work (message-type 'work' with a DOI)")
    return CrossrefWork(
        doi=normalize_doi(str(message["DOI"])),
        license=_license(message),
        funders=[
            str(f["name"]) for f in message.get("funder") or [] if isinstance(f, dict) and f.get("name")
        ],
        relations=_relations(message),
        retracted_by=_updates(message.get("updated-by")),
        retracts=_updates(message.get("update-to")),
    )


def work_url(doi: str) -> str:
    return f"{API}/works/{quote(normalize_doi(doi), safe='/')}"


def _mark_retracted(session: Session, row: m.Article, notice: str) -> bool:
    if row.retracted:
        return False
    row.retracted = True
    row.draftable = False
    repo.audit(
        session,
        ACTOR,
        "crossref.retraction",
        article_id=row.id,
        before={"retracted": False},
        after={"retracted": True, "notice": notice},
    )
    return True


def apply_work(session: Session, row: m.Article, work: CrossrefWork) -> list[str]:
    """Write the work's licence, funders, relations and retractions to the store; the names of
    what changed."""
    changed: list[str] = []
    if (
        work.license
        and work.license != row.license
        and (not row.license or dedup.license_rank(row.source) > dedup.license_rank(NAME))
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


def fetch_work(client: HttpClient, doi: str, mailto: str) -> RawItem | None:
    """The archived-to-be answer for one DOI; None when Crossref does not know the DOI (404)."""
    try:
        response = client.get(work_url(doi), params={"mailto": mailto})
    except HttpStatusError as exc:
        if exc.status_code == 404:
            return None
        raise
    return RawItem(NAME, redact_url(response.request.url), response.content, CONTENT_TYPE)


def _due(session: Session, refresh_days: int, limit: int | None) -> list[tuple[int, str]]:
    """(article id, DOI) of articles whose DOI has no Crossref answer newer than ``refresh_days``."""
    cutoff = m.utcnow() - timedelta(days=refresh_days)
    recent = {
        r.split("?", 1)[0]
        for r in session.scalars(
            select(m.RawRecord.request).where(m.RawRecord.source == NAME, m.RawRecord.fetched_at >= cutoff)
        )
    }
    rows = session.execute(
        select(m.Article.id, m.Article.doi).where(m.Article.doi.is_not(None)).order_by(m.Article.id)
    )
    due = [(i, d) for i, d in rows if d is not None and work_url(d) not in recent]
    return due[:limit] if limit is not None else due


def enrich_one(
    store: Store, client: HttpClient, article_id: int, doi: str, mailto: str, counts: Counter[str]
) -> None:
    """Fetch, archive and apply one DOI's work in one transaction; quarantine what cannot be read."""
    item = fetch_work(client, doi, mailto)
    if item is None:
        counts["not_found"] += 1
        return
    with store.session() as session:
        raw = repo.archive_raw(session, NAME, item.request, item.payload, item.content_type)
        try:
            work = parse_work(item.payload, item.request)
        except ParseError as exc:
            repo.quarantine(
                session,
                source=NAME,
                record=exc.record,
                reason=exc.reason,
                stage="enrich",
                raw_record_id=raw.id,
            )
            counts["quarantined"] += 1
            return
        row = session.get(m.Article, article_id)
        changed = apply_work(session, row, work) if row is not None else []
        counts["enriched"] += 1
        counts["retracted"] += sum(1 for c in changed if c.startswith("retracted"))
        counts["license"] += int("license" in changed)
        counts["funders"] += int(bool(work.funders))


def run_crossref_enrichment(
    store: Store,
    settings: Settings,
    client: HttpClient | None = None,
    *,
    limit: int | None = None,
    refresh_days: int = 30,
) -> dict[str, int]:
    """Enrich stored DOIs from Crossref; one failing DOI is counted and the batch goes on."""
    counts: Counter[str] = Counter(
        {
            k: 0
            for k in (
                "checked",
                "enriched",
                "not_found",
                "retracted",
                "license",
                "funders",
                "quarantined",
                "errors",
            )
        }
    )
    own = client is None
    client = client or make_client(settings)
    try:
        with store.session() as session:
            due = _due(session, refresh_days, limit)
        for article_id, doi in due:
            counts["checked"] += 1
            try:
                enrich_one(store, client, article_id, doi, settings.contact_email, counts)
            except TransientSourceError:
                raise  # the service is down: stop, the next run retries
            except SourceError as exc:
                counts["errors"] += 1
                log.warning("crossref %s: %s", doi, exc)
    finally:
        if own:
            client.close()
    return dict(counts)


MAX_PAGES = 10_000  # safety bound on one query: 1,000,000 works at rows=100


def iter_pages(
    client: HttpClient,
    params: Mapping[str, Any],
    mailto: str,
    *,
    rows: int = 100,
    limit: int | None = None,
    max_pages: int = MAX_PAGES,
) -> Iterator[RawItem]:
    """Pages of a ``/works`` query with cursor paging, one RawItem each.

    Stops at a page with no items (Crossref's end of results), when ``total-results`` or ``limit``
    works have been seen, when there is no ``next-cursor``, or after ``max_pages`` pages. The same
    ``next-cursor`` on consecutive pages is normal for Crossref and does not end the paging.
    """
    cursor, seen = "*", 0
    for page in range(1, max_pages + 1):
        response = client.get(
            f"{API}/works", params={**params, "rows": rows, "cursor": cursor, "mailto": mailto}
        )
        yield RawItem(NAME, redact_url(response.request.url), response.content, "crossref_works_json")
        try:
            message = json.loads(response.content).get("message") or {}
        except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            return
        items = message.get("items") or []
        seen += len(items)
        next_cursor = message.get("next-cursor")
        total = message.get("total-results")
        if not items or not next_cursor or (isinstance(total, int) and seen >= total):
            return
        if limit is not None and seen >= limit:
            return
        if page == max_pages:
            log.warning("crossref paging stopped after %d pages (%d works seen)", max_pages, seen)
        cursor = next_cursor
