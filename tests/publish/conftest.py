"""Fixtures for the publish tests: the review tests' temp store with real abstracts, and a TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from tests.review.conftest import cheap_hasher, filled, store, testdb, users  # noqa: F401 - shared fixtures


@pytest.fixture
def client(store: object, filled: object, testdb: ModuleType, tmp_path: Path) -> Iterator[TestClient]:  # noqa: F811
    from pipeline.review.app import create_app

    app = create_app(testdb.make_settings(tmp_path), store=store)
    with TestClient(app) as c:
        yield c
