"""Round 23 (h23bmc): a swap that changed what a sentence says; sentences of the tuning sets."""

from __future__ import annotations

from pipeline.text.swaps import swap_plain_words


def test_a_physical_association_is_no_link() -> None:
    # elife_dev eLife.01370: the page said "sampling the conformational space in protein–protein link"
    out, _ = swap_plain_words(
        "We report here the results of exhaustively sampling the conformational space in protein–protein "
        "association using a physics-based energy function."
    )
    assert "protein–protein association" in out
    # elife_dev eLife.06866: "the lipid phosphatase activity and membrane association of PTEN"
    out, _ = swap_plain_words("Further, the p85α homodimer enhances the membrane association of PTEN.")
    assert "membrane association" in out
    # elife_dev eLife.10308: "direct association via a key surface arginine in FTH1" (a binding) read
    # "Direct link through a key surface arginine"
    out, _ = swap_plain_words(
        "We demonstrate that direct association via a key surface arginine in FTH1 and a C-terminal element "
        "in NCOA4 is required for delivery of ferritin to the lysosome."
    )
    assert "direct association" in out


def test_a_statistical_association_is_still_a_link() -> None:
    # the swap elsewhere stays: "a strong association between X and Y" is a link
    out, _ = swap_plain_words("There was a strong association between smoking and lung cancer.")
    assert "strong link between smoking" in out
