"""Research summary and practical implications (composer 15, h15fields), on real abstracts.

A review's research summary says what its studies compared, where and in whom, never only its size
nor an appraisal of the studies, and is never empty; no practical implication is the vague "Several
Studies Agree or Differ"; a conclusion's practice sentence is one. Each test fails on composer 14.
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.draft.composer.fields import _REVIEW_COMPARED
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def _compared(text: str) -> tuple[str, str] | None:
    m = _REVIEW_COMPARED[0].search(text) or _REVIEW_COMPARED[1].search(text)
    return (m.group("x"), m.group("y")) if m else None


def test_what_a_reviews_studies_compared_is_read_from_its_opening() -> None:
    """cochrane CD003361 "Four randomised controlled trials were found comparing beta-blocker therapy
    with placebo in patients with idiopathic Parkinson's disease."; CD004302 "... patients who were
    randomized to treatment with subcutaneous injections of ... or placebo were examined". Not a
    result said with "compared to", not a list cut at its comma (CD005998 "They compared misoprostol
    with no treatment or placebo, dinoprostone or osmotic dilators.")."""
    assert _compared(
        "Four randomised controlled trials were found comparing beta-blocker therapy with placebo in patients "
        "with idiopathic Parkinson's disease."
    ) == ("beta-blocker therapy", "placebo in patients with idiopathic Parkinson's disease")
    assert _compared(
        "Two trials with a total population of 1300 amyotrophic lateral sclerosis patients who were randomized "
        "to treatment with subcutaneous injections of recombinant human ciliary neurotrophic factor or placebo "
        "were examined in this review."
    ) == ("subcutaneous injections of recombinant human ciliary neurotrophic factor", "placebo")
    assert (
        _compared("They compared misoprostol with no treatment or placebo, dinoprostone or osmotic dilators.")
        is None
    )
    # cochrane CD000456.pub5: a result, not what the studies compared
    assert (
        _compared(
            "Synchronized ventilation compared to CMV was associated with a reduction in the risk of air leak."
        )
        is None
    )


def test_a_review_summary_says_what_was_compared_and_no_appraisal() -> None:
    """CD003361 and CD004302 said only "This review included four studies with 72 people." or a bare
    "The risk ratio was 1.07 (95% confidence interval 0.81 to 1.41)."; CD010576 said "surgeons were not
    blinded in any of the trials" (how well the trials were done, not what they were); CD001949's "Among
    the five studies that compared pimozide versus placebo" is five of 32 studies: not said as all of them."""
    drafts = _cochrane(
        "10.1002/14651858.CD003361",
        "10.1002/14651858.CD004302.pub2",
        "10.1002/14651858.CD010576.pub2",
        "10.1002/14651858.CD001949.pub3",
    )
    beta, cntf, thyroid, pimozide = (d.research_summary for d in drafts.values())
    assert (
        "compared beta-blocker therapy with placebo in patients with idiopathic Parkinson's disease" in beta
    ), beta
    assert (
        "compared subcutaneous injections of recombinant human ciliary neurotrophic factor with placebo"
        in cntf
    )
    assert "risk ratio" not in cntf, cntf
    assert "blinded" not in thyroid, thyroid
    # what the trials were (round 25, h25coch: the summary now gives the review's size and one result, and of
    # the setting keeps "All thyroidectomies were done by experienced surgeons." over "university hospitals")
    assert "experienced surgeons" in thyroid, thyroid
    assert "compared pimozide" not in pimozide, pimozide


def test_a_review_summary_is_never_empty_nor_about_funding() -> None:
    """CD008088.pub3 (one study): its one conclusion sentence is now its practical implication, and
    the summary said nothing; it says what the review found. CD002057.pub4: "No conflict of interest was
    identified. One study received grant support." is no summary of the studies."""
    drafts = _cochrane("10.1002/14651858.CD008088.pub3", "10.1002/14651858.CD002057.pub4")
    tnf, steroids = drafts.values()
    assert tnf.research_summary.startswith("This review found a single study with 21 people"), (
        tnf.research_summary
    )
    assert "grant" not in steroids.research_summary and "conflict" not in steroids.research_summary


def test_no_vague_implication_and_the_practice_sentence_is_one() -> None:
    """ "Several Studies Agree or Differ: This result draws on six studies, not on a single one." told a
    reader nothing (composer 14 blind read; CD010010.pub3, 165 of 206 mine-half pages). CD003183's
    "Medicinal herbs for HCV infection should not be used outside randomised clinical trials." is
    what the result means for care."""
    drafts = _cochrane("10.1002/14651858.CD010010.pub3", "10.1002/14651858.CD003183")
    vaccine, herbs = drafts.values()
    for d in drafts.values():
        assert d.practical_implications
        assert all(p.title != "Several Studies Agree or Differ" for p in d.practical_implications)
    assert vaccine.practical_implications
    care = [p for p in herbs.practical_implications if p.title == "What It Means for Care"]
    assert care and "should not be used outside randomised clinical trials" in care[0].text, (
        herbs.practical_implications
    )


def test_a_lab_or_computational_recommendation_is_not_about_care() -> None:
    """bmc s13059-019-1863-4 (a comparison of variant callers): "The researchers recommend SAMtools,
    Strelka2, FreeBayes, or CTAT, ..." is advice to researchers, not what the result means for care;
    bmc 1472-6882-9-6 (cells in the lab): "Frankincense oil might represent an alternative intravesical
    agent" is no option for patients yet."""
    from tests.conftest import BMC
    from tests.conftest import article_from_record as bmc_article

    records = {r["id"]: r for r in read_jsonl(BMC)}
    ids = ("10.1186/s13059-019-1863-4", "10.1186/1472-6882-9-6")
    for fields in compose_fields([bmc_article(records[i]) for i in ids]):
        assert all(p.title != "What It Means for Care" for p in fields.practical_implications), (
            fields.practical_implications
        )


def test_primary_research_summary_may_go_on_with_they() -> None:
    """bmc 1472-6831-8-11: "The study included 119 patients. They were referred to the clinic of
    Prosthodontics and Implantology with complaints ..." says who they were; only a review's summary
    leaves out a sentence opening "They" (merged "In this review, they ...", cochrane CD003755.pub2)."""
    from tests.conftest import BMC
    from tests.conftest import article_from_record as bmc_article

    records = {r["id"]: r for r in read_jsonl(BMC)}
    (fields,) = compose_fields([bmc_article(records["10.1186/1472-6831-8-11"])])
    assert "They were referred to the clinic" in fields.research_summary, fields.research_summary
    (review,) = _cochrane("10.1002/14651858.CD003755.pub2").values()
    assert "In this review, they" not in review.research_summary, review.research_summary
