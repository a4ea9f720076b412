"""Round 25 (h25bmc): BMC and eLife pages of the round-25 read (pick20 seeds 461 and 467) and the
brief's known leftovers, each composed from its real abstract; each test failed on the round's
start commit (b5c494f)."""

from __future__ import annotations

from tests.draft.conftest import bmc_or_elife_fields

_pages = bmc_or_elife_fields


def test_pages_of_the_read() -> None:
    pages = _pages(
        # a theory of grid cells: "This prediction could be tested experimentally in flying bats,
        # arboreal monkeys, or marine mammals." made it "This study in monkeys ..." and "Tested in
        # Monkeys Only"; without the monkeys, "grid-cell activity patterns" made it a lab study
        "10.7554/eLife.05979",
        # "... could not be identified using clinical parameters alone" read "... and could not be found."
        "10.1186/s40697-015-0090-5",
        # "Leber's congenital amaurosis (LCA)" was written out "leber's congenital amaurosis"
        "10.1186/1471-2202-6-5",
        # wild tobacco: "the consequences of volatile emission for individuals and neighbors" read
        # "... for people and neighbors" (the brief's leftover)
        "10.7554/eLife.04490",
    )
    grid = pages["10.7554/eLife.05979"]
    assert "monkeys" not in grid.simple_explanation
    assert "in the lab" not in grid.simple_explanation
    assert grid.research_summary.startswith("The work was done by computer.")
    assert "Animal results may not apply to people" not in grid.limitations
    dialysis = pages["10.1186/s40697-015-0090-5"].simple_explanation
    assert "could not be found." not in dialysis
    assert "clinical measures alone" in dialysis
    retina = pages["10.1186/1471-2202-6-5"]
    assert "Leber's congenital amaurosis" in retina.simple_explanation
    assert "leber's" not in " ".join([retina.simple_explanation, *retina.key_findings])
    plants = pages["10.7554/eLife.04490"].simple_explanation
    assert "for people" not in plants
    assert "for individuals and neighbors" in plants


def test_a_short_form_title_said_once_and_plant_subjects_kept() -> None:
    pages = _pages(
        # "JOA: Joint Overlap Analysis of multiple genomic interval sets": "This study looked at Joint
        # Overlap Analysis, Joint Overlap Analysis of many genomic interval sets." (the brief's leftover)
        "10.1186/s12859-019-2698-4",
        # Arabidopsis hypocotyls: "model organisms preferred subjects of investigation" read "... preferred
        # people of investigation"
        "10.7554/eLife.01567",
    )
    joa = pages["10.1186/s12859-019-2698-4"].simple_explanation
    assert joa.startswith("This study looked at Joint Overlap Analysis of many genomic interval sets.")
    assert "people of investigation" not in pages["10.7554/eLife.01567"].research_summary


def test_a_study_of_people_still_says_people() -> None:
    # guard: "individuals" beside no animal or plant are people (bmc s12920-019-0526-3, ~2100
    # individuals with congenital defects: "2100 people with various congenital defects took part.")
    page = _pages("10.1186/s12920-019-0526-3")["10.1186/s12920-019-0526-3"]
    assert "people with various congenital defects" in page.simple_explanation
