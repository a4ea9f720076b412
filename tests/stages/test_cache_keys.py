"""The facts extractor's version is part of the drafting cache key: a new version re-extracts
facts and drafts again, in the stages and in the lab's draft cache."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import pipeline.enrich.facts
import pipeline.stages.enrich
from pipeline.lab.grid import input_fingerprint
from pipeline.stages.draft import plan, run_draft
from pipeline.stages.enrich import pending_ids, run_enrich
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from tests.stages.test_stages import FakeBackend, ListSource


def test_a_new_extractor_version_refreshes_facts_and_misses_the_draft_cache(
    store: Store, bmc_records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_ingest(store, ListSource(bmc_records[:3]))
    run_enrich(store)
    backend = FakeBackend()
    assert run_draft(store, backend)["drafted"] == 3
    assert pending_ids(store) == [] and plan(store, backend).todo == []
    with store.session() as s:
        article = repo.to_domain(s.scalars(select(m.Article).order_by(m.Article.id)).first())
    lab_key = input_fingerprint(article)

    # What a change to the extractor does: its version moves on.
    next_version = pipeline.enrich.facts.EXTRACTOR_VERSION + ".next"
    monkeypatch.setattr(pipeline.enrich.facts, "EXTRACTOR_VERSION", next_version)
    monkeypatch.setattr(pipeline.stages.enrich, "EXTRACTOR_VERSION", next_version)

    assert len(pending_ids(store)) == 3
    run_enrich(store)
    with store.session() as s:
        assert set(s.scalars(select(m.ArticleFacts.extractor_version))) == {next_version}
    assert len(plan(store, backend).todo) == 3  # same content, same backend: the key still changed
    assert run_draft(store, backend)["drafted"] == 3
    with store.session() as s:
        fingerprints = list(s.scalars(select(m.Draft.input_fingerprint).order_by(m.Draft.id)))
    assert len(set(fingerprints)) == 6
    assert input_fingerprint(article) != lab_key  # the lab's draft cache misses too
