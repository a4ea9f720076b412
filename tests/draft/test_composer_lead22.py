"""Round 22 (lead): what the blind read of 20 eval-half pages (seed 263, composer 21's drafts) found
that a general rule can mend: a certainty the abstract never gave ("strong (high certainty)" from
"insufficient high-quality evidence"; "moderate" from "very low to moderate quality"), a key finding
that said a concession without the main clause it led to, an answer cut inside its list, the answer
never said because the tagger read no verb in "The results of this review suggest ...", research
advice said as the answer, a review's plain result between two conclusion sentences read as a
result, and key findings that state no result. Real sentences of cochrane_val (ids beside each)."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.plan import certainties, claim_head, no_result_kind
from pipeline.draft.composer.simplify import lay_text
from pipeline.draft.rewrite import known_abbreviations, plain_phrases
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        # CD012085: a range that opens on "very low" states it
        (
            "Evidence of very low to moderate quality indicates that MCE showed no benefit over spinal "
            "manipulative therapy.",
            ["very low", "moderate"],
        ),
        # CD008721
        (
            "There was very low or low quality evidence from RCTs for the efficacy and safety of anti-VEGF agents.",
            ["very low", "low"],
        ),
        # CD012815: evidence that is missing states no level
        (
            "We are very uncertain of the effect of marine-derived n-3 PUFAs therapy on functional outcomes "
            "and dependence after stroke as there is insufficient high-quality evidence.",
            [],
        ),
        ("More high-quality evidence is needed.", []),
        # CD009467: said of the body of evidence, and a risk of bias is no level
        (
            "Overall, the quality of the body of evidence was very low, as we rated most studies as being at "
            "high or unclear risk of bias.",
            ["very low"],
        ),
        ("The certainty of the evidence was low due to high risk of bias.", ["low"]),
        # still read: CD000028
        ("Antihypertensive drug treatment reduced all-cause mortality (high-certainty evidence).", ["high"]),
    ],
)
def test_certainty_levels_stated(text: str, levels: list[str]) -> None:
    assert certainties(text) == levels


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Study sizes ranged from 33 to 123 people.", "design"),  # CD012085
        ("The median number of participants per RCT was 40.", "design"),  # CD008721
        (
            "Most studies needed one-to-one counselling between a healthcare worker and a mother.",
            "design",
        ),  # CD007647
        ("The remainder were unclear risk of bias in one or more domains.", "quality"),  # CD008721
        (
            "Risk of bias was generally low or unclear in most trials, with a higher risk of bias in smaller studies.",
            "quality",
        ),  # CD012815
        ("There was no evidence of small-study bias for enrolment.", "quality"),  # CD007131
        (
            "The quality of the evidence was low or very low across different results according to the GRADE method.",
            "quality",
        ),  # CD011756
        ("Most of the data were for the 6 mg dose.", "reporting"),  # CD009665
        (
            "Studies measuring functionality might consider starting the treatment as early as possible after "
            "the event.",
            "outlook",
        ),  # CD012815
    ],
)
def test_what_the_studies_were_like_is_no_key_finding(text: str, kind: str) -> None:
    assert no_result_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Risk of bias was low in most trials, and pain was lower with acupuncture than with sham.",
        "Most studies found that sleep was longer with later school start times.",
        "The quality of the evidence was higher for pain than for function.",
    ],
)
def test_results_beside_those_words_stay_findings(text: str) -> None:
    assert no_result_kind(text) is None


def test_the_last_item_of_a_list_is_no_side_statement() -> None:
    # CD012410: the answer was cut to "... on mortality, hepatic encephalopathy."
    text = (
        "The results of this review suggest a possible beneficial effect of L-ornithine L-aspartate on "
        "mortality, hepatic encephalopathy, and serious adverse events in comparisons with placebo or "
        "no-intervention, but, because the quality of the evidence is very low, we are very uncertain about "
        "these findings."
    )
    assert claim_head(text).endswith("serious adverse events in comparisons with placebo or no-intervention.")


def test_the_results_of_this_review_are_the_results() -> None:
    assert plain_phrases("The results of this review suggest a possible beneficial effect of X.") == (
        "The results suggest a possible beneficial effect of X."
    )


@pytest.mark.parametrize(
    ("text", "lay"),
    [
        # CD003162: an outcome heading glued to the sentence that repeats it
        (
            "Adverse effects Adverse effects were infrequently reported.",
            "Adverse effects were infrequently reported.",
        ),
        (
            "Complete resolution of vertigo Complete resolution of vertigo occurred significantly more often in "
            "the Epley treatment group (odds ratio (OR) 4.42, 95% confidence interval (CI) 2.62 to 7.44).",
            "Complete resolution of vertigo occurred significantly more often in the Epley treatment group.",
        ),
        # CD012815: the aside's closing comma between subject and verb
        (
            "Mood (assessed with GHQ-30, lower score better), was reported by only one study and favoured "
            "control (mean difference (MD) 1.41, 95% CI 0.07 to 2.75; 102 participants).",
            "Mood was reported by only one study and favoured control.",
        ),
        # never two different names that share a first word
        ("Vitamin D and Vitamin E were given.", "Vitamin D and Vitamin E were given."),
    ],
)
def test_glued_headings_and_an_asides_comma(text: str, lay: str) -> None:
    assert lay_text(text, {}) == lay


@pytest.fixture(scope="module")
def pages() -> dict[str, object]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    ids = ["CD012085", "CD012815.pub2", "CD008587.pub2", "CD000028.pub3", "CD012410.pub2"]
    drafted = compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])
    return dict(zip(ids, drafted, strict=True))


def test_the_certainty_said_is_the_one_the_abstract_gives(pages: dict[str, object]) -> None:
    se = pages["CD012085"].simple_explanation  # type: ignore[attr-defined]
    assert "very low to moderate certainty" in se and "fairly strong" not in se
    se = pages["CD012815.pub2"].simple_explanation  # type: ignore[attr-defined]
    assert "high certainty" not in se and "very uncertain" in se


def test_research_advice_is_neither_answer_nor_finding(pages: dict[str, object]) -> None:
    fields = pages["CD012815.pub2"]
    said = " ".join([fields.simple_explanation, *fields.key_findings])  # type: ignore[attr-defined]
    assert "might consider" not in said and "as well as." not in said


def test_a_concession_is_never_a_finding_without_its_main_clause(pages: dict[str, object]) -> None:
    for finding in pages["CD008587.pub2"].key_findings:  # type: ignore[attr-defined]
        assert "less likely to miss" not in finding or "unnecessary referrals" in finding


def test_a_reviews_plain_result_between_its_conclusions_is_the_answer(pages: dict[str, object]) -> None:
    se = pages["CD000028.pub3"].simple_explanation  # type: ignore[attr-defined]
    assert "reduced deaths from any cause" in se.split(". ")[0]


def test_the_answers_list_is_said_whole(pages: dict[str, object]) -> None:
    se = pages["CD012410.pub2"].simple_explanation  # type: ignore[attr-defined]
    assert "The results suggest a possible helpful effect of L-ornithine L-aspartate" in se
    assert "liver encephalopathy, and serious side effects" in se


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CD011756 (eval half): "FFP" beside plasma and bleeding
        (
            "We are very uncertain whether FFP reduces minor procedure-related bleeding within 24 hours of the study.",
            {"FFP": "fresh frozen plasma"},
        ),
        # CD008721: both retina short forms
        (
            "Eight RCTs recruited people eligible for PRP. People receiving anti-VEGF were less likely to have "
            "vitreous haemorrhage in people with PDR.",
            {"PRP": "panretinal photocoagulation", "PDR": "proliferative diabetic retinopathy"},
        ),
        # CD012085: low back pain's motor control exercise
        (
            "MCE showed no benefit over spinal manipulative therapy in patients with acute low back pain.",
            {"MCE": "motor control exercise"},
        ),
        # CD010357: the third sense of NPA, named by what it is compared with
        (
            "Two studies failed to find a difference in the risk of death when given anaesthesia by NPAs "
            "compared with physician anaesthetists.",
            {"NPA": "non-physician anaesthetist"},
        ),
        # never the other senses: platelet-rich plasma, myocardial contrast echocardiography
        ("PRP injections were compared with platelet-poor plasma for retinal tears.", {}),
        ("MCE showed myocardial perfusion defects in patients with lumbar pain and chest pain.", {}),
    ],
)
def test_short_forms_the_read_found_undefined(text: str, expected: dict[str, str]) -> None:
    found = known_abbreviations(text)
    assert {k: v for k, v in found.items() if k in ("FFP", "PRP", "PDR", "MCE", "NPA")} == expected
