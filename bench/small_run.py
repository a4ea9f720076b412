"""The small run: `plainsci nightly` on the 45 bundled sample abstracts, end to end, warm machine.

Each variant runs in a fresh process and a fresh data directory, with one Prefect home and one
bytecode cache shared by all (filled by an untimed first run, as on a machine that has run
plainsci before):

  baseline  the flow started the plain way (python -c "run_nightly(load_settings())"): Prefect
            starts its temporary server when the flow begins, models load inside the stages
  ours      `plainsci nightly`: the server is spawned first thing and boots in its own process
            while the backend and store are checked, the stages imported and the models loaded,
            and the run report says where each second went

Printed: wall time of each whole process (interpreter start to exit), ours' breakdown, and the
ratio. Goal: ours < 15 s on a warm machine. Run: .venv/bin/python bench/small_run.py [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
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


def _env(prefect_home: Path) -> dict[str, str]:
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
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONPATH": str(REPO),
    }


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return wall, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each variant (alternating)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="plainsci-small-") as tmp:
        root = Path(tmp)
        env = _env(root / "prefect-home")
        run([sys.executable, "-c", BASELINE, str(root / "warm-up")], env)  # migrates Prefect's database
        base_walls, our_walls, reports = [], [], []
        for i in range(args.repeat):
            wall, _ = run([sys.executable, "-c", BASELINE, str(root / f"base{i}")], env)
            base_walls.append(wall)
            wall, out = run(
                [sys.executable, "-m", "pipeline.cli", "nightly", "--json"],
                {**env, "PLAINSCI_DATA_DIR": str(root / f"ours{i}")},
            )
            our_walls.append(wall)
            reports.append(json.loads(out))
    base, ours = min(base_walls), min(our_walls)
    best = reports[our_walls.index(ours)]
    print(f"45 sample abstracts, {os.cpu_count()} CPUs, best of {args.repeat}")
    print(f"baseline  {base:6.1f} s   (runs: {', '.join(f'{w:.1f}' for w in base_walls)})")
    print(f"ours      {ours:6.1f} s   (runs: {', '.join(f'{w:.1f}' for w in our_walls)})")
    parts = {**{f"fixed: {k}": v for k, v in best["counts"]["fixed_costs"].items()}}
    parts |= {f"stage: {k}": v for k, v in best["counts"]["durations"].items()}
    accounted = sum(parts.values())
    parts["interpreter start, CLI import, settings, exit"] = ours - accounted
    for name, seconds in parts.items():
        print(f"  {name:<48} {seconds:6.2f} s  {seconds / ours:5.0%}")
    print(f"ratio baseline / ours: {base / ours:.2f}x; goal ours < 15 s: {'MET' if ours < 15 else 'NOT MET'}")


if __name__ == "__main__":
    main()
