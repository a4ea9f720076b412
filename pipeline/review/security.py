"""Response headers every page of the review app carries, and the reader-feedback guards.

:class:`SecurityHeaders` is a pure ASGI middleware: a Content-Security-Policy with no inline
script (``script-src 'self'``; the app's and the site's scripts are static files), framing
refused (``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``), ``Referrer-Policy`` and
``X-Content-Type-Options: nosniff``. :class:`RateLimiter` is a sliding-window counter per key;
:func:`same_origin` checks a feedback post came from a page of the public site.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL (lower-case), None otherwise."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def content_security_policy(extra_origins: tuple[str, ...] = ()) -> str:
    """The app's CSP; ``extra_origins`` (the public site's) may receive form posts and fetches."""
    targets = " ".join(("'self'", *extra_origins))
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {targets}",
            f"form-action {targets}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        )
    )


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pages, JSON, static files, errors)."""

    def __init__(self, app: ASGIApp, public_origin: str | None = None) -> None:
        self.app = app
        extra = (public_origin,) if public_origin else ()
        self.headers: list[tuple[bytes, bytes]] = [
            (b"content-security-policy", content_security_policy(extra).encode()),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"x-content-type-options", b"nosniff"),
        ]
        self._names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self._names]
                message["headers"] = kept + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RateLimiter:
    """At most ``limit`` events per key in any ``window_s`` seconds (in memory, per process)."""

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one event for ``key``; False (and not counted) once the window is full."""
        now = time.monotonic()
        with self._lock:
            times = self._events.setdefault(key, deque())
            while times and now - times[0] > self.window_s:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            if len(self._events) > 10_000:  # forget idle clients so memory stays bounded
                for k in [k for k, t in self._events.items() if not t or now - t[-1] > self.window_s]:
                    del self._events[k]
            return True

    def retry_after(self, key: str) -> int:
        """Seconds until ``key`` may post again (0 when it may now)."""
        with self._lock:
            times = self._events.get(key)
            if not times or len(times) < self.limit:
                return 0
            return max(1, int(self.window_s - (time.monotonic() - times[0])) + 1)


def same_origin(origin: str | None, referer: str | None, allowed: set[str]) -> bool:
    """Whether a post's Origin (or, without one, its Referer) is one of ``allowed`` origins."""
    if origin and origin != "null":
        return origin.lower() in allowed
    if referer:
        return origin_of(referer) in allowed
    return False
