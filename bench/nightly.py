"""Nightly flow benchmark: the whole flow over thousands of real abstracts (drafted by the extractive
backend unless --backend composer: the composer's own rate is bench/draft.py's, and with it the
draft stage would be most of every variant's time).

Input: every abstract in ../shared/data (bmc_sample, pubmed_abstracts, cochrane_val,
sumpubmed_bmc_abstracts: about 4,100), repeated under fresh ids up to --n (default 5,000), written
as one JSON Lines file that the `files` source reads. Variants, each in a fresh subprocess and data
directory, run side by side in this one run:

  baseline  the flow with a sequential single-worker task runner (what one process does)
  ours      the flow with a Dask LocalCluster of 2 worker processes (PLAINSCI_TASK_RUNNER=dask)
  rerun     ours again on the same store with nothing new

Printed: wall time per stage, peak RSS (the flow process plus its worker processes, sampled), and
the ratios. Goals: ours at least 1.7x faster than baseline on 2 cores; the rerun at most 5% of the
first run. Run: .venv/bin/python bench/nightly.py [--n 5000]

Scale-out: .venv/bin/python bench/nightly.py --dask-address [tcp://scheduler:8786] --postgres URL
runs the flow against a Dask cluster it only connects to (without an address, a LocalCluster of
1 and then --workers worker processes that the bench starts), each variant on a fresh database
of the PostgreSQL server at URL, and prints the ratio of 1 worker to --workers workers. With an
address, the cluster's size is whatever it is: the two variants differ only in task chunking.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from itertools import cycle, islice
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"


def _first_sentence(text: str, limit: int = 120) -> str:
    head = text.split(". ")[0].strip()
    return head[:limit].rstrip(" ,;") or "Untitled abstract"


def _lines(path: Path) -> list[str]:
    # split on "\n" only: some abstracts contain U+2028, which str.splitlines() would split on
    return [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]


def real_records() -> list[dict]:
    """Every real abstract of the shared data, normalised to the files source's JSON Lines shape."""
    out: list[dict] = []
    for line in _lines(SHARED / "bmc_sample" / "abstracts.jsonl"):
        r = json.loads(line)
        out.append(
            {
                "title": r["title"],
                "journal": r.get("journal"),
                "date": r.get("date"),
                "sections": r["sections"],
            }
        )
    for line in _lines(SHARED / "pubmed_abstracts" / "abstracts.jsonl"):
        r = json.loads(line)
        out.append(
            {
                "title": r.get("question") or _first_sentence(r["sections"][0]["text"]),
                "sections": r["sections"],
            }
        )
    for line in _lines(SHARED / "cochrane_val" / "pairs.jsonl"):
        r = json.loads(line)
        out.append({"title": f"Cochrane review {r['id']}", "abstract": r["abstract"]})
    for line in _lines(SHARED / "sumpubmed_bmc_abstracts" / "abstracts.jsonl"):
        r = json.loads(line)
        out.append({"title": _first_sentence(r["sections"][0]["text"]), "sections": r["sections"]})
    return out


def write_input(folder: Path, n: int) -> int:
    """n records under fresh DOIs (a repeat of a real abstract is a new article to the pipeline)."""
    folder.mkdir(parents=True, exist_ok=True)
    records = real_records()
    with (folder / "bench.jsonl").open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(islice(cycle(records), n)):
            fh.write(json.dumps({**rec, "id": f"bench-{i}", "doi": f"10.5555/plainsci-bench.{i}"}) + "\n")
    return len(records)


CHILD = """
import json, sys
from prefect.testing.utilities import prefect_test_harness
from pipeline.flows.nightly import run_nightly
from pipeline.settings import load_settings
settings = load_settings(**json.loads(sys.argv[1]))
with prefect_test_harness(server_startup_timeout=600):  # 120 s timed out at load 18
    t0 = __import__("time").perf_counter()
    result = run_nightly(settings)
    wall = __import__("time").perf_counter() - t0
print("RESULT " + json.dumps({"wall": wall, "summary": result["summary"],
                              "durations": result["counts"]["durations"], "status": result["status"],
                              "flow_cpu": result["counts"]["cpu"], "tasks": result["counts"].get("tasks", {})}))
"""


def _role(proc: psutil.Process, p: psutil.Process) -> str:
    """Which part of a variant's process tree ``p`` is (its CPU is added up per part)."""
    if p.pid == proc.pid:
        return "flow"
    cmd = " ".join(p.cmdline())
    if "uvicorn" in cmd:
        return "prefect server"
    if "spawn_main" in cmd:
        return "dask workers"
    return "other"


def _tree_sample(proc: psutil.Process, cpu: dict[int, tuple[str, float]]) -> int:
    """RSS of the process tree now; each process's CPU seconds so far recorded in ``cpu``."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            with p.oneshot():
                total += p.memory_info().rss
                t = p.cpu_times()
                role = cpu[p.pid][0] if p.pid in cpu else _role(proc, p)
                cpu[p.pid] = (role, t.user + t.system)
        except psutil.Error:
            pass
    return total


def run_variant(overrides: dict, tree: Path = REPO) -> dict:
    """One flow run in a fresh process (the code of ``tree``); returns its result, the peak RSS
    of its process tree and the CPU seconds of each part of the tree (flow, Prefect's server,
    Dask workers: sampled, so a process's last 0.2 s may be missed)."""
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "ERROR",
        "PYTHONPATH": str(tree),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(overrides)],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    peak = 0
    stop = threading.Event()
    cpu: dict[int, tuple[str, float]] = {}

    def sample() -> None:
        nonlocal peak
        ps = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                peak = max(peak, _tree_sample(ps, cpu))
            except psutil.Error:
                return
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    line = next((ln for ln in out.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"variant failed ({proc.returncode}):\n{out[-4000:]}")
    roles: dict[str, float] = {}
    for role, seconds in cpu.values():
        roles[role] = roles.get(role, 0.0) + seconds
    return {**json.loads(line[len("RESULT ") :]), "peak_rss_mb": peak / 2**20, "tree_cpu": roles}


def report(name: str, r: dict, *, flush: bool = False) -> None:
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in r["durations"].items())
    s = r["summary"]
    print(
        f"{name:9s} wall {r['wall']:8.1f}s  peak RSS {r['peak_rss_mb']:7.0f} MB  "
        f"new {s['new']} drafted {s['drafted']} scored {s['scored']} queued {s['queued']}  [{stages}]",
        flush=flush,
    )
    # where the CPU went: per part of the process tree, and per stage the tasks' own CPU and
    # wall clock (on Dask: in the workers) beside the flow process's CPU during the stage
    parts = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(r.get("tree_cpu", {}).items()))
    print(f"{'':9s} CPU of the process tree: {parts}", flush=flush)
    for stage, t in r.get("tasks", {}).items():
        print(
            f"{'':9s} {stage}: {t['n']} tasks, task CPU {t['cpu_s']:.1f}s, task wall {t['wall_s']:.1f}s "
            f"(longest {t['longest_s']:.1f}s), flow process CPU {r['flow_cpu'].get(stage, 0):.1f}s, "
            f"stage wall {r['durations'].get(stage, 0):.1f}s",
            flush=flush,
        )


def _postgres_db(admin_url: str, name: str) -> str:
    """A fresh database ``name`` on the PostgreSQL server of ``admin_url``; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def scale_out(args: argparse.Namespace, root: Path, common: dict) -> None:
    """1 vs N worker processes of a Dask cluster the flow only connects to (--dask-address), each
    run on a fresh PostgreSQL database (--postgres): what a multi-machine deployment runs.

    Fair in one run: every run reads the same input file into an empty store, and with
    --repeats R the variants alternate (1, N, then N, 1, ...) so that a load that changes during
    the bench weighs on both; each run prints its per-stage times as it ends, then the median
    wall and per-stage times of each variant and their ratios."""
    from distributed import LocalCluster

    os.environ["PYTHONPATH"] = str(REPO)  # the cluster's worker processes import pipeline from here
    sizes = sorted({1, args.workers})
    runs: dict[int, list[dict]] = {n: [] for n in sizes}
    for rep in range(args.repeats):
        for n in sizes if rep % 2 == 0 else sizes[::-1]:
            tag = f"w{n}r{rep}"
            overrides = {**common, "data_dir": str(root / tag), "max_workers": n}
            if args.postgres:
                overrides["database_url"] = _postgres_db(args.postgres, f"{args.db_prefix}_{tag}")
            if args.dask_address != "local":
                address, cluster = args.dask_address, None
            else:
                cluster = LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
                )
                address = cluster.scheduler_address
            try:
                result = run_variant({**overrides, "dask_address": address, "task_runner": "dask"})
            finally:
                if cluster is not None:
                    cluster.close()
                if args.postgres:
                    _drop_db(args.postgres, f"{args.db_prefix}_{tag}")
            report(f"{n} worker{'s' if n > 1 else ''} (round {rep + 1})", result, flush=True)
            runs[n].append(result)
    if len(sizes) < 2:
        return
    one, many = runs[1], runs[args.workers]
    store = "PostgreSQL" if args.postgres else "SQLite"
    print(f"medians over {args.repeats} round(s), {store}:")
    for name, rs in (("1 worker", one), (f"{args.workers} workers", many)):
        stages = ", ".join(f"{k} {_median([r['durations'][k] for r in rs]):.1f}s" for k in rs[0]["durations"])
        print(f"  {name:10s} wall {_median([r['wall'] for r in rs]):8.1f}s  [{stages}]")
    ratios = ", ".join(
        f"{k} {_median([r['durations'][k] for r in one]) / max(_median([r['durations'][k] for r in many]), 1e-9):.2f}x"
        for k in one[0]["durations"]
    )
    wall = _median([r["wall"] for r in one]) / _median([r["wall"] for r in many])
    print(f"scale-out: {args.workers} workers vs 1 worker on {store}: {wall:.2f}x  [per stage: {ratios}]")


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def _drop_db(admin_url: str, name: str) -> None:
    """Drop a bench database once its run is measured (a 1000-abstract store is not kept)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def compare_trees(args: argparse.Namespace, old: Path) -> None:
    """Baseline and ours of this tree and of ``old`` in one bench, in the order new baseline, old
    baseline, old ours, new ours (a load that drifts during the bench weighs on both trees alike);
    each variant's figures as it ends, then each tree's speed-up and its CPU against the baseline."""
    results: dict[tuple[str, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="plainsci-bench-") as tmp:
        root = Path(tmp)
        write_input(root / "input", args.n)
        print(
            f"{args.n} abstracts, {psutil.cpu_count()} CPUs, this tree vs {old}, "
            f"load average {os.getloadavg()[0]:.1f} at start",
            flush=True,
        )
        common = {"samples_dir": str(root / "input"), "backend": args.backend}
        order = [("new", "baseline"), ("old", "baseline"), ("old", "ours"), ("new", "ours")]
        for tree, variant in order:
            overrides = {**common, "data_dir": str(root / f"{tree}-{variant}")}
            if variant == "baseline":
                overrides["task_runner"] = "sequential"
            else:
                overrides.update(task_runner="dask", max_workers=args.workers)
            r = run_variant(overrides, REPO if tree == "new" else old)
            results[tree, variant] = r
            report(f"{tree} {variant} (load {os.getloadavg()[0]:.1f} at end)", r, flush=True)
    for tree in ("old", "new"):
        base, ours = results[tree, "baseline"], results[tree, "ours"]
        per_stage = ", ".join(
            f"{k} {base['durations'][k] / max(ours['durations'].get(k, 0), 1e-9):.2f}x"
            for k in base["durations"]
        )
        cpu = sum(ours["tree_cpu"].values()) / max(sum(base["tree_cpu"].values()), 1e-9)
        print(
            f"{tree}: speed-up ours vs sequential baseline {base['wall'] / ours['wall']:.2f}x "
            f"[{per_stage}]; CPU of ours' process tree / baseline's {cpu:.2f}x"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="abstracts (default 5000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--dask-address",
        nargs="?",
        const="local",
        help="scale-out mode: the flow connects to this Dask scheduler (no value: the bench starts a "
        "LocalCluster of 1, then --workers worker processes) and compares 1 worker with --workers",
    )
    ap.add_argument(
        "--repeats",
        type=int,
        default=2,
        help="scale-out mode: rounds of the two variants, alternating their order (default 2: 1, N, N, 1)",
    )
    ap.add_argument("--postgres", help="an admin PostgreSQL URL: each variant gets a fresh database on it")
    ap.add_argument(
        "--db-prefix",
        default=f"plainsci_bench_{os.getpid()}",
        help="name prefix of the bench's PostgreSQL databases (default plainsci_bench_PID: two benches "
        "on one shared server never drop each other's)",
    )
    ap.add_argument(
        "--backend",
        choices=("extractive", "composer"),
        default="extractive",
        help="drafting backend of every variant (default extractive; composer is the app's default)",
    )
    ap.add_argument(
        "--old-tree",
        type=Path,
        help="another checkout of plainsci (e.g. `git archive` of an older commit) whose baseline and "
        "ours run beside this tree's in the same bench, alternating (new, old, old, new), no rerun",
    )
    ap.add_argument("--no-rerun", action="store_true", help="skip the rerun variant")
    args = ap.parse_args()
    if args.old_tree:
        compare_trees(args, args.old_tree.resolve())
        return
    if args.dask_address:
        with tempfile.TemporaryDirectory(prefix="plainsci-bench-") as tmp:
            root = Path(tmp)
            write_input(root / "input", args.n)
            print(
                f"{args.n} abstracts, {psutil.cpu_count()} CPUs, scale-out over Dask ({args.dask_address}), "
                f"load average {os.getloadavg()[0]:.1f} at start",
                flush=True,
            )
            scale_out(args, root, {"samples_dir": str(root / "input"), "backend": args.backend})
        return
    rerun = None
    with tempfile.TemporaryDirectory(prefix="plainsci-bench-") as tmp:
        root = Path(tmp)
        distinct = write_input(root / "input", args.n)
        print(
            f"{args.n} abstracts ({distinct} distinct real abstracts, repeated under fresh ids), "
            f"{psutil.cpu_count()} CPUs"
        )
        common = {"samples_dir": str(root / "input"), "backend": args.backend}
        base = run_variant({**common, "data_dir": str(root / "base"), "task_runner": "sequential"})
        report("baseline", base)
        ours = run_variant(
            {**common, "data_dir": str(root / "ours"), "task_runner": "dask", "max_workers": args.workers}
        )
        report("ours", ours)
        if not args.no_rerun:
            rerun = run_variant(
                {**common, "data_dir": str(root / "ours"), "task_runner": "dask", "max_workers": args.workers}
            )
            report("rerun", rerun)
    speedup = base["wall"] / ours["wall"]
    print(
        f"speed-up ours vs sequential baseline: {speedup:.2f}x (goal >= 1.7x)"
        f" {'MET' if speedup >= 1.7 else 'NOT MET'}"
    )
    if rerun is not None:
        rerun_share = rerun["wall"] / ours["wall"]
        print(
            f"rerun with nothing new / first run: {rerun_share:.1%} (goal <= 5%)"
            f" {'MET' if rerun_share <= 0.05 else 'NOT MET'}"
        )
    print(f"peak RSS ours / baseline: {ours['peak_rss_mb'] / base['peak_rss_mb']:.2f}x")


if __name__ == "__main__":
    main()
