"""Round 24 (h24bmc): study facts of the round-24 BMC / eLife read (pick20 seeds 449, 457) and the
brief's leftovers. Real text, id in a comment; failed on babdb1d."""

from __future__ import annotations

from pipeline.enrich import design as d


def _article(pair_id: str):
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    return pair_to_article(pairs[pair_id])


def test_in_vivo_said_of_people_is_no_animal_study(nlp) -> None:
    from pipeline.enrich.facts import extract_facts

    # elife 08687: "We investigate the in vivo patterns of stem cell divisions in the human hematopoietic
    # system throughout life" (telomere data of 356 healthy individuals) was an animal study
    facts = extract_facts(_article("10.7554/eLife.08687"), nlp)
    assert facts.design.value != d.ANIMAL


def test_in_vivo_in_an_animal_still_counts(nlp) -> None:
    # the cue stays where "in vivo" is said of no people: "In vivo, selamectin promotes neurogenesis in
    # developing zebrafish." (elife 00508)
    doc = nlp("In vivo, selamectin promotes neurogenesis in developing zebrafish.")
    hits = d.collect_hits(None, [(0, "results", doc)], nlp)
    assert any(h.design == d.ANIMAL and h.text.lower() == "in vivo" for h in hits)


def test_a_tools_name_names_no_field(bmc_articles) -> None:
    from pipeline.enrich import categories

    # bmc s12859-019-2698-4 "JOA: Joint Overlap Analysis of multiple genomic interval sets" was filed
    # under Musculoskeletal Medicine from "Joint"
    article = bmc_articles["10.1186/s12859-019-2698-4"]
    assert "Musculoskeletal Medicine" not in categories.pick_categories(categories.score_categories(article))
    spelled_names = categories.spelled_names
    # a measure's name says its field: "Oral Health Impact Profile (OHIP)" (bmc 1472-6831-8-11) is none
    assert spelled_names("The Oral Health Impact Profile (OHIP) was used.") == ()
    assert spelled_names("a tool, Joint Overlap Analysis (JOA), which") == ("Joint Overlap Analysis",)
