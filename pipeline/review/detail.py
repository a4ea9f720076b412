"""Everything the draft page shows beyond the side-by-side view: support, edit form, diff,
comments, versions, workflow buttons and the item's lock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.publish.edits import model_ancestor
from pipeline.publish.page import draft_fields
from pipeline.review.diff import FieldDiff, field_diffs
from pipeline.review.editing import EditForm
from pipeline.review.item import FlagView, ItemView, load_item
from pipeline.review.users import UserInfo
from pipeline.review.workflow import (
    EDITABLE_STATUSES,
    Transition,
    available,
    last_editor,
    locked_by_other,
    reviewed_fields,
    scores_pending_reason,
    second_approver_reason,
)
from pipeline.score.builtin_gates import grade_limits
from pipeline.score.faithfulness import SUPPORT_THRESHOLD, support_alignment
from pipeline.score.gates import draft_gate
from pipeline.score.readability import fkgl_value, text_stats
from pipeline.settings import Settings
from pipeline.store import models, repo
from pipeline.store.db import Session
from pipeline.store.queries.comments import item_comments
from pipeline.store.queries.drafts import article_drafts

SUPPORT_METRIC = "sentence_support"  # its score rows store the alignment the page shows


@dataclass(frozen=True)
class SupportLine:
    """One draft sentence and the abstract sentence that supports it best."""

    draft_text: str
    score: float
    source_label: str | None
    source_text: str | None
    fact: str | None = None  # set when the sentence restates a study fact in fixed wording

    @property
    def supported(self) -> bool:
        return self.fact is not None or self.score >= SUPPORT_THRESHOLD


@dataclass(frozen=True)
class VersionRow:
    id: int
    version: int
    author: str | None
    backend: str
    model: str | None
    prompt: str | None
    created_at: datetime | None
    current: bool


@dataclass(frozen=True)
class CommentRow:
    author: str
    body: str
    created_at: datetime | None
    draft_version: int | None


@dataclass(frozen=True)
class ScoreLine:
    """One line per field: "Grade 10.7 (target ≤ 8) · 51 words · 0 warnings"."""

    grade: float | None
    target: float
    words: int
    warnings: int

    @property
    def over(self) -> bool:
        return self.grade is not None and self.grade > self.target

    @property
    def text(self) -> str:
        grade = "Grade –" if self.grade is None else f"Grade {self.grade:.1f}"
        warns = f"{self.warnings} warning{'' if self.warnings == 1 else 's'}"
        return f"{grade} (target ≤ {self.target:g}) · {self.words} words · {warns}"


def score_lines(
    view: ItemView, texts: dict[str, str], target: float, limits: dict[str, float] | None = None
) -> dict[str, ScoreLine]:
    """Each drafted field's grade (stored score, else computed), words and warnings; the target
    is the field's gate limit (``limits``), else ``target``."""
    out = {}
    for name in DRAFT_TEXT_FIELDS:
        text = texts.get(name, "")
        stored = next((s.value for s in view.scores.get(name, []) if s.metric == "fkgl"), None)
        stats = text_stats(text)
        grade = stored if stored is not None else (fkgl_value(stats) if text.strip() else None)
        warns = sum(1 for f in view.flags if f.field == name and f.severity in ("error", "warning"))
        limit = (limits or {}).get(name, target)
        out[name] = ScoreLine(grade, limit, stats.words if text.strip() else 0, warns)
    return out


@dataclass
class ItemDetail:
    view: ItemView
    gate_reasons: list[str]  # why the shown draft fails the quality gates; empty when it passes
    row_version: int
    draft_id: int
    draft_version: int
    draft_author: str | None
    assignee: str | None
    lock_until: datetime | None
    locked_by_other: bool
    editable: bool
    support: dict[str, list[SupportLine]]
    form: EditForm
    diffs: list[FieldDiff]
    model_version: int
    comments: list[CommentRow]
    versions: list[VersionRow]
    transitions: list[Transition]
    reviewed: dict[str, str]  # field -> who ticked it (only ticks that match the current text)
    approve_blocked: str | None  # why this user may not approve (four-eyes), else None
    send_back_to: str | None  # who "request changes" gives the item to (its last other editor)
    score_lines: dict[str, ScoreLine]
    # "changed X → Y" per field: the word swaps the backend made (pipeline/text/swaps.py)
    swaps: dict[str, list[str]] = field(default_factory=dict)
    # the gate's reasons told apart, "errors: 0 · over grade limit: key findings 13.2 > 10"
    # (empty when it passes): errors are another job than a field over its grade limit
    gate_summary: str = ""
    gate_errors: int = 0  # how many of the gate's reasons are errors (the page head says them apart)

    @property
    def edited(self) -> bool:
        return any(d.changed for d in self.diffs)

    @property
    def unreviewed(self) -> list[str]:
        return [name for name in DRAFT_TEXT_FIELDS if name not in self.reviewed]

    @property
    def open_warnings(self) -> list[FlagView]:
        return [f for f in self.view.flags if f.severity in ("error", "warning")]


def support_lines(
    article: models.Article, texts: dict[str, str], scores: Iterable[models.Score] = ()
) -> dict[str, list[SupportLine]]:
    """Per drafted field, each sentence with its best supporting abstract sentence.

    Read from the sentence-support score's stored alignment (``details["alignment"]``); a field
    whose row predates it (or has none) is aligned here, the same way the metric does.
    """
    stored = {
        r.field: r.details["alignment"]
        for r in repo.current_scores(scores)
        if r.metric == SUPPORT_METRIC and isinstance(r.details, dict) and "alignment" in r.details
    }
    domain = None
    labels = [str(s.get("label") or "") for s in article.sections or []]
    out: dict[str, list[SupportLine]] = {}
    for name in DRAFT_TEXT_FIELDS:
        lines = stored.get(name)
        if lines is None:
            domain = domain or repo.to_domain(article)
            lines = support_alignment(texts.get(name, ""), domain)
        out[name] = [_support_line(line, labels) for line in lines]
    return out


def _support_line(line: dict[str, Any], labels: list[str]) -> SupportLine:
    src = line.get("source")
    label = None
    if src:
        index = int(src.get("section", 0))
        label = (labels[index] if index < len(labels) else "") or "Abstract"
    return SupportLine(
        str(line["text"]), float(line["score"]), label, src.get("text") if src else None, line.get("fact")
    )


def versions(session: Session, article_id: int, current_id: int) -> list[VersionRow]:
    return [
        VersionRow(
            d.id,
            d.version,
            d.author,
            d.backend,
            d.model_id,
            f"{d.prompt_id} v{d.prompt_version}" if d.prompt_id else None,
            d.created_at,
            d.id == current_id,
        )
        for d in article_drafts(session, article_id)
    ]


def comments(session: Session, item_id: int) -> list[CommentRow]:
    return [CommentRow(c.author, c.body, c.created_at, v) for c, v in item_comments(session, item_id)]


def load_detail(session: Session, item_id: int, user: UserInfo, settings: Settings) -> ItemDetail | None:
    """The full draft page of one item for ``user``, or None when there is no such item."""
    view = load_item(session, item_id)
    item = session.get(models.ReviewItem, item_id)
    if view is None or item is None:
        return None
    current = draft_fields(item.draft.fields)
    base = model_ancestor(item.draft, item.article.drafts)[0] or item.draft
    gate = draft_gate(item.draft.scores, settings)
    return ItemDetail(
        view=view,
        gate_reasons=gate.reasons,
        gate_summary=gate.summary() if gate.failed else "",
        gate_errors=len(gate.errors),
        row_version=item.row_version,
        draft_id=item.draft_id,
        draft_version=item.draft.version,
        draft_author=item.draft.author,
        assignee=item.assignee,
        lock_until=item.lock_until,
        locked_by_other=locked_by_other(item, user),
        editable=item.status in EDITABLE_STATUSES,
        support=support_lines(item.article, current.field_texts(), item.draft.scores),
        form=EditForm.from_fields(current),
        diffs=field_diffs(draft_fields(base.fields), current),
        model_version=base.version,
        comments=comments(session, item_id),
        versions=versions(session, item.article_id, item.draft_id),
        transitions=available(item.status, user),
        reviewed=reviewed_fields(item),
        approve_blocked=second_approver_reason(session, item, user, settings.require_second_approver)
        or scores_pending_reason(session, item),
        send_back_to=last_editor(session, item, besides=user.name),
        score_lines=score_lines(view, current.field_texts(), settings.gate_max_fkgl, grade_limits(settings)),
        swaps=swap_lines(base.swaps),
    )


def swap_lines(records: list[Any] | None) -> dict[str, list[str]]:
    """The stored swaps of a model draft as "changed X → Y" lines per field, in field order."""
    out: dict[str, list[str]] = {}
    for r in records or []:
        if not isinstance(r, dict) or not r.get("field"):
            continue
        line = f"changed {r.get('before')} → {r.get('after')}"
        if r.get("origin"):
            line += f" ({r['origin']})"
        lines = out.setdefault(str(r["field"]), [])
        if line not in lines:
            lines.append(line)
    return out
