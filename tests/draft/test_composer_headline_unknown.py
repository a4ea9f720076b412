"""The simple explanation says the headline (composer 10): also when it is said as what remains
unknown, carries a side clause, or is long.

The blind read of composer 9 (cochrane_val eval half, seed 47) found the main result missing on 11
of 20 pages; the causes were read again on look-alikes of the mine half (``random.seed(113)``), never
on the eval pages: a headline said as what is uncertain ("We are uncertain whether these
interventions reduce ...", "There is inadequate trustworthy evidence to assess ...") scored as no
claim; a headline with a side clause ("..., and for most comparisons no data were available on
adverse events") read as a data gap; a caveat or a sentence that states nothing ("The concept of
measuring ... is complicated.", "Results ... can only be inferred", "... makes this the best
available evidence", "the information on ... is unknown") chosen by its place in the conclusions;
one study of a review's several ("In a preliminary study, ...") said as the answer; a long headline
with its lead-in ("Mindful of the weak evidence ..., the results of this review suggest that ...")
given up. Each test drafts real mine-half abstracts and failed on composer 9.
"""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields

IDS = (
    "10.1002/14651858.CD010321.pub2",  # elder abuse: "We are uncertain whether ...", "inadequate ... evidence"
    "10.1002/14651858.CD007854.pub3",  # dysmenorrhoea: "..., and for most comparisons no data were available"
    "10.1002/14651858.CD004514.pub2",  # folic acid: "In a preliminary study, ..." for the review's answer
    "10.1002/14651858.CD007275.pub2",  # DNA-based risk: "Mindful of the weak evidence ..., the results ..."
    "10.1002/14651858.CD001876.pub3",  # pleural TB: "the information on ... is unknown" as the answer
    "10.1002/14651858.CD005391.pub3",  # colorectal surgery: "The results confirm clearly ..."
    "10.1002/14651858.CD006341.pub2",  # apathy: "Results ... can only be inferred" as the answer
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    if not COCHRANE.exists():
        pytest.skip("shared data is not present")
    records = {r["id"]: r for r in read_jsonl(COCHRANE) if r["id"] in IDS}
    articles = [cochrane_article(records[i]) for i in IDS]
    fields = compose_fields(articles)
    return {a.source_id: f for a, f in zip(articles, fields, strict=True)}


def _se(pages: dict[str, DraftFields], key: str) -> str:
    return next(f.simple_explanation for i, f in pages.items() if key in i)


def test_a_headline_said_as_what_is_uncertain_is_the_answer(pages: dict[str, DraftFields]) -> None:
    """CD010321 answered "The concept of measuring improvement in detection or reporting ... is
    complicated." (no claim, chosen for its place in the conclusions) for "There is inadequate
    trustworthy evidence to assess the effects of elder abuse interventions on occurrence or
    recurrence of abuse" (said without its "although ..." concession, 38 words in all)."""
    se = _se(pages, "CD010321")
    assert "concept of measuring" not in se, se
    assert "inadequate trustworthy evidence" in se or "uncertain whether these" in se, se
    assert "although there is some evidence" not in se, se


def test_a_side_clause_does_not_make_the_headline_a_data_gap(pages: dict[str, DraftFields]) -> None:
    """CD007854 answered with one comparison ("There was no clear evidence of a difference between
    the groups on a ... pain scale") because its headline ends ", and for most comparisons no data
    were available on adverse events"; the headline is said without that clause."""
    se = _se(pages, "CD007854")
    assert "effective in treating primary dysmenorrhoea" in se, se
    assert "no data were available" not in se, se


def test_one_study_of_several_is_not_the_reviews_answer(pages: dict[str, DraftFields]) -> None:
    """CD004514 answered "In a preliminary study, folic acid was associated with improvement ..." and
    "In another, ..." instead of "There is no adequate evidence of benefit from folic acid ..."."""
    se = _se(pages, "CD004514")
    assert "preliminary study" not in se and "early study" not in se, se
    # (or the conclusion's own answer, said whole at the longer limit since composer 12, h12main)
    assert (
        "evidence of benefit from folic acid" in se
        or "no consistent evidence either way that folic acid" in se
    ), se


def test_a_long_headline_is_said_without_its_lead_in(pages: dict[str, DraftFields]) -> None:
    """CD007275's headline is 36 words with its lead-in "Mindful of the weak evidence based on a
    small number of studies of limited quality, ..."; composer 9 said the side result on adverse
    effects instead."""
    se = _se(pages, "CD007275")
    assert "little or no effect on smoking and physical activity" in se, se
    assert "Mindful" not in se, se


def test_a_caveat_is_not_the_answer(pages: dict[str, DraftFields]) -> None:
    """CD001876 answered "The information on the impact of pleural TB on long-term breathing function
    is unknown." and CD006341 "Results about the benefit of treatment can only be inferred." (caveats)
    where the reviews found "Corticosteroids may reduce the time to resolution of pleural effusion."
    and "No evidence was provided to support the use of CES treatment for inertia"; CD005391 answered
    "... makes this the best available evidence" for "The results confirm clearly the presence of a
    volume-outcome relationship"."""
    pleural = _se(pages, "CD001876")
    assert "is unknown" not in pleural and "most important" not in pleural, pleural
    assert "may reduce the time to resolution of pleural effusion" in pleural, pleural
    apathy = _se(pages, "CD006341")
    assert "can only be inferred" not in apathy, apathy
    assert "No evidence was provided to support" in apathy, apathy
    volume = _se(pages, "CD005391")
    assert "best available evidence" not in volume, volume
    assert "volume-outcome relationship" in volume, volume


def test_claim_head_leaves_out_only_a_trailing_side_statement() -> None:
    """The head is kept when the tail is a side statement (a data gap, a reason with a risk of
    bias, advice, an outlook), never when the tail is itself a claim."""
    from pipeline.draft.composer.plan import claim_head

    assert (
        claim_head(
            "Medication treatments can be effective in paediatric anxiety disorders, acting to reduce core "
            "symptoms, and should be considered as part of the treatment of these disorders."
        )
        == "Medication treatments can be effective in paediatric anxiety disorders, acting to reduce core symptoms."
    )
    assert (
        claim_head(
            "We are uncertain whether these interventions reduce the occurrence or recurrence of elder abuse "
            "due to variation in settings, measures and effects reported in the included studies, some of "
            "which were very small and at a high risk of bias (low- and very low-quality evidence)."
        )
        == "We are uncertain whether these interventions reduce the occurrence or recurrence of elder abuse."
    )
    claim = (
        "Thus, although there is a benefit favouring blastocyst transfer in fresh cycles, it remains "
        "unclear whether the day of transfer impacts on cumulative live birth and pregnancy rates."
    )
    assert claim_head(claim) == claim
