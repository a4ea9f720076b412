"""Round 18 (h18lex): the composer says "significant" as "clear" where the glossary's context holds
(it kept both words as written through composer 17's ``keep_words``), and keeps "significantly"
where "clearly" would be cut as filler. Real cochrane_val mine-half pages."""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def _text(fields: DraftFields) -> str:
    return " ".join([fields.simple_explanation, *fields.key_findings])


def test_round18_no_significant_difference_is_no_clear_difference() -> None:
    """CD001912.pub4 "There was no significant difference between groups in infant or conventional
    lung function." kept "significant" in the simple explanation; CD003416.pub4 "did not differ
    significantly" keeps its adverb (a cut "clearly" said there was no difference at all)."""
    drafts = _cochrane("10.1002/14651858.CD001912.pub4", "10.1002/14651858.CD003416.pub4")
    first = _text(drafts["10.1002/14651858.CD001912.pub4"])
    assert "no clear difference between groups" in first
    assert "significant" not in first
    second = _text(drafts["10.1002/14651858.CD003416.pub4"])
    assert "did not differ significantly" in second
    assert "clearly lower multiple pregnancy rate" in second


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
