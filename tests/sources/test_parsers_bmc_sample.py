"""Every record of the shared BMC sample parses from its raw file to the published sections."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.domain import Article, normalize_doi, normalize_text
from pipeline.errors import ParseError
from pipeline.sources.parsers import detect_format, parse_payload

SHARED = Path(__file__).parents[2].parent / "shared"
BMC_SAMPLE = SHARED / "data" / "bmc_sample"
EUROPEPMC = SHARED / "data" / "fixtures" / "europepmc"

pytestmark = pytest.mark.skipif(not BMC_SAMPLE.is_dir(), reason=f"shared data not found at {BMC_SAMPLE}")

# The reference split Europe PMC's inline labels only at the titles of the article's JATS abstract.
# This record's Europe PMC text also carries "AVAILABILITY:" (a heading in the source text that the
# JATS abstract folds into Conclusions); the parser splits there, as it does for any inline heading.
SPLITS_AVAILABILITY = {"10.1186/s12859-019-3221-7"}


def _records() -> list[dict]:
    """abstracts.jsonl rows (empty when the shared data is absent, so collection still works)."""
    path = BMC_SAMPLE / "abstracts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def _parsed(raw_file: str) -> tuple[tuple[Article, ...], tuple[ParseError, ...]]:
    """Parse one raw file once (the MEDLINE file is shared by 24 records)."""
    payload = (BMC_SAMPLE / raw_file).read_bytes()
    articles, errors = parse_payload(payload, raw_file, detect_format(payload, raw_file))
    return tuple(articles), tuple(errors)


def _sections(items: list) -> list[tuple[str | None, str]]:
    """(label, normalized text) pairs from Section objects or jsonl dicts."""
    return [
        (s["label"], normalize_text(s["text"])) if isinstance(s, dict) else (s.label, normalize_text(s.text))
        for s in items
    ]


RECORDS = _records()


def test_sample_has_200_records() -> None:
    assert len(RECORDS) == 200


@pytest.mark.parametrize("rec", RECORDS, ids=[r["doi"] for r in RECORDS])
def test_raw_file_parses_to_reference_record(rec: dict) -> None:
    articles, _ = _parsed(rec["raw_file"])
    matches = [a for a in articles if a.doi == normalize_doi(rec["doi"])]
    assert len(matches) == 1, f"{rec['raw_file']} gave no article with DOI {rec['doi']}"
    article = matches[0]
    assert normalize_text(article.title) == normalize_text(rec["title"])
    assert article.journal == rec["journal"]
    assert (article.pmid or None) == (rec["pmid"] or None)
    if rec["pmcid"]:
        assert article.pmcid == "PMC" + rec["pmcid"].removeprefix("PMC")
    if len(rec["date"]) == 10:
        assert article.published is not None and article.published.isoformat() == rec["date"]
    else:
        assert article.published is not None and str(article.published.year) == rec["date"][:4]
    if rec.get("license_url"):
        assert article.license == rec["license_url"]
    expected, got = _sections(rec["sections"]), _sections(article.sections)
    if rec["doi"] in SPLITS_AVAILABILITY:
        *head, (label, text) = got
        assert label == "Availability"
        head[-1] = (head[-1][0], f"{head[-1][1]} AVAILABILITY:{text}")
        got = head
    assert got == expected


def test_medline_file_yields_every_citation_without_errors() -> None:
    articles, errors = _parsed("raw/medline16n0902.xml.gz")
    assert errors == () or all(e.reason == "no abstract" for e in errors)
    assert len(articles) + len(errors) == 604
    assert sum(1 for a in articles if (a.doi or "").startswith("10.1186/")) >= 24


def test_springer_response_yields_both_records() -> None:
    articles, errors = _parsed("raw/springer_openaccess_jats_redacted.xml")
    assert not errors
    assert [a.journal for a in articles] == ["BMC Psychiatry", "Scientific Reports"]
    assert all(a.license == "http://creativecommons.org/licenses/by/4.0/" for a in articles)
    assert articles[0].keywords[:2] == ["Prejudice", "Mental illness"]
    assert articles[0].language == "en"


def test_pubmed_fields() -> None:
    (article,), _ = _parsed("raw/pubmed_article_25113016.xml")
    assert article.article_type == "case-report"
    assert article.pmcid == "PMC4136409"
    assert article.language == "en"
    assert "Spinal Cord Ischemia" in article.mesh
    assert article.authors[0] == "Kyung Min Shin"
    assert [s.label for s in article.sections] == ["Introduction", "Case presentation", "Conclusions"]


def test_bmc_xml_fields() -> None:
    (article,), _ = _parsed("raw/bmc_xml_1745-6215-16-3.xml")
    assert article.pmid == "25566971"
    assert article.publisher == "BioMed Central"
    assert article.license == "http://creativecommons.org/licenses/by/4.0"
    assert article.keywords


def test_medline_text_fields() -> None:
    (article,), _ = _parsed("raw/medline_txt_16403221.txt")
    assert article.authors == ["James A Casbon", "Gavin E Crooks", "Mansoor A S Saqi"]
    assert article.pmcid == "PMC1373603"
    assert "Software" in article.mesh


@pytest.mark.skipif(not EUROPEPMC.is_dir(), reason="Europe PMC fixtures not found")
def test_europepmc_rest_search_keeps_good_records_and_reports_bad_ones() -> None:
    name = "search_core_cancer_page1.json"
    payload = (EUROPEPMC / name).read_bytes()
    assert detect_format(payload, name) == "europepmc_json"
    articles, errors = parse_payload(payload, name)
    assert len(articles) + len(errors) == 25
    assert len(articles) >= 20 and errors
    assert all(e.reason == "no abstract" and e.record.startswith(f"{name}#") for e in errors)
    first = articles[0]
    assert first.doi == "10.1111/bjhp.12807"
    assert [s.label for s in first.sections][:2] == ["Objective", "Design"]
    assert first.license == "cc by"
    sub = next(a for a in articles if a.doi == "10.1111/fcp.70029")
    assert "Hydrogen sulfide (H2S)" in sub.sections[0].text  # <sub> flattened


@pytest.mark.skipif(not EUROPEPMC.is_dir(), reason="Europe PMC fixtures not found")
def test_europepmc_no_results_is_empty_not_an_error() -> None:
    payload = (EUROPEPMC / "search_no_results.json").read_bytes()
    assert parse_payload(payload, "search_no_results.json") == ([], [])
