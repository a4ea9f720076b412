"""The animal a study used is the one the drafts name, not one the abstract compares with.

h9main's read (round 9) found a mouse study of the mammalian Pygopus genes (BMC Biology
1741-7007-5-15: "The pygopus gene of Drosophila ...", "... between mammals and Drosophila") and a
wasp study (eLife.01440: "well understood in Drosophila", "resembling Drosophila") both drafted as
work "in fruit flies": a factual error. The species now comes only from sentences that do not
name the animal to compare with it or as a gene's source; with none left, the drafts say
"animals"."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.plan import _studied_species
from pipeline.lab.datasets import load_pairs, pair_to_article
from tests.conftest import BMC, SHARED_DATA, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

ELIFE = SHARED_DATA / "elife_dev" / "pairs.jsonl"


def test_a_compared_animal_is_not_the_studied_one() -> None:
    pygo = (
        "The pygopus gene of Drosophila encodes an essential component. Targeted mutations were "
        "made in the two mammalian orthologs. This indicates a striking divergence of Pygopus "
        "function between mammals and Drosophila."
    )
    assert _studied_species(pygo) == "animals"
    # the studied animal still wins where it is named plainly
    assert _studied_species("Knockdown in zebrafish embryos caused defects. Unlike mice, ...") == "zebrafish"
    assert _studied_species("We treated mice with X. Mice lived longer than rats.") == "mice"


def test_the_drafts_of_a_mouse_and_a_wasp_study_say_no_fruit_flies() -> None:
    if not BMC.exists() or not ELIFE.exists():
        pytest.skip("shared data is not present")
    mouse = next(bmc_article(r) for r in read_jsonl(BMC) if r["id"] == "10.1186/1741-7007-5-15")
    wasp = next(pair_to_article(p) for p in load_pairs(ELIFE) if p.id == "10.7554/eLife.01440")
    for fields in compose_fields([mouse, wasp]):
        text = " ".join(
            [fields.simple_explanation, fields.research_summary, *fields.limitations]
            + [p.text for p in fields.practical_implications]
        )
        assert "fruit fl" not in text, text
        assert "animals" in text.lower() or "animal" in text.lower(), text


def test_an_animal_or_lab_page_says_once_that_it_is_not_about_people() -> None:
    """Round 9's scan of the drafts: 100+ animal and lab pages (BMC, eLife) said "The work was done
    in mice, not in people." and then "Results in mice may not be the same in people.", the same
    caveat twice in four sentences (BMC 1471-2326-6-6, a mouse study, whose topic sentence already
    says "This study in mice"; 1472-6882-9-6, cells). The topic names the animal, a lab page says
    where ("The work was done on cells in the lab."), and the caveat says what that means, once."""
    if not BMC.exists():
        pytest.skip("shared data is not present")
    ids = ("10.1186/1471-2326-6-6", "10.1186/1472-6882-9-6")
    articles = {r["id"]: bmc_article(r) for r in read_jsonl(BMC) if r["id"] in ids}
    mouse, cells = compose_fields([articles[i] for i in ids])
    for simple in (mouse.simple_explanation, cells.simple_explanation):
        assert "not in people" not in simple, simple
        assert simple.count("the same in people") == 1, simple
    assert mouse.simple_explanation.startswith("This study in mice"), mouse.simple_explanation
    assert "The work was done on cells in the lab." in cells.simple_explanation, cells.simple_explanation
