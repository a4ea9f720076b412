"""Round 25 (h25se): the simple explanation explains up to two kept terms in short sentences of their own
(params.explain_sentences; issue 14 items 1-2). Each page is composed from its real abstract; each test
fails on the round's start commit (b5c494f), where a page explained one term and bracketed or left the
second."""

from __future__ import annotations

from pipeline.draft.composer.fields import explanation
from pipeline.draft.composer.templates import load_templates
from pipeline.settings import Settings
from pipeline.text.swaps import explain_first_use
from tests.draft.conftest import bmc_or_elife_fields

_pages = bmc_or_elife_fields


def test_two_kept_terms_explained_in_sentences() -> None:
    pages = _pages(
        # the chromosome and the trait locus: only the first was explained
        "10.1186/1471-2156-6-32",
        # "mutation (a change in the DNA)" bracketed inside a 30-word sentence beside "Embryos are ..."
        "10.7554/eLife.01566",
        # "quantitative trait loci (DNA regions that affect a trait)" bracketed in the topic
        "10.1186/ar2108",
    )
    locus = pages["10.1186/1471-2156-6-32"].simple_explanation
    assert "A chromosome is a thread-like package of DNA in cells." in locus
    assert "Quantitative trait locus is a DNA region that affects a trait." in locus
    cilia = pages["10.7554/eLife.01566"].simple_explanation
    assert "Mutation is a change in the DNA." in cilia
    assert "(a change in the DNA)" not in cilia
    arthritis = pages["10.1186/ar2108"].simple_explanation
    assert "Quantitative trait loci are DNA regions that affect a trait." in arthritis
    assert "(DNA regions that affect a trait)" not in arthritis


def _say(term: str, define: str, article: str) -> str | None:
    return explanation(load_templates(Settings().prompts_dir), term, define, article)


def test_no_term_of_a_definition_just_written_is_explained() -> None:
    # elife_dev eLife.00745 (composer 24's simple explanation): "proteins" is said only by the receptors'
    # definition; explaining it next ("Proteins are molecules ...") explains the page's own words
    se = (
        "This study asked if scaffold nucleoporins Nup188 and Nup192 share structural and functional "
        "properties with nuclear transport receptors. The structure has distant similarity with flexible "
        "S-shaped nuclear transport receptors. The results suggest this, but do not prove it."
    )
    out = explain_first_use([se], [], sentence=_say, sentences=2)[0][0]
    assert "Receptors are proteins that pick up signals." in out
    assert "Proteins are" not in out
