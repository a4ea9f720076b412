"""A term the simple explanation keeps, explained in a sentence of its own (round 21, h21se; issue
14 item 1: "explain the one main technical term the SE must keep, in a short sentence of plain
words, when a reviewed source gives its meaning"). The texts are simple explanations the composer
wrote at round 21's start (124b4c7) for the pages named; each test fails there (no ``sentence``,
or a definition with a comma cut at it)."""

from __future__ import annotations

from pipeline.draft.composer.fields import explanation
from pipeline.draft.composer.templates import load_templates
from pipeline.settings import Settings
from pipeline.text.swaps import explain_first_use, load_lexicon


def _say(term: str, define: str, article: str) -> str | None:
    return explanation(load_templates(Settings().prompts_dir), term, define, article)


def _explain(*texts: str) -> list[str]:
    return explain_first_use(list(texts), [], sentence=_say)[0]


def test_a_definition_with_a_comma_is_read_whole() -> None:
    """cochrane mine half CD006356: "... side effects may include osteoporosis or heart problems."
    was explained "osteoporosis (weak)": the glossary's unquoted "weak, brittle bones" was read by
    YAML as "weak" and a second key "brittle bones"; "autonomic dysreflexia" as "a sudden"."""
    rules = {r.term: r.define for r in load_lexicon().rules}
    assert rules["osteoporosis"] == "weak, brittle bones"
    assert rules["autonomic dysreflexia"] == "a sudden, dangerous rise in blood pressure"
    text = "Low doses of glucocorticoids may not lead to side effects, but possible side effects may include osteoporosis or heart problems."
    assert "osteoporosis (weak, brittle bones) or heart problems" in explain_first_use([text], [])[0][0]


def test_the_term_is_explained_in_a_sentence_after_the_one_that_uses_it() -> None:
    # bmc_sample s12920-019-0566-8: "... blood biomarkers (measurable signs in the body) from gene
    # activity network models." made the topic sentence 18 words long
    se = (
        "This study looked at discovery of stroke-related blood biomarkers from gene activity network models. "
        "82 patients with stroke took part."
    )
    assert _explain(se, "Biomarkers were found.")[0] == (
        "This study looked at discovery of stroke-related blood biomarkers from gene activity network models. "
        "Biomarkers are measurable signs in the body. 82 patients with stroke took part."
    )
    # bmc_sample s12885-019-6313-x: "A biomarker including ..." -> "A biomarker is ..."
    se = (
        "It compared people with and without the condition. A biomarker including TP53, PIK3CA, and BRAF "
        "somatic mutations may better stratify people for optimal lung cancer screening and prevention results."
    )
    # (22, h22coch: a definition never ends the text; where no bracket fits, it comes before the
    # sentence that uses the term; 23, h23se: the biomarker, said first as the noun, is the one term said
    # in a sentence, and the "mutations" the glossary now defines take the bracket)
    assert _explain(se)[0] == (
        "It compared people with and without the condition. A biomarker is a measurable sign in the body. "
        "A biomarker including TP53, PIK3CA, and BRAF somatic mutations (changes in the DNA) may better stratify "
        "people for optimal lung cancer screening and prevention results."
    )
    # the key findings keep their bracket where the simple explanation never says the term
    out = _explain("This study looked at stroke.", "Blood biomarkers were found in 82 patients.")
    assert out == [
        "This study looked at stroke.",
        "Blood biomarkers (measurable signs in the body) were found in 82 patients.",
    ]


def test_one_sentence_a_page_for_the_term_said_as_a_noun_not_a_modifier() -> None:
    """bmc_sample 1471-2164-7-102: "growth and obesity quantitative trait loci": the loci are what the
    study is about; obesity keeps its bracket at its later use."""
    se = (
        "This study looked at genome-wide isolation of growth and obesity quantitative trait loci. "
        "The speed congenic strains constitute an invaluable genomic resource. They provide the foundation "
        "to find the specific nature of genetic variation influencing growth and obesity."
    )
    out = _explain(se)[0]
    assert out == (
        "This study looked at genome-wide isolation of growth and obesity quantitative trait loci. "
        "Quantitative trait loci are DNA regions that affect a trait. The speed congenic strains constitute an "
        "invaluable genomic resource. They provide the foundation to find the specific nature of genetic "
        "variation influencing growth and obesity (having too much body fat)."
    )


def test_never_between_a_claim_and_the_sentence_that_points_back_to_it() -> None:
    # bmc_sample s12864-019-6249-1 (the answer, then a caveat "This may be so, ..." as the composer writes it)
    se = (
        "This study identified many new quantitative trait loci for barley yellow dwarf resistance and some "
        "resistant wheat genotypes. This may be so, but it is not yet proven."
    )
    # never between them, and never the last sentence either (22, h22coch): the bracket at its first use
    assert _explain(se)[0] == (
        "This study identified many new quantitative trait loci (DNA regions that affect a trait) for barley "
        "yellow dwarf resistance and some resistant wheat genotypes. This may be so, but it is not yet proven."
    )


def test_no_explanation_where_the_page_says_it_or_no_sentence_reads_right() -> None:
    # the design sentence says what "retrospective" means (bmc_sample golden page: "The study looked
    # back at past records."): no sentence and no bracket
    se = "The study looked back at past records. A retrospective review of 181 patients was done."
    assert _explain(se)[0] == se
    # a definition that is a clause, or a plural for a singular term: the bracket, as before
    assert _say("randomised trial", "people were put into groups by chance", "") is None
    assert _say("CT scan", "detailed X-ray pictures", "a") is None
    assert _say("hysterectomy", "removal of the womb", "a") == "Hysterectomy means removal of the womb."
    assert _say("necrotising enterocolitis", "a serious bowel illness in babies", "") == (
        "Necrotising enterocolitis is a serious bowel illness in babies."
    )
