"""The review workflow: an explicit transition table, role checks, claims with expiring locks.

Every change here writes an AuditEvent with the state before and after. Nothing in this module
writes the static site; publishing calls pipeline.publish.site after the transition commits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.errors import TransitionError
from pipeline.publish.page import draft_fields
from pipeline.review.users import ROLE_RANK, UserInfo
from pipeline.store import models, repo
from pipeline.store.db import Session
from pipeline.store.queries.audit import last_event_after
from pipeline.store.queries.drafts import editor_authors, version_authors, version_of_draft

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


class WorkflowError(TransitionError):
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


def second_approver_reason(
    session: Session, item: models.ReviewItem, user: UserInfo, required: bool
) -> str | None:
    """Why ``user`` may not approve the current version under the four-eyes rule (None: may).

    With the setting on, nobody approves text they wrote: an approver who authored any draft
    version since the last model draft or the last approval (whichever is later) may not approve
    it, so another editor's trivial edit on top ("append ' Okay.'") does not launder a rewrite."""
    if not required:
        return None
    approved = _last_approved_version(session, item)
    for version, author in version_authors(session, item.article_id, item.draft.version):
        if approved is not None and version <= approved:
            return None  # that text was approved by someone else's eyes already
        if author is None:
            return None  # a model draft: nothing older is in the text being approved by a person
        if author == user.name:
            which = "the current version" if version == item.draft.version else "a version"
            return (
                f"You edited {which} (v{version}) since the last model draft or approval; "
                "another approver must approve it."
            )
    return None


def check_second_approver(session: Session, item: models.ReviewItem, user: UserInfo, required: bool) -> None:
    """Refuse the approval (403) when the four-eyes rule forbids it."""
    reason = second_approver_reason(session, item, user, required)
    if reason:
        raise WorkflowError(403, reason)


def _last_approved_version(session: Session, item: models.ReviewItem) -> int | None:
    """The draft version of the item's last approval (from the audit log), or None."""
    after = last_event_after(session, item.id, "approve")
    draft_id = after.get("draft_id") if isinstance(after, dict) else None
    if not isinstance(draft_id, int):
        return None
    return version_of_draft(session, draft_id)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def field_texts(item: models.ReviewItem) -> dict[str, str]:
    """The current version's drafted fields, each as one text (what a tick vouches for)."""
    texts = draft_fields(item.draft.fields).field_texts()
    return {name: texts.get(name, "") for name in DRAFT_TEXT_FIELDS}


def reviewed_fields(item: models.ReviewItem) -> dict[str, str]:
    """Fields whose tick still matches their text, with who ticked them."""
    ticks = item.reviewed or {}
    out = {}
    for name, text in field_texts(item).items():
        tick = ticks.get(name)
        if isinstance(tick, dict) and tick.get("sha") == text_hash(text):
            out[name] = str(tick.get("by") or "")
    return out


def unreviewed_fields(item: models.ReviewItem) -> list[str]:
    """Drafted fields without a current "reviewed" tick (an edit of a field clears its tick)."""
    done = reviewed_fields(item)
    return [name for name in DRAFT_TEXT_FIELDS if name not in done]


def set_reviewed(session: Session, item_id: int, field: str, on: bool, user: UserInfo) -> models.ReviewItem:
    """Tick (or untick) one field of the current version as reviewed by ``user``."""
    if field not in DRAFT_TEXT_FIELDS:
        raise WorkflowError(409, f"Unknown field {field!r}; use one of {', '.join(DRAFT_TEXT_FIELDS)}.")
    item = get_item(session, item_id)
    if item.status not in OPEN_STATUSES:
        raise WorkflowError(409, f"A {item.status.replace('_', ' ')} item cannot be reviewed.")
    ticks = dict(item.reviewed or {})
    before = ticks.get(field)
    if on:
        text = field_texts(item)[field]
        ticks[field] = {
            "by": user.name,
            "sha": text_hash(text),
            "at": models.utcnow().isoformat(timespec="seconds"),
        }
    else:
        ticks.pop(field, None)
    item.reviewed = ticks
    session.flush()
    repo.audit_item(
        session,
        user.name,
        "reviewed" if on else "unreviewed",
        item,
        before={"field": field, "tick": before},
        after={"field": field, "tick": ticks.get(field)},
    )
    return item


def check_reviewed(item: models.ReviewItem, acknowledged: bool) -> None:
    """Approval needs every field ticked and, when the draft has warnings, their acknowledgement."""
    missing = unreviewed_fields(item)
    if missing:
        names = ", ".join(name.replace("_", " ") for name in missing)
        raise WorkflowError(409, f'Tick "reviewed" on every field before approving; not yet: {names}.')
    if item.flag_count and not acknowledged:
        raise WorkflowError(
            409, f"This draft has {item.flag_count} open warning(s); acknowledge them in the approve dialog."
        )


def scores_pending_reason(session: Session, item: models.ReviewItem) -> str | None:
    """Why the item cannot be approved yet because its current version has no scores (a save's
    scores are computed in the background), else None: approval needs that version's gate."""
    from pipeline.stages.score import is_scored

    if is_scored(session, item.draft_id):
        return None
    return f"The scores of version {item.draft.version} are not ready yet; approve once the page shows them."


def last_editor(session: Session, item: models.ReviewItem, besides: str | None = None) -> str | None:
    """The most recent person who wrote a version of this article (not ``besides``), if any."""
    for author in editor_authors(session, item.article_id):
        if author and author != besides:
            return str(author)
    return None


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
    acknowledged: bool = False,
) -> models.ReviewItem:
    """Apply ``action`` to the item if the table, the user's role and the rules allow it.

    Approving also needs the current version's scores (not pending), every field ticked
    "reviewed" and, when the draft has warnings, ``acknowledged`` (the approve dialog's checkbox).
    """
    item = get_item(session, item_id)
    check_row_version(item, expected_row_version)
    t = find_transition(action, item.status)
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK[t.role]:
        raise WorkflowError(403, f"Only an {t.role} or higher may {t.label.lower()}; you are {user.role}.")
    if t.action == "approve":
        check_second_approver(session, item, user, require_second_approver)
        pending = scores_pending_reason(session, item)
        if pending:
            raise WorkflowError(409, pending)
        check_reviewed(item, acknowledged)
    before = _state(item)
    item.status = t.target
    if t.target == "published":
        item.published_at = models.utcnow()
    if t.target in ("rejected", "retracted", "published"):
        item.lock_until = None
    session.flush()
    repo.audit_item(
        session,
        user.name,
        t.action,
        item,
        before=before,
        after=_state(item),
    )
    if t.target == "approved":
        from pipeline.review.learned import propose

        propose(session)  # editors' repeated wording becomes a proposed swap (admin decides)
    return item


def request_changes(
    session: Session, item_id: int, user: UserInfo, note: str, *, expected_row_version: int | None = None
) -> str | None:
    """Send the item back: the note becomes a comment and the item goes to its last editor.

    Returns the new assignee (None when nobody but ``user`` has written a version: it stays as it was).
    """
    text = note.strip()
    if not text:
        raise WorkflowError(400, "Say what needs changing: a note is required to request changes.")
    item = transition(session, item_id, "request_changes", user, expected_row_version=expected_row_version)
    add_comment(session, item, user, text)
    editor = last_editor(session, item, besides=user.name)
    if editor and editor != item.assignee:
        _assign(session, item, editor, user.name, "assign")
    return editor


def add_comment(session: Session, item: models.ReviewItem, user: UserInfo, text: str) -> models.Comment:
    """A comment by ``user`` on the item's current draft; audited."""
    comment = models.Comment(item_id=item.id, draft_id=item.draft_id, author=user.name, body=text)
    session.add(comment)
    session.flush()
    after = {"comment_id": comment.id, "draft_id": item.draft_id, "body": text}
    repo.audit_item(session, user.name, "comment", item, after=after)
    return comment


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
    after = {"assignee": assignee, "lock_until": _iso(item.lock_until)}
    repo.audit_item(session, actor, action, item, before=before, after=after)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
