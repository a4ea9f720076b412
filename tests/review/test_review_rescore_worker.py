"""A save's scores come from the rescoring worker process that the app starts (``plainsci serve``),
through the job table (migration 0010), on SQLite and on PostgreSQL; a worker that dies is
restarted and reported on /healthz, and the job it held is scored, not lost (issue 17.3)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.review.rescore import Rescorer
from pipeline.stages.score import is_scored
from pipeline.store import models
from pipeline.store.queries.rescore_jobs import RUNNING_STATE, claim, enqueue
from tests.review.conftest import edit_form, login, post


@pytest.fixture
def store(db_settings: Any) -> Iterator[Any]:
    """The review tests' store, once on SQLite and once on a real PostgreSQL."""
    from pipeline.store.db import Store

    st = Store(db_settings)
    yield st
    st.dispose()


def _settings(db_settings: Any, tmp_path: Any) -> Any:
    return db_settings.model_copy(
        update={"site_dir": tmp_path / "site", "secret_key": "test-secret-key-0123456789abcdef"}
    )


def _until(what: Any, timeout: float = 120.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = what()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s")


def _save(client: TestClient, item: int, text: str) -> int:
    """Save an edit; the new version's draft id (from the scores endpoint)."""
    r = post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": text})
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    return int(client.get(f"/items/{item}/scores").json()["draft_id"])


def test_a_save_is_scored_by_the_worker_process_which_is_restarted_when_it_dies(
    db_settings: Any, store: Any, filled: Any, users: Any, testdb: ModuleType, tmp_path: Any
) -> None:
    from pipeline.review.app import create_app

    app = create_app(_settings(db_settings, tmp_path), store=store, rescore_process=True)
    item = filled.item_ids[testdb.DOIS[0]]
    with TestClient(app) as c:
        client = login(c, "edna")
        health = _until(lambda: (h := client.get("/healthz").json())["rescoring"]["state"] == "running" and h)
        assert health["status"] == "ok"
        worker_pid = health["rescoring"]["pid"]
        assert worker_pid != os.getpid()

        draft_id = _save(client, item, "The treatment helped people walk further after a stroke.")
        _until(lambda: client.get(f"/items/{item}/scores").json()["state"] == "scored")
        with store.session() as s:
            assert is_scored(s, draft_id)
            assert s.get(models.RescoreJob, draft_id) is None  # done jobs leave the table

        # the restart is the supervisor's, the same on both stores: once (a worker start takes seconds)
        if db_settings.db_url.startswith("sqlite"):
            os.kill(worker_pid, signal.SIGKILL)  # the worker dies: reported, then restarted
            down = _until(lambda: (h := client.get("/healthz").json())["rescoring"].get("last_exit") and h)
            assert down["rescoring"]["last_exit"] == -signal.SIGKILL and down["rescoring"]["restarts"] >= 1
            again = _save(client, item, "The treatment helped people walk a little further after a stroke.")
            with store.session() as s:  # the job is in the table whatever the worker's state
                assert s.get(models.RescoreJob, again) is not None or is_scored(s, again)
            health = _until(
                lambda: (
                    (h := client.get("/healthz").json())["rescoring"].get("pid", worker_pid) != worker_pid
                    and h
                )
            )
            assert health["rescoring"]["state"] in ("starting", "running")
    _until(lambda: not _running(health["rescoring"]["pid"]), timeout=30)  # stopped with the app
    if db_settings.db_url.startswith("sqlite"):
        with store.session() as s:  # stopped before or after scoring it: never lost
            job = s.get(models.RescoreJob, again)
            assert (job is not None and job.state == "pending") or (job is None and is_scored(s, again))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not open(f"/proc/{pid}/stat").read().split(") ")[-1].startswith("Z")  # not a zombie


def test_a_job_held_by_a_worker_that_died_is_scored_by_the_next(
    store: Any, filled: Any, testdb: ModuleType, tmp_path: Any, db_settings: Any
) -> None:
    """No job lost: a worker process killed mid-job leaves its claim; the next worker takes it."""
    item = filled.item_ids[testdb.DOIS[1]]
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = f"{socket.gethostname()}:{int(gone.stdout)}"  # a process of this machine that has exited
    with store.session() as s:
        draft_id = s.get(models.ReviewItem, item).draft_id
        for score in s.scalars(select(models.Score).where(models.Score.draft_id == draft_id)):
            s.delete(score)  # unscored, as a version just saved
    with store.session() as s:
        assert enqueue(s, draft_id)
    assert claim(store, dead) == draft_id
    assert claim(store, "another worker") is None  # held: nobody else takes it meanwhile
    with store.session() as s:
        job = s.get(models.RescoreJob, draft_id)
        assert (job.state, job.claimed_by, job.attempts) == (RUNNING_STATE, dead, 1)

    rescorer = Rescorer(store, _settings(db_settings, tmp_path))
    rescorer.start()
    try:
        assert rescorer.wait(60), "the released job was not scored"
    finally:
        rescorer.stop()
    with store.session() as s:
        assert is_scored(s, draft_id) and s.get(models.RescoreJob, draft_id) is None
