"""Round 25 (h25bmc): categories of the round-25 BMC / eLife read (pick20 seeds 461, 467). Real text,
id in a comment; failed on b5c494f."""

from __future__ import annotations

from pipeline.enrich import categories


def _article(pair_id: str):
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    return pair_to_article(pairs[pair_id])


def test_newborn_neurons_are_no_newborn_patients() -> None:
    # elife 00362 "Acute stress enhances adult rat hippocampal neurogenesis and activation of newborn
    # neurons via secreted astrocytic FGF2" was filed under Pediatrics
    picked = categories.pick_categories(categories.score_categories(_article("10.7554/eLife.00362")))
    assert "Pediatrics" not in picked
    assert "Neuroscience" in picked


def test_an_age_word_of_cells_counts_for_no_field_but_of_babies_it_does() -> None:
    pediatrics = next(c for c in categories.load_taxonomy() if c.label == "Pediatrics")
    pattern = next(p for p in pediatrics.conditions if p.pattern.startswith(r"(?<!\w)newborn"))
    text = "Activation of newborn neurons rose, and newborn infants were fed."
    assert categories._hits(pattern, text, True, True) == 1
    assert categories._ages_cells(text, text.index("newborn"), text.index("newborn") + len("newborn"))


def test_imaging_in_the_lab_is_no_medical_imaging(bmc_articles) -> None:
    # elife 04889 "in situ cryo-electron tomography" of Chlamydomonas cells and 05003 "systematic
    # imaging" of mRNAs in Drosophila embryos were filed under Medical Imaging
    for pair_id in ("10.7554/eLife.04889", "10.7554/eLife.05003"):
        picked = categories.pick_categories(categories.score_categories(_article(pair_id)))
        assert "Medical Imaging" not in picked, pair_id
    # guard: a magnetic resonance imaging technique stays Medical Imaging (bmc 1471-213X-4-16, mouse embryos)
    mri = bmc_articles["10.1186/1471-213x-4-16"]
    assert "Medical Imaging" in categories.pick_categories(categories.score_categories(mri))
