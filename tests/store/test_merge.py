"""Duplicates across sources: ids first, then fuzzy title + first author + year; merge precedence."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from pipeline.domain import Section
from pipeline.sources.parsers import parse_payload
from pipeline.store import merge, repo
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.sources.conftest import body

SPRINGER = body("openaccess_jats_response_bmc_psychiatry_redacted.xml")
PUBMED = body("efetch_pubmed_35123456_bmc_musculoskelet_disord.xml")


def _jats():  # type: ignore[no-untyped-def]
    articles, _ = parse_payload(SPRINGER, "springer.xml")
    return dataclasses.replace(articles[0], source="springer")


def test_normalization() -> None:
    assert merge.normalize_title(
        "  The Prejudice towards People — with Mental Illness (PPMI) scale: Structure. "
    ) == ("the prejudice towards people with mental illness ppmi scale structure")
    assert (
        merge.normalize_title("Lysis time in bacteriophage λ — Étude")
        == "lysis time in bacteriophage λ etude"
    )
    assert merge.first_author_surname(["Kathleen Griffiths", "X"]) == "griffiths"
    assert merge.first_author_surname(["Griffiths, K M"]) == "griffiths"
    assert merge.rank("springer") < merge.rank("europepmc") < merge.rank("pubmed") < merge.rank("crossref")


def test_same_article_from_two_sources_is_merged_by_title_author_year(store: Store) -> None:
    jats = _jats()
    # The same paper as PubMed would list it: no DOI yet, a PMID, title punctuation and case differ,
    # abstract as one unlabelled section, a year later in print.
    other = dataclasses.replace(
        jats,
        source="pubmed",
        source_id="999",
        doi=None,
        pmid="30200000",
        title=jats.title.upper().replace(":", " -"),
        sections=[Section(None, jats.abstract_plain)],
        published=jats.published.replace(year=jats.published.year + 1),
        license=None,
        mesh=["Mental Disorders"],
    )
    assert merge.is_fuzzy_duplicate(other, jats)
    with store.session() as s:
        first, _ = repo.upsert_article(s, jats)
        second, status = repo.upsert_article(s, other)
        assert second.id == first.id and status == "duplicate"
        assert second.pmid == "30200000" and second.doi == jats.doi  # ids filled from any source
        assert [x["label"] for x in second.sections] == [x.label for x in jats.sections]  # JATS abstract kept
        assert second.mesh == ["Mental Disorders"] and second.license == jats.license  # missing fields filled
        assert s.scalar(select(func.count(m.Article.id))) == 1


def test_better_source_replaces_a_worse_one(store: Store) -> None:
    jats = _jats()
    worse = dataclasses.replace(jats, source="pubmed", sections=[Section(None, jats.abstract_plain)])
    with store.session() as s:
        repo.upsert_article(s, worse)
        row, status = repo.upsert_article(s, jats)
        assert status == "updated" and row.source == "springer" and len(row.sections) == len(jats.sections)


def test_different_dois_are_never_fuzzy_merged(store: Store) -> None:
    jats = _jats()
    correction = dataclasses.replace(jats, doi="10.1186/s12888-018-9999-9", source="europepmc")
    assert not merge.is_fuzzy_duplicate(correction, jats)
    with store.session() as s:
        repo.upsert_article(s, jats)
        _, status = repo.upsert_article(s, correction)
    assert status == "new"


def test_same_record_from_files_and_pubmed_is_one_article(store: Store) -> None:
    from pipeline.settings import REPO_ROOT

    sample = (REPO_ROOT / "data" / "samples" / "pubmed_35123456.xml").read_bytes()
    (from_files,), _ = parse_payload(sample, "pubmed_35123456.xml")
    (from_api,), _ = parse_payload(PUBMED, "efetch")
    with store.session() as s:
        repo.upsert_article(s, dataclasses.replace(from_files, source="files"))
        _, status = repo.upsert_article(s, from_api)
        assert status == "duplicate" and s.scalar(select(func.count(m.Article.id))) == 1
