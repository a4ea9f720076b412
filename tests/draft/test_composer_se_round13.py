"""The simple explanation in round 13 (h13se): a caveat that points back ("This may be so, but it
is not yet proven.") follows a claim, never a method, an outlook or the topic. Each case is a
bmc_sample page composer 12 drafted with a caveat whose "this" pointed at nothing.
"""

from __future__ import annotations

import re

import pytest

from pipeline.domain import Article, DraftFields
from pipeline.draft.composer.fields import _states_claim
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

_POINTING = re.compile(
    r"^(?:This may be so|The results suggest this|This is likely|There is only limited evidence for this|"
    r"This result is not certain)"
)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # bmc s12874-018-0545-3: what the review did, not what it found
        ("Two types of literature were reviewed: guidance and published studies.", False),
        # bmc s12920-019-0508-5: the researchers' act ("benchmarked" is no result)
        (
            "The researchers benchmarked NeoMutate by simulating more than 10,000 bona fide cancer-related "
            "mutations into three well-characterized Genome in a Bottle reference samples.",
            False,
        ),
        # bmc s13059-019-1707-2: a belief about the next study
        ("The researchers believe it merits studying in a larger group.", False),
        # bmc s12870-019-1708-z: "built" is a past form states_result does not stem
        (
            "The researchers built the high-quality genome reference of the highly heterozygous I. trifida "
            "through a combined method.",
            False,
        ),
        # bmc s13229-015-0059-3: a result
        ("Cross-modal gaze-triggered attention is short-lived in people with high autistic traits.", True),
        # bmc s12859-018-2440-7: a result
        ("MuTect2 did the best among the callers tested, followed by MuSE and MuTect.", True),
        # elife_dev eLife.07540 (Chromosomes and gene expression): a present-tense passive states how
        # things are, though "were generated" would be a procedure
        (
            "Circular RNA in Schizosaccharomyces pombe is generated through an exon-containing lariat precursor.",
            True,
        ),
        # "The researchers ... found that": a result, however it opens
        ("The researchers developed a score and found that it predicted relapse.", True),
    ],
)
def test_what_a_caveat_can_point_at(sentence: str, claim: bool) -> None:
    assert _states_claim(sentence) is claim


# Pages drafted from their real abstracts (one batch for the module).
PAGES = (
    "10.1186/s12874-018-0545-3",  # "Two types of literature were reviewed: ... The results suggest this"
    "10.1186/s13059-019-1707-2",  # "The researchers believe it merits ... This may be so"
    "10.1186/s12920-019-0508-5",  # "The researchers benchmarked NeoMutate ... This may be so"
    "10.1186/s12864-019-5918-4",  # "... It provides new insights ...": no caveat before "It"
    "10.1186/s12870-019-1708-z",  # the caveat moves to after "This genome allows a better resolution ..."
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in PAGES]
    return dict(zip(PAGES, compose_fields(articles), strict=True))


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)


def test_a_pointing_caveat_follows_a_claim(pages: dict[str, DraftFields]) -> None:
    for doi, page in pages.items():
        said = _sentences(page.simple_explanation)
        for i, sentence in enumerate(said):
            if _POINTING.match(sentence):
                assert i > 0 and _states_claim(said[i - 1]), (doi, page.simple_explanation)
        # the hedge is still said: by the caveat after a claim or one that names what it is about
        assert re.search(r"\bmay\b|\bsuggest|not yet proven", page.simple_explanation), doi


def test_a_caveat_never_comes_between_a_claim_and_its_pronoun(pages: dict[str, DraftFields]) -> None:
    said = _sentences(pages["10.1186/s12864-019-5918-4"].simple_explanation)
    i = next(i for i, s in enumerate(said) if s.startswith("It provides new insights"))
    assert said[i - 1].startswith("This study shows previously unrecognized functions")
    assert "The study's claims may be true, but they are not yet proven." in said


def test_a_named_caveat_says_review_for_a_review(pages: dict[str, DraftFields]) -> None:
    # bmc s12874-018-0545-3: "This review defined ...": the review's claims, not "the study's"
    page = pages["10.1186/s12874-018-0545-3"].simple_explanation
    assert page.startswith("This review")
    assert page.endswith("The review's claims may be true, but they are not yet proven.")


def test_a_moved_caveat_follows_the_last_claim(pages: dict[str, DraftFields]) -> None:
    said = _sentences(pages["10.1186/s12870-019-1708-z"].simple_explanation)
    i = said.index("This may be so, but it is not yet proven.")
    assert said[i - 1].startswith("This genome allows a better resolution")
