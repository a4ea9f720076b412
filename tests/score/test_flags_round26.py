"""Round 26 (h26flags, issue 16 item 3): a broken sentence in a lay field is a warning of the
``sentence_form`` check that names what is broken; the texts are composer-26 drafts (START 296cca4)
and human summaries, quoted as they are."""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.score.base import score_draft, severity_of
from pipeline.score.form import broken_reasons, sentence_form
from tests.score.conftest import make_article

# eLife 08890's key findings (composer 26): the first is the tail of a comparison cut from its clause
LNCRNA_FINDINGS = [
    "As are 74% of pseudogene peptides, 24% of uORF peptides and 32% of dORF peptides.",
    "Most peptides made from lncRNAs may be highly unstable byproducts without function, ~9% of the "
    "peptides are conserved in ORFs in mouse transcripts.",
    "The translation efficiency of cytoplasmic lncRNAs is nearly similar to that of mRNAs.",
]
# biolaysumm elife-07886-v2's simple explanation (composer 26): its third sentence lost its start
EPILEPSY_SE = (
    "Six patients with medication-resistant epilepsy took part. Epilepsy is a condition that causes "
    "seizures. phase-amplitude coupling indeed supports phase-dependent stimulus representations for "
    "categories. This was a small study, so the result may not hold in larger groups."
)
# cochrane_val mine half CD009858.pub2's human summary: a list with no verb, set as a sentence
SEALANTS = (
    "For example, fissure sealing, resin or composite fillings at the gum margin, and proximal atraumatic "
    "restorative treatment in primary molars."
)


def _warnings(fields: DraftFields) -> dict[str, list[dict[str, object]]]:
    rows = score_draft(fields, make_article("An abstract."), names=["sentence_form"])
    return {r.field: [f for f in r.flags if severity_of(f) == "warning"] for r in rows}


def test_a_clause_without_its_main_clause_is_a_warning_on_the_draft() -> None:
    fields = DraftFields(
        simple_explanation="",
        key_findings=LNCRNA_FINDINGS,
        research_summary="",
        practical_implications=[],
        limitations=[],
    )
    found = _warnings(fields)["key_findings"]
    assert [f["draft_text"] for f in found] == [LNCRNA_FINDINGS[0]]
    assert found[0]["reason"] == (
        "broken sentence: it starts with 'As' and has no main clause (a part of a longer sentence)"
    )


def test_a_lower_case_start_is_a_warning() -> None:
    result = sentence_form(EPILEPSY_SE, make_article("x"))
    assert result.value == 1.0
    (flag,) = result.flags
    assert flag.severity == "warning"
    assert flag.draft_text and flag.draft_text.startswith("phase-amplitude coupling indeed supports")
    assert "lower-case word ('phase-amplitude')" in flag.reason


def test_a_fragment_without_a_verb_is_a_warning() -> None:
    assert broken_reasons(SEALANTS) == ["broken sentence: no verb (a fragment, not a sentence)"]


def test_an_unclosed_bracket_is_a_warning() -> None:
    # BMC s12870-019-1708-z's simple explanation, its last sentence cut inside a bracket
    cut = "The researchers made the chromosome-scale genome sequence of storage root-forming diploid (I. trifida."
    assert broken_reasons(cut) == ["broken sentence: a bracket is opened and never closed"]
    assert broken_reasons("The review found seven studies (691 people).") == []


def test_whole_sentences_are_not_broken() -> None:
    # BMC s12870-019-1708-z (composer 26): the sentence splitter cuts after "var." and the piece
    # "Y22 with high heterozygosity." is no fragment of the draft
    se = (
        "The researchers made the chromosome-scale genome sequence of storage root-forming diploid "
        "I. trifida var. Y22 with high heterozygosity."
    )
    assert sentence_form(se, make_article("x")).flags == []
    # eLife 06620's key finding (composer 26): "N. Sweden."
    finding = (
        "The vernalization temperature range of 0–14°C meant all accessions fully vernalized before "
        "snowfall in N. Sweden."
    )
    assert sentence_form(finding, make_article("x")).flags == []
    for whole in (
        # eLife 06774's digest: the small tagger reads "moves" as a plural noun
        "However, guangxitoxin moves deeper into the interior of the membrane.",
        # eLife 10820's digest: "change" after a noun
        "When a ligand docks to the right receptor protein, the parts of the receptor inside the cell change shape.",
        # eLife 00932's digest: the parser roots it in the fronted "If" clause
        "If the social status and the physical position of the photograph match, the chimpanzee doing the "
        "test can quickly identify the photograph that it has been shown earlier.",
        # a gene or a unit spelt with a small letter is how it is written
        "mRNA levels fell in both groups.",
        "p53 was switched off in the tumours.",
    ):
        assert broken_reasons(whole) == [], whole


def test_limitations_are_not_read() -> None:
    fields = DraftFields(
        simple_explanation="The review found seven studies.",
        key_findings=[],
        research_summary="",
        practical_implications=[],
        limitations=["Small sample size", "Not blinded"],
    )
    assert set(_warnings(fields)) == {"simple_explanation"}


# ---------------------------------------------------------------------------------------------
# hedge_kept 16 (issue 16 item 1): misreads of accurate texts, each beside an error of the same
# shape that the flag still finds

from pipeline.score import faithfulness  # noqa: E402
from tests.score.conftest import abstract  # noqa: E402


def _hedge_warnings(text: str, article: object) -> list[str]:
    return [f.reason for f in faithfulness.hedge_kept(text, article).flags]  # type: ignore[arg-type]


def test_a_rating_range_keeps_the_qualifier() -> None:
    # mine half CD001912.pub4: the composer's own sentence for "outcome results ranged from moderate
    # to low quality" was "qualifier dropped: the abstract says 'low quality' here"
    art = make_article(abstract("10.1002/14651858.CD001912.pub4"))
    assert _hedge_warnings("The evidence ranged from low to moderate certainty.", art) == []
    assert faithfulness.keeps_a_hedge("Antibiotics reduced infections (low- to moderate-quality evidence).")
    assert faithfulness.keeps_a_hedge("We are moderately confident in the evidence.")
    # the rating raised is still found
    assert _hedge_warnings("The evidence ranged from high certainty.", art)


# PubMedQA 24671913 and 24622801: an abstract sentence that asks, one that claims
SYNTAX = make_article(
    "SYNTAX score (SxS) has been demonstrated to predict long-term outcomes in stable patients with "
    "coronary artery disease. But its prognostic value for patients with acute coronary syndrome remains "
    "unknown.AIM: To evaluate whether SxS could predict in-hospital outcomes for patients admitted with ST "
    "elevation myocardial infarction (STEMI) who undergo primary percutaneous coronary intervention (pPCI)."
)
HYDROGEL = make_article(
    "Implant-related infections represent one of the most severe complications in orthopaedics. A "
    "fast-resorbable, antibacterial-loaded hydrogel may reduce or prevent bacterial colonization and biofilm "
    "formation of implanted biomaterials."
)


def test_a_hedge_in_an_aim_qualifies_no_claim() -> None:
    conclusion = (
        "SxS is a useful tool that can predict in-hospital outcomes of patients with STEMI undergoing pPCI."
    )
    assert _hedge_warnings(conclusion, SYNTAX) == []
    # a hedged claim of the abstract stated as fact is still a dropped qualifier
    stated = "Implant coating with an antibacterial-loaded hydrogel reduces bacterial colonization and biofilm formation in vitro."
    assert _hedge_warnings(stated, HYDROGEL) == ["qualifier dropped: the abstract says 'may' here"]


# PubMedQA 17051586 (sentence 1) and 18307476 (sentence 1)
FOLIC = make_article(
    "Several studies have suggested a protective effect of folic acid (FA) on congenital heart anomalies. "
    "Down syndrome (DS) infants are known to have a high frequency of heart anomalies."
)
INCOME = make_article(
    "The robust relationship between socioeconomic factors and health suggests that social and economic "
    "policies might substantially affect health, while other evidence suggests that medical care, the main "
    "focus of current health policy, may not be the primary determinant of population health."
)


def test_a_denial_or_a_question_drops_no_qualifier() -> None:
    assert (
        _hedge_warnings(
            "Our study does not show a protective effect of FA on heart anomalies among infants with DS.",
            FOLIC,
        )
        == []
    )
    assert (
        _hedge_warnings(
            "Future research should examine a variety of different income support policies, as well as whether "
            "a broader range of social and economic policies affect health.",
            INCOME,
        )
        == []
    )
    # the hedge swapped for certain words is still found
    assert _hedge_warnings(
        "Several studies have shown a protective effect of folic acid on congenital heart anomalies.", FOLIC
    )
