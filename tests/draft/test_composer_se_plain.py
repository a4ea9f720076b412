"""The simple explanation in fewer, plainer words (composer 11, h11se): each rewrite on a sentence
a bmc_sample or elife_dev page said, and the pages themselves, drafted from their real abstracts.

Every rewrite keeps the sentence's numbers, identifiers, negations and hedges; a sentence a rule
is unsure of stays as it was.
"""

from __future__ import annotations

import pytest

from pipeline.domain import Article, DraftFields
from pipeline.draft.composer.shorten import plainer, split_and_clause
from pipeline.draft.composer.simplify import Realiser
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

# The pages below, drafted once for the module (one batch).
PAGES = (
    "10.1186/s13031-015-0065-2",  # "Soap is not enough: handwashing practices ... in refugee camps"
    "10.1186/s12934-019-1227-5",  # "In silico-guided engineering of Pseudomonas putida towards growth ..."
    "10.1186/s13068-019-1560-2",  # "Respirometry experiments show that xylose increases ..."
    "10.1186/s12920-019-0526-3",  # "A boy was found to have de novo rearrangements ..."
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in PAGES]
    return dict(zip(PAGES, compose_fields(articles), strict=True))


@pytest.fixture(scope="module")
def realiser() -> Realiser:
    return Realiser({}, None, frozenset(), [], Settings().spacy_model)


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        # elife_dev eLife.02860 (plant biology), as the page said it: a report frame with no hedge
        (
            "The researchers show that D6PKs and PID have differential phosphosite preferences.",
            "D6PKs and PID have differential phosphosite preferences.",
        ),
        # elife_dev eLife.00813: a data frame; a lower-case claim word is capitalised
        (
            "NMR data show that calcium binding to the regulatory module generates large conformational "
            "changes that are incompatible with the inactive assembly.",
            "Calcium binding to the regulatory module generates large conformational changes that are "
            "incompatible with the inactive assembly.",
        ),
        # bmc_sample 10.1186/1471-2407-14-367: "was found to improve" is the finite verb
        (
            "The fusion of 16E7SH to the Zera® peptide was found to improve the immune responses.",
            "The fusion of 16E7SH to the Zera® peptide improved the immune responses.",
        ),
        # bmc_sample 10.1186/s13045-017-0462-7: "significantly" beside a result stated with its direction
        (
            "Phospho-PR expression and target gene programs were significantly linked to invasive lobular cancer.",
            "Phospho-PR expression and target gene programs were linked to invasive lobular cancer.",
        ),
    ],
)
def test_an_editor_s_cut_keeps_the_claim(said: str, plain: str) -> None:
    assert plainer(said) == plain


@pytest.mark.parametrize(
    "said",
    [
        # a hedge frames the claim: kept (eLife.00007's page)
        "The results suggest that trypsin protease inhibitors function against specialists by improving "
        "indirect defense.",
        # a negation: "did not differ significantly" is not "did not differ" (GRADE: non-significant
        # is not "no effect"), nor is "no significant difference" "no difference"; since composer 19
        # both are said "did not clearly differ" (tests/draft/test_composer_se_round19.py)
        # cochrane eval half CD006208.pub3 (read after the final run): not "none of the studies reduced harm"
        "None of the studies led to a significant reduction in patient harm.",
        # a gene whose case a capital would change ("mr-s" is not "Mr-s"; elife/bmc mr-s page)
        "The researchers show that mr-s may function as a transcriptional repressor.",
        # "significant" that is no statistic of a result
        "A significant proportion of patients had diabetes.",
        # ... or says which ones, with no direction (cochrane mine half CD007502.pub2)
        "The quality of life domains with significant effect sizes included self-reported reduced use of "
        "health care resources.",
    ],
)
def test_a_rewrite_the_rules_are_unsure_of_is_not_made(said: str) -> None:
    assert plainer(said) == said


def test_effect_nouns_become_their_verbs_with_tense_and_modal() -> None:
    # the reviewed table: reduction -> reduce, improvement -> improve, increase -> rose
    assert plainer("Treatment resulted in a significant reduction in pain scores at 6 months.") == (
        "Treatment reduced pain scores at 6 months."
    )
    assert (
        plainer("Exercise may result in an improvement in sleep quality.")
        == "Exercise may improve sleep quality."
    )
    assert plainer("There was a significant increase in blood pressure in the 12 treated rats.") == (
        "Blood pressure rose in the 12 treated rats."
    )


def test_two_clauses_joined_by_a_comma_and_are_two_sentences(realiser: Realiser) -> None:
    # bmc_sample 10.1186/s13287-018-0851-z: the parse of the whole sentence reads "platelet-derived
    # growth factor-BB" as a second subject of "promotes"; the clause after ", and" parsed alone
    # has its own subject and verb
    text = (
        "Platelet-rich plasma promotes human adipose-derived stem cell growth, and platelet-derived "
        "growth factor-BB in platelet-rich plasma plays a major role in inducing the growth of human "
        "adipose-derived stem cells."
    )
    assert split_and_clause(text, realiser.spacy_model, realiser.tagger) == [
        "Platelet-rich plasma promotes human adipose-derived stem cell growth.",
        "Platelet-derived growth factor-BB in platelet-rich plasma plays a major role in inducing the "
        "growth of human adipose-derived stem cells.",
    ]
    # a second verb of the same subject is no clause of its own (elife_dev eLife.02833: the parse
    # alone of "Implicate precisely positioned ..." reads a name as its subject)
    assert (
        split_and_clause(
            "The findings provide a molecular definition of the homeotic domains, and implicate precisely "
            "positioned H3K27 modifications as a central determinant of segment identity.",
            realiser.spacy_model,
            realiser.tagger,
        )
        is None
    )
    assert (
        split_and_clause(
            "The homozygous knockout mice lacked enzyme activity in the liver, and had a 3-fold increase "
            "in circulating amino acids.",
            realiser.spacy_model,
            realiser.tagger,
        )
        is None
    )


def test_the_pages_say_it_plainly(pages: dict[str, DraftFields]) -> None:
    soap = pages["10.1186/s13031-015-0065-2"].simple_explanation
    assert "asked if soap is not enough" not in soap, soap  # a negated title is no question
    assert "looked at handwashing practices" in soap, soap
    putida = pages["10.1186/s12934-019-1227-5"].simple_explanation
    assert "towards growth." not in putida, putida  # a goal cut from what makes it one
    assert "under micro-oxic conditions" in putida, putida
    xylose = pages["10.1186/s13068-019-1560-2"].simple_explanation
    assert "Respirometry experiments show" not in xylose and "7.3-fold" in xylose, xylose
    boy = pages["10.1186/s12920-019-0526-3"].simple_explanation
    assert "A boy had de novo rearrangements on five chromosomes." in boy, boy
