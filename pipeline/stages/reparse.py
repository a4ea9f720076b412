"""Reparse stage: re-derive articles from archived raw payloads with today's parsers, no network.

After a parser fix, ``run_reparse`` reads every RawRecord (optionally of one source), parses it
again the way its source would, and upserts the articles (unchanged ones count as duplicates;
changed ones are updated and so drafted again). Records that still fail are quarantined with
stage ``reparse``. Crossref answers are applied to the stored articles again. Each raw record is
its own transaction, so one bad record never stops the batch.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from pipeline.domain import Article
from pipeline.errors import ParseError, PlainsciError
from pipeline.logs import log_context, progress
from pipeline.settings import Settings, get_settings
from pipeline.sources import crossref
from pipeline.sources.base import SOURCES, RawItem
from pipeline.stages.ingest import is_draftable
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.articles import article_by_doi
from pipeline.store.queries.raw import raw_record_ids

log = logging.getLogger(__name__)
STAGE = "reparse"


def _parser_for(name: str, settings: Settings) -> Any:
    """The source whose parse_all reads ``name``'s raw items (building one fetches nothing)."""
    return SOURCES.get(name)(settings)


def _parse(parser: Any, item: RawItem) -> tuple[list[Article], list[ParseError]]:
    try:
        return parser.parse_all(item)  # type: ignore[no-any-return]
    except ParseError as exc:
        return [], [exc]
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
        log.exception("parser crashed on %r", item.request)
        return [], [ParseError(item.request, f"parser error {type(exc).__name__}: {exc}")]


def _quarantine(session: Any, raw: m.RawRecord, err: ParseError, counts: Counter[str]) -> None:
    """Quarantine what an archived record's parser refused, pointing at the record."""
    repo.quarantine(
        session, source=raw.source, record=err.record, reason=err.reason, stage=STAGE, raw_record_id=raw.id
    )
    counts["quarantined"] += 1


def _reapply_crossref(store: Store, raw_id: int, counts: Counter[str]) -> None:
    with store.session() as session:
        raw = session.get(m.RawRecord, raw_id)
        if raw is None or raw.content_type != crossref.CONTENT_TYPE:
            return
        try:
            work = crossref.parse_work(repo.raw_payload(raw), raw.request)
        except ParseError as exc:
            _quarantine(session, raw, exc, counts)
            return
        row = article_by_doi(session, work.doi)
        if row is not None:
            repo.apply_crossref_work(session, row, work)
            counts["enriched"] += 1


def reparse_record(store: Store, raw_id: int, parser: Any, counts: Counter[str]) -> None:
    """One archived record in one transaction: parse again, upsert, quarantine what fails."""
    with store.session() as session:
        raw = session.get(m.RawRecord, raw_id)
        if raw is None:
            return
        item = RawItem(raw.source, raw.request, repo.raw_payload(raw), raw.content_type)
        articles, errors = _parse(parser, item)
        for err in errors:
            _quarantine(session, raw, err, counts)
        for art in articles:
            _, status = repo.upsert_article(session, art, draftable=is_draftable(art))
            counts["duplicates" if status == "duplicate" else status] += 1


def run_reparse(store: Store, source: str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """Re-derive articles from every archived RawRecord (of ``source`` when given); no network."""
    settings = settings or get_settings()
    counts: Counter[str] = Counter({k: 0 for k in ("records", "new", "duplicates", "updated", "quarantined")})
    with store.session() as session:
        records = raw_record_ids(session, source)
    parsers: dict[str, Any] = {}
    for done, (raw_id, name) in enumerate(records, 1):
        counts["records"] += 1
        with log_context(source=name):
            if name == crossref.NAME:
                _reapply_crossref(store, raw_id, counts)
            else:
                try:
                    parser = parsers.get(name) or parsers.setdefault(name, _parser_for(name, settings))
                except PlainsciError as exc:
                    counts["skipped"] += 1
                    log.warning("raw record %s of unknown source %r skipped: %s", raw_id, name, exc)
                else:
                    reparse_record(store, raw_id, parser, counts)
        progress("reparse", done, len(records))
    return dict(counts)
