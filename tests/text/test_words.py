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
