"""Word swaps that never change meaning (issue 14 item 3): every bad example of the issue.

Each bad example is checked through ``swap_plain_words`` and through ``apply_glossary`` (the
drafter's entry point, which made these mistakes before it used the swap rules).
"""

from __future__ import annotations

import pytest

from pipeline.draft import rewrite as rw
from pipeline.text.swaps import (
    Lexicon,
    SwapRule,
    WordSwap,
    explain_first_use,
    load_lexicon,
    read_deny_list,
    swap_plain_words,
    swap_records,
    swaps_in_fields,
    use_editor_swaps,
)

# (input, what must still be there, what must never appear)
BAD_EXAMPLES = [
    (
        "Thrombosis is the fatal and disabling consequence of arterial disease.",
        "Thrombosis is the fatal",
        "Blood clot is",
    ),
    ("Two inbred mouse strains, C57BL/6J and A/J, differ in bleeding.", "C57BL/6J and A/J", "C57BL/and"),
    ("Mutant mice showed a phenotype similar to the human disease.", "a phenotype similar to", "alike to"),
    ("Text messages were sent to aid smoking reduction in the trial.", "smoking reduction", "smoking drop"),
    ("This is a structural genomics project.", "structural genomics", "genetics"),
    (
        "Smokers were referred to the NHS Stop Smoking Service in the city.",
        "Stop Smoking Service",
        "stop smoking",
    ),
    ("Stop Smoking Service advisers phoned them.", "Stop Smoking Service", "Stop smoking"),
    # cochrane_val CD004690: the name of a therapy; a plain "cognitive" still reads "thinking"
    ("Cognitive behavioural therapy is an effective treatment.", "Cognitive behavioural therapy", "Thinking"),
    ("Children with cognitive behavioral therapy improved.", "cognitive behavioral", "thinking behavioral"),
    ("Cognitive scores fell.", "Thinking scores fell.", "Cognitive scores"),
    ("Most side effects were mild.", "mild", "gentle"),
    ("Children with autism were included.", "autism", "brain disorder"),
    ("An air embolism occurred after the biopsy.", "after the biopsy", "blood clot"),
    ("An embolism occurred after the biopsy.", "after the biopsy", "blood clot"),
    ("Pulmonary embolism was rare.", "Pulmonary embolism", "Lung"),
    ("We saw an asymptomatic patient.", "asymptomatic patient", "without symptoms patient"),
    ("An additional 20 people joined.", "An extra 20", "more 20"),  # "an extra" since round 21 (lead)
    ("Cardiac dysfunction was seen.", "dysfunction was seen", "problems was"),
    ("A genomic analysis was done.", "genomic analysis", "genetic"),
    ("Scores improved from baseline.", "from baseline", "from starting"),
    # a bundled-sample sentence (BMC Microbiology 2011): the verb phrase replaces "was ... correlated"
    ("In general, the MLT was positively correlated with the SD.", "rose together with", "was rose"),
    ("Scores were negatively correlated with age.", "opposite direction to age", "were moved"),
    # a bundled-sample case report: the participle after "was", not the past tense
    ("A needle biopsy was performed by a radiologist.", "was done by", "was did"),
    # bmc_sample 10.1186/s13019-016-0404-4: an adverb between the auxiliary and the participle
    ("Video-assisted thoracic surgery is currently performed to diagnose nodules.", "is now done", "now did"),
    # cochrane_val CD010576: a participle after its noun, before the sentence's verb, is not swapped
    # to the past tense ("The type of surgery did does not affect")
    (
        "The type of surgery performed does not affect regression of Graves' ophthalmopathy.",
        "surgery performed does not",
        "did does",
    ),
    # cochrane_val CD001802: a participle after "as" with its subject left out
    (
        "The impact of surgery, as demonstrated in the included studies, is modest.",
        "as shown in",
        "as showed",
    ),
    # the same abstract: a text already swapped is not swapped again ("CT" -> "CT scan")
    ("Pre-operative CT scan-guided hook wire localization was used.", "CT scan-guided", "scan scan"),
    ("Counselling in rehabilitation hospitals helped.", "rehab hospitals", "rehabilitation"),
    # research prose swaps only where the plain verb reads right (bmc_sample sentences)
    ("The differences in gene expression were detected in fibrotic areas.", "were found in", "detected"),
    ("Genes identified as risk factors were generated.", "identified as", "found as"),
    ("Pyruvate and acetyl-CoA were determined the key nodes of cells.", "determined the", "found out"),
    ("The aim was to determine whether the cDNA is expressed.", "find out whether", "determine"),
    ("4,400 antibodies were characterized by specificity testing.", "characterized by", "had specificity"),
    (
        "The generated predicting models show many novel links.",
        "generated predicting models",
        "made predicting",
    ),  # wrong swaps found by the blind read of composer drafts (issue 14), on real abstract sentences
    # cochrane_val CD003013: a test result is not a size of effect
    (
        "In unipolar disorder, the statistical significance of the result was lost.",
        "statistical significance of",
        "clear difference",
    ),
    # "minimal interventions" are brief, low-intensity care, not "small" ones
    (
        "Computer-based interventions led to greater weight loss than minimal interventions.",
        "minimal",
        "small",
    ),
    ("The minimal clinically important difference was 10 points.", "minimal clinically", "small"),
    # cochrane_val CD009259 and bmc_sample ar1901: screening is not "testing"
    ("We did not identify any studies comparing the two screening methods directly.", "screening", "testing"),
    ("Female mice were used in a total genome-wide screening with 125 markers.", "screening", "testing"),
    # bmc_sample s12864-019-6000-y: "obtain" -> "get" has no participle that reads right
    (
        "Polished consensus sequences were obtained, while Illumina data were assembled.",
        "were obtained",
        "gotten",
    ),
    # bmc_sample 1471-2202-6-25: a participle after its noun is no past tense
    ("Annexin A7 was found in nuclei obtained from neuronal cell lines.", "nuclei obtained from", "got from"),
    # bmc_sample s12920-019-0489-4: ... and before the sentence's own verb ("cells got were activated")
    ("The transgenic cells obtained were activated by CD3/CD28 beads.", "cells obtained were", "got were"),
    # bmc_sample s13229-015-0059-3: "demonstrated that" is the past tense, not the participle
    ("The results demonstrated that cross-modal attention is short-lived.", "results showed that", "shown"),
    # bmc_sample s12920-019-0566-8: a coordinated modifier keeps its noun
    (
        "Accuracy was reached using 6 network-central and differentially expressed genes (ID3, NOG).",
        "network-central and differ",
        "and genes with",
    ),
    # names that start with a swappable word
    ("The mammalian target of rapamycin was inhibited.", "mammalian target", "mammal target"),
    ("Patients with multiple sclerosis had relapses.", "multiple sclerosis", "many sclerosis"),
    ("Both used computational biology.", "computational biology", "computer biology"),
    # a phrase on the deny-list is kept whole, whatever rule would fire inside it
    ("Children with cystic fibrosis were studied.", "cystic fibrosis", "scarring"),
    ("The gene is necessary and sufficient for growth.", "necessary and sufficient", "enough"),
    # bmc_sample (acromioclavicular joint repair): a phrase wording has no plural of its last word
    ("Repair of acromioclavicular joint dislocations was studied.", "joint dislocations", "outs"),
    ("Two air embolisms occurred.", "Two air bubbles in a blood vessel", "vessels"),
    # bmc_sample (histone fusion reporter): "undergo" -> "have" only for what is done to a patient
    ("The researchers can identify cells undergoing mitosis.", "cells undergoing mitosis", "having"),
    # cochrane_val CD001241 (mine half): an active past tense before a preposition is no participle
    ("In all, 2804 babies participated in the trials.", "babies participated in", "taken part"),
    # cochrane_val CD003416 (mine half): a medical term keeps "multiple"
    ("Single versus repeated multiple embryo transfer was compared.", "multiple embryo", "many embryo"),
    # bmc_sample (acromioclavicular joint repair): a quoted label is kept as written
    ('Positions were graded as "intended position achieved" or not.', "position achieved", "reached"),
    # bmc_sample (platelet-rich plasma): "remarkably" -> "very" only before an adjective
    ("The proliferation was remarkably promoted in the cells.", "remarkably promoted", "very promoted"),
    # bmc_sample s13036-019-0218-8: a quantifier cannot follow an adjective ("reliable many")
    ("It gives fast and reliable multiple integrations.", "reliable multiple", "reliable many"),
    # bmc_sample s12864-019-6249-1: "and" before a verb phrase term is no coordinated modifier
    ("QTL were mapped to 7A and associated with markers IWA3520.", "and linked to markers", "associated"),
    # elife_dev eLife.00311: "more comprehensive" is not "more full"
    ("This allows a more comprehensive understanding of the ensembles.", "more comprehensive", "more full"),
    # a wording that starts with "not" cannot follow an article
    ("There was an insufficient number of trials.", "an insufficient number", "not enough number"),
    # round 7 read of composer drafts (issue 14). bmc_sample: a superlative needs "the"
    (
        "The model determines an optimal hidden state path by using the Viterbi algorithm.",
        "an optimal hidden",
        "a best",
    ),
    ("Water will be available in optimal quantities.", "in optimal quantities", "in best"),
    # bmc_sample (Sulaimaniyah Kurds): "age standardized" is an adjustment, not "standard"
    (
        "Age specific and age standardized incidence rates were calculated for Sulaimaniyah Kurds.",
        "age standardized",
        "age standard ",
    ),
    # cochrane_val mine half: a statistic's name is kept; the phrase before "rate" is not echoed
    (
        "Light therapy was better than control (standardized mean difference (SMD) -0.41).",
        "standardized mean difference",
        "standard mean",
    ),
    ("By subtype, the highest age specific incidence rates were 16.", "rates of new cases", "cases rates"),
    # "observed" only after a form of "be": never "the differences saw"
    ("The differences observed were small.", "differences observed were", "saw"),
    ("The observed effect was small.", "observed effect", "seen effect"),
    # "characterized by" a method is not "marked by" it
    ("4,400 antibodies were characterized by flow cytometry.", "characterized by", "marked by"),
    # "failed to" -> "did not" is the past tense only
    ("The treatment had failed to work in earlier trials.", "had failed to", "had did not"),
    # cochrane_val mine half: a programme is not a treatment (blind read: "abstinence-only
    # interventions" -> "treatments")
    (
        "Evidence is too different to say whether non-school based interventions prevent drug use.",
        "based interventions prevent",
        "treatments",
    ),
    (
        "The evidence was low quality for psychosocial interventions and all other interventions.",
        "psychosocial interventions",
        "psychosocial treatments",
    ),
    (
        "Family interventions and multi-component community interventions were tried.",
        "Family interventions",
        "treatments",
    ),
    # cochrane_val mine half: a label in single quotes is kept as written
    (
        "Three studies reported useable data for 'any serious adverse effect', results were equivocal.",
        "'any serious adverse effect'",
        "side effect'",
    ),
    # cochrane_val mine half: incontinence after colposuspension is urinary, not "urine or stool"
    (
        "One trial suggested lower incontinence rates after open retropubic colposuspension.",
        "lower incontinence rates",
        "urine or stool",
    ),
    # "construct" -> "build" is the verb only ("the constructs with GFP" are things)
    ("The constructs with GFP were expressed in cells.", "constructs with", "builds"),
    # round 8: every swap on 60 drafted pages read (20 each of the cochrane mine half, bmc_sample,
    # elife_dev); the wrong ones, on their abstract sentences. A wording with its own "of"/"the"
    # cannot stand before the noun the term modifies (cochrane mine half CD004389, CD007565)
    (
        "Shorter primaquine regimens at the same daily dose are associated with higher relapse rates.",
        "higher relapse rates",
        "return of the illness rates",
    ),
    (
        "Analyses showed the prognostic importance of complete cytoreduction.",
        "prognostic importance",
        "predicting",
    ),
    # CD003183: a participle used as an adjective is no phrasal verb
    (
        "There was no significant efficacy of the other examined herbs.",
        "other examined herbs",
        "looked at herbs",
    ),
    # CD003914: studies "assessed" in a comparison were included in it, not measured
    (
        "Eight studies were assessed in the overall mortality comparison and no difference was seen.",
        "studies were assessed",
        "measured",
    ),
    # CD001323: a named technique
    (
        "Manual small incision surgery provides better visual outcome than ECCE.",
        "small incision",
        "small cut",
    ),
    # CD006739: lay writers keep "quality of life"
    (
        "No data were published on mortality, diabetic complications, costs of treatment and health-related "
        "quality of life.",
        "health-related quality of life",
        "well-being",
    ),
    # CD001070: a named condition
    (
        "Thyroid hormones did not reduce the severity of respiratory distress syndrome.",
        "respiratory distress syndrome",
        "breathing distress",
    ),
    # bmc_sample 1471-2156-6-29: an adjective is not the noun "swelling"; inflammation is not swelling
    (
        "Potential modifier regions have a positive impact on the inflammatory phenotype of the CF mouse.",
        "inflammatory phenotype",
        "swelling",
    ),
    ("Lung inflammation was reduced in the treated mice.", "Lung inflammation", "swelling"),
    # bmc_sample s12918-018-0649-8: terms of probability and computing
    (
        "We assume that a number of conditional probabilities characterizing regulatory relationships are unknown.",
        "conditional probabilities",
        "conditional chances",
    ),
    (
        "Owing to the computational complexity of experimental design, we implement an approximate method.",
        "computational complexity",
        "computer complexity",
    ),
    # bmc_sample 1471-2407-14-367: a passive "achieved" is accomplished, not "reached"
    (
        "High-level expression of the HPV 16E7SH protein fused to Zera® in plants was achieved, and the "
        "protein bodies could be easily purified.",
        "was achieved",
        "was reached",
    ),
    # bmc_sample s40246-019-0226-2: a sample of genes or mice is no "number of people"
    (
        "One factor of a gene expression experiment that can affect reproducibility is the choice of sample size.",
        "choice of study size",
        "number of people",
    ),
    # elife_dev eLife.01603, eLife.01440, eLife.00590
    (
        "Allosteric effectors have the potential to improve the treatment of heart failure and myopathies.",
        "treatment of heart failure",
        "weak heart",
    ),
    (
        "We propose that Nasonia uses a mixed mode of segmentation wherein pair-rule genes pattern the embryo.",
        "mode of segmentation",
        "outlining",
    ),
    (
        "Overall chondrichthyan extinction risk is substantially higher than for most other vertebrates.",
        "risk is much higher",
        "greatly higher",
    ),
    # "mortality" -> "deaths" only where a plural reads right (cochrane mine half)
    ("There was a trend towards lower mortality in the treated group.", "towards fewer deaths in", "lower"),
    ("The trial found a higher mortality in the control group.", "a higher mortality", "more deaths"),
    ("Mortality was lower in the treated group.", "Mortality was lower", "Deaths was"),
    ("Mortality data were sparse.", "Mortality data", "Deaths data"),
    # CD011430: a noun before its noun keeps its article rule ("return results" says nothing)
    (
        "For both meta-analyses, we found similar benefits for recurrence outcomes.",
        "recurrence results",
        "return results",
    ),
    # CD005433: the subject of a singular verb a few words on
    (
        "There are no trials from low-income countries, where mortality for diarrhoea is high.",
        "where mortality for diarrhoea is high",
        "deaths",
    ),
    # CD006407: the subject of a singular verb after an aside
    (
        "Treatment-related mortality, that is death caused by complications of the treatment, was "
        "considerable for patients in the transplantation arm.",
        "Treatment-related mortality, that is",
        "deaths",
    ),
    # CD010726: a word of improvement before it
    (
        "Nitroglycerin is not associated with improvement in mortality and cardiac complications.",
        "improvement in mortality",
        "improvement in deaths",
    ),
    ("There was a mortality of 5% in the first year.", "a mortality of", "a deaths"),
    # CD003205 (eval half, blind read of composer 8): the subject of a singular verb five words on
    (
        "Omega-3 PUFA supplementation in type 2 diabetes lowers triglycerides and VLDL cholesterol.",
        "supplementation in type 2 diabetes lowers",
        "supplements in",
    ),
]


@pytest.mark.parametrize(("text", "kept", "never"), BAD_EXAMPLES)
def test_bad_examples_never_happen(text: str, kept: str, never: str) -> None:
    out, swaps = swap_plain_words(text, define=False)
    assert kept in out and never not in out, out
    assert all(kept not in s.before for s in swaps)
    via_glossary = rw.apply_glossary(text, rw.load_glossary(), define=False)
    assert kept in via_glossary and never not in via_glossary, via_glossary


def test_swaps_record_spans_in_the_input() -> None:
    text = "They administered the drug to demonstrate efficacy in neurons."
    out, swaps = swap_plain_words(text, define=False)
    assert out == "They gave the drug to show benefit in nerve cells."
    for s in swaps:
        assert text[s.start : s.end] == s.before
    assert [(s.before, s.after, s.origin) for s in swaps] == [
        ("administered", "gave", "cdc-reviewed"),
        ("demonstrate", "show", "cdc-reviewed"),
        ("efficacy", "benefit", "plainsci"),  # a mass noun entry: no article needed
        ("neurons", "nerve cells", "plainsci"),
    ]


def test_inflection_article_and_multiword_first() -> None:
    out, swaps = swap_plain_words("He had a myocardial infarction and two fractures.", define=False)
    assert out == "He had a heart attack and two broken bones."
    assert [s.before for s in swaps] == ["myocardial infarction", "fractures"]  # not "infarction" alone
    out, swaps = swap_plain_words("She had an abdomen scan.", define=False)
    assert out == "She had a belly scan." and swaps[0].before == "an abdomen" and swaps[0].after == "a belly"


def test_multiword_entry_with_its_own_article() -> None:
    out, swaps = swap_plain_words("Most were seen at baseline.", define=False)
    assert out == "Most were seen at the start." and swaps[0].before == "at baseline"


def test_context_check_allows_reduction_in() -> None:
    out, _ = swap_plain_words("A reduction in smoking was seen.", define=False)
    assert out == "A drop in smoking was seen."
    out, _ = swap_plain_words("Smoking reduction was the goal.", define=False)
    assert out == "Smoking reduction was the goal."


def test_definitions_once_per_field() -> None:
    defined: set[str] = set()
    first, swaps = swap_plain_words("An MRI was done.", defined=defined)
    second, _ = swap_plain_words("A second MRI was normal.", defined=defined)
    assert first == "An MRI scan (a scan that uses magnets to picture the body) was done."
    assert second == "A second MRI scan was normal."
    assert swaps[0].before == "MRI"


def test_protected_spans() -> None:
    for text in (
        "The BRCA1 gene and the IL-6 level were measured.",
        "Patients took metformin or atorvastatin.",
        "The Cochrane Airways Group searched.",
    ):
        out, swaps = swap_plain_words(text, define=False)
        assert out == text and swaps == [], out


def test_deny_list_wins_over_every_origin() -> None:
    deny = read_deny_list()
    lex = Lexicon([SwapRule("genomics", "genetics", "editors"), SwapRule("cohort", "group", "mined:x")], deny)
    assert [r.term for r in lex.rules] == ["cohort"]
    out, swaps = swap_plain_words("Genomics of a cohort.", lexicon=lex, define=False)
    assert out == "Genomics of a group." and swaps[0].origin == "mined:x"


def test_editor_swaps_feed_the_default_lexicon() -> None:
    try:
        use_editor_swaps([("ambulatory", "able to walk")])
        out, swaps = swap_plain_words("Patients who were ambulatory were seen.", define=False)
        assert out == "Patients who were able to walk were seen." and swaps[0].origin == "editors"
        # not before its noun: "Able to walk patients" is no English (round 8)
        out, swaps = swap_plain_words("Ambulatory patients were seen.", define=False)
        assert out == "Ambulatory patients were seen." and swaps == []
    finally:
        use_editor_swaps([])
    assert "ambulatory" not in {r.term for r in load_lexicon().rules if r.origin == "editors"}


def test_records_keep_only_swaps_in_the_fields() -> None:
    made = [
        WordSwap("neurons", "nerve cells", 0, 7, "plainsci"),
        WordSwap("cohort", "group", 9, 15, "plainsci"),
    ]
    fields = {"simple_explanation": "Nerve cells died.", "key_findings": ["The cells died."]}
    kept = swaps_in_fields(made, fields)
    assert kept == []  # made in candidate sentences the drafter did not keep
    fields = {"simple_explanation": "The nerve cells died.", "key_findings": ["A group of nerve cells."]}
    kept = swaps_in_fields(made, fields)
    assert [s.before for s in kept] == ["neurons", "cohort"]
    rows = swap_records(kept, fields)
    assert {(r["field"], r["before"]) for r in rows} == {
        ("simple_explanation", "neurons"),
        ("key_findings", "neurons"),
        ("key_findings", "cohort"),
    }


# Research vocabulary (issue 14): real sentences of bmc_sample and the cochrane "mine" half, and the
# plain wording each must get, grammatical in context.
PLAIN_VOCABULARY = [
    # bmc_sample s13036-015-0022-z
    (
        "A modified membrane anchor is a prerequisite for a functional CYP720B4 enzyme.",
        "A modified membrane anchor is needed for a functional CYP720B4 enzyme.",
    ),
    # bmc_sample s12864-019-6143-x
    (
        "Under drought stress, SbER2-1 transcript accumulation in the stem was increased.",
        "Under drought stress, SbER2-1 transcript build-up in the stem was increased.",
    ),
    # cochrane_val CD006525 (mine half)
    ("Studies varied in terms of risk of bias.", "Studies varied in risk of bias."),
    # cochrane_val CD003013 (mine half): a mass noun entry needs no article
    (
        "This review does not cover the relative efficacy of lithium.",
        "This review does not cover the relative benefit of lithium.",
    ),
    # bmc_sample s12864-019-6174-3
    (
        "An mRNA sequencing approach was used to study transcriptomic variation in 23 barley inbreds.",
        "An mRNA sequencing method was used to study gene activity variation in 23 barley inbreds.",
    ),
    ("The results were concordant with earlier work.", "The results were in line with earlier work."),
    (
        "Toxins accumulated in the liver and were modulated by diet.",
        "Toxins built up in the liver and were affected by diet.",
    ),
    ("Treatment was discontinued after 3 weeks.", "Treatment was stopped after 3 weeks."),
    ("A survey was conducted in 2019.", "A survey was carried out in 2019."),
    ("Levels were considerably higher.", "Levels were much higher."),
    # cochrane_val CD006739 (mine half): "and" before the numbers is not a coordinated modifier
    (
        "Therapy resulted in an HbA1c reduction of 0.7% and 0.6%, respectively.",
        "Therapy led to an HbA1c drop of 0.7% and 0.6%, in that order.",
    ),
    # "much" only before a comparative
    ("Levels were markedly reduced.", "Levels were markedly reduced."),
    # cochrane_val CD001697 (mine half); "undergo" takes its tense ("underwent" -> "had")
    (
        "Patients undergoing early surgery fared better than those who underwent late surgery.",
        "Patients having early surgery fared better than those who had late surgery.",
    ),
    (
        "Liver fibrosis was graded by the duration of treatment.",
        "Liver scarring was graded by the length of treatment.",
    ),
    (
        "The gene is necessary for growth and rapidly changes cell morphology.",
        "The gene is needed for growth and quickly changes cell shape.",
    ),
    (
        "In total, 512 differentially expressed genes were found.",
        "In total, 512 genes with different activity were found.",
    ),
    # round 7 (issue 14): the commonest words left in composer drafts, on their abstract sentences
    # bmc_sample (chicken brooding)
    (
        "Interestingly, higher expression was observed in ovary and oviduct tissues during brooding.",
        "Interestingly, higher expression was seen in ovary and oviduct tissues during brooding.",
    ),
    # elife_dev
    (
        "After intervention, an initial week-long phase is characterized by the dominance of donor strains.",
        "After treatment, a first week-long phase is marked by the dominance of donor strains.",
    ),
    # bmc_sample (survey): the past tense only
    (
        "However, many of the respondents failed to meet the inclusion criteria.",
        "However, many of the people who answered did not meet the entry rules.",
    ),
    (
        "It was seen in the high-AQ group, whereas it was observed among the low-AQ group.",
        "It was seen in the high-AQ group, whereas it was seen among the low-AQ group.",
    ),
    # bmc_sample (BAG-1): the phrase verb keeps its tense
    (
        "The notion that overexpression of BAG-1 contributes to poor prognosis remains controversial.",
        "The notion that overexpression of BAG-1 plays a part in poor outlook remains controversial.",
    ),
    # bmc_sample (hook wire localisation)
    (
        "Migration of the hook wire occurred in 7 patients.",
        "Migration of the hook wire happened in 7 patients.",
    ),
    # bmc_sample (Upland cotton)
    (
        "The researchers constructed a high-density genetic map of SNPs in Upland cotton.",
        "The researchers built a high-density genetic map of SNPs in Upland cotton.",
    ),
    # round 8 (issue 14): "mortality", the commonest jargon left in the cochrane mine half's drafts
    # (28 of 205 pages); lay writers who reword it write deaths, dying, death or died (cochrane mine half)
    (
        "Moderate-certainty evidence indicates that corticosteroids probably reduce 28-day and hospital "
        "mortality among patients with sepsis.",
        "Moderate-certainty evidence suggests that steroids probably reduce 28-day and hospital deaths "
        "among patients with sepsis.",
    ),
    (
        "Corticosteroids may result in little to no difference in long-term mortality.",
        "Steroids may result in little to no difference in long-term deaths.",
    ),
    (
        "Pooled analyses did not show effects on all-cause mortality.",
        "Pooled analyses did not show effects on deaths from any cause.",
    ),
    (
        "For mortality among intensive care patients selenium supplementation failed to indicate any "
        "statistically significant advantage.",
        "For deaths among intensive care patients selenium supplements did not suggest any clear advantage.",
    ),
    ("Selenium supplementation was safe.", "Selenium supplementation was safe."),
    # CD001070 (mine half): an adjective before its noun needs no article ("neonatal" was kept as if
    # it were a mass noun that "newborn" could not replace without one)
    (
        "This review does not support the use of thyroid hormones in preterm infants to reduce neonatal "
        "mortality, improve neurodevelopmental outcome or to reduce the severity of respiratory distress "
        "syndrome.",
        "This review does not support the use of thyroid hormones in premature babies to reduce newborn "
        "deaths, improve neurodevelopmental result or to reduce the severity of respiratory distress "
        "syndrome.",
    ),
    # CD005604 (mine half): after "that" a participle is a verb, not an adjective before its noun
    (
        "In contrast three of the larger evaluation studies that enrolled children with allergic rhinitis "
        "described a non-significant increase in cough.",
        "In contrast three of the larger evaluation studies that signed up children with allergic rhinitis "
        "described an unclear increase in cough.",
    ),
]


@pytest.mark.parametrize(("text", "plain"), PLAIN_VOCABULARY)
def test_research_vocabulary_gets_plain_words(text: str, plain: str) -> None:
    out, swaps = swap_plain_words(text, define=False)
    assert out == plain
    for s in swaps:
        assert text[s.start : s.end] == s.before


def test_a_fragment_in_lower_case_stays_in_lower_case() -> None:
    """The composer swaps words in a title's topic after "This study looked at": the topic keeps
    its lower-case start (bmc_sample 1471-213X-6-15 became "looked at Cloning and ...")."""
    glossary = rw.load_glossary()
    # (round 22: "characterization" keeps its word; the title's "novel" is the swap)
    out = rw.apply_glossary(
        "cloning and characterization of mr-s, a novel SAM domain protein", glossary, define=False
    )
    assert out == "cloning and characterization of mr-s, a new SAM domain protein"
    out = rw.apply_glossary("Cloning and characterization of mr-s, a novel protein.", glossary, define=False)
    assert out == "Cloning and characterization of mr-s, a new protein."


@pytest.mark.parametrize(
    ("text", "expected", "swap"),
    [
        # cochrane_val CD005028 (blind read: "clinical skin skin atrophy")
        (
            "Only 25 trials assessed clinical cutaneous dermal atrophy; few cases were detected.",
            "clinical skin atrophy;",
            ("cutaneous dermal", "skin"),
        ),
        # bmc_sample 10.1186/s13019-016-0404-4 ("CT scan scan-guided": the bracket defined the term)
        (
            "The aim was to report the results of pre-operative computed tomography (CT)-guided hook wire "
            "localization.",
            "pre-operative CT scan-guided hook wire",
            ("computed tomography (CT)", "CT scan"),
        ),
        # both at once: the bracket goes with the term, then the word after it is not echoed
        (
            "Patients had serial computed tomography (CT) scans after biopsy.",
            "serial CT scans after",
            ("computed tomography (CT)", "CT"),
        ),
        # bmc_sample s13019-016-0404-4 in the composer: the abbreviation written out, then swapped
        # ("CT scan scan-guided": the word after is hyphenated)
        (
            "The aim was to report pre-operative computed tomography scan-guided hook wire localization.",
            "pre-operative CT scan-guided hook",
            ("computed tomography", "CT"),
        ),
        # bundled sample PMID 29374459 ("CT scan scans")
        (
            "Serial post-procedure computed tomography scans showed the causal relationship.",
            "post-procedure CT scans showed",
            ("computed tomography", "CT"),
        ),
    ],
)
def test_a_swap_never_echoes_the_word_beside_it(text: str, expected: str, swap: tuple[str, str]) -> None:
    out, swaps = swap_plain_words(text, define=False)
    assert expected in out, out
    assert swap in [(s.before, s.after) for s in swaps]
    words = out.lower().split()
    assert all(a != b for a, b in zip(words, words[1:], strict=False)), out


def test_no_swap_inside_the_bracket_that_defines_an_abbreviation() -> None:
    out, _ = swap_plain_words("Patients had magnetic resonance imaging (MRI) scans.", define=False)
    assert "(MRI scan)" not in out and "(MRI) scans" in out, out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cochrane_val mine half: a sentence's first word is swapped like any other (round 7)
        (
            "Adverse events were consistently more frequent in the heroin groups.",
            "Side effects were consistently more frequent in the heroin groups.",
        ),
        ("Participants were ethnically diverse.", "People were ethnically diverse."),
        # ... but never into a mass-noun sentence without its article (the issue's own example)
        (
            "Thrombosis is the fatal and disabling consequence of arterial disease.",
            "Thrombosis is the fatal and disabling consequence of arterial disease.",
        ),
        # bmc_sample (survey): "first responders" are emergency staff
        (
            "Initial responders were more likely to be physically active.",
            "Initial responders were more likely to be physically active.",
        ),
        # cochrane_val mine half: an opening topic marker keeps its words ("In quality of ...")
        (
            "In terms of quality of the evidence, there was little matching of treatment and control sites.",
            "In terms of quality of the evidence, there was little matching of treatment and control sites.",
        ),
        (
            "Participant satisfaction with treatment was positive.",
            "Participant satisfaction with treatment was positive.",
        ),
        # a title's topic has no full stop: its first word is kept (bmc_sample title)
        (
            "Gene expression analysis of Macrobrachium rosenbergii post-larvae",
            "Gene expression analysis of Macrobrachium rosenbergii post-larvae",
        ),
    ],
)
def test_composer_swaps_a_sentence_first_word(text: str, expected: str) -> None:
    from pipeline.draft.composer.simplify import plain_words

    out, _ = plain_words(text, rw.load_glossary())
    assert out == expected


@pytest.mark.parametrize(
    "before",
    [
        "",
        "   ",
        "The trial ended. ",
        "Results: ",
        "(see above.) ",
        'He said "stop." ',
        "a, ",
        "x.y",
        "ends.)\n",
    ],
)
def test_sentence_end_reads_the_text_before_a_word_as_the_pattern_does(before: str) -> None:
    """protected_spans asks whether a capitalised word opens a sentence without searching the
    whole text before it: the answer is the pattern's."""
    from pipeline.text.swaps import _SENTENCE_END, _sentence_end

    text = before + "Word"
    assert _sentence_end(text, len(before)) == bool(_SENTENCE_END.search(before))


# Round 9 (issue 14): treatment words the composer 8 blind read found left ("monotherapy",
# "adjunct"); sentences of the cochrane "mine" half, each with the wording it must now read and
# what must not be there. Every sentence of the tuning sets with these words was read.
TREATMENT_WORDING = [
    # CD002129: the treatment named before "monotherapy"
    (
        "The RR for incidence of T2DM comparing glimepiride monotherapy with placebo was 0.75.",
        "comparing glimepiride alone with placebo",
        "monotherapy",
    ),
    (
        "Subgroup analyses revealed that corticosteroid monotherapy had no beneficial effects.",
        "steroid alone had",
        "monotherapy",
    ),
    (
        "Oral corticosteroids as a monotherapy appear to be ineffective for adult patients.",
        "steroids alone appear",
        "as a alone",
    ),
    (
        "The use of non-surgical interventions, such as imiquimod, as monotherapy may be effective.",
        "imiquimod, alone may",
        "monotherapy",
    ),
    # no treatment named before it: kept ("between alone and combination therapy" is not English)
    (
        "The meta-analysis did not demonstrate any significant differences between monotherapy and "
        "combination therapy, in terms of lung function.",
        "between monotherapy and",
        "alone",
    ),
    ("Monotherapy included different dose of pyridoxamine (four studies).", "Monotherapy included", "Alone"),
    # CD007114: a list of two treatments keeps its wording ("alone or combination therapy")
    (
        "Radiotherapy was compared to glucocorticoids in three studies, as a monotherapy or combination therapy.",
        "as a monotherapy or combination therapy",
        "alone",
    ),
    # the group it names keeps it ("the imiquimod alone group")
    (
        "Adverse events occurred in 1/46 (2.2%) in the imiquimod monotherapy group.",
        "imiquimod monotherapy group",
        "alone group",
    ),
    # CD004050, CD005620, CD009405: "adjunct(ive)" is an add-on, adjective or noun
    (
        "Most of the studies applied bright light as adjunctive treatment to drug therapy.",
        "as add-on treatment to drug therapy",
        "adjunctive",
    ),
    (
        "Psychotic symptoms were lower in those using an adjunctive antioxidant.",
        "using an add-on antioxidant",
        "adjunctive",
    ),
    (
        "Three studies compared adjuncts to mechanical debridement in SPT versus debridement only.",
        "compared add-ons to mechanical",
        "adjuncts",
    ),
    (
        "Motor function improved, at least as an adjunct to conventional rehabilitation for people after stroke.",
        "as an add-on to conventional",
        "adjunct",
    ),
]


@pytest.mark.parametrize(("text", "kept", "never"), TREATMENT_WORDING)
def test_treatment_words_get_a_plain_wording_only_where_it_reads_right(
    text: str, kept: str, never: str
) -> None:
    out, swaps = swap_plain_words(text, define=False)
    assert kept in out and never not in out, out
    for s in swaps:
        assert text[s.start : s.end] == s.before


# Round 9 deny-list read: every swap kept in the simple explanation and key findings of 40 pages
# (14 of the cochrane "mine" half, 13 of bmc_sample, 13 of elife_dev --limit 120, random.seed(94)).
# The wrong ones, on their own sentences: (input, what must still be there, what must never appear).
ROUND9_READ = [
    # cochrane mine CD010784: "medical" shares the noun ("medical and surgeries")
    (
        "We are uncertain about the effect of nearly all medical and surgical interventions to treat stone disease.",
        "medical and surgical",
        "medical and surgeries",
    ),
    # cochrane mine CD005391: a fixed term
    (
        "Randomised controlled trials addressing the volume outcome relationship are hard to conduct.",
        "volume outcome relationship",
        "volume result",
    ),
    # bmc_sample s12915-019-0654-4
    (
        "Variability in tissue culture medium is a major confounding factor affecting essentiality.",
        "a major confounding factor",
        "other factor",
    ),
    (
        "The generated predictive models reveal numerous novel associations.",
        "predictive models",
        "predicting",
    ),
    # bmc_sample s12864-019-6143-x, elife_dev eLife.01503: "localized on/in" is where it is found
    (
        "SbER2-1 was localized both on the plasma membrane and in the chloroplast.",
        "localized both on",
        "in one place",
    ),
    ("MLL4 is predominantly localized on enhancers.", "localized on enhancers", "in one place"),
    # bmc_sample s13148-019-0782-2
    (
        "Assays were performed using a half-sample of randomly selected patients.",
        "randomly selected patients",
        "by chance selected",
    ),
    # elife_dev eLife.00498
    (
        "Drug brake-release of mRNA translation enhances cognitive memory.",
        "cognitive memory",
        "thinking memory",
    ),
]


@pytest.mark.parametrize(("text", "kept", "never"), ROUND9_READ)
def test_round9_read_wrong_swaps_never_happen(text: str, kept: str, never: str) -> None:
    out, _ = swap_plain_words(text, define=False)
    assert kept in out and never not in out, out


def test_a_noun_before_or_does_not_stop_the_next_swap() -> None:
    """cochrane mine CD009376: "level" is a noun, not an adjective sharing the next noun, so
    "clinical attachment level or adverse events" still says "side effects"."""
    out, _ = swap_plain_words(
        "This study did not measure clinical attachment level or adverse events.", define=False
    )
    assert out.endswith("clinical attachment level or side effects."), out


def test_an_inhaled_corticosteroid_is_an_inhaled_steroid() -> None:
    """cochrane mine CD002308 uses "ICS" undefined; written out (data/glossary/abbreviations.yaml)
    it read "Breathed in corticosteroids therapy reduces hospital admissions"."""
    text = "Inhaled corticosteroid therapy reduces hospital admissions in patients with acute asthma."
    assert swap_plain_words(text, define=False)[0].startswith("Inhaled steroid therapy reduces")


# Rare medical words the composer 9 drafts of the cochrane "mine" half left in the simple
# explanation and key findings (issue 14, round 10), each in its review's own sentence.
MEDICAL_TERMS = [
    (  # CD003755
        "They also reduced low birthweight and fetal loss in the first to fourth pregnancy.",
        "They also reduced low birth weight and fetal loss",
    ),
    (  # CD001070
        "An analyses of data from one study (van Wassenaer 1997) which showed benefits in infants 24-25 "
        "weeks gestation was not prespecified and should be treated with caution.",
        "was not planned and should be treated with caution.",
    ),
    (  # CD011192
        "There was no clear evidence on whether or not calcium might make a difference to perinatal death, "
        "or neonatal intensive care unit admission.",
        "might make a difference to death around the time of birth, or",
    ),
    (  # CD007559
        "Another study showed that imagery had a positive effect on anxiety and depression in the "
        "immediate postpartum period.",
        "in the immediate period after birth.",
    ),
    (  # CD010826
        "Similarly, there was no clear difference between groups in terms of faecal incontinence, flatal "
        "incontinence, faecal urgency, or maternal quality of life.",
        "loss of bowel control, flatal incontinence",
    ),
    (  # CD003094
        "Oral iron in pregnancy showed a reduction in the incidence of anaemia and better haematological "
        "indices than placebo (two trials).",
        "better blood test results than placebo",
    ),
    (  # CD004217: the product name stays as written
        "Erythema and mild skin pallor were observed with the use of EMLA.",
        "Skin redness and mild skin pallor were seen with the use of EMLA.",
    ),
    (  # CD001453
        "Chronic administration of furosemide improves both oxygenation and lung compliance.",
        "improves both oxygen levels and lung compliance.",
    ),
    (  # CD001912: the bacterium's name stays as written
        "Fewer children receiving anti-staphylococcal antibiotic prophylaxis had one or more isolates of "
        "Staphylococcus aureus (low quality evidence).",
        "anti-staphylococcal preventive antibiotics had one or more isolates of Staphylococcus aureus",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEDICAL_TERMS)
def test_rare_medical_terms_get_their_plain_words(text: str, expected: str) -> None:
    out, swaps = swap_plain_words(text, define=False)
    assert expected in out, out
    assert any(s.origin == "plainsci" and s.after in expected for s in swaps), swaps


@pytest.mark.parametrize(
    "text",
    [
        # the subject of a singular verb keeps its word ("Oxygen levels was ...")
        "Oxygenation was better in the prone group.",
        "Antibiotic prophylaxis is not needed.",
        # a machine's name (deny-list)
        "Extracorporeal membrane oxygenation was used in two trials.",
        # a label in quotes (CD004909)
        "No study reported on the primary outcome 'perinatal death or severe morbidity'.",
    ],
)
def test_rare_medical_terms_are_kept_where_the_wording_would_not_read(text: str) -> None:
    out, _ = swap_plain_words(text, define=False)
    for kept in (
        "Oxygenation was",
        "Antibiotic prophylaxis is",
        "membrane oxygenation",
    ):
        if kept in text:
            assert kept in out, out
    assert "perinatal death" in out or "perinatal death" not in text


def test_a_term_the_page_keeps_is_explained_once_at_its_first_use() -> None:
    """CD004993 (mine half) says "subtotal hysterectomy ... total hysterectomy" on the simple explanation
    and key findings with no word of what it is; a placebo is "a dummy treatment" the way Cochrane's
    own lay summaries say it. Never before the noun the term modifies ("The placebo group"), never
    inside a hyphenated word, once per page."""
    texts = [
        "Blood loss was lower during subtotal hysterectomy when compared with total hysterectomy.",
        "The placebo group and the placebo-controlled trials did well. Oral iron did better than placebo.",
        "Bowel function was the same after either hysterectomy.",
    ]
    out, made = explain_first_use(texts, [])
    assert out[0] == (
        "Blood loss was lower during subtotal hysterectomy (removal of the womb) when compared with total "
        "hysterectomy."
    )
    assert out[1] == (
        "The placebo group and the placebo-controlled trials did well. Oral iron did better than placebo "
        "(a dummy treatment)."
    )
    assert out[2] == texts[2]
    assert {(s.before, s.after) for s in made} == {
        ("hysterectomy", "hysterectomy (removal of the womb)"),
        ("placebo", "placebo (a dummy treatment)"),
    }
    # before a content word it may modify (bmc_sample 1471-2164-7-102: "growth and obesity
    # quantitative trait loci") no bracket goes; a plural is not given a singular's definition
    # (bmc_sample s12920-019-0566-8: "gene transcript biomarkers (a measurable sign in the body)")
    # (round 11: the term itself is explained after its last word, before a function word)
    loci = ["This study looked at growth and obesity quantitative trait loci in mice."]
    assert explain_first_use(loci, [])[0] == [
        "This study looked at growth and obesity quantitative trait loci (DNA regions that affect a trait) in mice."
    ]
    plural, _ = explain_first_use(["Models with gene transcript biomarkers were less accurate."], [])
    assert plural == [
        "Models with gene transcript biomarkers (measurable signs in the body) were less accurate."
    ]
    # a definition already there is not repeated
    assert explain_first_use(["Anaemia (low haemoglobin) was common."], [])[0] == [
        "Anaemia (low haemoglobin) was common."
    ]


def test_an_explanation_never_goes_inside_a_name() -> None:
    """A capitalised run is a name ("Placebo Response Scale"), a gene or strain keeps its form."""
    text = "The Placebo Response Scale was used. ANAEMIA1 mutants were studied."
    assert explain_first_use([text], [])[0] == [text]


def test_a_urinary_tract_infection_is_not_called_a_bladder_infection() -> None:
    """CD006857 (mine half) reviews antibiotics for acute pyelonephritis, a kidney infection; once
    its "UTI" was written out, the glossary made "children with urinary tract infection" "children
    with bladder infection", a narrower illness than the review's (deny-list, round 10)."""
    out, _ = swap_plain_words("Antibiotic treatment is effective for children with urinary tract infection.")
    assert out == "Antibiotic treatment is effective for children with urinary tract infection."


# Composer 10 read (round 11): an adjective's wording must stay an adjective, or no swap.
ADJECTIVE_PHRASES = [
    # CD009306 (blind read, composer 10): "Rates of during surgery and post-surgery complications"
    (
        "Rates of intraoperative and postoperative complications were similar in both groups.",
        "Rates of intraoperative and",
        "during surgery and",
    ),
    (
        "Intraoperative blood loss was lower with the new technique.",
        "Intraoperative blood loss",
        "During surgery",
    ),
    ("Perioperative complications were rare.", "Perioperative complications", "Around surgery"),
]


@pytest.mark.parametrize(("text", "kept", "never"), ADJECTIVE_PHRASES)
def test_an_adjective_is_not_replaced_by_a_phrase_before_its_noun(text: str, kept: str, never: str) -> None:
    out, _ = swap_plain_words(text)
    assert kept in out and never not in out, out


def test_an_adjective_after_be_still_gets_its_phrase() -> None:
    """Where the term stands alone after "was", the phrase reads right."""
    out, _ = swap_plain_words("Most of the bleeding was intraoperative.")
    assert out == "Most of the bleeding was during surgery."


def test_a_programme_named_by_a_noun_is_not_called_a_treatment() -> None:
    """bmc_sample s13031-015-0065-2 (lead's read of composer 9): "tailor handwashing interventions"
    became "handwashing treatments", a programme called a medical treatment; the glossary's
    "intervention(s)" is not swapped as the head of a compound (``compound: false``)."""
    text = (
        "Qualitative research into local beliefs and more effective messaging may help future programs "
        "tailor handwashing interventions."
    )
    assert swap_plain_words(text)[0] == text
    assert swap_plain_words("Hand hygiene interventions reduced infections.")[0] == (
        "Hand hygiene interventions reduced infections."
    )
    # an adjective before it or none: still the plain word
    assert swap_plain_words("No intervention was better than another.")[0] == (
        "No treatment was better than another."
    )
    assert swap_plain_words("Medical and surgical interventions helped.")[0] == (
        "Medical and surgical treatments helped."
    )


def test_a_preposition_keeps_its_wording_before_a_noun() -> None:
    """Golden sample 1745-6215-16-1: "via" is no adjective, "through" reads before a noun too."""
    out, _ = swap_plain_words("Recruitment via community outreach methods was largely ineffective.")
    assert out == "Recruitment through community outreach methods was largely ineffective."


# Round 11: the commonest rare words left in the composer 10 drafts of the tuning sets
# (``python -m pipeline.lab.vocab``), each on its real sentence.
ROUND11_TERMS = [
    # CD008991 (cochrane mine half)
    (
        "Cervical cerclage reduces the risk of preterm birth in women at high-risk of preterm birth.",
        "Cervical cerclage reduces the risk of premature birth in women at high-risk of premature birth.",
    ),
    # CD001241
    (
        "About one-third of all people were extremely preterm or extremely low birth weight.",
        "About one-third of all people were extremely premature or extremely low birth weight.",
    ),
    # bmc_sample ar1901, s12864-019-6313-x-like genotyping sentence
    (
        "This study suggests that several gene loci control arthritis in aged multiparous females.",
        "This study suggests that several gene regions control arthritis in aged multiparous females.",
    ),
    (
        "Putative cell-type-specific methylated loci were shown to be good signs of the cell type.",
        "Putative cell-type-specific methylated DNA regions were shown to be good signs of the cell type.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROUND11_TERMS)
def test_round11_rare_terms_get_their_plain_words(text: str, expected: str) -> None:
    assert swap_plain_words(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # CD005022: the treatments differed, not the studies' results
        "The researchers did not conduct a pooled analysis owing to heterogeneity of treatments and comparisons.",
        # a singular verb follows: "differences between studies was modest" would not agree
        "Patients treated with ICS were less likely to be admitted to hospital and heterogeneity was modest.",
        # a named condition: never "premature premature rupture"
        "Women with preterm premature rupture of membranes were included.",
        # a psychological term is no place in the DNA
        "Patients differed in their loci of control.",
    ],
)
def test_round11_terms_are_kept_where_the_wording_would_mislead(text: str) -> None:
    out, _ = swap_plain_words(text)
    assert "premature premature" not in out and "differences between studies" not in out
    assert "DNA region" not in out


def test_a_genetic_term_that_stays_is_explained_once() -> None:
    """bmc_sample ar2108: "quantitative trait loci" (QTL) is kept and explained at its first use;
    "allocation concealment" (CD005279) too."""
    text = "Sub-genome wide, 57 quantitative trait loci were mapped. Other quantitative trait loci were not."
    assert explain_first_use([text], [])[0] == [
        "Sub-genome wide, 57 quantitative trait loci (DNA regions that affect a trait) were mapped. "
        "Other quantitative trait loci were not."
    ]
    text = "None described allocation concealment, and blinding of people was not possible."
    assert explain_first_use([text], [])[0] == [
        "None described allocation concealment (keeping group assignment hidden), and blinding of people "
        "was not possible."
    ]


def test_names_genes_drugs_and_strains_stay_untouched() -> None:
    """Nothing of round 11's wording reaches into a gene, a strain, a drug or a name."""
    text = (
        "Homozygous CbCln3Δex7/8 precursor cells and C57BL/6J mice were given furosemide; the "
        "Preterm Infant Loci Study used TP53 and BRAF."
    )
    assert swap_plain_words(text)[0] == text


def test_a_word_that_names_no_kind_keeps_the_plain_word() -> None:
    """CD007092, CD007624 (mine half): "such interventions", "differing interventions" are still
    "treatments"; CD010321: "elder abuse interventions" are programmes, kept."""
    assert swap_plain_words("Such interventions may improve some results.")[0] == (
        "Such treatments may improve some results."
    )
    assert (
        swap_plain_words("The trials had differing interventions.")[0]
        == "The studies had differing treatments."
    )
    # CD006739: a placebo arm is no programme
    assert swap_plain_words("Weight loss was more pronounced following placebo interventions.")[0] == (
        "Weight loss was more pronounced following placebo treatments."
    )
    text = "There is inadequate evidence to measure the effects of elder abuse interventions on abuse."
    assert swap_plain_words(text)[0] == text


def test_a_kept_term_keeps_its_words() -> None:
    """bmc_sample ar2108: "quantitative trait loci" is kept to be explained; its last word is not
    swapped on its own ("quantitative trait DNA regions"), nor "cerebral" in "cerebral palsy"."""
    text = "Eight small-effect quantitative trait loci controlling arthritis severity were identified."
    # round 18: the passive "were identified" is "were found"; the name is still whole
    assert swap_plain_words(text)[0] == text.replace("were identified", "were found")
    text = "Children with cerebral palsy walked further."
    assert swap_plain_words(text)[0] == text


def test_no_swap_writes_a_word_its_sentence_already_has() -> None:
    """cochrane_val CD003415 (blind read, seed 83): "Adverse events which may or may not have been
    side effects of the treatment" became "Side effects which may or may not have been side
    effects ...", a tautology. Where the sentence does not name side effects the swap is made."""
    text = (
        "Adverse events which may or may not have been side effects of the treatment were described as mild."
    )
    assert swap_plain_words(text, define=False)[0] == text
    assert swap_plain_words("Adverse events were described as mild.", define=False)[0] == (
        "Side effects were described as mild."
    )
    # the next sentence is another sentence: its words do not stop the swap
    assert swap_plain_words("Adverse events were mild. Side effects were rare.", define=False)[0] == (
        "Side effects were mild. Side effects were rare."
    )


def test_a_written_out_short_form_keeps_its_words() -> None:
    """cochrane_val CD006949 (blind read, seed 83) leaves "ENL" undefined; written out from the
    reviewed list it is "erythema nodosum leprosum", which must not become "skin redness nodosum
    leprosum" through the "erythema" entry."""
    text = "We did not find clear evidence of benefit for interventions in the management of erythema nodosum leprosum."
    assert "erythema nodosum leprosum" in swap_plain_words(text, define=False)[0]
    assert swap_plain_words("Mild erythema was seen.", define=False)[0] == "Mild skin redness was seen."


def test_enable_is_allow_before_its_object() -> None:
    """bmc_sample simple explanations (composer 11): "sequencing enables reliable detection of
    structural variants" reads the same with "allows"; a passive or an adjective is left alone."""
    text = "Consistent read depth of PCR-free whole genome sequencing enables reliable detection of structural variants of any size."
    assert swap_plain_words(text, define=False)[0] == text.replace("enables", "allows")
    assert swap_plain_words("The method enabled researchers to map genes.", define=False)[0] == (
        "The method allowed researchers to map genes."
    )
    assert swap_plain_words("These were enabled by light.", define=False)[0] == "These were enabled by light."


def test_a_word_inside_a_compound_is_no_repeat() -> None:
    """bmc_sample s13287-018-0851-z: "proliferation" is still "growth" beside "platelet-derived growth
    factor-BB" (another thing), and bmc s13063-014-0529-5's "Cutaneous colonization" is still "Skin
    colonization" beside "skin flora"; bmc 1472-6831-8-11 keeps "test-retest reliability" beside
    "Internal consistency" (two measures, not one)."""
    text = "The proliferation was promoted in cells treated with either 1% platelet-rich plasma or 10 ng/ml platelet-derived growth factor-BB."
    assert swap_plain_words(text, define=False)[0].startswith("The growth was promoted")
    text = "Cutaneous colonization will be measured by cultures of samples of skin flora taken from the wound region."
    assert swap_plain_words(text, define=False)[0].startswith("Skin colonization")
    text = "Internal consistency and test-retest reliability were excellent."
    assert swap_plain_words(text, define=False)[0] == text


def test_the_word_lists_hash_needs_no_inflection_table() -> None:
    """A run's plan with nothing to draft needs only the word lists' hash (round 14): building
    the lexicon for it inflects no term, and the forms built later are the ones drafting reads."""
    from pipeline.text.glossary import load_glossary
    from pipeline.text.swaps import Lexicon, lexicon_for, read_deny_list, read_mined

    lexicon_for.cache_clear()
    lex = lexicon_for(load_glossary())
    assert lex.content_hash
    assert "forms" not in vars(lex) and "reach" not in vars(lex)
    assert lex.forms and "forms" in vars(lex)  # built on first use
    assert lex.reach and lex.longest >= 2
    # the deny-list applied only to rules holding a deny term's first word: the same rules kept
    # and the same conditions as testing every rule against every deny rule
    deny = read_deny_list()
    rules = [
        *read_mined(),
        *(SwapRule(e.term.lower(), e.plain, "plainsci") for e in load_glossary().replacing),
    ]
    brute = {r.term for r in rules if any(d.denies(r) and not d.unless_after for d in deny)}
    small = Lexicon(rules, deny)
    assert brute and not {r.term for r in small.rules} & brute
    from pipeline.text.swaps import _holds_inside

    for r in small.rules:
        # (27, h27coch: a condition the term's own next words meet is none: "cognitive impairment")
        expected = [d for d in deny if d.unless_after and d.denies(r) and not _holds_inside(d, r)]
        assert small.conditions(r) == expected


# ---------------------------------------------------------------------------------------------
# Round 14 (h14lex): no swap inside a name or a fixed term


def test_a_name_a_short_form_stands_for_takes_no_swap_inside() -> None:
    """A page's short forms stand for names: a swap inside one changes what it names. cochrane mine
    CD005511 "a papilla base incision (PBI)" became "papilla base cut"; CD001070's reviewed CLD
    "chronic lung disease" became "long-term lung disease"; "mean difference" is a statistic. A swap
    of the whole name ("computed tomography" -> "CT scan", "adverse events" -> "side effects") does
    not change it from inside. Round 23: a last word after an adjective does (round 14 had let it be
    swapped): "benign paroxysmal positional vertigo" became "benign paroxysmal positional
    dizziness" (cochrane eval CD003162, the lead's round 22 read), and a short form's letters spell
    its name as written, not "postpartum bleeding (PPH)"."""
    from pipeline.text.swaps import fixed_names

    names = fixed_names(
        [
            "papilla base incision",
            "chronic lung disease",
            "mean difference",
            "computed tomography",
            "postpartum haemorrhage",
            "oral corticosteroid",
            "benign paroxysmal positional vertigo",
            "adverse events",
        ]
    )
    assert {
        "papilla base incision",
        "chronic lung disease",
        "chronic lung diseases",
        "mean difference",
        "postpartum haemorrhage",
        "oral corticosteroid",
        "benign paroxysmal positional vertigo",
    } <= names
    assert not names & {"computed tomography", "adverse events"}


def test_the_composer_keeps_a_name_of_the_page_whole() -> None:
    """cochrane mine CD005511: with the page's fixed names kept, "papilla base incision" stays as
    written while the rest of the sentence is still made plain."""
    from pipeline.draft.composer.simplify import plain_words
    from pipeline.text.swaps import fixed_names

    sentence = "There was some evidence that using a papilla base incision may be beneficial for preservation of the interdental papilla."
    keep = fixed_names(rw.article_abbreviations("a papilla base incision (PBI)").values())
    out, _ = plain_words(sentence, rw.load_glossary(), keep)
    assert "papilla base incision" in out, out
    assert "may be helpful" in out, out
    assert "papilla base cut" in plain_words(sentence, rw.load_glossary())[0]  # as before, without the name


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # bmc_sample 1748-7188-9-10
        (
            "Background: The number of genome-wide association studies (GWAS) has increased rapidly in the past couple of years.",
            "genome-wide association studies",
        ),
        # cochrane mine CD006585
        (
            "Conversion rates were significantly decreased in patients undergoing hand assisted surgery.",
            "hand assisted surgery",
        ),
        # cochrane mine CD002118
        (
            "to enable couples or women undergoing assisted reproductive technology (ART)",
            "assisted reproductive technology",
        ),
        # bmc_sample s12864-019-6214-z
        (
            "could be the targets for map-based cloning and marker assisted selection (MAS) in cotton breeding.",
            "marker assisted selection",
        ),
        # cochrane mine CD010321, statistics kept
        (
            "In one study there was no difference found (adjusted odds ratio (OR) =0.48).",
            "adjusted odds ratio",
        ),
    ],
)
def test_fixed_names_are_kept_whole(text: str, kept: str) -> None:
    """data/lexicon/deny.tsv's fixed names (round 14: method, design, statistic and disease names
    whose inside the swaps changed: "genome-wide link studies", "hand helped surgery", "helped
    reproductive technology", "marker helped selection", "adjusted chance ratio")."""
    assert kept in swap_plain_words(text, define=False)[0]


def test_a_noun_before_a_method_head_is_part_of_its_name() -> None:
    """bmc_sample 1748-7188-9-10 "their relative association scores" (was "link scores"), cochrane
    mine CD010321 "EPOC assessment criteria" (was "check criteria"), the mine half's "generic inverse
    variance method" (was "spread method"); "a positive association between hurricane exposure and
    birth rate" (bmc_sample s12982-015-0042-7) is still a link, and an adjective before a method
    ("computational methods") is still swapped."""
    for text, kept in (
        (
            "Predicted GO terms were ranked according to their relative association scores.",
            "association scores",
        ),
        (
            "We used the Cochrane 'Risk of bias' tool and EPOC assessment criteria to assess risk of bias.",
            "assessment criteria",
        ),
        ("We have analysed the data using the generic inverse variance method.", "inverse variance method"),
    ):
        assert kept in swap_plain_words(text, define=False)[0], text
    text = "In contrast, general linear models suggested a positive association between hurricane exposure and birth rate."
    assert "a positive link between" in swap_plain_words(text, define=False)[0]
    assert (
        "computer methods" in swap_plain_words("There is a lack of computational methods.", define=False)[0]
    )


def test_a_substance_that_names_a_group_is_not_said_as_what_it_is_for() -> None:
    """cochrane mine CD003410: "treatment refractory, opioid users" are people who use heroin and
    other opioids, not "strong painkiller users"; CD008943's "gabapentin + opioid versus gabapentin
    alone" is still a strong painkiller."""
    text = "The available evidence suggests an added value of heroin prescribed alongside flexible doses of methadone for long-term, treatment refractory, opioid users, to reach a decrease in the use of illicit substances."
    out = swap_plain_words(text, define=False)[0]
    assert "opioid users" in out and "painkiller users" not in out, out
    text = "Meta-analysis was possible for only one comparison of only one combination, i.e. gabapentin + opioid versus gabapentin alone."
    assert "gabapentin + strong painkiller versus" in swap_plain_words(text, define=False)[0]


def test_an_adjective_before_a_noun_the_word_list_does_not_know() -> None:
    """cochrane mine CD012317: "little or no difference between groups in intraoperative hypotension"
    became "in during surgery low blood pressure" ("hypotension" is unknown to lemminflect, so the
    phrase wording was not seen to stand before a noun)."""
    text = "We noted little or no difference between groups in intraoperative hypotension for this study."
    out = swap_plain_words(text, define=False)[0]
    assert "in intraoperative low blood pressure" in out, out


@pytest.mark.parametrize(
    ("text", "kept", "never"),
    [
        # cochrane mine CD010891: prospective screening (before treatment) is not "forward-looking"
        (
            "Prospective screening for HLA-B*57:01 probably reduces severe hypersensitivity skin reactions to abacavir.",
            "Prospective screening",
            "orward-looking",
        ),
        # bmc_sample s40036-019-0156-5: a promising antioxidant
        (
            "Biliverdin, a prospective recyclable antioxidant and one of the most important precursors for optogenetics, has received growing attention.",
            "a prospective recyclable antioxidant",
            "orward-looking",
        ),
        # cochrane mine CD006407
        (
            "The three included studies were prospectively conducted and had features in line with the principle.",
            "were prospectively carried out",
            "going forward",
        ),
        # cochrane mine CD005240: a design kept by name ("14 group studies" lost it)
        (
            "We reviewed 23 studies: three randomised trials, two non-randomised trials, 14 cohort studies and four case-control studies.",
            "14 cohort studies",
            "group studies",
        ),
    ],
)
def test_swaps_that_changed_a_design_word_are_not_made(text: str, kept: str, never: str) -> None:
    """Seed-137 blind read (composer 14): "prospective cohort trials" became "forward-looking group
    trials"; every "prospective" swap of the three tuning sets was wrong (round 15)."""
    out = swap_plain_words(text, define=False)[0]
    assert kept in out and never not in out, out


def test_sensitivity_and_specificity_is_accuracy_only_for_one_test_figure() -> None:
    """cochrane mine CD012669: "Summary estimates of accuracy were 0.74 and 0.96" (two figures for
    one word); bmc_sample s40697-015-0090-5 (blood parameters, no test): "a good accuracy"; cochrane
    mine CD010633 (a test's estimates, no figure) is still said as accuracy."""
    for text in (
        "Summary estimates of sensitivity and specificity were 0.74 (95% CI 0.65 to 0.81) and 0.96 (95% CI 0.94 to 0.98).",
        "None of these parameters displayed both a good sensitivity and specificity.",
    ):
        out = swap_plain_words(text, define=False)[0]
        assert "sensitivity and specificity" in out and "accuracy" not in out, out
    text = (
        "The small size of the included study means that sensitivity and specificity estimates are imprecise."
    )
    assert "that accuracy estimates are imprecise" in swap_plain_words(text, define=False)[0]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Fewer than half of studies reported these outcomes.", "reported these outcomes"),  # CD002118
        (
            "There were not enough data to measure this outcome in children.",
            "measure this outcome",
        ),  # CD006100
        ("Limited outcome data were available.", "outcome data"),  # CD004746
        ("Only two studies described blinding of outcome assessors.", "outcome assessors"),  # CD012317
        (
            "For future evaluations, a core outcome set, including patient-reported outcomes, is needed.",
            "core outcome set",
        ),  # CD007624
    ],
)
def test_an_outcome_that_is_measured_is_not_a_result(text: str, kept: str) -> None:
    """A result is found, an outcome is measured: "enough data to measure this result", "incomplete
    result data", "blinding of result assessors", "a core result set" (round 15 read of the swaps);
    an outcome that is a result is still one (cochrane mine CD007114)."""
    out = swap_plain_words(text, define=False)[0]
    assert kept in out, out
    out = swap_plain_words("Small studies suggest a better outcome with combination therapy.", define=False)[
        0
    ]
    assert "a better result with" in out, out


def test_a_method_quality_and_regulated_genes_keep_their_words() -> None:
    """Round 15 read of 60 swaps (seed 283): "reporting enough method of chance grouping" (cochrane
    mine CD009308) and "2413 significantly raised genes" (bmc_sample s12864-019-6102-6) said an amount
    and a gene that rose; "not adequate to provide" is still "not enough", and expression is still raised."""
    text = "Only 20% of them reporting adequate method of randomisation and allocation concealment."
    assert "adequate method of" in swap_plain_words(text, define=False)[0]
    text = "Differential abundance analysis using EdgeR showed 2413 significantly up-regulated genes and 3125 significantly down-regulated genes."
    out = swap_plain_words(text, define=False)[0]
    assert "up-regulated genes" in out and "down-regulated genes" in out, out
    text = "A single 30 mg dose of dihydrocodeine is not adequate to provide enough pain relief."
    assert "is not enough to provide" in swap_plain_words(text, define=False)[0]
    assert (
        "was raised in" in swap_plain_words("Expression of p21 was up-regulated in tumours.", define=False)[0]
    )


def test_a_kind_of_validity_and_longitudinal_data_keep_their_words() -> None:
    """bmc_sample 1472-6831-8-11 "construct validity was established" became "construct accuracy",
    s12864-019-6192-1 "clinical data are generally longitudinal" "generally long-term" (measured again
    and again, not over a long time); the validity of conclusions (cochrane mine CD001697) is still
    their accuracy, and a longitudinal study still long-term."""
    out = swap_plain_words("Further, construct validity was established by calculating ANOVA.", define=False)[
        0
    ]
    assert "construct validity" in out, out
    text = "Nonetheless, although clinical data are generally longitudinal, standard methods do not account for it."
    assert "generally longitudinal" in swap_plain_words(text, define=False)[0]
    text = "Techniques have progressed, questioning the validity of the conclusions in the modern era."
    assert "the accuracy of the conclusions" in swap_plain_words(text, define=False)[0]
    assert "a long-term study" in swap_plain_words("This was a longitudinal study.", define=False)[0]


def test_up_and_down_regulated_genes_are_kept_together() -> None:
    """bmc_sample s12864-019-6265-1: "the number of up-regulated and down-regulated genes" became "the
    number of raised and down-regulated genes" once "down-regulated genes" was kept (round 15)."""
    text = "RNAseq analysis shows that the number of up-regulated and down-regulated genes in response to infection was greatly diminished."
    out = swap_plain_words(text, define=False)[0]
    assert "the number of up-regulated and down-regulated genes" in out, out


def test_a_fixed_name_in_a_plural_the_inflection_table_does_not_know() -> None:
    """bmc_sample s40246-019-0194-6 and s12859-018-2440-7: "single-nucleotide polymorphisms" (deny.tsv
    keeps the name) became "single-nucleotide gene variants": lemminflect has no noun lemma for
    "polymorphisms" (round 15 read of the swaps, seed 283). cochrane mine CD010308: "under close and
    adequate follow up" is not "close and enough follow up"."""
    text = "The path provides a direct solution to the identification of single-nucleotide polymorphisms and more."
    assert "single-nucleotide polymorphisms" in swap_plain_words(text, define=False)[0]
    text = "It may be considered preferable for experienced providers and under close and adequate follow up."
    assert "close and adequate follow up" in swap_plain_words(text, define=False)[0]


def test_a_swap_is_recorded_only_where_its_own_sentence_reaches_a_field() -> None:
    """cochrane CD006205 (mine half): "We assessed four trials at high risk of bias, ..." swaps
    "assessed" -> "measured" in a sentence no field keeps, while the kept "Four trials measured
    adverse events." says "measured" as written: the provenance listed a swap no field carries."""
    made: list[WordSwap] = []
    dropped = rw.apply_glossary(
        "We assessed four trials at high risk of bias, and eight at unclear.", rw.load_glossary(), swaps=made
    )
    assert "measured four" in dropped
    assert "assessed" in [s.before for s in made]
    fields = {"simple_explanation": "Four trials measured adverse events.", "key_findings": []}
    assert swaps_in_fields(made, fields) == []
    assert swap_records(made, fields) == []
    fields = {"simple_explanation": "Four trials measured adverse events.", "key_findings": [dropped]}
    assert "assessed" in [s.before for s in swaps_in_fields(made, fields)]
    assert {r["field"] for r in swap_records(made, fields)} == {"key_findings"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CD003653 (mine half): a mass noun, no article needed
        (
            "There is insufficient evidence to find which drug is most effective in reducing mortality and morbidity.",
            "in reducing deaths and illness.",
        ),
        # CD008991 (mine half)
        ("Serious neonatal morbidity was similar with and without cerclage.", "illness was similar"),
    ],
)
def test_morbidity_is_illness_where_the_sentence_allows(sentence: str, expected: str) -> None:
    out, _ = swap_plain_words(sentence)
    assert expected in out


@pytest.mark.parametrize(
    "sentence",
    [
        # CD009294 (mine half): a procedure's harm is its complications, not an illness
        "The aim of intravesical therapy is to avoid the morbidity associated with cystectomy.",
        # CD001802 (mine half)
        "The procedure is associated with a small but significant degree of morbidity in the form of bleeding.",
        # round 14's read: "mental health illness", "late illness"
        "Mental health morbidity was reported in two trials.",
        "Late morbidity was higher after radiotherapy.",
    ],
)
def test_morbidity_is_kept_where_illness_would_mislead(sentence: str) -> None:
    out, _ = swap_plain_words(sentence)
    assert "illness" not in out


def test_assessment_is_no_check() -> None:
    """CD010891 (mine half): "clinical assessment of hypersensitivity" is a measurement by a
    clinician, not "clinical check"; "assessment" is a common word and stays."""
    sentence = "Clinical assessment of hypersensitivity (HSS) was done at the time of study entry."
    out, _ = swap_plain_words(sentence)
    assert "assessment of hypersensitivity" in out
    assert "check" not in out


def test_protected_spans_read_digits_and_inner_capitals_as_before() -> None:
    """``protected_spans`` tests each chunk with ``map`` (round 16, h16speed: no generator per
    chunk); a superscript digit counts as a digit as ``str.isdigit`` says ("m²")."""
    from pipeline.text.swaps import protected_spans

    # bmc_sample 10.1186/s12891-022-05070-w: "10-m", "Figure-of-8" and "360" are protected
    text = "Gait speed per the 10-m Walk Test and the Figure-of-8 Walk, 360 Degree Turn, 2 m² area."
    spans = [text[s:e] for s, e in protected_spans(text)]
    assert "10-m" in spans and "Figure-of-8" in spans and "360" in spans and "m²" in spans
    assert "Gait" not in spans and "speed" not in spans


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # bmc s12864-019-6192-1: "compared to statistical analysis, Cox regression ..." hid which
        # analysis lost; with a second analysis named the regression keeps its name
        (
            "In comprehensive simulations, compared to logistic regression, Cox regression had greater "
            "power at equivalent Type I error.",
            "compared to logistic regression, Cox regression",
        ),
        (
            "We scanned for genotype-phenotype associations using logistic regression and Cox regression "
            "on 50 phenotypes derived from the electronic health records.",
            "using logistic regression and Cox regression",
        ),
        # CD009166 (mine half): "at unclear risk about selection" broke the preposition
        (
            "Most trials were of average quality, with three of the trials at unclear risk regarding "
            "selection and detection biases.",
            "at unclear risk regarding selection",
        ),
        # CD000553 (mine half): "no significant differences about deaths"
        (
            "There were no significant differences regarding mortality and duration of in-patient stay.",
            "differences regarding",
        ),
    ],
)
def test_round17_a_swap_keeps_the_named_analysis_and_the_preposition(sentence: str, kept: str) -> None:
    out, _ = swap_plain_words(sentence)
    assert kept in out, out
    via_glossary = rw.apply_glossary(sentence, rw.load_glossary(), define=False)
    assert kept in via_glossary, via_glossary


def test_round17_a_lone_regression_and_regarding_still_get_their_plain_words() -> None:
    """The context checks above leave the plain swaps where they read right (CD003286, mine half)."""
    assert (
        "statistical analysis" in swap_plain_words("Risk factors were identified by logistic regression.")[0]
    )
    out, _ = swap_plain_words(
        "No information was found regarding BMI, mortality, long term diabetic complications."
    )
    assert "found about BMI" in out


def test_a_genotype_naming_a_group_is_not_a_genetic_makeup() -> None:
    # "Heterozygous genotype individuals showed significantly higher HGF expression" read
    # "Heterozygous genetic makeup people" (bmc s40104-015-0059-3); "the genotype of" is still swapped
    from pipeline.text.swaps import swap_plain_words

    assert (
        "genetic makeup people"
        not in swap_plain_words("Heterozygous genotype individuals showed higher expression.")[0]
    )
    assert (
        swap_plain_words("The genotype of the mice was checked.")[0]
        == "The genetic makeup of the mice was checked."
    )


# ---------------------------------------------------------------------------------------------
# Round 23 (h23words): the most frequent swaps read on every set; where one misleads


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # cochrane mine CD009166, CD005170: a treatment is judged or tested, not measured
        ("Meanwhile, three trials (n = 55 women) assessed ultrasound-indicated cerclage.", "assessed"),
        (
            "The greatest number of trials showing benefit to date have assessed the selective serotonin "
            "reuptake inhibitors in treating child obsessive-compulsive disorder.",
            "assessed",
        ),
        # cochrane mine CD003067: the evidence's quality
        ("The body of evidence was assessed as low quality.", "assessed"),
        # elife_dev 04585: a synapse's strength
        (
            "We examine the possibility that functional connectivity reflects short-term changes in synaptic efficacy.",
            "synaptic efficacy",
        ),
        # bmc s13063-014-0531-y: another kind of analysis
        ("The cost effectiveness of the intervention will be evaluated.", "cost effectiveness"),
        # elife_dev 00932: animals that took part are no people
        (
            "Chimpanzee participants were requested to discriminate face identities in a vertical arrangement.",
            "Chimpanzee participants",
        ),
        # cochrane mine CD008694: one against more than one
        (
            "Five studies compared single or multiple interventions with a no-intervention or waiting list control group.",
            "single or multiple",
        ),
    ],
)
def test_swaps_that_would_mislead_are_not_made(text: str, kept: str) -> None:
    assert kept in swap_plain_words(text, define=False)[0]


@pytest.mark.parametrize(
    ("text", "made"),
    [
        (
            "In this review, the studies assessed the length of hospital stay.",
            "measured the length",
        ),  # CD009417
        ("Four trials assessed adverse effects.", "measured side effects"),  # CD006205
        ("The efficacy of aspirin was similar.", "benefit of aspirin"),
    ],
)
def test_the_same_swaps_are_still_made_where_they_are_true(text: str, made: str) -> None:
    assert made in swap_plain_words(text, define=False)[0]
