"""SARI against published reference values (HF evaluate docs, tensor2tensor tests, Xu et al. 2016)."""

from __future__ import annotations

import pytest

from pipeline.errors import LabError
from pipeline.lab.sari import (
    corpus_sari,
    normalize,
    sari_parts,
    sari_parts_tokens,
    sentence_sari,
    tokenize_13a,
)

# The toy example of Xu et al. (2016), where SARI is defined; also the example of HF evaluate's SARI card.
SOURCE = "About 95 species are currently accepted ."
REFERENCES = [
    "About 95 species are currently known .",
    "About 95 species are now accepted .",
    "95 species are now accepted .",
]
OUTPUT_1 = "About 95 you now get in ."
OUTPUT_2 = "About 95 species are now agreed ."
OUTPUT_3 = "About 95 species are currently agreed ."


def test_evaluate_documented_example() -> None:
    # evaluate.load("sari").compute(...) -> {'sari': 26.953601953601954} (metrics/sari card and docstring)
    score = corpus_sari(
        ["About 95 species are currently accepted."],
        ["About 95 you now get in."],
        [
            [
                "About 95 species are currently known.",
                "About 95 species are now accepted.",
                "95 species are now accepted.",
            ]
        ],
    )
    assert score == pytest.approx(26.953601953601954, abs=1e-12)


@pytest.mark.parametrize(
    ("output", "expected"),
    [(OUTPUT_1, 0.2695360), (OUTPUT_2, 0.6170966), (OUTPUT_3, 0.5088682)],
)
def test_tensor2tensor_values_of_the_paper_examples(output: str, expected: float) -> None:
    # tensor2tensor/utils/sari_hook_test.py (testSariSent1-3), same fixed implementation.
    assert sentence_sari(SOURCE, output, REFERENCES) / 100 == pytest.approx(expected, abs=5e-8)


@pytest.mark.parametrize(("output", "paper"), [(OUTPUT_1, 0.2683), (OUTPUT_2, 0.5890), (OUTPUT_3, 0.5072)])
def test_legacy_mode_reproduces_the_paper(output: str, paper: float) -> None:
    # Xu et al. 2016 print "0.2683, 0.5890, 0.5072" for the three toy outputs, computed with the
    # original SARI.py (0/0 = 0, keep recall averaged over n-gram types).
    def tok(text: str) -> list[str]:
        return text.lower().split(" ")

    parts = sari_parts_tokens(tok(SOURCE), tok(output), [tok(r) for r in REFERENCES], legacy=True)
    assert round(parts.sari / 100, 4) == paper


def test_perfect_match_is_100() -> None:
    # evaluate's card: source == prediction == reference -> 100.0
    assert corpus_sari([SOURCE], [SOURCE], [[SOURCE]]) == 100.0


def test_output_identical_to_a_reference_scores_high() -> None:
    # A single reference and an identical output: every operation is perfect.
    assert sentence_sari(SOURCE, REFERENCES[1], [REFERENCES[1]]) == pytest.approx(100.0)
    # Among three references the exact copy of one still beats every toy output.
    exact = sentence_sari(SOURCE, REFERENCES[1], REFERENCES)
    assert exact > max(sentence_sari(SOURCE, o, REFERENCES) for o in (OUTPUT_1, OUTPUT_2, OUTPUT_3))


def test_copying_the_source_gets_no_add_or_delete_credit() -> None:
    parts = sari_parts(SOURCE, SOURCE, REFERENCES)
    # Nothing added: add F1 is 0 because the references did add n-grams ("known", "now").
    assert parts.add == 0.0
    # Nothing deleted: deletion precision is 0/0, defined as 1 (evaluate's convention).
    assert parts.delete == 1.0
    assert 0 < parts.keep < 1
    assert parts.sari == pytest.approx(100 * (parts.keep + 1.0) / 3)
    # ... so copying the source scores below a real simplification.
    assert parts.sari < sentence_sari(SOURCE, OUTPUT_2, REFERENCES)


def test_source_equals_references_and_output_copies_it() -> None:
    assert sentence_sari("a b c d e", "a b c d e", ["a b c d e", "a b c d e"]) == 100.0


def test_multiple_references_change_the_score() -> None:
    one = sentence_sari(SOURCE, OUTPUT_2, REFERENCES[:1])
    three = sentence_sari(SOURCE, OUTPUT_2, REFERENCES)
    assert one != three


def test_lowercasing_and_13a_tokenisation() -> None:
    assert (
        normalize("About 95 species, (currently) accepted.") == "about 95 species , ( currently ) accepted ."
    )
    # Decimal points and thousands separators inside numbers stay; a dash after a digit splits.
    assert (
        tokenize_13a("OR 4.60; 95% CI 1,530 to 13.85 and 10-12")
        == "OR 4.60 ; 95 % CI 1,530 to 13.85 and 10 - 12"
    )
    assert tokenize_13a("A &amp; B &lt;x&gt;") == "A & B < x >"
    assert sentence_sari("About 95 species.", "about 95 SPECIES .", ["About 95 species."]) == 100.0


def test_corpus_sari_is_the_mean_of_item_scores() -> None:
    items = [(SOURCE, OUTPUT_1, REFERENCES), (SOURCE, OUTPUT_2, REFERENCES)]
    expected = sum(sentence_sari(*it) for it in items) / 2
    assert corpus_sari(
        [s for s, _, _ in items], [o for _, o, _ in items], [r for _, _, r in items]
    ) == pytest.approx(expected)


def test_bad_arguments_are_clear() -> None:
    with pytest.raises(LabError, match="as many sources"):
        corpus_sari([SOURCE], [], [])
    with pytest.raises(LabError, match="at least one reference"):
        sentence_sari(SOURCE, OUTPUT_1, [])
    with pytest.raises(LabError, match="at least one item"):
        corpus_sari([], [], [])
