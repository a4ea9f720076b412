"""axe-core (npm, installed by `.ci/bootstrap --test` into tests/node) run inside a Playwright page.

The script is evaluated through the DevTools protocol (``page.evaluate``), so the page's
Content-Security-Policy, which forbids inline script, does not block it and is not loosened.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} is missing: run .ci/bootstrap --test (npm ci in tests/node).")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe's serious and critical violations on the current page (WCAG 2.x A/AA rules and best practice)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    return [v for v in result if v["impact"] in BLOCKING]


def describe(violations: list[dict[str, Any]]) -> str:
    return "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in violations)
