"""Round 27 (h27flags, issue 16 item 2): the gate's reasons told apart. A draft with an error (a
contradiction of its abstract) is another job than one that only reads above a grade limit (round
26: 95% of the composer's BMC drafts failed the gate, most on the key-findings grade limit alone):
the draft page says "errors: N · over grade limit: FIELD GRADE > LIMIT" and the queue filters the
two apart."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.score.base import ScoreRow
from pipeline.score.gates import GRADE_GATE, gate_of_rows, gate_parts, refresh_gates
from pipeline.settings import Settings
from pipeline.store import models
from tests.review.test_review_app import queue_titles


def _rows(kf_grade: float, errors: int) -> list[ScoreRow]:
    number = {
        "metric": "number_faithfulness",
        "reason": "number differs: 27%",
        "severity": "error",
        "draft_text": "27%",
    }
    return [
        ScoreRow("simple_explanation", "fkgl", "1", 7.5, []),
        ScoreRow("key_findings", "fkgl", "1", kf_grade, []),
        ScoreRow("research_summary", "fkgl", "1", 11.0, []),
        ScoreRow("key_findings", "number_faithfulness", "17", 0.5, [number] * errors),
    ]


def test_the_gate_says_errors_and_grade_limits_apart() -> None:
    only_grade = gate_of_rows(_rows(13.2, 0), Settings())
    assert only_grade.failed and only_grade.errors == []
    assert only_grade.summary() == "errors: 0 · over grade limit: key findings 13.2 > 10"
    both = gate_of_rows(_rows(13.2, 1), Settings())
    assert both.summary() == "errors: 1 · over grade limit: key findings 13.2 > 10"
    assert both.reasons[0].startswith("Key findings: number differs")  # errors first
    errors_only = gate_of_rows(_rows(9.0, 1), Settings())
    assert errors_only.summary() == "errors: 1 · over grade limit: none"
    assert not gate_of_rows(_rows(9.0, 0), Settings()).failed
    assert list(gate_parts(_rows(13.2, 1), Settings()))[0] == GRADE_GATE  # registration order kept


def _over_grade(store: Any, draft_id: int) -> None:
    """A newer grade row: the draft's simple explanation reads at 12.04 (the limit is 8)."""
    with store.session() as s:
        s.add(
            models.Score(
                draft_id=draft_id,
                field="simple_explanation",
                metric="fkgl",
                metric_version="2",
                value=12.04,
                flags=[],
            )
        )


def test_the_queue_filters_errors_apart_from_grade_limits(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """Item 0 of the fixture has an error flag (a number); item 1 none, until its simple explanation
    reads above its limit."""
    errors_id, grade_id = (filled.item_ids[testdb.DOIS[i]] for i in (0, 1))
    with store.session() as s:
        grade_draft = s.get(models.ReviewItem, grade_id).draft_id
    _over_grade(store, grade_draft)
    with store.session() as s:
        drafts = list(s.scalars(select(models.ReviewItem.draft_id)))
        assert refresh_gates(s, drafts, testdb.make_settings(Path("."))) >= 2
    with store.session() as s:
        assert s.get(models.ReviewItem, errors_id).gate_errors == 1
        item = s.get(models.ReviewItem, grade_id)
        assert (item.gate_failed, item.gate_errors) == (True, 0)
    assert queue_titles(client.get("/", params={"flags": "gate_failed"}).text) == [
        str(errors_id),
        str(grade_id),
    ]
    assert queue_titles(client.get("/", params={"flags": "gate_errors"}).text) == [str(errors_id)]
    assert queue_titles(client.get("/", params={"flags": "over_grade"}).text) == [str(grade_id)]
    html = client.get("/").text
    assert "✗ 1 error</span>" in html and ">over grade limit</span>" in html
    assert '<option value="gate_errors"' in html and '<option value="over_grade"' in html


def test_the_draft_page_says_errors_and_grade_limits_apart(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item_id = filled.item_ids[testdb.DOIS[0]]
    html = client.get(f"/items/{item_id}").text
    assert "Quality gate: errors: 1 · over grade limit: none" in html
    # the page head says it as the queue's Gate column does (it said "✗ quality gate failed" alone)
    assert 'id="gate-head">✗ quality gate failed: 1 error</span>' in html
    with store.session() as s:
        draft_id = s.get(models.ReviewItem, item_id).draft_id
    _over_grade(store, draft_id)
    html = client.get(f"/items/{item_id}").text
    assert "Quality gate: errors: 1 · over grade limit: simple explanation 12.0 &gt; 8" in html
    # an item over a grade limit only: no "failed" in red at the page head
    grade_id = filled.item_ids[testdb.DOIS[1]]
    with store.session() as s:
        grade_draft = s.get(models.ReviewItem, grade_id).draft_id
    _over_grade(store, grade_draft)
    with store.session() as s:
        refresh_gates(s, [grade_draft], testdb.make_settings(Path(".")))
    html = client.get(f"/items/{grade_id}").text
    assert 'class="gate-grade" id="gate-head">quality gate: over grade limit</span>' in html
    assert "✗ quality gate failed" not in html
