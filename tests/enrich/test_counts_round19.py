"""A review's size and people, and evidence levels by one rule (h19counts, issue 14 item 4)."""

from __future__ import annotations

import re

from pipeline.enrich import design as d
from pipeline.enrich.evidence import evidence_label

# pubmedqa_24267613 (Background): the only "non randomized" with a space in the shared data
_NON_RANDOMIZED_SPACE = (
    "In this prospective non randomized observational cohort study we have evaluated the influence "
    "of age on outcome of laparoscopic total fundoplication for GERD."
)


def test_non_randomised_is_one_pattern_for_design_and_evidence() -> None:
    # every spelling the design's NRCT phrases list is what the shared pattern matches
    assert all(d.NON_RANDOMISED_RE.fullmatch(p) for p in d._NON_RANDOMISED)
    assert {p.split("randomi")[0] for p in d._NON_RANDOMISED} == {"non-", "non", "non "}
    assert d.NON_RANDOMISED_RE.search(_NON_RANDOMIZED_SPACE)
    # evidence.py's "names randomised studies" missed the space: "of trials" for no trial at all
    assert evidence_label(d.SR, _NON_RANDOMIZED_SPACE) == "Level 1 (systematic review)"
    hyphen = re.sub("non randomized", "non-randomized", _NON_RANDOMIZED_SPACE)
    assert evidence_label(d.SR, hyphen) == evidence_label(d.SR, _NON_RANDOMIZED_SPACE)


def _elife(*ids: str):  # type: ignore[no-untyped-def]
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    return [pair_to_article(pairs[f"10.7554/eLife.{i}"]) for i in ids]


def test_units_and_things_are_not_the_people(bmc_articles, cochrane_articles, nlp) -> None:
    from pipeline.domain import NOT_SPECIFIED
    from pipeline.enrich.facts import extract_facts_batch

    # elife 02935 "mtDNA from 1675 tumors", 03273 "Mcm2-7 double hexamers", 03275 "51 proteins in 12
    # families", 09248 "the 121 large protein families", 04205 "Two members of the pickpocket family",
    # 00590 "the seven most threatened families are rays"; bmc s13071-019-3813-0 "276 ... ticks (136
    # males, ...)", s13036-015-0021-0 "Two experimental cases were used": each was the participants
    articles = _elife("02935", "03273", "03275", "09248", "04205", "00590")
    articles += [bmc_articles["10.1186/s13071-019-3813-0"], bmc_articles["10.1186/s13036-015-0021-0"]]
    facts = extract_facts_batch(articles, nlp)
    assert [f.participants.value for f in facts] == [NOT_SPECIFIED] * len(articles)
    # enrolled cases are people (bmc s12885-019-6313-x); cochrane CD001770.pub3 "916 patients treated
    # with a total of 12 different pharmaceutical agents" gave "12 different pharmaceutical agents"
    cochrane = {a.source_id: a for a in cochrane_articles}
    kept = extract_facts_batch(
        [bmc_articles["10.1186/s12885-019-6313-x"], cochrane["10.1002/14651858.CD001770.pub3"]], nlp
    )
    assert [f.participants.value for f in kept] == ["eleven lung cancer cases", "916 patients"]


def test_a_results_bracket_or_a_trial_count_is_no_participants(cochrane_articles, nlp) -> None:
    from pipeline.domain import NOT_SPECIFIED
    from pipeline.enrich.facts import extract_facts_batch

    # CD003094.pub3 "(... 0.55, one trial, 125 women)": one result's sample; CD003755.pub2 "one trial
    # randomizing individuals" (the parse hangs "one" on "individuals"); CD003914.pub4 "2782 patients or
    # episodes" counts episodes too
    cochrane = {a.source_id: a for a in cochrane_articles}
    ids = ("CD003094.pub3", "CD003755.pub2", "CD003914.pub4")
    facts = extract_facts_batch([cochrane[f"10.1002/14651858.{i}"] for i in ids], nlp)
    assert [f.participants.value for f in facts] == [NOT_SPECIFIED] * 3
    # "36,593 study participants" (CD007651.pub2): "study" names the people
    (kept,) = extract_facts_batch([cochrane["10.1002/14651858.CD007651.pub2"]], nlp)
    assert kept.participants.value == "36,593 study participants"
