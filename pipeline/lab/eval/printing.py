"""Printing an eval table: aligned plain text for the terminal, Markdown for docs and PR comments."""

from __future__ import annotations

import math

import pandas as pd


def format_table(table: pd.DataFrame, digits: int, markdown: bool) -> str:
    """``table`` as aligned plain text or a Markdown table; NaN shows as "-"."""
    header = ["system", *table.columns]
    rows: list[list[str]] = []
    for name, row in table.iterrows():
        cells = [str(name)]
        for col in table.columns:
            v = row[col]
            if v is None or (isinstance(v, float) and math.isnan(v)):
                cells.append("-")
            elif col == "n":
                cells.append(str(int(v)))
            else:
                cells.append(f"{float(v):.{digits}f}")
        rows.append(cells)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |" if markdown else "  ".join(padded)

    out = [line(header)]
    if markdown:
        out.append(
            "|"
            + "|".join(("-" * (w + 1) + ":") if i else (":" + "-" * (w + 1)) for i, w in enumerate(widths))
            + "|"
        )
    else:
        out.append("  ".join("-" * w for w in widths))
    out += [line(r) for r in rows]
    return "\n".join(out)
