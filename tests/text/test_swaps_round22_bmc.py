"""Round 22 (h22bmc): swaps that changed what a sentence says; each on a sentence of the tuning sets."""

from __future__ import annotations

from pipeline.text.swaps import swap_plain_words


def test_characterization_is_not_a_description() -> None:
    # bmc 10.1186/s12870-019-2058-6: "Phenotypic and molecular characterization of Ae. tauschii to
    # Hessian fly infestation" (measurements and gene expression profiling) read "molecular description"
    sentence = (
        "Phenotypic and molecular characterization of Ae. tauschii to Hessian fly infestation revealed "
        "resistant accessions that shared similarities to hexaploid wheat."
    )
    out, _ = swap_plain_words(sentence)
    assert "description" not in out
    assert "molecular characterization of Ae. tauschii" in out
