"""The review workflow: an explicit transition table, role checks, claims with expiring locks.

Every change here writes an AuditEvent with the state before and after. Nothing in this module
writes the static site; publishing calls pipeline.publish.site after the transition commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from pipeline.review.users import ROLE_RANK, UserInfo
from pipeline.store import models, repo

LOCK_MINUTES = 30
OPEN_STATUSES = frozenset({"new", "in_review", "changes_requested", "approved"})
EDITABLE_STATUSES = OPEN_STATUSES


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    role: str
    label: str


TRANSITIONS: tuple[Transition, ...] = (
    Transition("start_review", "new", "in_review", "editor", "Start review"),
    Transition("request_changes", "in_review", "changes_requested", "editor", "Request changes"),
    Transition("resume_review", "changes_requested", "in_review", "editor", "Resume review"),
    Transition("approve", "in_review", "approved", "approver", "Approve"),
    Transition("reopen", "approved", "in_review", "editor", "Reopen review"),
    Transition("publish", "approved", "published", "approver", "Publish"),
    Transition("unpublish", "published", "approved", "approver", "Unpublish"),
    Transition("retract", "published", "retracted", "approver", "Retract"),
    Transition("retract", "approved", "retracted", "approver", "Retract"),
    Transition("reject", "new", "rejected", "editor", "Reject"),
    Transition("reject", "in_review", "rejected", "editor", "Reject"),
    Transition("reject", "changes_requested", "rejected", "editor", "Reject"),
    Transition("reject", "approved", "rejected", "approver", "Reject"),
    Transition("restore", "rejected", "new", "approver", "Restore to queue"),
)
ACTIONS = frozenset(t.action for t in TRANSITIONS)


class WorkflowError(Exception):
    """A refused change; ``status_code`` is 403 (role), 404 (no item) or 409 (state)."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


def find_transition(action: str, status: str) -> Transition:
    """The transition ``action`` from ``status``; 409 with the allowed sources otherwise."""
    for t in TRANSITIONS:
        if t.action == action and t.source == status:
            return t
    sources = sorted({t.source.replace("_", " ") for t in TRANSITIONS if t.action == action})
    if not sources:
        raise WorkflowError(409, f"Unknown action {action!r}.")
    raise WorkflowError(
        409,
        f"Cannot {action.replace('_', ' ')} an item that is {status.replace('_', ' ')}; "
        f"allowed only when it is {' or '.join(sources)}.",
    )


def available(status: str, user: UserInfo) -> list[Transition]:
    """The transitions ``user`` may take from ``status`` (for the item page's buttons)."""
    return [t for t in TRANSITIONS if t.source == status and user.has_role(t.role)]


def get_item(session: Session, item_id: int) -> models.ReviewItem:
    item = session.get(models.ReviewItem, item_id)
    if item is None:
        raise WorkflowError(404, f"There is no review item {item_id}.")
    return item


def check_second_approver(item: models.ReviewItem, user: UserInfo, required: bool) -> None:
    """With the setting on, the author of the current draft version may not approve it."""
    if required and item.draft.author and item.draft.author == user.name:
        raise WorkflowError(
            403,
            f"You edited the current version (v{item.draft.version}); another approver must approve it.",
        )


def _state(item: models.ReviewItem) -> dict[str, Any]:
    return {"status": item.status, "assignee": item.assignee, "draft_id": item.draft_id}


def transition(
    session: Session,
    item_id: int,
    action: str,
    user: UserInfo,
    *,
    require_second_approver: bool = True,
    expected_row_version: int | None = None,
) -> models.ReviewItem:
    """Apply ``action`` to the item if the table, the user's role and the rules allow it."""
    item = get_item(session, item_id)
    check_row_version(item, expected_row_version)
    t = find_transition(action, item.status)
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK[t.role]:
        raise WorkflowError(403, f"Only an {t.role} or higher may {t.label.lower()}; you are {user.role}.")
    if t.action == "approve":
        check_second_approver(item, user, require_second_approver)
    before = _state(item)
    item.status = t.target
    if t.target == "published":
        item.published_at = models.utcnow()
    if t.target in ("rejected", "retracted", "published"):
        item.lock_until = None
    session.flush()
    repo.audit(
        session,
        user.name,
        t.action,
        item_id=item.id,
        article_id=item.article_id,
        before=before,
        after=_state(item),
    )
    if t.target == "approved":
        from pipeline.review.learned import propose

        propose(session)  # editors' repeated wording becomes a proposed swap (admin decides)
    return item


def check_row_version(item: models.ReviewItem, expected: int | None) -> None:
    if expected is not None and expected != item.row_version:
        raise WorkflowError(
            409, "Someone changed this item after you opened it. Reload the page to see the current state."
        )


def locked_by_other(item: models.ReviewItem, user: UserInfo, now: datetime | None = None) -> bool:
    now = now or models.utcnow()
    return bool(item.assignee and item.assignee != user.name and item.lock_until and item.lock_until > now)


def claim(session: Session, item_id: int, user: UserInfo) -> models.ReviewItem:
    """Take the item for ``LOCK_MINUTES``; refused while another editor's lock is running."""
    item = get_item(session, item_id)
    if item.status not in OPEN_STATUSES:
        raise WorkflowError(409, f"A {item.status.replace('_', ' ')} item cannot be claimed.")
    if locked_by_other(item, user):
        raise WorkflowError(
            409, f"{item.assignee} is working on this item until {item.lock_until:%H:%M} UTC."
        )
    _assign(session, item, user.name, user.name, "claim")
    return item


def assign(session: Session, item_id: int, assignee: str | None, user: UserInfo, known: list[str]) -> None:
    """Give the item to ``assignee`` (None: unassign) with a fresh lock; approvers and admins only."""
    if not user.has_role("approver"):
        raise WorkflowError(403, f"Only an approver or higher may assign items; you are {user.role}.")
    if assignee is not None and assignee not in known:
        raise WorkflowError(409, f"There is no active user named {assignee!r}.")
    item = get_item(session, item_id)
    if item.status not in OPEN_STATUSES:
        raise WorkflowError(409, f"A {item.status.replace('_', ' ')} item cannot be assigned.")
    _assign(session, item, assignee, user.name, "assign")


def release(session: Session, item_id: int, user: UserInfo) -> None:
    """Give up one's own claim (approvers may release anyone's)."""
    item = get_item(session, item_id)
    if item.assignee != user.name and not user.has_role("approver"):
        raise WorkflowError(403, "Only the assignee or an approver may release this item.")
    _assign(session, item, None, user.name, "release")


def _assign(session: Session, item: models.ReviewItem, assignee: str | None, actor: str, action: str) -> None:
    before = {"assignee": item.assignee, "lock_until": _iso(item.lock_until)}
    item.assignee = assignee
    item.lock_until = models.utcnow() + timedelta(minutes=LOCK_MINUTES) if assignee else None
    session.flush()
    repo.audit(
        session,
        actor,
        action,
        item_id=item.id,
        article_id=item.article_id,
        before=before,
        after={"assignee": assignee, "lock_until": _iso(item.lock_until)},
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
