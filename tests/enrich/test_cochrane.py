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
    assert all(f.evidence_level.value.startswith("Level 1 (systematic review") for f in reviews)


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
