"""Round 20 (h20speed): plumbing that makes the composer cheaper gives the same results as what
it replaced (the reference implementations below are the old code)."""

from __future__ import annotations

import re

from pipeline.draft.composer import compress, plan
from pipeline.text import swaps as sw


def _wording_matches(after: str, text: str) -> list[tuple[int, int]]:
    # the pattern with_context compiled per wording before round 20
    return [m.span() for m in re.finditer(rf"(?<![\w'’-]){re.escape(after)}(?![\w'’-])", text)]


def test_wording_spans_are_the_whole_word_pattern_matches() -> None:
    # bmc 10.1186/s40104-015-0059-3, lower-cased as with_context reads it
    text = (
        "heterozygous genotype individuals showed much higher hgf expression, which was much greater "
        "in the ctccagggtt combined genotype than that in the ccccggggtt combined genotype."
    )
    cases = [
        (after, text) for after in ("much", "genotype", "combined genotype", "hgf", "type", "levels", text)
    ]
    cases += [
        ("aa", "aa aaa aa aa-aa aa'aa aa’ _aa aa_ 2aa aa2 éaa aaé aa."),  # every neighbour the class holds
        ("aa aa", "aa aa aa aa aa"),  # overlapping candidates: left to right, never overlapping
        ("x-ray", "the x-ray, an x-rays x-ray"),
        ("n", "n"),
        ("ab", ""),
    ]
    for after, low in cases:
        assert list(sw._wording_spans(after, low)) == _wording_matches(after, low), (after, low)


def test_memoised_text_rules_answer_as_before_and_again() -> None:
    # cochrane CD009771, CD011547, CD007137 (quoted in plan.py) and bmc s12918-018-0635-1
    texts = (
        "The researchers rated the risk of selection bias as low for two studies.",
        "Three more small trials have been carried out.",
        "Clarification about optimal dosing regimens, types of lactoferrin, and long-term results is needed.",
        "The approach mainly includes two procedures.",
        "Mortality was lower in the vaccine group than in the placebo group.",
    )
    for rule in (
        plan.no_result_kind,
        plan.appraises_the_work,
        plan.only_about_quality,
        compress.states_result,
    ):
        rule.cache_clear()
        first = [rule(t) for t in texts]
        fresh = [rule.__wrapped__(t) for t in texts]
        assert first == fresh == [rule(t) for t in texts]
        assert rule.cache_info().hits == len(texts)
    assert plan.no_result_kind(texts[0]) == "quality"
    assert plan.no_result_kind(texts[4]) is None
