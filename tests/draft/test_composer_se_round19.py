"""The simple explanation in round 19 (h19se): a difference that was not statistically significant
said as lay reviews say it ("did not clearly differ", "no clear difference"), with what differed as
the subject where the sentence is one "There was no significant difference in X between A and B";
"to recommend the use of X" said "to recommend X". Each case is a sentence of a cochrane_val mine-half
or BMC sample page's draft (composer 18).
"""

from __future__ import annotations

import pytest

from pipeline.draft.composer.shorten import plainer, shorten_sentence
from pipeline.draft.composer.simplify import Realiser
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def realiser() -> Realiser:
    return Realiser({}, None, frozenset(), [], Settings().spacy_model)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            # cochrane CD010010.pub3: a count noun takes its article
            "There was no significant difference in death rate between the vaccine and placebo groups.",
            "The death rate did not clearly differ between the vaccine and placebo groups.",
        ),
        (
            # cochrane CD006849.pub3: the groups named before what differed
            "There was no statistically significant difference between treatment groups in survival at 6 months, "
            "12 months and 24 months.",
            "Survival at 6 months, 12 months and 24 months did not clearly differ between treatment groups.",
        ),
        (
            # cochrane CD010336.pub2: a glossed term stays with its gloss
            "There was no statistically significant difference for deaths due to sepsis (a life-threatening "
            "reaction to infection) between the control and treatment group.",
            "Deaths due to sepsis (a life-threatening reaction to infection) did not clearly differ between "
            "the control and treatment group.",
        ),
        (
            # cochrane CD005090.pub2: no groups named, so it stays a sentence about a difference
            # ("Treatment failure did not clearly differ." leaves the reader asking: from what?)
            "There was no significant difference in treatment failure.",
            "There was no clear difference in treatment failure.",
        ),
        (
            # cochrane CD006001.pub2
            "Deaths and complications were not significantly different in the two groups.",
            "Deaths and complications did not clearly differ in the two groups.",
        ),
        (
            # cochrane CD004591.pub3
            "There was not a statistically significant effect on weight gain.",
            "There was no clear effect on weight gain.",
        ),
        (
            # cochrane CD002007.pub4: "any" after a negation
            "The pooled analysis did not show any significant differences between monotherapy and combination "
            "therapy, in lung function; symptom scores; side effects; and bacteriological results measured.",
            "The pooled analysis did not show any clear differences between monotherapy and combination "
            "therapy, in lung function; symptom scores; side effects; and bacteriological results measured.",
        ),
        (
            # cochrane CD006857.pub2: "or" in what differed ("A or B did not differ" is no English for
            # it): only the word changes
            "There were no significant differences between groups for persistent symptoms, recurrence following "
            "treatment, or re-infection following treatment.",
            "There were no clear differences between groups for persistent symptoms, recurrence following "
            "treatment, or re-infection following treatment.",
        ),
        (
            # cochrane CD001018: a negation in the groups compared keeps the sentence's shape
            "There was no significant difference in BMI between women using unopposed oestrogen and people not "
            "using hormone replacement therapy.",
            "There was no clear difference in BMI between women using unopposed oestrogen and people not "
            "using hormone replacement therapy.",
        ),
        (
            # bmc 1472-6874-12-16
            "No significant differences in estrogen receptor or HER2 status were found between Kurdish and Arabic "
            "patients.",
            "No clear differences in estrogen receptor or HER2 status were found between Kurdish and Arabic "
            "patients.",
        ),
    ],
)
def test_a_difference_not_significant_is_said_plainly(text: str, plain: str, realiser: Realiser) -> None:
    assert plainer(text, realiser.tagger) == plain


@pytest.mark.parametrize(
    "text",
    [
        # cochrane CD006325.pub3: a significant difference with its direction stays as the review says it
        "A significant difference in the occurrence of toxicities in favour of methotrexate was found.",
        # a result that is not a difference: "significant" here is the title's question (bmc s12864-019-5870-3)
        "This study asked if comprehensive assessment of many biases in small RNA sequencing shows significant "
        "differences.",
    ],
)
def test_other_significance_is_left(text: str, realiser: Realiser) -> None:
    assert plainer(text, realiser.tagger) == text


def test_recommend_the_use_of_says_the_treatment(realiser: Realiser) -> None:
    # cochrane CD009403.pub2 (24 words): "to recommend the use of X" says "to recommend X"
    text = (
        "There is an absence of evidence to recommend the use of vitamin B therapy alone or combination for "
        "delaying progression of diabetic kidney disease."
    )
    pieces = shorten_sentence(text, realiser, 15)
    assert " ".join(pieces).startswith(
        "There is an absence of evidence to recommend vitamin B therapy alone"
    ), pieces


def test_not_clearly_is_kept_when_the_sentence_is_compressed(realiser: Realiser) -> None:
    # cochrane CD006849.pub3 (17 words once said plainly): compress's filler cut took "clearly" and
    # left "did not differ", a stronger claim than a difference that was not significant
    text = (
        "There was no statistically significant difference between treatment groups in survival at 6 months, "
        "12 months and 24 months."
    )
    said = " ".join(shorten_sentence(plainer(text, realiser.tagger), realiser, 15))
    assert "did not clearly differ" in said, said


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # composer 15's cases of a rewrite the rules were unsure of (tests/draft/test_composer_se_plain.py):
        # a difference that was not significant is never said as no difference
        (
            "Pain scores did not differ significantly between the groups.",
            "Pain scores did not clearly differ between the groups.",
        ),
        (
            "There was no significant difference in blood pressure between the groups.",
            "Blood pressure did not clearly differ between the groups.",
        ),
    ],
)
def test_not_significant_is_never_no_difference(text: str, plain: str, realiser: Realiser) -> None:
    said = plainer(text, realiser.tagger)
    assert said == plain
    assert "did not differ" not in said and "no difference" not in said
