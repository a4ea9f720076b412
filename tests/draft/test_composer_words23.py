"""Round 23 (h23words): swaps that never mislead. A long form a page's short form stands for takes no
swap inside it (cochrane eval CD003162, the lead's round 22 read: "benign paroxysmal positional
dizziness"). Real abstracts of cochrane_val and the other shared sets (ids beside each)."""

from __future__ import annotations

import json

from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _page_text(fields) -> str:
    return json.dumps(fields.to_dict() if hasattr(fields, "to_dict") else fields.__dict__, default=str)


def test_a_long_form_keeps_its_words() -> None:
    # CD003162 uses BPPV without defining it; the reviewed list writes it out, and its last word is
    # no longer swapped ("vertigo" -> "dizziness") inside the name
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD003162.pub3"])])
    text = _page_text(fields)
    assert "benign paroxysmal positional vertigo" in text
    assert "positional dizziness" not in text and "BPPV" not in fields.simple_explanation
