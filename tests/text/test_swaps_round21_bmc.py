"""Round 21 (h21bmc): swaps that doubled a word; each on a sentence of the tuning sets."""

from __future__ import annotations

from pipeline.text.swaps import swap_plain_words


def test_a_quantifier_is_not_said_twice() -> None:
    # cochrane mine CD006304: "additional" -> "more" after "more" read "used more more pain relief"
    sentence = (
        "Women reported more pain (RR 5.60; 95% CI 2.35 to 13.33; one study, 100 women) and used more "
        "additional analgesia (RR 4.00; 95% CI 1.44 to 11.13; one study, 100 women) following the "
        "application of ice packs."
    )
    out, _ = swap_plain_words(sentence)
    assert "more more" not in out
    assert "used more additional pain relief" in out
