"""Editor feedback per prompt and model version: how often drafts are accepted and how much is edited.

For every review item the *model draft* is the version a backend wrote (author None) that the
item's current version descends from (pipeline.publish.edits.model_ancestor, as the review app's
metrics page and draft diff take it); the *final* text is the item's current version. Edit distance (normalized Levenshtein of the page texts, 0 = unchanged) and
reading grade (FKGL of the Simple Explanation, NaN when it is empty) are pipeline.publish.edits',
the same the review app's metrics page reports. ``params_key`` tells apart model drafts of one
prompt version made with different backend parameters.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from pipeline.domain import fingerprint
from pipeline.lab.datasets import APPROVED_STATUSES
from pipeline.publish.edits import edit_distance, model_ancestor, page_text, reading_grade
from pipeline.store.db import Store
from pipeline.store.queries.items import items_with_drafts

DECIDED_STATUSES = (*APPROVED_STATUSES, "rejected")
GROUP_KEYS = ("backend", "model_id", "prompt_id", "prompt_version")


def _grade(fields: dict[str, Any]) -> float:
    """The shared reading grade as a frame value: NaN where there is no text to grade."""
    value = reading_grade(fields)
    return math.nan if value is None else value


def editor_edits(store: Store) -> pd.DataFrame:
    """One row per review item with a model draft: versions, status, edit distance, readability."""
    rows: list[dict[str, Any]] = []
    with store.session() as s:
        items = items_with_drafts(s)
        for item in items:
            by_id = {d.id: d for d in item.article.drafts}
            current = item.draft
            model, edits = model_ancestor(current, by_id.values())
            if model is None:
                continue
            before = page_text(model.fields)
            after = page_text(current.fields)
            editors = sorted(
                {
                    d.author
                    for d in by_id.values()
                    if d.author and d.version > model.version and d.version <= current.version
                }
            )
            rows.append(
                {
                    "item_id": item.id,
                    "article_id": item.article_id,
                    "status": item.status,
                    "accepted": item.status in APPROVED_STATUSES,
                    "decided": item.status in DECIDED_STATUSES,
                    "backend": model.backend,
                    "model_id": model.model_id,
                    "prompt_id": model.prompt_id,
                    "prompt_version": model.prompt_version,
                    "params_key": fingerprint(model.params)[:10],
                    "model_draft_id": model.id,
                    "model_version": model.version,
                    "final_draft_id": current.id,
                    "final_version": current.version,
                    "editor_versions": len(edits),
                    "editors": ", ".join(editors),
                    "edited": before != after,
                    "edit_distance": edit_distance(before, after),
                    "fkgl_before": _grade(model.fields),
                    "fkgl_after": _grade(current.fields),
                    "words_before": len(before.split()),
                    "words_after": len(after.split()),
                }
            )
    columns = [
        "item_id",
        "article_id",
        "status",
        "accepted",
        "decided",
        *GROUP_KEYS,
        "params_key",
        "model_draft_id",
        "model_version",
        "final_draft_id",
        "final_version",
        "editor_versions",
        "editors",
        "edited",
        "edit_distance",
        "fkgl_before",
        "fkgl_after",
        "words_before",
        "words_after",
    ]
    return pd.DataFrame.from_records(rows, columns=columns)


def feedback_by_version(edits: pd.DataFrame, *, keys: tuple[str, ...] = GROUP_KEYS) -> pd.DataFrame:
    """Per prompt/model version: items, acceptance rate, mean edit distance, readability before/after.

    ``acceptance_rate`` = approved or published / decided (approved, published or rejected);
    ``mean_edit_distance`` and the readability columns are over accepted items, where the
    final text is the one readers get (NaN when none is accepted yet).
    """
    out_cols = [
        "items",
        "decided",
        "accepted",
        "acceptance_rate",
        "edited_share",
        "mean_edit_distance",
        "fkgl_before",
        "fkgl_after",
        "fkgl_change",
    ]
    if edits.empty:
        return pd.DataFrame(columns=out_cols, index=pd.MultiIndex.from_tuples([], names=list(keys)))
    rows = []
    index = []
    for group, sub in edits.groupby(list(keys), dropna=False, sort=True):
        acc = sub[sub["accepted"]]
        decided = int(sub["decided"].sum())
        accepted = int(len(acc))
        before = float(acc["fkgl_before"].mean()) if accepted else math.nan
        after = float(acc["fkgl_after"].mean()) if accepted else math.nan
        rows.append(
            {
                "items": int(len(sub)),
                "decided": decided,
                "accepted": accepted,
                "acceptance_rate": accepted / decided if decided else math.nan,
                "edited_share": float(sub["edited"].mean()),
                "mean_edit_distance": float(acc["edit_distance"].mean()) if accepted else math.nan,
                "fkgl_before": before,
                "fkgl_after": after,
                "fkgl_change": after - before if accepted else math.nan,
            }
        )
        index.append(group if isinstance(group, tuple) else (group,))
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=list(keys)), columns=out_cols)
