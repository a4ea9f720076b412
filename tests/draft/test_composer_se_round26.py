"""Round 26 (h26se): the simple explanation's grade (issue 14 items 1-2). The answer carries about half of
a review's simple-explanation syllables in 20.7-word sentences; the people a long answer is about are
said in a sentence of their own. Each page is composed from its real abstract; each test fails on the
round's start commit (296cca4)."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.shorten import split_people_tail
from pipeline.settings import Settings
from tests.draft.conftest import bmc_or_elife_fields, cochrane_fields


def test_people_at_the_end_of_a_long_answer_said_apart() -> None:
    # cochrane mine half CD003464.pub2: a 29-word answer that ends on "among patients with prosthetic
    # heart valves" (grade 8.76 at the start commit)
    (page,) = cochrane_fields(["10.1002/14651858.CD003464.pub2"])
    se = page.simple_explanation
    assert (
        "to oral anticoagulation decreases the risk of whole-body blockage in a blood vessel or death. "
        "This was in patients with prosthetic heart valves." in se
    )


def _split(text: str) -> list[str] | None:
    return split_people_tail(text, Settings().spacy_model)


def test_people_tail_split_in_a_question_of_the_answer() -> None:
    # cochrane mine half CD003467: the people end the "whether" clause; the claim keeps its words
    assert _split(
        "It is impossible to find out whether amantadine is a safe and effective form of treatment for "
        "levodopa-induced dyskinesias in patients with Parkinson's disease."
    ) == [
        "It is impossible to find out whether amantadine is a safe and effective form of treatment for "
        "levodopa-induced dyskinesias.",
        "This was in patients with Parkinson's disease.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the people are inside the subject (cochrane CD005604.pub3)
        "The use of anti-histamines in children with non-specific cough has to be balanced against the "
        "well known risk of side effects especially in very young children.",
        # a time belongs to the claim (cochrane CD012744)
        "There is some low-quality evidence to suggest that amifostine prevents the feeling of dry mouth "
        "in people receiving radiotherapy to the head and neck in the short- to medium-term.",
        # people said before ("the patients") and a count are no tail to say apart
        "The researchers found evidence of moderate quality that hospital at home may be advantageous "
        "about readmission rates in the patients.",
        "The new treatment lowered the blood pressure of the group by a clear margin in 38 women.",
        # a tail that limits or contrasts the claim stays with it
        "The drug lowered the risk of a second stroke over the first year, but not in people with diabetes.",
        "The drug lowered the risk of a second stroke over the first year only in people with diabetes.",
    ],
)
def test_people_tail_not_split(text: str) -> None:
    assert _split(text) is None


def test_very_low_certainty_said_in_plainer_words() -> None:
    # cochrane mine half CD011927.pub2: "so this is very uncertain" (grade 9.4 as a sentence)
    (page,) = cochrane_fields(["10.1002/14651858.CD011927.pub2"])
    assert (
        "The evidence is very weak (very low certainty), so this is far from certain."
        in page.simple_explanation
    )


def test_transcription_and_signaling_defined_in_shorter_words() -> None:
    pages = bmc_or_elife_fields(
        # "Transcription means copying the DNA of a gene into RNA." (grade 10.7)
        "10.7554/eLife.01267",
        # "Signaling means passing messages within and between cells." (grade 9.7)
        "10.1186/s13287-018-0851-z",
    )
    assert (
        "Transcription means making an RNA copy of a gene." in pages["10.7554/eLife.01267"].simple_explanation
    )
    assert (
        "Signaling means sending messages in and between cells."
        in pages["10.1186/s13287-018-0851-z"].simple_explanation
    )
