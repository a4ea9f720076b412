"""The run report: counts per stage and per source, failures, durations, review link."""

from __future__ import annotations

from typing import Any

SUMMARY_KEYS = (
    "read",
    "new",
    "duplicates",
    "updated",
    "quarantined",
    "enrich_failed",
    "drafted",
    "draft_failed",
    "scored",
    "score_failed",
    "queued",
    "gate_failed",
)


def summarize(counts: dict[str, Any]) -> dict[str, int]:
    """Totals across sources for the headline numbers."""
    out = {k: 0 for k in SUMMARY_KEYS}
    for src in counts.get("sources", {}).values():
        for k in ("read", "new", "duplicates", "updated", "quarantined"):
            out[k] += int(src.get(k, 0))
    for stage in ("enrich", "draft", "score", "queue"):
        for k, v in counts.get(stage, {}).items():
            if k in out and isinstance(v, int):
                out[k] += v
    return out


def markdown(
    run_id: int, status: str, counts: dict[str, Any], errors: list[dict[str, Any]], link: str
) -> str:
    """Markdown for the Prefect artifact (and `plainsci runs --show`)."""
    total = summarize(counts)
    lines = [f"# plainsci nightly run {run_id}: {status}", "", "| measure | count |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in total.items()]
    lines += [
        "",
        "## Per source",
        "",
        "| source | read | new | duplicates | updated | quarantined |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, c in counts.get("sources", {}).items():
        lines.append(
            f"| {name} | {c.get('read', 0)} | {c.get('new', 0)} | {c.get('duplicates', 0)} | "
            f"{c.get('updated', 0)} | {c.get('quarantined', 0)} |"
        )
    durations = counts.get("durations", {})
    if durations:
        lines += ["", "## Durations (s)", ""] + [f"- {k}: {v:.2f}" for k, v in durations.items()]
    fixed = counts.get("fixed_costs", {})
    if fixed:
        total = sum(durations.values()) + sum(fixed.values())
        lines += [
            "",
            f"## Where the time went ({total:.1f} s)",
            "",
            "| part | s | share |",
            "|---|---:|---:|",
        ]
        parts = [
            *((f"fixed: {k}", v) for k, v in fixed.items()),
            *((f"stage: {k}", v) for k, v in durations.items()),
        ]
        lines += [f"| {k} | {v:.2f} | {v / total:.0%} |" for k, v in parts] if total > 0 else []
    if errors:
        lines += ["", "## Failures", ""] + [
            f"- {e.get('stage', '?')}: {e.get('record', '')} — {e.get('reason', '')}" for e in errors
        ]
    lines += ["", f"Review queue: {link}"]
    return "\n".join(lines)
