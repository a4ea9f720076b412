"""Round 19 (h19lex): a short form a lay field kept because its sentence was too long with the
long form is written out at its first use in that field (rw.spell_out_first_uses), and the common
short forms of the blind reads are in the reviewed list with a source."""

from __future__ import annotations

import json

from pipeline.draft import rewrite as rw
from tests.conftest import COCHRANE, article_from_record, load_bmc_records, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _mine(review: str) -> str:
    from pipeline.lab.datasets import cochrane_half

    return next(p.abstract for p in cochrane_half("mine") if review in p.id)


def test_a_short_form_a_field_kept_is_written_out_at_its_first_use() -> None:
    """CD003822 (mine half): the key findings of composer 18 read "The BP lowering effect of ARBs is
    modest and similar to ACE inhibitors as a class." with none of the three written out in that
    field (the sentence was too long for a finding with all three long forms)."""
    found = rw.article_abbreviations(_mine("CD003822"))
    findings = [
        "The BP lowering effect of ARBs is modest and similar to ACE inhibitors as a class.",
        "The data do not suggest that any one ARB is better or worse at lowering BP.",
    ]
    out, made = rw.spell_out_first_uses(findings, found)
    assert out[0] == (
        "The blood pressure (BP) lowering effect of angiotensin receptor blockers (ARBs) is modest "
        "and similar to angiotensin-converting enzyme inhibitors as a class."
    )
    assert out[1] == findings[1]  # the later uses keep the short form the first one defined
    assert {s.before for s in made} == {"BP", "ARBs", "ACE"}
    assert all(s.origin == "abbreviations" for s in made)


def test_a_short_form_after_its_long_form_is_put_in_brackets_there() -> None:
    """CD001323 (mine half): the simple explanation said "extracapsular cataract extraction with
    stitches" and then "better visual result than ECCE", which a reader could not tie together."""
    found = rw.article_abbreviations(_mine("CD001323"))
    simple = (
        "This review provides evidence from seven trials that phacoemulsification gives a better result "
        "than extracapsular cataract extraction with stitches. Manual small incision surgery provides "
        "better visual result than ECCE but slightly inferior unaided visual acuity compared to "
        "phacoemulsification."
    )
    (out,), _ = rw.spell_out_first_uses([simple], found)
    assert "extracapsular cataract extraction (ECCE) with stitches" in out
    assert "better visual result than ECCE but" in out


def test_a_field_that_already_writes_its_short_forms_out_is_unchanged() -> None:
    """CD011927 (mine half): a field that said the long form with its bracket is left alone, and a
    name holding a short form (bmc 1472-6874-12-16 "ER+/HER2-", a gene "HLA-B*57:01") is no use."""
    found = rw.article_abbreviations(_mine("CD011927"))
    said = "Transcutaneous electrical nerve stimulation (TENS) was compared to sham TENS."
    assert rw.spell_out_first_uses([said], found) == ([said], [])
    names = "Tumors of 65.2% of women were ER+/HER2-. HLA-B*57:01 carriers were tested."
    # CD001018 (mine half): "no significant difference in BMI": the glossary says it "BMI"
    bmi = "There was no significant difference in BMI between women using unopposed oestrogen."
    assert rw.spell_out_first_uses([bmi], rw.article_abbreviations(_mine("CD001018"))) == ([bmi], [])
    out, made = rw.spell_out_first_uses(
        [names], {"ER": "estrogen receptor", "HLA": "human leukocyte antigen"}
    )
    assert out == [names] and made == []


def test_a_page_whose_field_kept_a_short_form_says_it_in_words() -> None:
    """CD011927 (mine half): composer 18's simple explanation read "a difference between TENS
    compared to sham TENS on reducing neck pain" and never said what TENS is."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD011927.pub2"])])
    assert (
        "transcutaneous electrical nerve stimulation (TENS) compared to sham TENS"
        in fields.simple_explanation
    )
    assert "transcutaneous electrical nerve stimulation (TENS)" in fields.key_findings[0]


def test_a_long_form_that_names_people_is_never_made_plural() -> None:
    """A plural subject ("PLHIV were", "MSM were") is said with its long form as written: "people
    living with HIV were", not "people living with HIVs"."""
    found = {"PLHIV": "people living with HIV", "MSM": "men who have sex with men"}
    out = rw.expand_abbreviations("PLHIV were offered testing. MSM were more likely to test.", found)
    assert "HIVs" not in out and "mens" not in out
    assert out.startswith("People living with HIV were")


def test_round_19_entries_name_their_source_and_fire_only_in_their_sense() -> None:
    """The blind reads' undefined short forms (seeds 199 and 223: RADT, GAS, PLHIV, PDD, NPAs, LCOS)
    are reviewed with a source; none fires on an abstract of the tuning sets (they do not use
    them), and each fires where its sense's words are beside it."""
    import yaml

    text = (rw.GLOSSARY_DIR / rw.ABBREVIATIONS_FILE).read_text(encoding="utf-8")
    entries = yaml.safe_load("abbreviations:\n" + text.split("round 19 (h19lex)")[1].split("\n", 1)[1])[
        "abbreviations"
    ]
    new = ("RADT", "GAS", "PLHIV", "PDD", "NPA", "LCOS")
    for short in new:
        senses = entries[short] if isinstance(entries[short], list) else [entries[short]]
        assert all(s.get("source") for s in senses), short
    from pipeline.lab.datasets import cochrane_half

    texts = [str(article_from_record(r).abstract_plain) for r in load_bmc_records()]
    texts += [p.abstract for p in cochrane_half("mine")]
    for text in texts:
        assert not set(rw.known_abbreviations(text)) & set(new)
    assert rw.known_abbreviations("RADT and throat culture for GAS pharyngitis.") == {
        "RADT": "rapid antigen detection test",
        "GAS": "group A streptococcus",
    }
    assert rw.known_abbreviations("Arterial blood GAS was measured.") == {}
    assert rw.known_abbreviations("Rivastigmine in PDD and Parkinson's disease.")["PDD"] == (
        "Parkinson's disease dementia"
    )
    assert rw.known_abbreviations("Children with autism or PDD.")["PDD"] == "pervasive developmental disorder"
    assert (
        rw.known_abbreviations("NPAs were tested for influenza by PCR.")["NPA"] == "nasopharyngeal aspirate"
    )
    assert rw.known_abbreviations("Levosimendan for LCOS after cardiac surgery.")["LCOS"] == (
        "low cardiac output syndrome"
    )
    assert json.dumps(rw.known_abbreviations("PLHIV on antiretroviral therapy.")) == (
        '{"PLHIV": "people living with HIV"}'
    )


def test_a_short_form_written_out_keeps_its_sentence_grammatical() -> None:
    """bmc_sample pages whose fields kept a defined short form: "24 non-BC and 25 BC individuals"
    (1471-2407-5-141) says who had the cancer; "orphan GWAS genes" (1748-7188-9-10) and "for each
    QTL" (1471-2164-7-102) stay as written ("genome-wide association studies genes", "each
    quantitative trait loci" would not read)."""
    (out,), _ = rw.spell_out_first_uses(
        ["The study included 24 non-BC and 25 BC individuals."], {"BC": "bronchogenic carcinoma"}
    )
    assert out == (
        "The study included 24 individuals without bronchogenic carcinoma and 25 with bronchogenic carcinoma."
    )
    gwas = (
        "These results on predicting gene ontology annotations of orphan GWAS genes come from analysing data."
    )
    assert rw.spell_out_first_uses([gwas], {"GWAS": "genome-wide association studies"}) == ([gwas], [])
    qtl = "The second panel consisted of individual donor regions for each QTL on MMU1, 5, 8, 9, 11 and 17."
    assert rw.spell_out_first_uses([qtl], {"QTL": "quantitative trait loci"}) == ([qtl], [])
    # eLife.02260 (its title): "in macaque area LIP" stays, not "area lateral intraparietal area"
    lip = "This research on neural mechanism of speed-accuracy tradeoff in macaque area LIP adds to basic knowledge."
    assert rw.spell_out_first_uses([lip], {"LIP": "lateral intraparietal area"}) == ([lip], [])


def test_a_short_form_the_glossary_says_is_not_written_out_again() -> None:
    """bmc 29374459 (fixture sample, s12880-018-0245-9): the glossary says "computed tomography" as
    "CT scan", so "Serial post-procedure CT scans showed the causal relationship." keeps "CT"."""
    from pipeline.draft.composer import _said_short
    from pipeline.text.swaps import lexicon_for

    found = {"CT": "computed tomography", "ARB": "angiotensin receptor blocker"}
    said = _said_short(found, lexicon_for(rw.load_glossary()))
    assert said == {"CT"}
    text = "Serial post-procedure CT scans showed the causal relationship."
    assert rw.spell_out_first_uses([text], found, said) == ([text], [])


def test_a_singular_long_form_ending_in_s_and_a_plural_subject_are_written_out() -> None:
    """CD007137 (mine half): "NEC stage II or III" is "necrotising enterocolitis stage II or III"
    (an "-itis" is no plural long form before its noun); CD005306: "symptom-based WAP are superior to
    peak flow WAP" says both in the plural."""
    (nec,), _ = rw.spell_out_first_uses(
        ["Lactoferrin decreases late-onset sepsis and NEC stage II or III in premature babies."],
        rw.article_abbreviations(_mine("CD007137")),
    )
    assert "and necrotising enterocolitis stage II or III" in nec
    (wap,), _ = rw.spell_out_first_uses(
        [
            "The evidence suggests that symptom-based WAP are superior to peak flow WAP for preventing acute care visits."
        ],
        rw.article_abbreviations(_mine("CD005306")),
    )
    assert "symptom-based written action plans (WAPs) are superior to peak flow WAPs for" in wap
    # bmc 1471-2164-7-102 defines "HG" as the strain C57Bl/6J-hg/hg: a name, not written out
    hg = "The second panel consisted of individual donor regions on an HG background."
    assert rw.spell_out_first_uses([hg], {"HG": "C57Bl/6J-hg/hg"}) == ([hg], [])
