"""The simple explanation in round 18 (h18se): the primary-research topic, which carries a third of
the simple explanation's words at grade 12, said in two short sentences where the title names a
thing and then says what it is. Each case is a sentence of a BMC sample page that changed.
"""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.fields import _NAMED, _gerund_past, _title_claim
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

_BMC = (
    "10.1186/s12859-019-2999-7",  # "IRESpy: an XGBoost model for prediction of internal ribosome entry sites"
    "10.1186/s41065-019-0093-9",  # "Bread wheat: a role model for plant domestication and breeding"
    "10.1186/s13029-019-0072-6",  # "IPCAPS: an R package for iterative pruning to capture population structure"
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    articles = [bmc_article(r) for r in read_jsonl(BMC) if r["id"] in _BMC]
    return {a.source_id: f for a, f in zip(articles, compose_fields(articles), strict=True)}


def test_a_name_then_what_it_is_are_two_sentences(pages: dict[str, DraftFields]) -> None:
    # bmc s12859-019-2999-7: "This study looked at IRESpy, an XGBoost model for prediction of internal
    # ribosome entry sites." (15 words) was one sentence: "an XGBoost" opens on a capital
    se = pages["10.1186/s12859-019-2999-7"].simple_explanation
    assert se.startswith(
        "This study looked at IRESpy. It is an XGBoost model for prediction of internal ribosome entry sites."
    ), se
    # bmc s41065-019-0093-9: a lower-case name of two words
    se = pages["10.1186/s41065-019-0093-9"].simple_explanation
    assert se.startswith("This study looked at bread wheat. It is a role model for plant domestication"), se
    # bmc s13029-019-0072-6: the article agrees with the letter said aloud ("an R package", not "a R")
    se = pages["10.1186/s13029-019-0072-6"].simple_explanation
    assert se.startswith("This study looked at IPCAPS. It is an R package for iterative pruning"), se


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "de novo Assembly Quality Evaluation Tool, a framework to compute a consolidated metric",
            "de novo Assembly Quality Evaluation Tool",
        ),  # bmc s12864-019-6070-x
        ("mr-s, a new sterile alpha motif domain protein", "mr-s"),  # bmc 1471-213X-6-15
        ("HIA, a genome mapper using hybridization", "HIA"),
        # "It is a kinase" would be the role, not the kinase: a name with a preposition is no name
        ("the role of Foo1, a kinase of the cell cycle", None),
        ("A, B, C and D", None),
    ],
)
def test_only_a_name_without_a_preposition_is_said_apart(body: str, name: str | None) -> None:
    m = _NAMED.match(body)
    assert (m.group("name") if m else None) == name


@pytest.mark.parametrize(
    ("title", "claim"),
    [
        # elife_dev titles said "This study looked at ... share / use / confines ...", no sentence
        (
            "Scaffold nucleoporins Nup188 and Nup192 share structural and functional properties with nuclear "
            "transport receptors",  # eLife.00745
            True,
        ),
        (
            "Synchronous and asynchronous modes of synaptic transmission use different calcium sources",
            True,
        ),  # eLife.01206
        (
            "A sphingolipid-dependent diffusion barrier confines endoplasmic reticulum stress to the yeast mother cell",
            True,
        ),  # eLife.01883
        (
            "The equatorial position of the metaphase plate ensures symmetric cell divisions",
            True,
        ),  # eLife.05124
        ("MOF-associated complexes ensure stem cell identity and Xist repression", True),  # eLife.02024
        (
            "Flowering time and seed dormancy control use external coincidence to generate life history strategy",
            True,
        ),  # eLife.05557
        # the nouns stay topics
        ("Antibiotic use in children with acute otitis media", False),
        ("The use of different calcium sources in synapses", False),
        ("Market share of generic drugs", False),
    ],
)
def test_a_title_with_a_plural_claim_verb_is_asked(title: str, claim: bool) -> None:
    assert _title_claim(title, Settings().spacy_model) is claim


@pytest.mark.parametrize(
    "title",
    [
        # elife_dev eLife.05557 was "This study flowered time and seed dormancy control use ...": a
        # participle used as an adjective is no act of the study
        "Flowering time and seed dormancy control use external coincidence to generate life history strategy",
        "Emerging roles of long non-coding RNAs",
        "Circulating tumour cells in breast cancer",
    ],
)
def test_a_participle_adjective_is_not_what_the_study_did(title: str) -> None:
    assert _gerund_past(title) is None


def test_a_gerund_is_still_what_the_study_did() -> None:
    assert _gerund_past("Comparing the performance of two tests") == (
        "compared",
        "the performance of two tests",
    )
