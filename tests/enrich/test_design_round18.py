"""Design and evidence level (h18fields): a measure's validation study gets the level its design
supports; counted trials are read by one rule."""

from __future__ import annotations

from pipeline.enrich import design as d
from pipeline.enrich.facts import extract_facts_batch


def test_a_validation_study_has_an_evidence_level(bmc_articles, nlp) -> None:
    # bmc 1472-6831-8-11 (OHIP-NL: translation, reliability and construct validity), s12888-018-1871-z
    # (the PPMI scale: structure and validity), s12891-022-05070-w (test-retest reliability of walking
    # tests): "validation study", evidence "Not specified" until round 18
    dois = ("10.1186/1472-6831-8-11", "10.1186/s12888-018-1871-z", "10.1186/s12891-022-05070-w")
    facts = extract_facts_batch([bmc_articles[x] for x in dois], nlp)
    assert [f.design.value for f in facts] == [d.VALIDATION] * 3
    assert [f.evidence_level.value for f in facts] == ["Level 4 (validation study)"] * 3


def test_counted_trials_are_one_rule() -> None:
    # a results line's "(n=70, 1 RCT, RR ...)" (cochrane CD008125.pub2) and "3 RCT" are read by
    # _counted_trials alone: no token pattern of its own counts RCTs in a bracket
    for _, _, patterns in d.TOKEN_PATTERNS:
        for pattern in patterns:
            assert not any(
                isinstance(p.get("LOWER"), dict) and "rct" in p["LOWER"].get("IN", ()) for p in pattern
            )
