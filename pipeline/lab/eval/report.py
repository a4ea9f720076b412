"""The eval report: one row per system, per-item scores, metric versions and provenance."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.lab.eval.metrics import ITEM_METRICS, TABLE_COLUMNS, MetricSpec
from pipeline.lab.eval.printing import format_table

HARNESS_VERSION = "1"


@dataclass
class EvalReport:
    """Aggregated table (one row per system), per-item scores, metric versions and provenance."""

    table: pd.DataFrame
    items: pd.DataFrame
    metrics: dict[str, MetricSpec]
    provenance: dict[str, Any]
    failures: list[dict[str, str]] = field(default_factory=list)
    # reference-free measures of the backend's pages (pipeline.lab.measures), and each page's
    measures: dict[str, Any] = field(default_factory=dict)
    pages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def systems(self) -> list[str]:
        return list(self.table.index)

    def to_dict(self, include_items: bool = True) -> dict[str, Any]:
        """JSON-ready dict: systems -> metric -> value (NaN as null), metrics, provenance, items."""
        systems = {
            str(name): {col: _json_number(self.table.at[name, col]) for col in self.table.columns}
            for name in self.table.index
        }
        data: dict[str, Any] = {
            "harness_version": HARNESS_VERSION,
            "systems": systems,
            "metrics": {name: spec.to_dict() for name, spec in self.metrics.items()},
            "provenance": self.provenance,
            "failures": self.failures,
            "measures": {k: _json_number(v) for k, v in self.measures.items()},
        }
        if include_items:
            data["pages"] = [{k: _json_number(v) for k, v in p.items()} for p in self.pages]
            data["items"] = [
                {k: (_json_number(v) if isinstance(v, float) else v) for k, v in rec.items()}
                for rec in self.items.to_dict(orient="records")
            ]
        return data

    def to_json(self, include_items: bool = True, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(include_items), indent=indent, ensure_ascii=False, allow_nan=False)

    def write_json(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json() + "\n", encoding="utf-8")
        return path

    def format_table(self, digits: int = 2, columns: Sequence[str] | None = None) -> str:
        """The table (or some of its ``columns``) as aligned plain text ("-": does not apply)."""
        return format_table(self.table[list(columns)] if columns else self.table, digits, markdown=False)

    def format_markdown(self, digits: int = 2, columns: Sequence[str] | None = None) -> str:
        """The table (or some of its ``columns``) as a Markdown table, for docs and PR comments."""
        return format_table(self.table[list(columns)] if columns else self.table, digits, markdown=True)

    def format_measures(self) -> str:
        """The reference-free measures, one ``name  value`` line each."""
        width = max((len(k) for k in self.measures), default=0)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in self.measures.items())


def _json_number(value: Any) -> Any:
    """Plain int/float for JSON (numpy scalars unwrapped), None for NaN and infinities."""
    if value is None or isinstance(value, bool | str):
        return value
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def aggregate(items: pd.DataFrame, systems: Sequence[str]) -> pd.DataFrame:
    """Mean of every item metric per system (NaN skipped), FKGL median and the item count."""
    rows = []
    for system in systems:
        sub = items[items["system"] == system]
        row: dict[str, float] = {"n": float(len(sub))}
        for m in ITEM_METRICS:
            row[m] = float(sub[m].mean()) if sub[m].notna().any() else math.nan
        row["fkgl_median"] = float(sub["fkgl"].median()) if sub["fkgl"].notna().any() else math.nan
        rows.append(row)
    table = pd.DataFrame(rows, index=pd.Index(list(systems), name="system"), columns=list(TABLE_COLUMNS))
    table["n"] = table["n"].astype(int)
    return table
