"""End to end: the nightly Prefect flow on the bundled sample into a temporary SQLite store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline.domain import DraftFields
from pipeline.store import models as m
from tests.conftest import REPO

pytestmark = pytest.mark.slow
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _count(store, model) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_nightly_on_sample_then_rerun_adds_nothing(prefect_harness, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pipeline.draft.base as draft_base
    import pipeline.stages.draft as draft_stage
    from pipeline.flows.nightly import nightly
    from pipeline.runtime import get_store
    from pipeline.settings import load_settings

    samples = tmp_path / "samples"
    shutil.copytree(REPO / "data" / "samples", samples)
    # One malformed file and one without an abstract: quarantined with their names, the run goes on.
    (samples / "broken.xml").write_bytes(b"<PubmedArticleSet><PubmedArticle><MedlineCitation>")
    shutil.copy(
        REPO / "tests" / "fixtures" / "samples_bad" / "no_abstract.json", samples / "no_abstract.json"
    )
    overrides = {
        "data_dir": str(tmp_path / "var"),
        "samples_dir": str(samples),
        "secret_key": "do-not-store-me",
        "gate_max_fkgl_research_summary": 12.5,  # looser than the default: fails no more
    }
    built: list[str] = []  # backends built
    planned: list[list[int] | None] = []  # draft lists computed (ids: one chunk's re-check)
    make_backend, plan = draft_base.make_backend, draft_stage.plan

    def counting_make_backend(settings, name=None, **options):  # type: ignore[no-untyped-def]
        built.append(name or settings.backend)
        return make_backend(settings, name, **options)

    def counting_plan(store, backend, **kw):  # type: ignore[no-untyped-def]
        planned.append(kw.get("ids"))
        return plan(store, backend, **kw)

    monkeypatch.setattr(draft_base, "make_backend", counting_make_backend)
    monkeypatch.setattr(draft_stage, "plan", counting_plan)

    first = nightly(overrides=overrides)
    # one backend for the whole run (the check up front, the plan and every draft task share it);
    # the draft list computed once, then re-checked only for each chunk's own ids
    assert built == ["composer"]
    assert [ids for ids in planned if ids is None] == [None]
    built.clear(), planned.clear()
    summary = first["summary"]
    assert first["status"] == "completed with failures"  # the two planted bad files
    assert summary["new"] >= 30
    assert summary["quarantined"] == 2
    assert summary["drafted"] == summary["queued"] == summary["new"]
    assert summary["scored"] == summary["drafted"]
    # every timed stage has its CPU seconds beside its wall clock (round 12, h12ops)
    assert set(first["counts"]["cpu"]) == set(first["counts"]["durations"])
    assert all(v >= 0 for v in first["counts"]["cpu"].values())
    assert "Prefect flow and task bookkeeping" in first["counts"]["fixed_cpu"]

    store = get_store(load_settings(**overrides))
    with store.session() as s:
        reasons = {q.record: q.reason for q in s.scalars(select(m.Quarantine))}
        assert any("broken.xml" in rec for rec in reasons), reasons
        assert any("no_abstract.json" in rec for rec in reasons), reasons
        items = s.scalars(select(m.ReviewItem)).all()
        assert {i.status for i in items} == {"new"}
        for item in items:
            fields = DraftFields.from_dict(item.draft.fields)
            article = item.article
            source = article.title + " " + " ".join(sec["text"] for sec in article.sections)
            assert fields.simple_explanation and fields.research_summary
            assert 1 <= len(fields.key_findings) <= 3
            assert fields.practical_implications and all(
                p.title and p.text for p in fields.practical_implications
            )
            assert fields.limitations
            assert fields.evidence_level and fields.participants and fields.study_duration
            scope = (article.facts.data or {}).get("scope") or {}
            # an out-of-scope article (the bundled geology paper) gets no health categories
            assert fields.categories or scope.get("value") == "out of scope"
            for number in NUMBER.findall(
                fields.all_text() + " " + fields.participants + " " + fields.study_duration
            ):
                assert number in source, (article.doi, number)
            metrics = {(sc.field, sc.metric) for sc in item.draft.scores}
            for metric in ("fkgl", "dale_chall", "coleman_liau"):
                assert ("simple_explanation", metric) in metrics
        run = s.scalars(select(m.Run)).one()
        assert run.status == "completed with failures" and run.finished_at is not None
        recorded = run.settings
    # the Run row records every setting (secrets hidden) and what drafted
    assert recorded["backend"] == "composer" and recorded["prompt_set"] == "default"
    assert recorded["spacy_model"] == load_settings().spacy_model and recorded["model"] is None
    assert recorded["gate_max_fkgl_research_summary"] == 12.5 and recorded["gate_fail_on_errors"] is True
    assert recorded["samples_dir"] == str(samples) and recorded["secret_key"] == "***"
    assert "do-not-store-me" not in str(recorded)
    drafting = recorded["drafting"]
    assert drafting["backend"] == "composer" and drafting["prompt_id"] and drafting["prompt_version"]
    assert drafting["params"]["spacy_model"] == recorded["spacy_model"] and drafting["params"]["word_lists"]
    assert (
        "drafted with: backend composer" in first["report"]
        and "- gate_max_fkgl_research_summary: 12.5" in first["report"]
    )

    counts = {
        model: _count(store, model) for model in (m.Article, m.Draft, m.ReviewItem, m.Score, m.RawRecord)
    }
    second = nightly(overrides=overrides)
    assert built == ["composer"] and planned == [None]  # nothing to enrich: drafting planned once
    assert second["summary"]["new"] == 0
    assert second["summary"]["drafted"] == 0 and second["summary"]["queued"] == 0
    assert second["summary"]["duplicates"] == summary["new"]
    assert {model: _count(store, model) for model in counts} == counts
    assert _count(store, m.Run) == 2
