"""Real abstracts (Cochrane validation pairs) for the scoring tests."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.domain import Article, Section

PAIRS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cochrane_val" / "pairs.jsonl"

INTERFERON = "10.1002/14651858.CD000370"  # numbers with units, "no more effective than"
TERBUTALINE = "10.1002/14651858.CD010800.pub2"  # "we found no evidence that ..."
RUBBER_DAM = "10.1002/14651858.CD009858.pub2"  # a hedged conclusion ("may lead to")


@lru_cache(maxsize=1)
def load_pairs() -> tuple[dict[str, str], ...]:
    """Every abstract / plain-language summary pair of the validation set."""
    if not PAIRS.exists():
        pytest.skip(f"{PAIRS} is not available")
    return tuple(json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip())


def abstract(pair_id: str) -> str:
    """The abstract of the pair with this DOI."""
    return next(p["abstract"] for p in load_pairs() if p["id"] == pair_id)


def make_article(text: str, title: str = "", label: str | None = None) -> Article:
    """A one-section Article as a source would build it."""
    return Article(source="test", source_id="x", title=title, sections=[Section(label, text)])


def results_and_conclusions(text: str, n_conclusion: int = 2) -> Article:
    """An Article whose last ``n_conclusion`` sentences form a labelled Conclusions section."""
    from pipeline.score.readability import sentence_spans

    spans = sentence_spans(text)
    cut = spans[-n_conclusion][0]
    return Article(
        source="test",
        source_id="x",
        title="",
        sections=[Section("Results", text[:cut].strip()), Section("Conclusions", text[cut:].strip())],
    )
