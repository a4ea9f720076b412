"""Compare grid variants: mean metrics per variant, and paired bootstrap intervals for differences.

The bootstrap is paired: both variants drafted the same items, so each resample draws item ids
with replacement and averages the per-item differences (candidate - baseline). Items where
either variant has no value (a failed draft, a metric that needs a reference) are left out.
The interval is the percentile interval of the resampled mean differences, seeded so that the
same frame gives the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from pipeline.errors import LabError
from pipeline.lab.grid import metric_columns, metric_directions

# What a comparison (and a promotion's recorded evaluation) reports unless told otherwise.
DEFAULT_METRICS = (
    "fkgl",
    "dale_chall",
    "number_faithfulness",
    "words",
    "rouge1",
    "rougeL",
    "sari",
    "page_sentence_support",
    "page_jargon_rate",
    "page_flags",
)


def summary(frame: pd.DataFrame, metrics: Sequence[str] | None = None) -> pd.DataFrame:
    """A wide table, one row per variant: items, failures, cached drafts and the mean of each metric."""
    metrics = list(metrics) if metrics is not None else metric_columns(frame)
    rows = []
    order = list(dict.fromkeys(frame["variant"]))
    for name in order:
        sub = frame[frame["variant"] == name]
        row: dict[str, Any] = {
            "n": int(len(sub)),
            "failed": int(sub["error"].notna().sum()) if "error" in sub else 0,
            "cached": int(sub["cached"].sum()) if "cached" in sub else 0,
        }
        for m in metrics:
            values = pd.to_numeric(sub[m], errors="coerce") if m in sub else pd.Series(dtype=float)
            row[m] = float(values.mean()) if values.notna().any() else math.nan
        rows.append(row)
    return pd.DataFrame(rows, index=pd.Index(order, name="variant"))


@dataclass(frozen=True)
class BootstrapCI:
    """Paired difference candidate - baseline of one metric, with its bootstrap interval."""

    metric: str
    baseline: str
    candidate: str
    n: int
    mean_baseline: float
    mean_candidate: float
    diff: float
    ci_low: float
    ci_high: float
    confidence: float
    n_boot: int
    seed: int

    @property
    def contains_zero(self) -> bool:
        return self.ci_low <= 0.0 <= self.ci_high

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def paired_values(frame: pd.DataFrame, baseline: str, candidate: str, metric: str) -> pd.DataFrame:
    """Per-item values of ``metric`` for both variants, aligned on item id (NaN pairs dropped)."""
    for name in (baseline, candidate):
        if name not in set(frame["variant"]):
            raise LabError(
                f"Variant {name!r} is not in the frame.",
                hint=f"Use one of {sorted(set(frame['variant']))} (the grid's variant names).",
            )
    if metric not in frame.columns:
        raise LabError(
            f"Metric {metric!r} is not a column of the frame.",
            hint=f"Use one of the metric columns: {', '.join(metric_columns(frame)) or 'none'}.",
        )
    a = frame[frame["variant"] == baseline].set_index("id")[metric].astype(float)
    b = frame[frame["variant"] == candidate].set_index("id")[metric].astype(float)
    both = pd.DataFrame({"baseline": a, "candidate": b}).dropna()
    return both


def bootstrap_diff(
    baseline: np.ndarray | Sequence[float],
    candidate: np.ndarray | Sequence[float],
    *,
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[float, float, float]:
    """Mean paired difference (candidate - baseline) and its percentile bootstrap interval."""
    a = np.asarray(baseline, dtype=float)
    b = np.asarray(candidate, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise LabError(
            f"Paired bootstrap needs two 1-d arrays of the same length, not {a.shape} and {b.shape}.",
            hint="Pass one value per item for each variant, aligned (see paired_values).",
        )
    if n_boot < 1:
        raise LabError(f"n_boot must be at least 1, not {n_boot}.", hint="The default is 2000.")
    if not 0 < confidence < 1:
        raise LabError(
            f"confidence must be between 0 and 1, not {confidence}.", hint="Pass e.g. 0.95 for 95%."
        )
    diffs = b - a
    if len(diffs) == 0:
        return math.nan, math.nan, math.nan
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(diffs), size=(n_boot, len(diffs)))
    means = diffs[idx].mean(axis=1)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return float(diffs.mean()), float(low), float(high)


def paired_bootstrap(
    frame: pd.DataFrame,
    baseline: str,
    candidate: str,
    metric: str,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> BootstrapCI:
    """The paired bootstrap interval of ``metric``'s mean difference candidate - baseline."""
    both = paired_values(frame, baseline, candidate, metric)
    diff, low, high = bootstrap_diff(
        both["baseline"].to_numpy(),
        both["candidate"].to_numpy(),
        n_boot=n_boot,
        seed=seed,
        confidence=confidence,
    )
    n = len(both)
    return BootstrapCI(
        metric=metric,
        baseline=baseline,
        candidate=candidate,
        n=n,
        mean_baseline=float(both["baseline"].mean()) if n else math.nan,
        mean_candidate=float(both["candidate"].mean()) if n else math.nan,
        diff=diff,
        ci_low=low,
        ci_high=high,
        confidence=confidence,
        n_boot=n_boot,
        seed=seed,
    )


def compare(
    frame: pd.DataFrame,
    baseline: str,
    candidate: str,
    metrics: Sequence[str] | None = None,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """One row per metric: both means, the difference, its interval and whether it is a clear change.

    ``verdict`` is ``better``/``worse`` when the interval excludes 0 and the metric has a
    direction, ``changed`` for a direction-less metric (length), else ``no clear difference``.
    """
    available = metric_columns(frame)
    chosen = [m for m in (metrics or DEFAULT_METRICS) if m in available] if metrics is None else list(metrics)
    directions = metric_directions()
    rows = []
    for metric in chosen:
        ci = paired_bootstrap(
            frame, baseline, candidate, metric, n_boot=n_boot, seed=seed, confidence=confidence
        )
        hib = directions.get(metric)
        if ci.n == 0 or ci.contains_zero:
            verdict = "no clear difference"
        elif hib is None:
            verdict = "changed"
        else:
            verdict = "better" if (ci.diff > 0) == hib else "worse"
        rows.append(
            {
                "metric": metric,
                "n": ci.n,
                "baseline": ci.mean_baseline,
                "candidate": ci.mean_candidate,
                "diff": ci.diff,
                "ci_low": ci.ci_low,
                "ci_high": ci.ci_high,
                "higher_is_better": hib,
                "verdict": verdict,
            }
        )
    table = pd.DataFrame(rows).set_index("metric")
    table.attrs.update(
        baseline=baseline, candidate=candidate, n_boot=n_boot, seed=seed, confidence=confidence
    )
    return table
