"""A review's people (issue 14, h14counts): the total said with its size, or none. The count
readers share pipeline.text.counts; a review that states no total gets no participants count
(before, the participants fact fell back on one study's or one result's sample). Mine-half pages."""

from __future__ import annotations

from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _fields(*dois: str):  # type: ignore[no-untyped-def]
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[doi]) for doi in dois])


def test_a_reviews_participants_are_no_single_studys_or_results_sample() -> None:
    # CD006266: "results from 1 study (23 participants) favour GHB" gave the participants "23
    # participants" for a 13-study review; CD001070: "the largest, van Wassenaer 1997, enrolling 200
    # infants"; CD012065: "1151 of 1239 eligible individuals from two of three eligible studies";
    # CD007874: "85 studies, 82 of which (10,350 participants) were eligible" gave "10,350 people in
    # 85 studies"
    found = _fields(
        "10.1002/14651858.CD006266.pub2",
        "10.1002/14651858.CD001070",
        "10.1002/14651858.CD012065.pub3",
        "10.1002/14651858.CD007874.pub2",
    )
    for fields, count in zip(found, ("23", "200", "1239", "10,350"), strict=True):
        assert count not in fields.participants
        assert f"{count} people" not in fields.simple_explanation


def test_a_reviews_total_said_after_its_size_is_its_people() -> None:
    # CD003361: "Four randomised controlled trials were found ... These were double-blind cross-over
    # studies involving a total of 72 patients."; CD004466: "This update included 592 participants
    # from seven studies"; CD010513: "five trials (one of which was quasi-randomised) that reported
    # results for 368 people" (an aside about one study is no subset)
    found = _fields(
        "10.1002/14651858.CD003361",
        "10.1002/14651858.CD004466.pub3",
        "10.1002/14651858.CD010513.pub2",
    )
    for fields, said in zip(
        found,
        ("72 people in four studies", "592 people in seven studies", "368 people in five studies"),
        strict=True,
    ):
        assert fields.participants == said


def test_a_one_study_review_and_a_total_without_a_size() -> None:
    # CD010633: "We included one study ... It reported data on 22 participants"; CD005170: "22
    # short-term (<= 16 weeks) RCTs were included in the analysis (2519 participants)" (its size is
    # not read: the aside breaks the count); CD011605: "1 in 3 participants withdrew" is a rate
    one, total, rate = _fields(
        "10.1002/14651858.CD010633.pub2",
        "10.1002/14651858.CD005170.pub2",
        "10.1002/14651858.CD011605.pub2",
    )
    assert one.participants == "22 people in one study"
    assert total.participants == "2519 people"
    assert "3 participants" not in rate.participants


def test_a_reviews_size_is_the_studies_it_kept_never_a_results_bracket() -> None:
    # (h19counts) CD003755: "Six randomized controlled trials were identified, five of which met the
    # inclusion criteria"; CD009530: "The search identified 11 studies, but we only included one
    # study"; CD007275: "identified 21 studies as potentially eligible ... we included 14 papers
    # reporting results of 7 clinical studies (...) and 6 analogue studies"; CD006780: "18 reports of
    # 14 studies for consideration", then "(six studies; 653 women; risk ratio (RR) 0.40 ...)";
    # CD000270: "(n=253, 2 RCTs, RR 1.10 CI 0.7 to 1.8)" of one outcome was the review's size
    found = _fields(
        "10.1002/14651858.CD003755.pub2",
        "10.1002/14651858.CD009530.pub4",
        "10.1002/14651858.CD007275.pub2",
        "10.1002/14651858.CD006780.pub3",
        "10.1002/14651858.CD000270.pub2",
    )
    said = [f"{f.simple_explanation} {f.research_summary} {f.participants}" for f in found]
    assert "five studies" in said[0] and "Six" not in said[0] and "six studies" not in said[0]
    assert "only one study" in said[1] and "11 studies" not in said[1]
    assert "7 clinical and 6 analogue studies" in said[2] and "21 studies" not in said[2]
    for text in said[3:]:
        assert not any(
            f"{w} {n} studies" in text for w in ("found", "included") for n in ("14", "six", "2", "two")
        )
