"""Feeds source: journal feed entries completed through Europe PMC.

No BMC feed has been recorded anywhere we could find (see tests/fixtures/http/PROVENANCE.md), so
the RSS 2.0 document here is built in the test, in the shape BMC's feeds have, from the metadata of
a real Europe PMC record; the Europe PMC answer it is completed with is the recorded one.
"""

from __future__ import annotations

import json
from datetime import date

import httpx
import pytest
import respx
from sqlalchemy import select

from pipeline.sources.config import SourcesConfig
from pipeline.sources.europepmc import SEARCH_URL
from pipeline.sources.feeds import FeedsSource, dois_in_window, parse_feed
from pipeline.sources.http import HttpClient
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.sources.conftest import body

PAGE = body("search_core_cancer_page1.json")
REAL = next(r for r in json.loads(PAGE)["resultList"]["result"] if r.get("abstractText") and r.get("doi"))
FEED_URL = "https://bmcmusculoskeletdisord.biomedcentral.com/articles/most-recent/rss.xml"
UNKNOWN_DOI = "10.1186/s12891-099-00000-0"


def rss(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://doi.org/{d}</link><dc:identifier>doi:{d}</dc:identifier>"
        f"<pubDate>{p}</pubDate></item>"
        for t, d, p in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>BMC Musculoskeletal Disorders</title>{items}</channel></rss>"
    ).encode()


FEED = rss(
    [
        (REAL["title"], REAL["doi"], "Mon, 01 Dec 2025 00:00:00 GMT"),
        ("Not indexed yet", UNKNOWN_DOI, "Tue, 02 Dec 2025 00:00:00 GMT"),
        ("Too old", "10.1186/s12891-020-00001-1", "Wed, 01 Jan 2020 00:00:00 GMT"),
    ]
)


def test_parse_rss_and_atom() -> None:
    entries = parse_feed(FEED, "f")
    assert [e.doi for e in entries][:2] == [REAL["doi"].lower(), UNKNOWN_DOI]
    assert entries[0].published == date(2025, 12, 1)
    assert dois_in_window(entries, date(2025, 11, 1), date(2025, 12, 31)) == [
        REAL["doi"].lower(),
        UNKNOWN_DOI,
    ]
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><id>urn:doi:10.1186/abc-1</id>'
        b'<updated>2025-12-03T10:00:00Z</updated><link href="https://x/10.1186/abc-1"/></entry></feed>'
    )
    (entry,) = parse_feed(atom, "a")
    assert entry.doi == "10.1186/abc-1" and entry.published == date(2025, 12, 3)


@pytest.fixture
def source(settings, client: HttpClient, config: SourcesConfig) -> FeedsSource:  # type: ignore[no-untyped-def]
    return FeedsSource(settings, client=client, config=config)


@respx.mock
def test_feed_entries_completed_through_europepmc(store: Store, source: FeedsSource) -> None:
    respx.get(FEED_URL).mock(return_value=httpx.Response(200, content=FEED))
    search = respx.get(SEARCH_URL).mock(return_value=httpx.Response(200, content=PAGE))
    counts = run_ingest(store, source, since="2025-11-20", until="2025-12-31")
    query = search.calls[0].request.url.params["query"]
    assert query == f'DOI:"{REAL["doi"].lower()}" OR DOI:"{UNKNOWN_DOI}"'
    assert counts["new"] == 1 and counts["quarantined"] == 1
    with store.session() as s:
        art = s.scalars(select(m.Article)).one()
        q = s.scalars(select(m.Quarantine)).one()
        kinds = sorted(s.scalars(select(m.RawRecord.content_type)))
        wm = s.get(m.Watermark, "feeds")
    assert art.doi == REAL["doi"].lower() and art.source == "feeds"
    assert q.record.endswith(UNKNOWN_DOI) and "not (yet) in Europe PMC" in q.reason
    assert kinds == ["europepmc_json", "feed_xml"]
    assert wm is not None and wm.value == REAL["firstPublicationDate"]


@respx.mock
def test_malformed_feed_is_quarantined(store: Store, source: FeedsSource) -> None:
    respx.get(FEED_URL).mock(return_value=httpx.Response(200, content=FEED[:200]))
    counts = run_ingest(store, source, since="2025-11-20", until="2025-12-31")
    assert counts["quarantined"] == 1
    with store.session() as s:
        assert "malformed feed XML" in s.scalars(select(m.Quarantine.reason)).one()
