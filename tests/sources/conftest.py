"""Helpers for the network-source tests: recorded bodies, a test client that never sleeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.sources.config import SourcesConfig, parse_sources_config
from pipeline.sources.http import HttpClient

HTTP_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "http"


def body(name: str) -> bytes:
    """A recorded response body from tests/fixtures/http."""
    return (HTTP_FIXTURES / name).read_bytes()


class Sleeps(list[float]):
    """An injected sleep: records each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sleeps: Sleeps):  # type: ignore[no-untyped-def]
    """The real HttpClient with sleeping recorded (respx patches its transport)."""
    c = HttpClient("test@example.org", sleep=sleeps, max_retries=3)
    yield c
    c.close()


@pytest.fixture
def config(tmp_path: Path) -> SourcesConfig:
    """A small sources file: two journals with feeds and one topic."""
    return parse_sources_config(
        {
            "field": "test",
            "journals": [
                {
                    "name": "BMC Musculoskeletal Disorders",
                    "issn": "1471-2474",
                    "verified": True,
                    "feed": "https://bmcmusculoskeletdisord.biomedcentral.com/articles/most-recent/rss.xml",
                },
                {"name": "Trials", "issn": "1745-6215", "verified": True},
            ],
            "topics": ["spinal cord injury"],
            "sources": {"europepmc": {"page_size": 25}, "springer": {"page_size": 10}},
        },
        tmp_path / "sources.yaml",
    )
