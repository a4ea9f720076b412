"""The own glossary's term pattern (pipeline.text.glossary.own_wordings), round 16 h16speed."""

from __future__ import annotations

import re

from pipeline.text import glossary as g
from tests.conftest import BMC, COCHRANE, read_jsonl


def test_the_term_pattern_grouped_by_first_letter_finds_exactly_what_the_plain_alternation_finds() -> None:
    """The terms are one alternation grouped by first character (re tried all 736 at every word
    start); the matches, their spans and the term matched are those of the plain alternation."""
    pattern, stems_by_term = g.own_wordings()
    assert pattern is not None
    plain = "|".join(
        r"[\s-]+".join(re.escape(w) for w in key.split())
        for key in sorted(stems_by_term, key=len, reverse=True)
    )
    old = re.compile(rf"(?<![\w-])(?P<term>{plain})(?:s|es)?(?![\w-])", re.I)
    assert pattern.pattern != old.pattern
    texts = [r["title"] + " " + " ".join(s["text"] for s in r["sections"]) for r in read_jsonl(BMC)[:60]]
    texts += [r["abstract"] for r in read_jsonl(COCHRANE)[:60]]
    # bmc 10.1186/s12891-022-05070-w's terms and a hyphen between a term's words
    texts.append("Computed-tomography and MRI scans of gait; test-retest reliability, computed  tomography.")
    found = 0
    for text in texts:
        got = [(m.span(), m.group("term")) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.group("term")) for m in old.finditer(text)]
        found += len(got)
    assert found > 100
