"""Accounts and security: login, sessions, rate limiting, CSRF, roles, redirects."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.review.auth import secret_key
from pipeline.review.users import add_user, authenticate, list_users, set_active, set_password
from pipeline.store import models
from tests.review.conftest import PASSWORD, csrf_of


def test_unauthenticated_html_requests_redirect_to_login(anon: TestClient, filled: Any) -> None:
    item = next(iter(filled.item_ids.values()))
    for path in ("/", f"/items/{item}", "/metrics", "/audit", f"/items/{item}/versions/1"):
        r = anon.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/login?next="), path
    assert (
        anon.get("/?status=new", follow_redirects=False).headers["location"]
        == "/login?next=%2F%3Fstatus%3Dnew"
    )
    assert anon.get("/", headers={"accept": "application/json"}).status_code == 401
    assert anon.get("/healthz").json() == {"status": "ok"}
    assert "Sign in" in anon.get("/").text  # followed: the login form


def test_login_and_logout(anon: TestClient) -> None:
    r = anon.post(
        "/login",
        data={"name": "edna", "password": PASSWORD, "csrf_token": csrf_of(anon), "next": "/?status=new"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/?status=new"
    page = anon.get("/")
    assert page.status_code == 200 and "edna" in page.text and "Review queue" in page.text
    token = csrf_of(anon)
    assert anon.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert anon.get("/", follow_redirects=False).status_code == 303


def test_session_cookie_flags(app: Any, anon: TestClient) -> None:
    r = anon.post(
        "/login",
        data={"name": "edna", "password": PASSWORD, "csrf_token": csrf_of(anon)},
        follow_redirects=False,
    )
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    app.state.settings.secure_cookies = True
    from pipeline.review.app import create_app

    secure_app = create_app(app.state.settings, store=app.state.store)
    with TestClient(secure_app, base_url="https://testserver") as c:
        cookie = c.get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie


def test_open_redirect_after_login_refused(anon: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        r = anon.post(
            "/login",
            data={"name": "edna", "password": PASSWORD, "csrf_token": csrf_of(anon), "next": target},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/"


def test_wrong_password_and_rate_limit(anon: TestClient) -> None:
    token = csrf_of(anon)
    for _ in range(5):
        r = anon.post("/login", data={"name": "edna", "password": "wrong password", "csrf_token": token})
        assert r.status_code == 401 and "Wrong name or password" in r.text
    r = anon.post("/login", data={"name": "edna", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and "Too many failed sign-ins" in r.text
    # Another user from the same address is not blocked.
    r = anon.post(
        "/login", data={"name": "abe", "password": PASSWORD, "csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303


def test_login_needs_csrf_token(anon: TestClient) -> None:
    csrf_of(anon)
    r = anon.post("/login", data={"name": "edna", "password": PASSWORD})
    assert r.status_code == 403


@pytest.mark.parametrize("token", [None, "wrong-token-0123456789-0123456789-abcdef"])
def test_state_changing_requests_need_the_csrf_token(
    client: TestClient, filled: Any, token: str | None, store: Any
) -> None:
    item = next(iter(filled.item_ids.values()))
    data = {"body": "a comment"} | ({"csrf_token": token} if token else {})
    requests = [
        ("/items/{}/comments", data),
        ("/items/{}/claim", {} | ({"csrf_token": token} if token else {})),
        ("/items/{}/transition", {"action": "reject"} | ({"csrf_token": token} if token else {})),
        (
            "/items/{}/edit",
            {"simple_explanation": "x", "row_version": "1"} | ({"csrf_token": token} if token else {}),
        ),
    ]
    for path, form in requests:
        assert client.post(path.format(item), data=form).status_code == 403, path
    assert client.post("/logout", data={} if token is None else {"csrf_token": token}).status_code == 403
    headers = {"x-csrf-token": token} if token else {}
    assert client.post("/api/readability", json={"text": "Hi."}, headers=headers).status_code == 403
    with store.session() as s:
        assert s.query(models.Comment).count() == 0
        assert s.query(models.AuditEvent).filter(models.AuditEvent.item_id.is_not(None)).count() == 0


def test_csrf_token_in_header_is_accepted(client: TestClient) -> None:
    r = client.post(
        "/api/readability", json={"text": "The cat sat."}, headers={"x-csrf-token": csrf_of(client)}
    )
    assert r.status_code == 200


def test_deactivated_user_is_locked_out(client: TestClient, store: Any) -> None:
    assert client.get("/").status_code == 200
    set_active(store, "edna", False)
    assert client.get("/", follow_redirects=False).status_code == 303
    assert authenticate(store, "edna", PASSWORD) is None


def test_passwords_are_argon2_hashes(store: Any) -> None:
    user = add_user(store, "real", "editor", "a long enough password")
    with store.session() as s:
        row = s.get(models.User, user.id)
        assert row.password_hash.startswith("$argon2id$")
        assert "a long enough password" not in row.password_hash
    assert authenticate(store, "real", "a long enough password") is not None
    assert authenticate(store, "real", "wrong") is None
    set_password(store, "real", "another long password")
    assert authenticate(store, "real", "another long password") is not None
    assert [u.name for u in list_users(store)] == ["real"]


def test_bad_accounts_are_refused(store: Any, cheap_hasher: None) -> None:
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="role"):
        add_user(store, "x", "boss", "long enough pw")
    with pytest.raises(ConfigError, match="too short"):
        add_user(store, "x", "editor", "short")
    add_user(store, "x", "editor", "long enough pw")
    with pytest.raises(ConfigError, match="already exists"):
        add_user(store, "x", "approver", "long enough pw")


def test_secret_key_is_generated_once_with_mode_0600(tmp_path: Path, testdb: ModuleType) -> None:
    settings = testdb.make_settings(tmp_path / "data")
    key = secret_key(settings)
    path = tmp_path / "data" / "secret_key"
    assert len(key) >= 32 and path.read_text().strip() == key
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert secret_key(settings) == key
    settings.secret_key = "configured"
    assert secret_key(settings) == "configured"


def test_editor_cannot_approve_or_see_audit(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    item = filled.item_ids[testdb.DOIS[1]]  # in_review
    token = csrf_of(client)
    r = client.post(f"/items/{item}/transition", data={"action": "approve", "csrf_token": token})
    assert r.status_code == 403 and "approver" in r.text
    assert client.get("/audit").status_code == 403
    assert client.get("/audit.csv").status_code == 403
    assert (
        "approve" not in client.get(f"/items/{item}").text.split('class="transitions"')[1].split("</div>")[0]
    )


def test_password_is_checked_with_no_database_connection_held(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow hash inside a session held a pooled connection per sign-in (50 at once emptied the
    pool); the outdated-hash upgrade still happens, afterwards."""
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    from pipeline.review import users

    old = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    monkeypatch.setattr(users, "hasher", lambda: old)
    add_user(store, "hana", "editor", "a long enough password")
    new = PasswordHash((Argon2Hasher(time_cost=2, memory_cost=2048, parallelism=1), *old.hashers))
    held: list[int] = []

    class Watching:
        def verify(self, *args: Any) -> bool:
            held.append(store.engine.pool.checkedout())
            return new.verify(*args)

        def verify_and_update(self, *args: Any) -> tuple[bool, str | None]:
            held.append(store.engine.pool.checkedout())
            return new.verify_and_update(*args)

    monkeypatch.setattr(users, "hasher", lambda: Watching())
    monkeypatch.setattr(users, "_dummy_hash", lambda: old.hash("x"))
    assert authenticate(store, "hana", "a long enough password") is not None
    assert authenticate(store, "nobody", "a long enough password") is None
    assert held == [0, 0]
    with store.session() as s:
        stored = s.scalars(select(models.User.password_hash).where(models.User.name == "hana")).one()
    assert "m=2048,t=2" in stored  # rehashed with the current parameters
    assert authenticate(store, "hana", "a long enough password") is not None
