"""Real abstracts (BMC sample, Cochrane validation pairs), their facts, and one drafted batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.domain import NOT_SPECIFIED, Article, Fact, Facts, Section

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BMC = SHARED_DATA / "bmc_sample" / "abstracts.jsonl"
COCHRANE = SHARED_DATA / "cochrane_val" / "pairs.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bmc_article(record: dict) -> Article:
    return Article(
        source="test",
        source_id=record["doi"],
        title=record["title"],
        sections=[Section(s["label"], s["text"]) for s in record["sections"]],
        doi=record["doi"],
        journal=record["journal"],
    )


def cochrane_article(record: dict) -> Article:
    """Cochrane validation sources are unlabelled results+conclusions text without a title."""
    return Article(
        source="test", source_id=record["id"], title="", sections=[Section(None, record["abstract"])]
    )


def empty_facts() -> Facts:
    return Facts(
        design=Fact(NOT_SPECIFIED),
        evidence_level=Fact(NOT_SPECIFIED),
        participants=Fact(NOT_SPECIFIED),
        study_period=Fact(NOT_SPECIFIED),
        categories=[],
        relevance=0.0,
    )


def facts_for(articles: list[Article]) -> list[Facts]:
    """Facts from the enrich stage when it is installed, else empty facts built by hand."""
    try:
        from pipeline.enrich.facts import extract_facts_batch
    except ImportError:
        return [empty_facts() for _ in articles]
    return extract_facts_batch(articles)


@pytest.fixture(scope="session")
def backend():
    from pipeline.draft.extractive import ExtractiveBackend
    from pipeline.settings import Settings

    return ExtractiveBackend(Settings())


@pytest.fixture(scope="session")
def bmc_items() -> list[tuple[Article, Facts]]:
    articles = [bmc_article(r) for r in read_jsonl(BMC)]
    return list(zip(articles, facts_for(articles), strict=True))


@pytest.fixture(scope="session")
def bmc_results(backend, bmc_items):
    return backend.draft_batch(bmc_items)


@pytest.fixture(scope="session")
def cochrane_records() -> list[dict]:
    return read_jsonl(COCHRANE)
