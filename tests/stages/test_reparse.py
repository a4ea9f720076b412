"""Reparse: articles re-derived from archived raw payloads, no network, failures quarantined."""

from __future__ import annotations

from sqlalchemy import func, select

from pipeline.settings import REPO_ROOT
from pipeline.sources.base import make_source
from pipeline.stages.ingest import run_ingest
from pipeline.stages.reparse import run_reparse
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "http"


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_reparse_rederives_articles_from_archived_payloads(store: Store, settings) -> None:  # type: ignore[no-untyped-def]
    run_ingest(store, make_source("files", settings), limit=5)
    articles = _count(store, m.Article)
    with store.session() as s:
        # a parser fix would change what is derived: simulate a stale stored abstract
        row = s.scalars(select(m.Article).order_by(m.Article.id)).first()
        row.sections, row.fingerprint, stale_id = [{"label": None, "text": "stale"}], "0" * 64, row.id
    counts = run_reparse(store, settings=settings)
    assert counts["records"] == 5 and counts["updated"] == 1 and counts["new"] == 0
    assert counts["duplicates"] == articles - 1 and _count(store, m.Article) == articles
    with store.session() as s:
        assert s.get(m.Article, stale_id).sections[0]["text"] != "stale"


def test_reparse_of_network_payloads_needs_no_network_and_quarantines_failures(
    store: Store, settings
) -> None:  # type: ignore[no-untyped-def]
    efetch = (FIXTURES / "efetch_pubmed_35123456_bmc_musculoskelet_disord.xml").read_bytes()
    with store.session() as s:
        repo.archive_raw(
            s,
            "pubmed",
            "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi?api_key=REDACTED",
            efetch,
            "pubmed_xml",
        )
        repo.archive_raw(
            s,
            "europepmc",
            "https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=x",
            b'{"resultList": {"result": [',
            "europepmc_json",
        )
    counts = run_reparse(store, settings=settings)
    assert (counts["new"], counts["quarantined"]) == (1, 1)
    with store.session() as s:
        art = s.scalars(select(m.Article)).one()
        q = s.scalars(select(m.Quarantine)).one()
    assert art.pmid == "35123456" and art.source == "pubmed"
    assert q.stage == "reparse" and q.reason.startswith("malformed JSON")
    assert run_reparse(store, source="pubmed", settings=settings) == {
        "records": 1,
        "new": 0,
        "duplicates": 1,
        "updated": 0,
        "quarantined": 0,
    }
