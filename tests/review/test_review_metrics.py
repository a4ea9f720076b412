"""The review app's editor metrics and the lab's editor feedback report the same numbers for the
same edits (one implementation: pipeline.publish.edits)."""

from __future__ import annotations

import csv
import io
import math
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient

from pipeline.lab.feedback import editor_edits
from pipeline.publish.edits import model_ancestor, page_text
from pipeline.store import models
from tests.review.conftest import approve, edit_form, post

EDITS = {
    0: {
        "simple_explanation": "Stiff joints from birth are called arthrogryposis. Walking tests gave the same results."
    },
    1: {"key_findings": "Nothing about the findings is certain yet.\nMore people need to be studied."},
}


def _levenshtein(a: str, b: str) -> int:
    """Plain dynamic-programming edit distance (insert, delete, substitute), as a check."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_app_and_notebook_report_the_same_edit_distance_and_grades(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    items = [filled.item_ids[testdb.DOIS[n]] for n in EDITS]
    for item, change in zip(items, EDITS.values(), strict=True):
        assert post(client, f"/items/{item}/edit", edit_form(client, item) | change).status_code == 303
        assert approve(approver, item).status_code == 303
        assert post(approver, f"/items/{item}/transition", {"action": "publish"}).status_code == 303

    app_rows = {int(r["item_id"]): r for r in csv.DictReader(io.StringIO(client.get("/metrics.csv").text))}
    lab_rows = editor_edits(store).set_index("item_id")
    assert set(items) <= set(app_rows) and set(items) <= set(lab_rows.index)
    for item in items:
        app, lab = app_rows[item], lab_rows.loc[item]
        assert float(app["edit_distance"]) == lab["edit_distance"] > 0
        for side in ("fkgl_before", "fkgl_after"):
            assert float(app[side]) == round(lab[side], 2) and not math.isnan(lab[side])
        with store.session() as s:
            current = s.get(models.ReviewItem, item).draft
            base, _ = model_ancestor(current, current.article.drafts)
            assert base is not None
            before, after = page_text(base.fields), page_text(current.fields)
        # Levenshtein, not Indel: substitutions count once.
        expected = _levenshtein(before, after) / max(len(before), len(after))
        assert lab["edit_distance"] == round(expected, 4)
