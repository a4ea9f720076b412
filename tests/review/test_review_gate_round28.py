"""Round 28 (h28flags, issue 16 item 2): the gate's left-overs. Items queued before migration 0012
had ``review_items.gate_errors`` NULL and matched neither "Gate: has errors" nor "Gate: only over a
grade limit" until a rescoring; migration 0013 fills it in from the stored score rows. And the gate
of one draft reads its fields over their grade limit once, not twice."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

import pipeline.score.builtin_gates as builtin_gates
from pipeline.score.base import ScoreRow
from pipeline.score.gates import gate_of_rows
from pipeline.settings import Settings
from pipeline.store import models
from pipeline.store.db import alembic_config, current_revision, upgrade
from tests.review.test_review_app import queue_titles


def _to_0011(store: Any) -> None:
    """The fixture's store as a store at 0011: migrated down, so ``gate_errors`` is gone and its
    items are as 0011's queue stage left them (gate failed and flag count, no error count)."""
    with store.engine.connect() as conn:
        cfg = alembic_config(str(store.engine.url))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        conn.commit()
    assert current_revision(store.engine) == "0011"
    assert "gate_errors" not in {c["name"] for c in inspect(store.engine).get_columns("review_items")}


def test_items_queued_before_0012_get_their_gate_errors(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType, tmp_path: Path
) -> None:
    """Item 0 of the fixture has an error flag (a number: "✗ failed" at 0011); item 1 failed on a
    grade limit alone; item 2 failed once on a number its newer score row no longer flags."""
    errors_id, grade_id, fixed_id = (filled.item_ids[testdb.DOIS[i]] for i in (0, 1, 2))
    with store.session() as s:
        fixed_draft = s.get(models.ReviewItem, fixed_id).draft_id
        old_row = {
            "metric": "numbers",
            "reason": "number differs: 12",
            "severity": "error",
            "draft_text": "12",
        }
        s.add(models.Score(draft_id=fixed_draft, field="key_findings", metric="numbers", metric_version="1", value=0.0, flags=[old_row]))  # fmt: skip
        s.flush()
        s.add(models.Score(draft_id=fixed_draft, field="key_findings", metric="numbers", metric_version="2", value=1.0, flags=[]))  # fmt: skip
    _to_0011(store)
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE review_items SET gate_failed = 1 WHERE id IN (:a, :b)"),
            {"a": grade_id, "b": fixed_id},
        )
    upgrade(testdb.make_settings(tmp_path)).dispose()  # the store opened again: 0012, then 0013
    with store.session() as s:
        got = {i: s.get(models.ReviewItem, i).gate_errors for i in (errors_id, grade_id, fixed_id)}
    assert got == {errors_id: 1, grade_id: 0, fixed_id: 0}
    assert queue_titles(client.get("/", params={"flags": "gate_errors"}).text) == [str(errors_id)]
    over = queue_titles(client.get("/", params={"flags": "over_grade"}).text)
    assert sorted(over) == sorted([str(grade_id), str(fixed_id)])
    assert "✗ 1 error</span>" in client.get("/").text


def test_no_error_counted_when_the_gate_does_not_fail_on_errors(
    store: Any, filled: Any, testdb: ModuleType, tmp_path: Path
) -> None:
    """With ``gate_fail_on_errors`` off an error flag is no gate reason: the item failed on its
    grade, so it is "only over a grade limit" (0), not "has errors"."""
    errors_id = filled.item_ids[testdb.DOIS[0]]
    _to_0011(store)
    settings = testdb.make_settings(tmp_path)
    settings.gate_fail_on_errors = False
    upgrade(settings).dispose()
    with store.session() as s:
        assert s.get(models.ReviewItem, errors_id).gate_errors == 0


def test_the_gate_reads_the_grades_over_their_limit_once(monkeypatch: Any) -> None:
    calls = []
    real = builtin_gates.grades_over

    def counted(rows: Any, settings: Any) -> Any:
        calls.append(1)
        return real(rows, settings)

    monkeypatch.setattr(builtin_gates, "grades_over", counted)
    rows = [
        ScoreRow("key_findings", "fkgl", "1", 13.2, []),
        ScoreRow("simple_explanation", "fkgl", "1", 7.0, []),
    ]
    gate = gate_of_rows(rows, Settings())
    assert gate.summary() == "errors: 0 · over grade limit: key findings 13.2 > 10"
    assert gate.reasons == ["Key findings reads at grade 13.2 (Flesch-Kincaid); the limit is 10"]
    assert len(calls) == 1
    assert not gate_of_rows(rows[1:], Settings()).failed
