"""One polite HTTP client for every network source: rate limits, retries, redacted URLs.

- A token bucket per host (NCBI allows 3 requests/s without an API key and 10 with one;
  Crossref states its own limit in ``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval`` headers,
  which the client adopts as soon as it sees them).
- Retries with exponential backoff and full jitter on 429, 5xx, timeouts and connection errors,
  honouring ``Retry-After`` (seconds or an HTTP date); other 4xx fail at once with a SourceError.
- Secrets (API keys, tokens) never leave this module: every URL that is logged, named in an error
  or stored as ``RawItem.request`` goes through :func:`redact_url`, and httpx's own request log
  lines are redacted by a logging filter.
- ``sleep`` and ``clock`` are injectable so tests never wait.
"""

from __future__ import annotations

import email.utils
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from pipeline.errors import SourceError, TransientSourceError

log = logging.getLogger(__name__)

VERSION = "0.1"
REDACTED = "REDACTED"
# Query parameters whose values are secrets (compared lower-case).
SECRET_PARAMS = frozenset(
    {"api_key", "apikey", "api-key", "key", "token", "access_token", "auth", "password"}
)
_SECRET_IN_TEXT = re.compile(
    r"(?i)\b("
    + "|".join(re.escape(p) for p in sorted(SECRET_PARAMS, key=len, reverse=True))
    + r")=([^&\s\"'<>]+)"
)
_SECRET_ELEMENT = re.compile(r"(?i)(<api_?key>)[^<]*(</api_?key>)|(\"api_?key\"\s*:\s*\")[^\"]*(\")")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_RATE = 5.0  # requests per second for hosts without a stated limit


class HttpStatusError(SourceError):
    """A 4xx answer that is not worth a retry; ``status_code`` says which."""

    def __init__(self, message: str, *, status_code: int, hint: str | None = None) -> None:
        self.status_code = status_code
        super().__init__(message, hint=hint)


def redact_url(url: str | httpx.URL) -> str:
    """The URL with the value of every secret query parameter replaced by ``REDACTED``."""
    parts = urlsplit(str(url))
    if not parts.query:
        return str(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k.lower() in SECRET_PARAMS for k, _ in pairs):
        return str(url)
    query = [(k, REDACTED if k.lower() in SECRET_PARAMS else v) for k, v in pairs]
    return urlunsplit(parts._replace(query=urlencode(query, safe=':/[]*"')))


def redact_text(text: str) -> str:
    """Any ``api_key=...``-like pair inside free text, redacted (for log lines and messages)."""
    text = _SECRET_IN_TEXT.sub(lambda m: f"{m.group(1)}={REDACTED}", text)
    return _SECRET_ELEMENT.sub(
        lambda m: f"{m.group(1) or m.group(3)}{REDACTED}{m.group(2) or m.group(4)}", text
    )


class RedactingFilter(logging.Filter):
    """Rewrites a log record's message so that no secret query value reaches any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_log_redaction() -> None:
    """Put the redacting filter on httpx's logger, which logs every request URL at INFO."""
    for name in ("httpx", __name__):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter())


@dataclass
class TokenBucket:
    """``rate`` tokens per second, at most ``capacity`` saved up; ``acquire`` waits for one."""

    rate: float
    capacity: float = 1.0
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(default=-1.0)
    updated: float = field(default=-1.0)

    def __post_init__(self) -> None:
        self.tokens = self.capacity if self.tokens < 0 else self.tokens
        self.updated = self.clock() if self.updated < 0 else self.updated

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        """Seconds until a token is available (0 when one is)."""
        self._refill()
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self._refill()
        self.tokens -= 1


class RateLimiter:
    """Token buckets by host; a host without its own rate gets ``default_rate``."""

    def __init__(
        self,
        rates: Mapping[str, float] | None = None,
        *,
        default_rate: float = DEFAULT_RATE,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.default_rate = default_rate
        self.sleep, self.clock = sleep, clock
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()
        for host, rate in (rates or {}).items():
            self.set_rate(host, rate)

    def set_rate(self, host: str, rate: float) -> None:
        """Requests per second allowed to ``host`` (burst of one second's worth)."""
        with self._lock:
            self._buckets[host] = TokenBucket(rate=rate, capacity=max(1.0, rate), clock=self.clock)

    def rate(self, host: str) -> float:
        bucket = self._buckets.get(host)
        return bucket.rate if bucket else self.default_rate

    def acquire(self, host: str) -> float:
        """Take one token for ``host``, sleeping as long as needed; returns the seconds waited."""
        with self._lock:
            bucket = self._buckets.get(host)
            if bucket is None:
                bucket = self._buckets[host] = TokenBucket(rate=self.default_rate, clock=self.clock)
            wait = bucket.wait_time()
            if wait > 0:
                self.sleep(wait)
            bucket.take()
            return wait


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_rate_limit(headers: Mapping[str, str]) -> float | None:
    """Requests per second from ``X-Rate-Limit-Limit`` and ``X-Rate-Limit-Interval`` (e.g. 50 / '1s')."""
    limit, interval = headers.get("x-rate-limit-limit"), headers.get("x-rate-limit-interval")
    if not limit or not interval or not limit.strip().isdigit():
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*", interval)
    if not match:
        return None
    seconds = float(match.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0, None: 1.0}[match.group(2)]
    return int(limit) / seconds if seconds > 0 else None


def user_agent(contact_email: str) -> str:
    return f"plainsci/{VERSION} (mailto:{contact_email})"


class HttpClient:
    """GET with per-host rate limits and retries; the only HTTP client the sources use."""

    def __init__(
        self,
        contact_email: str,
        *,
        rates: Mapping[str, float] | None = None,
        max_retries: int = 4,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        install_log_redaction()
        self.max_retries, self.backoff_base, self.backoff_max = max_retries, backoff_base, backoff_max
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.limiter = RateLimiter(rates, sleep=sleep, clock=clock)
        self.waits: list[float] = []  # backoff/Retry-After waits, for the run report and tests
        self._client = httpx.Client(
            timeout=timeout,
            transport=transport,
            follow_redirects=True,
            headers={"User-Agent": user_agent(contact_email)},
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff for retry number ``attempt`` (0-based)."""
        ceiling = min(self.backoff_max, self.backoff_base * (2**attempt))
        return self.rng.uniform(ceiling / 2, ceiling)

    def _adopt_rate_limit(self, host: str, response: httpx.Response) -> None:
        rate = parse_rate_limit(response.headers)
        if rate and abs(rate - self.limiter.rate(host)) > 1e-9:
            log.info("%s states a rate limit of %.2f requests/s; adopting it", host, rate)
            self.limiter.set_rate(host, rate)

    def get(
        self, url: str, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """The response to GET ``url``; TransientSourceError after the last retry, SourceError on 4xx."""
        request = self._client.build_request("GET", url, params=params, headers=headers)
        host = request.url.host
        shown = redact_url(request.url)
        for attempt in range(self.max_retries + 1):
            self.limiter.acquire(host)
            wait, problem = self._try_once(request, host, shown, attempt)
            if wait is None:
                return problem  # type: ignore[return-value]
            if attempt == self.max_retries:
                raise TransientSourceError(
                    f"GET {shown} failed after {attempt + 1} attempts: {problem}.",
                    hint="The service is busy or down; the next run fetches the same window again.",
                )
            log.warning(
                "GET %s: %s; retry %d/%d in %.1fs", shown, problem, attempt + 1, self.max_retries, wait
            )
            self.waits.append(wait)
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _try_once(
        self, request: httpx.Request, host: str, shown: str, attempt: int
    ) -> tuple[float | None, httpx.Response | str]:
        """(None, response) on success, (seconds to wait, problem) when worth a retry."""
        try:
            response = self._client.send(request)
        except httpx.TimeoutException as exc:
            return self.backoff(attempt), f"timeout ({type(exc).__name__})"
        except httpx.TransportError as exc:
            return self.backoff(attempt), f"connection error ({type(exc).__name__})"
        self._adopt_rate_limit(host, response)
        if response.status_code < 400:
            return None, response
        if response.status_code in RETRY_STATUSES:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            wait = (
                min(retry_after, self.backoff_max * 10) if retry_after is not None else self.backoff(attempt)
            )
            return wait, f"HTTP {response.status_code}"
        raise HttpStatusError(
            f"GET {shown} answered HTTP {response.status_code}: {_snippet(response)}.",
            status_code=response.status_code,
            hint="This is not retried: check the query, the identifiers and the API key in the settings.",
        )


def _snippet(response: httpx.Response, size: int = 200) -> str:
    """The start of an error body, whitespace collapsed and secrets redacted."""
    text = " ".join(response.text[:size].split())
    return redact_text(text) or response.reason_phrase


def make_client(settings: Any, **kwargs: Any) -> HttpClient:
    """The shared client for ``settings`` (NCBI rate depends on whether an API key is set)."""
    rates = {"eutils.ncbi.nlm.nih.gov": 10.0 if getattr(settings, "ncbi_api_key", None) else 3.0}
    rates.update(kwargs.pop("rates", None) or {})
    return HttpClient(settings.contact_email, rates=rates, **kwargs)
