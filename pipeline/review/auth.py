"""Sessions, login rate limiting, CSRF tokens and role checks for the review app.

The session is Starlette's signed cookie (itsdangerous): HttpOnly, SameSite=Lax, Secure when
``settings.secure_cookies``. It holds the user id, the user's session generation and the
per-session CSRF token. Every request re-reads the user and refuses a cookie whose generation is
not the account's current one: sign-out, a password change and disable / enable raise it, so
every cookie issued before stops working at once (a signed cookie cannot be revoked otherwise).

Failed logins are limited per (canonical, case-folded user name, client address). The client
address is the TCP peer; X-Forwarded-For is believed only from ``settings.forwarded_allow_ips``
(see :func:`trusted_proxies`).
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import deque
from pathlib import Path

from fastapi import Request
from starlette.exceptions import HTTPException

from pipeline.errors import NotAuthenticated
from pipeline.review.users import ROLE_RANK, UserInfo, end_sessions, get_user, limiter_key
from pipeline.settings import Settings

SESSION_COOKIE = "plainsci_session"
SESSION_MAX_AGE = 12 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SECRET_FILE = "secret_key"


def secret_key(settings: Settings) -> str:
    """``settings.secret_key``, else the key in ``data_dir/secret_key`` (created once, mode 0600)."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.ensure_data_dir()) / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="utf-8").strip()


class LoginLimiter:
    """At most ``max_failures`` failed logins per (user name, client IP) in ``window_s`` seconds.

    The name is keyed as :func:`~pipeline.review.users.limiter_key` writes it (white space
    stripped, NFKC, case-folded), so " ed2", "ed2\\u3000" and "ED2" share ed2's count. Only
    failures are kept, and expired ones are dropped, so made-up names cannot fill the memory.
    """

    def __init__(self, max_failures: int = 5, window_s: float = 300.0, sweep_at: int = 10_000) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.sweep_at = sweep_at  # this many keys: drop every expired one
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _count(self, key: tuple[str, str], now: float) -> int:
        times = self._failures.get(key)
        if times is None:
            return 0
        while times and now - times[0] > self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
        return len(times)

    def blocked(self, name: str, ip: str) -> bool:
        with self._lock:
            return self._count((limiter_key(name), ip), time.monotonic()) >= self.max_failures

    def failed(self, name: str, ip: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._count((limiter_key(name), ip), now)
            self._failures.setdefault((limiter_key(name), ip), deque()).append(now)
            if len(self._failures) >= self.sweep_at:
                for key in list(self._failures):
                    self._count(key, now)

    def succeeded(self, name: str, ip: str) -> None:
        with self._lock:
            self._failures.pop((limiter_key(name), ip), None)

    def __len__(self) -> int:
        """How many (name, address) pairs have failures on record."""
        return len(self._failures)


def client_ip(request: Request) -> str:
    """The client's address: the TCP peer, or X-Forwarded-For's when the peer is a trusted proxy
    (uvicorn's ProxyHeadersMiddleware, installed by create_app for those only, rewrote it then)."""
    return request.client.host if request.client else "unknown"


def trusted_proxies(forwarded_allow_ips: str) -> list[str]:
    """The proxies whose X-Forwarded-For the app believes (``settings.forwarded_allow_ips``,
    comma-separated addresses or networks); none when empty, so X-Forwarded-For from anyone,
    127.0.0.1 included, changes nothing."""
    return [h.strip() for h in forwarded_allow_ips.split(",") if h.strip()]


def csrf_token(request: Request) -> str:
    """This session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def csrf_protect(request: Request) -> None:
    """Dependency for every state-changing route: the token from the form or header must match."""
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise HTTPException(
            403, "The form's security token is missing or out of date. Reload the page and try again."
        )


def _is_form(request: Request) -> bool:
    ctype = request.headers.get("content-type", "")
    return ctype.startswith("application/x-www-form-urlencoded") or ctype.startswith("multipart/form-data")


def login_session(request: Request, user: UserInfo) -> None:
    """Start a fresh session for ``user`` (a new CSRF token: no fixation of the old one)."""
    request.session.clear()
    request.session["uid"] = user.id
    request.session["gen"] = user.session_gen
    request.session["csrf"] = secrets.token_urlsafe(32)


def logout_session(request: Request) -> None:
    """End this session and every other one of its account (the cookie alone cannot be revoked)."""
    uid = request.session.get("uid")
    if isinstance(uid, int) and _session_user(request, uid) is not None:
        with request.app.state.store.session() as s:
            end_sessions(s, uid)
    request.session.clear()


def _session_user(request: Request, uid: int) -> UserInfo | None:
    """The session's user if active and the session is of the account's current generation."""
    with request.app.state.store.session() as s:
        user = get_user(s, uid)
    if user is None or request.session.get("gen") != user.session_gen:
        return None
    return user


def current_user(request: Request) -> UserInfo:
    """Dependency: the logged-in, active user; NotAuthenticated otherwise."""
    cached = getattr(request.state, "user", None)
    if isinstance(cached, UserInfo):
        return cached
    uid = request.session.get("uid")
    if not isinstance(uid, int):
        raise NotAuthenticated()
    user = _session_user(request, uid)
    if user is None:
        request.session.clear()
        raise NotAuthenticated()
    request.state.user = user
    return user


def require_role(user: UserInfo, role: str, doing: str) -> None:
    """403 unless ``user`` has ``role`` or a higher one."""
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK[role]:
        raise HTTPException(403, f"Only an {role} or higher may {doing}; you are signed in as {user.role}.")


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return not ("application/json" in accept and "text/html" not in accept)


def safe_next(target: str | None) -> str:
    """A local path to go to after login (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
