"""Logs a person can follow: the stages' log lines carry run, source and article, and the stages
report progress that the CLI shows as a bar."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.logs import FORMAT, ContextFilter, context_text, log_context, progress_to
from pipeline.stages.draft import run_draft
from pipeline.stages.enrich import run_enrich
from pipeline.stages.ingest import run_ingest
from pipeline.stages.score import run_score
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.stages.test_stages import FakeBackend, ListSource


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    """What the pipeline logs, formatted as the CLI formats it."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("pipeline")
    logger.addHandler(handler)
    try:
        yield out
    finally:
        logger.removeHandler(handler)


def test_context_nests_and_is_left_behind() -> None:
    assert context_text() == ""
    with log_context(run=12):
        with log_context(article=345, source=None):
            assert context_text() == "run=12 article=345"
        assert context_text() == "run=12"
    assert context_text() == ""
    with pytest.raises(TypeError, match="not item"):
        with log_context(item=3):
            pass


def test_context_follows_work_into_threads_that_copy_it() -> None:
    import contextvars

    seen: list[str] = []
    with log_context(run=7):
        ctx = contextvars.copy_context()
    worker = threading.Thread(target=lambda: ctx.run(lambda: seen.append(context_text())))
    worker.start()
    worker.join()
    assert seen == ["run=7"]


def test_stage_lines_name_the_run_source_and_article(
    store: Store, bmc_records: list[dict], lines: io.StringIO
) -> None:
    records = bmc_records[:4]
    run_ingest(store, ListSource(records, bad={records[3]["id"]}))
    assert f"source=list: quarantined {records[3]['id']!r}" in lines.getvalue()  # names escaped (repr)

    run_enrich(store)
    with store.session() as s:
        run = m.Run(flow="test")
        s.add(run)
        s.flush()
        run_id = run.id
        failing = s.query(m.Article).filter(m.Article.doi == records[1]["doi"].lower()).one().id
    run_draft(store, FakeBackend(fail={records[1]["doi"].lower()}), run_id)
    assert f"run={run_id} article={failing}: draft failed, quarantined: RuntimeError: model exploded" in (
        lines.getvalue()
    )


def test_stages_report_progress(store: Store, bmc_records: list[dict]) -> None:
    seen: list[tuple[str, int, int | None]] = []
    with progress_to(lambda stage, done, total: seen.append((stage, done, total))):
        run_ingest(store, ListSource(bmc_records[:5]))
        run_enrich(store)
        run_draft(store, FakeBackend(), batch_size=2)
        run_score(store)
    assert [s for s in seen if s[0] == "ingest list"] == [("ingest list", n, None) for n in range(1, 6)]
    assert [s for s in seen if s[0] == "enrich"] == [("enrich", 5, 5)]  # one batch of 64
    assert [s for s in seen if s[0] == "draft"] == [("draft", 2, 5), ("draft", 4, 5), ("draft", 5, 5)]
    assert [s for s in seen if s[0] == "score"] == [("score", 5, 5)]
    seen.clear()
    run_draft(store, FakeBackend(revision="2"))  # nobody listening: nothing reported, nothing breaks
    assert seen == []


def test_cli_commands_with_a_progress_bar_still_print_their_counts(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", "--source", "files", "--limit", "3"])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["-v", "reparse"])
    assert result.exit_code == 0, result.output
    assert '"records": 3' in result.output
