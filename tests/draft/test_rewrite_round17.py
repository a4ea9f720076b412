"""Round 17 (h17lex): short forms a reader can follow: a short form defined after itself
("SNPs (Single Nucleotide Polymorphisms)") is written out like one defined before, and the common
short forms the tuning sets use undefined are in the reviewed list with a source."""

from __future__ import annotations

from pipeline.draft import rewrite as rw
from tests.conftest import article_from_record, load_bmc_records


def _bmc(page: str) -> str:
    record = next(r for r in load_bmc_records() if page in r["id"])
    return str(article_from_record(record).abstract_plain)


def test_a_short_form_defined_after_itself_is_written_out() -> None:
    """bmc s40104-015-0059-3 writes "SNPs (Single Nucleotide Polymorphisms), CNVs (Copy Number
    Variations)" and "HGF (Hepatocyte Growth Factor)": its drafts said "effects of SNPs ... within
    HGF gene" with neither written out."""
    found = rw.find_abbreviations(_bmc("s40104-015-0059-3"))
    assert found["SNPs"] == "single nucleotide polymorphisms"
    assert found["SNP"] == "single nucleotide polymorphism"
    assert found["HGF"] == "hepatocyte growth factor"
    sentence = "This study looked at effects of SNPs and alternative splicing within the HGF gene."
    out = rw.expand_abbreviations(sentence, found)
    assert "single nucleotide polymorphisms and alternative splicing" in out
    assert "within the hepatocyte growth factor gene" in out


def test_a_bracket_whose_words_do_not_spell_the_short_form_defines_nothing() -> None:
    """CD000553 (mine half): "TS (two trials)" is a count, not what TS stands for; eLife.03159's
    "II (NM II)" is a name."""
    assert "TS" not in rw.find_abbreviations("Portal hypertension was treated with TS (two trials).")
    assert "II" not in rw.find_abbreviations("Myosin II (NM II) drives contraction.")


def _mine(review: str) -> str:
    from pipeline.lab.datasets import cochrane_half

    return next(p.abstract for p in cochrane_half("mine") if review in p.id)


def test_a_short_form_used_as_a_plural_subject_is_written_out_in_the_plural() -> None:
    """CD005306 (mine half) writes "symptom-based WAP are superior to peak flow WAP": written out,
    "written action plan are superior" would not agree."""
    found = rw.article_abbreviations(_mine("CD005306"))
    assert found["WAP"] == "written action plan"
    sentence = "The evidence suggests that symptom-based WAP are superior to peak flow WAP for preventing acute care visits."
    out = rw.expand_abbreviations(sentence, found)
    assert "symptom-based written action plans are superior to peak flow written action plans for" in out


def test_a_short_form_that_is_no_plural_subject_keeps_its_number() -> None:
    """The verb's subject is another noun, the long form is a mass noun or a list."""
    cases = [
        # CD004659 (mine half): individual participant data is a mass noun
        ("IPD were available for 36 trials (34,514 women).", {"IPD": "individual participant data"}),
        # CD005090 (mine half): the studies were not found, not the blood flow
        (
            "No studies that compared an inotrope to no treatment in preterm infants with low SBF were found.",
            {"SBF": "systemic blood flow"},
        ),
        # bmc s12920-019-0595-3: a list of three drugs
        (
            "Cytotoxic chemotherapeutic agents such as BEP were found to alter stem cell properties.",
            {"BEP": "bleomycin, etoposide and cisplatin"},
        ),
        # the last of two short forms: "SBP and DBP were lowered"
        ("SBP and DBP were lowered.", {"SBP": "systolic blood pressure", "DBP": "diastolic blood pressure"}),
        ("Patients with COPD were included.", {"COPD": "chronic obstructive pulmonary disease"}),
    ]
    for sentence, found in cases:
        out = rw.expand_abbreviations(sentence, found)
        for long_form in found.values():
            assert f"{long_form}s" not in out and "datas" not in out, out


def test_round_17_entries_name_their_source_and_fire_in_their_sense() -> None:
    import yaml

    text = (rw.GLOSSARY_DIR / rw.ABBREVIATIONS_FILE).read_text(encoding="utf-8")
    added = yaml.safe_load("abbreviations:\n" + text.split("round 17 (h17lex)")[1].split("\n", 1)[1])
    entries = added["abbreviations"]
    assert {"WAP", "PACU", "EACA", "DTA", "SNP", "NGS", "NK"} <= set(entries)
    # a later round's entry may list its senses (round 19's PDD, NPA)
    assert all(e.get("source") for v in entries.values() for e in (v if isinstance(v, list) else [v]))
    # bmc s12859-019-2912-4, s13040-019-0199-7, s12920-019-0489-4; CD012317 (mine half)
    assert rw.article_abbreviations(_bmc("s12859-019-2912-4"))["NGS"] == "next-generation sequencing"
    assert rw.article_abbreviations(_bmc("s13040-019-0199-7"))["SNP"] == "single nucleotide polymorphism"
    assert rw.article_abbreviations(_bmc("s12920-019-0489-4"))["NK"] == "natural killer"
    assert rw.article_abbreviations(_mine("CD012317"))["PACU"] == "post-anaesthesia care unit"
    # SNP is also sodium nitroprusside
    assert "SNP" not in rw.article_abbreviations(
        "SNP infusion lowered blood pressure faster than nicardipine, a vasodilator, in 40 patients."
    )


def test_a_variants_name_is_not_written_out() -> None:
    # "two alternative splicing variations, HGF-W and HGF-M" (bmc s40104-015-0059-3) read
    # "hepatocyte growth factor-W and hepatocyte growth factor-M" once "HGF (Hepatocyte Growth
    # Factor)" was read as a definition; the bare short form is still written out
    from pipeline.draft.rewrite import expand_abbreviations

    text = expand_abbreviations(
        "Two variations, HGF-W and HGF-M, were identified in the HGF gene.",
        {"HGF": "hepatocyte growth factor"},
    )
    assert text == "Two variations, HGF-W and HGF-M, were identified in the hepatocyte growth factor gene."
