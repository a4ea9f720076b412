"""Figures for the prompt lab: each function returns a matplotlib Figure.

Figures are built with ``matplotlib.figure.Figure`` (no pyplot, no global backend change), so
they render with the Agg canvas anywhere: ``fig.savefig(path)`` in scripts and CI, and inline
display in Jupyter. Nothing here calls ``plt.show``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from pipeline.errors import LabError
from pipeline.lab.grid import metric_directions

LABELS = {
    "fkgl": "FKGL grade (lower is easier)",
    "dale_chall": "Dale-Chall (lower is easier)",
    "number_faithfulness": "numbers found in the abstract (share)",
    "page_sentence_support": "sentences supported by the abstract (share)",
    "page_jargon_rate": "jargon rate",
    "rouge1": "ROUGE-1 F vs reference",
    "sari": "SARI vs reference",
    "words": "words",
    "edit_distance": "normalized edit distance (model draft -> final)",
}


def _label(metric: str) -> str:
    label = LABELS.get(metric, metric)
    hib = metric_directions().get(metric)
    if metric in LABELS or hib is None:
        return label
    return f"{label} ({'higher' if hib else 'lower'} is better)"


def metric_distributions(
    frame: pd.DataFrame,
    metrics: Sequence[str] = ("fkgl", "number_faithfulness", "rouge1", "page_sentence_support"),
    *,
    variants: Sequence[str] | None = None,
    cols: int = 2,
) -> Figure:
    """A box plot per metric, one box per variant (items as dots), for a grid frame."""
    variants = list(variants) if variants is not None else list(dict.fromkeys(frame["variant"]))
    metrics = [m for m in metrics if m in frame.columns]
    if not metrics:
        raise LabError(
            "None of the requested metrics is a column of the frame.",
            hint=f"Pass metrics=[...] from its columns: {', '.join(map(str, frame.columns))}.",
        )
    cols = max(1, min(cols, len(metrics)))
    rows = -(-len(metrics) // cols)
    fig = Figure(figsize=(5.0 * cols, 3.2 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False)
    for k, metric in enumerate(metrics):
        ax = axes[k // cols][k % cols]
        data = [
            pd.to_numeric(frame.loc[frame["variant"] == v, metric], errors="coerce").dropna().to_numpy()
            for v in variants
        ]
        ax.boxplot(data, tick_labels=variants, showmeans=True)
        for pos, values in enumerate(data, start=1):
            ax.scatter([pos] * len(values), values, s=8, alpha=0.4, color="tab:blue")
        ax.set_title(_label(metric), fontsize=10)
        ax.tick_params(axis="x", labelrotation=15, labelsize=8)
    for k in range(len(metrics), rows * cols):
        axes[k // cols][k % cols].set_visible(False)
    fig.suptitle("Metric distributions per variant")
    return fig


def readability_vs_faithfulness(
    frame: pd.DataFrame,
    x: str = "fkgl",
    y: str = "page_sentence_support",
    *,
    variants: Sequence[str] | None = None,
) -> Figure:
    """Each item as a dot, readability (x) against faithfulness (y), coloured by variant."""
    variants = list(variants) if variants is not None else list(dict.fromkeys(frame["variant"]))
    fig = Figure(figsize=(6.5, 4.5), layout="constrained")
    ax = fig.subplots()
    for v in variants:
        sub = frame[frame["variant"] == v]
        ax.scatter(sub[x], sub[y], label=v, alpha=0.7, s=22)
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    ax.set_title("Readability vs faithfulness (easier = left, more faithful = up)")
    ax.legend(fontsize=8)
    return fig


def edit_distance_by_prompt(
    edits: pd.DataFrame,
    *,
    by: Sequence[str] = ("prompt_id", "prompt_version", "model_id"),
    only_decided: bool = False,
) -> Figure:
    """Distribution of the editors' normalized edit distance per prompt (and model) version.

    ``edits`` is ``pipeline.lab.feedback.editor_edits``'s frame.
    """
    frame = edits[edits["accepted"]] if only_decided else edits
    keys = [c for c in by if c in frame.columns]
    labels: list[str] = []
    data = []
    for group, sub in frame.groupby(keys, dropna=False, sort=True):
        parts = group if isinstance(group, tuple) else (group,)
        labels.append(" ".join("-" if pd.isna(p) else str(p) for p in parts))
        data.append(sub["edit_distance"].dropna().to_numpy())
    fig = Figure(figsize=(max(5.0, 1.6 * len(labels) + 2), 4.0), layout="constrained")
    ax = fig.subplots()
    if data:
        ax.boxplot(data, tick_labels=labels, showmeans=True)
        for pos, values in enumerate(data, start=1):
            ax.scatter([pos] * len(values), values, s=10, alpha=0.5, color="tab:orange")
    ax.set_ylabel(_label("edit_distance"))
    ax.set_ylim(-0.02, 1.02)
    ax.set_title("How much editors changed the model draft, per prompt/model version")
    ax.tick_params(axis="x", labelrotation=15, labelsize=8)
    return fig


def counts_bar(counts: pd.Series, *, title: str, xlabel: str = "") -> Figure:
    """A horizontal bar chart of counts (queue statuses, sources, flags)."""
    fig = Figure(figsize=(6.0, max(2.0, 0.4 * len(counts) + 1)), layout="constrained")
    ax = fig.subplots()
    ax.barh([str(i) for i in counts.index], counts.to_numpy())
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel or "count")
    return fig
