"""Europe PMC REST search (resultType=core, JSON) with cursorMark paging.

Query: the journals' ISSNs OR the topic queries, AND the date window on ``FIRST_PDATE`` (or the
field named in the sources file), AND an optional filter (``HAS_ABSTRACT:y`` by default). Paging
stops when a page is empty, short, or ``nextCursorMark`` is missing or repeats the current one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from pipeline.domain import Article, normalize_doi
from pipeline.errors import ParseError
from pipeline.sources.base import SOURCES, RawItem
from pipeline.sources.config import SourcesConfig
from pipeline.sources.http import redact_url
from pipeline.sources.network import NetworkSource
from pipeline.sources.parsers.detect import EUROPEPMC_JSON

NAME = "europepmc"
SEARCH_URL = "https://www.ebi.ac.uk/europepmc/webservices/rest/search"
MAX_PAGE_SIZE = 1000


def quote(term: str) -> str:
    """A phrase in double quotes (inner quotes dropped) unless it already is a fielded query."""
    term = term.strip()
    if term.startswith("(") or (":" in term and not term.startswith('"')) or term.startswith('"'):
        return term
    return '"' + term.replace('"', "") + '"'


def build_query(config: SourcesConfig, start: date, end: date, date_field: str, extra: str | None) -> str:
    """``(ISSN:"a" OR ... OR "topic" ...) AND FIRST_PDATE:[start TO end] [AND extra]``."""
    terms = [f'ISSN:"{issn}"' for issn in config.issns] + [quote(t) for t in config.topics]
    parts = [f"({' OR '.join(terms)})"] if terms else []
    parts.append(f"{date_field}:[{start.isoformat()} TO {end.isoformat()}]")
    if extra:
        parts.append(extra)
    return " AND ".join(parts)


def doi_query(dois: Sequence[str]) -> str:
    """A query for exactly these DOIs."""
    return " OR ".join(f'DOI:"{normalize_doi(d)}"' for d in dois)


def _page_info(payload: bytes) -> tuple[int, str | None]:
    """(results on the page, nextCursorMark) of a search response; (0, None) if it is not JSON."""
    try:
        data = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return 0, None
    if not isinstance(data, dict):
        return 0, None
    results = (data.get("resultList") or {}).get("result") or []
    return len(results), data.get("nextCursorMark")


@SOURCES.register(NAME)
class EuropePMCSource(NetworkSource):
    """Europe PMC core records for the journals and topics of the sources file."""

    name = NAME

    def search(self, query: str, *, page_size: int = 100, limit: int | None = None) -> Iterator[RawItem]:
        """One RawItem per page of ``query``; the last page is marked final for the watermark."""
        cursor, seen = "*", 0
        page_size = max(1, min(page_size, MAX_PAGE_SIZE, limit or MAX_PAGE_SIZE))
        while True:
            params: dict[str, Any] = {
                "query": query,
                "resultType": "core",
                "format": "json",
                "pageSize": page_size,
                "cursorMark": cursor,
            }
            response = self.client.get(SEARCH_URL, params=params)
            item = RawItem(NAME, redact_url(response.request.url), response.content, EUROPEPMC_JSON)
            count, next_cursor = _page_info(response.content)
            seen += count
            done = (
                count == 0
                or count < page_size
                or not next_cursor
                or next_cursor == cursor
                or (limit is not None and seen >= limit)
            )
            if done:
                self.tracker.mark_final(item)
            yield item
            if done:
                return
            cursor = next_cursor  # type: ignore[assignment]

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """Pages of core records first published in the window (``limit``: records, not pages)."""
        start, end = self.window(since, until)
        query = build_query(
            self.config,
            start,
            end,
            str(self.option("date_field", "FIRST_PDATE")),
            self.option("filter", None),  # type: ignore[arg-type]
        )
        yield from self.search(query, page_size=int(self.option("page_size", 100)), limit=limit)  # type: ignore[call-overload]

    def lookup_dois(self, dois: Sequence[str]) -> Iterator[RawItem]:
        """Pages of core records for these DOIs (the feeds source completes entries with it)."""
        yield from self.search(doi_query(dois), page_size=max(len(dois), 1), limit=max(len(dois), 1))


def keep_requested(
    articles: list[Article], errors: list[ParseError], dois: Sequence[str], ref: str
) -> tuple[list[Article], list[ParseError]]:
    """Only the articles and errors for ``dois``; a requested DOI found nowhere becomes a ParseError."""
    wanted = {normalize_doi(d) for d in dois}
    kept = [a for a in articles if a.doi in wanted]
    kept_errors = [e for e in errors if e.record == ref or e.record.split("#", 1)[-1].lower() in wanted]
    found = {a.doi for a in kept} | {e.record.split("#", 1)[-1].lower() for e in kept_errors}
    missing = [
        ParseError(f"{ref}#{d}", "not (yet) in Europe PMC; fetched again while the entry stays in the feed")
        for d in sorted(wanted - found)
    ]
    return kept, [*kept_errors, *missing]
