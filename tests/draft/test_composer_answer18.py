"""Round 18 (h18main): the main result said first and true on reviews (issue 14 items 1 and 4);
cochrane_val mine-half pages of the classes the seed-199 blind read (eval half) and the lead's reads
left."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.plan import no_result_kind, question_verdict
from pipeline.draft.extractive import get_segmenter
from pipeline.draft.sentences import build_sentences
from pipeline.settings import Settings
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])


@pytest.fixture(scope="module")
def sentences():
    nlp = get_segmenter(Settings().spacy_model, "rule")
    return lambda text: [s.text for s in build_sentences([None], [nlp(text)])]


def test_a_run_in_heading_is_no_part_of_its_sentence(sentences) -> None:
    """CD012838.pub2, CD011192.pub3, CD012537.pub2: a Cochrane run-in heading with no colon (or a colon
    and a small letter after it) stays in the text; it was read as the sentence's first words."""
    said = sentences(
        "Results were reported after a median follow-up of 14.1 months (range 9.9 to 22.1 months). "
        "Primary outcomes Pembrolizumab probably reduces the risk of death from any cause (hazard ratio (HR) "
        "0.73, 95% confidence interval (CI) 0.59 to 0.90; moderate certainty evidence). "
        "Primary outcomes: calcium supplementation commencing before conception may make little or no "
        "difference to the risk of pre-eclampsia (69/296 versus 82/283). "
        "Quality of evidence We downgraded the low-quality outcomes twice due to serious study limitations "
        "(risk of bias) and imprecision. "
        "Key results: primary outcomes Two trials found no difference in pain."
    )
    assert said[1].startswith("Pembrolizumab probably reduces the risk of death"), said
    assert said[2].startswith("Calcium supplementation commencing before conception"), said
    assert said[3].startswith("We downgraded the low-quality outcomes twice"), said
    assert said[4] == "Two trials found no difference in pain.", said
    # a heading's words that open a sentence (CD002057.pub4) are kept
    (kept,) = sentences(
        "Secondary outcomes that included data from all three trials showed no significant differences."
    )
    assert kept.startswith("Secondary outcomes that included")


def test_the_answer_is_said_without_its_heading() -> None:
    """CD012838.pub2 said "Main measures Pembrolizumab probably reduces the risk of death from any cause."
    (the heading "Primary outcomes", swapped) and a key finding "Other measures Pembrolizumab may have
    little or no effect on disease progression."; CD010826.pub2's first key finding opened "Other
    measures Severe anal incontinence ..."."""
    pembro, eaus = _cochrane("CD012838.pub2", "CD010826.pub2")
    said = " ".join([pembro.simple_explanation, *pembro.key_findings, *eaus.key_findings])
    assert "measures" not in said.lower(), said
    # the death result is said once, not beside "probably improves overall survival" in the simple
    # explanation (round 21, h21main), nor as a key finding that says the answer again (round 22, h22coch):
    # in the research summary, with its hazard ratio
    assert not any("risk of death" in f for f in pembro.key_findings), pembro.key_findings
    assert pembro.research_summary.startswith(
        "Pembrolizumab probably reduces the risk of death from any cause"
    )
    # (round 22, h22coch: the severe anal incontinence result, the answer again, is said by the research summary)
    assert "Severe anal incontinence at less than six months was reduced" in eaus.research_summary


def test_a_verdict_on_the_reviews_question_is_said_first() -> None:
    """CD005240.pub2 said "mandatory pre-licence training may be an impediment to completing a motorcycle
    licensing process" and never its verdict; CD006407.pub2 said "overall mortality was not statistically
    significantly different" over "no conclusions ... about the comparative effectiveness of ..."."""
    riders, anemia = _cochrane("CD005240.pub2", "CD006407.pub2")
    assert "could not draw any conclusions about the benefit of rider training" in riders.simple_explanation
    assert "impediment" not in riders.simple_explanation
    assert "could not draw any conclusions about the comparative benefit" in anemia.simple_explanation


def test_a_verdict_on_one_outcome_is_no_answer() -> None:
    # CD003013 (suicide, beside lithium's efficacy), CD006739 (one measure), a long-term side
    assert question_verdict(
        "Due to the poor quality of studies identified, we were unable to draw any conclusions about the "
        "effectiveness of rider training on crash, injury, or offence rates."
    )
    assert not question_verdict(
        "Small absolute numbers of deaths and suicides, and the absence of data on non-fatal suicidal "
        "behaviours, made it impossible to draw meaningful conclusions about the place of lithium therapy "
        "in suicide prevention."
    )
    assert not question_verdict(
        "No definite conclusions could be drawn from published data on sitagliptin and vildagliptin effects "
        "on measurements of beta-cell function."
    )
    assert not question_verdict("We were unable to draw any conclusions about the long-term effects of X.")


def test_a_review_of_one_trial_is_not_empty() -> None:
    """CD006325.pub3: "For other combinations of treatment including and not including MTX no studies were
    identified." (one part's) made it "The review found no studies it could include." although "We did
    identify a RCT comparing MTX with cisplatin (n=30 children)"."""
    (page,) = _cochrane("CD006325.pub3")
    assert "no studies" not in page.simple_explanation, page.simple_explanation
    assert page.simple_explanation.startswith("The review found only one study.")


def test_what_neither_trial_reported_is_no_finding() -> None:
    """CD008319.pub3: "Neither trial reported on the need for more antibiotics ..." (one comparison's
    trials) was a key finding, while in the other comparison one trial reported no difference in it."""
    assert no_result_kind(
        "Neither trial reported on the need for more antibiotics or the time to the next flare-up."
    )
    assert no_result_kind("None of the trials reported a significant difference in pain.") is None
    # CD008831.pub3: a result
    assert no_result_kind("No study reported major differences between groups about side effects.") is None
    (page,) = _cochrane("CD008319.pub3")
    assert not any(k.startswith("Neither trial") for k in page.key_findings), page.key_findings


def test_a_quality_sentence_is_not_what_the_review_found() -> None:
    """CD006780.pub3 said "The overall quality of the included trials was considered fair to good." as
    its answer; its result sits in a concession before what is still unknown ("While this review
    identified the use of heparin to be associated with ... reduction in risk of perinatal mortality ...,
    there is a lack of reliable information ...")."""
    (page,) = _cochrane("CD006780.pub3")
    se = page.simple_explanation
    assert "quality" not in se, se
    # (composer 22 says the reduction as its direction: "a lower risk of", h22se)
    assert "heparin to be linked to a lower risk of deaths around the time of birth" in se, se


def test_a_sentence_glued_after_a_statistics_bracket_is_its_own(sentences) -> None:
    """CD005215.pub3: "... (RR 2.22, ...; high quality evidence) A combination of educational and
    contraceptive-promoting interventions appears to reduce unintended pregnancy among adolescents." has no
    full stop after the bracket; the run-on was no candidate, and the review's answer was never said (it
    said "Evidence for programme effects on biological measures is limited."). A heading glued to its
    sentence after a bracket with no statistics (CD006425.pub4, "(SoF) This comparison ...") stays."""
    said = sentences(
        "The use of hormonal contraceptives was significantly higher in adolescents in the intervention group "
        "compared to those in the control group (RR 2.22, 95% CI 1.07 to 4.62; 2 studies, 3,091 participants, "
        "high quality evidence) A combination of educational and contraceptive-promoting interventions appears "
        "to reduce unintended pregnancy among adolescents. Breastfeeding education session versus usual care, "
        "pooled analyses for 'Summary of findings' (SoF) This comparison does not include cluster trials."
    )
    assert said[0].endswith("high quality evidence)."), said
    assert said[1].startswith("A combination of educational"), said
    assert said[2].startswith("Breastfeeding education session versus usual care"), said
    (page,) = _cochrane("CD005215.pub3")
    assert (
        "A combination of educational and contraceptive-promoting interventions appears to reduce unintended "
        "pregnancy among adolescents." in page.simple_explanation
    ), page.simple_explanation
