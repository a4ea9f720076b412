"""How much editors changed a draft: the one definition of the editor metrics.

The review app's metrics page (pipeline.review.metrics) and the prompt lab's editor feedback
(pipeline.lab.feedback) both measure through these functions, so the app and the notebooks
report the same numbers for the same edits:

- ``model_ancestor``: the backend-written version an editor's version is measured from;
- ``page_text``: every drafted field of a version as one text, as the page shows it;
- ``edit_distance``: rapidfuzz's normalized Levenshtein distance between two page texts, to four
  decimals (0: unchanged, 1: nothing in common; two empty texts are 0);
- ``reading_grade``: the Flesch-Kincaid grade of the Simple Explanation (what the queue's Grade
  column shows), ``None`` when it is empty: no text has no grade, so it is left out of means
  instead of counting as grade 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein

from pipeline.publish.page import draft_fields
from pipeline.score.readability import fkgl_value, text_stats

if TYPE_CHECKING:
    from pipeline.store.models import Draft

DIGITS = 4


def model_ancestor(current: Draft, drafts: Iterable[Draft]) -> tuple[Draft | None, list[Draft]]:
    """The backend-written version ``current`` descends from (``drafts``: its article's versions),
    and the editor versions from ``current`` back to it (newest first): up the parent chain to the
    first version no editor wrote; where the chain breaks (an imported edit has no parent), the
    newest backend version older than ``current``; None when there is none."""
    by_id = {d.id: d for d in drafts}
    node: Draft | None = current
    edits: list[Draft] = []
    seen: set[int] = set()
    while node is not None and node.author is not None and node.id not in seen:
        seen.add(node.id)
        edits.append(node)
        node = by_id.get(node.parent_id) if node.parent_id is not None else None
    if node is not None and node.author is None:
        return node, edits
    older = [d for d in by_id.values() if d.author is None and d.version < current.version]
    return (max(older, key=lambda d: d.version) if older else None), edits


def page_text(fields: Mapping[str, Any] | None) -> str:
    """Every drafted text field of a stored version as one text (what readers read)."""
    return draft_fields(dict(fields or {})).all_text()


def edit_distance(before: str, after: str) -> float:
    """Normalized Levenshtein distance of two texts: 0 identical, 1 nothing in common."""
    return round(float(Levenshtein.normalized_distance(before, after)), DIGITS)


def reading_grade(fields: Mapping[str, Any] | None) -> float | None:
    """Flesch-Kincaid grade of a version's Simple Explanation; None when it is empty."""
    text = draft_fields(dict(fields or {})).simple_explanation
    return float(fkgl_value(text_stats(text))) if text.strip() else None
