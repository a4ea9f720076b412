"""Scores of a saved version, computed off the request so that a save answers at once.

A save stores the new version and, in the same transaction, a row in ``rescore_jobs`` (migration
0010). A worker claims rows oldest first, runs the score stage on the version
(``pipeline.stages.score.run_score``: the same rows, marker and gate refresh as the nightly run)
and deletes the row, or keeps it as ``failed`` with the reason. Until the version's scores are
stored the draft page says "scores pending" and polls ``GET /items/{id}/scores``; nobody can
approve it (the workflow checks that the current version is scored).

The worker runs in one of two places:

- ``plainsci serve``: a separate process (:class:`WorkerProcess`, ``python -m
  pipeline.review.rescore``) that the server starts, restarts when it dies (its state is on
  ``/healthz``) and stops with it, so the server's core only serves pages. The server wakes it
  through its stdin on each save; it also looks at the table every few seconds.
- ``create_app`` without ``rescore="process"`` (tests, ``bench/save.py``): a thread of the app.

Jobs are never lost: the row is written with the version; a job claimed by a worker that died
(a process on this machine that no longer runs, or a claim older than :data:`LEASE`) is claimed
again. A version is queued once (submitting one that is queued or being scored does nothing); the
score stage skips a version scored meanwhile (the unique key of score rows refuses a second set,
which counts as scored). A failed job is not retried when its page is viewed; the next save
scores its own new version. A version without scores and without a job (saved before this
table, or a new metric version since it was scored) is submitted when its page is viewed.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from pipeline.settings import Settings
from pipeline.stages.score import is_scored, run_score
from pipeline.store.db import Session, Store
from pipeline.store.queries.rescore_jobs import (
    FAILED_STATE,
    claim,
    enqueue,
    enqueue_now,
    finish,
    job_state,
    release,
    running_claims,
    unfinished,
)

log = logging.getLogger(__name__)

ScoreFn = Callable[..., dict[str, Any]]

POLL_S = 5.0  # the worker looks at the table this often when nobody wakes it


@dataclass(frozen=True)
class ScoreState:
    """Where a version's scores stand: ``scored``, ``pending`` or ``failed`` (with the reason)."""

    state: str
    error: str | None = None

    @property
    def pending(self) -> bool:
        return self.state == "pending"

    @property
    def text(self) -> str:
        """What the page shows in place of the scores."""
        if self.state == "failed":
            return f"scoring failed: {self.error}"
        return "scores pending" if self.pending else "scored"


SCORED = ScoreState("scored")
PENDING = ScoreState("pending")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def release_dead(store: Store) -> int:
    """Queue again the jobs claimed by a worker process of this machine that no longer runs (a
    crash, a kill, a restart mid-job); how many. Claims from other machines wait for the lease."""
    host = socket.gethostname()
    released = 0
    for draft_id, holder in running_claims(store):
        name, _, pid = (holder or "").rpartition(":")
        if name == host and pid.isdigit() and not _alive(int(pid)) and release(store, draft_id, holder):
            released += 1
    return released


def rescore(store: Store, settings: Settings, draft_id: int, score: ScoreFn = run_score) -> str | None:
    """Score one version with the score stage; the reason when it fails, else None."""
    try:
        result = score(store, ids=[draft_id], settings=settings)
    except Exception as exc:  # noqa: BLE001 - shown on the draft page, never a silent hang
        try:
            with store.session() as s:
                if is_scored(s, draft_id):
                    return None  # another process scored it first (the unique key refused ours)
        except Exception:  # noqa: BLE001 - the store is down: report the first error
            log.debug("could not re-check draft %s", draft_id, exc_info=True)
        log.exception("rescoring draft %s failed", draft_id)
        return f"{type(exc).__name__}: {exc}"
    if result.get("score_failed"):
        return "; ".join(str(f["reason"]) for f in result.get("failures", [])) or "the score stage failed"
    return None


# --- the worker ----------------------------------------------------------------------------------


class Worker:
    """Claims and scores jobs until ``stop`` is set; ``wake`` cuts the wait after an empty table."""

    def __init__(self, store: Store, settings: Settings, score: Callable[[], ScoreFn], name: str) -> None:
        self.store = store
        self.settings = settings
        self.score = score  # read per job: a test may swap the app's score function meanwhile
        self.name = name
        self.wake = threading.Event()
        self.stop = threading.Event()
        self.finished = threading.Condition()

    def run(self, poll: float = POLL_S) -> None:
        released = release_dead(self.store)
        if released:
            log.warning("rescoring: %d job(s) of a worker that died are queued again", released)
        while not self.stop.is_set():
            try:
                draft_id = claim(self.store, self.name)
            except Exception:  # noqa: BLE001 - the store is down: try again later, keep running
                log.exception("rescoring: could not read the job table")
                draft_id = None
            if draft_id is None:
                self.wake.wait(poll)
                self.wake.clear()
                continue
            error = rescore(self.store, self.settings, draft_id, self.score())
            finish(self.store, draft_id, self.name, error)
            with self.finished:
                self.finished.notify_all()


class WorkerProcess:
    """The rescoring worker as a child process of the server: started, restarted when it exits
    (after 1 s, doubling to 60 s while it keeps dying young), stopped with the server. Its stdin
    carries the settings, then one line per save (a wake-up); at its end the worker exits."""

    def __init__(self, settings: Settings, cpus: set[int] | None = None) -> None:
        self.settings = settings
        self.cpus = cpus
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._state = "stopped"
        self._restarts = 0
        self._last_exit: int | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stopping.clear()
            self._thread = threading.Thread(target=self._supervise, name="rescore-supervisor", daemon=True)
            self._thread.start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-m", "pipeline.review.rescore"]
        if self.cpus:
            cmd += ["--cpus", ",".join(map(str, sorted(self.cpus)))]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        assert proc.stdin is not None
        proc.stdin.write(self.settings.model_dump_json().encode() + b"\n")
        proc.stdin.flush()
        return proc

    def _supervise(self) -> None:
        delay = 1.0
        while not self._stopping.is_set():
            started = time.monotonic()
            try:
                proc = self._spawn()
            except OSError as exc:
                log.error("rescoring worker could not start: %s", exc)
                proc = None
            if proc is not None:
                with self._lock:
                    self._proc, self._state = proc, "starting"
                assert proc.stdout is not None
                for line in proc.stdout:  # "ready" once its models are loaded; EOF when it exits
                    if line.strip() == b"ready":
                        with self._lock:
                            self._state = "running"
                code = proc.wait()
                with self._lock:
                    self._proc, self._last_exit = None, code
                if self._stopping.is_set():
                    break
                log.error("rescoring worker exited with %s; restarting it in %.0f s", code, delay)
            with self._lock:
                self._state = "restarting"
                self._restarts += 1
            delay = 1.0 if time.monotonic() - started > 60 else delay
            if self._stopping.wait(delay):
                break
            delay = min(delay * 2, 60.0)
        with self._lock:
            self._state = "stopped"

    def wake(self) -> None:
        with self._lock:
            proc = self._proc
        if proc is None or proc.stdin is None:
            return  # starting or restarting: the new worker reads the table first
        try:
            proc.stdin.write(b"\n")
            proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass  # it is exiting; the supervisor restarts it and the job waits in the table

    def stop(self, timeout: float = 30.0) -> None:
        """Close the worker's stdin (it finishes the job in hand and exits); kill it after
        ``timeout``. One still loading its models holds no job: it is ended at once."""
        self._stopping.set()
        with self._lock:
            proc, thread, loading = self._proc, self._thread, self._state == "starting"
        if proc is not None:
            try:
                if loading:
                    proc.terminate()
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            except OSError:
                pass
        if thread is not None:
            thread.join(timeout)

    def health(self) -> dict[str, Any]:
        with self._lock:
            proc = self._proc
            out: dict[str, Any] = {"state": self._state, "restarts": self._restarts}
            if proc is not None:
                out["pid"] = proc.pid
            if self._last_exit is not None:
                out["last_exit"] = self._last_exit
        return out


class Rescorer:
    """The app's side of rescoring: queue a saved version, say where its scores stand, and run the
    worker (``process``: a child process, else a thread of this process)."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        score: ScoreFn = run_score,
        *,
        process: bool = False,
        cpus: set[int] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.score = score  # the thread worker's score stage; a test may put a blocking one here
        self._process = WorkerProcess(settings, cpus) if process else None
        self._worker: Worker | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        if self._process is not None:
            self._process.start()
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                name = f"{socket.gethostname()}:{os.getpid()}:thread-{id(self)}"
                self._worker = Worker(self.store, self.settings, lambda: self.score, name)
                self._thread = threading.Thread(target=self._worker.run, name="rescorer", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """End the worker after the job in hand (the app's shutdown); queued jobs stay queued."""
        if self._process is not None:
            self._process.stop(timeout)
            return
        with self._lock:
            worker, thread = self._worker, self._thread
            self._worker = self._thread = None
        if worker is not None and thread is not None:
            worker.stop.set()
            worker.wake.set()
            thread.join(timeout)

    def wake(self) -> None:
        """A job was committed: the worker looks now instead of at its next poll (started again
        if it was stopped: a second client's lifespan over the same app in tests ends it)."""
        self.start()
        if self._process is not None:
            self._process.wake()
        elif self._worker is not None:
            self._worker.wake.set()

    def enqueue(self, session: Session, draft_id: int) -> bool:
        """Queue ``draft_id`` in the caller's transaction (a save); call :meth:`wake` after commit."""
        return enqueue(session, draft_id)

    def submit(self, draft_id: int) -> bool:
        """Queue ``draft_id`` for scoring unless it is already queued; False when it was."""
        added = enqueue_now(self.store, draft_id)
        if added:
            self.wake()
        return added

    def state(self, session: Session, draft_id: int) -> ScoreState:
        """The version's score state; a version that is neither scored nor queued (saved before
        the job table, or a new metric version since it was scored) is submitted, so it is pending."""
        job = job_state(session, draft_id)
        if job is not None:
            return ScoreState("failed", job[1]) if job[0] == FAILED_STATE else PENDING
        if is_scored(session, draft_id):
            return SCORED
        self.submit(draft_id)
        return PENDING

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until no job is queued or being scored (tests, benchmarks); False on timeout."""
        deadline = time.monotonic() + timeout
        while unfinished(self.store):
            if time.monotonic() > deadline:
                return False
            worker = self._worker
            if worker is not None:
                with worker.finished:
                    worker.finished.wait(0.05)
            else:
                time.sleep(0.05)
        return True

    def health(self) -> dict[str, Any] | None:
        """The worker process's state for ``/healthz`` (None for a worker thread)."""
        return self._process.health() if self._process is not None else None

    def _rescore(self, draft_id: int) -> str | None:
        return rescore(self.store, self.settings, draft_id, self.score)


# --- the worker process (python -m pipeline.review.rescore) --------------------------------------


def _read_wakeups(stream: IO[bytes], worker: Worker) -> None:
    for _ in stream:
        worker.wake.set()
    worker.stop.set()  # stdin closed: the server stops us, or died
    worker.wake.set()


def main(argv: list[str] | None = None) -> int:
    """The worker process: settings (JSON) on the first line of stdin, then wake-ups; prints
    ``ready`` when its models are loaded; exits when stdin closes."""
    import argparse

    from pipeline.logs import configure_logging
    from pipeline.warm import loading, warm

    parser = argparse.ArgumentParser(prog="python -m pipeline.review.rescore", description=main.__doc__)
    parser.add_argument("--cpus", help="run on these cores (comma-separated), e.g. off the server's core")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the server; it stops us
    if args.cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(c) for c in args.cpus.split(",")})
    stdin = sys.stdin.buffer
    first = stdin.readline()
    if not first.strip():
        return 0  # the server went before it sent the settings
    settings = Settings.model_validate(json.loads(first))
    configure_logging()
    with loading():
        store = Store(settings)
        warm(settings, ("score",))
    worker = Worker(store, settings, lambda: run_score, f"{socket.gethostname()}:{os.getpid()}")
    threading.Thread(target=_read_wakeups, args=(stdin, worker), name="wakeups", daemon=True).start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        worker.run()
    finally:
        store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
