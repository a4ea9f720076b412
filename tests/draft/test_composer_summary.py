"""The research summary of primary research (composer 10, h10fields), on real abstracts.

Design and who from the study facts, then what was measured, then the main results in the
abstract's order (statistics kept); never a method said as a result, a sentence that leans on the
one before, or a sentence another field says. Each test fails on composer 9.
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.draft.composer.compress import states_result
from pipeline.lab.datasets import load_pairs, pair_to_article
from pipeline.lab.measures import cross_field_repeat, field_sentences
from tests.conftest import BMC, SHARED_DATA, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

ELIFE = SHARED_DATA / "elife_dev" / "pairs.jsonl"


def _bmc(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    return compose_fields([bmc_article(records[f"10.1186/{i}"]) for i in ids])


def test_a_primary_research_summary_says_its_results_after_the_facts() -> None:
    """ "This was a retrospective cohort study of one hundred eighty-one patients. The study ran
    from 2002 to 2013." left room for one result only (s13019-016-0404-4); "This was a qualitative
    study. The study ran from July to October 2014. The relations among the codes had patterns." for
    one (s13034-015-0086-z): the facts' sentences took the three places a review's summary has."""
    hook, themes = _bmc("s13019-016-0404-4", "s13034-015-0086-z")
    summary = hook.research_summary
    assert summary.startswith("This was a retrospective cohort study of one hundred eighty-one patients.")
    # statistics stay in the research summary; since round 14 (h14lex) "solitary pulmonary nodules" is
    # kept as the name SPN stands for, and the nodules' diameter is the result said here (the hook-wire
    # interval, "224 min (range 54-622 min)", before)
    assert "10.3 mm (range: 4-29 mm)" in summary
    assert "Migration of the hook wire" in summary
    assert summary.index("10.3 mm") < summary.index("Migration")  # the abstract's order
    assert themes.research_summary.startswith(
        "This was a qualitative study. The study ran from July to October 2014."
    )
    # 19 (h19kf): its method sentence ("Inductive thematic analysis was applied ...") is no key finding now,
    # so the themes are one and the summary says the next result after the facts
    # (round 25, h25coch: "... was noted to affect medicines availability" states an effect, so that finding is a
    # key finding and the themes are the summary's result after the facts)
    for said in (
        "Eleven themes emerged from the six domains of enquiry",
        "mental health workforce was widely reported",
    ):
        assert any(said in k for k in themes.key_findings) or said in themes.research_summary, said
    for fields in (hook, themes):
        assert not cross_field_repeat(field_sentences(fields))


def test_what_the_researchers_did_is_no_result() -> None:
    """ "The researchers looked at gaze-triggered attention ..." and "The researchers did structured
    observations ..." (the simplifier's plain words for "examined", "performed") read as results."""
    for text in (
        "The researchers looked at gaze-triggered attention under visual-auditory cross-modal conditions.",
        "The researchers did structured observations on a subset of households.",
        "The researchers extracted and analyzed the promoter regions of these genes.",
    ):
        assert not states_result(text), text
    assert states_result("The researchers found that aligning only the unmatched regions is much faster.")


def test_a_summary_sentence_never_leans_on_the_one_before_it_in_the_abstract() -> None:
    """ "This epistatic influence manifested such that ..." and "This suggests that ..." (eLife.00776),
    "Meanwhile, the enhancement mechanism was studied." (bmc s13068-015-0409-6) were research-summary
    sentences; "This suggests that X" is said "The results suggest that X", as in the key findings,
    and "These findings reveal X" "The findings show X" (eLife.02555), not left out."""
    pairs = {p.id: p for p in load_pairs(ELIFE)}
    records = {r["id"]: r for r in read_jsonl(BMC)}
    genome, butanol, hedgehog = compose_fields(
        [
            pair_to_article(pairs["10.7554/eLife.00776"]),
            bmc_article(records["10.1186/s13068-015-0409-6"]),
            pair_to_article(pairs["10.7554/eLife.02555"]),
        ]
    )
    assert "This epistatic influence" not in genome.research_summary
    assert "This suggests" not in genome.research_summary
    assert "The results suggest that cytoplasmic genomes must be included" in genome.research_summary
    assert "Meanwhile" not in butanol.research_summary
    # 20 (h20rs): the summary names the design "lab study" (prompts summary_designs)
    assert butanol.research_summary.startswith("This was a lab study.")
    assert (
        "The findings show a new step in the sonic hedgehog pathway activation" in hedgehog.research_summary
    )
