"""Counts and research summaries (composer 18, h18fields), on real abstracts.

A count of people with a space between thousands ("13 451 participants") is one count, never its
last three digits; a review's results that open on their size said with what the studies evaluated
("Forty six RCTs evaluated ... in 13 451 participants") state the review's size and people. Each
test fails on composer 18's start (7f42a91).
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def test_a_size_said_with_what_the_studies_evaluated_and_a_spaced_count() -> None:
    """cochrane CD003822.pub2 (mine half): "Forty six RCTs evaluated the dose-related trough BP
    lowering efficacy of 9 ARBs in 13 451 participants with a baseline BP of 156/101 mm Hg." had
    participants "Not specified" and no size in any field."""
    page = _cochrane("10.1002/14651858.CD003822.pub2")["10.1002/14651858.CD003822.pub2"]
    assert page.participants == "13 451 people in forty six studies"
    assert "451 people" not in page.participants.replace("13 451", "")
