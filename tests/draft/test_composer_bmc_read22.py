"""Round 22 (h22bmc): BMC pages of the round-22 read (pick20 seed 433), each composed from its real
abstract; each test failed on the round's start commit (8f795d0)."""

from __future__ import annotations

from pipeline.domain import Article, DraftFields
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields


def _pages(*dois: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in dois]
    return dict(zip(dois, compose_fields(articles), strict=True))


def test_pages_of_the_read() -> None:
    pages = _pages("10.1186/s13063-014-0524-x", "10.1186/1745-6215-16-1")
    # a protocol: "The overall objective of this 5-year study is ..." was "Not specified"
    protocol = pages["10.1186/s13063-014-0524-x"]
    assert protocol.study_duration == "5 years"
    assert "ran from" not in protocol.research_summary
    # 62 + 31 + 6 smokers were recruited: the page said "62 participants" and "62 people took part"
    recruitment = pages["10.1186/1745-6215-16-1"]
    assert "62" not in recruitment.participants
    assert "62 people" not in recruitment.simple_explanation


def test_a_cross_sectional_study_that_asked_no_one_is_no_survey() -> None:
    pages = _pages(
        # 84 measurements of vascular pedicle width on ventilated patients: "This survey looked at ..."
        "10.1186/s40560-015-0121-4",
        # households asked about handwashing (a questionnaire): a survey it is
        "10.1186/s13031-015-0065-2",
    )
    assert not pages["10.1186/s40560-015-0121-4"].simple_explanation.startswith("This survey")
    assert pages["10.1186/s13031-015-0065-2"].simple_explanation.startswith("This survey")


def test_the_length_is_said_once() -> None:
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    # elife 00007: "In a 2-year field study, ..." is the summary's sentence; "The study ran for 2 years."
    # before it said the same
    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    (fields,) = compose_fields([pair_to_article(pairs["10.7554/eLife.00007"])])
    assert fields.study_duration == "2 years"
    assert "2-year field study" in fields.research_summary
    assert "The study ran for 2 years." not in fields.research_summary
