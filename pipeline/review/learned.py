"""Learn editors' wording: word swaps that editors keep making in the drafts they approve.

For every approved or published item whose shown draft is an editor's version, the editor's
fields are compared word by word with the model draft they descend from (the editor metrics'
``publish.edits.model_ancestor``). A replacement of one to
three words by one to four words, between unchanged words (or the field's edge), is a candidate ("utilise" -> "use").
When the same term was replaced the same way in at least ``MIN_APPROVALS`` approved items, by at
least ``MIN_EDITORS`` different editors, it becomes a proposed swap (table ``learned_swaps``) that
an admin accepts or rejects on /learned-swaps. Accepted swaps feed ``swap_plain_words`` (origin
"editors") through the draft stage; rejected ones are never proposed again. Each proposal keeps
its evidence: which items, drafts and editors.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.errors import SwapDecisionError
from pipeline.publish.edits import model_ancestor
from pipeline.publish.page import draft_fields
from pipeline.store import models, repo
from pipeline.store.db import Session
from pipeline.store.queries.items import items_in
from pipeline.store.queries.swaps import learned_swaps
from pipeline.text.words import STOP_WORDS, edit_tokens

MIN_APPROVALS = 3
MIN_EDITORS = 2


@dataclass
class Candidate:
    term: str
    plain: str
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def approvals(self) -> int:
        return len({e["item_id"] for e in self.evidence})

    @property
    def editors(self) -> list[str]:
        return sorted({name for e in self.evidence for name in e["editors"]})


def replacements(before: str, after: str) -> list[tuple[str, str]]:
    """(term, plain) word replacements from ``before`` to ``after``, each between unchanged words."""
    a = edit_tokens(before)
    b = edit_tokens(after)
    al, bl = [t.lower() for t in a], [t.lower() for t in b]
    ops = difflib.SequenceMatcher(None, al, bl, autojunk=False).get_opcodes()
    out: list[tuple[str, str]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or not (1 <= i2 - i1 <= 3 and 1 <= j2 - j1 <= 4):
            continue
        before_ok = k == 0 or ops[k - 1][0] == "equal"
        after_ok = k + 1 == len(ops) or ops[k + 1][0] == "equal"
        if not (before_ok and after_ok) or len(ops) == 1:
            continue  # a rewritten passage, not a word swap
        old, new = al[i1:i2], bl[j1:j2]
        if not all(t[0].isalpha() for t in old + new):
            continue  # numbers and punctuation are not wording
        if all(t in STOP_WORDS for t in old):
            continue
        out.append((" ".join(old), " ".join(new)))
    return out


def _field_texts(fields: dict[str, Any] | None) -> dict[str, str]:
    return draft_fields(fields or {}).field_texts()


def candidates(session: Session) -> list[Candidate]:
    """Every replacement editors made in approved or published items, with its evidence."""
    found: dict[tuple[str, str], Candidate] = {}
    items = items_in(session, ("approved", "published"))
    for item in items:
        current = item.draft
        if current is None or current.author is None:
            continue
        base, edits = model_ancestor(current, item.article.drafts)
        editors = sorted({str(d.author) for d in edits})
        if base is None:
            continue
        before, after = _field_texts(base.fields), _field_texts(current.fields)
        for name in DRAFT_TEXT_FIELDS:
            for term, plain in replacements(before.get(name, ""), after.get(name, "")):
                cand = found.setdefault((term, plain), Candidate(term, plain))
                if all(e["item_id"] != item.id for e in cand.evidence):
                    cand.evidence.append(
                        {"item_id": item.id, "draft_id": current.id, "field": name, "editors": editors}
                    )
    return sorted(found.values(), key=lambda c: (-c.approvals, c.term, c.plain))


def propose(session: Session) -> list[models.LearnedSwap]:
    """Store new proposals for candidates with enough approvals and editors; return the new ones.

    A pair already in the table (proposed, accepted or rejected) is never proposed again; a still
    proposed one gets its counts and evidence brought up to date.
    """
    known = {(r.term, r.plain): r for r in learned_swaps(session)}
    new: list[models.LearnedSwap] = []
    for cand in candidates(session):
        if cand.approvals < MIN_APPROVALS or len(cand.editors) < MIN_EDITORS:
            continue
        row = known.get((cand.term, cand.plain))
        if row is None:
            row = models.LearnedSwap(term=cand.term, plain=cand.plain, status="proposed")
            session.add(row)
            new.append(row)
        elif row.status != "proposed":
            continue
        row.approvals, row.editors, row.evidence = cand.approvals, len(cand.editors), cand.evidence
    session.flush()
    return new


def decide(session: Session, swap_id: int, decision: str, actor: str) -> models.LearnedSwap:
    """Accept or reject a proposed swap (audited); a decided one stays decided."""
    if decision not in ("accepted", "rejected"):
        raise SwapDecisionError(f"Unknown decision {decision!r}: accept or reject.")
    row = session.get(models.LearnedSwap, swap_id)
    if row is None:
        raise SwapDecisionError(f"No learned swap {swap_id}.")
    if row.status != "proposed":
        raise SwapDecisionError(f"The swap {row.term!r} → {row.plain!r} was already {row.status}.")
    row.status, row.decided_by, row.decided_at = decision, actor, models.utcnow()
    session.flush()
    repo.audit(
        session,
        actor,
        {"accepted": "swap_accept", "rejected": "swap_reject"}[decision],
        before={"swap_id": row.id, "term": row.term, "plain": row.plain, "status": "proposed"},
        after={"status": decision, "approvals": row.approvals, "editors": row.editors},
    )
    return row


def listing(session: Session) -> dict[str, list[models.LearnedSwap]]:
    """Learned swaps by status, proposed first, newest first within a status."""
    rows = learned_swaps(session, newest_first=True)
    out: dict[str, list[models.LearnedSwap]] = {s: [] for s in models.LEARNED_SWAP_STATUSES}
    for r in rows:
        out.setdefault(r.status, []).append(r)
    return out
