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
    "skipped_failed",
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


def skipped_line(total: dict[str, int]) -> str | None:
    """The report's line about drafts not tried because they failed before with the same inputs."""
    n = total.get("skipped_failed", 0)
    if not n:
        return None
    return (
        f"skipped: failed before with the same inputs, {n} (still in `plainsci quarantine` with "
        "their errors; tried again when the abstract, backend, model or prompt changes, or with "
        "`--retry-failed`)"
    )


# The settings that decide what a run drafts, scores and queues, shown in its report (the Run row
# records every setting; `plainsci runs --show ID` prints them all).
SHOWN_SETTINGS = (
    "preset",
    "sources",
    "backend",
    "model",
    "prompt_set",
    "spacy_model",
    "gate_max_fkgl",
    "gate_max_fkgl_key_findings",
    "gate_max_fkgl_research_summary",
    "gate_fail_on_errors",
    "task_runner",
    "max_workers",
    "database_url",
)
DRAFTING_SHOWN = ("backend", "model_id", "model_revision", "prompt_id", "prompt_version")
DRAFTING_PARAMS_SHOWN = ("spacy_model", "prompt_hash", "word_lists")


def settings_lines(settings: dict[str, Any]) -> list[str]:
    """The report's "Settings" section: what drafted (the backend's provenance) and the settings
    in SHOWN_SETTINGS, from a Run row's ``settings`` (older rows hold fewer: those are shown)."""
    lines = ["", "## Settings", ""]
    drafting = settings.get("drafting") or {}
    params = drafting.get("params") or {}
    made = [f"{k} {drafting[k]}" for k in DRAFTING_SHOWN if drafting.get(k)]
    made += [f"{k} {str(params[k])[:12]}" for k in DRAFTING_PARAMS_SHOWN if params.get(k)]
    if made:
        lines.append("- drafted with: " + ", ".join(made))
    lines += [f"- {k}: {settings[k]}" for k in SHOWN_SETTINGS if settings.get(k) is not None]
    return lines


def markdown(
    run_id: int,
    status: str,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    link: str,
    settings: dict[str, Any] | None = None,
) -> str:
    """Markdown for the Prefect artifact (and `plainsci runs --show`); ``settings``: the Run
    row's recorded settings."""
    total = summarize(counts)
    lines = [f"# plainsci nightly run {run_id}: {status}", "", "| measure | count |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in total.items()]
    skipped = skipped_line(total)
    if skipped:
        lines += ["", skipped]
    if settings:
        lines += settings_lines(settings)
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
        # CPU seconds of this process beside the wall clock (runs from before round 12 have none)
        cpu = {
            **{f"fixed: {k}": v for k, v in counts.get("fixed_cpu", {}).items()},
            **{f"stage: {k}": v for k, v in counts.get("cpu", {}).items()},
        }
        total = sum(durations.values()) + sum(fixed.values())
        lines += [
            "",
            f"## Where the time went ({total:.1f} s"
            + (f"; CPU {sum(cpu.values()):.1f} s" if cpu else "")
            + ")",
            "",
            "| part | s | share | CPU s |",
            "|---|---:|---:|---:|",
        ]
        parts = [
            *((f"fixed: {k}", v) for k, v in fixed.items()),
            *((f"stage: {k}", v) for k, v in durations.items()),
        ]
        lines += (
            [
                f"| {k} | {v:.2f} | {v / total:.0%} | " + (f"{cpu[k]:.2f} |" if k in cpu else "- |")
                for k, v in parts
            ]
            if total > 0
            else []
        )
    if errors:
        lines += ["", "## Failures", ""] + [
            f"- {e.get('stage', '?')}: {e.get('record', '')} — {e.get('reason', '')}" for e in errors
        ]
    lines += ["", f"Review queue: {link}"]
    return "\n".join(lines)
