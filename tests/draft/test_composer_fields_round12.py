"""Key findings and research summary (composer 12, h12fields), on real abstracts.

A narrative review is its own kind of work: no participants, no primary-research templates, its
scope said in the summary and never as a key finding. Each test fails on composer 11.
"""

from __future__ import annotations

from pipeline.domain import NOT_SPECIFIED, DraftFields
from tests.conftest import BMC, COCHRANE, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import cochrane_article, compose_fields


def _bmc(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    return dict(zip(ids, compose_fields([bmc_article(records[i]) for i in ids]), strict=True))


def test_a_narrative_review_is_said_as_a_review_of_earlier_research() -> None:
    """bmc s13601-015-0088-1 (sublingual immunotherapy: "We discuss herein the most important
    factors ... and review the rationale and evidence ..."): its summary was a background sentence
    ("Many studies have shown ..."); bmc s40170-015-0140-6 ("Here, we review the literature on
    mathematical models of metabolism ...") was "This was a laboratory study."; bmc
    s13321-015-0055-9 ("In this review, we focus on ...")."""
    drafts = _bmc("10.1186/s13601-015-0088-1", "10.1186/s40170-015-0140-6", "10.1186/s13321-015-0055-9")
    for fields in drafts.values():
        summary = fields.research_summary
        assert summary.startswith("This was a review of earlier research, not a new study. The authors ")
        # 20 (h20rs): the lab setting is said "This was a lab study." now
        assert (
            "laboratory" not in summary and "lab study" not in summary and "The study included" not in summary
        )
        assert " herein" not in summary
        assert fields.participants == NOT_SPECIFIED
    slit, metabolism, _ = drafts.values()
    assert "the 300 index of reactivity dose" in slit.research_summary
    assert "mathematical models of metabolism" in metabolism.research_summary


def test_what_the_work_was_like_is_no_key_finding() -> None:
    """Cochrane mine half, composer 11 key findings that say what the review's studies were like,
    not what they found: CD005215 "Method strengths included a relatively large study size and
    statistical control for baseline differences.", CD000553 "All trials had problems of method.",
    CD006407 "All studies were carried out more than 10 years ago."; a result that mentions how a trial was
    reported is still one (CD mine half: "One poorly reported trial found three times as many
    knees with side effects ..."; bmc: "... was shown to be very powerful ... even when the study
    size is small.")."""
    from pipeline.draft.composer.plan import appraises_the_work

    for text in (
        "Method strengths included a relatively large study size and statistical control for baseline differences.",
        "All trials had problems of method.",
        "All studies were carried out more than 10 years ago.",
        "Two of the 10 trials were not funded.",
        "The main limitations of the studies were the lack of blinding and not enough details on the methods used "
        "for chance grouping.",
    ):
        assert appraises_the_work(text), text
    for text in (
        "One poorly reported trial found three times as many knees with side effects in those given knee sleeves "
        "with a patella ring than those given knee sleeves only.",
        "Long-term linear combination test was shown to be very powerful in the analysis of large gene sets even "
        "when the study size is small.",
        "Side effects of lidocaine administration were rare.",
    ):
        assert not appraises_the_work(text), text
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    ids = (
        "10.1002/14651858.CD005215.pub3",
        "10.1002/14651858.CD000553.pub2",
        "10.1002/14651858.CD006407.pub2",
    )
    for fields in compose_fields([cochrane_article(records[i]) for i in ids]):
        assert fields.key_findings
        assert not any(appraises_the_work(f) for f in fields.key_findings), fields.key_findings


def test_a_key_finding_loses_a_report_frame_and_found_to() -> None:
    """bmc s12964-019-0448-x: "The researchers show that three specific transcripts are transferred
    to endometrial cells." and bmc 1471-2202-6-5: "Outer segment morphogenesis was found to be
    blocked at the elongation stage, ..." were key findings in composer 11: the simple
    explanation's safe shortening (shorten.plainer) now applies to key findings too. (It leaves
    bmc 1471-2407-4-85's "The researchers show that BAG-1 heterozygosity in mice impairs ..." as it
    is: the tagger does not read "impairs" as a verb without the frame.)"""
    embryo, retina = _bmc("10.1186/s12964-019-0448-x", "10.1186/1471-2202-6-5").values()
    assert "Three specific transcripts are transferred to endometrial cells." in embryo.key_findings
    assert not any(f.startswith("The researchers show that") for f in embryo.key_findings)
    assert any(f.startswith("Outer segment morphogenesis was blocked at") for f in retina.key_findings)


def test_a_key_finding_keeps_whose_result_it_is() -> None:
    """Cochrane mine half CD001770: "Two studies showed that placebo (a dummy treatment) was not as
    good as active treatment in resolving the spasms." must not lose "Two studies showed that" (a
    review's result from two of its studies is not the review's answer); bmc s40104-015-0059-3:
    "Only SV1 locus significantly affected ..." keeps "significantly", and so does bmc
    s12864-019-6102-6's "... showed 2413 significantly up-regulated genes and 3125 significantly
    down-regulated genes ..." (a count of the significant genes)."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (spasms,) = compose_fields([cochrane_article(records["10.1002/14651858.CD001770.pub3"])])
    assert not any(f.startswith("Placebo") for f in spasms.key_findings), spasms.key_findings
    assert any(f.startswith("Two studies showed that") for f in spasms.key_findings), spasms.key_findings
    pigs, prawns = _bmc("10.1186/s40104-015-0059-3", "10.1186/s12864-019-6102-6").values()
    assert not any(f.startswith("Only SV1 locus affected") for f in pigs.key_findings), pigs.key_findings
    # the count is of the significant genes only
    assert not any("2413 raised genes" in f for f in prawns.key_findings), prawns.key_findings
    # (round 15: "up-regulated genes" is kept as written, a gene does not rise)
    assert any("2413 significantly up-regulated genes" in f for f in prawns.key_findings), prawns.key_findings
