"""pipeline.text.patterns.gated: a lookahead of a match's possible first characters, the same matches.

Round 24 (h24speed, issue 17): the composer's costliest searches (plan._MORE_RESEARCH, _GAP,
_CLAIM_CUE, ...) are compiled gated; every gated pattern must find exactly what its original finds,
on real abstracts' sentences and on the characters re.IGNORECASE folds to ASCII letters.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

import pipeline.draft.composer  # noqa: F401  # its modules compile their gated patterns
from pipeline.draft import sentences
from pipeline.draft.composer import fields, plan, shorten, simplify
from pipeline.lab.datasets import load_pairs
from pipeline.text import hedges
from pipeline.text.patterns import UNGATED, compile_gated, gated
from tests.conftest import COCHRANE, SHARED_DATA

# What re.IGNORECASE matches to an ASCII letter beside its two cases: KELVIN SIGN (k), LATIN SMALL
# LETTER LONG S (s), LATIN SMALL LETTER DOTLESS I and LATIN CAPITAL LETTER I WITH DOT ABOVE (i).
_FOLDS = {"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"}


@cache
def _sentences() -> tuple[str, ...]:
    """Sentences of 40 BMC abstracts and 40 Cochrane reviews (bmc_sample and cochrane_val's first)."""
    pairs = load_pairs(SHARED_DATA / "bmc_sample" / "abstracts.jsonl", 40, require_summary=False)
    pairs += load_pairs(COCHRANE, 40, require_summary=False)
    return tuple(s for p in pairs for s in re.split(r"(?<=[.;])\s+", p.abstract) if s)


def _folded(text: str) -> str:
    return "".join(_FOLDS.get(c, c) for c in text)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_costliest_searches_are_gated() -> None:
    for pattern in (
        plan._MORE_RESEARCH,
        plan._NO_CONCLUSION,
        plan._CLAIM_CUE,
        plan._GAP,
        plan._OUTLOOK,
        plan._SIDE_OUTCOME,
        fields._NULL_ANSWER,
        shorten._NEGATED,
        simplify._CLEAR_FINITE,
        hedges.HEDGE,
        # round 25 (h25speed): patterns kept in a tuple or dict, which h23speed's and h24speed's
        # per-pattern profiles (module-level patterns only) did not see: GRADE's "high" was the
        # costliest search of the composer (0.6 ms a call over a whole abstract)
        *(pattern for _, pattern in plan._CERTAINTY),
        *sentences._CUES.values(),
    ):
        assert pattern in UNGATED, pattern.pattern[:60]


@pytest.mark.parametrize("folded", [False, True], ids=["sentences", "fold characters"])
def test_every_gated_pattern_matches_as_its_original(folded: bool) -> None:
    """Each gated pattern's matches (spans and groups, finditer) are its original's on every sentence,
    and on the sentence with k, s, i and I written as the characters re folds to them."""
    texts = [_folded(s) if folded else s for s in _sentences()]
    assert len(UNGATED) >= 40
    found = 0
    for fast, original in UNGATED.items():
        for text in texts:
            want = _matches(original, text)
            assert _matches(fast, text) == want, (original.pattern[:60], text)
            found += bool(want)
    assert found > 1000  # the sentences exercise the patterns


def test_the_gate_holds_for_what_ignorecase_folds() -> None:
    original = re.compile(r"\b(?:kelvin|sun|ice|inn)\b", re.I)
    fast = gated(original)
    assert fast.pattern == r"\b(?=(?i:[iks]))(?:kelvin|sun|ice|inn)\b"
    for text in ("\u212aelvin", "\u017fun", "\u0131ce", "\u0130nn", "KELVIN SUN", "a kelvinx", "ſunny"):
        assert _matches(fast, text) == _matches(original, text), text
    assert all(fast.search(t) for t in ("\u212aelvin", "\u017fun", "\u0131ce", "\u0130nn"))
    ascii_only = re.compile(original.pattern, re.I | re.A)  # no fold beyond ASCII there
    assert gated(ascii_only).search("\u212aelvin") is None is ascii_only.search("\u212aelvin")


def test_a_pattern_of_several_alternatives_is_gated_before_them_all() -> None:
    original = re.compile(r"(?i)\bno longer\b|^(?:so far|to date),|\b(?:not|never) (?:\w+ )?reported\b")
    fast = gated(original)
    assert fast.pattern.startswith(r"(?i)(?:\A|\b(?=(?i:[n])))(?:")
    for text in ("So far, none.", "It is no longer sold.", "not yet reported", "snot reported", "to date,"):
        assert _matches(fast, text) == _matches(original, text), text


@pytest.mark.parametrize(
    "text, flags",
    [
        (r"\b(?:may|might|could)\b", 0),  # case-sensitive: re skips such alternatives by itself
        (r"\b(?:is|are) used\b", re.I),  # two alternatives: the gate costs what it saves
        (r"\b(?:[a-z]+ly|very|much) (?:more|less)\b", re.I),  # [a-z] lets most letters through
        (r"\b(\w+) (?:and|or|but) \1\b", re.I),  # a backreference: not read
        (r"\b(?:a|b|c)?", re.I),  # matches the empty string
        (r"\b (?:may | might | could) # verbose", re.I | re.X),
    ],
)
def test_no_gate_where_it_does_not_pay_or_cannot_be_read(text: str, flags: int) -> None:
    pattern = re.compile(text, flags)
    assert gated(pattern) is pattern


def test_compile_gated_is_gated_compile_and_gating_twice_changes_nothing() -> None:
    text = r"\b(?:may|might|could|probably)\b"
    fast = compile_gated(text, re.I)
    assert (
        fast.pattern
        == gated(re.compile(text, re.I)).pattern
        == r"\b(?=(?i:[cmp]))(?:may|might|could|probably)\b"
    )
    assert gated(fast) is fast


# Round 25 (h25speed): gated reads patterns with re._parser, a private module. Where it is missing or
# parses into another shape, nothing may be gated (a misread gate would change what a search finds).
_HEDGE_LIKE = re.compile(r"\b(?:may|might|could|possibly|suggests?)\b", re.I)  # hedges.HEDGE's kind


@pytest.fixture
def parser_swapped(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set patterns.sre_parse to what the test gives; the known-gates check is read again after."""
    from pipeline.text import patterns

    patterns._parser_reads.cache_clear()
    yield lambda parser: monkeypatch.setattr(patterns, "sre_parse", parser)
    monkeypatch.undo()
    patterns._parser_reads.cache_clear()


def test_the_parser_reads_as_expected_here() -> None:
    from pipeline.text import patterns

    assert patterns._parser_reads()
    assert gated(_HEDGE_LIKE) is not _HEDGE_LIKE


def test_without_re_parser_nothing_is_gated(parser_swapped) -> None:  # type: ignore[no-untyped-def]
    parser_swapped(None)
    assert gated(_HEDGE_LIKE) is _HEDGE_LIKE


class _ReshapedParser:
    """A parser whose parse has another shape: each group's parts in another order (as a new
    Python might write them), so the reading of a group goes wrong without an error in most cases."""

    @staticmethod
    def parse(text: str, flags: int = 0) -> list[tuple[object, object]]:
        from re import _constants as sre  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        def reshaped(seq: object) -> list[tuple[object, object]]:
            out = []
            for op, av in seq:  # type: ignore[attr-defined]
                if op is sre.SUBPATTERN:
                    group, add, delete, body = av
                    av = (group, delete, add, reshaped(body))  # flags swapped
                elif op is sre.BRANCH:
                    av = (av[0], [reshaped(a) for a in reversed(av[1])])
                out.append((op, av))
            return out

        return reshaped(sre_parse.parse(text, flags))


class _BrokenParser:
    @staticmethod
    def parse(text: str, flags: int = 0) -> object:
        return [("LITERAL",)]  # a shape the reading cannot unpack


@pytest.mark.parametrize("parser", [_ReshapedParser, _BrokenParser], ids=["reshaped", "unreadable"])
def test_a_parser_of_another_shape_gates_nothing(parser_swapped, parser: object) -> None:  # type: ignore[no-untyped-def]
    parser_swapped(parser)
    assert gated(_HEDGE_LIKE) is _HEDGE_LIKE
    assert compile_gated(r"\b(?:further|more|future)\b", re.I).pattern == r"\b(?:further|more|future)\b"
