"""Practical implications and limitations of the composer (issue 14, item 5), on real abstracts.

Composer 5 gave most pages the same sentence ("These are the results of a single study, so other
studies need to confirm them." on 124 of 200 BMC pages), titled others with a sentence's first
words ("DDEC Enables", "Promoter Regions"), copied a method as an implication, left the abstract's
own "could help"/"should be considered" sentences to the key findings, and missed limitations
the abstract states. Each test below fails on composer 5.
"""

from __future__ import annotations

import re

import pytest

from pipeline.domain import Article, DraftFields
from pipeline.draft.base import make_backend
from pipeline.draft.sentences import SAME_WORDS, same_words
from pipeline.lab.measures import field_sentences
from pipeline.settings import Settings
from tests.conftest import BMC, COCHRANE, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import cochrane_article, facts_for

# The pages these tests read (BMC sample ids; one Cochrane review).
PR = "10.1186/s13045-017-0462-7"  # lab: phospho-PR "should be considered a useful marker"
FRANKINCENSE = "10.1186/1472-6882-9-6"  # lab: "might represent an alternative ... agent"
DDEC = "10.1186/1471-2407-9-219"  # a database: titles were "DDEC Enables", "Promoter Regions"
KURDISH = "10.1186/1472-6874-12-16"  # a population study of 514 women
LAMBDA = "10.1186/1471-2180-11-174"  # lab work on bacteriophage lambda
HIA = "10.1186/s13015-015-0062-4"  # a genome mapper (software)
VOLUME = (
    "10.1186/s40697-015-0090-5"  # its "Limitations:" section: "The volume assessment was performed once."
)
ACROMIO = "10.1186/s13037-015-0087-0"  # "this non-randomized cohort study"
ARB_REVIEW = "10.1002/14651858.CD003822.pub2"  # "the short duration of the trials"
_GENERIC = "These are the results of a single study, so other studies need to confirm them."


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[Article, DraftFields]]:
    wanted = {PR, FRANKINCENSE, DDEC, KURDISH, LAMBDA, HIA, VOLUME, ACROMIO}
    articles = [bmc_article(r) for r in read_jsonl(BMC) if r["id"] in wanted]
    articles += [cochrane_article(r) for r in read_jsonl(COCHRANE) if r["id"] == ARB_REVIEW]
    results = make_backend(Settings(), "composer").draft_batch(
        list(zip(articles, facts_for(articles), strict=True))
    )
    out = {}
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, Exception), f"{article.source_id}: {result}"
        out[article.source_id] = (article, result.fields)
    assert set(out) == wanted | {ARB_REVIEW}
    return out


def _texts(fields: DraftFields) -> list[str]:
    return [p.text for p in fields.practical_implications]


def test_the_abstracts_own_implication_is_used_attributed_and_titled(pages) -> None:  # type: ignore[no-untyped-def]
    """ "Clinical measurement of phosphorylated PRs should be considered a useful marker ..." is
    what the work means: it is an implication (said as the researchers' advice, titled by what it
    says), not left out for "One Study So Far"."""
    _, pr = pages[PR]
    point = next(p for p in pr.practical_implications if "useful marker" in p.text)
    assert point.text.startswith("The researchers suggest that clinical measurement of phosphorylated")
    assert point.title == "A Possible Test or Marker"
    _, oil = pages[FRANKINCENSE]
    assert any("might represent an alternative intravesical agent" in t for t in _texts(oil))
    assert not any("might represent an alternative" in k for k in oil.key_findings)  # not a result


def test_titles_are_meaningful_and_no_method_is_an_implication(pages) -> None:  # type: ignore[no-untyped-def]
    _, ddec = pages[DDEC]
    titles = [p.title for p in ddec.practical_implications]
    assert "DDEC Enables" not in titles and "Promoter Regions" not in titles
    assert not any(t.startswith("The researchers extracted") for t in _texts(ddec))
    assert "A Tool for Researchers" in titles
    for _, fields in pages.values():
        for point in fields.practical_implications:
            first_words = " ".join(point.text.split()[:2]).lower()
            assert point.title.lower() != first_words, point


def test_templates_name_the_studys_topic_instead_of_a_generic_sentence(pages) -> None:  # type: ignore[no-untyped-def]
    _, kurdish = pages[KURDISH]
    assert _GENERIC not in _texts(kurdish)
    assert any("Kurdish breast cancer" in t for t in _texts(kurdish))
    _, phage = pages[LAMBDA]
    assert any(
        t.startswith("This lab research on factors influencing lysis time stochasticity")
        for t in _texts(phage)
    )
    assert any("does not change health care today" in t for t in _texts(phage))
    _, hia = pages[HIA]
    assert any(p.title == "A Tool for Researchers" for p in hia.practical_implications)


def test_no_implication_repeats_another_field(pages) -> None:  # type: ignore[no-untyped-def]
    for source_id, (_, fields) in pages.items():
        sentences = field_sentences(fields)
        others = sentences["simple_explanation"] + sentences["key_findings"] + sentences["research_summary"]
        for x in sentences["practical_implications"]:
            assert all(same_words(x, y) < SAME_WORDS for y in others), (source_id, x)


def test_limitations_the_abstract_states_and_design_facts_are_listed(pages) -> None:  # type: ignore[no-untyped-def]
    """A "Limitations:" section's sentence, "non-randomized" and "the short duration of the
    trials" are limitations the abstract gives; composer 5 missed each."""
    _, volume = pages[VOLUME]
    assert any(re.search(r"\bvolume\b.*\bonce\b", x) for x in volume.limitations), volume.limitations
    _, acromio = pages[ACROMIO]
    assert "Groups were not randomly assigned" in acromio.limitations
    _, arb = pages[ARB_REVIEW]
    assert "Short follow-up" in arb.limitations
    for _, fields in pages.values():
        assert all(len(x.split()) <= 15 for x in fields.limitations), fields.limitations


def test_a_review_is_never_called_a_single_study(pages) -> None:  # type: ignore[no-untyped-def]
    """ "Forty six RCTs evaluated ..." (the plan found no review size): composer 5 told readers
    "These are the results of a single study"; a review is said to be as strong as its studies."""
    _, arb = pages[ARB_REVIEW]
    assert not any("single study" in t for t in _texts(arb)), _texts(arb)
    assert any("review" in t for t in _texts(arb))
