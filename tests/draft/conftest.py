"""Real abstracts (BMC sample, Cochrane validation pairs), their facts, and one drafted batch."""

from __future__ import annotations

from functools import lru_cache

import pytest

from pipeline.domain import NOT_SPECIFIED, Article, DraftFields, Fact, Facts, Section
from tests.conftest import BMC, COCHRANE, SHARED_DATA, read_jsonl
from tests.conftest import article_from_record as bmc_article


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
    """Facts from the enrich stage, as the draft stage gets them."""
    from pipeline.enrich.facts import extract_facts_batch

    return extract_facts_batch(articles)


def compose_fields(articles: list[Article], backend_name: str = "composer") -> list[DraftFields]:
    """The drafted fields of ``articles`` with their enrich-stage facts, one batch; a failed draft
    fails the test with the article's id."""
    from pipeline.draft.base import make_backend
    from pipeline.settings import Settings

    results = make_backend(Settings(), backend_name).draft_batch(
        list(zip(articles, facts_for(articles), strict=True))
    )
    out = []
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, Exception), f"{article.source_id}: {result}"
        out.append(result.fields)
    return out


@lru_cache(maxsize=1)
def _cochrane_by_id() -> dict[str, dict]:
    return {r["id"]: r for r in read_jsonl(COCHRANE)}


def cochrane_fields(dois: list[str]) -> list[DraftFields]:
    """The drafted fields of the cochrane_val records ``dois`` (full ids), in one batch; the pairs
    file is read once per test session."""
    records = _cochrane_by_id()
    return compose_fields([cochrane_article(records[doi]) for doi in dois])


def bmc_or_elife_fields(*ids: str) -> dict[str, DraftFields]:
    """The drafted fields of BMC sample records or elife_dev pairs by id, in one batch."""
    from pipeline.lab.datasets import load_pairs, pair_to_article

    records = {r["id"]: r for r in read_jsonl(BMC)}
    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    articles: list[Article] = [
        bmc_article(records[i]) if i in records else pair_to_article(pairs[i]) for i in ids
    ]
    return dict(zip(ids, compose_fields(articles), strict=True))


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
