"""Real abstracts (BMC sample, Cochrane validation split) as Articles, and one shared nlp."""

from __future__ import annotations

import pytest

from pipeline.domain import Article, Section
from tests.conftest import BMC, COCHRANE, read_jsonl
from tests.conftest import article_from_record as bmc_article


@pytest.fixture(scope="session")
def bmc_articles() -> dict[str, Article]:
    return {r["doi"].lower(): bmc_article(r) for r in read_jsonl(BMC)}


@pytest.fixture(scope="session")
def cochrane_articles() -> list[Article]:
    return [
        Article(
            source="test", source_id=r["id"], title="", sections=[Section(None, r["abstract"])], doi=r["id"]
        )
        for r in read_jsonl(COCHRANE)
    ]


@pytest.fixture(scope="session")
def nlp():
    from pipeline.enrich.nlp import get_nlp

    return get_nlp()
