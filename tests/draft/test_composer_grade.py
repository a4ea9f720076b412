"""How the simple explanation reads (composer 8): its topic and answer sentences said in fewer,
plainer words without losing what they claim. Real abstracts (BMC sample, Cochrane validation)."""

from __future__ import annotations

import re

import pytest

from pipeline.domain import DraftFields
from tests.conftest import BMC, COCHRANE, article_from_record, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _topic(fields: DraftFields) -> str:
    return re.split(r"(?<=\.)\s+", fields.simple_explanation, maxsplit=1)[0]


def _bmc(*titles: str) -> list[DraftFields]:
    records = [next(r for r in read_jsonl(BMC) if r["title"].startswith(t)) for t in titles]
    return compose_fields([article_from_record(r) for r in records])


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[i]) for i in ids])


def test_topic_drops_a_titles_pair_of_process_nouns_and_never_asks_a_question() -> None:
    """Composer 7: "This study looked at identification and functional analysis of the BIM
    interactome; new clues.", "This study cloned and description of mr-s, ..." and, from "What do
    we know about ...? Findings from an evidence synthesis.", "This review asked whether what do
    the researchers know about the risks for young people moving into."."""
    bim, mrs, risks = _bmc(
        "Identification and functional analysis of the BIM interactome",
        "Cloning and characterization of mr-s",
        "What do we know about the risks for young people",
    )
    assert _topic(bim) == "This study looked at the BIM interactome.", _topic(bim)
    # composer 18 (h18se): a name and its apposition are two short sentences
    assert _topic(mrs) == "This study looked at mr-s.", _topic(mrs)
    assert "This study looked at mr-s. It is a new" in mrs.simple_explanation
    assert "whether what" not in risks.simple_explanation
    assert "what do" not in risks.simple_explanation.lower()


@pytest.fixture(scope="module")
def reviews() -> list[DraftFields]:
    return _cochrane("10.1002/14651858.CD003914.pub4", "10.1002/14651858.CD000066.pub2")


def test_answer_loses_a_report_frame_and_the_use_of(reviews: list[DraftFields]) -> None:
    """Composer 7 said "The current evidence shows that the empirical routine addition of antiGP
    treatment ... does not improve ..." (28 words) and "no high-quality evidence to support the use
    of any of the topical preparations": the frame and "the use of" add words, no claim. A hedging
    frame ("suggests that") stays, and the negation stays."""
    antigp, stretch = reviews
    assert "The current evidence shows that" not in antigp.simple_explanation
    assert "does not improve the results of feverish neutropenic patients" in antigp.simple_explanation
    assert "the use of" not in stretch.simple_explanation
    assert "no high-quality evidence to support any of the topical preparations" in stretch.simple_explanation


def test_no_high_quality_evidence_is_no_high_certainty(reviews: list[DraftFields]) -> None:
    """CD000066 says "We found no high-quality evidence to support ..."; composer 7 read that as
    the stated GRADE level and added "The evidence for this is strong (high certainty)."."""
    stretch = reviews[1]
    assert "no high-quality evidence" in stretch.simple_explanation
    assert "high certainty" not in stretch.simple_explanation
    assert "strong" not in stretch.simple_explanation


def test_a_hedging_frame_is_kept() -> None:
    from pipeline.draft.composer.shorten import unframed

    hedged = (
        "These findings suggest that battenin is needed for membrane trafficking and mitochondrial function."
    )
    assert unframed(hedged) == hedged
    shown = "These findings show that battenin is needed for membrane trafficking and mitochondrial function."
    assert unframed(shown) == "Battenin is needed for membrane trafficking and mitochondrial function."
    # "the use of X" stays where it is what changed ("an increase in the use of X")
    assert unframed("There was an increase in the use of antibiotics.") == (
        "There was an increase in the use of antibiotics."
    )
