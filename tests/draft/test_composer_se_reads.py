"""How the simple explanation reads on primary research (composer 10, h10se): who took part said
with their condition after "people", a title that is a full sentence asked as "whether".
Real abstracts (bmc_sample, elife_dev)."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.fields import _people_with, _title_claim
from pipeline.lab.datasets import SHARED_DATA, load_pairs, pair_to_article
from pipeline.settings import Settings
from tests.conftest import article_from_record, load_bmc_records
from tests.draft.conftest import compose_fields


@pytest.fixture(scope="module")
def drafts() -> dict[str, DraftFields]:
    """bmc_sample 1471-2407-5-141 and elife_dev eLife.05322 and eLife.00007, drafted in one batch."""
    path = SHARED_DATA / "elife_dev" / "pairs.jsonl"
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    bmc = article_from_record(next(r for r in load_bmc_records() if r["id"].endswith("1471-2407-5-141")))
    pairs = {p.id.rsplit("/", 1)[-1]: p for p in load_pairs(path, None)}
    elife = [pair_to_article(pairs[i]) for i in ("eLife.05322", "eLife.00007")]
    return dict(zip(("bmc", "elife", "volatiles"), compose_fields([bmc, *elife]), strict=True))


def test_people_are_counted_before_their_condition(drafts: dict[str, DraftFields]) -> None:
    """Composer 9 wrote "25 bronchogenic cancer people took part." ("25 BC individuals" in the
    abstract): a disease before "people" reads as a kind of people. Round 23 (h23words): the defined
    long form keeps its words ("bronchogenic carcinoma", swaps.fixed_names)."""
    simple = drafts["bmc"].simple_explanation
    # both groups are said (round 10: "24 non-BC and 25 BC individuals" is one participants phrase)
    assert (
        "24 people without bronchogenic carcinoma and 25 with bronchogenic carcinoma took part." in simple
    ), simple
    assert "carcinoma people" not in simple and "cancer people" not in simple, simple


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("40 asthma patients", "40 patients with asthma"),
        ("twelve type 2 diabetes patients", "twelve patients with type 2 diabetes"),
        ("One hundred eighty-one patients", "One hundred eighty-one patients"),
        ("514 Sulaimaniyah Kurdish women", "514 Sulaimaniyah Kurdish women"),
        ("25 healthy people", "25 healthy people"),
    ],
)
def test_only_a_disease_moves_after_people(phrase: str, said: str) -> None:
    assert _people_with(phrase) == said


def test_a_title_that_is_a_sentence_is_asked_with_whether(drafts: dict[str, DraftFields]) -> None:
    """eLife.05322, titled "YcgC represents a new protein deacetylase family in prokaryotes":
    composer 9 wrote "This study looked at YcgC represents a new ...", no sentence."""
    simple = drafts["elife"].simple_explanation
    assert simple.startswith("This study asked if YcgC represents a new protein deacetylase family"), simple
    assert "looked at YcgC represents" not in simple, simple


@pytest.mark.parametrize(
    ("title", "claim"),
    [
        # real titles (elife_dev, bmc_sample) that composer 9 put after "looked at"
        ("YcgC represents a new protein deacetylase family in prokaryotes", True),
        ("Stapled Golgi cisternae remain in place as cargo passes through the stack", True),
        (
            "SLY1 and Syntaxin 18 specify a distinct pathway for procollagen VII export from the endoplasmic reticulum",
            True,
        ),
        ("SCRaMbLE generates evolved yeasts with increased alkali tolerance", True),
        (
            "Improved use of a public good selects for the evolution of undifferentiated multicellularity",
            True,
        ),
        # noun phrases the parse might read as claims stay topics
        (
            "Functional analysis of GhCHS, GhANR and GhLAR in colored fiber formation of Gossypium hirsutum L",
            False,
        ),
        ("Systems biology approaches for advancing the discovery of effective drug combinations", False),
        ("Longitudinal linear combination test for gene set analysis", False),
    ],
)
def test_a_title_is_a_claim_only_when_it_has_a_finite_verb(title: str, claim: bool) -> None:
    assert _title_claim(title, Settings().spacy_model) is claim


def test_a_long_topic_says_what_a_tool_is_and_where_apart() -> None:
    """Composer 9: "This study looked at DAIRYdb, a manually curated reference database for
    improved taxonomy annotation of 16S rRNA gene sequences." (19 words) and "This study asked
    whether xylose utilization stimulates ... in Saccharomyces cerevisiae." (17 words): the name
    and what it is, the claim and its organism, are two short sentences."""
    ids = ("s12864-019-5914-8", "s13068-019-1560-2")
    records = [next(r for r in load_bmc_records() if r["id"].endswith(i)) for i in ids]
    dairy, xylose = (f.simple_explanation for f in compose_fields([article_from_record(r) for r in records]))
    assert dairy.startswith(
        "This study looked at DAIRYdb. It is a manually curated reference database for improved taxonomy"
    ), dairy
    assert xylose.startswith(
        "This study asked if xylose utilization stimulates mitochondrial production of isobutanol and "
        "2-methyl-1-butanol. This was in Saccharomyces cerevisiae."
    ), xylose


def test_the_role_of_a_thing_in_a_process_is_not_split() -> None:
    """Only a place, organism or people is said apart ("This was in Arabidopsis."), never the
    thing a topic is about ("the role of X in Y" keeps Y), nor a claim's own words."""
    from pipeline.draft.composer.fields import _WHO_OR_WHERE

    assert _WHO_OR_WHERE.fullmatch("Saccharomyces cerevisiae")
    assert _WHO_OR_WHERE.fullmatch("older women with HIV")
    assert not _WHO_OR_WHERE.fullmatch("hemodialysis patients lack link with clinical measures")
    assert not _WHO_OR_WHERE.fullmatch("the mouse embryo")
    assert not _WHO_OR_WHERE.fullmatch("HIV infection")


def test_a_claim_title_is_never_cut_right_after_its_verb(drafts: dict[str, DraftFields]) -> None:
    """eLife.00007, "Herbivory-induced volatiles function as defenses increasing fitness of the
    native plant Nicotiana attenuata in nature": composer 9 cut it at "as" and asked "whether
    herbivory-induced volatiles function", which says nothing."""
    simple = drafts["volatiles"].simple_explanation
    assert simple.startswith("This study asked if herbivory-induced volatiles function as defenses"), simple
