"""Terms BMC and eLife simple explanations keep most often with no definition on the page, explained in a
short sentence of their own (round 25, h25se; issue 14 items 1-2). The texts are simple explanations the
composer wrote at round 25's start (b5c494f) for the pages named; each test fails there, where the
glossary had no definition for the term (and no ``count`` entry, so "the GTP-binding protein" could only
be said as "Protein is a molecule ...")."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.fields import explanation
from pipeline.draft.composer.templates import load_templates
from pipeline.settings import Settings
from pipeline.text.swaps import explain_first_use


def _say(term: str, define: str, article: str) -> str | None:
    return explanation(load_templates(Settings().prompts_dir), term, define, article)


def _explain(text: str) -> str:
    return explain_first_use([text], [], sentence=_say)[0][0]


@pytest.mark.parametrize(
    ("se", "after", "sentence"),
    [
        (
            # elife_dev eLife.00160: a count noun after "the": "A protein is ...", never "Protein is ..."
            "This study looked at a new GTP-binding protein–adaptor protein complex responsible for export of "
            "Vangl2. The work was done on cells in the lab. The GTP-binding protein, Arfrp1, and the clathrin "
            "adaptor complex 1 are needed for Vangl2 transport from the trans Golgi network. Results from the "
            "lab may not be the same in people.",
            "responsible for export of Vangl2.",
            "A protein is a molecule that carries out tasks in cells.",
        ),
        (
            # bmc_sample 1471-2156-6-43
            "This study looked at a screen for proteins that interact with PAX6. The early data suggest that "
            "PAX6 interacts with HOMER3, DNCL1 and TRIM11.",
            "interact with PAX6.",
            "Proteins are molecules that carry out most tasks in cells.",
        ),
        (
            # bmc_sample jbiol10
            "This study in mice looked at the biological function of the phosphatidylserine receptor. "
            "Phosphatidylserine receptor is essential for the development and differentiation of multiple "
            "organs during embryogenesis but not for apoptotic cell removal. Results in mice may not be the "
            "same in people.",
            "the phosphatidylserine receptor.",
            "A receptor is a protein that picks up signals.",
        ),
        (
            # elife_dev eLife.00117
            "This study asked if meiosis I chromosome segregation is established through control of "
            "microtubule–kinetochore interactions. Preventing microtubule–kinetochore interactions during "
            "premeiotic S phase and prophase I is essential for establishing the meiosis I chromosome "
            "segregation pattern.",
            "microtubule–kinetochore interactions.",
            "A chromosome is a thread-like package of DNA in cells.",
        ),
        (
            # elife_dev eLife.02040: a mass noun, said bare
            "This study looked at cortical control of cell size by a sizer cdr2p. The work was done on cells "
            "in the lab. Cells enter mitosis at a certain surface area, as opposed to a certain volume or "
            "length. The fission yeast Schizosaccharomyces pombe are rod-shaped cells that grow to ∼14 µm in "
            "length before entering mitosis. Results from the lab may not be the same in people.",
            "before entering mitosis.",
            "Yeast is a single-celled fungus used in baking and research.",
        ),
    ],
)
def test_kept_term_explained_after_its_sentence(se: str, after: str, sentence: str) -> None:
    out = _explain(se)
    assert f"{after} {sentence}" in out
    assert out.count(sentence) == 1


def test_food_protein_is_not_explained_as_a_molecule_in_cells() -> None:
    # the protein a diet gives is the nutrient, not one molecule: the entry's not_before keeps it off
    # (a sentence made up from the wording of nutrition abstracts in bmc_sample)
    se = "This study looked at dietary protein in older women. More dietary protein was linked to stronger muscles."
    assert "molecule" not in _explain(se)


def test_mass_noun_keeps_its_bare_form() -> None:
    # count applies only where the entry says so: insulin stays "Insulin is a hormone ..." (cochrane CD012151)
    out = _explain(
        "The review found 3 studies. Insulin given early lowered blood sugar. The evidence is weak."
    )
    assert "Insulin is a hormone that controls blood sugar." in out


@pytest.mark.parametrize(
    "se",
    [
        # cochrane mine half CD006100.pub2: "A receptor is a protein ..." was said before the answer
        "The review found eight studies. Presently, the available evidence does not support routine use of "
        "oral leukotriene receptor antagonists in acute asthma.",
        # cochrane mine half CD003822.pub2
        "The review found forty six studies with 13 451 people in all. The evidence from this review suggests "
        "that there are no clinically meaningful blood pressure lowering differences between available "
        "angiotensin receptor blockers. Angiotensin receptor blockers reduced blood pressure measured 1 to 12 "
        "hours after the dose by about 12/7 mm Hg.",
    ],
)
def test_a_drug_class_named_for_its_receptor_is_not_explained(se: str) -> None:
    # the entry's not_after: a medicine's class name ("receptor blockers") is no receptor to explain
    assert "picks up signals" not in _explain(se)
    assert "pick up signals" not in _explain(se)


def test_no_term_of_a_bracket_just_written_is_explained() -> None:
    # elife_dev eLife.00508 (composer 24's simple explanation, its transcription sentence already said):
    # "receptors (proteins that pick up signals)" is the page's only "proteins"; "Proteins are molecules
    # ..." explained the bracket's word
    se = (
        "This study asked if imaging-based chemical screening shows activity-dependent neural differentiation "
        "of pluripotent stem cells. Selamectin’s pro-neurogenic activity is mediated by γ2-containing GABAA "
        "receptors in subsets of neural rosette progenitors, accompanied by increased proneural and "
        "lineage-specific transcription factor expression and cell cycle exit. This may be so, but it is not "
        "yet proven."
    )
    out = explain_first_use([se], [], sentence=_say, sentences=2)[0][0]
    assert "receptors (proteins that pick up signals)" in out
    assert "Proteins are" not in out
