"""Round 18 (h18lex): "significant" is "clear" only where the glossary's context holds, a passive
"identified" is "found", HBV is written out. Real cochrane_val mine-half pages."""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def _text(fields: DraftFields) -> str:
    return " ".join([fields.simple_explanation, *fields.key_findings])


def test_round18_significant_clinical_deterioration_and_a_passive_identified() -> None:
    """CD009530.pub4's research summary read "clear clinical deterioration was recorded ... in 4.8% of
    procedures" (a serious deterioration, not a test result: the glossary's "significant" -> "clear"
    had no context); CD006647.pub4 "no trials were identified for other childhood cancers" now says
    "found"."""
    drafts = _cochrane("10.1002/14651858.CD009530.pub4", "10.1002/14651858.CD006647.pub4")
    summary = drafts["10.1002/14651858.CD009530.pub4"].research_summary
    # (h19counts: the review's one study now said in the simple explanation, the summary opens on it)
    assert "significant clinical deterioration" in summary.lower()
    assert "clear clinical" not in summary
    assert "no trials were found" in drafts["10.1002/14651858.CD006647.pub4"].research_summary.lower()


def test_round18_hbv_is_written_out_where_the_abstract_names_hepatitis() -> None:
    """CD013106.pub2 (cochrane mine half) says "people with chronic HBV" and "detectable HBV-DNA"
    without defining it; the simple explanation kept "HBV-DNA". Not beside a word that names no
    liver sense."""
    from pipeline.draft import rewrite as rw
    from pipeline.lab.datasets import cochrane_half

    abstracts = {p.id.split("/")[-1]: p.abstract for p in cochrane_half("mine")}
    assert rw.known_abbreviations(abstracts["14651858.CD013106.pub2"]).get("HBV") == "hepatitis B virus"
    assert "HBV" not in rw.known_abbreviations("HBV was measured in the cohort.")
    drafts = _cochrane("10.1002/14651858.CD013106.pub2")
    assert "HBV" not in _text(drafts["10.1002/14651858.CD013106.pub2"])
