"""axe-core (npm, installed by `.ci/bootstrap --test` into tests/node) run inside a Playwright page.

The script is evaluated through the DevTools protocol (``page.evaluate``), so the page's
Content-Security-Policy, which forbids inline script, neither blocks it nor is loosened.
Used by the review app's browser tests and the published-site tests alike.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})


def axe_available() -> bool:
    return AXE_JS.is_file()


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} is missing: run .ci/bootstrap --test (npm ci in tests/node).")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Every axe violation on the page (WCAG 2.x A and AA rules and best practices)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return list(
        page.evaluate(
            "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({"
            "id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))"
        )
    )


def blocking_violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical violations (the accessibility bar: there must be none)."""
    return [v for v in run_axe(page) if v.get("impact") in BLOCKING]


axe_violations = blocking_violations


def describe(violations: list[dict[str, Any]]) -> str:
    return "; ".join(f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in violations)
