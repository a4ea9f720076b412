"""Round 18 (h18lex): "significant" said "clear" where it marks a result, the passive "identified"
said "found"; each on a sentence of the tuning sets, and the uses where the plain word would mislead."""

from __future__ import annotations

import pytest

from pipeline.text.swaps import swap_plain_words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # cochrane mine CD001912.pub4
        (
            "There was no significant difference between groups in infant or conventional lung function.",
            "There was no clear difference between groups in infant or conventional lung function.",
        ),
        # cochrane mine CD003416.pub4
        (
            "But there was a significantly lower multiple pregnancy rate in the DET group.",
            "But there was a clearly lower multiple pregnancy rate in the DET group.",
        ),
        # cochrane mine CD000066.pub2
        (
            "There was no statistically significant average difference in the development of stretch marks.",
            "There was no clear average difference in the development of stretch marks.",
        ),
        # the rewrite backend's glossary example (tests/draft/test_rewrite.py): a clause's end
        ("The difference was statistically significant.", "The difference was clear."),
        # cochrane mine CD003326
        (
            "Small but statistically significant risk differences were found for dehiscence.",
            "Small but clear risk differences were found for dehiscence.",
        ),
    ],
)
def test_round18_significant_before_a_result_is_clear(sentence: str, expected: str) -> None:
    assert swap_plain_words(sentence, define=False)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The researchers report significant progress in this area.",  # elife_dev eLife.09248
        "The findings show a significant role for the unfolded protein response.",  # eLife.06963
        "All tested regenerated plants had significant losses of methylation.",  # eLife.00354
        # bmc_sample s13148-019-0782-2
        "Of these, the most significant genes included genes that act as transcription factors.",
        # bmc_sample 1465-9921-6-73: a name (quantitative trait locus), not a result's size
        "A significant quantitative trait locus on chromosome 1 was established.",
        # bmc_sample s12864-019-6102-6: the count is of the significant ones
        "Analysis showed 2413 significantly higher genes.",
        # cochrane mine CD003416.pub4: a "clearly" on a verb is cut as filler by the composer,
        # and "did not differ" says there was no difference at all
        "Live birth rates did not differ significantly between the groups for any comparison.",
        # cochrane mine CD006585: "clearly decreased" is cut the same way, and reads as a strong answer
        "Conversion rates were significantly decreased in patients undergoing hand assisted surgery.",
        # cochrane mine CD003410.pub4: "a not clear protective effect" reads wrong
        "Maintenance with supervised injected heroin has a not statistically significant protective effect.",
    ],
)
def test_round18_significant_is_kept_where_clear_would_mislead(sentence: str) -> None:
    out = swap_plain_words(sentence, define=False)[0]
    assert "clear" not in out, out


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # bmc_sample s40104-015-0059-3
        ("Five single nucleotide polymorphisms were identified.", None),
        # bmc_sample ar1901
        ("A suggestively significant trait locus was identified on chromosome 13.", None),
        # elife_dev eLife.10167: a label, not a discovery
        ("These three distributions can be identified as standard distributions.", "identified as"),
        # elife_dev eLife.09579: a method
        ("Photo-tagged proteins are isolated and identified by mass spectrometry.", "identified by"),
        # bmc_sample s13002-015-0070-y: the present tense names a species, it does not come upon it
        ("The grass species are identified, and their uses clarified.", "are identified"),
        # elife_dev eLife.04193
        ("The molecular parts have not been fully identified.", "fully identified"),
    ],
)
def test_round18_a_passive_identified_is_found(sentence: str, kept: str | None) -> None:
    out = swap_plain_words(sentence, define=False)[0]
    if kept is None:
        assert "identified" not in out and " found" in out, out
    else:
        assert kept in out, out
