"""Round 18 (h18main): the main result said first and true on reviews (issue 14 items 1 and 4);
cochrane_val mine-half pages of the classes the seed-199 blind read (eval half) and the lead's reads
left."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
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
    assert "Pembrolizumab probably reduces the risk of death from any cause." in pembro.simple_explanation
    assert eaus.key_findings[0].startswith("Severe anal incontinence at less than six months was reduced")
