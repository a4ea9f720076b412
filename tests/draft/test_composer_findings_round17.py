"""Key findings that are results (composer 17, h17kf), on real abstracts.

A key finding states a result: a comparison, a direction, an effect, an association or a finding
verb with its outcome. What the studies were like or did, what they reported, what the researchers
did, or a count whose noun is in the sentence before is none (plan.no_result_kind); such a
sentence is a key finding only when no result is left, and a draft gives fewer findings rather
than fill three with one. Each test fails on composer 16.
"""

from __future__ import annotations

from pipeline.draft.composer.plan import no_result_kind, states_finding
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def test_a_sentence_that_states_no_result_is_told_by_kind() -> None:
    """Composer 16 key findings on the Cochrane mine half and BMC that state no result, each with
    its page; and results beside them that must stay results."""
    for text, kind in (
        ("Most trials excluded people with G6PD deficiency.", "design"),  # CD004389
        ("All trials treated blood stage infection with chloroquine.", "design"),  # CD004389
        ("One study randomised babies at < 72 hours.", "design"),  # CD002057
        ("Two trials had no wash-out interval between the treatment periods.", "design"),  # CD003467
        ("Three more small pharmaceutical company trials have been carried out.", "design"),  # CD011547
        ("Only one trial reported quality of life.", "design"),  # CD007924
        (
            "There were no data on the main measures of this review, namely live birth per woman randomised and "
            "miscarriage.",
            "reporting",
        ),  # CD006606
        (
            "Total length of hospital and ICU stay and relapse were not reported by any of the included studies.",
            "reporting",
        ),  # CD006819
        ("Clinical cardiotoxicity was studied in four trials.", "reporting"),  # CD006647
        (
            "Digit sucking was the only non-nutritive sucking habit measured in the studies.",
            "reporting",
        ),  # CD008694
        ("One study received grant support.", "quality"),  # CD002057
        (
            "The researchers downgraded two levels for study limitations and imprecision.",
            "method",
        ),  # CD012838
        (
            "The researchers are awaiting the results of six ongoing trials and eagerly anticipate further "
            "evidence from good-quality trials in the field.",
            "outlook",
        ),  # CD006606
        ("Treatment started when babies were aged > 15 days.", "method"),  # CD002057
        (
            "The researchers deleted the TGF-β type I receptor Alk5 specifically in the mouse neural crest cell "
            "lineage.",
            "method",
        ),  # bmc 1471-213X-6-51
        ("One used a mix of palatal cribs and arches.", "bare count"),  # CD008694
        ("People had an average age of 59 years.", "design"),  # CD008449
        ("Longer term response data from this trial are expected.", "outlook"),  # CD007924
        (
            "Haploid yeast strains harboring either one or two synthetic chromosomes were subjected to synthetic "
            "chromosome recombination and modification by LoxP-mediated evolution.",
            "method",
        ),  # bmc s12934-019-1102-4
        (
            "The researchers rated the risk of selection bias due to random sequence generation low for two "
            "studies and unclear for two studies.",
            "quality",
        ),  # CD009771
        ("The same investigator was involved in nine of the trials.", "design"),  # CD004009
        ("None of the included studies addressed health-related quality of life.", "design"),  # CD006407
        ("Neither trial reported on quality of life or time off work or school.", "design"),  # CD008319
    ):
        assert no_result_kind(text) == kind, text
    for text in (
        "Two studies showed that placebo (a dummy treatment) was not as good as active treatment in resolving "
        "the spasms.",  # CD001770
        "One study reported a large fall in heart rate in 14 of the 22 patients.",  # CD003361
        "The rate of new cases of OHSS was zero in both studies in both groups.",  # CD006606
        "Minor bleeding, swelling and hematoma were reported with dorsal penile nerve block.",  # CD004217
        "The researchers discovered a previously un-recognized role for an Rfx factor in cell movement.",  # eLife 01439
        "All included studies found less pain with the new stitches.",
        "Trials at low risk of bias showed less pain with the new stitches.",
        "Side effects Three trials reported that no side effects resulted from use of sealants or fluoride "
        "varnishes.",  # CD003067
        "Three studies reported useable data for 'any serious adverse effect', results were equivocal.",  # CD008919
    ):
        assert states_finding(text), text


def test_a_review_gives_fewer_findings_rather_than_a_non_result() -> None:
    """Cochrane mine half: composer 16 filled three key findings with what the trials did (CD004389
    "Most trials excluded people with G6PD deficiency.", "All trials treated blood stage infection
    with chloroquine."; CD002057 "One study randomised babies at < 72 hours.") or a count whose
    noun is in the sentence before (CD008694 "One used a mix of palatal cribs and arches.")."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    ids = (
        "10.1002/14651858.CD004389.pub3",
        "10.1002/14651858.CD002057.pub4",
        "10.1002/14651858.CD008694.pub2",
    )
    for fields in compose_fields([cochrane_article(records[i]) for i in ids]):
        assert fields.key_findings
        assert not [f for f in fields.key_findings if no_result_kind(f)], fields.key_findings


def test_what_was_done_is_no_finding_of_a_review_either() -> None:
    """compress.states_result, which a review's key findings skipped, tells what was done (bmc
    s13034-015-0087-y, a scoping review: "In phase 1 a scoping search of two electronic databases
    was carried out."); "The researchers did not find any differences ..." (Cochrane mine half
    CD012065) stays a result, where "did" had been read as what the researchers did."""
    from pipeline.draft.composer.compress import states_result

    assert not states_result("In phase 1 a scoping search of two electronic databases was carried out.")
    assert states_result(
        "The researchers did not find any differences between the drugs in the other results measured in the review."
    )
    assert not states_result("The researchers did not measure quality of life.")


def test_a_finding_that_leans_on_cases_said_before_is_left_out() -> None:
    """Cochrane mine half CD008319: "In neither case was a difference between treatments
    identified." follows two outcomes of two trials in the abstract; alone it names neither."""
    from pipeline.draft.composer.fields import _LEANS_ON

    assert _LEANS_ON.match("In neither case was a difference between treatments identified.")
    assert not _LEANS_ON.match("In neither group was the difference significant after one year.")
