"""Round 25 (h25speed, issue 17; issue 14 speed target): work the composer did twice for one
abstract, done once, with the same drafts."""

from __future__ import annotations

import pytest

from pipeline.draft import rewrite as rw
from pipeline.text import abbreviations as ab
from tests.conftest import article_from_record, load_bmc_records


def _abstract(record_id: str) -> str:
    return next(article_from_record(r) for r in load_bmc_records() if r["id"] == record_id).abstract_plain


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Calls of known_abbreviations and _SHORT_FORM.finditer (find_abbreviations' search), in
    pipeline.text.abbreviations, where rewrite's abbreviation functions live since round 25."""
    calls = {"known": 0, "defined": 0}
    known, short_form = ab.known_abbreviations, ab._SHORT_FORM

    def counted_known(text: str, path=None):  # type: ignore[no-untyped-def]
        calls["known"] += 1
        return known(text, path)

    class CountedShortForm:
        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            calls["defined"] += 1
            return short_form.finditer(text)

    monkeypatch.setattr(ab, "known_abbreviations", counted_known)
    monkeypatch.setattr(ab, "_SHORT_FORM", CountedShortForm())
    ab._written_out.cache_clear()
    ab._defined_abbreviations.cache_clear()
    yield calls
    ab._written_out.cache_clear()
    ab._defined_abbreviations.cache_clear()


def test_an_abstracts_abbreviations_are_read_once(counted: dict[str, int]) -> None:
    """bmc s13015-015-0062-4 defines NGS, MR and CARs and uses NGS (reviewed list): the composer
    asks for its abbreviations three ways (compose: article_abbreviations, first_use_abbreviations,
    find_abbreviations); each reading of the abstract is done once, and every caller gets its own dict."""
    text = _abstract("10.1186/s13015-015-0062-4")
    written = rw.article_abbreviations(text)
    assert written == {
        "NGS": "next-generation sequencing",
        "MR": "matching region",
        "CARs": "candidate alignment regions",
        "CAR": "candidate alignment region",
    }
    first_uses = rw.first_use_abbreviations(text)
    defined = rw.find_abbreviations(text)
    assert counted == {"known": 1, "defined": 1}
    assert set(written) <= set(first_uses) and set(defined) == set(written)
    written["NGS"] = "changed by a caller"
    defined.pop("MR")
    assert rw.article_abbreviations(text)["NGS"] == "next-generation sequencing"
    assert "MR" in rw.find_abbreviations(text)


def test_a_drug_name_is_protected_by_its_stem_in_any_case() -> None:
    """bmc s13287-018-0851-z: "with or without imatinib, ... or sorafenib" (INN stems -tinib, -nib),
    bmc 1471-2202-6-30 "diazepam" (-zepam), also opening a sentence; "peptide" (-tide, 7 letters) and
    "ten-nucleotide" as the old search found them. Every word of 60 BMC abstracts is protected as
    the search ``(?:stem|...)$`` under re.IGNORECASE found it before (round 25: str.endswith)."""
    import re

    from pipeline.text import swaps

    text = "hASCs were also treated with PRP or PDGF-BB with or without imatinib, or sorafenib."
    spans = swaps.protected_spans(text)
    for drug in ("imatinib", "sorafenib"):
        start = text.index(drug)
        assert (start, start + len(drug)) in spans
    for text, word in (("Diazepam was given.", "Diazepam"), ("a Zera peptide was", "peptide")):
        start = text.index(word)
        assert (start, start + len(word)) in swaps.protected_spans(text)
    stem_search = re.compile("(?:" + "|".join(swaps._DRUG_STEMS) + ")$", re.I)
    abstracts = [" ".join(s["text"] for s in r["sections"]) for r in load_bmc_records()[:60]]
    words = [w.group(0) for text in abstracts for w in swaps._WORD.finditer(text)]
    assert len(words) > 10_000
    assert [w for w in words if w.lower().endswith(swaps._DRUG_STEMS)] == [
        w for w in words if stem_search.search(w)
    ]


def test_the_bench_ab_puts_back_the_originals_kept_in_a_tuple_or_dict() -> None:
    """bench/draft.py --ungated drafts with each gated pattern's original in its place; round 25
    gated patterns kept in a tuple (plan._CERTAINTY) and a dict (sentences._CUES), which a swap of
    module-level patterns alone left gated."""
    import importlib.util
    from pathlib import Path

    import pipeline.draft.composer  # noqa: F401  # its modules compile their gated patterns
    from pipeline.draft import sentences
    from pipeline.draft.composer import plan
    from pipeline.text.patterns import UNGATED

    path = Path(__file__).resolve().parents[2] / "bench" / "draft.py"
    spec = importlib.util.spec_from_file_location("bench_draft", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    places = {
        (module.__name__, name): (value, original) for module, name, value, original in bench.gated_places()
    }
    certainty, original = places[("pipeline.draft.composer.plan", "_CERTAINTY")]
    assert certainty is plan._CERTAINTY
    assert [p for _, p in original] == [UNGATED[p] for _, p in plan._CERTAINTY]
    cues, original = places[("pipeline.draft.sentences", "_CUES")]
    assert cues is sentences._CUES and original == {k: UNGATED[p] for k, p in sentences._CUES.items()}
    assert places[("pipeline.draft.composer.plan", "_MORE_RESEARCH")][1] is UNGATED[plan._MORE_RESEARCH]
