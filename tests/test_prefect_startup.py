"""Prefect's environment is set by an explicit call (not at import), and the run report says
where each second of a run went.

Outside tests/flows on purpose: that folder's shared Prefect test harness stays active for the
whole folder and would pin the settings (and the server address) these tests check."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.flows import prefect_environment
from pipeline.flows.report import markdown
from tests.conftest import REPO

KEYS = (
    "PREFECT_SERVER_ANALYTICS_ENABLED",
    "PREFECT_LOGGING_LEVEL",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
)


def test_importing_the_flows_leaves_the_environment_alone() -> None:
    env = {k: v for k, v in os.environ.items() if k not in KEYS} | {"PYTHONPATH": str(REPO)}
    code = "import os, json; import pipeline.flows.nightly; print(json.dumps({k: os.environ.get(k) for k in %r}))"
    out = subprocess.run(
        [sys.executable, "-c", code % (KEYS,)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == dict.fromkeys(KEYS)


def test_prefect_environment_sets_defaults_and_keeps_what_is_set(settings) -> None:  # type: ignore[no-untyped-def]
    from prefect.context import refresh_global_settings_context
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    saved = {k: os.environ.pop(k, None) for k in KEYS}
    try:
        os.environ["PREFECT_LOGGING_LEVEL"] = "DEBUG"
        values = prefect_environment(settings.model_copy(update={"prefect_startup_timeout": 123}))
        assert values == {
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "DEBUG",  # the user's value wins
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "123",
        }
        assert PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value() == 123  # Prefect re-read it
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        refresh_global_settings_context()


def test_the_run_report_shows_fixed_costs_beside_the_stages() -> None:
    counts = {
        "sources": {},
        "durations": {"ingest": 1.0, "enrich": 3.0},
        "fixed_costs": {"imports": 4.0, "Prefect server start (waited for)": 2.0},
    }
    report = markdown(7, "completed", counts, [], "http://x")
    assert "## Where the time went (10.0 s)" in report
    assert "| fixed: imports | 4.00 | 40% | - |" in report
    assert "| fixed: Prefect server start (waited for) | 2.00 | 20% | - |" in report
    assert "| stage: enrich | 3.00 | 30% | - |" in report
    assert "Where the time went" not in markdown(7, "completed", {"durations": {"ingest": 1.0}}, [], "x")


def test_the_run_report_shows_cpu_seconds_beside_the_wall_clock() -> None:
    """Round 12 (h12ops): on a machine other processes load, the wall clock of a part says little;
    the process's CPU seconds per part stand beside it (``cpu`` per stage, ``fixed_cpu`` per fixed cost)."""
    counts = {
        "sources": {},
        "durations": {"ingest": 1.0, "enrich": 3.0},
        "cpu": {"ingest": 0.25, "enrich": 1.5},
        "fixed_costs": {"imports": 4.0, "Prefect server start (waited for)": 2.0},
        "fixed_cpu": {"imports": 1.0, "Prefect server start (waited for)": 0.0},
    }
    report = markdown(7, "completed", counts, [], "http://x")
    assert "## Where the time went (10.0 s; CPU 2.8 s)" in report
    assert "| fixed: imports | 4.00 | 40% | 1.00 |" in report
    assert "| stage: enrich | 3.00 | 30% | 1.50 |" in report
    assert "| stage: ingest | 1.00 | 10% | 0.25 |" in report


@pytest.mark.slow
def test_the_early_server_is_used_without_importing_prefects_server_package(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """PrefectStart points Prefect's client at the server it spawned (PREFECT_API_URL), so the
    flow's process never imports Prefect's server package (API routes, database models); while it
    serves the run, flow runs send no heartbeats (see ``PrefectStart.run_settings``)."""
    code = (
        "import json, os, sys; from pipeline.flows import PrefectStart; import prefect; "
        "from prefect.settings import get_current_settings\n"
        "def heartbeat(): return get_current_settings().flows.heartbeat_frequency\n"
        "start = PrefectStart(); start.wait(); import httpx\n"
        "with start.run_settings(): in_run = heartbeat()\n"
        "from prefect.settings import PREFECT_API_URL\n"
        "print(json.dumps({'url': PREFECT_API_URL.value(), 'port': start.port, "
        "'health': httpx.get(PREFECT_API_URL.value() + '/health').status_code, "
        "'server_package': 'prefect.server.api.server' in sys.modules, "
        "'heartbeat_in_run': in_run, 'heartbeat_after': heartbeat()}))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {"PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "600"  # a first start on a loaded machine
    # cwd: this checkout's pipeline (the tests run in a temporary folder)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600, cwd=REPO
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {
        "url": f"http://127.0.0.1:{seen['port']}/api",
        "port": seen["port"],
        "health": 200,
        "server_package": False,
        # no flow run heartbeats while the run is served by the server that stops with it
        # (each flow run's end waited up to 1 s for the heartbeat thread; round 13, h13speed)
        "heartbeat_in_run": None,
        "heartbeat_after": 180,
    }


@pytest.mark.slow
def test_the_temporary_servers_app_is_built_without_garbage_collection() -> None:
    """Round 18 (h18speed): PrefectStart's server builds Prefect's app with the collector paused
    (``pipeline.flows.server``; about an eighth of the server's CPU until it first answered went
    to collections while Prefect's server package was imported), then freezes what it built and
    collects as before."""
    code = (
        "import gc, json; from pipeline.flows.server import create_app\n"
        "seen = []; gc.callbacks.append(lambda phase, info: seen.append(phase)); before = gc.get_threshold()\n"
        "app = create_app()\n"
        "import prefect.server.api.server as s\n"
        "print(json.dumps({'collections': seen.count('start'), 'thresholds': gc.get_threshold() == before, "
        "'frozen': gc.get_freeze_count() > 100000, 'app': type(app).__name__, "
        "'prefects': s.create_app() is app}))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT__SERVER_EPHEMERAL": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600, cwd=REPO
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "collections": 0,
        "thresholds": True,
        "frozen": True,
        "app": "FastAPI",
        "prefects": True,  # Prefect's own app (its cache hands the same one back)
    }


def test_the_nightly_command_times_the_backend_check_and_the_store_check_apart(settings) -> None:  # type: ignore[no-untyped-def]
    """Round 24 (h24run): the small run's "backend and store check" (1.56 s quiet, round 23) was one
    line; building the backend (the composer's imports, spaCy) and opening the store (schema check,
    a new store migrated) are now timed apart, so the report says which one the seconds are."""
    from pipeline.cli.flows import _check_before_flow
    from pipeline.errors import PlainsciError
    from pipeline.runtime import get_store
    from pipeline.store.db import current_revision, script_head

    fixed: dict[str, float] = {}
    cpu: dict[str, float] = {}
    _check_before_flow(settings, fixed, cpu)
    assert list(fixed) == list(cpu) == ["backend check", "store check"]
    assert all(v >= 0.0 for v in (*fixed.values(), *cpu.values()))
    store = get_store(settings)
    assert current_revision(store.engine) == script_head()  # the new store was migrated
    unknown = settings.model_copy(update={"backend": "nope", "data_dir": settings.data_dir / "other"})
    with pytest.raises(PlainsciError, match="nope"):
        _check_before_flow(unknown, {}, {})
    assert not (settings.data_dir / "other").exists()  # an unknown backend stops before the store opens
