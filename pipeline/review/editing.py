"""Editing a draft: the edit form's fields, saving a NEW draft version, conflicts.

A save never updates a Draft row. It adds version n+1 (author = the editor, parent = the
current version) and points the review item at it; the version is scored afterwards by the score
stage, in the background (``pipeline.review.rescore``), which then sets the item's gate state.
The form carries the item's ``row_version``: saving over a newer item raises
:class:`EditConflict` and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pipeline.domain import NOT_SPECIFIED, DraftFields, PracticalPoint
from pipeline.errors import ConflictError
from pipeline.publish.page import draft_fields
from pipeline.review.users import UserInfo
from pipeline.review.workflow import (
    EDITABLE_STATUSES,
    LOCK_MINUTES,
    WorkflowError,
    get_item,
    locked_by_other,
)
from pipeline.store import models, repo
from pipeline.store.db import Session
from pipeline.store.queries.drafts import draft_by_version
from pipeline.store.queries.items import open_items

MAX_FIELD_CHARS = 20_000


@dataclass(frozen=True)
class EditForm:
    """The edit form's text, one textarea or input per field (lists one item per line)."""

    simple_explanation: str = ""
    key_findings: str = ""
    research_summary: str = ""
    practical_implications: str = ""
    limitations: str = ""
    participants: str = ""
    study_duration: str = ""
    evidence_level: str = ""
    categories: str = ""

    @classmethod
    def from_fields(cls, f: DraftFields) -> EditForm:
        return cls(
            simple_explanation=f.simple_explanation,
            key_findings="\n".join(f.key_findings),
            research_summary=f.research_summary,
            practical_implications="\n".join(f"{p.title}: {p.text}" for p in f.practical_implications),
            limitations="\n".join(f.limitations),
            participants=f.participants,
            study_duration=f.study_duration,
            evidence_level=f.evidence_level,
            categories=", ".join(f.categories),
        )

    @classmethod
    def from_mapping(cls, data: Any) -> EditForm:
        """From submitted form data; missing fields are empty, over-long ones cut."""
        names = cls.__dataclass_fields__
        return cls(**{n: _clean(str(data.get(n) or "")) for n in names})

    def to_fields(self) -> DraftFields:
        return DraftFields(
            simple_explanation=_one_paragraph(self.simple_explanation),
            key_findings=_lines(self.key_findings),
            research_summary=_one_paragraph(self.research_summary),
            practical_implications=[_point(line) for line in _lines(self.practical_implications)],
            limitations=_lines(self.limitations),
            study_duration=self.study_duration.strip() or NOT_SPECIFIED,
            participants=self.participants.strip() or NOT_SPECIFIED,
            evidence_level=self.evidence_level.strip() or NOT_SPECIFIED,
            categories=[c.strip() for c in self.categories.replace("\n", ",").split(",") if c.strip()],
        )


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")[:MAX_FIELD_CHARS]


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _point(line: str) -> PracticalPoint:
    """``Title: text``; a line without a colon is a point without a title."""
    title, sep, body = line.partition(":")
    if not sep or len(title) > 80:
        return PracticalPoint("", line.strip())
    return PracticalPoint(title.strip(), body.strip())


class EditConflict(ConflictError):
    """The item changed since the editor loaded the form; nothing was saved."""

    def __init__(self, item_id: int, mine: DraftFields, current: DraftFields, current_by: str | None) -> None:
        super().__init__(
            f"Review item {item_id} changed since the form was loaded.",
            hint="Re-apply your change on the conflict page, field by field.",
        )
        self.item_id = item_id
        self.mine = mine
        self.current = current
        self.current_by = current_by


def edit_cache_key(fields: DraftFields, parent_id: int) -> str:
    payload = json.dumps({"parent": parent_id, "fields": fields.to_dict()}, sort_keys=True)
    return "edit-" + hashlib.sha256(payload.encode()).hexdigest()[:59]


def _check_editable(item: models.ReviewItem, user: UserInfo) -> None:
    if item.status not in EDITABLE_STATUSES:
        raise WorkflowError(409, f"A {item.status.replace('_', ' ')} item cannot be edited.")
    if locked_by_other(item, user):
        raise WorkflowError(409, f"{item.assignee} has claimed this item until {item.lock_until:%H:%M} UTC.")


def save_edit(
    session: Session, item_id: int, form: EditForm, user: UserInfo, loaded_row_version: int
) -> models.Draft:
    """Store the form as a new draft version and point the item at it (scoring it is the
    caller's next step: ``Rescorer.submit(draft.id)`` once this session commits)."""
    item = get_item(session, item_id)
    mine = form.to_fields()
    if item.row_version != loaded_row_version:
        raise EditConflict(item_id, mine, draft_fields(item.draft.fields), item.draft.author)
    _check_editable(item, user)
    parent = item.draft
    if mine.to_dict() == draft_fields(parent.fields).to_dict():
        raise WorkflowError(409, "Nothing changed: the form is the same as the current version.")
    draft = _new_version(session, item, parent, mine, user)
    old_values, new_values = changed_fields(draft_fields(parent.fields).to_dict(), mine.to_dict())
    before = {"draft_id": parent.id, "version": parent.version, "status": item.status, "fields": old_values}
    _point_item(item, draft, user)
    session.flush()
    after = {"draft_id": draft.id, "version": draft.version, "status": item.status, "fields": new_values}
    repo.audit(
        session, user.name, "edit", item_id=item.id, article_id=item.article_id, before=before, after=after
    )
    return draft


def restore_version(
    session: Session, item_id: int, version: int, user: UserInfo, loaded_row_version: int
) -> models.Draft:
    """Save the text of an older ``version`` as a new version (history is never rewritten)."""
    old = draft_version(session, get_item(session, item_id), version)
    return save_edit(
        session, item_id, EditForm.from_fields(draft_fields(old.fields)), user, loaded_row_version
    )


def draft_version(session: Session, item: models.ReviewItem, version: int) -> models.Draft:
    """Version ``version`` of the item's article's drafts; a 404 WorkflowError when there is none."""
    draft = draft_by_version(session, item.article_id, version)
    if draft is None:
        raise WorkflowError(404, f"Item {item.id} has no draft version {version}.")
    return draft


def next_item_id(session: Session, after: int, user: UserInfo) -> int | None:
    """The next open item in queue order (priority, then id) that ``user`` may work on."""
    current = session.get(models.ReviewItem, after)
    candidates = [
        i for i in open_items(session, EDITABLE_STATUSES, besides=after) if not locked_by_other(i, user)
    ]
    if current is not None:  # the first one after this item in queue order, else wrap around
        key = (-current.priority, current.id)
        later = [i for i in candidates if (-i.priority, i.id) > key]
        candidates = later or candidates
    return candidates[0].id if candidates else None


def _new_version(
    session: Session, item: models.ReviewItem, parent: models.Draft, fields: DraftFields, user: UserInfo
) -> models.Draft:
    draft = models.Draft(
        article_id=item.article_id,
        version=repo.next_draft_version(session, item.article_id),
        fields=fields.to_dict(),
        backend="editor",
        model_id=parent.model_id,
        model_revision=parent.model_revision,
        prompt_id=parent.prompt_id,
        prompt_version=parent.prompt_version,
        params={"edited_from": parent.id},
        input_fingerprint=parent.input_fingerprint,
        cache_key=edit_cache_key(fields, parent.id),
        author=user.name,
        parent_id=parent.id,
        warnings=[],
    )
    session.add(draft)
    session.flush()
    return draft


def _point_item(item: models.ReviewItem, draft: models.Draft, user: UserInfo) -> None:
    """The item shows the new version and the editor holds the lock. Its gate state stays the
    parent's until the score stage has scored the new version and refreshes it."""
    item.draft_id = draft.id
    if item.status in ("new", "approved"):  # an edit (re)opens review; an approval was for older text
        item.status = "in_review"
    if (
        not item.assignee
        or item.assignee == user.name
        or not item.lock_until
        or item.lock_until < models.utcnow()
    ):
        item.assignee = user.name
        item.lock_until = models.utcnow() + timedelta(minutes=LOCK_MINUTES)


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The values of the keys that differ, before and after (for the audit log)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
