"""Workflow: the transition table, roles, the second-approver rule, claims, bulk actions,
publishing to the static site (only published items, with the edited text) and the audit trail."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import select

from pipeline.review.workflow import TRANSITIONS, WorkflowError, find_transition
from pipeline.store import models
from tests.review.conftest import approve, edit_form, post, scored

EDITED = "Stiff joints from birth are called arthrogryposis. Two test days gave the same walking results."


def status_of(store: Any, item_id: int) -> str:
    with store.session() as s:
        return s.get(models.ReviewItem, item_id).status


def act(client: TestClient, item_id: int, action: str) -> Any:
    return post(client, f"/items/{item_id}/transition", {"action": action})


def site_dir(app: Any) -> Path:
    return Path(app.state.settings.site_path)


def test_transition_table_is_explicit() -> None:
    pairs = {(t.action, t.source) for t in TRANSITIONS}
    assert len(pairs) == len(TRANSITIONS)  # one target per (action, status)
    assert find_transition("approve", "in_review").target == "approved"
    with pytest.raises(WorkflowError) as err:
        find_transition("publish", "new")
    assert err.value.status_code == 409 and "allowed only when it is approved" in err.value.message


def test_disallowed_transition_is_409_with_a_message(
    approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]  # new
    r = act(approver, item, "publish")
    assert r.status_code == 409 and "Cannot publish an item that is new" in r.text
    assert act(approver, item, "fly").status_code == 409
    assert status_of(store, item) == "new"


def test_full_workflow_with_second_approver(
    client: TestClient, approver: TestClient, app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    item = filled.item_ids[doi]
    assert act(client, item, "start_review").status_code == 303
    r = post(
        client, f"/items/{item}/transition", {"action": "request_changes", "note": "Plainer words, please."}
    )
    assert r.status_code == 303
    assert status_of(store, item) == "changes_requested"
    assert act(client, item, "resume_review").status_code == 303
    # The approver edits the text himself: he may not approve his own version.
    assert (
        post(
            approver, f"/items/{item}/edit", edit_form(approver, item) | {"simple_explanation": EDITED}
        ).status_code
        == 303
    )
    r = approve(approver, item)
    assert r.status_code == 403 and "another approver" in r.text
    with TestClient(app) as other:
        from tests.review.conftest import login

        login(other, "ava")
        assert approve(other, item).status_code == 303
        assert status_of(store, item) == "approved"
        assert act(other, item, "publish").status_code == 303
    assert status_of(store, item) == "published"
    with store.session() as s:
        events = [
            e.action
            for e in s.scalars(
                select(models.AuditEvent)
                .where(models.AuditEvent.item_id == item)
                .order_by(models.AuditEvent.id)
            )
        ]
        published_at = s.get(models.ReviewItem, item).published_at
    assert [e for e in events if e != "reviewed"] == [
        "start_review",
        "request_changes",
        "comment",
        "resume_review",
        "edit",
        "approve",
        "publish",
        "site_build",
    ]
    assert events.count("reviewed") == 10  # five fields, ticked by each approver
    assert published_at is not None
    pages = sorted(p.name for p in site_dir(app).glob("*.html"))
    page_name = "10.1186-s12891-022-05070-w.html"
    assert page_name in pages and "index.html" in pages and "category-rehabilitation.html" in pages
    html = (site_dir(app) / page_name).read_text()
    assert escape(EDITED) in html and "Was this summary helpful?" in html
    assert 'action="http://127.0.0.1:8000/feedback"' in html
    assert "Unreviewed draft" not in html
    assert page_name in (site_dir(app) / "index.html").read_text()


def test_second_approver_rule_can_be_switched_off(
    approver: TestClient, app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    app.state.settings.require_second_approver = False
    item = filled.item_ids[testdb.DOIS[1]]
    post(approver, f"/items/{item}/edit", edit_form(approver, item) | {"simple_explanation": EDITED})
    assert approve(approver, item).status_code == 303
    assert status_of(store, item) == "approved"


def test_publish_writes_only_published_items(
    approver: TestClient, app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    approved = filled.item_ids[testdb.DOIS[2]]
    assert act(approver, approved, "publish").status_code == 303
    written = {p.name for p in site_dir(app).iterdir()}
    assert "10.1186-1472-6874-12-16.html" in written
    # the new and in-review items have no page, and their text appears nowhere on the site
    assert not any("s12891" in n or "s12888" in n for n in written)
    site_text = "".join(p.read_text() for p in site_dir(app).glob("*.html"))
    for doi in testdb.DOIS[:2]:
        assert escape(testdb.DRAFTS[doi]["fields"].simple_explanation) not in site_text
    assert "<script>alert" not in site_text  # the evil title of this item is escaped
    # unpublish: page gone, back to approved
    assert act(approver, approved, "unpublish").status_code == 303
    assert status_of(store, approved) == "approved"
    assert not (site_dir(app) / "10.1186-1472-6874-12-16.html").exists()
    assert "No summaries are published yet." in (site_dir(app) / "index.html").read_text()
    # publish again, then retract: page gone, status retracted
    act(approver, approved, "publish")
    assert (site_dir(app) / "10.1186-1472-6874-12-16.html").exists()
    assert act(approver, approved, "retract").status_code == 303
    assert status_of(store, approved) == "retracted"
    assert not (site_dir(app) / "10.1186-1472-6874-12-16.html").exists()
    assert not (site_dir(app) / "category-oncology.html").exists()


def test_editor_cannot_publish(client: TestClient, store: Any, filled: Any, testdb: ModuleType) -> None:
    approved = filled.item_ids[testdb.DOIS[2]]
    assert act(client, approved, "publish").status_code == 403
    assert status_of(store, approved) == "approved"


def test_stale_transition_is_a_conflict(
    approver: TestClient, client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]
    from tests.review.conftest import row_version, tick_all

    tick_all(approver, item)
    form = {"action": "approve", "acknowledge": "1", "row_version": row_version(approver, item)}
    assert post(approver, f"/items/{item}/transition", form).status_code == 303
    r = post(client, f"/items/{item}/transition", {"action": "reject", "row_version": "1"})
    assert r.status_code == 409 and "Reload the page" in r.text


def test_claim_lock_expires(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    assert post(client, f"/items/{item}/claim").status_code == 303
    r = post(approver, f"/items/{item}/claim")
    assert r.status_code == 409 and "edna is working on this item" in r.text
    with store.session() as s:
        row = s.get(models.ReviewItem, item)
        row.lock_until = models.utcnow() - timedelta(minutes=1)
    assert post(approver, f"/items/{item}/claim").status_code == 303
    with store.session() as s:
        row = s.get(models.ReviewItem, item)
        assert row.assignee == "abe" and row.lock_until > models.utcnow() + timedelta(minutes=29)
        actions = [
            e.action for e in s.scalars(select(models.AuditEvent).where(models.AuditEvent.item_id == item))
        ]
    assert actions == ["claim", "claim"]
    assert post(approver, f"/items/{item}/release").status_code == 303


def test_assign_needs_an_approver_and_a_real_user(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    assert post(client, f"/items/{item}/assign", {"assignee": "edna"}).status_code == 403
    assert post(approver, f"/items/{item}/assign", {"assignee": "nobody"}).status_code == 409
    assert post(approver, f"/items/{item}/assign", {"assignee": "edna"}).status_code == 303
    with store.session() as s:
        ev = s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == "assign")).one()
        assert ev.actor == "abe" and ev.before["assignee"] is None and ev.after["assignee"] == "edna"
    assert "edna" in client.get("/?assignee=me").text


def test_bulk_assign_and_bulk_reject(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    ids = [filled.item_ids[d] for d in testdb.DOIS[:2]]
    r = post(
        approver,
        "/bulk",
        {
            "bulk_action": "assign",
            "assignee": "edna",
            "item_id": [str(i) for i in ids],
            "back": "/?status=new",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/?status=new"
    with store.session() as s:
        assert {s.get(models.ReviewItem, i).assignee for i in ids} == {"edna"}
    assert (
        post(
            client, "/bulk", {"bulk_action": "assign", "assignee": "edna", "item_id": [str(ids[0])]}
        ).status_code
        == 403
    )
    assert (
        post(client, "/bulk", {"bulk_action": "reject", "item_id": [str(i) for i in ids]}).status_code == 303
    )
    assert [status_of(store, i) for i in ids] == ["rejected", "rejected"]
    with store.session() as s:
        rejects = s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == "reject")).all()
        assert sorted(e.item_id for e in rejects) == sorted(ids)
        assert all(
            e.before["status"] in ("new", "in_review") and e.after["status"] == "rejected" for e in rejects
        )
    # rejecting a rejected item is refused, and the whole batch with it
    assert post(client, "/bulk", {"bulk_action": "reject", "item_id": [str(ids[0])]}).status_code == 409


def test_item_page_shows_only_allowed_buttons(
    client: TestClient, approver: TestClient, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]  # in_review
    editor_html = client.get(f"/items/{item}").text
    assert 'id="action-request_changes"' in editor_html and 'id="action-approve"' not in editor_html
    assert 'id="action-approve"' in approver.get(f"/items/{item}").text


def test_approval_needs_every_field_ticked_and_warnings_acknowledged(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    from tests.review.conftest import tick_all

    item = filled.item_ids[testdb.DOIS[0]]  # new; an error and a warning flag
    assert act(client, item, "start_review").status_code == 303
    r = post(approver, f"/items/{item}/transition", {"action": "approve", "acknowledge": "1"})
    assert r.status_code == 409 and "not yet: simple explanation, key findings" in r.text
    tick_all(approver, item)
    r = post(approver, f"/items/{item}/transition", {"action": "approve"})
    assert r.status_code == 409 and "acknowledge them" in r.text
    # An edit of one field clears that field's tick only.
    fields = edit_form(client, item)
    assert (
        post(client, f"/items/{item}/edit", fields | {"limitations": "Small online samples"}).status_code
        == 303
    )
    with store.session() as s:
        from pipeline.review.workflow import unreviewed_fields

        assert unreviewed_fields(s.get(models.ReviewItem, item)) == ["limitations"]
    assert approve(approver, item).status_code == 303
    assert status_of(store, item) == "approved"
    # The tick answers JSON to the page's script, with the new row version for its forms.
    other = filled.item_ids[testdb.DOIS[1]]
    r = post(
        approver,
        f"/items/{other}/reviewed",
        {"field": "key_findings", "on": "1"},
        headers={"accept": "application/json"},
    )
    assert r.json()["reviewed"] is True and "key_findings" not in r.json()["unreviewed"]
    assert post(approver, f"/items/{other}/reviewed", {"field": "title", "on": "1"}).status_code == 409


def test_request_changes_needs_a_note_and_goes_back_to_the_last_editor(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]  # in review
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": EDITED})
    post(client, f"/items/{item}/release")
    r = post(approver, f"/items/{item}/transition", {"action": "request_changes", "note": "  "})
    assert r.status_code == 400 and "a note is required" in r.text
    assert status_of(store, item) == "in_review"
    r = post(approver, f"/items/{item}/transition", {"action": "request_changes", "note": "Name the scale."})
    assert r.status_code == 303
    with store.session() as s:
        row = s.get(models.ReviewItem, item)
        assert (row.status, row.assignee) == ("changes_requested", "edna")
        bodies = [c.body for c in s.scalars(select(models.Comment).where(models.Comment.item_id == item))]
    assert bodies == ["Name the scale."]
    assert 'Sent back to me <span class="count">(1)</span>' in client.get("/").text


def test_author_sees_approve_disabled_with_the_reason(
    approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]
    post(approver, f"/items/{item}/edit", edit_form(approver, item) | {"simple_explanation": EDITED})
    html = approver.get(f"/items/{item}").text
    assert '<button type="button" id="action-approve" class="t-approve" disabled' in html
    assert "another approver must approve it" in html and 'id="dlg-approve"' not in html


def test_restore_saves_an_old_version_as_the_newest(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    from tests.review.conftest import row_version

    item = filled.item_ids[testdb.DOIS[1]]
    original = edit_form(client, item)["simple_explanation"]
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": EDITED})
    r = post(client, f"/items/{item}/versions/1/restore", {"row_version": row_version(client, item)})
    assert r.status_code == 303 and r.headers["location"] == f"/items/{item}?saved=3#history"
    assert edit_form(client, item)["simple_explanation"] == original
    with store.session() as s:
        versions = [
            d.version
            for d in s.scalars(
                select(models.Draft).where(
                    models.Draft.article_id == s.get(models.ReviewItem, item).article_id
                )
            )
        ]
    assert sorted(versions) == [1, 2, 3]


def test_restore_from_a_stale_page_is_a_conflict_and_saves_nothing(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    from tests.review.conftest import row_version

    item = filled.item_ids[testdb.DOIS[1]]
    original = edit_form(client, item)["simple_explanation"]
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": EDITED})
    stale = row_version(client, item)  # the history tab, opened before the save in another tab
    newer = edit_form(client, item) | {"simple_explanation": "Saved from the other tab first."}
    assert post(client, f"/items/{item}/edit", newer).status_code == 303
    r = post(client, f"/items/{item}/versions/1/restore", {"row_version": stale})
    assert r.status_code == 409 and "not saved" in r.text
    # The conflict page offers the text the restore would have saved, beside the newer one.
    assert escape(original) in r.text and "Saved from the other tab first." in r.text
    assert edit_form(client, item)["simple_explanation"] == "Saved from the other tab first."
    with store.session() as s:
        article = s.get(models.ReviewItem, item).article_id
        versions = sorted(
            d.version for d in s.scalars(select(models.Draft).where(models.Draft.article_id == article))
        )
    assert versions == [1, 2, 3]


def test_restore_racing_a_save_between_read_and_write_is_a_conflict(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another save commits after the restore checked the row version and before it wrote: the
    check at the write (StaleDataError) answers the conflict page, and nothing is half-saved."""
    from pipeline.review import editing
    from tests.review.conftest import row_version

    item = filled.item_ids[testdb.DOIS[1]]
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": EDITED})
    scored(client)  # the edit's background rescore has bumped the row version
    loaded = row_version(client, item)
    checked = editing._check_editable

    def checked_then_raced(it: Any, user: Any) -> None:
        checked(it, user)
        with store.session() as other:  # a second writer commits in between
            other.get(models.ReviewItem, item).assignee = "abe"

    monkeypatch.setattr(editing, "_check_editable", checked_then_raced)
    r = post(client, f"/items/{item}/versions/1/restore", {"row_version": loaded})
    monkeypatch.undo()
    assert r.status_code == 409 and "not saved" in r.text
    with store.session() as s:
        row = s.get(models.ReviewItem, item)
        assert row.draft.fields["simple_explanation"] == EDITED and row.assignee == "abe"
        versions = sorted(
            d.version
            for d in s.scalars(select(models.Draft).where(models.Draft.article_id == row.article_id))
        )
    assert versions == [1, 2]
