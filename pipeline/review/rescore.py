"""Scores of a saved version, computed in the background so that a save answers at once.

A save stores the new version and returns; :class:`Rescorer` (one per app, one worker thread)
then runs the score stage on that version (``pipeline.stages.score.run_score``: the same rows,
marker and gate refresh as the nightly run). Until the version's scores are stored the draft
page says "scores pending" and polls ``GET /items/{id}/scores``; nobody can approve it (the
workflow checks that the current version is scored).

- A version is submitted once: submitting one that is queued or being scored does nothing, and
  the score stage skips a version scored meanwhile (another process's worker: the unique key of
  score rows refuses a second set, which counts as scored).
- A rescoring that fails is kept as "scoring failed: reason" (and quarantined by the stage) and
  not retried by this process; the next save scores its own new version.
- After a restart nothing is queued: a page that shows a version without scores submits it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.settings import Settings
from pipeline.stages.score import is_scored, run_score
from pipeline.store.db import Session, Store

log = logging.getLogger(__name__)

ScoreFn = Callable[..., dict[str, Any]]


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


class Rescorer:
    """One worker thread that scores submitted draft versions, one at a time, in order."""

    def __init__(self, store: Store, settings: Settings, score: ScoreFn = run_score) -> None:
        self.store = store
        self.settings = settings
        self.score = score  # the score stage; a test may put a blocking one here
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._failed: dict[int, str] = {}
        self._waiting: set[int] = set()  # submitted and not finished (queued or being scored)
        self._lock = threading.Condition()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="rescorer", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish what is queued, then end the worker (the app's shutdown)."""
        with self._lock:
            thread = self._thread
            self._thread = None
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout)

    def submit(self, draft_id: int) -> bool:
        """Queue ``draft_id`` for scoring unless it is already queued; False when it was."""
        with self._lock:
            if draft_id in self._waiting:
                return False
            self._waiting.add(draft_id)
            self._failed.pop(draft_id, None)
        self.start()
        self._queue.put(draft_id)
        return True

    def state(self, session: Session, draft_id: int) -> ScoreState:
        """The version's score state; a version that is neither scored nor known here (a restart,
        or a new metric version since it was scored) is submitted, so it is pending."""
        with self._lock:
            if draft_id in self._waiting:
                return PENDING
            if draft_id in self._failed:
                return ScoreState("failed", self._failed[draft_id])
        if is_scored(session, draft_id):
            return SCORED
        self.submit(draft_id)
        return PENDING

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until nothing is queued or being scored (tests, benchmarks); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._waiting, timeout)

    def _run(self) -> None:
        while True:
            draft_id = self._queue.get()
            if draft_id is None:
                return
            error = self._rescore(draft_id)
            with self._lock:
                if error is not None:
                    self._failed[draft_id] = error
                self._waiting.discard(draft_id)
                self._lock.notify_all()

    def _rescore(self, draft_id: int) -> str | None:
        """Score one version with the score stage; the reason when it fails, else None."""
        try:
            result = self.score(self.store, ids=[draft_id], settings=self.settings)
        except Exception as exc:  # noqa: BLE001 - shown on the draft page, never a silent hang
            try:
                with self.store.session() as s:
                    if is_scored(s, draft_id):
                        return None  # another process scored it first (the unique key refused ours)
            except Exception:  # noqa: BLE001 - the store is down: report the first error
                log.debug("could not re-check draft %s", draft_id, exc_info=True)
            log.exception("rescoring draft %s failed", draft_id)
            return f"{type(exc).__name__}: {exc}"
        if result.get("score_failed"):
            return "; ".join(str(f["reason"]) for f in result.get("failures", [])) or "the score stage failed"
        return None
