"""The simple explanation's long sentences split where a rule is sure (composer 12, h12se): a
trailing participle said as "This <verb>s ...", ", so <clause>" as its own sentence, and a lone
connective ("So,", "Ultimately,") that points back to a sentence the field does not say dropped.
Each case is a sentence a bmc_sample or elife_dev page (non-reserved subjects) said in composer 11.
"""

from __future__ import annotations

import pytest

from pipeline.domain import Article, DraftFields
from pipeline.draft.composer.compress import compress
from pipeline.draft.composer.fields import names_species
from pipeline.draft.composer.shorten import split_participle_tail
from pipeline.draft.composer.simplify import split_clauses
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields


@pytest.fixture(scope="module")
def model() -> str:
    return Settings().spacy_model


@pytest.mark.parametrize(
    ("said", "pieces"),
    [
        (
            # elife_dev eLife.02687 (Biochemistry): present tense, "leads"
            "Rabex-5CC assumes an amphipathic α-helix which binds weakly to the substrate-binding site of "
            "the GEF domain, leading to weak autoinhibition of the GEF activity.",
            [
                "Rabex-5CC assumes an amphipathic α-helix which binds weakly to the substrate-binding site "
                "of the GEF domain.",
                "This leads to weak autoinhibition of the GEF activity.",
            ],
        ),
        (
            # elife_dev eLife.01206 (Neuroscience): "raising the possibility" is a hedge of its own
            "The neuromuscular junction and CNS nerve cells share these features, raising the possibility "
            "that secondary calcium sources are common among synapses with prominent asynchronous release.",
            [
                "The neuromuscular junction and CNS nerve cells share these features.",
                "This raises the possibility that secondary calcium sources are common among synapses with "
                "prominent asynchronous release.",
            ],
        ),
        (
            # elife_dev eLife.01339 (Cell biology)
            "The observations shed light on the evolution of the tRNA pool, showing that mutation in the "
            "anticodons of tRNA genes is a common adaptive mechanism when meeting new translational demands.",
            [
                "The observations shed light on the evolution of the tRNA pool.",
                "This shows that mutation in the anticodons of tRNA genes is a common adaptive mechanism when "
                "meeting new translational demands.",
            ],
        ),
    ],
)
def test_a_trailing_participle_is_said_as_this(model: str, said: str, pieces: list[str]) -> None:
    assert split_participle_tail(said, model) == pieces


@pytest.mark.parametrize(
    "said",
    [
        # elife_dev eLife.03159 (Developmental biology): "suggest" and "can" frame the consequence
        # too; "This leads to ..." alone would state it as proven
        "The results suggest that CB1R can quickly change the nerve cell cytoskeleton through actomyosin "
        "contractility, leading to cellular remodeling events ultimately able to affect the brain architecture "
        "and wiring.",
        # a negated clause: what "leading to" follows is not what happened
        "The drug did not reduce tumour growth in the first year of the trial, leading to early closure.",
        # elife_dev eLife.06119 (Biophysics): two participles joined by "and"; "This leads to a zigzag
        # topology ... and suggesting that ..." would be no sentence
        "F1Fo ATP synthase complexes are inclined by 16° relative to the crystal plane, leading to a zigzag "
        "topology of the membrane and suggesting that monomeric bovine heart F1Fo ATP synthase by itself is "
        "enough to deform lipid bilayers.",
        # a participle with no reviewed object after it ("showing complex patterns", eLife) stays
        "The researchers dissect the relationship between protein and mRNA levels across the cell cycle, "
        "showing complex, gene-specific patterns.",
    ],
)
def test_a_participle_under_a_hedge_or_negation_stays(model: str, said: str) -> None:
    assert split_participle_tail(said, model) is None


def test_a_past_clause_gives_a_past_verb(model: str) -> None:
    # the tense is the clause's own: "reduced" -> "led"
    assert split_participle_tail(
        "The fusion of the two proteins reduced tumour growth in mice, leading to longer survival.", model
    ) == ["The fusion of the two proteins reduced tumour growth in mice.", "This led to longer survival."]


def test_so_and_a_clause_is_its_own_sentence() -> None:
    # bmc_sample 10.1186/s12934-019-1205-y
    said = (
        "The stress tolerances of the engineered yeast strain showed tolerance to several toxins, so it may "
        "serve as a chassis for cell factories to produce target products."
    )
    assert split_clauses(said, 15) == [
        "The stress tolerances of the engineered yeast strain showed tolerance to several toxins.",
        "So it may serve as a chassis for cell factories to produce target products.",
    ]
    # "so that" is a purpose, not a consequence: never split there
    assert (
        len(
            split_clauses("The dose was lowered in every patient of the trial, so that side effects fell.", 8)
        )
        == 1
    )


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            # bmc_sample 10.1186/s12864-019-6255-3
            "So, rhythmic control of highly expressed genes can effectively reduce the energetic cost of "
            "transcription.",
            "Rhythmic control of highly expressed genes can effectively reduce the energetic cost of transcription.",
        ),
        (
            # bmc_sample 10.1186/s12964-019-0448-x
            "Ultimately, the findings show the existence of an RNA-based communication which may be of "
            "critical importance for the establishment of pregnancy.",
            "The findings show the existence of an RNA-based communication which may be of critical importance "
            "for the establishment of pregnancy.",
        ),
        (
            # "So far," says when: it stays
            "So far, no drug has been shown to reduce the energetic cost of transcription in these patients.",
            "So far, no drug has been shown to reduce the energetic cost of transcription in these patients.",
        ),
    ],
)
def test_a_lone_connective_that_points_back_is_dropped(model: str, said: str, kept: str) -> None:
    assert compress(said, model, 12).text == kept


# Pages drafted from their real abstracts (one batch for the module).
PAGES = (
    "10.1186/1471-2202-7-19",  # "... in ADAM11-deficient mice": the topic names the mice itself
    "10.1186/s12864-019-6255-3",  # "... in mouse organs"
    "10.1186/1471-213X-6-3",  # a mouse study whose topic ends "in mice"
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in PAGES]
    return dict(zip(PAGES, compose_fields(articles), strict=True))


def test_an_animal_topic_names_its_species_once(pages: dict[str, DraftFields]) -> None:
    for doi in PAGES:
        topic = pages[doi].simple_explanation.split(". ")[0]
        assert topic.startswith("This study "), topic
        assert not topic.startswith("This study in mice"), topic
        assert " mice" in topic or " mouse" in topic, topic
        # the caveat still says where the result holds
        assert "Results in mice may not be the same in people." in pages[doi].simple_explanation


@pytest.mark.parametrize(
    ("topic", "species", "named"),
    [
        ("looked at problems in spatial learning in ADAM11-deficient mice.", "mice", True),  # 1471-2202-7-19
        (
            "asked if a single factor dominates rhythmic genes in mouse organs.",
            "mice",
            True,
        ),  # s12864-019-6255-3
        # elife_dev eLife.00999 (Developmental biology): "Drosophila" is no plain "fruit flies"
        (
            "asked if Brahma is essential for Drosophila intestinal stem cell growth.",
            "fruit flies",
            False,
        ),
        ("looked at quantitative trait analysis of lung tolerance to zinc oxide.", "mice", False),
    ],
)
def test_a_topic_names_its_species_only_in_plain_words(topic: str, species: str, named: bool) -> None:
    assert names_species(topic, species) is named
