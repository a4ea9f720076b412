"""The participants fact reads a count with a space between thousands (h18fields)."""

from __future__ import annotations

from pipeline.enrich.facts import extract_facts_batch


def test_a_count_with_a_space_between_thousands(cochrane_articles, nlp) -> None:
    # cochrane CD003822.pub2: "Forty six RCTs evaluated ... of 9 ARBs in 13 451 participants with a
    # baseline BP of 156/101 mm Hg." gave "Not specified" ("13" and "451" are two tokens)
    article = next(a for a in cochrane_articles if a.source_id == "10.1002/14651858.CD003822.pub2")
    facts = extract_facts_batch([article], nlp)[0]
    assert facts.participants.value == "13 451 participants"
    assert facts.participants.detail["count"] == 13451
