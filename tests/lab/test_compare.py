"""Variant summaries and the paired bootstrap, on cases whose answer is known by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pipeline.errors import LabError
from pipeline.lab.compare import bootstrap_diff, compare, paired_bootstrap, summary


def _frame(values: dict[str, list[float]], metric: str = "fkgl") -> pd.DataFrame:
    rows = []
    for variant, vals in values.items():
        for i, v in enumerate(vals):
            rows.append({"variant": variant, "id": f"p{i}", "error": None, "cached": False, metric: v})
    return pd.DataFrame(rows)


BASE = [9.0, 11.5, 7.25, 12.0, 8.0, 10.5, 13.0, 6.5]


def test_identical_variants_give_a_zero_width_interval_at_zero() -> None:
    ci = paired_bootstrap(_frame({"a": BASE, "b": BASE}), "a", "b", "fkgl", n_boot=500, seed=1)
    assert (ci.diff, ci.ci_low, ci.ci_high) == (0.0, 0.0, 0.0)
    assert ci.contains_zero and ci.n == len(BASE)


def test_a_constant_shift_gives_an_interval_equal_to_the_shift() -> None:
    shifted = [v - 1.5 for v in BASE]
    ci = paired_bootstrap(_frame({"a": BASE, "b": shifted}), "a", "b", "fkgl", n_boot=500)
    assert ci.diff == pytest.approx(-1.5)
    assert ci.ci_low == pytest.approx(-1.5) and ci.ci_high == pytest.approx(-1.5)
    assert not ci.contains_zero
    assert ci.mean_baseline == pytest.approx(float(np.mean(BASE)))


def test_bootstrap_is_seeded_and_brackets_the_mean_difference() -> None:
    rng = np.random.default_rng(0)
    a = rng.normal(10, 2, size=40)
    b = a + rng.normal(0.5, 1, size=40)
    first = bootstrap_diff(a, b, n_boot=1000, seed=3)
    assert first == bootstrap_diff(a, b, n_boot=1000, seed=3)
    assert first != bootstrap_diff(a, b, n_boot=1000, seed=4)
    diff, low, high = first
    assert low < diff < high
    assert diff == pytest.approx(float(np.mean(b - a)))
    # Two items: every resample mean is one of d1, (d1+d2)/2, d2.
    _, low2, high2 = bootstrap_diff([0.0, 0.0], [1.0, 3.0], n_boot=2000, seed=0)
    assert low2 == 1.0 and high2 == 3.0


def test_pairs_are_matched_by_id_and_missing_values_are_dropped() -> None:
    frame = _frame({"a": [1.0, 2.0, 3.0], "b": [2.0, float("nan"), 4.0]})
    frame = pd.concat([frame.iloc[3:], frame.iloc[:3]])  # order must not matter
    ci = paired_bootstrap(frame, "a", "b", "fkgl", n_boot=200)
    assert ci.n == 2 and ci.diff == pytest.approx(1.0)
    with pytest.raises(LabError, match="Variant 'c'"):
        paired_bootstrap(frame, "a", "c", "fkgl")
    with pytest.raises(ValueError, match="n_boot"):
        bootstrap_diff([1.0], [2.0], n_boot=0)


def test_summary_is_one_row_per_variant_with_means() -> None:
    frame = _frame({"a": [1.0, 3.0], "b": [2.0, 6.0]})
    frame.loc[3, "error"] = "boom"
    frame.loc[3, "fkgl"] = math.nan
    table = summary(frame, ["fkgl"])
    assert list(table.index) == ["a", "b"]
    assert table.loc["a", "fkgl"] == 2.0 and table.loc["b", "fkgl"] == 2.0
    assert table.loc["b", "failed"] == 1 and table.loc["a", "n"] == 2


def test_compare_gives_verdicts_by_metric_direction() -> None:
    a = _frame({"a": BASE, "b": [v - 1 for v in BASE]}, "fkgl")
    b = _frame({"a": BASE, "b": [v - 1 for v in BASE]}, "rouge1")
    frame = a.merge(b, on=["variant", "id", "error", "cached"])
    frame["words"] = 50.0
    table = compare(frame, "a", "b", ["fkgl", "rouge1", "words"], n_boot=300)
    assert table.loc["fkgl", "verdict"] == "better"  # lower grade is better
    assert table.loc["rouge1", "verdict"] == "worse"
    assert table.loc["words", "verdict"] == "no clear difference"
    assert table.loc["fkgl", "ci_low"] == pytest.approx(-1.0)
    assert table.attrs["baseline"] == "a"
