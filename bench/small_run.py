"""The small run: `plainsci nightly` on the 45 bundled sample abstracts, end to end, warm machine.

Each variant runs in a fresh process and a fresh data directory, with one Prefect home and one
bytecode cache shared by all (filled by an untimed first run, as on a machine that has run
plainsci before):

  baseline  the flow started the plain way (python -c "run_nightly(load_settings())"): Prefect
            starts its temporary server when the flow begins, models load inside the stages
  ours      `plainsci nightly`: the server is spawned first thing and boots in its own process
            while the backend and store are checked, the stages imported and the models loaded,
            and the run report says where each second went

Printed: wall time and CPU time of each whole process (interpreter start to exit; the CPU of the
process and of the children it waited for, Prefect's server among them), ours' breakdown (wall
and CPU seconds per part, from the run report), and the ratio. Goal: ours < 15 s on a warm
machine. On a machine other work loads, judge by the CPU seconds.

``--old-tree DIR`` also runs `plainsci nightly` from another checkout of plainsci (e.g.
``git archive <commit> | tar -x -C DIR``), alternating with ours, each in a fresh data directory
with the same Prefect home: old and new side by side in one run, with both breakdowns.

Run: .venv/bin/python bench/small_run.py [--repeat 1] [--old-tree DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BASELINE = (
    "import sys; from pipeline.flows.nightly import run_nightly; from pipeline.settings import load_settings; "
    "r = run_nightly(load_settings(data_dir=sys.argv[1])); assert r['summary']['queued'] == 45, r['summary']"
)


def _env(prefect_home: Path, repo: Path = REPO) -> dict[str, str]:
    # A warm machine has compiled bytecode: the untimed first run writes it (under the temporary
    # folder, so the shared virtualenv is left alone) even where PYTHONDONTWRITEBYTECODE is set.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PREFECT_", "PLAINSCI_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    return {
        **env,
        "PYTHONPYCACHEPREFIX": str(prefect_home.parent / "pycache"),
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "600",
        # the client's wait for the temporary server's answer (Prefect's default 60 s): on a loaded
        # machine the plain flow's warm-up failed with httpx.ReadTimeout (round 21, load 17); a limit
        # only, nothing timed changes where the server answers in time
        "PREFECT_API_REQUEST_TIMEOUT": "600",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONPATH": str(repo),
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], cwd: Path = REPO) -> tuple[float, str, float]:
    """Wall seconds, stdout and CPU seconds (the process and the children it waited for)."""
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return wall, proc.stdout, _children_cpu() - cpu


def breakdown(label: str, wall: float, cpu: float, report: dict) -> None:  # type: ignore[type-arg]
    """The run report's parts, wall and CPU seconds (reports from before round 12 have no CPU)."""
    counts = report["counts"]
    parts = {f"fixed: {k}": v for k, v in counts["fixed_costs"].items()}
    parts |= {f"stage: {k}": v for k, v in counts["durations"].items()}
    cpus = {f"fixed: {k}": v for k, v in counts.get("fixed_cpu", {}).items()}
    cpus |= {f"stage: {k}": v for k, v in counts.get("cpu", {}).items()}
    rest = "interpreter start, CLI import, settings, exit (+ Prefect server's CPU)"
    parts[rest] = wall - sum(parts.values())
    if cpus:
        cpus[rest] = cpu - sum(cpus.values())
    print(f"{label}: wall {wall:.1f} s, CPU {cpu:.1f} s")
    for name, seconds in parts.items():
        c = f"{cpus[name]:6.2f} s CPU" if name in cpus else "     - CPU"
        print(f"  {name:<70} {seconds:6.2f} s  {seconds / wall:5.0%}  {c}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each variant (alternating)")
    ap.add_argument(
        "--old-tree", type=Path, help="another checkout whose `plainsci nightly` runs beside ours"
    )
    ap.add_argument("--no-baseline", action="store_true", help="skip the flow started the plain way")
    args = ap.parse_args()
    old = args.old_tree.resolve() if args.old_tree else None
    runs: dict[str, list[tuple[float, float, dict]]] = {"baseline": [], "old": [], "ours": []}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory(prefix="plainsci-small-") as tmp:
        root = Path(tmp)
        env = _env(root / "prefect-home")
        run([sys.executable, "-c", BASELINE, str(root / "warm-up")], env)  # migrates Prefect's database
        cli = [sys.executable, "-m", "pipeline.cli", "nightly", "--json"]
        if old is not None:  # its bytecode compiled untimed too
            run(cli, {**_env(root / "prefect-home", old), "PLAINSCI_DATA_DIR": str(root / "old-warm")}, old)
        for i in range(args.repeat):
            if not args.no_baseline:
                wall, _, cpu = run([sys.executable, "-c", BASELINE, str(root / f"base{i}")], env)
                runs["baseline"].append((wall, cpu, {}))
            if old is not None:
                old_env = {**_env(root / "prefect-home", old), "PLAINSCI_DATA_DIR": str(root / f"old{i}")}
                wall, out, cpu = run(cli, old_env, old)
                runs["old"].append((wall, cpu, json.loads(out)))
            wall, out, cpu = run(cli, {**env, "PLAINSCI_DATA_DIR": str(root / f"ours{i}")})
            runs["ours"].append((wall, cpu, json.loads(out)))
    print(
        f"45 sample abstracts, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, best of {args.repeat}"
    )
    for name, label in (
        ("baseline", "flow started the plain way"),
        ("old", f"old tree {old}"),
        ("ours", "ours"),
    ):
        if runs[name]:
            print(
                f"{name:<9} best wall {min(w for w, _, _ in runs[name]):6.1f} s, best CPU "
                f"{min(c for _, c, _ in runs[name]):6.1f} s  ({label}; runs: "
                + ", ".join(f"{w:.1f} s / {c:.1f} s CPU" for w, c, _ in runs[name])
                + ")"
            )
    for name in ("old", "ours"):
        if runs[name]:
            wall, cpu, report = min(runs[name], key=lambda r: r[1])  # the run with the least CPU
            breakdown(f"{name}, run with the least CPU", wall, cpu, report)
    ours = min(w for w, _, _ in runs["ours"])
    ours_cpu = min(c for _, c, _ in runs["ours"])
    for name in ("baseline", "old"):
        if runs[name]:
            wall, cpu = min(w for w, _, _ in runs[name]), min(c for _, c, _ in runs[name])
            print(f"ratio {name} / ours: wall {wall / ours:.2f}x, CPU {cpu / ours_cpu:.2f}x")
    print(f"goal ours < 15 s: {'MET' if ours < 15 else 'NOT MET'} (wall {ours:.1f} s, CPU {ours_cpu:.1f} s)")


if __name__ == "__main__":
    main()
