"""The shared HTTP client: retries, Retry-After, rate limits, redaction — on recorded bodies."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx

from pipeline.errors import SourceError, TransientSourceError
from pipeline.sources.http import (
    HttpClient,
    HttpStatusError,
    RateLimiter,
    parse_rate_limit,
    parse_retry_after,
    redact_text,
    redact_url,
)
from tests.sources.conftest import Sleeps, body

WORK_URL = "https://api.crossref.org/works/10.1371/journal.pone.0033693"


def test_redact_url_hides_every_secret_param_and_keeps_the_rest() -> None:
    url = "https://api.springernature.com/openaccess/jats?q=issn%3A1471-2474&s=1&api_key=abc123&apikey=x"
    shown = redact_url(url)
    assert "abc123" not in shown and "apikey=REDACTED" in shown and "api_key=REDACTED" in shown
    assert "issn:1471-2474" in shown and "s=1" in shown
    plain = "https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=%22a%22&cursorMark=*"
    assert redact_url(plain) == plain
    assert redact_text("GET https://x/?api_key=SECRET&x=1 <apiKey>K</apiKey>") == (
        "GET https://x/?api_key=REDACTED&x=1 <apiKey>REDACTED</apiKey>"
    )


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@respx.mock
def test_429_waits_what_retry_after_says(client: HttpClient, sleeps: Sleeps) -> None:
    route = respx.get(WORK_URL).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "12"}),
            httpx.Response(200, content=body("work_single_plos_one__01.body.json")),
        ]
    )
    response = client.get(WORK_URL)
    assert response.json()["message"]["DOI"] == "10.1371/journal.pone.0033693"
    assert route.call_count == 2
    assert 12.0 in sleeps and client.waits == [12.0]


@respx.mock
def test_500_then_success_backs_off_with_jitter(client: HttpClient, sleeps: Sleeps) -> None:
    respx.get(WORK_URL).mock(
        side_effect=[
            httpx.Response(500),
            httpx.Response(503),
            httpx.Response(200, content=body("work_single_plos_one__01.body.json")),
        ]
    )
    assert client.get(WORK_URL).status_code == 200
    assert len(client.waits) == 2
    assert 0.5 <= client.waits[0] <= 1.0 and 1.0 <= client.waits[1] <= 2.0  # base 1s, doubling, jittered


@respx.mock
def test_timeout_then_success(client: HttpClient) -> None:
    respx.get(WORK_URL).mock(
        side_effect=[
            httpx.ReadTimeout("read timed out"),
            httpx.ConnectError("refused"),
            httpx.Response(200, content=body("work_single_plos_one__01.body.json")),
        ]
    )
    assert client.get(WORK_URL).status_code == 200
    assert len(client.waits) == 2


@respx.mock
def test_gives_up_with_transient_error_after_the_last_retry(client: HttpClient) -> None:
    route = respx.get(WORK_URL).mock(return_value=httpx.Response(503))
    with pytest.raises(TransientSourceError, match="after 4 attempts"):
        client.get(WORK_URL, params={"api_key": "SECRET"})
    assert route.call_count == 4


@respx.mock
def test_other_4xx_fail_at_once_naming_the_url_without_secrets(
    client: HttpClient, caplog: pytest.LogCaptureFixture
) -> None:
    url = "https://api.crossref.org/works/10.1371/notarealdoi"
    route = respx.get(url).mock(
        return_value=httpx.Response(404, content=body("work_404_not_found__01.body.txt"))
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(HttpStatusError) as err:
        client.get(url, params={"api_key": "SECRETKEY"})
    assert route.call_count == 1 and err.value.status_code == 404
    assert isinstance(err.value, SourceError)
    assert "notarealdoi" in str(err.value) and "Resource not found" in str(err.value)
    assert "SECRETKEY" not in str(err.value) and "SECRETKEY" not in caplog.text


@respx.mock
def test_user_agent_names_the_contact(client: HttpClient) -> None:
    route = respx.get(WORK_URL).mock(return_value=httpx.Response(200, json={}))
    client.get(WORK_URL)
    assert route.calls[0].request.headers["User-Agent"] == "plainsci/0.1 (mailto:test@example.org)"


def test_token_bucket_spaces_requests_per_host() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    limiter = RateLimiter({"eutils.ncbi.nlm.nih.gov": 3.0}, sleep=sleep, clock=lambda: now[0])
    for _ in range(9):
        limiter.acquire("eutils.ncbi.nlm.nih.gov")
    # a burst of 3, then one request every 1/3 s: 9 requests take 2 s
    assert now[0] == pytest.approx(2.0)
    limiter.acquire("api.crossref.org")  # another host has its own bucket
    assert now[0] == pytest.approx(2.0)


@respx.mock
def test_rate_limit_headers_are_adopted(client: HttpClient) -> None:
    assert parse_rate_limit({"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}) == 50.0
    respx.get(WORK_URL).mock(
        return_value=httpx.Response(
            200,
            headers={"X-Rate-Limit-Limit": "5", "X-Rate-Limit-Interval": "1s"},
            content=body("work_single_plos_one__01.body.json"),
        )
    )
    client.get(WORK_URL)
    assert client.limiter.rate("api.crossref.org") == 5.0


@respx.mock
def test_httpx_request_log_lines_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    respx.get(WORK_URL).mock(return_value=httpx.Response(200, json={}))
    caplog.set_level(logging.DEBUG)
    with HttpClient("test@example.org", sleep=lambda s: None) as c:
        c.get(WORK_URL, params={"api_key": "TOPSECRET"})
    assert "api_key=REDACTED" in caplog.text or "HTTP Request" not in caplog.text
    assert "TOPSECRET" not in caplog.text
