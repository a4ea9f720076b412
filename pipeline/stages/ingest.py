"""Ingest stage: read raw items from a source, archive them, parse, upsert, quarantine the bad."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.logs import log_context, progress
from pipeline.sources.base import RawItem, Source
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

log = logging.getLogger(__name__)

# Article types that are not research to explain: kept and marked, never drafted.
NOT_DRAFTED_TYPES = {
    "editorial",
    "correction",
    "erratum",
    "retraction",
    "retraction-notice",
    "retracted-article-notice",
    "letter",
    "comment",
    "news",
    "obituary",
    "expression-of-concern",
    "published erratum",
    "retraction of publication",
    "addendum",
    "book-review",
}


def is_draftable(art: Article) -> bool:
    """Research with an abstract; editorials, corrections and retraction notices are not drafted."""
    if art.retracted:
        return False
    if art.article_type and art.article_type.strip().lower() in NOT_DRAFTED_TYPES:
        return False
    return bool(art.sections) and any(s.text.strip() for s in art.sections)


def _parse(source: Source, item: RawItem) -> tuple[list[Article], list[ParseError]]:
    parse_all = getattr(source, "parse_all", None)
    if parse_all is not None:
        return parse_all(item)  # type: ignore[no-any-return]
    return source.parse(item), []


def ingest_item(
    store: Store, source: Source, item: RawItem, run_id: int | None, counts: Counter[str]
) -> list[Article]:
    """One raw item in one transaction: archive, parse, upsert, quarantine what failed.

    Returns the articles committed from the item (what the source's watermark is computed from).
    """
    with store.session() as session:
        raw = repo.archive_raw(session, source.name, item.request, item.payload, item.content_type)
        try:
            articles, errors = _parse(source, item)
        except ParseError as exc:
            articles, errors = [], [exc]
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
            log.exception("parser crashed on %r", item.request)
            articles, errors = [], [ParseError(item.request, f"parser error {type(exc).__name__}: {exc}")]
        for err in errors:
            record = getattr(err, "record", item.request)
            reason = getattr(err, "reason", str(err))
            _, created = repo.quarantine(
                session, source=source.name, record=record, reason=reason, run_id=run_id, raw_record_id=raw.id
            )
            counts["quarantined"] += 1
            counts["read"] += 1
            log.warning("quarantined %r: %r", record, reason)  # repr: names may hold ESC
        for art in articles:
            counts["read"] += 1
            _, status = repo.upsert_article(session, art, draftable=is_draftable(art))
            counts["duplicates" if status == "duplicate" else status] += 1
    return articles


def advance_watermark(store: Store, source_name: str, value: str | None) -> None:
    """Move the source's watermark forward (never back: a backfill leaves it alone)."""
    if not value:
        return
    with store.session() as session:
        row = session.get(m.Watermark, source_name) or m.Watermark(source=source_name)
        if row.value is None or value > row.value:
            row.value = value
            session.add(row)


def run_ingest(
    store: Store,
    source: Source,
    run_id: int | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Ingest everything the source yields; the watermark advances only after each commit."""
    counts: Counter[str] = Counter()
    for key in ("read", "new", "duplicates", "updated", "quarantined"):
        counts[key] = 0
    with store.session() as session:
        wm = session.get(m.Watermark, source.name)
        since = since or (wm.value if wm else None)
    with log_context(run=run_id, source=source.name):
        for item in source.fetch(since=since, until=until, limit=limit):
            if dry_run:
                articles, errors = _parse(source, item)
                counts["read"] += len(articles) + len(errors)
                counts["quarantined"] += len(errors)
            else:
                committed = ingest_item(store, source, item, run_id, counts)
                advance_watermark(store, source.name, source.watermark(item, committed))
            progress(f"ingest {source.name}", counts["read"])  # records read; no total known
    return dict(counts)
