"""Europe PMC source on recorded responses: cursor paging, empty and malformed pages, watermarks."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx
from sqlalchemy import func, select

from pipeline.errors import TransientSourceError
from pipeline.sources.config import SourcesConfig
from pipeline.sources.europepmc import SEARCH_URL, EuropePMCSource
from pipeline.sources.http import HttpClient
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.sources.conftest import body

PAGE1 = body("search_core_cancer_page1.json")
EMPTY = body("search_no_results.json")
PAGE1_RECORDS = json.loads(PAGE1)["resultList"]["result"]
WITH_ABSTRACT = sum(1 for r in PAGE1_RECORDS if r.get("abstractText"))


@pytest.fixture
def source(settings, client: HttpClient, config: SourcesConfig) -> EuropePMCSource:  # type: ignore[no-untyped-def]
    return EuropePMCSource(settings, client=client, config=config)


def _watermark(store: Store, name: str) -> str | None:
    with store.session() as s:
        row = s.get(m.Watermark, name)
        return row.value if row else None


def _query(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}


@respx.mock
def test_pages_with_cursor_until_an_empty_page(store: Store, source: EuropePMCSource) -> None:
    route = respx.get(SEARCH_URL).mock(
        side_effect=[httpx.Response(200, content=PAGE1), httpx.Response(200, content=EMPTY)]
    )
    counts = run_ingest(store, source, since="2025-11-10", until="2026-01-31")
    first, second = (_query(c.request) for c in route.calls)
    assert first["cursorMark"] == "*" and second["cursorMark"] == json.loads(PAGE1)["nextCursorMark"]
    assert first["resultType"] == "core" and first["pageSize"] == "25"
    assert 'ISSN:"1471-2474"' in first["query"] and '"spinal cord injury"' in first["query"]
    assert "FIRST_PDATE:[2025-11-07 TO 2026-01-31]" in first["query"]  # 3 days of overlap
    assert counts["new"] == WITH_ABSTRACT and counts["quarantined"] == len(PAGE1_RECORDS) - WITH_ABSTRACT
    with store.session() as s:
        requests = list(s.scalars(select(m.RawRecord.request)))
        reasons = set(s.scalars(select(m.Quarantine.reason)))
    assert len(requests) == 2 and all(r.startswith(SEARCH_URL) for r in requests)
    assert reasons == {"no abstract"}
    newest = max(r["firstPublicationDate"] for r in PAGE1_RECORDS if r.get("abstractText"))
    assert _watermark(store, "europepmc") == min(newest, "2026-01-31")


@respx.mock
def test_repeated_cursor_ends_paging(source: EuropePMCSource) -> None:
    data = json.loads(PAGE1)
    data["nextCursorMark"] = "*"  # the API answering with the cursor it was given: the end
    route = respx.get(SEARCH_URL).mock(return_value=httpx.Response(200, json=data))
    assert len(list(source.fetch(since="2025-12-01", until="2025-12-31"))) == 1
    assert route.call_count == 1


@respx.mock
def test_empty_result_yields_one_archived_page_and_no_articles(store: Store, source: EuropePMCSource) -> None:
    respx.get(SEARCH_URL).mock(return_value=httpx.Response(200, content=EMPTY))
    counts = run_ingest(store, source, since="2025-12-01", until="2025-12-31")
    assert counts == {"read": 0, "new": 0, "duplicates": 0, "updated": 0, "quarantined": 0}
    assert _watermark(store, "europepmc") is None


@respx.mock
def test_malformed_json_is_quarantined_and_the_run_goes_on(store: Store, source: EuropePMCSource) -> None:
    respx.get(SEARCH_URL).mock(return_value=httpx.Response(200, content=PAGE1[:5000]))  # cut off mid-record
    counts = run_ingest(store, source, since="2025-12-01", until="2025-12-31")
    assert counts["quarantined"] == 1 and counts["new"] == 0
    with store.session() as s:
        (q,) = s.scalars(select(m.Quarantine))
        raw = s.get(m.RawRecord, q.raw_record_id)
    assert q.reason.startswith("malformed JSON") and q.record.startswith(SEARCH_URL)
    assert raw is not None  # the bad page itself is kept for a reparse


@respx.mock
def test_watermark_unchanged_after_a_failed_page(store: Store, source: EuropePMCSource) -> None:
    respx.get(SEARCH_URL).mock(side_effect=[httpx.Response(200, content=PAGE1), *[httpx.Response(503)] * 4])
    with pytest.raises(TransientSourceError):
        run_ingest(store, source, since="2025-12-01", until="2026-01-31")
    # page 1 was committed and kept; the window did not finish, so the watermark did not move
    with store.session() as s:
        assert s.scalar(select(func.count(m.Article.id))) == WITH_ABSTRACT
    assert _watermark(store, "europepmc") is None
