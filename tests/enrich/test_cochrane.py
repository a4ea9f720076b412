"""Cochrane review abstracts (unlabelled Results-style text) are read as systematic reviews."""

from __future__ import annotations

import re

from pipeline.enrich.facts import extract_facts_batch

SAMPLE = 60


def test_cochrane_reviews_are_systematic_reviews(cochrane_articles, nlp) -> None:
    articles = cochrane_articles[:SAMPLE]
    facts = extract_facts_batch(articles, nlp)
    reviews = [
        f for f in facts if f.design.value in ("systematic review", "systematic review and meta-analysis")
    ]
    assert len(reviews) >= 0.75 * len(articles)
    # a review that kept one study gives that study's level (round 15)
    assert all(
        f.evidence_level.value.startswith("Level 1 (systematic review")
        or f.evidence_level.value in ("Level 2 (systematic review of one randomised trial)", "Not specified")
        for f in reviews
    )


def test_cochrane_participants_are_verbatim_with_exact_spans(cochrane_articles, nlp) -> None:
    articles = cochrane_articles[:SAMPLE]
    for article, facts in zip(articles, extract_facts_batch(articles, nlp), strict=True):
        for fact in (facts.design, facts.participants, facts.study_period):
            if fact.span is not None:
                text = article.sections[fact.span.section].text
                assert text[fact.span.start : fact.span.end] == fact.span.text
        for number in re.findall(
            r"\d[\d,.]*\d|\d", facts.participants.value + " " + facts.study_period.value
        ):
            assert number in article.sections[0].text


def test_first_cochrane_record(cochrane_articles, nlp) -> None:
    facts = extract_facts_batch(cochrane_articles[:1], nlp)[0]
    assert facts.design.value == "systematic review and meta-analysis"
    assert facts.evidence_level.value == "Level 1 (systematic review of trials)"
    assert facts.participants.value == "6545 patients"


def _reviews(cochrane_articles, nlp, *ids: str) -> dict[str, object]:
    wanted = {f"10.1002/14651858.{i}" for i in ids}
    articles = [a for a in cochrane_articles if a.source_id in wanted]
    return {
        a.source_id.removeprefix("10.1002/14651858."): f
        for a, f in zip(articles, extract_facts_batch(articles, nlp), strict=True)
    }


def test_a_review_is_no_trial_and_a_meta_analysis_it_could_not_do_is_none(cochrane_articles, nlp) -> None:
    """Round 15 (h15cat), evidence levels read on the mine half (seed 293): "It was not possible to
    carry out a meta-analysis" made CD008179 "Level 1 (meta-analysis)"; "Nine studies met all
    inclusion criteria. ... evidence from one randomized controlled trial" made CD006893 "Level 2
    (randomised controlled trial)"; "Six relevant randomised trials were identified ... a
    meta-analysis was not possible" made CD009294 a meta-analysis."""
    facts = _reviews(cochrane_articles, nlp, "CD008179.pub2", "CD006893", "CD009294.pub2")
    assert facts["CD008179.pub2"].design.value == "systematic review"
    assert facts["CD009294.pub2"].design.value == "systematic review"
    assert facts["CD006893"].design.value == "systematic review and meta-analysis"
    for f in facts.values():
        assert f.evidence_level.value == "Level 1 (systematic review of trials)"


def test_a_diagnostic_review_and_a_review_of_one_trial(cochrane_articles, nlp) -> None:
    """CD012669 (point-of-care sonography: sensitivity and specificity of 34 studies) was a
    "systematic review of trials" from "larger, confirmatory trials" in its conclusion; CD011605
    ("Only one study met our inclusion criteria", a randomised trial) and CD010891 ("One study,
    which was a randomised, double-blind, controlled, multicentre trial, fulfilled our inclusion
    criteria") were "Level 1 (systematic review of trials)": one trial's evidence."""
    facts = _reviews(cochrane_articles, nlp, "CD012669.pub2", "CD011605.pub2", "CD010891.pub2")
    assert (
        facts["CD012669.pub2"].evidence_level.value
        == "Level 1 (systematic review of diagnostic accuracy studies)"
    )
    for review in ("CD011605.pub2", "CD010891.pub2"):
        assert facts[review].evidence_level.value == "Level 2 (systematic review of one randomised trial)"


def test_a_review_counting_its_rcts_is_no_trial(cochrane_articles, nlp) -> None:
    """Round 17 (h17fields), mine half: each results line's "(n=70, 1 RCT, RR 48.24 ...)" voted for a
    randomised trial, so "We included 32 studies in total" (CD001949.pub3) and "We included three
    short-term and one long-term trial (total N=221)" (CD008125.pub2, whose research summary said
    "This was a randomised controlled trial.") were one trial; a count before "RCT(s)" is a review
    counting its studies, and so are two counts of studies joined by "and"."""
    facts = _reviews(cochrane_articles, nlp, "CD001949.pub3", "CD008125.pub2")
    for f in facts.values():
        assert f.design.value in ("systematic review", "systematic review and meta-analysis")
        assert f.evidence_level.value.startswith("Level 1 (systematic review")


def test_an_unlabelled_review_of_randomised_trials_is_a_review(cochrane_articles, nlp) -> None:
    """Round 17 (h17fields), mine half (seed 347): "Nine studies compared 1354 participants
    randomised to either vitamin B or its derivatives with placebo or active control were
    identified." (CD009403.pub2) and "We included two studies with 64,391 participants."
    (CD012352.pub2) were "Level 2 (randomised controlled trial)": their trials' "randomised to
    either" and "randomised trial" outvoted the review's counted studies."""
    facts = _reviews(cochrane_articles, nlp, "CD009403.pub2", "CD012352.pub2")
    for f in facts.values():
        assert f.design.value == "systematic review"
        assert f.evidence_level.value == "Level 1 (systematic review of trials)"
