"""pipeline.text.patterns: one fast pattern that matches exactly where its patterns' alternation does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.draft.rewrite import _PHRASES
from pipeline.enrich.wording import ANY_LIMITATION_CUE, LIMITATION_CUES
from pipeline.text.patterns import UNGATED, any_of, branches

BMC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "bmc_sample" / "abstracts.jsonl"


def _texts() -> list[str]:
    records = [json.loads(line) for line in BMC.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s["text"] for r in records[:80] for s in r["sections"]]


def _naive(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """The plain alternation, each pattern with its own case flag."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in patterns))


@pytest.mark.parametrize(
    "patterns",
    [[p for p, _ in _PHRASES], [p for p, _ in LIMITATION_CUES]],
    ids=["wordy phrases", "limitation cues"],
)
def test_any_of_matches_where_the_alternation_does(patterns: list[re.Pattern[str]]) -> None:
    fast, naive = any_of(patterns), _naive(patterns)
    assert UNGATED[fast].pattern.startswith(r"\b(?:")  # the boundary is tested once for the run
    assert fast.pattern.startswith(r"\b(?=")  # then the letters a phrase can begin with (gated)
    texts = _texts()
    found = 0
    for text in texts:
        got, want = fast.search(text), naive.search(text)
        assert (got and got.span()) == (want and want.span()), text
        found += want is not None
    assert 0 < found < len(texts)  # the sample has texts with and without a match


def test_limitation_cue_check_agrees_with_each_cue() -> None:
    """An abstract passes the one search exactly when some cue matches it (fields.limitations skips
    the 23 searches otherwise)."""
    records = [json.loads(line) for line in BMC.read_text(encoding="utf-8").splitlines() if line.strip()]
    abstracts = [" ".join(s["text"] for s in r["sections"]) for r in records]
    cued = [any(p.search(a) for p, _ in LIMITATION_CUES) for a in abstracts]
    assert [ANY_LIMITATION_CUE.search(a) is not None for a in abstracts] == cued
    assert any(cued) and not all(cued)


def test_branches_split_at_the_top_level_only() -> None:
    assert branches(r"\ba(?:b|c)|[|(]d|\(e|f\)|[]|]g") == [r"\ba(?:b|c)", "[|(]d", r"\(e", r"f\)", "[]|]g"]
    assert branches(r"\bx") == [r"\bx"]


def test_a_branch_without_a_boundary_keeps_its_place() -> None:
    patterns = [re.compile(r"\bfoo"), re.compile("bar|\\bbaz", re.I), re.compile(r"\bqux")]
    fast = any_of(patterns)
    assert UNGATED[fast].pattern == r"\b(?:(?:foo))|(?i:bar)|\b(?:(?i:baz)|(?:qux))"
    for text in ("a bar baz", "foo-bar", "xbaz qux", "BAZ", "quxbar", "nothing"):
        got, want = fast.search(text), _naive(patterns).search(text)
        assert (got and got.span()) == (want and want.span())


def test_a_verbose_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="verbose"):
        any_of([re.compile(r"\ba # a comment | not an alternative", re.VERBOSE)])
