"""axe-core in the Playwright tests: inject axe.min.js (npm, tests/review/axe/) and run it.

Install once with ``npm ci`` in tests/review/axe (``.ci/bootstrap --test`` does it). The page may
send a Content-Security-Policy without inline scripts: open it in a context made with
``bypass_csp=True`` so that the injected script runs.
Used by the review app's browser tests and the published-site tests alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).with_name("axe") / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def axe_available() -> bool:
    return AXE_JS.is_file()


def run_axe(page: Any, *, context: str | None = None) -> list[dict[str, Any]]:
    """Every axe violation on the page (WCAG 2.x A and AA rules and best practices)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return list(
        page.evaluate(
            """async (context) => {
                const result = await axe.run(context || document, {resultTypes: ['violations']});
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))
                }));
            }""",
            context,
        )
    )


def blocking_violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical violations (the accessibility bar: there must be none)."""
    return [v for v in run_axe(page) if v.get("impact") in BLOCKING]


def describe(violations: list[dict[str, Any]]) -> str:
    return "; ".join(f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in violations)
