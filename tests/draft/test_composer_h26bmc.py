"""Round 26 (h26bmc): eLife research summaries that said only the background (the read of pick seed 26
and a scan of all 360 elife_dev pages: 166 summaries said the background alone or nothing but the
setting), each composed from its real abstract; each test failed on the round's start commit (296cca4)."""

from __future__ import annotations

from pipeline.draft.composer.simplify import is_sentence
from tests.draft.conftest import bmc_or_elife_fields

_pages = bmc_or_elife_fields


def test_what_the_researchers_do_in_the_present_is_a_sentence() -> None:
    # "Here we determine the structure of Nup188." is "The researchers determine ..." after the
    # realiser: the plural present has no "-s", so it read as no sentence and the summary said
    # "Nucleocytoplasmic transport is mediated by nuclear pore complexes ..." (elife 00745)
    assert is_sentence("Here the researchers determine the structure of Nup188.")
    assert not is_sentence("The researchers of the structure of Nup188.")
    page = _pages("10.7554/eLife.00745")["10.7554/eLife.00745"]
    assert page.research_summary == "The researchers determine the structure of Nup188."


def test_what_was_done_then_what_was_found() -> None:
    pages = _pages(
        # "Here we describe a novel system (LocoMouse) ..." said, its result on ataxic mice not: every
        # result was too long for a summary sentence
        "10.7554/eLife.07892",
        # "In this study, we reconstitute full-length hKif15 ... in vitro to gain insight ..." then
        # "We reveal that hKif15 is a plus-end-directed processive homotetramer ..."
        "10.7554/eLife.01724",
    )
    mice = pages["10.7554/eLife.07892"].research_summary
    assert "new system for analyzing limb, head, and tail kinematics" in mice
    assert "Purkinje cell degeneration mice" in mice
    kinesin = pages["10.7554/eLife.01724"].research_summary
    assert kinesin.startswith("The researchers reconstitute full-length hKif15")
    assert "plus-end-directed processive homotetramer" in kinesin


def test_a_new_taxon_is_not_cut_at_gen_and_no_summary_leans_on_what_it_does_not_say() -> None:
    pages = _pages(
        # "Qiyia jurassica gen. et sp. nov., from the Jurassic of China" was three sentences; the
        # summary read "More importantly, it preserves ..."
        "10.7554/eLife.02844",
        # "They therefore strongly implicate ..." opened the summary (They: the results before it)
        "10.7554/eLife.05224",
        # "Conversely, depletion of DDB1 in embryonic stem cell leads to differentiation ..."
        "10.7554/eLife.07539",
    )
    larva = pages["10.7554/eLife.02844"].research_summary
    assert "Qiyia jurassica gen. et sp. nov., from the Jurassic of China" in larva
    assert not larva.startswith("More importantly")
    assert not pages["10.7554/eLife.05224"].research_summary.startswith("They ")
    assert "Conversely" not in pages["10.7554/eLife.07539"].research_summary


def test_a_purpose_clause_that_says_the_claim_stays() -> None:
    # guard (passes on the start commit too): with "The researchers employ ..." read as a sentence,
    # the purpose cut left elife 05198's simple explanation "The researchers employ a new
    # bioinformatic method with extensive validation." without what it showed (compress._purpose)
    page = _pages("10.7554/eLife.05198")["10.7554/eLife.05198"]
    assert "to show that the squid Doryteuthis pealeii recodes proteins" in page.simple_explanation
