"""Crossref fetcher and parser: licence, funders, relations, and retractions of a DOI.

This module only talks to Crossref and parses its answers; it never touches the store. The
enrichment stage (pipeline.stages.crossref, ``plainsci crossref``) picks the DOIs, archives the
answers and writes them through ``repo.apply_crossref_work``.

For each stored article with a DOI, ``GET https://api.crossref.org/works/{doi}?mailto=...`` (the
polite pool; the shared client adopts the ``X-Rate-Limit-Limit``/``-Interval`` the API states).
Each answer is archived as a RawRecord (source ``crossref``, content type ``crossref_work_json``)
so that ``reparse`` can apply it again. From the work:

- licence: the ``vor`` licence URL (else the first one) fills or replaces a licence that did not
  come from the publisher's own JATS (see pipeline.store.merge);
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
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from pipeline.domain import CrossrefWork, normalize_doi
from pipeline.errors import ParseError
from pipeline.sources.base import RawItem
from pipeline.sources.http import HttpClient, HttpStatusError, redact_url

NAME = "crossref"
API = "https://api.crossref.org"
CONTENT_TYPE = "crossref_work_json"
RETRACTION_TYPES = frozenset({"retraction", "withdrawal", "removal", "partial_retraction"})


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


def fetch_work(client: HttpClient, doi: str, mailto: str) -> RawItem | None:
    """The archived-to-be answer for one DOI; None when Crossref does not know the DOI (404)."""
    try:
        response = client.get(work_url(doi), params={"mailto": mailto})
    except HttpStatusError as exc:
        if exc.status_code == 404:
            return None
        raise
    return RawItem(NAME, redact_url(response.request.url), response.content, CONTENT_TYPE)


log = logging.getLogger(__name__)

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
