"""Crossref enrichment on recorded works: licence, retraction notices, 404, cursor paging."""

from __future__ import annotations

import json

import httpx
import respx
from sqlalchemy import select

from pipeline.domain import Article, Section
from pipeline.logs import progress_to
from pipeline.sources.crossref import API, iter_pages, parse_work, work_url
from pipeline.sources.http import HttpClient
from pipeline.stages.crossref import run_crossref_enrichment
from pipeline.stages.queue import run_queue  # noqa: F401  (the stage that acts on retracted=True)
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from tests.sources.conftest import body

WORK = body("work_single_plos_one__01.body.json")
DOI = "10.1371/journal.pone.0033693"


def _retracted_copy() -> bytes:
    """The recorded work, its correction notice relabelled as a retraction."""
    data = json.loads(WORK)
    data["message"]["updated-by"][0]["type"] = "retraction"
    return json.dumps(data).encode()


def _store_article(store: Store, doi: str, source: str = "pubmed", license: str | None = None) -> int:
    art = Article(
        source=source,
        source_id=doi,
        title="A title",
        sections=[Section(None, "An abstract.")],
        doi=doi,
        license=license,
    )
    with store.session() as s:
        row, _ = repo.upsert_article(s, art)
        return row.id


def test_parse_work_reads_license_and_updates() -> None:
    work = parse_work(WORK, "w")
    assert work.doi == DOI and work.license == "http://creativecommons.org/licenses/by/4.0/"
    assert work.retracted_by == []  # the recorded update is a correction, not a retraction
    assert parse_work(_retracted_copy(), "w").retracted_by == [
        "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda"
    ]


@respx.mock
def test_enrichment_fills_license_marks_retraction_and_skips_unknown_dois(
    store: Store,
    settings,
    client: HttpClient,  # type: ignore[no-untyped-def]
) -> None:
    kept = _store_article(store, DOI)
    missing = _store_article(store, "10.1371/notarealdoi")
    respx.get(work_url(DOI)).mock(
        return_value=httpx.Response(
            200, content=_retracted_copy(), headers={"X-Rate-Limit-Limit": "5", "X-Rate-Limit-Interval": "1s"}
        )
    )
    respx.get(work_url("10.1371/notarealdoi")).mock(
        return_value=httpx.Response(404, content=body("work_404_not_found__01.body.txt"))
    )
    seen: list[tuple[str, int, int | None]] = []
    with progress_to(lambda stage, done, total: seen.append((stage, done, total))):
        counts = run_crossref_enrichment(store, settings, client=client)
    assert counts["enriched"] == 1 and counts["not_found"] == 1 and counts["retracted"] == 1
    assert seen == [("crossref", 1, 2), ("crossref", 2, 2)]  # the CLI's progress bar
    assert client.limiter.rate("api.crossref.org") == 5.0
    with store.session() as s:
        row = s.get(m.Article, kept)
        assert row.retracted and not row.draftable
        assert row.license == "http://creativecommons.org/licenses/by/4.0/"
        assert not s.get(m.Article, missing).retracted
        events = list(s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "crossref.retraction")))
        raw = s.scalars(select(m.RawRecord)).one()
    assert len(events) == 1 and events[0].article_id == kept
    assert raw.request.startswith(work_url(DOI) + "?mailto=")
    # a second run within the refresh period asks nothing again
    assert run_crossref_enrichment(store, settings, client=client)["checked"] == 1  # only the 404 DOI


@respx.mock
def test_publisher_license_is_not_overwritten(store: Store, settings, client: HttpClient) -> None:  # type: ignore[no-untyped-def]
    art_id = _store_article(store, DOI, source="springer", license="https://publisher/licence")
    respx.get(work_url(DOI)).mock(return_value=httpx.Response(200, content=WORK))
    run_crossref_enrichment(store, settings, client=client)
    with store.session() as s:
        assert s.get(m.Article, art_id).license == "https://publisher/licence"


@respx.mock
def test_malformed_work_is_quarantined(store: Store, settings, client: HttpClient) -> None:  # type: ignore[no-untyped-def]
    _store_article(store, DOI)
    respx.get(work_url(DOI)).mock(return_value=httpx.Response(200, content=WORK[:300]))
    assert run_crossref_enrichment(store, settings, client=client)["quarantined"] == 1
    with store.session() as s:
        q = s.scalars(select(m.Quarantine)).one()
    assert q.stage == "enrich" and q.reason.startswith("malformed JSON")


def _page_with_new_dois(page: bytes, prefix: str, n: int) -> bytes:
    """The recorded page, with ``n`` items whose DOIs are new (same cursor, as Crossref answers)."""
    data = json.loads(page)
    template = data["message"]["items"][0]
    data["message"]["items"] = [{**template, "DOI": f"10.9999/{prefix}.{i}"} for i in range(n)]
    return json.dumps(data).encode()


def _empty_page(page: bytes) -> bytes:
    data = json.loads(page)
    data["message"]["items"] = []
    return json.dumps(data).encode()


@respx.mock
def test_cursor_paging_goes_on_through_a_repeated_cursor_until_an_empty_page(client: HttpClient) -> None:
    """Crossref answers consecutive pages with the same next-cursor; page 3 still has 30 new DOIs."""
    page = body("works_query_widget_cursor__01.body.json")
    cursor = json.loads(page)["message"]["next-cursor"]
    pages = [
        page,
        _page_with_new_dois(page, "p2", 20),
        _page_with_new_dois(page, "p3", 30),
        _empty_page(page),
    ]
    route = respx.get(f"{API}/works").mock(side_effect=[httpx.Response(200, content=p) for p in pages])
    items = list(iter_pages(client, {"query": "widget"}, "test@example.org", rows=20))
    cursors = [c.request.url.params["cursor"] for c in route.calls]
    assert cursors == ["*", cursor, cursor, cursor]
    dois = [w["DOI"] for it in items for w in json.loads(it.payload)["message"]["items"]]
    assert len(items) == 4 and len(dois) == 70 and len(set(dois)) == 70
    assert sum(d.startswith("10.9999/p3.") for d in dois) == 30


@respx.mock
def test_cursor_paging_has_a_page_bound(client: HttpClient) -> None:
    page = body("works_query_widget_cursor__01.body.json")
    route = respx.get(f"{API}/works").mock(return_value=httpx.Response(200, content=page))
    items = list(iter_pages(client, {"query": "widget"}, "test@example.org", rows=20, max_pages=3))
    assert len(items) == 3 and len(route.calls) == 3


def _funded_copy() -> bytes:
    """The recorded work with a funder and a preprint relation added in Crossref's own shape."""
    data = json.loads(WORK)
    data["message"]["funder"] = [
        {"DOI": "10.13039/100000002", "name": "National Institutes of Health", "award": ["R01-X"]},
        {"name": "Wellcome Trust"},
    ]
    data["message"]["relation"] = {"has-preprint": [{"id-type": "doi", "id": "10.1101/2020.01.01.000001"}]}
    return json.dumps(data).encode()


@respx.mock
def test_funders_and_relations_are_stored_and_shown_as_asked(
    store: Store, settings, client: HttpClient
) -> None:  # type: ignore[no-untyped-def]
    funded = _store_article(store, DOI)
    plain = _store_article(store, "10.1371/journal.pone.0000001")
    respx.get(work_url(DOI)).mock(return_value=httpx.Response(200, content=_funded_copy()))
    respx.get(work_url("10.1371/journal.pone.0000001")).mock(return_value=httpx.Response(200, content=WORK))
    with store.session() as s:
        assert s.get(m.Article, funded).funders is None  # not asked yet
    counts = run_crossref_enrichment(store, settings, client=client)
    assert counts["enriched"] == 2 and counts["funders"] == 1
    with store.session() as s:
        row = s.get(m.Article, funded)
        assert row.funders == ["National Institutes of Health", "Wellcome Trust"]
        assert row.relations == {"has-preprint": ["10.1101/2020.01.01.000001"]}
        other = s.get(m.Article, plain)
        assert other.funders == [] and other.relations == {}  # asked: none listed
