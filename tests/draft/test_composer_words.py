"""Vocabulary in composed drafts (issue 14, round 8): abbreviations and words about people."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.lab.datasets import SHARED_DATA, load_pairs, pair_to_article
from tests.conftest import article_from_record, load_bmc_records
from tests.draft.conftest import compose_fields


@pytest.fixture(scope="module")
def drafts() -> dict[str, DraftFields]:
    """bmc_sample 1471-2407-5-141 and elife_dev eLife.01569, drafted in one batch."""
    path = SHARED_DATA / "elife_dev" / "pairs.jsonl"
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    bmc = article_from_record(next(r for r in load_bmc_records() if r["id"].endswith("1471-2407-5-141")))
    elife = pair_to_article(next(p for p in load_pairs(path, None) if p.id.endswith("eLife.01569")))
    return dict(zip(("bmc", "elife"), compose_fields([bmc, elife]), strict=True))


def test_who_took_part_writes_out_an_abbreviation_the_abstract_defines(
    drafts: dict[str, DraftFields],
) -> None:
    """bmc_sample 1471-2407-5-141 defines "bronchogenic carcinoma (BC)"; the simple explanation said
    "25 BC people took part." (the participants fact went in without the abbreviation written out),
    then "25 bronchogenic cancer people took part." (composer 9: the disease said as their kind).
    Round 23 (h23words): the long form keeps its words, as the short form's letters spell them
    (swaps.fixed_names: no "carcinoma" -> "cancer" inside it)."""
    simple = drafts["bmc"].simple_explanation
    assert "25 with bronchogenic carcinoma took part" in simple, simple
    assert "25 BC" not in simple, simple


def test_individuals_in_an_animal_study_are_not_people(drafts: dict[str, DraftFields]) -> None:
    """elife_dev eLife.01569 (fruit flies): "We follow individuals from moult to moult" became "The
    researchers follow people from moult to moult"."""
    fields = drafts["elife"]
    lay = " ".join([fields.simple_explanation, *fields.key_findings, fields.research_summary])
    assert "follow individuals from moult to moult" in lay, lay
    assert "follow people" not in lay, lay


def test_round13_reviewed_short_forms_are_known_where_the_abstract_names_their_sense() -> None:
    """Short forms the composer 12 lay fields of the cochrane mine half left undefined (h13lex), each
    written out where the abstract's own words name its sense: CD012317 "propofol-based TIVA may
    reduce POCD", CD007018 "particularly in LMICs", CD012883 "Progression from MCI to ADD"."""
    from pipeline.draft import rewrite as rw
    from pipeline.lab.datasets import cochrane_half

    abstracts = {p.id.split("/")[-1]: p.abstract for p in cochrane_half("mine")}
    for page, short, long_form in (
        ("CD012317.pub2", "TIVA", "total intravenous anaesthesia"),
        ("CD012317.pub2", "POCD", "thinking problems after surgery"),
        ("CD007018.pub2", "LMIC", "low- and middle-income country"),
        ("CD012883", "MCI", "mild cognitive impairment"),
        ("CD010513.pub2", "PFPS", "patellofemoral pain syndrome"),
        ("CD006325.pub3", "MTX", "methotrexate"),
        ("CD005170.pub2", "OCD", "obsessive-compulsive disorder"),  # "reducing ... severity in OCD"
    ):
        abstract = abstracts[f"14651858.{page}"]
        assert rw.known_abbreviations(abstract).get(short) == long_form, page
    # the sense is named or the entry stays out: ACE without inhibitors, blood pressure or ARBs
    assert "ACE" not in rw.known_abbreviations(
        "ACE scores of 120 children with adverse childhood experiences."
    )
    assert "OCD" not in rw.known_abbreviations("OCD lesions of the knee in young people.")


def test_a_number_is_open_to_the_swap_rules_context() -> None:
    """bmc_sample s12864-019-5980-y: "The researchers identified 374, 159 and 169 peroxidases": the
    reviewed "identify" -> "find" before a number never fired, the number being masked as a name."""
    from pipeline.draft import rewrite as rw
    from pipeline.draft.composer.simplify import plain_words

    glossary = rw.load_glossary()
    text, _ = plain_words("The researchers identified 374, 159 and 169 peroxidases in Triticum.", glossary)
    assert text == "The researchers found 374, 159 and 169 peroxidases in Triticum."
    # a name with a digit is still masked whole: nothing is swapped inside "IL-6" or "C57BL/6J"
    text, _ = plain_words(
        "Hypertension in C57BL/6J mice was detected in 12 of 20 IL-6 knockout mice.", glossary
    )
    assert text == "High blood pressure in C57BL/6J mice was found in 12 of 20 IL-6 knockout mice."
    # a participle after a determiner modifies the noun after the number: bmc s12864-019-6023-4
    for sentence in (
        "The identified 22 transcription factors and 4 light signal transduction elements may act as the key factors.",
        "The results suggest that the identified 9 genes participated in the anthocyanin synthesis.",
    ):
        assert plain_words(sentence, glossary)[0] == sentence


def test_round14_reviewed_short_forms_are_known_where_the_abstract_names_their_sense() -> None:
    """Short forms the composer 13 lay fields of the cochrane mine half left undefined (h14lex), each
    written out where the abstract's own words name its sense: CD000553 "59% following TIPS",
    CD001990 "versus symptomatic treatment or BSC", CD007137 "long-term neurological outcomes and
    PVL", CD008694 "Digit sucking was the only NNSH assessed"; "PVL" beside Staphylococcus
    (Panton-Valentine leucocidin, pubmed_abstracts pubmedqa_17562682) is not written out so."""
    from pipeline.draft import rewrite as rw
    from pipeline.lab.datasets import cochrane_half

    abstracts = {p.id.split("/")[-1]: p.abstract for p in cochrane_half("mine")}
    for page, short, long_form in (
        ("CD000553.pub2", "TIPS", "transjugular intrahepatic portosystemic shunt"),
        ("CD000553.pub2", "DSRS", "distal splenorenal shunt"),
        ("CD001990.pub3", "BSC", "best supportive care"),
        ("CD007137.pub5", "PVL", "periventricular leukomalacia"),
        ("CD008694.pub2", "NNSH", "non-nutritive sucking habit"),
        ("CD006425.pub4", "BF", "breastfeeding"),
    ):
        abstract = abstracts[f"14651858.{page}"]
        assert rw.known_abbreviations(abstract).get(short) == long_form, page
    assert "PVL" not in rw.known_abbreviations("PVL-positive Staphylococcus aureus infections in infants.")
