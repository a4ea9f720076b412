"""Fixtures for the review app tests: a temp SQLite store with real abstracts and a TestClient."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient


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


@pytest.fixture
def client(store: object, filled: object, testdb: ModuleType, tmp_path: Path) -> Iterator[TestClient]:
    from pipeline.review.app import create_app

    app = create_app(testdb.make_settings(tmp_path), store=store)
    with TestClient(app) as c:
        yield c
