"""The shared text layer's word units."""

from __future__ import annotations

from pipeline.text.words import edit_tokens


def test_edit_tokens_keep_words_numbers_and_marks_whole() -> None:
    """One unit per word (inner hyphens and apostrophes, straight or curly), per number (decimals,
    thousands, a percent sign) and per punctuation mark: what the learned swaps and the mined
    lexicon compare."""
    text = "Patients’ well-being rose by 12.5% (1,200 adults); it didn't fall."
    assert edit_tokens(text) == [
        "Patients’",
        "well-being",
        "rose",
        "by",
        "12.5%",
        "(",
        "1,200",
        "adults",
        ")",
        ";",
        "it",
        "didn't",
        "fall",
        ".",
    ]


def test_tokens_are_light_tuples_with_spans_and_stems() -> None:
    """Tokens are named tuples (round 14: the score stage builds about 250,000 per 300 abstracts;
    a frozen dataclass's constructor was most of the time), with the same words, spans and stems.
    Sentence of 10.1186/s13063-015-0567-7 (bmc_sample), with a curly quote, and a curly
    apostrophe, which is stemmed as a straight one."""
    from pipeline.text.words import Token, stem, tokens

    text = "The control arm will receive ‘usual care’ in the patients’ homes and the clinic’s"
    got = tokens(text)
    assert isinstance(got[0], tuple) and isinstance(got[0], Token)
    assert [t.text for t in got][5:9] == ["usual", "care", "in", "the"]
    assert got[5].start == text.index("usual") and got[5].end == text.index("usual") + 5
    assert got[5].stem == "usual" and got[4].stem == stem("receive")
    assert got[-1].text == "clinic’s" and got[-1].stem == stem("clinic's")
    assert [text[t.start : t.end] for t in got] == [t.text for t in got]
