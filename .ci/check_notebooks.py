#!/usr/bin/env python3
"""Exit non-zero if a notebook under notebooks/ is committed with outputs or execution counts.

    .ci/check_notebooks.py            check (CI)
    .ci/check_notebooks.py --strip    remove outputs and execution counts in place
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def problems(nb: dict) -> list[str]:
    out = []
    for i, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            out.append(f"cell {i} has outputs")
        if cell.get("execution_count") is not None:
            out.append(f"cell {i} has execution_count {cell['execution_count']}")
    return out


def strip(nb: dict) -> dict:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def main(argv: list[str]) -> int:
    paths = sorted((REPO / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in paths:
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"{path.relative_to(REPO)}: cannot be read as a notebook: {exc}")
            failed += 1
            continue
        if "--strip" in argv:
            path.write_text(json.dumps(strip(nb), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            continue
        found = problems(nb)
        if found:
            failed += 1
            print(f"{path.relative_to(REPO)}: " + "; ".join(found))
    if failed and "--strip" not in argv:
        print(f"{failed} notebook(s) have outputs: run `.ci/check_notebooks.py --strip` before committing.")
        return 1
    print(f"notebooks: {len(paths)} checked, outputs stripped" if not failed else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
