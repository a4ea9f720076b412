"""Crossref stage: enrich stored DOIs with licence, funders, relations and retraction notices.

Reads the articles with a DOI that have no Crossref answer newer than ``refresh_days``, fetches
each work with pipeline.sources.crossref, archives the answer as a RawRecord (so ``reparse`` can
apply it again) and writes it through ``repo.apply_crossref_work``, one DOI per transaction. A
DOI Crossref does not know is counted, an unreadable answer is quarantined, and one failing DOI
never stops the batch; a service that is down (TransientSourceError) stops it for the next run.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

from pipeline.errors import ParseError, SourceError, TransientSourceError
from pipeline.logs import progress
from pipeline.settings import Settings
from pipeline.sources.crossref import NAME, fetch_work, parse_work, work_url
from pipeline.sources.http import HttpClient, make_client
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Session, Store
from pipeline.store.queries.articles import article_dois
from pipeline.store.queries.raw import requests_since

log = logging.getLogger(__name__)

COUNTS = ("checked", "enriched", "not_found", "retracted", "license", "funders", "quarantined", "errors")


def _due(session: Session, refresh_days: int, limit: int | None) -> list[tuple[int, str]]:
    """(article id, DOI) of articles whose DOI has no Crossref answer newer than ``refresh_days``."""
    cutoff = m.utcnow() - timedelta(days=refresh_days)
    recent = {r.split("?", 1)[0] for r in requests_since(session, NAME, cutoff)}
    due = [(i, d) for i, d in article_dois(session) if work_url(d) not in recent]
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
        changed = repo.apply_crossref_work(session, row, work) if row is not None else []
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
    counts: Counter[str] = Counter(dict.fromkeys(COUNTS, 0))
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
            progress("crossref", counts["checked"], len(due))
    finally:
        if own:
            client.close()
    return dict(counts)
