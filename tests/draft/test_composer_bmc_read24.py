"""Round 24 (h24bmc): BMC and eLife pages of the round-24 read (pick20 seeds 449 and 457) and the
brief's known leftovers, each composed from its real abstract; each test failed on the round's
start commit (babdb1d)."""

from __future__ import annotations

from tests.draft.conftest import bmc_or_elife_fields

_pages = bmc_or_elife_fields


def test_pages_of_the_read() -> None:
    pages = _pages(
        # "Heterozygous genotype individuals showed significantly higher HGF expression" (Qinchuan
        # cattle): the finding said "Heterozygous genotype people"
        "10.1186/s40104-015-0059-3",
        # "We investigate the in vivo patterns of stem cell divisions in the human hematopoietic system
        # ... of 356 healthy individuals": "This was an animal study of 356 healthy individuals." and
        # "an about kept stem cell population" for "an approximately maintained stem cell population"
        "10.7554/eLife.08687",
        # "The examined tick populations had a low diversity ...": "The looked at tick populations"
        "10.1186/s13071-019-3813-0",
    )
    cattle = pages["10.1186/s40104-015-0059-3"]
    assert "people showed" not in " ".join(cattle.key_findings)
    assert "Heterozygous genotype individuals showed" in " ".join(cattle.key_findings)
    assert "cattle" in cattle.simple_explanation
    telomeres = pages["10.7554/eLife.08687"]
    assert "animal" not in telomeres.research_summary
    assert "in animals" not in telomeres.simple_explanation
    assert "about kept" not in telomeres.simple_explanation
    ticks = pages["10.1186/s13071-019-3813-0"].simple_explanation
    assert "The looked at" not in ticks
    assert "The examined tick populations" in ticks


def test_an_aim_the_page_says_already_leaves_what_was_done_alone() -> None:
    # bmc 1471-2156-6-32: its simple explanation says "... using a taste-salient assay to map the major
    # quantitative trait locus for quinine taste", so "The aim was to map ..." repeated it and the
    # summary kept the whole 26-word sentence
    summary = _pages("10.1186/1471-2156-6-32")["10.1186/1471-2156-6-32"].research_summary
    did = "The researchers used brief-access behavioral taste testing of BXD/Ty recombinant inbred mouse strains."
    assert did in summary
    assert "strains to map" not in summary


def test_a_share_of_them_needs_what_they_are() -> None:
    # bmc s12864-019-5985-6: "Duplicated genes account for 41.7% of them" (of the 48 BdGRAS genes, said in
    # the sentence before, which the simple explanation left out)
    page = _pages("10.1186/s12864-019-5985-6")["10.1186/s12864-019-5985-6"]
    assert "of them" not in page.simple_explanation
    assert "41.7%" not in page.simple_explanation
