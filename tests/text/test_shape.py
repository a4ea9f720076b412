"""a/an agreement (pipeline.text.shape.fix_articles), which every swap runs through: real abstract
sentences whose article the old rule broke ("an uninflamed" -> "a uninflamed": a "un-" word was
read as "uni-", said "yoo")."""

from __future__ import annotations

import pytest

from pipeline.draft import rewrite as rw
from pipeline.draft.composer.simplify import plain_words
from pipeline.text.shape import fix_articles

KEPT = [
    # bmc_sample / elife_dev / cochrane_val sentences, already right: fix_articles leaves them so
    "CRP values were calculated in patients with an uninflamed appendix (group A).",
    "Women sterilized after experiencing an unintended pregnancy were less likely to regret it.",
    "Surprisingly, mutant mice had an unaltered response to hypnotic doses of ethanol.",
    "1% had an unanticipated fetal anomaly, most often renal.",
    "Amniotic epithelial cells are a unique population of mesenchymal stem cells.",
    "Transgenics, an unusual approach for wheat improvement, still raises concerns.",
    # a capital A inside a sentence is a name's letter, not an article (elife_dev, bmc_sample)
    "Protein kinase A is a family of enzymes.",
    "The researchers compared how lamin A and progerin interact with other proteins.",
    "There was no difference in the success rates between group A and group B.",
    "There was an 8-point reduction in the upper number.",
]


@pytest.mark.parametrize("text", KEPT)
def test_right_articles_are_kept(text: str) -> None:
    assert fix_articles(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("This was a unconditional cash transfer.", "This was an unconditional cash transfer."),
        ("It was an union of two groups.", "It was a union of two groups."),
        (
            "They ran a 8-week trial and a 11-year follow-up.",
            "They ran an 8-week trial and an 11-year follow-up.",
        ),
        ("It was an 110-day study.", "It was a 110-day study."),
        ("A unintended effect was seen.", "An unintended effect was seen."),
        # bmc s13029-019-0072-6, s12859-019-2999-7: a lone capital and a name led by two capitals are
        # said letter by letter ("an R", "an XGBoost"); "a HeLa cell", "a T cell" stay
        ("It is a R package for iterative pruning.", "It is an R package for iterative pruning."),
        ("It is a XGBoost model for prediction.", "It is an XGBoost model for prediction."),
        ("It was a HeLa cell and a T cell.", "It was a HeLa cell and a T cell."),
    ],
)
def test_wrong_articles_are_fixed(text: str, fixed: str) -> None:
    assert fix_articles(text) == fixed


def test_a_swap_keeps_the_article_of_an_un_word() -> None:
    """The composer swaps words and then fixes every article of the sentence: a sentence with a
    swap ("assessed" -> "measured") kept its "an uninflamed" wrong before (cochrane/bmc wording)."""
    text = "Leukocyte counts were assessed in patients with an uninflamed appendix."
    out, swaps = plain_words(text, rw.load_glossary())
    assert [s.before for s in swaps] == ["assessed"]
    assert out == "Leukocyte counts were measured in patients with an uninflamed appendix."
