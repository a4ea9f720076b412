"""Real abstracts (BMC sample, Cochrane validation split) as Articles, and one shared nlp."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.domain import Article, Section

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BMC = SHARED_DATA / "bmc_sample" / "abstracts.jsonl"
COCHRANE = SHARED_DATA / "cochrane_val" / "pairs.jsonl"


def _read(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bmc_article(record: dict) -> Article:
    """An Article built from one bmc_sample record."""
    return Article(
        source="test",
        source_id=record["doi"],
        title=record["title"],
        sections=[Section(s["label"], s["text"]) for s in record["sections"]],
        doi=record["doi"],
        journal=record["journal"],
    )


@pytest.fixture(scope="session")
def bmc_articles() -> dict[str, Article]:
    return {r["doi"].lower(): bmc_article(r) for r in _read(BMC)}


@pytest.fixture(scope="session")
def cochrane_articles() -> list[Article]:
    return [
        Article(
            source="test", source_id=r["id"], title="", sections=[Section(None, r["abstract"])], doi=r["id"]
        )
        for r in _read(COCHRANE)
    ]


@pytest.fixture(scope="session")
def nlp():
    from pipeline.enrich.nlp import get_nlp

    return get_nlp()
