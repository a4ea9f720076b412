"""Facts on real BMC abstracts, checked by hand against the abstract text."""

from __future__ import annotations

import re

import pytest

from pipeline.domain import NOT_SPECIFIED, Article, Facts
from pipeline.enrich.facts import extract_facts, extract_facts_batch

NS = NOT_SPECIFIED
# doi: (design, participants value, participant count, study period); read off each abstract by hand.
HAND_CHECKED = {
    "10.1186/s12891-022-05070-w": ("validation study", "38 community-ambulators", 38, NS),
    "10.1186/s13019-016-0404-4": ("retrospective cohort", "One hundred eighty-one patients", 181, "2002 to 2013"),
    "10.1186/1752-1947-8-272": ("case report", "A 70-year-old Korean male", 1, NS),
    "10.1186/s12880-018-0245-9": ("case report", "a 73-year-old man", 1, NS),
    "10.1186/1472-6874-12-16": (NS, "514 Sulaimaniyah Kurdish women", 514, "2008 to 2010"),
    "10.1186/s40697-015-0090-5": ("cross-sectional", "194 HD patients", 194, NS),
    "10.1186/s13031-015-0065-2": ("cross-sectional", "600 households", 600, NS),
    "10.1186/s13002-015-0067-6": ("qualitative", "46 informants", 46, "2012 to 2014"),
    "10.1186/s13034-015-0086-z": ("qualitative", NS, None, "July to October 2014"),
    "10.1186/s13037-015-0087-0": (
        "cohort", "Twenty-six patients with acute acromioclavicular joint instability", 26, NS),
    "10.1186/s13229-015-0059-3": (NS, "Sixty-six typically developing adults", 66, NS),
    "10.1186/1472-6831-8-11": ("validation study", "119 patients", 119, NS),
    # 21 (h21bmc): "2007 to 2008" was the window the sampled trial reports were indexed on PubMed, not
    # when the interviews ran (the page said "The study ran from 2007 to 2008")
    "10.1186/s13063-014-0536-6": ("qualitative", "59 trialists", 59, NS),
    "10.1186/s13063-014-0531-y": ("protocol", "198 participants", 198, "6 months"),
    "10.1186/s13063-014-0525-9": ("protocol", "300 children", 300, NS),
    "10.1186/s13063-014-0527-7": ("protocol", "285 adults with aphasia", 285, NS),
    "10.1186/1745-6215-16-2": ("protocol", "2,200 adult ambulatory patients", 2200, NS),
    # 62 + 31 + 6 recruited by three routes: no total stated (was "62 participants", one route's; h22bmc)
    "10.1186/1745-6215-16-1": ("randomised controlled trial", NS, None, NS),
    "10.1186/s13034-015-0087-y": ("systematic review", NS, None, NS),
    # two groups share one noun: 24 + 25 people (was "25 BC individuals", 25)
    "10.1186/1471-2407-5-141": (NS, "24 non-BC and 25 BC individuals", 49, NS),
}  # fmt: skip


@pytest.fixture(scope="module")
def checked(bmc_articles: dict[str, Article], nlp) -> dict[str, tuple[Article, Facts]]:
    articles = [bmc_articles[doi] for doi in HAND_CHECKED]
    return {a.doi: (a, f) for a, f in zip(articles, extract_facts_batch(articles, nlp), strict=True)}


def _assert_span(article: Article, fact) -> None:
    if fact.span is not None:
        text = article.sections[fact.span.section].text
        assert text[fact.span.start : fact.span.end] == fact.span.text


@pytest.mark.parametrize("doi", list(HAND_CHECKED))
def test_hand_checked_record(doi: str, checked) -> None:
    article, facts = checked[doi]
    design, participants, count, period = HAND_CHECKED[doi]
    assert facts.design.value == design
    assert facts.participants.value == participants
    assert facts.participant_count == count
    assert facts.study_period.value == period


@pytest.mark.parametrize("doi", list(HAND_CHECKED))
def test_spans_point_at_source_and_numbers_are_verbatim(doi: str, checked) -> None:
    article, facts = checked[doi]
    for fact in (facts.design, facts.evidence_level, facts.participants, facts.study_period):
        _assert_span(article, fact)
    source = article.abstract_plain
    for value in (facts.participants.value, facts.study_period.value):
        for number in re.findall(r"\d[\d,.]*\d|\d", value):
            assert number in source, (number, value)


def test_bmc_msk_record_has_38_participants(bmc_articles, nlp) -> None:
    facts = extract_facts(bmc_articles["10.1186/s12891-022-05070-w"], nlp)
    assert facts.participant_count == 38
    assert "Musculoskeletal Medicine" in facts.categories
    assert facts.relevance > 0.5


def test_a_measure_built_or_tested_is_a_validation_study(bmc_articles, nlp) -> None:
    # round 17 (h17fields): "The Prejudice towards People with Mental Illness (PPMI) scale: structure
    # and validity" was an "interview study" from "we undertook a thematic analysis of existing
    # conceptualisations and measures" (bmc s12888-018-1871-z); its "content validity", "exploratory
    # factor" and "confirmatory factor" analyses and "factor structure" say what it is
    facts = extract_facts(bmc_articles["10.1186/s12888-018-1871-z"], nlp)
    assert facts.design.value == "validation study"
    # round 18 (h18fields): CEBM's diagnosis column ranks a measure tested with no independent reference
    # standard at Level 4 (round 17 gave "Not specified")
    assert facts.evidence_level.value == "Level 4 (validation study)"
    # "The pre-screening of four RCTs ... was analyzed retrospectively": no review counting its RCTs
    four = extract_facts(bmc_articles["10.1186/s13063-014-0535-7"], nlp)
    assert four.design.value == "retrospective cohort"


def test_trials_protocols_and_completed_trials(bmc_articles, nlp) -> None:
    trials = [a for a in bmc_articles.values() if a.journal == "Trials"]
    by_doi = {a.doi: f for a, f in zip(trials, extract_facts_batch(trials, nlp), strict=True)}
    for article in trials:
        planned = "protocol" in article.title.lower() or any(
            s.label == "Methods/Design" for s in article.sections
        )
        assert (by_doi[article.doi].design.value == "protocol") == planned, article.title
    assert by_doi["10.1186/1745-6215-16-1"].evidence_level.value == "Level 2 (randomised controlled trial)"
    protocol = by_doi["10.1186/s13063-014-0531-y"]
    assert protocol.evidence_level.value == NOT_SPECIFIED
    assert protocol.design.detail["planned_design"] == "randomised controlled trial"


def test_evidence_levels_are_consistent(checked) -> None:
    for _article, facts in checked.values():
        level = facts.evidence_level.value
        assert level == NOT_SPECIFIED or re.fullmatch(r"Level [1-5] \([a-z -]+\)", level), level
    assert checked["10.1186/1752-1947-8-272"][1].evidence_level.value == "Level 4 (case report)"
    assert checked["10.1186/s40697-015-0090-5"][1].evidence_level.value == "Level 4 (cross-sectional)"


def test_genomics_and_mouse_papers_are_not_clinical(bmc_articles, nlp) -> None:
    genomic = bmc_articles["10.1186/s12864-019-6152-9"]
    mouse = bmc_articles["10.1186/1471-2202-6-33"]
    g, m = extract_facts_batch([genomic, mouse], nlp)
    assert g.design.value == "genomic / computational analysis"
    assert m.design.value == "animal study"
    assert g.evidence_level.value == m.evidence_level.value == NOT_SPECIFIED
    assert g.relevance < 0.3


def test_batch_equals_single_and_is_deterministic(bmc_articles, nlp) -> None:
    articles = list(bmc_articles.values())[:12]
    batch = extract_facts_batch(articles, nlp)
    again = extract_facts_batch(articles, nlp)
    single = [extract_facts(a, nlp) for a in articles[:4]]
    assert [f.to_dict() for f in batch] == [f.to_dict() for f in again]
    assert [f.to_dict() for f in batch[:4]] == [f.to_dict() for f in single]


def test_categories_are_taxonomy_labels(checked) -> None:
    from pipeline.enrich.categories import load_taxonomy

    labels = {c.label for c in load_taxonomy()}
    for _, facts in checked.values():
        assert 0.0 <= facts.relevance <= 1.0
        assert len(facts.categories) <= 3
        assert set(facts.categories) <= labels


@pytest.mark.parametrize(
    ("doi", "was"),
    [
        ("10.1186/s12860-019-0231-2", "105 transformants"),
        ("10.1186/s13007-018-0382-8", "220 screened T1 plants"),
        ("10.1186/s12896-019-0568-9", "20 putative DNA promoters"),
        ("10.1186/s12864-019-6214-z", "21 QTL clusters"),
        ("10.1186/s12864-019-6049-7", "20,356 alternative splicing events"),
        ("10.1186/s12864-019-6023-4", "4 light signal transduction elements"),
    ],
)
def test_lab_nouns_with_a_people_ending_are_not_participants(doi: str, was: str, bmc_articles, nlp) -> None:
    # "-ants", "-ers", "-ents" made transformants, plants, promoters, clusters, events and elements
    # look like people; the page then said "105 transformants" took part (lead's BMC read, round 11)
    article = bmc_articles[doi]
    assert was in article.abstract_plain
    assert extract_facts(article, nlp).participants.value == NOT_SPECIFIED
