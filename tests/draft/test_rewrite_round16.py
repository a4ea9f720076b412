"""Round 16 (h16lex): common medical short forms written out from a reviewed list with sources,
a plural long form said in the singular after a singular determiner, and the written-out short
forms recorded in the draft's provenance."""

from __future__ import annotations

import re

import pytest
import yaml

from pipeline.draft import rewrite as rw
from pipeline.lab.datasets import cochrane_half
from pipeline.text.swaps import swap_records, swaps_in_fields
from tests.conftest import article_from_record, load_bmc_records


def _mine(review: str) -> str:
    return next(p.abstract for p in cochrane_half("mine") if review in p.id)


def _bmc(page: str) -> str:
    record = next(r for r in load_bmc_records() if page in r["id"])
    return str(article_from_record(record).abstract_plain)


def test_every_round_16_entry_names_its_source() -> None:
    """Each short form added in round 16 says which controlled vocabulary names its sense."""
    text = (rw.GLOSSARY_DIR / rw.ABBREVIATIONS_FILE).read_text(encoding="utf-8")
    added = yaml.safe_load("abbreviations:\n" + text.split("round 16 (h16lex)")[1].split("\n", 1)[1])
    entries = [e for v in added["abbreviations"].values() for e in (v if isinstance(v, list) else [v])]
    assert len(entries) > 50
    assert all(re.match(r"(?:MeSH|NCIt)", e["source"]) for e in entries)


@pytest.mark.parametrize(
    ("review", "short", "long_form", "sentence", "expected"),
    [
        (
            "CD002843",  # "trials of STIs that caused urethritis or cervicitis"
            "STI",
            "sexually transmitted infection",
            "The evidence does not identify a single optimal strategy for PN for any particular STI.",
            "The evidence does not identify a single optimal strategy for PN for any particular sexually"
            " transmitted infection.",
        ),
        (
            "CD003822",  # "-8 mm Hg for SBP and -5 mm Hg for DBP"
            "SBP",
            "systolic blood pressure",
            "ARBs lowered SBP and DBP.",
            "Angiotensin receptor blockers lowered systolic blood pressure and diastolic blood pressure.",
        ),
        (
            "CD006618",  # "patients with active UC"
            "UC",
            "ulcerative colitis",
            "Methotrexate was studied in patients with active UC.",
            "Methotrexate was studied in patients with active ulcerative colitis.",
        ),
        (
            "CD011919",  # "treatment of adults with T2DM"
            "T2DM",
            "type 2 diabetes",
            "The limited research does not support resveratrol for adults with T2DM.",
            "The limited research does not support resveratrol for adults with type 2 diabetes.",
        ),
    ],
)
def test_round_16_common_short_forms_are_written_out(
    review: str, short: str, long_form: str, sentence: str, expected: str
) -> None:
    found = rw.article_abbreviations(_mine(review))
    assert found[short] == long_form
    assert rw.expand_abbreviations(sentence, found) == expected


def test_a_short_form_with_a_second_sense_is_left_alone_without_its_cue() -> None:
    """ "ACS" is an acute coronary syndrome only beside heart words; antenatal corticosteroids before
    a preterm birth are also "ACS"; "PD-L1" names a protein, never Parkinson's disease."""
    heart = "Patients admitted with ACS received ticagrelor; troponin was measured at six hours."
    assert rw.known_abbreviations(heart)["ACS"] == "acute coronary syndrome"
    antenatal = "Women at risk of preterm birth received ACS before 34 weeks."
    assert "ACS" not in rw.known_abbreviations(antenatal)
    tumour = "PD-L1 expression was measured; no patient had Parkinson's disease or tremor; PD was rare."
    assert "PD" not in rw.known_abbreviations(tumour)


def test_a_plural_long_form_is_singular_after_a_singular_determiner() -> None:
    """bmc s12885-019-6313-x defines "airway epithelial cells (AEC)" and says "each AEC genomic (g)
    DNA specimen" and "an AEC somatic mutation field": one cell's specimen, not "each airway
    epithelial cells"; the plural stays where the abstract means many."""
    abstract = _bmc("s12885-019-6313-x")
    found = rw.find_abbreviations(abstract)
    assert found["AEC"] == "airway epithelial cells"
    each = rw.expand_abbreviations("Standards were mixed with each AEC genomic DNA specimen.", found)
    assert each == "Standards were mixed with each airway epithelial cell genomic DNA specimen."
    field = rw.expand_abbreviations("The method identified an AEC somatic mutation field of injury.", found)
    assert field == "The method identified an airway epithelial cell somatic mutation field of injury."
    many = rw.expand_abbreviations("PIK3CA mutations were identified in AEC from cases.", found)
    assert many == "PIK3CA mutations were identified in airway epithelial cells from cases."
    # "an LMIC setting" is "a low- and middle-income country setting" (the head said once, "-ies")
    assert (
        rw.expand_abbreviations("A trial in an LMIC setting.", {"LMIC": "low- and middle-income countries"})
        == "A trial in a low- and middle-income country setting."
    )


def test_written_out_short_forms_are_in_the_provenance_only_where_a_field_carries_them() -> None:
    """cochrane CD003822 (mine half) uses "SBP" and "DBP" undefined: each written out is recorded
    like a swap (origin "abbreviations"), and only when a field has its long form."""
    abstract = _mine("CD003822")
    found = rw.article_abbreviations(abstract)
    made = rw.expansion_swaps(abstract, found, rw.find_abbreviations(abstract))
    by_short = {s.before: s for s in made}
    assert by_short["SBP"].after == "systolic blood pressure"
    assert by_short["SBP"].origin == "abbreviations"
    assert abstract[by_short["SBP"].start : by_short["SBP"].end] == "SBP"
    fields = {
        "simple_explanation": "Angiotensin receptor blockers lowered systolic blood pressure by 8 mm Hg."
    }
    kept = swaps_in_fields(made, fields)
    assert {s.before for s in kept} == {"SBP", "ARB"}
    assert {r["before"] for r in swap_records(kept, fields)} == {"SBP", "ARB"}


def test_a_long_form_the_abstract_also_writes_is_not_recorded() -> None:
    """ "RCT" is said "trial", a word every Cochrane abstract writes: a field's "trial" cannot be
    told to come from the short form, so the provenance does not claim it (cochrane CD003822)."""
    abstract = _mine("CD003822")
    found = rw.article_abbreviations(abstract)
    assert "trial" in abstract.lower()
    made = rw.expansion_swaps(abstract, {**found, "RCT": "trial"}, rw.find_abbreviations(abstract))
    assert "RCT" not in {s.before for s in made}


def test_that_is_no_singular_determiner() -> None:
    """elife_dev eLife.00007: "indicating that TPIs function against specialists" ("that" is a
    conjunction here): the long form stays plural."""
    abstract = (
        "In concert with HIPVs, plants also employ antidigestive trypsin protease inhibitors (TPIs), but"
        " TPI-producing plants were not fitter than TPI-silenced plants."
    )
    found = rw.find_abbreviations(abstract)
    out = rw.expand_abbreviations("Attack, indicating that TPIs function against specialists.", found)
    assert "that trypsin protease inhibitors function" in out
