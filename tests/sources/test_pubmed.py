"""PubMed source on recorded E-utilities answers: history search, batches, splitting, secrets."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx
from sqlalchemy import select

from pipeline.errors import SourceError
from pipeline.settings import load_settings
from pipeline.sources.config import SourcesConfig
from pipeline.sources.http import HttpClient, make_client
from pipeline.sources.pubmed import EUTILS, PubMedSource, build_term, parse_esearch
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.sources.conftest import body

ESEARCH = f"{EUTILS}/esearch.fcgi"
EFETCH = f"{EUTILS}/efetch.fcgi"
SEARCH_63 = body("esearch_pubmed_biopython.xml")
SEARCH_0 = body("esearch_error_phrase_not_found.xml")
RECORD = body("efetch_pubmed_35123456_bmc_musculoskelet_disord.xml")
NO_RECORD = body("efetch_pubmed_37909814_empty_result.xml")
KEY = "ncbiSECRET0123456789"


def _q(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}


def test_term_and_esearch_parsing(config: SourcesConfig) -> None:
    assert build_term(config) == '("1471-2474"[is] OR "1745-6215"[is] OR "spinal cord injury"[tiab])'
    assert parse_esearch(SEARCH_63, "r").count == 63
    assert parse_esearch(SEARCH_0, "r").count == 0
    with pytest.raises(SourceError, match="Invalid db name"):
        parse_esearch(
            b"<eSearchResult><ERROR>Invalid db name specified: nothing</ERROR></eSearchResult>", "r"
        )


def test_ncbi_rate_depends_on_the_api_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert make_client(load_settings(data_dir=tmp_path)).limiter.rate("eutils.ncbi.nlm.nih.gov") == 3.0
    keyed = make_client(load_settings(data_dir=tmp_path, ncbi_api_key=KEY))
    assert keyed.limiter.rate("eutils.ncbi.nlm.nih.gov") == 10.0


@respx.mock
def test_esearch_then_efetch_batches_and_the_key_stays_secret(
    store: Store,
    tmp_path,
    client: HttpClient,
    config: SourcesConfig,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = load_settings(data_dir=tmp_path, ncbi_api_key=KEY, contact_email="ops@example.org")
    config.options["pubmed"] = {"batch_size": 50}
    search = respx.get(ESEARCH).mock(return_value=httpx.Response(200, content=SEARCH_63))
    fetch = respx.get(EFETCH).mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(200, content=RECORD),
            httpx.Response(200, content=NO_RECORD),
        ]
    )
    source = PubMedSource(settings, client=client, config=config)
    counts = run_ingest(store, source, since="2022-02-01", until="2022-02-28")
    sq = _q(search.calls[0].request)
    assert (sq["usehistory"], sq["datetype"], sq["mindate"], sq["maxdate"]) == (
        "y",
        "edat",
        "2022/01/29",
        "2022/02/28",
    )
    assert (sq["tool"], sq["email"], sq["api_key"]) == ("plainsci", "ops@example.org", KEY)
    batches = [(_q(c.request)["retstart"], _q(c.request)["retmax"]) for c in fetch.calls]
    assert batches == [("0", "50"), ("0", "50"), ("50", "13")]  # 63 records, the 503 retried
    assert counts["new"] == 1
    with store.session() as s:
        requests = list(s.scalars(select(m.RawRecord.request)))
        art = s.scalars(select(m.Article)).one()
        wm = s.get(m.Watermark, "pubmed")
    assert art.pmid == "35123456" and art.source == "pubmed"
    assert wm is not None and wm.value == "2022-02-05"
    assert requests and all("api_key=REDACTED" in r for r in requests)
    assert all(KEY not in r for r in requests) and KEY not in caplog.text


@respx.mock
def test_a_window_above_the_history_limit_is_split_in_halves(
    settings, client: HttpClient, config: SourcesConfig
) -> None:  # type: ignore[no-untyped-def]
    config.options["pubmed"] = {"max_count": 50}
    search = respx.get(ESEARCH).mock(
        side_effect=[
            httpx.Response(200, content=SEARCH_63),  # 2022-01-01..2022-01-31: 63 > 50, split
            httpx.Response(200, content=SEARCH_0),  # 2022-01-01..2022-01-16
            httpx.Response(200, content=SEARCH_0),  # 2022-01-17..2022-01-31
        ]
    )
    source = PubMedSource(settings, client=client, config=config)
    windows = [
        (w[1].isoformat(), w[2].isoformat())
        for w in source.windows("t", *source.window("2022-01-04", "2022-01-31"))
    ]
    assert windows == [("2022-01-01", "2022-01-16"), ("2022-01-17", "2022-01-31")]
    assert [(_q(c.request)["mindate"], _q(c.request)["maxdate"]) for c in search.calls][1:] == [
        ("2022/01/01", "2022/01/16"),
        ("2022/01/17", "2022/01/31"),
    ]


@respx.mock
def test_malformed_efetch_batch_is_quarantined_and_the_run_goes_on(
    store: Store, settings, client: HttpClient, config: SourcesConfig
) -> None:  # type: ignore[no-untyped-def]
    respx.get(ESEARCH).mock(return_value=httpx.Response(200, content=SEARCH_63))
    respx.get(EFETCH).mock(return_value=httpx.Response(200, content=RECORD[: len(RECORD) // 2]))
    counts = run_ingest(
        store, PubMedSource(settings, client=client, config=config), since="2022-02-01", until="2022-02-28"
    )
    assert counts["quarantined"] == 1 and counts["new"] == 0
    with store.session() as s:
        q = s.scalars(select(m.Quarantine)).one()
        wm = s.get(m.Watermark, "pubmed")
    assert "malformed XML" in q.reason and wm is None
