"""Round 23 (h23bmc): the participants of a BMC page read as an editor (pick20 seed 439). Real text,
id in a comment; failed on a7effd3."""

from __future__ import annotations


def test_a_second_group_after_and_is_counted(bmc_articles, nlp) -> None:
    from pipeline.enrich.facts import extract_facts

    # bmc 10.1186/s12920-019-0566-8: "blood samples from 82 stroke patients and 68 controls"; the page
    # said "82 stroke patients" and "82 patients with stroke took part"
    facts = extract_facts(bmc_articles["10.1186/s12920-019-0566-8"], nlp)
    assert facts.participant_count == 150
    assert facts.participants.value == "82 stroke patients and 68 controls"


def test_a_count_after_and_that_is_no_people_is_left_out(nlp) -> None:
    from pipeline.enrich.participants import participants_fact

    # the same sentence with months after "and" (a thing) and with a part of the whole ("20 of them")
    for text in (
        "Blood samples were collected from 82 stroke patients and 12 months later again.",
        "We recruited 82 stroke patients and 20 of them were women.",
    ):
        fact, count = participants_fact([(0, "methods", nlp(text))])
        assert count == 82, text


def test_reaction_kinetics_is_no_biomechanics() -> None:
    from pipeline.enrich.categories import pick_categories, score_categories
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    # elife_dev eLife.03939 "Kinetic competition during the transcription cycle results in stochastic RNA
    # processing" (single-molecule RNA imaging in human cells) was filed under Biomechanics
    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    article = pair_to_article(pairs["10.7554/eLife.03939"])
    assert "Biomechanics" not in pick_categories(score_categories(article))
