"""Audit views (admins), CSV exports, editor metrics and reader feedback."""

from __future__ import annotations

import csv
import io
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.store import models
from tests.review.conftest import approve, edit_form, post

EDITED = "Arthrogryposis means stiff joints from birth. Walking tests gave the same results on two days."


def publish_edited(client: TestClient, approver: TestClient, item: int) -> None:
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": EDITED})
    assert approve(approver, item).status_code == 303
    assert post(approver, f"/items/{item}/transition", {"action": "publish"}).status_code == 303


def test_audit_view_filters_and_csv(
    client: TestClient, approver: TestClient, admin: TestClient, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    publish_edited(client, approver, item)
    post(client, f"/items/{item}/comments", {"body": '=HYPERLINK("http://evil")'})
    html = admin.get("/audit").text
    assert "Audit log" in html and "<code>edit</code>" in html and "<code>publish</code>" in html
    only_edna = admin.get("/audit", params={"actor": "edna"}).text
    assert "<code>publish</code>" not in only_edna and "<code>edit</code>" in only_edna
    only_approve = admin.get("/audit", params={"action": "approve"}).text
    assert "<code>approve</code>" in only_approve and "<code>edit</code>" not in only_approve
    assert (
        admin.get(f"/items/{item}/audit", follow_redirects=False).headers["location"]
        == f"/audit?item_id={item}"
    )
    r = admin.get("/audit.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["id", "at", "actor", "action", "item_id", "article_id", "before", "after"]
    actions = [row[3] for row in rows[1:]]
    assert {"edit", "approve", "publish", "comment", "login"} <= set(actions)
    comment_row = next(row for row in rows[1:] if row[3] == "comment")
    assert comment_row[7].startswith("{")  # JSON, not a formula
    filtered = list(csv.reader(io.StringIO(admin.get("/audit.csv", params={"action": "publish"}).text)))
    assert [row[3] for row in filtered[1:]] == ["publish"]


def test_editor_metrics_page_and_csv(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    publish_edited(client, approver, item)
    post(client, f"/items/{filled.item_ids[testdb.DOIS[1]]}/transition", {"action": "reject"})
    html = client.get("/metrics").text
    # decided: approved (item 3) + published (item 1) + rejected (item 2) -> 2 of 3 accepted
    assert '<dd id="acceptance">67%</dd>' in html
    assert "extractive" in html and "default v1" in html
    rows = list(csv.reader(io.StringIO(client.get("/metrics.csv").text)))
    assert rows[0][:5] == ["item_id", "doi", "model", "prompt", "edit_distance"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["item_id"] == str(item) and row["editors"] == "edna"
    assert 0 < float(row["edit_distance"]) < 1
    assert float(row["hours_in_queue"]) >= 0
    assert float(row["fkgl_before"]) != float(row["fkgl_after"])


def test_feedback_stored_without_personal_data(
    anon: TestClient, client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[2]
    article = filled.article_ids[doi]
    # not published yet: refused
    anon.headers["origin"] = "http://testserver"  # the app's own origin (the site it serves)
    r = anon.post("/feedback", data={"article_id": article, "helpful": "yes"})
    assert r.status_code == 404
    assert (
        post(approver, f"/items/{filled.item_ids[doi]}/transition", {"action": "publish"}).status_code == 303
    )
    r = anon.post(
        "/feedback",
        data={"article_id": article, "helpful": "no", "comment": "Too long."},
        headers={"user-agent": "SecretBrowser/1.0", "x-forwarded-for": "203.0.113.9"},
    )
    assert r.status_code == 200 and "Thank you" in r.text
    assert "set-cookie" not in r.headers
    r = anon.post(
        "/feedback", data={"article_id": article, "helpful": "yes"}, headers={"accept": "application/json"}
    )
    assert r.json() == {"status": "thanks"}
    assert anon.post("/feedback", data={"article_id": article, "helpful": "maybe"}).status_code == 400
    with store.session() as s:
        rows = s.scalars(select(models.Feedback).order_by(models.Feedback.id)).all()
        assert [(f.article_id, f.helpful, f.comment) for f in rows] == [
            (article, False, "Too long."),
            (article, True, None),
        ]
    columns = set(models.Feedback.__table__.c.keys())
    assert columns == {"id", "article_id", "helpful", "comment", "created_at"}
    with store.engine.connect() as conn:
        dump = "\n".join(str(r) for r in conn.exec_driver_sql("SELECT * FROM feedback").all())
    assert "203.0.113.9" not in dump and "SecretBrowser" not in dump and "testclient" not in dump
