"""Round 28 (h28bmc): BMC / eLife pages an editor can publish after light edits (the read of pick seed
28 and round 27's list), each composed from its real abstract; each test failed on the round's start
commit (5e7e418)."""

from __future__ import annotations

from pipeline.draft.composer.plan import no_result_kind
from pipeline.text.swaps import swap_plain_words
from tests.draft.conftest import bmc_or_elife_fields

_pages = bmc_or_elife_fields


def test_what_is_enhanced_is_raised_not_improved() -> None:
    pkc1, _ = swap_plain_words(
        "Our data also reveal novel cross-talk between two different histone modifications as Pkc1 also "
        "enhances H3T45 phosphorylation and this modification is required for H3K56 acetylation."
    )  # elife_dev eLife.09886: "Pkc1 improves H3T45 phosphorylation"
    assert "Pkc1 also increases H3T45 phosphorylation" in pkc1
    endosomes, _ = swap_plain_words(
        "Massive formation of bulk endosomes was not defective, but rather enhanced, in the absence of "
        "dynamin 1 and 3."
    )  # eLife.01621: "not defective, but rather improved"
    assert "but rather increased" in endosomes
    # an enhanced kind of care is a name (cochrane mine CD002843.pub2: "enhanced patient referral"), kept
    referral, _ = swap_plain_words(
        "Expedited partner therapy was not superior to enhanced patient referral in preventing re-infection."
    )
    assert "enhanced patient referral" in referral
    # "... and this modification is needed for H3K56 acetylation" is a result, as "is required for"
    # was (round 23): no call for research once the plain words say it
    assert (
        no_result_kind(
            "The data show new cross-talk between two different histone modifications as Pkc1 increases "
            "H3T45 phosphorylation and this modification is needed for H3K56 acetylation."
        )
        is None
    )
    page = _pages("10.7554/eLife.09886")["10.7554/eLife.09886"]
    said = " ".join(page.key_findings)
    assert "increases H3T45 phosphorylation" in said
    assert "improves" not in said


def test_a_title_that_states_a_claim_is_asked() -> None:
    pages = _pages(
        # "This study looked at suppression of transcriptional drift extends C. elegans lifespan."
        "10.7554/eLife.08833",
        # "This study looked at patterns of call communication between group-housed zebra finches change."
        "10.7554/eLife.07770",
    )
    drift = pages["10.7554/eLife.08833"].simple_explanation
    assert drift.startswith(
        "This study asked if suppression of transcriptional drift extends C. elegans lifespan"
    )
    finches = pages["10.7554/eLife.07770"].simple_explanation
    assert finches.startswith(
        "This study asked whether patterns of call communication between group-housed zebra finches change"
    )
    assert "looked at" not in drift + finches


def test_guidance_on_a_trial_is_no_trial() -> None:
    # "Specifying the target difference in the primary outcome for a randomised controlled trial:
    # guidance for researchers" was "Level 2 (randomised controlled trial)", "This trial specified ...",
    # "People were put into groups by chance." and "A Fair Test"
    page = _pages("10.1186/s13063-014-0526-8")["10.1186/s13063-014-0526-8"]
    assert page.evidence_level == "Not specified"
    assert "by chance" not in page.simple_explanation
    assert not page.simple_explanation.startswith("This trial")
    assert "A Fair Test" not in [p.title for p in page.practical_implications]
    assert "randomised controlled trial" not in page.research_summary.split(".")[0]


def test_computer_methods_compared_on_cell_line_data_are_no_lab_results() -> None:
    pages = _pages(
        # eight single-subject methods compared on yeast and MCF7 cell line data: "Lab results not yet
        # tested in people"
        "10.1186/s12920-019-0513-8",
        # a database with in-house drug tests on 10 bladder cancer cell lines keeps the lab caveat
        "10.1186/s12920-018-0406-2",
    )
    assert "Lab results not yet tested in people" not in pages["10.1186/s12920-019-0513-8"].limitations
    assert "Lab results not yet tested in people" in pages["10.1186/s12920-018-0406-2"].limitations


def test_a_reported_result_is_no_implication() -> None:
    # "What This Could Mean: The results showed that L321 could serve as an efficient chassis for the
    # production of polyketides." copied the Results section's finding
    page = _pages("10.1186/s12934-019-1055-7")["10.1186/s12934-019-1055-7"]
    texts = " ".join(p.text for p in page.practical_implications)
    assert "L321 could serve" not in texts
    assert "cell factories" in texts  # the conclusion's own implication stays


def test_us_who_are_helped_to_understand_are_everyone() -> None:
    from pipeline.draft.composer.simplify import third_person

    # elife_dev eLife.02440: "may not only help the researchers to understand why so many species of
    # social insects have conquered the earth"
    said = third_person(
        "Studying the ecological consequences of cooperation may not only help us to understand why so "
        "many species of social insects have conquered the earth."
    )
    assert "help people to understand" in said
    assert (
        third_person("This allowed us to measure growth.")
        == "This allowed the researchers to measure growth."
    )
    # what the authors could predict stays theirs (elife_dev eLife.05565)
    assert "allow the researchers to predict" in third_person(
        "Comparisons of simulated and experimental interaction maps allow us to predict a mode of condensin action."
    )
