"""Shared fixtures: isolated settings, SQLite and PostgreSQL stores, real sample articles."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
POSTGRES_URL = os.environ.get("PLAINSCI_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's PLAINSCI_* variables or ./plainsci.toml."""
    for key in list(os.environ):
        if key.startswith("PLAINSCI_") and key not in (
            "PLAINSCI_TEST_POSTGRES_URL",
            "PLAINSCI_SCREENSHOT_DIR",
        ):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    from pipeline import runtime

    runtime.reset()


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from pipeline.settings import load_settings

    return load_settings(data_dir=tmp_path / "var")


def _postgres_database() -> Iterator[str]:
    """A fresh database on the server .ci/run started; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert POSTGRES_URL
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        from pipeline import runtime

        runtime.reset()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """Settings for a fresh store, once on SQLite and once on a real PostgreSQL."""
    from pipeline.settings import load_settings

    if request.param == "sqlite":
        yield load_settings(data_dir=tmp_path / "var")
        return
    if not POSTGRES_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("PLAINSCI_TEST_POSTGRES_URL is not set: .ci/test starts PostgreSQL for CI")
        pytest.skip("no PostgreSQL: run `make test` (it starts one) or set PLAINSCI_TEST_POSTGRES_URL")
    yield from (load_settings(data_dir=tmp_path / "var", database_url=url) for url in _postgres_database())


@pytest.fixture
def store(db_settings):  # type: ignore[no-untyped-def]
    from pipeline.store.db import Store

    st = Store(db_settings)
    yield st
    st.dispose()


BMC = SHARED_DATA / "bmc_sample" / "abstracts.jsonl"
COCHRANE = SHARED_DATA / "cochrane_val" / "pairs.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    """Records of a shared JSONL file; skips the test when ../shared is not beside the repo."""
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    # "\n" only: str.splitlines() would also split inside strings holding U+2028
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def load_bmc_records() -> list[dict]:
    return read_jsonl(BMC)


def article_from_record(rec: dict):  # type: ignore[no-untyped-def]
    """A domain Article from one line of ../shared/data/bmc_sample/abstracts.jsonl."""
    from datetime import date

    from pipeline.domain import Article, Section

    published = None
    if rec.get("date") and len(rec["date"]) == 10:
        published = date.fromisoformat(rec["date"])
    return Article(
        source="test",
        source_id=rec["id"],
        title=rec["title"],
        sections=[Section(s.get("label"), s["text"]) for s in rec["sections"]],
        doi=rec.get("doi"),
        pmid=rec.get("pmid"),
        pmcid=rec.get("pmcid"),
        journal=rec.get("journal"),
        published=published,
    )


@pytest.fixture(scope="session")
def bmc_records() -> list[dict]:
    return load_bmc_records()
