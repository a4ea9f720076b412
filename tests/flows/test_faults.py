"""Fault injection on the real nightly flow: flaky and dead sources, model errors, a dead
database, and a process killed with SIGKILL in the middle of drafting."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import tests.flows.fault_parts as parts
from pipeline.store import models as m
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _overrides(tmp_path: Path, **extra: object) -> dict[str, object]:
    return {"data_dir": str(tmp_path / "var"), "backend": "sleepy", "task_retry_delays": [0.0], **extra}


def _store(overrides: dict[str, object]):  # type: ignore[no-untyped-def]
    from pipeline.runtime import get_store
    from pipeline.settings import load_settings

    return get_store(load_settings(**overrides))


def test_transient_source_errors_are_retried_and_a_dead_source_does_not_stop_the_others(
    prefect_harness,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from pipeline.flows.nightly import nightly

    parts.CALLS.clear()
    overrides = _overrides(tmp_path, sources=["flaky-files", "down"], task_retries=2)
    result = nightly(overrides=overrides)
    assert parts.CALLS["flaky-files"] == 3  # two 503s, then success
    assert parts.CALLS["down"] == 3  # tried 1 + 2 retries, then given up
    assert result["status"] == "completed with failures"
    assert result["counts"]["sources"]["flaky-files"]["new"] >= 30
    assert result["summary"]["queued"] == result["counts"]["sources"]["flaky-files"]["new"]
    failures = [e for e in result["errors"] if e["record"] == "down"]
    assert failures and "HTTP 500" in failures[0]["reason"]
    with _store(overrides).session() as s:
        run = s.get(m.Run, result["run_id"])
        assert run.status == "completed with failures" and run.errors == result["errors"]
    assert "completed with failures" in result["report"] and "down" in result["report"]


def test_non_transient_errors_are_not_retried(prefect_harness, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pipeline.errors import SourceError
    from pipeline.flows.nightly import nightly

    calls = []

    def bad_request(self, since=None, until=None, limit=None):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise SourceError("HTTP 400 Bad Request from https://down.invalid/search")

    monkeypatch.setattr(parts.DownSource, "fetch", bad_request)
    result = nightly(overrides=_overrides(tmp_path, sources=["down"], task_retries=3))
    assert len(calls) == 1
    assert result["status"] == "completed with failures"


def test_model_error_on_one_article_fails_only_that_article(
    prefect_harness, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pipeline.flows.nightly import nightly

    monkeypatch.setenv("PLAINSCI_TEST_FAIL_DOIS", "10.1186/s12891-022-05070-w")
    overrides = _overrides(tmp_path)
    result = nightly(overrides=overrides)
    summary = result["summary"]
    assert summary["draft_failed"] == 1 and summary["drafted"] == summary["new"] - 1
    assert result["status"] == "completed with failures"
    assert any("CUDA out of memory" in e["reason"] for e in result["errors"])
    with _store(overrides).session() as s:
        q = s.scalars(select(m.Quarantine).where(m.Quarantine.stage == "draft")).one()
        assert q.record == "10.1186/s12891-022-05070-w"
    # the model recovers: the next run drafts just the failed article
    monkeypatch.delenv("PLAINSCI_TEST_FAIL_DOIS")
    again = nightly(overrides=overrides)
    assert again["summary"]["drafted"] == 1 and again["summary"]["queued"] == 1


def test_a_draft_that_fails_on_its_inputs_is_skipped_until_they_change_or_retry_failed(
    prefect_harness, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The number check's kind of failure (a DraftError) comes back with the same inputs: the
    next runs skip it and say so in the report, the quarantine keeps it with its error, and it
    is tried again with retry_failed or once its cache key changes (here the model revision).
    Recorded data: the bundled sample; 10.1186/s12891-022-05070-w is one of its BMC articles."""
    from pipeline.flows.nightly import nightly

    doi = "10.1186/s12891-022-05070-w"
    monkeypatch.setenv("PLAINSCI_TEST_REJECT_DOIS", doi)
    overrides = _overrides(tmp_path)
    parts.DRAFTED.clear()
    first = nightly(overrides=overrides)
    assert first["summary"]["draft_failed"] == 1 and first["summary"]["skipped_failed"] == 0
    assert parts.DRAFTED[doi] == 1
    with _store(overrides).session() as s:
        q = s.scalars(select(m.Quarantine).where(m.Quarantine.stage == "draft")).one()
        assert q.record == doi and q.cache_key and "numbers not in the abstract" in q.reason
        article = s.get(m.Article, q.article_id)
        assert article is not None and article.doi == doi

    second = nightly(overrides=overrides)  # nothing new, the same inputs: not tried again
    assert parts.DRAFTED[doi] == 1
    assert second["summary"]["skipped_failed"] == 1 and second["summary"]["draft_failed"] == 0
    assert second["status"] == "completed"
    assert "skipped: failed before with the same inputs, 1" in second["report"]
    with _store(overrides).session() as s:  # still visible with its error
        assert (
            s.scalar(select(func.count()).select_from(m.Quarantine).where(m.Quarantine.stage == "draft")) == 1
        )

    third = nightly(overrides=overrides, retry_failed=True)  # asked for: tried (and fails) again
    assert parts.DRAFTED[doi] == 2
    assert third["summary"]["draft_failed"] == 1 and third["summary"]["skipped_failed"] == 0

    # a new model revision is a new cache key: every article is drafted again, this one too
    monkeypatch.delenv("PLAINSCI_TEST_REJECT_DOIS")
    monkeypatch.setenv("PLAINSCI_TEST_SLEEPY_REVISION", "2")
    fourth = nightly(overrides=overrides)
    assert parts.DRAFTED[doi] == 3
    assert fourth["summary"]["skipped_failed"] == 0 and fourth["summary"]["draft_failed"] == 0
    assert fourth["summary"]["drafted"] == first["summary"]["new"]


def test_a_batch_wide_draft_failure_is_not_remembered_as_the_articles_own() -> None:
    """One exception shared by the batch (the backend crashed, the model did not load) and a
    machine's failure (out of memory) are no reason to skip the article next night; a DraftError
    of its own is (the number check's message, bundled sample article s12891-022-05070-w)."""
    from pipeline.errors import ConfigError, DraftError
    from pipeline.stages.draft import same_inputs_fail_again

    own = DraftError("Draft field key_findings of s12891-022-05070-w has numbers not in the abstract: ['7'].")
    crash = ValueError("tokenizer state broken")
    oom = RuntimeError("CUDA out of memory (simulated)")
    assert same_inputs_fail_again(own, [own, object()])
    assert not same_inputs_fail_again(crash, [crash, crash])
    assert not same_inputs_fail_again(oom, [oom])
    config = ConfigError("Unknown extractive segmenter 'x'.")
    assert not same_inputs_fail_again(config, [config])


def test_one_record_failing_enrich_or_score_is_counted_and_the_others_go_on(
    prefect_harness, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import pipeline.stages.enrich as enrich_stage
    import pipeline.stages.score as score_stage
    from pipeline.flows.nightly import nightly

    no_facts, no_score = "10.1186/s12891-022-05070-w", "10.1186/s13063-014-0524-x"
    real_extract, real_score = enrich_stage.extract_facts_batch, score_stage.score_draft

    def extract(articles):  # type: ignore[no-untyped-def]
        if any(a.doi == no_facts for a in articles):
            raise ValueError("tokenizer blew up")
        return real_extract(articles)

    def score(fields, article, names=None):  # type: ignore[no-untyped-def]
        if article.doi == no_score:
            raise ZeroDivisionError("empty field")
        return real_score(fields, article, names=names)

    monkeypatch.setattr(enrich_stage, "extract_facts_batch", extract)
    monkeypatch.setattr(score_stage, "score_draft", score)
    result = nightly(overrides=_overrides(tmp_path, backend="extractive"))
    summary = result["summary"]
    assert result["status"] == "completed with failures"
    assert summary["enrich_failed"] == 1 and summary["score_failed"] == 1
    assert summary["drafted"] == summary["new"] - 1  # all but the article without facts
    assert summary["scored"] == summary["drafted"] - 1
    failed = {(e["stage"], e["record"]) for e in result["errors"]}
    assert {("enrich", no_facts), ("score", no_score)} <= failed
    assert "| enrich_failed | 1 |" in result["report"] and "| score_failed | 1 |" in result["report"]


def test_a_run_that_stops_with_an_error_is_recorded_failed_with_the_error(
    prefect_harness, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import pipeline.flows.nightly as flows
    from pipeline.errors import UnknownName

    overrides = _overrides(tmp_path, backend="extractive")

    def queue_breaks(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(flows, "run_queue", queue_breaks)
    with pytest.raises(RuntimeError, match="disk full"):
        flows.nightly(overrides=overrides)
    monkeypatch.undo()
    # a configuration error inside the flow (a deployment's settings): failed before any ingest
    with pytest.raises(UnknownName):
        flows.nightly(overrides={**overrides, "backend": "nope"})
    again = flows.nightly(overrides=overrides)
    assert again["status"] == "completed"
    with _store(overrides).session() as s:
        runs = s.scalars(select(m.Run).order_by(m.Run.id)).all()
        assert [r.status for r in runs] == ["failed", "failed", "completed"]  # not relabelled 'crashed'
        assert runs[0].errors[-1] == {
            "stage": "run",
            "record": "nightly",
            "reason": "RuntimeError: disk full",
        }
        assert runs[0].finished_at is not None and runs[0].counts["sources"]["files"]["new"] >= 30
        assert runs[1].errors[-1]["reason"].startswith("UnknownName: [E030] Unknown backend 'nope'")
        assert "sources" not in runs[1].counts or not runs[1].counts["sources"]
    assert again["summary"]["new"] == 0 and again["summary"]["queued"] >= 30


def test_database_unavailable_at_start_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pipeline.cli import app

    monkeypatch.setenv("PLAINSCI_DATABASE_URL", "postgresql+psycopg://plainsci:hunter2@127.0.0.1:1/plainsci")
    result = CliRunner().invoke(app, ["nightly"])
    assert result.exit_code == 1
    assert "Cannot open the database" in result.output and "PLAINSCI_DATABASE_URL" in result.output
    assert "hunter2" not in result.output


def test_killed_in_the_middle_of_drafting_then_rerun_loses_and_duplicates_nothing(
    prefect_harness, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    overrides = _overrides(tmp_path, draft_batch_size=2)
    env = {
        **os.environ,
        "PLAINSCI_TEST_DRAFT_DELAY": "0.4",
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PYTHONPATH": str(REPO),
    }
    cmd = [sys.executable, "-m", "tests.flows.kill_target", json.dumps(overrides)]
    # Its own process group, so that the kill takes the flow's ephemeral Prefect server with it
    # (a lost machine loses both; a lone orphaned server would outlive the test run).
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    db = tmp_path / "var" / "plainsci.db"
    store = None
    deadline = time.monotonic() + 240
    drafted = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.3)
        if db.exists():
            store = store or _store(overrides)
            try:
                with store.session() as s:
                    drafted = s.scalar(select(func.count()).select_from(m.Draft))
            except Exception:  # noqa: BLE001 - schema may still be being created
                continue
            if drafted >= 4:
                break
    assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children, "the flow runs its ephemeral Prefect server as a child process"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"left running after the kill: {[(p.pid, p.name()) for p in alive]}"
    assert store is not None
    with store.session() as s:
        articles = s.scalar(select(func.count()).select_from(m.Article))
        partial = s.scalar(select(func.count()).select_from(m.Draft))
        assert 0 < partial < articles, "kill must land in the middle of drafting"
        assert s.scalars(select(m.Run.status)).all() == ["running"]
        wm_before = {w.source: w.value for w in s.scalars(select(m.Watermark))}

    # The rerun is the next nightly run over the same store: in this process (only the killed run
    # needs a process of its own), without the drafting delay.
    from pipeline.flows.nightly import run_nightly
    from pipeline.settings import load_settings

    summary = run_nightly(load_settings(**overrides))["summary"]
    assert summary["new"] == 0 and summary["drafted"] == articles - partial
    with store.session() as s:
        per_article = s.execute(select(m.Draft.article_id, func.count()).group_by(m.Draft.article_id)).all()
        assert len(per_article) == articles and {n for _, n in per_article} == {1}
        assert s.scalar(select(func.count()).select_from(m.ReviewItem)) == articles
        assert s.scalars(select(m.Run.status).order_by(m.Run.id)).all() == ["crashed", "completed"]
        assert {w.source: w.value for w in s.scalars(select(m.Watermark))} == wm_before
