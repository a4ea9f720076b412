"""Fixtures for the review app tests: a temp SQLite store with real abstracts and a TestClient."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pipeline.review.client import csrf_token, parse_edit_form


def load_testdb() -> ModuleType:
    """Import tests/review/testdb.py by path (works whatever pytest's import mode is)."""
    name = "plainsci_tests_testdb"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("testdb.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def testdb() -> ModuleType:
    if not load_testdb().ABSTRACTS.exists():
        pytest.skip(f"sample abstracts not found at {load_testdb().ABSTRACTS}")
    return load_testdb()


@pytest.fixture
def store(tmp_path: Path, testdb: ModuleType) -> Iterator[object]:
    from pipeline.store.db import Store

    st = Store(testdb.make_settings(tmp_path))
    yield st
    st.dispose()


@pytest.fixture
def filled(store: object, testdb: ModuleType) -> object:
    return testdb.fill(store, evil_doi=testdb.DOIS[2])


PASSWORD = "correct horse battery"
USERS = {"edna": "editor", "abe": "approver", "ava": "approver", "adam": "admin"}


@pytest.fixture
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with a small cost, so tests do not spend seconds hashing (production: recommended())."""
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    from pipeline.review import users

    cheap = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    monkeypatch.setattr(users, "hasher", lambda: cheap)
    monkeypatch.setattr(users, "_dummy_hash", lambda: cheap.hash("x"))


@pytest.fixture
def users(store: object, cheap_hasher: None) -> dict[str, str]:
    """Four accounts (all with PASSWORD): editor edna, approvers abe and ava, admin adam."""
    from pipeline.review.users import add_user

    for name, role in USERS.items():
        add_user(store, name, role, PASSWORD)  # type: ignore[arg-type]
    return USERS


def scored(client: TestClient) -> None:
    """Wait until the app's background rescoring has scored every saved version."""
    assert client.app.state.rescorer.wait(60), "background rescoring did not finish"  # type: ignore[attr-defined]


def csrf_of(client: TestClient) -> str:
    """The CSRF token of the client's session (from any page's hidden field)."""
    return csrf_token(client.get("/login").text)


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    r = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return client


@pytest.fixture
def app(store: object, filled: object, users: dict[str, str], testdb: ModuleType, tmp_path: Path) -> object:
    from pipeline.review.app import create_app

    settings = testdb.make_settings(tmp_path)
    settings.site_dir = tmp_path / "site"
    settings.secret_key = "test-secret-key-0123456789abcdef"
    return create_app(settings, store=store)


@pytest.fixture
def anon(app: object) -> Iterator[TestClient]:
    """A client that has not signed in."""
    with TestClient(app) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture
def client(app: object) -> Iterator[TestClient]:
    """Signed in as the editor edna."""
    with TestClient(app) as c:  # type: ignore[arg-type]
        yield login(c, "edna")


@pytest.fixture
def approver(app: object) -> Iterator[TestClient]:
    with TestClient(app) as c:  # type: ignore[arg-type]
        yield login(c, "abe")


@pytest.fixture
def admin(app: object) -> Iterator[TestClient]:
    with TestClient(app) as c:  # type: ignore[arg-type]
        yield login(c, "adam")


def post(client: TestClient, path: str, data: dict[str, object] | None = None, **kw: object) -> object:
    """POST a form with the session's CSRF token (redirects not followed)."""
    form = {"csrf_token": csrf_of(client), **(data or {})}
    return client.post(path, data=form, follow_redirects=False, **kw)  # type: ignore[arg-type]


def row_version(client: TestClient, item_id: int) -> str:
    html = client.get(f"/items/{item_id}").text
    match = re.search(r'name="row_version" value="(\d+)"', html)
    assert match, "no row_version on the draft page"
    return match.group(1)


def edit_form(client: TestClient, item_id: int) -> dict[str, str]:
    """The edit form's current values (as a browser would submit them)."""
    return parse_edit_form(client.get(f"/items/{item_id}").text)


def tick_all(client: TestClient, item_id: int) -> None:
    """Tick "reviewed" on every drafted field of the item's current version (approval needs it)."""
    from pipeline.domain import DRAFT_TEXT_FIELDS

    for name in DRAFT_TEXT_FIELDS:
        r = post(client, f"/items/{item_id}/reviewed", {"field": name, "on": "1"})
        assert r.status_code == 303, r.text  # type: ignore[attr-defined]


def approve(client: TestClient, item_id: int, **form: str) -> Any:
    """Tick every field, then approve with the warnings acknowledged (as the approve dialog does),
    once the background rescoring of any saved version is done (approval needs its scores: on a loaded
    CI machine the rescoring of an edit made just before could still be running, a 409)."""
    scored(client)
    tick_all(client, item_id)
    return post(client, f"/items/{item_id}/transition", {"action": "approve", "acknowledge": "1", **form})
