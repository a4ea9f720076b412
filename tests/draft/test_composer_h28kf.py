"""Key findings: a review's known results first, primary research's plainer of two central results (composer
28, h28kf), on real text.

A review's key findings take the results pipeline.text.results.reports_result knows before its other
candidates (h27kf's left-over ranking); the pick that keeps what would once have been a finding out of
the research summary reads them in rank order as before, so the summary moves only where the findings
do. compress.split_shared_subject no longer reads a present verb of the other number as the root's
second verb. Each page test of what is said fails on the round's start commit (5e7e418); the
research-summary test is a guard.
"""

from __future__ import annotations

from pipeline.text.results import reports_result
from tests.draft.test_composer_summary_round22 import _elife, _mine


def test_a_review_says_its_results_before_its_design() -> None:
    pages = _mine("CD009376.pub2", "CD007874.pub2", "CD011605.pub2")
    # cochrane mine CD009376.pub2: at 5e7e418 the third finding was what the add-ons were
    findings = pages["CD009376.pub2"].key_findings
    assert any(
        f.startswith("There was no clear difference between supportive periodontal therapy") for f in findings
    )
    assert not any(f.startswith("The add-ons were") for f in findings)
    # CD007874.pub2: the main result, not who the people were
    findings = pages["CD007874.pub2"].key_findings
    assert any(f.startswith("Lidocaine administration could considerably decrease") for f in findings)
    assert not any(f.startswith("All people, aged 13 years") for f in findings)
    # CD011605.pub2: the result in numbers, not the design's responders
    findings = pages["CD011605.pub2"].key_findings
    assert any("47/84 with fentanyl and 28/79 with placebo" in f for f in findings)
    assert not any(f.startswith("Of 258 people who underwent open-label titration") for f in findings)


def test_the_summary_moves_only_where_the_findings_do() -> None:
    # cochrane mine CD006407.pub2: its key findings are as at 5e7e418; with the ranking read for the
    # summary's pick too its summary lost "none of these trials was a randomised controlled trial"
    page = _mine("CD006407.pub2")["CD006407.pub2"]
    assert "none of these trials was a randomised controlled trial" in page.research_summary


def test_no_comment_on_a_list_of_outcomes_is_no_result() -> None:
    # cochrane mine CD012537.pub2: the outcome names hold effect words ("pain relief"); with the ranking
    # it took the place of a finding
    text = (
        "The researchers cannot comment on their remaining other measures: Carer Global Impression of Change; "
        "need for rescue pain relief; sleep duration and quality; acceptability of treatment; physical "
        "functioning; and quality of life."
    )
    assert not reports_result(text)
    # the verdict that the evidence cannot tell stays a result
    assert reports_result("The evidence from trials using corticosteroids in dengue is inconclusive.")


def test_a_verb_of_the_claim_is_not_the_frames_second_verb() -> None:
    # elife_dev eLife.06104: "We show that persistent HGF treatment stimulates ..., and leads to the expression
    # of basal cell characteristics, ..." gave the finding "The researchers leads to the expression ..." at 5e7e418
    findings = _elife("06104")["06104"].key_findings
    assert not any(f.startswith("The researchers leads") for f in findings)
    assert any(
        f.startswith("Persistent HGF treatment stimulates") and "leads to the expression of basal cell" in f
        for f in findings
    )
