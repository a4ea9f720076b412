"""Load test of the review app: 10,000 queue items, 50 concurrent simulated editors.

Builds a temporary SQLite store with the real BMC sample abstracts repeated under fresh ids
(10,000 review items with drafts and scores), starts uvicorn on 127.0.0.1 only, signs in 50
editors (httpx AsyncClient) who browse the queue (filters, sorts, pages) and save edits with a
short think time, and reports p50/p95 of the queue page and of a save. The first phase has the
editors send back the queue page's ETag as a browser does (If-None-Match; a 304 when nothing
changed since), the second asks for full pages (``--first full``: the other way round). Then it restarts the server on the old path
(the queue stamp that read every review item, no page or row cache: ``bench/queue_page.py``'s
``use_old_path``, what round 8 served) and runs the same workload again as the baseline, in the
same run, and prints the ratio. ``--baseline rescore-thread`` runs today's app with the save's
rescoring in a thread of the server's process instead (round 10: what the worker process buys
alone); ``--baseline drop-indexes`` the same server with the queue's indexes dropped. Each phase
also prints the CPU the server process and the rescoring worker process spent in it (from
/proc), per request: what requests queue behind on the server's core, however loaded the
machine is. Goal: queue page p95 < 150 ms.

The server runs on the first core (taskset) and this load generator on the others, so the
generator's CPU does not queue the server's requests; a save's rescoring runs in the worker
process the app starts (as under ``plainsci serve``), on the generator's cores (``--worker-on
spare``: a third core; ``--worker-on server``: the server's core), while the old path rescores in
a thread of the server's process; every response's Server-Timing header (the
app's own time) is reported beside the client-side times. Before the load, one editor opens
draft pages right after the health check answers: the first open against the later ones
(the app warms at start-up; goal: first open < 500 ms).

    .venv/bin/python bench/review_load.py [--items 10000] [--editors 50] [--seconds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, text

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.review.client import csrf_token as csrf  # noqa: E402
from pipeline.review.client import parse_edit_form, wait_healthy  # noqa: E402
from pipeline.review.users import hasher  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.stages.score import MARKER_FIELD, MARKER_METRIC, registry_version  # noqa: E402
from pipeline.store import models  # noqa: E402
from pipeline.store.db import Store  # noqa: E402

ABSTRACTS = REPO.parent / "shared" / "data" / "bmc_sample" / "abstracts.jsonl"
PASSWORD = "bench password 123"
SECRET = "bench-secret-key-0123456789abcdef0123456789"
QUEUE_INDEXES = (
    "ix_review_queue_order",
    "ix_review_status_queue_order",
    "ix_review_status_priority",
    "ix_review_assignee",
    "ix_review_created",
    "ix_review_flags_order",
    "ix_articles_published",
)
QUEUE_URLS = (
    "/",
    "/?status=new",
    "/?status=in_review&page=3",
    "/?page=40",
    "/?sort=age",
    "/?sort=flags",
    "/?assignee=me",
    "/?date_from=2015-01-01&date_to=2018-12-31",
    "/?status=new&flags=gate_failed",
)
STATUSES = ("new", "new", "new", "in_review", "changes_requested", "approved")
CATEGORIES = ("Neurology", "Rehabilitation", "Oncology", "Psychiatry", "Cardiology", "Pain Management")


def load_abstracts() -> list[dict]:
    return [json.loads(line) for line in ABSTRACTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences(text_: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text_) if s]


def draft_fields(rec: dict, n: int) -> dict:
    body = [s for sec in rec["sections"] for s in sentences(sec["text"])] or [rec["title"]]
    return {
        "simple_explanation": " ".join(body[:3]),
        "key_findings": body[3:6] or body[:1],
        "research_summary": " ".join(body[-3:]),
        "practical_implications": [{"title": "For Patients", "text": body[0]}],
        "limitations": ["Small sample"],
        "study_duration": "Not specified",
        "participants": "Not specified",
        "evidence_level": "Not specified",
        "categories": [CATEGORIES[n % len(CATEGORIES)], CATEGORIES[(n * 7 + 1) % len(CATEGORIES)]],
    }


def _published(rec: dict) -> date | None:
    value = rec.get("date") or ""
    return date.fromisoformat(value) if len(value) == 10 else None


def fill(store: Store, n_items: int, editors: list[str]) -> None:
    """``n_items`` articles (real abstracts, fresh ids), one draft + score + review item each."""
    recs = load_abstracts()
    rng = random.Random(7)
    marker = registry_version()
    with store.engine.begin() as conn:
        pw = hasher().hash(PASSWORD)  # one salted hash shared by the bench accounts
        conn.execute(
            insert(models.User),
            [
                {
                    "name": e,
                    "role": "editor",
                    "password_hash": pw,
                    "active": True,
                    "created_at": models.utcnow(),
                }
                for e in editors
            ],
        )
        for start in range(0, n_items, 1000):
            ids = range(start + 1, min(start + 1000, n_items) + 1)
            arts, drafts, scores, items = [], [], [], []
            for i in ids:
                rec = recs[i % len(recs)]
                arts.append(
                    {
                        "id": i,
                        "doi": f"10.9999/bench.{i}",
                        "source": "bench",
                        "source_id": str(i),
                        "title": rec["title"],
                        "journal": rec.get("journal"),
                        "published": _published(rec),
                        "sections": rec["sections"],
                        "authors": [],
                        "keywords": [],
                        "mesh": [],
                        "fingerprint": f"bench{i}",
                        "retracted": False,
                        "draftable": True,
                        "first_seen": models.utcnow(),
                        "last_seen": models.utcnow(),
                    }
                )
                drafts.append(
                    {
                        "id": i,
                        "article_id": i,
                        "version": 1,
                        "fields": draft_fields(rec, i),
                        "backend": "extractive",
                        "prompt_id": "default",
                        "prompt_version": "1",
                        "params": {},
                        "input_fingerprint": "bench",
                        "cache_key": f"bench{i}",
                        "warnings": [],
                        "created_at": models.utcnow(),
                    }
                )
                scores.append(  # scored with today's metrics: a draft page never rescores it
                    {
                        "draft_id": i,
                        "field": MARKER_FIELD,
                        "metric": MARKER_METRIC,
                        "metric_version": marker,
                        "value": None,
                        "flags": [],
                        "created_at": models.utcnow(),
                    }
                )
                scores.append(
                    {
                        "draft_id": i,
                        "field": "simple_explanation",
                        "metric": "fkgl",
                        "metric_version": "1",
                        "value": rng.uniform(6, 16),
                        "flags": [],
                        "created_at": models.utcnow(),
                    }
                )
                flags = rng.choice((0, 0, 1, 3))
                items.append(
                    {
                        "id": i,
                        "article_id": i,
                        "draft_id": i,
                        "status": rng.choice(STATUSES),
                        "assignee": editors[i % len(editors)] if i % 5 == 0 else None,
                        "priority": rng.random() * 10,
                        "gate_failed": flags > 2,
                        "flag_count": flags,
                        "row_version": 1,
                        "created_at": models.utcnow(),
                        "updated_at": models.utcnow(),
                    }
                )
            conn.execute(insert(models.Article), arts)
            conn.execute(insert(models.Draft), drafts)
            conn.execute(insert(models.Score), scores)
            conn.execute(insert(models.ReviewItem), items)
        conn.execute(text("ANALYZE"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    data_dir: Path,
    port: int,
    old_path: bool = False,
    worker_cpus: set[int] | None = None,
    rescore_process: bool = True,
) -> subprocess.Popen[bytes]:
    """The app as ``plainsci serve`` runs it: rescoring in a worker process the app starts, on
    ``worker_cpus``; the old path rescores in a thread of the server's process, as round 10 did."""
    env = {
        **os.environ,
        "PLAINSCI_DATA_DIR": str(data_dir),
        "PLAINSCI_SECRET_KEY": SECRET,
        "PLAINSCI_SITE_DIR": str(data_dir / "site"),
        "PYTHONPATH": str(REPO),
    }
    patch = ""
    if old_path:
        patch = f"import sys; sys.path.insert(0, {str(REPO / 'bench')!r}); from queue_page import use_old_path; use_old_path(app); "
    code = (
        "import uvicorn; from pipeline.settings import load_settings; from pipeline.review.app import create_app; "
        # settle: as `plainsci serve` runs it (start-up frozen out of garbage collection); the old
        # path is served as round 8 served it, without
        f"app = create_app(load_settings(), settle={not old_path}, rescore_process={rescore_process and not old_path}, "
        f"rescore_cpus={worker_cpus!r}); {patch}"
        f"uvicorn.run(app, host='127.0.0.1', port={port}, log_level='warning', "
        # an editor's connection idles through its think time, longer than uvicorn's 5 s default on a
        # busy machine: the server closing it as the next request goes out was a failed run
        "timeout_keep_alive=120)"
    )
    cmd = [sys.executable, "-c", code]
    if SERVER_CPUS is not None:
        cmd = ["taskset", "-c", ",".join(map(str, sorted(SERVER_CPUS))), *cmd]
    return subprocess.Popen(cmd, cwd=data_dir, env=env)


def split_cores() -> tuple[set[int] | None, set[int] | None]:
    """(server cores, load generator cores): the first core for the server, the rest for this
    process, so the generator's CPU does not queue the server's requests. None on one core or
    without taskset."""
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cores) < 2 or not shutil.which("taskset"):
        return None, None
    return {cores[0]}, set(cores[1:])


SERVER_CPUS, CLIENT_CPUS = split_cores()


def worker_cores(where: str) -> set[int] | None:
    """The rescoring worker's cores: ``client`` the load generator's (default), ``spare`` the
    cores neither the server nor the generator uses (a third core, where the machine has one;
    the generator then keeps one core), ``server`` the server's own (what the process alone buys)."""
    if SERVER_CPUS is None or CLIENT_CPUS is None:
        return None
    if where == "server":
        return set(SERVER_CPUS)
    if where == "spare":
        if len(CLIENT_CPUS) < 2:
            raise SystemExit(
                "--worker-on spare needs three cores or more (one server, one generator, the rest)"
            )
        spare = set(CLIENT_CPUS) - {min(CLIENT_CPUS)}
        CLIENT_CPUS.difference_update(spare)  # the generator keeps its first core
        return spare
    return set(CLIENT_CPUS)


def worker_ready(url: str, timeout: float = 600.0) -> None:
    """Until /healthz says the rescoring worker process has loaded its models."""
    deadline = time.monotonic() + timeout
    while (state := httpx.get(f"{url}/healthz").json().get("rescoring", {}).get("state")) != "running":
        if time.monotonic() > deadline:
            raise TimeoutError(f"the rescoring worker is {state} after {timeout:.0f} s")
        time.sleep(0.5)


def edit_form(html: str) -> dict[str, str]:
    """What an editor's browser submits when saving: the form's values plus its CSRF token."""
    return {**parse_edit_form(html), "csrf_token": csrf(html[html.index('id="edit-form"') :])}


def server_ms(response: httpx.Response) -> float:
    """The app's own time for a request, from its Server-Timing header (app;dur=<ms>)."""
    return float(response.headers["server-timing"].split("dur=", 1)[1])


async def first_opens(url: str, name: str, items: list[int]) -> list[float]:
    """Client-side ms of opening each draft page in turn (the first right after the server is ready)."""
    times = []
    async with httpx.AsyncClient(base_url=url, timeout=120.0) as client:
        await sign_in(client, name)
        for item in items:
            t0 = time.perf_counter()
            r = await client.get(f"/items/{item}")
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.status_code
    return times


async def quiet_queue(url: str, name: str, rounds: int = 5) -> dict[str, list[float]]:
    """One editor, nobody else: server-side ms of the queue pages as full pages and as conditional
    GETs with the ETag each page returned (the queue unchanged meanwhile, so each is a 304)."""
    out: dict[str, list[float]] = {"full": [], "revalidated": []}
    async with httpx.AsyncClient(base_url=url, timeout=120.0) as client:
        await sign_in(client, name)
        for _ in range(rounds):
            for page in QUEUE_URLS:
                full = await client.get(page)
                assert full.status_code == 200, full.status_code
                out["full"].append(server_ms(full))
                again = await client.get(page, headers={"If-None-Match": full.headers["etag"]})
                assert again.status_code == 304, again.status_code
                out["revalidated"].append(server_ms(again))
    return out


def per_kind_cpu(url: str, pid: int, name: str, items: list[int], rounds: int = 8) -> dict[str, float]:
    """CPU ms the server process spends per request of each kind, one editor alone (each kind in
    turn, from /proc, so nothing else the server does is counted): a sign-in (the login page and
    the password check), a queue page (the 9 URLs in turn), a draft page and a save of it. What the
    load's CPU per request is made of; the load's phases count only queue pages and saves as
    requests, while the server also serves the draft page each save starts from."""

    async def run() -> dict[str, float]:
        out: dict[str, float] = {}
        async with httpx.AsyncClient(base_url=url, timeout=120.0) as client:
            before = cpu_s(pid)
            for _ in range(rounds):
                client.cookies.clear()
                await sign_in(client, name)
            out["sign-in"] = (cpu_s(pid) - before) / rounds
            before = cpu_s(pid)
            for page in QUEUE_URLS:
                assert (await client.get(page)).status_code == 200
            out["queue page"] = (cpu_s(pid) - before) / len(QUEUE_URLS)
            pages, saves = 0.0, 0.0
            for n in range(rounds):
                item = items[n % len(items)]
                before = cpu_s(pid)
                form = edit_form((await client.get(f"/items/{item}")).text)
                pages += cpu_s(pid) - before
                form["simple_explanation"] += f" Per-kind edit {n}."
                before = cpu_s(pid)
                r = await client.post(f"/items/{item}/edit", data=form)
                saves += cpu_s(pid) - before
                assert r.status_code == 303, (r.status_code, r.text[:300])
            out["draft page"], out["save"] = pages / rounds, saves / rounds
        return {k: 1000 * v for k, v in out.items()}

    return asyncio.run(run())


def print_kinds(label: str, kinds: dict[str, float]) -> None:
    print(
        f"{label:<22} server CPU per request, one editor: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in kinds.items())
    )


async def sign_in(client: httpx.AsyncClient, name: str) -> None:
    token = csrf((await client.get("/login")).text)
    r = await client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303, r.text[:200]


async def editor(
    url: str,
    name: str,
    my_items: list[int],
    budget: dict[str, int],
    seconds: float,
    out: dict[str, list[float]],
    seed: int,
    sign_ins: asyncio.Semaphore,
    revalidate: bool = False,
    signed_in: list[int] | None = None,
    total: int = 0,
    signed_in_window: bool = False,
) -> None:
    signed_in = [] if signed_in is None else signed_in
    rng = random.Random(seed)
    etags: dict[str, str] = {}  # what a browser keeps: the queue page's ETag per URL
    async with httpx.AsyncClient(base_url=url, timeout=60.0) as client:
        async with sign_ins:  # a few at a time: 50 password hashes at once would queue everything
            await sign_in(client, name)
        signed_in.append(1)
        # An editor signs in once a day, not once per browsing burst: the timed window starts when
        # every editor has signed in (--sign-in-in-window: when this one has, as before round 12)
        while not signed_in_window and len(signed_in) < total:
            await asyncio.sleep(0.05)
        if not signed_in_window and "server" not in WINDOW:  # the first editor past the wait
            WINDOW["server"] = cpu_s(WINDOW_PIDS.get("server"))
            WINDOW["worker"] = cpu_s(WINDOW_PIDS.get("worker"))
        deadline = time.monotonic() + seconds  # the phase's time counts from here
        queue_left, saves_left = budget["queue"], budget["saves"]
        while (queue_left or saves_left) and time.monotonic() < deadline:
            await asyncio.sleep(rng.uniform(1.0, 3.0))  # think time: reading, not hammering
            if saves_left and (not queue_left or rng.random() < 0.25):
                item = my_items[saves_left % len(my_items)]
                form = edit_form((await client.get(f"/items/{item}")).text)
                form["simple_explanation"] += f" Edit {saves_left} by {name}."
                t0 = time.perf_counter()
                r = await client.post(f"/items/{item}/edit", data=form)
                out["save"].append((time.perf_counter() - t0) * 1000)
                out["save_server"].append(server_ms(r))
                assert r.status_code == 303, (r.status_code, r.text[:300])
                saves_left -= 1
            else:
                page = rng.choice(QUEUE_URLS)
                held = {"If-None-Match": etags[page]} if revalidate and page in etags else {}
                t0 = time.perf_counter()
                r = await client.get(page, headers=held)
                out["queue"].append((time.perf_counter() - t0) * 1000)
                out["queue_server"].append(server_ms(r))
                assert r.status_code in ((200, 304) if held else (200,)), r.status_code
                if r.status_code == 304:
                    out["not_modified"].append(1.0)
                if "etag" in r.headers:
                    etags[page] = r.headers["etag"]
                queue_left -= 1


async def workload(
    url: str,
    editors: list[str],
    items: dict[str, list[int]],
    seconds: float,
    budget: dict[str, int],
    revalidate: bool = False,
) -> dict[str, list[float]]:
    """``revalidate``: editors send the queue page's ETag back (If-None-Match) as a browser does."""
    out: dict[str, list[float]] = {
        "queue": [],
        "save": [],
        "queue_server": [],
        "save_server": [],
        "not_modified": [],
    }
    sign_ins = asyncio.Semaphore(4)
    signed_in: list[int] = []
    await asyncio.gather(
        *(
            editor(
                url,
                e,
                items[e],
                budget,
                seconds,
                out,
                n,
                sign_ins,
                revalidate,
                signed_in,
                len(editors),
                SIGN_IN_IN_WINDOW,
            )
            for n, e in enumerate(editors)
        )
    )
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def drop_indexes(store: Store) -> None:
    with store.engine.begin() as conn:
        for name in QUEUE_INDEXES:
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
        conn.execute(text("ANALYZE"))


def drained(store: Store, timeout: float = 600.0) -> None:
    """Print how many saves still waited for their scores when the phase ended, and how long the
    worker process took to score them (the scores lag the saves; the queue pages do not wait)."""
    from pipeline.store.queries.rescore_jobs import unfinished

    t0, left = time.perf_counter(), unfinished(store)
    while unfinished(store) and time.perf_counter() - t0 < timeout:
        time.sleep(0.2)
    print(
        f"{'  rescoring':<22} {left} save(s) unscored at the phase's end, all scored {time.perf_counter() - t0:.1f} s later"
    )


def cpu_s(pid: int | None) -> float:
    """User + system CPU seconds of process ``pid`` so far (0 where /proc cannot say)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# Where the timed window of a phase starts (every editor signed in): the pids whose CPU is read
# then, and what it read (filled by the first editor past the sign-ins).
SIGN_IN_IN_WINDOW = False
WINDOW_PIDS: dict[str, int | None] = {}
WINDOW: dict[str, float] = {}


def phase(
    url: str, proc: subprocess.Popen[bytes], run: Any
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """``run()``'s result and the CPU the server process and the rescoring worker spent during its
    timed window (after the editors' sign-ins; the sign-ins' own CPU under ``sign-ins``): the
    server's CPU is what requests queue behind on its core, whatever else the machine runs."""
    worker = httpx.get(f"{url}/healthz").json().get("rescoring", {}).get("pid")
    WINDOW_PIDS.update(server=proc.pid, worker=worker)
    WINDOW.clear()
    before = cpu_s(proc.pid), cpu_s(worker)
    result = run()
    after = cpu_s(proc.pid), cpu_s(worker)
    start = (WINDOW.get("server", before[0]), WINDOW.get("worker", before[1]))
    return result, {
        "server": after[0] - start[0],
        "worker": after[1] - start[1],
        "sign-ins": start[0] - before[0],
    }


def report(
    label: str, result: dict[str, list[float]], cpu: dict[str, float] | None = None
) -> dict[str, float]:
    stats = {f"{k}_{q}": pct(v, p) for k, v in result.items() for q, p in (("p50", 0.5), ("p95", 0.95))}
    requests = max(len(result["queue"]) + len(result["save"]), 1)
    stats |= {f"cpu_{k}_ms": 1000 * v / requests for k, v in (cpu or {}).items()}
    if cpu:
        where = (
            "sign-ins inside the window"
            if SIGN_IN_IN_WINDOW
            else f"window after the sign-ins, which took {cpu['sign-ins']:.1f} s before it"
        )
        print(
            f"{'  CPU':<22} server process {cpu['server']:.1f} s ({stats['cpu_server_ms']:.1f} ms per request: "
            f"queue pages and saves, with the draft page each save starts from; {where}),"
            f" rescoring worker process {cpu['worker']:.1f} s"
        )
    print(
        f"{label:<22} queue n={len(result['queue']):>5} (304: {len(result['not_modified'])}) p50={stats['queue_p50']:7.1f} ms p95={stats['queue_p95']:7.1f} ms"
        f" | save n={len(result['save']):>4} p50={stats['save_p50']:7.1f} ms p95={stats['save_p95']:7.1f} ms"
    )
    print(
        f"{'  server-side (app)':<22} queue p50={stats['queue_server_p50']:7.1f} ms p95={stats['queue_server_p95']:7.1f} ms"
        f" | save p50={stats['save_server_p50']:7.1f} ms p95={stats['save_server_p95']:7.1f} ms"
    )
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--editors", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per phase")
    parser.add_argument("--queue-requests", type=int, default=20, help="queue pages per editor per phase")
    parser.add_argument("--saves", type=int, default=3, help="saves per editor per phase")
    parser.add_argument(
        "--baseline",
        choices=("old-path", "rescore-thread", "drop-indexes"),
        default="old-path",
        help="old-path: round 8's queue stamp, no caches, rescoring in a thread of the server; "
        "rescore-thread: today's app with rescoring in a thread of the server (round 10); "
        "drop-indexes: today's app with the queue's indexes dropped",
    )
    parser.add_argument(
        "--worker-on",
        choices=("client", "spare", "server"),
        default="client",
        help="cores of the rescoring worker process: the load generator's, a third core, or the server's",
    )
    parser.add_argument(
        "--first",
        choices=("revalidate", "full"),
        default="revalidate",
        help="which of this app's two phases runs first: editors revalidating by ETag (default, as "
        "before round 25) or editors asking for full pages",
    )
    parser.add_argument(
        "--sign-in-in-window",
        action="store_true",
        help="time each editor from its own sign-in, while others still sign in (before round 12); "
        "default: the timed window starts when every editor has signed in (an editor signs in once a day)",
    )
    args = parser.parse_args()
    global SIGN_IN_IN_WINDOW
    SIGN_IN_IN_WINDOW = args.sign_in_in_window
    worker_cpus = worker_cores(args.worker_on)
    editors = [f"editor{i:02d}" for i in range(args.editors)]
    if CLIENT_CPUS is not None:
        os.sched_setaffinity(0, CLIENT_CPUS)  # the load generator off the server's core
    print(
        f"server on cores {SERVER_CPUS or 'all'}, load generator on cores {CLIENT_CPUS or 'all'}, "
        f"rescoring worker process on cores {worker_cpus or 'all'} (old path: a thread of the server)"
    )
    with tempfile.TemporaryDirectory(prefix="plainsci-bench-") as tmp:
        data_dir = Path(tmp)
        store = Store(Settings(data_dir=data_dir, secret_key=SECRET))
        t0 = time.perf_counter()
        fill(store, args.items, editors)
        print(f"filled {args.items} review items in {time.perf_counter() - t0:.1f}s ({data_dir})")
        # each editor saves only its own items (two per phase-run), so saves never conflict
        items = {e: [n * 4 + 1 + k for k in range(4)] for n, e in enumerate(editors)}
        port = free_port()
        proc = start_server(data_dir, port, worker_cpus=worker_cpus)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, timeout=600)
            worker_ready(url)
            opens = asyncio.run(first_opens(url, editors[0], [items[editors[0]][0], *range(101, 111)]))
            later = sorted(opens[1:])[len(opens[1:]) // 2]
            print(
                f"draft page right after ready: first open {opens[0]:.0f} ms, later opens median {later:.0f} ms"
                f" -> first/later {opens[0] / later:.2f}x (goal first < 500 ms: "
                f"{'met' if opens[0] < 500 else 'NOT met'})"
            )
            quiet = asyncio.run(quiet_queue(url, editors[1]))
            full_ms, revalidated_ms = pct(quiet["full"], 0.5), pct(quiet["revalidated"], 0.5)
            print(
                f"queue, one editor, nothing changing: server-side median {full_ms:.1f} ms for the full page vs "
                f"{revalidated_ms:.1f} ms for a 304 (If-None-Match) -> {full_ms / revalidated_ms:.2f}x "
                f"(p95 {pct(quiet['full'], 0.95):.1f} vs {pct(quiet['revalidated'], 0.95):.1f} ms, "
                f"{len(quiet['full'])} each)"
            )
            budget = {"queue": args.queue_requests, "saves": args.saves}
            asyncio.run(workload(url, editors[:5], items, 15, {"queue": 3, "saves": 1}))  # warm up
            kinds = per_kind_cpu(url, proc.pid, editors[2], items[editors[2]])
            print_kinds("this app", kinds)
            stats: dict[bool, dict[str, float]] = {}
            # The first phase after start-up serves a server that has not yet run a full load
            # (round 24's quiet run: 163 ms p95 revalidating, first, vs 51 ms full pages, second;
            # in one process a request after a write costs the same either way): --first full
            # swaps the order, to read which of the two is the order and which the request.
            for revalidate in (True, False) if args.first == "revalidate" else (False, True):
                stats[revalidate] = report(
                    "If-None-Match" if revalidate else "full pages",
                    *phase(
                        url,
                        proc,
                        lambda r=revalidate: asyncio.run(
                            workload(url, editors, items, args.seconds, budget, revalidate=r)
                        ),
                    ),
                )
                drained(store)
            revalidating, indexed = stats[True], stats[False]
            if args.baseline == "drop-indexes":
                drop_indexes(store)
                label = "indexes dropped"
            else:
                proc.terminate()
                proc.wait(timeout=10)
                old_path = args.baseline == "old-path"
                proc = start_server(data_dir, port, old_path=old_path, rescore_process=False)
                wait_healthy(url, timeout=600)
                asyncio.run(workload(url, editors[:5], items, 15, {"queue": 3, "saves": 1}))  # warm up
                label = "old path" if old_path else "rescoring thread"
                print_kinds(label, per_kind_cpu(url, proc.pid, editors[2], items[editors[2]]))
            baseline = report(
                label,
                *phase(url, proc, lambda: asyncio.run(workload(url, editors, items, args.seconds, budget))),
            )
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            store.dispose()
    ratio = baseline["queue_p95"] / indexed["queue_p95"]
    goal = "met" if indexed["queue_p95"] < 150 else "NOT met"
    print(
        f"queue page p95: {indexed['queue_p95']:.1f} ms client / {indexed['queue_server_p95']:.1f} ms server-side"
        f" vs {baseline['queue_p95']:.1f} / {baseline['queue_server_p95']:.1f} ms, {label}"
        f" -> ratio {ratio:.2f}x (goal p95 < 150 ms: {goal})"
    )
    print(
        f"queue page p95 with editors revalidating (ETag, 304 when unchanged): {revalidating['queue_p95']:.1f} ms"
        f" client, {revalidating['queue_server_p95']:.1f} ms server-side (goal p95 < 150 ms: "
        f"{'met' if revalidating['queue_p95'] < 150 else 'NOT met'})"
    )
    print(
        f"server process CPU per request (queue pages and saves): {indexed['cpu_server_ms']:.1f} ms vs "
        f"{baseline['cpu_server_ms']:.1f} ms, {label} -> {baseline['cpu_server_ms'] / max(indexed['cpu_server_ms'], 1e-9):.2f}x"
        f" (the rescoring worker process: {indexed['cpu_worker_ms']:.1f} ms per request, off the server's core)"
    )
    print(
        f"save p95: {indexed['save_p95']:.1f} ms vs {baseline['save_p95']:.1f} ms "
        f"-> ratio {baseline['save_p95'] / indexed['save_p95']:.2f}x"
    )


if __name__ == "__main__":
    main()
