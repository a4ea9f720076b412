"""Round 21 (h21bmc): a BMC / eLife page an editor can publish. Each test is on a sentence of the
tuning sets (dataset and id in a comment) and failed on the round's start commit (124b4c7)."""

from __future__ import annotations

from pipeline.draft.rewrite import find_abbreviations


def test_a_long_form_whose_words_spell_the_short_form() -> None:
    # bmc s12888-018-1871-z: the letters alone spell "people with Mental Illness" (the second "p" inside
    # "People"); the words' first letters, "towards" and "with" aside, spell the whole name
    text = (
        "To address these shortcomings, we sought to develop a new measure, the Prejudice towards People "
        "with Mental Illness (PPMI) scale, based on an improved conceptualization."
    )
    assert find_abbreviations(text)["PPMI"] == "Prejudice towards People with Mental Illness"


def test_each_word_a_letter_keeps_the_shortest_long_form() -> None:
    # cochrane mine CD006606: "in vitro fertilisation" spells IVF word by word; the words' initials with
    # "in" skipped would reach back to "IVM before in vitro fertilisation"
    text = "IVM before in vitro fertilisation (IVF) was compared with IVF alone."
    assert find_abbreviations(text)["IVF"] == "in vitro fertilisation"


def test_a_name_in_capitals_keeps_its_first_capital() -> None:
    # cochrane mine CD008919: a scale's name, said "positive and Negative Syndrome Scale" before
    text = (
        "Short-term data for this outcome (measured as at least 20% improvement in scores on Positive and "
        "Negative Syndrome Scale (PANSS)) were similar."
    )
    assert find_abbreviations(text)["PANSS"] == "Positive and Negative Syndrome Scale"
    # bmc s13063-014-0529-5
    text = "Guidelines by the Centers for Disease Control (CDC) recommend that surgical wounds be covered."
    assert find_abbreviations(text)["CDC"] == "Centers for Disease Control"
