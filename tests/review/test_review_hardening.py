"""Hardening of the review app (issue 13): sessions that end, a limiter that normalised names and
forwarded headers cannot get round, hostile ids, four eyes on every edit since the last model
draft or approval, and passwords never on the command line."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pipeline.review.auth import SESSION_COOKIE
from pipeline.review.users import add_user, authenticate, set_active, set_password
from pipeline.store import models
from tests.review.conftest import PASSWORD, approve, csrf_of, edit_form, login, post

# --- 2. sessions end -------------------------------------------------------------------------


def _stolen(app: Any, client: TestClient) -> tuple[TestClient, str]:
    """A second client holding a copy of ``client``'s session cookie, and its CSRF token."""
    token = csrf_of(client)
    copy = TestClient(app, cookies={SESSION_COOKIE: client.cookies[SESSION_COOKIE]})
    assert copy.get("/", follow_redirects=False).status_code == 200  # the copy works before
    return copy, token


def _refused_everywhere(copy: TestClient, token: str, store: Any, item: int) -> None:
    """The old cookie gets no page, no API answer and stores no comment."""
    r = copy.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert copy.get(f"/items/{item}", headers={"accept": "application/json"}).status_code == 401
    r = copy.post(
        f"/items/{item}/comments",
        data={"body": "written with an ended session", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    with store.session() as s:
        assert s.query(models.Comment).count() == 0


def test_sign_out_ends_the_session_for_a_copied_cookie(
    app: Any, client: TestClient, store: Any, filled: Any
) -> None:
    copy, token = _stolen(app, client)
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    _refused_everywhere(copy, token, store, next(iter(filled.item_ids.values())))
    login(client, "edna")  # signing in again gives a working session
    assert client.get("/", follow_redirects=False).status_code == 200


def test_password_change_ends_sessions(app: Any, client: TestClient, store: Any, filled: Any) -> None:
    copy, token = _stolen(app, client)
    set_password(store, "edna", "a brand new password")
    _refused_everywhere(copy, token, store, next(iter(filled.item_ids.values())))
    assert client.get("/", follow_redirects=False).status_code == 303
    login(client, "edna", "a brand new password")
    assert client.get("/", follow_redirects=False).status_code == 200


def test_disable_then_enable_does_not_revive_old_sessions(
    app: Any, client: TestClient, store: Any, filled: Any
) -> None:
    copy, token = _stolen(app, client)
    set_active(store, "edna", False)
    set_active(store, "edna", True)
    _refused_everywhere(copy, token, store, next(iter(filled.item_ids.values())))
    login(client, "edna")
    assert client.get("/", follow_redirects=False).status_code == 200


# --- 3. login limiter ------------------------------------------------------------------------

VARIANTS = ["ed2 ", " ed2", "ed2\t", "ed2\u00a0", "ed2\u3000", "ED2", "\uff45\uff44\uff12"]


def _try(c: TestClient, name: str, password: str, **kw: Any) -> int:
    data = {"name": name, "password": password, "csrf_token": csrf_of(c)}
    return c.post("/login", data=data, follow_redirects=False, **kw).status_code


def test_limiter_keys_on_the_normalised_name(anon: TestClient, store: Any) -> None:
    add_user(store, "ed2", "editor", PASSWORD)
    assert authenticate(store, "ed2\u3000", PASSWORD) is not None  # login normalises the name
    for _ in range(5):
        assert _try(anon, "ed2", "wrong password") == 401
    for name in VARIANTS:  # no spelling of the name gets more guesses, nor the right password in
        assert _try(anon, name, "wrong password") == 429, repr(name)
        assert _try(anon, name, PASSWORD) == 429, repr(name)
    assert _try(anon, "edna", PASSWORD) == 303  # another account from the same address is not blocked


def test_limiter_memory_holds_only_live_failures() -> None:
    """Checking made-up names stores nothing, and expired failures are swept, so a flood of
    distinct names cannot grow the limiter without bound."""
    from pipeline.review.auth import LoginLimiter

    limiter = LoginLimiter()
    for n in range(1000):
        assert not limiter.blocked(f"made-up-{n}", "203.0.113.1")
    assert len(limiter) == 0
    limiter.failed("ed2", "203.0.113.1")
    assert len(limiter) == 1
    expired = LoginLimiter(window_s=-1.0, sweep_at=100)  # every failure is already out of the window
    for n in range(1000):
        expired.failed(f"made-up-{n}", "203.0.113.1")
    assert len(expired) < 100


def test_forwarded_for_does_not_rotate_the_limit_by_default(app: Any) -> None:
    """uvicorn believes X-Forwarded-For from 127.0.0.1 unless told otherwise; plainsci does not."""
    with TestClient(app, client=("127.0.0.1", 50000)) as c:
        for n in range(5):
            assert _try(c, "edna", "wrong password", headers={"x-forwarded-for": f"203.0.113.{n}"}) == 401
        assert _try(c, "edna", PASSWORD, headers={"x-forwarded-for": "203.0.113.99"}) == 429


def test_forwarded_for_is_believed_from_a_configured_proxy(app: Any, store: Any) -> None:
    from pipeline.review.app import create_app

    app.state.settings.forwarded_allow_ips = "10.0.0.5, 192.0.2.0/24"
    proxied = create_app(app.state.settings, store=store)
    with TestClient(proxied, client=("10.0.0.5", 50000)) as c:
        for _ in range(5):
            assert _try(c, "edna", "wrong password", headers={"x-forwarded-for": "203.0.113.1"}) == 401
        assert _try(c, "edna", PASSWORD, headers={"x-forwarded-for": "203.0.113.1"}) == 429
        # another client behind the same proxy is a different address
        assert _try(c, "edna", PASSWORD, headers={"x-forwarded-for": "203.0.113.2"}) == 303
    with TestClient(proxied, client=("198.51.100.7", 50000)) as c:  # not a proxy: header ignored
        for n in range(5):
            assert _try(c, "abe", "wrong password", headers={"x-forwarded-for": f"203.0.113.{n}"}) == 401
        assert _try(c, "abe", PASSWORD, headers={"x-forwarded-for": "203.0.113.99"}) == 429


def test_serve_turns_off_uvicorns_own_proxy_headers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, testdb: ModuleType
) -> None:
    import uvicorn

    from pipeline.review.app import serve

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    settings = testdb.make_settings(tmp_path)
    settings.secret_key = "test-secret-key-0123456789abcdef"
    serve(settings)
    assert calls and calls[0]["proxy_headers"] is False and calls[0]["forwarded_allow_ips"] == ""


def test_real_server_ignores_forwarded_for_from_localhost(
    tmp_path: Path, testdb: ModuleType, cheap_hasher: None
) -> None:
    """`serve` under real uvicorn, reached from 127.0.0.1: a new X-Forwarded-For per guess does not
    give new guesses (uvicorn alone would believe the header from 127.0.0.1)."""
    import httpx

    from pipeline.store.db import Store

    data_dir = tmp_path / "data"
    store = Store(testdb.make_settings(data_dir))
    try:
        add_user(store, "edna", "editor", PASSWORD)
    finally:
        store.dispose()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = {**os.environ, "PLAINSCI_DATA_DIR": str(data_dir), "PLAINSCI_PORT": str(port)}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    code = "from pipeline.settings import load_settings; from pipeline.review.app import serve; serve(load_settings())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=10.0) as c:
            for _ in range(300):  # up to 60 s on a loaded machine
                try:
                    if c.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
                assert proc.poll() is None, "the review app exited"
            token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text)
            assert token
            codes = [
                c.post(
                    "/login",
                    data={"name": "edna", "password": password, "csrf_token": token.group(1)},
                    headers={"x-forwarded-for": f"203.0.113.{n}"},
                ).status_code
                for n, password in enumerate(["wrong password"] * 5 + [PASSWORD])
            ]
        assert codes == [401] * 5 + [429]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# --- 5. ids beyond 64 bits -------------------------------------------------------------------

BAD_IDS = ["9223372036854775808", "99999999999999999999999", "-1", "abc", "2147483648"]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_hostile_ids_are_404_or_422(admin: TestClient, filled: Any, store: Any, bad: str) -> None:
    item = next(iter(filled.item_ids.values()))
    gets = [
        f"/items/{bad}",
        f"/items/{item}/versions/{bad}",
        f"/items/{bad}/versions/1",
        f"/audit?item_id={bad}",
    ]
    gets += [f"/audit.csv?item_id={bad}", f"/items/{bad}/regenerate-status", f"/items/{bad}/audit"]
    for path in gets:
        assert admin.get(path, follow_redirects=False).status_code in (404, 422), path
    posts: list[tuple[str, dict[str, object]]] = [
        (f"/items/{bad}/claim", {}),
        (f"/items/{bad}/release", {}),
        (f"/items/{bad}/assign", {"assignee": "edna"}),
        (f"/items/{bad}/transition", {"action": "start_review"}),
        (f"/items/{bad}/comments", {"body": "hello"}),
        (f"/items/{bad}/edit", {"simple_explanation": "x", "row_version": "1"}),
        (f"/items/{bad}/regenerate", {"backend": "extractive"}),
        ("/bulk", {"item_id": [str(item), bad], "bulk_action": "reject"}),
        ("/feedback", {"article_id": bad, "helpful": "yes"}),
    ]
    for path, form in posts:
        assert post(admin, path, form).status_code in (404, 422), path
    with store.session() as s:  # nothing half-done: the good id in the bulk batch was not rejected
        assert s.get(models.ReviewItem, item).status != "rejected"
        assert s.query(models.Comment).count() == 0


@pytest.mark.postgres
def test_id_limit_is_postgresqls_integer(tmp_path: Path, cheap_hasher: None) -> None:
    """On PostgreSQL the largest id allowed is a 404, one more is a 422 (never a DataError 500)."""
    from tests.conftest import POSTGRES_URL, _postgres_database

    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL: set PLAINSCI_TEST_POSTGRES_URL")
    from pipeline.review.app import create_app
    from pipeline.settings import load_settings
    from pipeline.store.db import Store

    for url in _postgres_database():
        settings = load_settings(data_dir=tmp_path / "var", database_url=url, secret_key="k" * 32)
        store = Store(settings)
        try:
            add_user(store, "adam", "admin", PASSWORD)
            with TestClient(create_app(settings, store=store)) as c:
                login(c, "adam")
                for path in ("/items/{}", "/items/1/versions/{}", "/audit?item_id={}"):
                    top = c.get(path.format(2**31 - 1), follow_redirects=False).status_code
                    assert top in (200, 404), path  # /audit filters to nothing: 200
                    assert c.get(path.format(2**31), follow_redirects=False).status_code == 422, path
                assert post(c, f"/items/{2**31 - 1}/comments", {"body": "hi"}).status_code == 404
        finally:
            store.dispose()


# --- 6. four eyes ----------------------------------------------------------------------------


def _act(c: TestClient, item: int, action: str) -> Any:
    return post(c, f"/items/{item}/transition", {"action": action})


def _edit(c: TestClient, item: int, **changes: str) -> None:
    form = edit_form(c, item)
    assert post(c, f"/items/{item}/edit", form | changes).status_code == 303


def test_a_trivial_edit_on_top_does_not_let_an_approver_approve_their_rewrite(
    app: Any, client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]  # in review, model draft v1
    _edit(approver, item, simple_explanation="The approver's own rewrite of the explanation.")
    assert post(approver, f"/items/{item}/release").status_code == 303
    form = edit_form(client, item)
    _edit(client, item, simple_explanation=form["simple_explanation"] + " Okay.")
    r = _act(approver, item, "approve")
    assert r.status_code == 403 and "v2" in r.text and "another approver" in r.text
    with TestClient(app) as ava:  # the rule as it was: another approver may
        login(ava, "ava")
        assert approve(ava, item).status_code == 303
        # after that approval, a reopen and someone else's edit, abe's old v2 no longer counts
        assert _act(ava, item, "reopen").status_code == 303
    _edit(client, item, research_summary=edit_form(client, item)["research_summary"] + " Checked.")
    assert approve(approver, item).status_code == 303


def test_author_of_the_current_version_still_cannot_approve(
    approver: TestClient, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]
    _edit(approver, item, simple_explanation="Rewritten by the approver alone.")
    r = _act(approver, item, "approve")
    assert r.status_code == 403 and "current version (v2)" in r.text


# --- 15. passwords never on the command line -------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cheap_hasher: None) -> Path:
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def _store(data_dir: Path) -> Any:
    from pipeline.runtime import get_store
    from pipeline.settings import load_settings

    return get_store(load_settings(data_dir=data_dir))


def test_users_add_has_no_password_option(cli_env: Path) -> None:
    from pipeline.cli import app as cli

    result = CliRunner().invoke(cli, ["users", "add", "zoe", "--password", "secret password"])
    assert result.exit_code == 2 and "No such option" in result.output
    result = CliRunner().invoke(cli, ["users", "passwd", "zoe", "--password", "secret password"])
    assert result.exit_code == 2 and "No such option" in result.output


def test_users_add_and_passwd_read_a_hidden_prompt_or_stdin(cli_env: Path) -> None:
    from pipeline.cli import app as cli

    runner = CliRunner()
    result = runner.invoke(
        cli, ["users", "add", "zoe", "--role", "approver"], input="prompted pw\nprompted pw\n"
    )
    assert result.exit_code == 0, result.output
    assert "prompted pw" not in result.output  # hidden input is not echoed
    assert authenticate(_store(cli_env), "zoe", "prompted pw") is not None
    result = runner.invoke(cli, ["users", "add", "yan"], input="one password\nanother one\n")
    assert result.exit_code != 0 and "do not match" in result.output.lower()
    result = runner.invoke(cli, ["users", "add", "yan", "--password-stdin"], input="piped password\n")
    assert result.exit_code == 0, result.output
    assert authenticate(_store(cli_env), "yan", "piped password") is not None
    result = runner.invoke(cli, ["users", "passwd", "yan", "--password-stdin"], input="changed password\n")
    assert result.exit_code == 0, result.output
    assert authenticate(_store(cli_env), "yan", "changed password") is not None
    result = runner.invoke(cli, ["users", "add", "xia", "--password-stdin"], input="short\n")
    assert result.exit_code == 1 and "too short" in result.output
