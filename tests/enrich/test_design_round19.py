"""Design (h19main): a Cochrane results text that speaks of its trials as a body is a review."""

from __future__ import annotations

from pipeline.enrich import design as d
from pipeline.enrich.facts import extract_facts_batch


def test_many_of_the_trials_is_a_review(cochrane_articles, nlp) -> None:
    # cochrane CD003094.pub3 opens "Many of the trials were from low-income countries; they were
    # generally small and frequently methodologically poor." and counts no studies it kept: its design
    # was "Not specified" and the simple explanation said "125 women took part." from one trial's
    # "(risk ratio 0.38, ..., one trial, 125 women)"
    (article,) = [a for a in cochrane_articles if a.source_id.endswith("CD003094.pub3")]
    (facts,) = extract_facts_batch([article], nlp)
    assert facts.design.value in d.REVIEW_DESIGNS, facts.design
