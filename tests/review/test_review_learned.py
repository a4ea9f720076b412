"""Learning editors' wording (issue 14 item 7), through the real review workflow and the admin page.

Three real items: editors replace "tested" with "checked" in the drafts they edit, approvers
approve them. After the third approval (two editors) the replacement is a proposed swap; an admin
accepts or rejects it on /learned-swaps (CSRF like every form); accepted swaps feed
``swap_plain_words`` with origin "editors"; a rejected one never comes back.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.publish.page import draft_fields
from pipeline.review import learned, workflow
from pipeline.review.editing import EditForm, save_edit
from pipeline.review.users import UserInfo
from pipeline.stages.score import run_score
from pipeline.store import models, repo
from pipeline.text.swaps import swap_plain_words, use_editor_swaps

from .conftest import csrf_of, login, post

EDNA = UserInfo(1, "edna", "editor", True, datetime(2026, 1, 1))
ABE = UserInfo(2, "abe", "approver", True, datetime(2026, 1, 1))
AVA = UserInfo(3, "ava", "approver", True, datetime(2026, 1, 1))


def _edit(store: object, testdb: ModuleType, tmp_path: Path, item_id: int, user: UserInfo) -> None:
    """Open the item for review if needed, then save the editor's version with "tested" -> "checked"
    and score it."""
    settings = testdb.make_settings(tmp_path)
    with store.session() as s:  # type: ignore[attr-defined]
        item = workflow.get_item(s, item_id)
        if item.status == "new":
            workflow.transition(s, item_id, "start_review", user)
        elif item.status == "approved":
            workflow.transition(s, item_id, "reopen", user)
    with store.session() as s:  # type: ignore[attr-defined]
        item = workflow.get_item(s, item_id)
        form = EditForm.from_fields(draft_fields(item.draft.fields))
        changed = {
            name: value.replace("tested", "checked")
            for name, value in dataclasses.asdict(form).items()
            if "tested" in value
        }
        assert changed, f"item {item_id} has no 'tested' to change"
        draft_id = save_edit(s, item_id, dataclasses.replace(form, **changed), user, item.row_version).id
    run_score(store, ids=[draft_id], settings=settings)  # as the app's background rescoring does


def _approve(store: object, item_id: int, user: UserInfo) -> None:
    """Approve as the approve dialog does: every field ticked, the warnings acknowledged."""
    with store.session() as s:  # type: ignore[attr-defined]
        for name in DRAFT_TEXT_FIELDS:
            workflow.set_reviewed(s, item_id, name, True, user)
        workflow.transition(s, item_id, "approve", user, acknowledged=True)


@pytest.fixture
def three_approved(store: object, filled: object, testdb: ModuleType, tmp_path: Path) -> list[int]:
    ids = [filled.item_ids[doi] for doi in testdb.DOIS]  # type: ignore[attr-defined]
    editors = [EDNA, EDNA, ABE]
    for n, (item_id, editor) in enumerate(zip(ids, editors, strict=True)):
        _edit(store, testdb, tmp_path, item_id, editor)
        _approve(store, item_id, AVA if editor is ABE else ABE)
        with store.session() as s:  # type: ignore[attr-defined]
            proposed = s.scalars(select(models.LearnedSwap)).all()
            if n < 2:
                assert proposed == []  # two approvals (by one editor) are not enough
    return ids


def test_replacements_between_unchanged_words() -> None:
    assert learned.replacements("The study tested four measures.", "The study checked four measures.") == [
        ("tested", "checked")
    ]
    assert learned.replacements("Not all tumours tested", "Not all tumours checked") == [
        ("tested", "checked")
    ]
    assert learned.replacements("It was 12 mg.", "It was 15 mg.") == []  # numbers are not wording
    assert learned.replacements("A completely different text.", "Nothing alike here at all!") == []


def test_third_approval_by_second_editor_proposes_the_swap(store: object, three_approved: list[int]) -> None:
    with store.session() as s:  # type: ignore[attr-defined]
        (row,) = s.scalars(select(models.LearnedSwap)).all()
        assert (row.term, row.plain, row.status) == ("tested", "checked", "proposed")
        assert row.approvals == 3 and row.editors == 2
        assert {e["item_id"] for e in row.evidence} == set(three_approved)
        assert sorted({n for e in row.evidence for n in e["editors"]}) == ["abe", "edna"]
        assert repo.accepted_learned_swaps(s) == []


def test_admin_accepts_and_the_swap_feeds_the_drafter(
    app: object, store: object, three_approved: list[int]
) -> None:
    with TestClient(app) as editor:  # type: ignore[arg-type]
        login(editor, "edna")
        assert editor.get("/learned-swaps").status_code == 403
    with TestClient(app) as admin:  # type: ignore[arg-type]
        login(admin, "adam")
        page = admin.get("/learned-swaps")
        assert page.status_code == 200 and "<code>tested</code>" in page.text and "edna" in page.text
        with store.session() as s:  # type: ignore[attr-defined]
            swap_id = s.scalars(select(models.LearnedSwap.id)).one()
        no_token = admin.post(f"/learned-swaps/{swap_id}/accept", data={}, follow_redirects=False)
        assert no_token.status_code == 403
        assert csrf_of(admin)
        r = post(admin, f"/learned-swaps/{swap_id}/accept")
        assert r.status_code == 303  # type: ignore[attr-defined]
        again = post(admin, f"/learned-swaps/{swap_id}/reject")
        assert again.status_code == 409  # type: ignore[attr-defined]
    with store.session() as s:  # type: ignore[attr-defined]
        assert repo.accepted_learned_swaps(s) == [("tested", "checked")]
        events = s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == "swap_accept")).all()
        assert [e.actor for e in events] == ["adam"]
        use_editor_swaps(repo.accepted_learned_swaps(s))
    try:
        out, swaps = swap_plain_words("The samples were tested twice.", define=False)
        assert out == "The samples were checked twice."
        assert [(w.before, w.after, w.origin) for w in swaps] == [("tested", "checked", "editors")]
    finally:
        use_editor_swaps([])


def test_rejected_swap_never_comes_back(app: object, store: object, three_approved: list[int]) -> None:
    with store.session() as s:  # type: ignore[attr-defined]
        swap_id = s.scalars(select(models.LearnedSwap.id)).one()
        learned.decide(s, swap_id, "rejected", "adam")
    with store.session() as s:  # type: ignore[attr-defined]
        assert learned.propose(s) == []
        (row,) = s.scalars(select(models.LearnedSwap)).all()
        assert row.status == "rejected"
    with TestClient(app) as admin:  # type: ignore[arg-type]
        login(admin, "adam")
        page = admin.get("/learned-swaps").text
        assert "No proposals." in page and "rejected" in page
