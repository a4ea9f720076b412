"""Plain-language rewriting functions on hand-checked sentences from real abstracts."""

from __future__ import annotations

import pytest

from pipeline.draft import rewrite as rw
from tests.conftest import load_bmc_records


def test_strip_statistics_removes_ratio_and_interval_keeps_claim() -> None:
    src = (
        "Compared with no treatment, interferon 3 MU thrice weekly for 12 months increased the probability "
        "of a virologic SR (Peto odds ratio (OR) 4.60; 95% confidence interval (CI) 1.53 to 13.85)."
    )
    out = rw.strip_statistics(src)
    assert out == (
        "Compared with no treatment, interferon 3 MU thrice weekly for 12 months increased the probability "
        "of a virologic SR."
    )


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("Pain fell more with surgery (p < 0.001).", "Pain fell more with surgery."),
        ("Pain fell more with surgery, p = 0.03.", "Pain fell more with surgery."),
        ("Twenty-three patients (n = 23) had a relapse.", "Twenty-three patients had a relapse."),
        (
            "The rate was 17% (95% CI 10 to 28%) in treated patients versus 3% (95% CI 1 to 10%) in controls.",
            "The rate was 17% in treated patients versus 3% in controls.",
        ),
        ("Risk was higher in smokers (HR 1.8, 95% CI: 1.2-2.7).", "Risk was higher in smokers."),
        ("Mean age was 45.2 ± 10.3 years.", "Mean age was 45.2 years."),
        ("ICC values ranged from .85-.97 overall.", "ICC values ranged from .85-.97 overall."),
    ],
)
def test_strip_statistics_examples(src: str, expected: str) -> None:
    assert rw.strip_statistics(src) == expected


def test_an_abbreviation_heading_a_name_with_a_number_is_not_written_out() -> None:
    # Cochrane CD010891 ("mine" half): "human leukocyte antigen (HLA) ... HLA-B*57:01 screening".
    # Writing out the name's head gave "human leukocyte antigen-B*57:01", a name the abstract does
    # not have, and the drafter's number guard refused the whole page.
    text = (
        "Participants underwent human leukocyte antigen (HLA) screening. Prospective HLA-B*57:01 "
        "screening and HLA typing probably help. HIV-1 is human immunodeficiency virus (HIV) type 1."
    )
    out = rw.expand_abbreviations(text, rw.find_abbreviations(text))
    assert "HLA-B*57:01 screening and human leukocyte antigen typing" in out, out
    assert out.startswith("Participants underwent human leukocyte antigen screening.")
    assert "HIV-1 is" in out, out


def test_find_abbreviations_schwartz_hearst() -> None:
    text = (
        "Patients with spinal cord injury (SCI) often lose bladder control. Magnetic resonance imaging (MRI) "
        "was done. Human adipose-derived stem cells (hASCs) grew."
    )
    found = rw.find_abbreviations(text)
    assert found["SCI"] == "spinal cord injury"
    assert found["MRI"] == "magnetic resonance imaging"
    assert found["hASCs"] == "human adipose-derived stem cells"
    assert found["hASC"] == "human adipose-derived stem cell"


def test_expand_abbreviations_writes_long_form_back() -> None:
    abbreviations = {"SCI": "spinal cord injury"}
    out = rw.expand_abbreviations("SCI patients with chronic SCI were included.", abbreviations)
    assert out == "Spinal cord injury patients with chronic spinal cord injury were included."
    # the definition itself loses the bracket
    assert (
        rw.expand_abbreviations("after spinal cord injury (SCI).", abbreviations)
        == "After spinal cord injury."
    )


def test_expanded_plural_of_a_latin_plural_gains_no_s() -> None:
    # bmc_sample 10.1186/s12864-019-6214-z: "quantitative trait loci (QTL)", then "57 QTLs were mapped"
    text = (
        "Identifying the quantitative trait loci (QTL) for fiber quality and yield traits allows for "
        "bridging genomics with cotton breeding. Sub-genome wide, 57 QTLs were mapped in A sub-genome."
    )
    out = rw.expand_abbreviations(text, rw.find_abbreviations(text))
    assert "57 quantitative trait loci were mapped" in out, out
    assert "locis" not in out


def test_glossary_has_required_coverage() -> None:
    glossary = rw.load_glossary()
    own = [e for e in glossary.entries if e.source == "plainsci"]
    assert len(glossary) >= 300 and len(own) >= 300
    domains = {e.domain for e in own}
    assert {"neurology", "musculoskeletal", "imaging", "statistics"} <= domains
    assert all(not any(c.isdigit() for c in (e.define or "")) for e in glossary.entries)


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("He had a myocardial infarction.", "He had a heart attack."),
        ("Lumbar pain improved.", "Lower back pain improved."),
        ("The difference was statistically significant.", "The difference was clear."),
        ("The cohort was followed.", "The group was followed."),
        ("Participants utilize the device.", "People use the device."),
    ],
)
def test_apply_glossary_examples(src: str, expected: str) -> None:
    assert rw.apply_glossary(src, rw.load_glossary(), define=False) == expected


def test_apply_glossary_defines_once() -> None:
    defined: set[str] = set()
    g = rw.load_glossary()
    first = rw.apply_glossary("An MRI was done.", g, defined=defined)
    second = rw.apply_glossary("A second MRI was normal.", g, defined=defined)
    assert first == "An MRI scan (a scan that uses magnets to picture the body) was done."
    assert second == "A second MRI scan was normal."


def test_fix_articles() -> None:
    assert rw.fix_articles("a operation and an treatment") == "an operation and a treatment"
    assert rw.fix_articles("an MRI scan and a X-ray") == "an MRI scan and an X-ray"


def test_split_long_sentence_keeps_words_and_meaning() -> None:
    src = (
        "Adverse events were more common with higher doses and prolonged durations of treatment in the "
        "included trials; interferon was no more effective than control in patients with normal "
        "aminotransferases at any dose."
    )
    parts = rw.split_long_sentence(src, max_words=25)
    assert parts == [
        "Adverse events were more common with higher doses and prolonged durations of treatment in the "
        "included trials.",
        "Interferon was no more effective than control in patients with normal aminotransferases at any dose.",
    ]


def test_split_whereas_keeps_contrast() -> None:
    src = (
        "Pain scores improved in the exercise group over the twelve weeks of the programme whereas "
        "the scores in the usual care group were unchanged at the end of the study."
    )
    parts = rw.split_long_sentence(src, max_words=20)
    assert len(parts) == 2
    assert parts[1].startswith("In contrast, the scores in the usual care group were unchanged")


def test_split_refuses_unsafe_points() -> None:
    src = (
        "We measured pain, function, and quality of life in all the patients who attended the clinic "
        "during the whole of the first year after the operation on the knee."
    )
    assert rw.split_long_sentence(src, max_words=20) == [src]


def test_compress_drops_trailing_modifier_only() -> None:
    src = (
        "We studied the performance of the kits at two different sites, using three different tissues "
        "with high and low RNA input from tissue samples of many donors."
    )
    assert rw.compress(src, 25) == "We studied the performance of the kits at two different sites."


def test_hedges_survive_rewrite() -> None:
    out = rw.rewrite_sentence(
        "Early surgery may decrease the risk of recurrence (p = 0.04).",
        abbreviations={},
        glossary=rw.load_glossary(),
    )
    # "recurrence" stays: a mass noun is not swapped for a count noun ("return") without a determiner.
    assert out == ["Early surgery may decrease the risk of recurrence."]


def test_rewrite_keeps_capital_and_period() -> None:
    out = rw.rewrite_sentence(
        "however, the MD was -1.09 (95% CI -1.4 to -0.7)",
        abbreviations={},
        glossary=None,
    )
    assert out == ["The MD was -1.09."]


def test_assert_numbers_from_source() -> None:
    source = "Migration occurred in 7 patients (3.7%) between 2002 and 2013."
    rw.assert_numbers_from_source("It happened in 7 patients (3.7%).", source)
    rw.assert_numbers_from_source("From 2002 to 2013.", source)
    with pytest.raises(AssertionError):
        rw.assert_numbers_from_source("It happened in 8 patients.", source)
    with pytest.raises(AssertionError):
        rw.assert_numbers_from_source("About 4% of patients.", source)


def test_abbreviation_keeps_a_proper_name_capitalised() -> None:
    # The bundled sample's smoking trial (1745-6215-16-1): "(SSS)" became "stop Smoking Service".
    text = "Smokers were recruited from one National Health Stop Smoking Service (SSS) database."
    assert rw.find_abbreviations(text) == {"SSS": "Stop Smoking Service"}
    assert rw.expand_abbreviations("SSS staff helped.", {"SSS": "Stop Smoking Service"}) == (
        "Stop Smoking Service staff helped."
    )
    assert rw.find_abbreviations("We measured Systolic blood pressure (SBP) daily.") == {
        "SBP": "systolic blood pressure"
    }


def _tidy_step_by_step(text: str) -> str:
    for pattern, repl in rw._TIDY:
        text = pattern.sub(repl, text)
    return text.strip(" ,;:")


@pytest.mark.parametrize(
    "text",
    [
        "Blood pressure fell ( ; ) in most  patients ,and rose in few.. ",
        "Mortality was lower (;) [ ] in the\ttreated group ; ; than in controls , , overall :.",
        "A plain sentence that needs nothing.",
        "Ends with a list: a, b, c;",
        "Spaced\u00a0out text .",
    ],
)
def test_tidy_takes_every_step_only_when_one_would_change_the_text(text: str) -> None:
    """tidy skips its steps for a text none would change (one search); the result is the same."""
    assert rw.tidy(text) == _tidy_step_by_step(text)


def test_tidy_and_plain_phrases_quick_paths_match_the_full_steps_on_real_abstracts() -> None:
    from tests.conftest import BMC, read_jsonl

    sentences = [s for r in read_jsonl(BMC)[:60] for s in r["abstract"].split(". ")]
    assert any(not rw._UNTIDY.search(s) for s in sentences) and any(rw._UNTIDY.search(s) for s in sentences)
    for s in sentences:
        assert rw.tidy(s) == _tidy_step_by_step(s)
        full = s
        for pattern, repl in rw._PHRASES:
            full = pattern.sub(rw._case_kept(repl), full)
        assert rw.plain_phrases(s) == rw.capitalize_first(rw.tidy(full))
    assert any(rw._ANY_PHRASE.search(s) for s in sentences)


def test_a_negated_abbreviation_is_written_out_with_the_people_first() -> None:
    """bmc_sample 1471-2407-5-141 defines "bronchogenic carcinoma (BC)"; "non-BC individuals" stayed
    as written in the lay fields (the prefix hid it from the expansion), an abbreviation the reader
    is never told. "non-bronchogenic carcinoma individuals" would read as people with another cancer."""
    abstract = next(r for r in load_bmc_records() if r["id"].endswith("1471-2407-5-141"))["abstract"]
    found = rw.find_abbreviations(abstract)
    sentence = (
        "CEBPG transcription factor was significantly (p < 0.01) correlated with eight of the antioxidant or "
        "DNA repair genes in non-BC individuals but not in BC individuals."
    )
    out = rw.expand_abbreviations(sentence, found)
    assert (
        "genes in individuals without bronchogenic carcinoma but not in individuals with bronchogenic carcinoma."
        in out
    )
    assert "BC" not in out.replace("CEBPG", ""), out
    counts = "were measured simultaneously by quantitative PCR in NBEC of 24 non-BC and 25 BC individuals."
    assert rw.expand_abbreviations(counts, found).endswith(
        "normal bronchial epithelial cells of 24 individuals without bronchogenic carcinoma and 25 with "
        "bronchogenic carcinoma."
    )


def test_a_negated_abbreviation_the_abstract_does_not_define_is_left() -> None:
    """cochrane CD001018 (mine half) never defines HRT: nothing is guessed."""
    sentence = "No difference was found in mean weight gain between those using unopposed oestrogen and non-HRT users."
    assert rw.expand_abbreviations(sentence, rw.find_abbreviations(sentence)) == sentence
    users = rw.expand_abbreviations(
        "Women using oestrogen gained as much weight as non-HRT users.",
        {"HRT": "hormone replacement therapy"},
    )
    assert (
        users
        == "Women using oestrogen gained as much weight as people not using hormone replacement therapy."
    )


def _cochrane_abstract(name: str, review: str) -> str:
    from pipeline.lab.datasets import cochrane_half

    return next(p.abstract for p in cochrane_half(name) if review in p.id)


def test_a_reviewed_abbreviation_the_abstract_uses_undefined_is_written_out() -> None:
    """cochrane CD012964 (mine half) says "IV TXA" and "primary PPH" and never defines them (the
    definitions are in the review's background, not in its abstract): the simple explanation said
    "intravenous TXA reduces the risk of maternal death". The reviewed list
    (data/glossary/abbreviations.yaml) writes them out where the abstract names their sense."""
    abstract = _cochrane_abstract("mine", "CD012964")
    found = rw.article_abbreviations(abstract)
    assert found["TXA"] == "tranexamic acid" and found["PPH"] == "postpartum haemorrhage"
    out = rw.expand_abbreviations(
        "The data show that IV TXA reduces the risk of maternal death due to bleeding.", found
    )
    assert (
        out
        == "The data show that intravenous tranexamic acid reduces the risk of maternal death due to bleeding."
    )
    # plural and a/an, as for a defined abbreviation (CD001018 uses "RCTs" undefined)
    assert rw.expand_abbreviations(
        "Seven RCTs and an RCT in children.", {"RCT": "randomised controlled trial"}
    ) == ("Seven randomised controlled trials and a randomised controlled trial in children.")


def test_a_reviewed_abbreviation_is_not_written_out_in_another_sense() -> None:
    """cochrane CD008803 (blind read of composer 8, #10): "HRT" is the Heidelberg Retina Tomograph
    of a glaucoma review, not hormone replacement therapy: no oestrogen or menopause in the abstract,
    so nothing is written out; an abstract's own definition always wins."""
    abstract = _cochrane_abstract("eval", "CD008803")
    assert "HRT" in abstract
    assert "HRT" not in rw.article_abbreviations(abstract)
    own = "Teeth needing root canal treatment (RCT) were studied in a trial. RCT took one visit."
    assert rw.article_abbreviations(own)["RCT"] == "root canal treatment"


def test_a_correlation_set_off_by_a_comma_is_a_statistic() -> None:
    """bmc_sample 10.1186/s40560-015-0121-4: "Pearson's r = 0.12" stayed in a key finding; a
    correlation that is the sentence's subject ("inter-rater kappa = 0.72") stays."""
    text = (
        "Poor correlations were seen between vascular pedicle width and lung comet score, Pearson's "
        "r = 0.12, fluid balance, Pearson's r = 0.3, and beta natriuretic peptide, Pearson's r = 0.12."
    )
    assert rw.strip_statistics(text) == (
        "Poor correlations were seen between vascular pedicle width and lung comet score, fluid "
        "balance, and beta natriuretic peptide."
    )
    assert rw.strip_statistics("Age correlated with the score, r = -0.45, in women.") == (
        "Age correlated with the score, in women."
    )
    assert rw.strip_statistics("Agreement was good; inter-rater kappa = 0.72.").endswith("kappa = 0.72.")


def test_a_modal_takes_the_base_form() -> None:
    # a real slip in a bmc_sample conclusion (s40104-015-0053-9), said by the simple explanation
    records = {r["id"]: r for r in load_bmc_records()}
    assert "which may provides correlative evidence" in records["10.1186/s40104-015-0053-9"]["abstract"]
    assert (
        rw.modal_agreement("This may provides correlative evidence.")
        == "This may provide correlative evidence."
    )
    assert rw.modal_agreement("It could also leads to X.") == "It could also lead to X."
    for right in (
        "Sampling may bias the results.",
        "Cells may process it.",
        "Users can access data.",
        "It may cells",
    ):
        assert rw.modal_agreement(right) == right


def test_a_one_word_long_form_defines_a_short_form_of_capitals() -> None:
    """cochrane CD006266 (mine half) defines "Naltrexone (NTX)" and then says "NTX" five times: the
    simple explanation kept "between gamma-hydroxybutyrate and benzodiazepines, NTX or Disulfiram",
    because a one-word long form was taken only for a two-letter short form. bmc_sample
    s12881-019-0894-8 said "OXT" eight times after "oxytocin (OXT)"."""
    abstract = _cochrane_abstract("mine", "CD006266")
    found = rw.find_abbreviations(abstract)
    assert found["NTX"] == "naltrexone"
    sentence = (
        "The review does not provide evidence of a difference in side effects between GHB and "
        "benzodiazepines, NTX or Disulfiram."
    )
    assert "benzodiazepines, naltrexone or Disulfiram." in rw.expand_abbreviations(sentence, found)
    bmc = next(r for r in load_bmc_records() if r["id"].endswith("s12881-019-0894-8"))
    assert rw.find_abbreviations(bmc["abstract"])["OXT"] == "oxytocin"


@pytest.mark.parametrize(
    ("text", "short", "long_form"),
    [
        # the words before spell it: the whole name, not its last word
        ("symptoms in women with pelvic organ prolapse (POP).", "POP", "pelvic organ prolapse"),
        (
            "acute phase American Spinal Injury Association (ASIA) scores",
            "ASIA",
            "American Spinal Injury Association",
        ),
        ("the loss-of-heterozygosity (LOH) of the locus", "LOH", "loss-of-heterozygosity"),
        # a gene's own short name, a name in capitals, a prime, a short word: no one-word long form
        ("In this study, we show that Brahma (Brm)", "Brm", None),
        ("by D6 PROTEIN KINASE (D6PK) and PINOID (PID)", "PID", None),
        ("in the holin sequence, late promoter (pR') activity", "pR'", None),
        ("hyphae morphological engineering, intracellular energy (ATP)", "ATP", None),
    ],
)
def test_one_word_long_forms_real_sentences(text: str, short: str, long_form: str | None) -> None:
    """Sentences of pubmed_abstracts (POP, ASIA), elife_dev (LOH, Brm, PID) and bmc_sample (pR', ATP)."""
    assert rw.find_abbreviations(text).get(short) == long_form


@pytest.mark.parametrize(
    ("review", "short", "long_form", "sentence", "expected"),
    [
        (
            "CD006857",
            "UTI",
            "urinary tract infection",
            "Antibiotic treatment is effective for children with UTI.",
            "Antibiotic treatment is effective for children with urinary tract infection.",
        ),
        (
            "CD011671",
            "DGF",
            "delayed graft function",
            "HMP reduces the risk of DGF in kidneys from deceased donors.",
            "Hypothermic machine perfusion reduces the risk of delayed graft function in kidneys from deceased donors.",
        ),
        (
            "CD005022",
            "AMD",
            "age-related macular degeneration",
            "Steroids prevent visual loss in patients with neovascular AMD.",
            "Steroids prevent visual loss in patients with neovascular age-related macular degeneration.",
        ),
        (
            "CD008891",
            "GTN",
            "gestational trophoblastic neoplasia",
            "RCTs in GTN are scarce.",
            "Trials in gestational trophoblastic neoplasia are scarce.",
        ),
        (
            "CD006100",
            "LTRA",
            "leukotriene receptor antagonist",
            "The evidence does not support routine use of oral LTRAs in acute asthma.",
            "The evidence does not support routine use of oral leukotriene receptor antagonists in acute asthma.",
        ),
    ],
)
def test_round_10_reviewed_short_forms_are_written_out(
    review: str, short: str, long_form: str, sentence: str, expected: str
) -> None:
    """Short forms the composer 9 drafts of the cochrane mine half left undefined in the simple
    explanation and key findings ("children with UTI", "neovascular AMD"), written out where the
    abstract names their sense (data/glossary/abbreviations.yaml)."""
    found = rw.article_abbreviations(_cochrane_abstract("mine", review))
    assert found[short] == long_form
    assert rw.expand_abbreviations(sentence, found) == expected


def test_a_short_form_with_two_senses_is_written_out_only_in_the_reviewed_one() -> None:
    """The short form "GTN" is glyceryl trinitrate in a fissure or angina abstract, "BPD" borderline
    personality disorder in psychiatry: no long form is guessed there."""
    fissure = "Glyceryl trinitrate ointment (0.4%) healed anal fissure; GTN caused headache in 20 patients."
    assert "GTN" not in rw.known_abbreviations(fissure)
    personality = (
        "Dialectical behaviour therapy reduced self-harm in women with BPD and personality problems."
    )
    assert "BPD" not in rw.known_abbreviations(personality)
    preterm = "Inhaled steroids were compared with systemic steroids to treat BPD in preterm infants."
    assert rw.known_abbreviations(preterm)["BPD"] == "bronchopulmonary dysplasia"


def test_a_name_cut_at_its_slash_is_mended_only_when_the_source_spells_it_one_way() -> None:
    src = "Two strains, C57BL/6J and A/J, differ. It is different in C57BL/and A/J mice."
    assert (
        rw.mend_cut_names("It differs in C57BL/and A/J mice.", src)[0]
        == "It differs in C57BL/6J and A/J mice."
    )
    two_ways = "C57BL/6J and C57BL/10 mice; in C57BL/and A/J."
    assert rw.mend_cut_names("in C57BL/and A/J.", two_ways) == ("in C57BL/and A/J.", [])
    assert rw.mend_cut_names("B6/129 and C57BL/6J mice", src) == ("B6/129 and C57BL/6J mice", [])


@pytest.mark.parametrize(
    ("review", "short", "long_form", "sentence", "expected"),
    [
        (
            "CD004001",
            "SCS",
            "spinal cord stimulation",
            "Limb salvage after 12 months was higher in the SCS group.",
            "Limb salvage after 12 months was higher in the spinal cord stimulation group.",
        ),
        (
            "CD006849",
            "SCLC",
            "small cell lung cancer",
            "32 studies involving 6075 patients with SCLC were included.",
            "32 studies involving 6075 patients with small cell lung cancer were included.",
        ),
        (
            "CD008270",
            "ART",
            "antiretroviral therapy",
            "The studies included patients after a successful treatment with PI containing ART.",
            # (27, h27coch: "PI" is written out beside HIV too)
            "The studies included patients after a successful treatment with protease inhibitor containing "
            "antiretroviral therapy.",
        ),
        (
            "CD008671",
            "IOP",
            "eye pressure",
            "All of these studies found a greater decrease in mean IOP in the combined surgery group.",
            "All of these studies found a greater decrease in mean eye pressure in the combined surgery group.",
        ),
    ],
)
def test_round_12_reviewed_short_forms_are_written_out(
    review: str, short: str, long_form: str, sentence: str, expected: str
) -> None:
    """Short forms the composer 11 drafts of the cochrane mine half left in the lay fields with no
    long form anywhere on the page ("higher in the SCS group"), written out where the abstract
    names their sense (data/glossary/abbreviations.yaml)."""
    found = rw.article_abbreviations(_cochrane_abstract("mine", review))
    assert found[short] == long_form
    assert rw.expand_abbreviations(sentence, found) == expected


def test_round_12_short_forms_with_a_second_sense_are_left_alone() -> None:
    """ "ART" is assisted reproductive technology in a fertility review (cochrane CD003416, mine
    half: "couples undergoing ART"), "SCS" static cold storage of donor kidneys (CD011671: "HMP
    with SCS"): neither gets the HIV or pain long form."""
    # (27, h27coch: each now gets its own sense, "assisted reproduction" and "static cold storage")
    assert (
        rw.article_abbreviations(_cochrane_abstract("mine", "CD003416")).get("ART") == "assisted reproduction"
    )
    kidneys = rw.article_abbreviations(_cochrane_abstract("mine", "CD011671"))
    assert kidneys.get("SCS") == "static cold storage"
    assert kidneys["HMP"] == "hypothermic machine perfusion"


def test_a_short_form_said_as_a_word_the_sentence_has_is_written_in_full() -> None:
    # CD006407 (cochrane_val mine half): "None of these trials was a RCT." became "None of these
    # trials was a trial." in the research summary; RCT is said "trial" only where no "trial" is near
    abstract = "We included three trials. None of these trials was a RCT. No RCT reported quality of life."
    found = rw.article_abbreviations(abstract)
    assert found["RCT"] == "trial"
    assert (
        rw.expand_abbreviations("None of these trials was a RCT.", found)
        == "None of these trials was a randomised controlled trial."
    )
    assert (
        rw.expand_abbreviations("No RCT reported quality of life.", found)
        == "No trial reported quality of life."
    )


def test_a_mean_difference_goes_with_its_percent_and_its_colon() -> None:
    # CD001983 (blind read seed 109 #13): "... not statistically different between groups: WMD 4.5%
    # (95% CI: -0.6 to 9.5)]." was said "... between groups:%]."
    from pipeline.draft.composer.simplify import lay_text

    text = "At 24 months, lumbar spine BMD was not statistically different between groups: WMD 4.5% (95% CI: -0.6 to 9.5)]."
    assert lay_text(text, {}).endswith("not statistically different between groups.")


def test_a_mean_in_brackets_after_from_and_to_keeps_its_number() -> None:
    """cochrane CD008523.pub2 (mine half): the brackets were stripped whole and the key finding read
    "functional class decreased from to in the inactive pacing group"."""
    src = (
        "This study was also able to show that New York Heart Association (NYHA) functional class decreased "
        "from (2.5 ± 0.5) to (2.2 ± 0.6) in the inactive pacing group and decreased from (2.6 ± 0.5) to "
        "(1.7 ± 0.7) in the placebo group (MD -0.50; 95% CI -0.78 to -0.22)."
    )
    out = rw.strip_statistics(src)
    assert "from to" not in out
    assert "decreased from 2.5 to 2.2 in the inactive pacing group and decreased from 2.6 to 1.7 in" in out
    assert "±" not in out and "CI" not in out


def test_so_and_in_light_of_this_open_no_key_finding_or_summary() -> None:
    """bmc s12870-019-2065-7's key finding opened "So the three genes played ..." and bmc
    s12920-019-0508-5's research summary "In light of this, the researchers have developed ...":
    both lean on a sentence the field does not say. "So far," is no such link."""
    assert rw.drop_leading_connective(
        "So the three genes played a crucial part in cotton fiber color formation."
    ) == ("The three genes played a crucial part in cotton fiber color formation.")
    assert rw.drop_leading_connective(
        "In light of this, we have developed the NeoMutate framework which incorporates 7 algorithms."
    ).startswith("We have developed the NeoMutate framework")
    assert (
        rw.drop_leading_connective("So far, no trial has tested this.") == "So far, no trial has tested this."
    )


def test_round14_short_forms_with_a_sense_the_abstract_decides() -> None:
    """The composer 13 blind read (seed 109) left OS, FL, ACR, ASD and LGI undefined (h14lex). A short
    form with more than one sense lists them in data/glossary/abbreviations.yaml, each with the cue
    that decides it; real sentences of the tuning sets:"""
    # cochrane mine CD007565: "as overall (OS) and progression-free survival (PFS) were ..." in an
    # ovarian cancer review; pubmed_abstracts pubmedqa_27217036 "with the same trend seen in OS"
    ovarian = (
        "There were no RCTs or prospective non-RCTs identified that were designed to evaluate the effectiveness "
        "of surgery when performed as a primary procedure in advanced stage ovarian cancer. Analyses showed the "
        "prognostic importance of complete cytoreduction, where the residual disease was microscopic that is no "
        "visible disease, as overall (OS) and progression-free survival (PFS) were significantly prolonged in "
        "these groups of women."
    )
    assert rw.article_abbreviations(ovarian)["OS"] == "overall survival"
    # pubmed_abstracts pubmedqa_17051586: heart defects; bmc_sample s13229-015-0059-3: autism
    heart = (
        "After adjustment for possible confounders, no protective effect of FA was found on heart anomalies "
        "overall nor separately for conotruncal defects, VSDs, ASDs, or ECDs."
    )
    assert rw.known_abbreviations(heart)["ASD"] == "atrial septal defect"
    autism = (
        "This finding provides insight into the cross-modal joint attention function among individuals along "
        "the autism spectrum from low autistic traits to ASD."
    )
    assert rw.known_abbreviations(autism)["ASD"] == "autism spectrum disorder"
    assert "ASD" not in rw.known_abbreviations("ASD was common in the cohort.")  # no cue: no guess
    # ACR: arthritis, a transplant's rejection, the urine ratio
    assert (
        rw.known_abbreviations("ACR response in rheumatoid arthritis.")["ACR"]
        == "American College of Rheumatology"
    )
    assert (
        rw.known_abbreviations("ACR after kidney transplant rejection.")["ACR"] == "acute cellular rejection"
    )
    # pubmed_abstracts pubmedqa_17601244: "the SLICC/ACR damage index" is a name, not written out
    assert "ACR" not in rw.known_abbreviations(
        "the measurement of disease damage using the SLICC/ACR damage index (SDI) in lupus arthritis"
    )
    # "OS" is oxidative stress in a laboratory abstract: no cancer, no survival
    assert "OS" not in rw.known_abbreviations("OS damaged the cells; oxidative stress was measured.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cochrane CD007565 (mine half): the modifier's short form before the shared head
        (
            "Analyses showed the prognostic importance of complete cytoreduction, as overall (OS) and "
            "progression-free survival (PFS) were significantly prolonged in these groups of women.",
            {"OS": "overall survival", "PFS": "progression-free survival"},
        ),
        # bmc_sample 1472-6874-12-16: both short forms after the shared head, said once each
        (
            "The breast cancers of 432 women had immunohistochemistry (IHC) performed for estrogen and "
            "progesterone receptors (ER and PR) and HER2.",
            {"IHC": "immunohistochemistry", "ER": "estrogen receptor", "PR": "progesterone receptor"},
        ),
        # elife_dev eLife.02304
        (
            "Malate and lactate dehydrogenases (MDH and LDH) are homologous, core metabolic enzymes.",
            {"MDH": "malate dehydrogenase", "LDH": "lactate dehydrogenase"},
        ),
        # elife_dev eLife.08955 and pubmed_abstracts 28407529: square brackets
        (
            "Tat facilitates viral transcription by binding an RNA structure (trans-activating RNA [TAR]) "
            "formed on nascent viral pre-messenger RNAs.",
            {"TAR": "trans-activating RNA"},
        ),
        (
            "there was no difference in survival from CLM diagnosis (median, 3-, and 5-year overall "
            "survival [OS]: 58.6 months, 76% and 49% in group 2)",
            {"OS": "overall survival"},
        ),
        # a list of names in brackets is no definition (cochrane CD006618, mine half; eLife.00498)
        ("There are two large ongoing placebo-controlled trials (METEOR and MERIT-UC).", {}),
        ("stress conditions activate different eIF2α kinases (PERK, PKR, GCN2, and HRI)", {}),
    ],
)
def test_square_bracket_and_coordinated_definitions_are_read(text: str, expected: dict[str, str]) -> None:
    """The definition finder read only "long form (SF)": "[OS]" and "overall (OS) and
    progression-free survival (PFS)" left OS undefined (h14lex, issue 14 item 3)."""
    assert rw.find_abbreviations(text) == expected


def test_a_coordinated_definition_is_dropped_and_its_short_forms_written_out() -> None:
    """cochrane CD007565 (mine half) then says "There was no significant difference in OS"."""
    text = (
        "Survival was longer, as overall (OS) and progression-free survival (PFS) were prolonged. "
        "There was no significant difference in OS."
    )
    assert rw.expand_abbreviations(text, rw.find_abbreviations(text)) == (
        "Survival was longer, as overall and progression-free survival were prolonged. "
        "There was no significant difference in overall survival."
    )
    text = "Outcomes were progression-free and overall survival (PFS and OS), and OS was longer."
    found = rw.find_abbreviations(text)
    assert found == {"PFS": "progression-free survival", "OS": "overall survival"}
    assert rw.expand_abbreviations(text, found) == (
        "Outcomes were progression-free and overall survival, and overall survival was longer."
    )
    text = "Patients had longer overall survival [OS] than controls."
    assert rw.expand_abbreviations(text, rw.find_abbreviations(text)) == (
        "Patients had longer overall survival than controls."
    )


def test_a_trial_named_by_a_short_form_never_written_out_loses_the_name() -> None:
    """cochrane CD002195 (mine half): "The Swiss SAKK trial of tamoxifen" kept SAKK, which the abstract
    never writes out, in the simple explanation; CD012964's "The WOMAN trial" is one of two trials, so
    it is "One trial", not "The trial". A reader's short form, a written-out one and a phase stay."""
    sentence = "The Swiss SAKK trial of tamoxifen found an improvement in disease-free survival."
    assert rw.expand_abbreviations(sentence, {}) == (
        "The Swiss trial of tamoxifen found an improvement in disease-free survival."
    )
    assert rw.expand_abbreviations("The WOMAN trial contributed most of the data.", {}) == (
        "One trial contributed most of the data."
    )
    for kept in ("In a phase II trial, pain fell.", "The WHO study was large.", "The UK study was large."):
        assert rw.expand_abbreviations(kept, {}) == kept
    assert rw.expand_abbreviations(
        "The ICON trial was large.", {"ICON": "international collaborative ovarian neoplasm"}
    ) == ("The international collaborative ovarian neoplasm trial was large.")


def test_a_short_form_glued_to_a_comparison_with_a_number_is_kept_as_written() -> None:
    # pubmed_abstracts pubmedqa_26606599 "non-ICU hospital LOS>10 days" and pubmedqa_15223725
    # "Sn=72%": written out they were "stay>10" and "sensitivity=72%", tokens the abstract does not
    # have, and the composer's number check failed the whole draft (the nightly run retried it every
    # night); spaced, the short form is still written out
    text = "Surrogates of injury severity, including non-ICU hospital LOS>10 days, were associated with HO."
    out = rw.expand_abbreviations(text, {"LOS": "length of stay", "ICU": "intensive care unit"})
    assert "LOS>10 days" in out
    assert "stay>10" not in out
    assert "sensitivity=72%" not in rw.expand_abbreviations(
        "PBP gave the following results: Sn=72%.", {"Sn": "sensitivity"}
    )
    assert rw.expand_abbreviations("LOS > 5 days.", {"LOS": "length of stay"}) == "Length of stay > 5 days."


def test_a_plural_long_form_before_a_hyphenated_modifier_is_said_in_the_singular() -> None:
    # bmc s12864-019-5918-4 defines "enhancer binding proteins [EBP]" and says "The EBP-binding DNA
    # motifs": written out it read "enhancer binding proteins-binding DNA motifs"
    out = rw.expand_abbreviations(
        "The EBP-binding DNA motifs and regulated genes were identified.",
        {"EBP": "enhancer binding proteins"},
    )
    assert out == "The enhancer binding protein-binding DNA motifs and regulated genes were identified."
