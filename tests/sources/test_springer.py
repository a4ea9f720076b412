"""Springer Nature OA source on the recorded JATS response: paging, 429, the API key kept out."""

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
from pipeline.sources.http import HttpClient
from pipeline.sources.springer import API_URL, SpringerSource, page_info, redact_payload
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.sources.conftest import Sleeps, body

RESPONSE = body("openaccess_jats_response_bmc_psychiatry_redacted.xml")
KEY = "0123456789abcdef0123456789abcdef"


def test_page_info_and_payload_redaction() -> None:
    assert page_info(RESPONSE) == (2, 2)
    echoed = RESPONSE.replace(b"<apiKey>REDACTED</apiKey>", f"<apiKey>{KEY}</apiKey>".encode())
    assert KEY.encode() not in redact_payload(echoed) and redact_payload(echoed) == RESPONSE


def test_missing_key_is_a_clear_error(settings, client: HttpClient, config: SourcesConfig) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SourceError, match="PLAINSCI_SPRINGER_API_KEY"):
        next(SpringerSource(settings, client=client, config=config).fetch())


@respx.mock
def test_429_then_pages_until_total_and_no_key_is_stored_or_logged(
    store: Store,
    tmp_path,
    client: HttpClient,
    sleeps: Sleeps,
    config: SourcesConfig,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = load_settings(data_dir=tmp_path, springer_api_key=KEY)
    echoed = RESPONSE.replace(b"<apiKey>REDACTED</apiKey>", f"<apiKey>{KEY}</apiKey>".encode())
    route = respx.get(API_URL).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(200, content=echoed),
        ]
    )
    counts = run_ingest(
        store, SpringerSource(settings, client=client, config=config), since="2018-09-12", until="2018-09-12"
    )
    assert (
        client.waits == [3.0] and 3.0 in sleeps and route.call_count == 2
    )  # total 2 reached on the first page
    q = {k: v[0] for k, v in parse_qs(urlsplit(str(route.calls[1].request.url)).query).items()}
    assert (q["s"], q["p"], q["api_key"]) == ("1", "10", KEY)
    assert q["q"] == "(issn:1471-2474 OR issn:1745-6215) AND datefrom:2018-09-09 AND dateto:2018-09-12"
    assert counts["new"] == 2
    with store.session() as s:
        raws = list(s.scalars(select(m.RawRecord)))
        sources = set(s.scalars(select(m.Article.source)))
        wm = s.get(m.Watermark, "springer")
    assert sources == {"springer"} and wm is not None and wm.value == "2018-09-12"
    from pipeline.store import repo

    for raw in raws:
        assert KEY not in raw.request and KEY.encode() not in repo.raw_payload(raw)
    assert KEY not in caplog.text


@respx.mock
def test_pages_with_s_and_p_to_the_end(settings, client: HttpClient, config: SourcesConfig) -> None:  # type: ignore[no-untyped-def]
    settings = settings.model_copy(update={"springer_api_key": KEY})
    config.options["springer"] = {"page_size": 1}
    one = RESPONSE.replace(
        b"<recordsDisplayed>2</recordsDisplayed>", b"<recordsDisplayed>1</recordsDisplayed>"
    )
    route = respx.get(API_URL).mock(side_effect=[httpx.Response(200, content=one)] * 2)
    items = list(SpringerSource(settings, client=client, config=config).fetch("2018-09-12", "2018-09-12"))
    starts = [parse_qs(urlsplit(str(c.request.url)).query)["s"][0] for c in route.calls]
    assert len(items) == 2 and starts == ["1", "2"]
