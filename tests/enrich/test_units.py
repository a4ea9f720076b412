"""Small extractors on short real-style sentences."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.domain import NOT_SPECIFIED, Article, Fact, Section
from pipeline.enrich.categories import FALLBACK_CATEGORY, pick_categories
from pipeline.enrich.evidence import evidence_fact, evidence_label
from pipeline.enrich.facts import extract_facts
from pipeline.enrich.participants import words_to_int
from pipeline.enrich.period import period_fact
from pipeline.enrich.relevance import relevance
from pipeline.enrich.sections import section_role


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patients treated between 2006 and 2012 were reviewed.", "2006 to 2012"),
        ("We included cases from January 2006 to December 2012.", "2006 to 2012"),
        ("Data for 2006–2012 were analysed.", "2006 to 2012"),
        ("Outcomes were assessed after 12 months of follow-up.", "12 months"),
        ("The median follow-up was 24 months.", "24 months"),
        ("Participants were aged 10 to 50 years.", NOT_SPECIFIED),
    ],
)
def test_period(text: str, value: str) -> None:
    fact = period_fact([Section("Methods", text)])
    assert fact.value == value
    if fact.span:
        assert text[fact.span.start : fact.span.end] == fact.span.text


@pytest.mark.parametrize(
    ("text", "review", "value"),
    [
        # two trials' publication years are no study period (cochrane CD012293)
        ("Two trials published in 1989 and 1993 compared the antifibrinolytic agent TXA with placebo.", True,
         NOT_SPECIFIED),
        ("Two trials from 1989 and 1993 compared TXA with placebo.", False, NOT_SPECIFIED),
        # publication years are the reports', not the study's (CD002007, CD003464)
        ("Six of the included trials were published between 1977 and 1988; the rest later.", True, NOT_SPECIFIED),
        ("Years of publication ranged from 1971 to 2011.", True, NOT_SPECIFIED),
        # when the included trials were done is the review's period (CD001531)
        ("We found 15 randomised-controlled trials of pedestrian safety education programmes, conducted "
         "between 1976 and 1997.", True, "1976 to 1997"),
        # one trial's follow-up is not a review's (CD011668)
        ("Two trials had a follow-up of nine months, and three trials a follow-up of 31 to 70 months.", True,
         NOT_SPECIFIED),
        ("A single trial reported 12-month follow-up, which revealed a sustained effect.", True, NOT_SPECIFIED),
        # an averaged follow-up over the review's studies is (CD008919), and a study's own follow-up
        ("Median follow-up was eight weeks.", True, "eight weeks"),
        ("A single trial reported 12-month follow-up, which revealed a sustained effect.", False, "12 month"),
        # the end of a range is not the period (CD003286)
        ("Six trials including 1382 participants followed for six to 12 months were included.", True,
         "six to 12 months"),
        ("Knee pain in the short term (2 to 12 weeks follow-up) did not differ.", False, "2 to 12 weeks"),
    ],
)  # fmt: skip
def test_period_of_a_review_and_of_reports(text: str, review: bool, value: str) -> None:
    assert period_fact([Section(None, text)], review=review).value == value


def test_period_ignores_background() -> None:
    assert (
        period_fact([Section("Background", "Incidence rose between 1990 and 2000.")]).value == NOT_SPECIFIED
    )


def test_words_to_int() -> None:
    assert words_to_int(["One", "hundred", "eighty", "-", "one"]) == 181
    assert words_to_int(["Sixty", "-", "six"]) == 66
    assert words_to_int(["patients"]) is None


def test_section_roles() -> None:
    assert section_role("Methods/Design") == "methods"
    assert section_role("Case presentation") == "case"
    assert section_role("Trial registration") == "skip"
    assert section_role(None) == "unlabelled"


def test_evidence_mapping() -> None:
    assert evidence_label("randomised controlled trial") == "Level 2 (randomised controlled trial)"
    assert evidence_label("case series") == "Level 4 (case series)"
    assert (
        evidence_label("systematic review", "12 trials were included")
        == "Level 1 (systematic review of trials)"
    )
    for design in ("protocol", "animal study", "in vitro / laboratory", "genomic / computational analysis"):
        assert evidence_label(design) == NOT_SPECIFIED
    assert evidence_fact(Fact(NOT_SPECIFIED)).value == NOT_SPECIFIED


def test_pick_categories_and_relevance() -> None:
    assert pick_categories({"Neurology": 10.0, "Oncology": 1.0, "Rehabilitation": 5.0}) == [
        "Neurology",
        "Rehabilitation",
    ]
    assert pick_categories({}) == [FALLBACK_CATEGORY] == ["General Medicine"]
    assert relevance({}) == 0.0
    assert 0.9 < relevance({"Spinal Cord Injury": 40.0}) <= 1.0


def test_seed_like_abstract(nlp) -> None:
    text = (
        "We retrospectively reviewed 101 consecutive patients with hip neurogenic myositis ossificans "
        "operated between 2006 and 2012 after spinal cord injury or traumatic brain injury."
    )
    article = Article(
        source="test", source_id="x", title="CT assessment", sections=[Section("Methods", text)]
    )
    facts = extract_facts(article, nlp)
    assert facts.participants.value == "101 consecutive patients with hip neurogenic myositis ossificans"
    assert facts.participant_count == 101
    assert facts.study_period.value == "2006 to 2012"
    assert "Spinal Cord Injury" in facts.categories
    assert facts.relevance > 0.3


def test_no_false_counts(nlp) -> None:
    text = "Ambulatory participants aged 10 to 50 years were tested; 95% confidence intervals were computed in 2019."
    article = Article(source="test", source_id="y", title="t", sections=[Section("Methods", text)])
    facts = extract_facts(article, nlp)
    assert facts.participants.value == NOT_SPECIFIED
    assert facts.participant_count is None


def test_import_loads_no_spacy() -> None:
    code = "import sys, pipeline.enrich, pipeline.enrich.facts; print('spacy.lang.en' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_get_nlp_is_cached(nlp) -> None:
    from pipeline.enrich.nlp import get_nlp

    assert get_nlp() is nlp


def test_shared_pipeline_loads_no_named_entity_recognizer(nlp) -> None:
    """No stage reads named entities, so the shared pipeline does not load the recognizer (round
    13: 0.13 s of CPU of every process's model load); the analyses the stages read are those of
    the model loaded whole. Sentence from 10.1186/s12891-022-05070-w (BMC sample, Methods)."""
    import spacy

    from pipeline.settings import Settings

    assert "ner" not in nlp.component_names
    text = (
        "Intraclass correlation coefficients with 95% confidence intervals and minimal detectable "
        "changes at the 90% and 95% confidence level were calculated."
    )
    whole = spacy.load(Settings().spacy_model)
    assert "ner" in whole.component_names

    def analysis(doc) -> list[tuple[str, str, str, int, str, str]]:  # type: ignore[no-untyped-def]
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in doc]

    assert analysis(nlp(text)) == analysis(whole(text))
