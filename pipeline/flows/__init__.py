"""Prefect flows: thin wiring of the stages in pipeline/stages.

Nothing here runs at import: the CLI calls :func:`prefect_environment` before it imports Prefect,
so the environment Prefect reads once (when ``prefect`` is first imported) has plainsci's
defaults, and a library user importing ``pipeline.flows.nightly`` gets an untouched environment.
"""

from __future__ import annotations

import os
import sys
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.settings import Settings


def prefect_environment(settings: Settings) -> dict[str, str]:
    """Set plainsci's Prefect defaults in ``os.environ`` (values already set there win).

    - no analytics from the temporary server (closed networks);
    - warnings only in the terminal;
    - a start timeout for Prefect's temporary server of ``settings.prefect_startup_timeout``
      seconds: its first start on a fresh machine creates and migrates its database, which takes
      longer than Prefect's own 20 s default on a slow or busy machine.

    Returns the values now in effect. Call it before Prefect is imported; if Prefect already is,
    its settings are re-read from the environment.
    """
    defaults = {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(settings.prefect_startup_timeout),
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()
    return {key: os.environ[key] for key in defaults}


class PrefectStart:
    """Prefect's temporary server, started first thing so that it boots (in its own process, on
    another core) while this process imports the stages and warms its models.

    Prefect would start the same server (same command and environment) when the flow begins,
    after those imports; here it is spawned before them, and :meth:`wait` points Prefect at it
    and returns the seconds this process still had to wait for it; it is stopped at exit. Does nothing
    when ``PREFECT_API_URL`` names a server. If the early server does not come up, it is stopped
    and Prefect starts its own as usual.
    """

    def __init__(self) -> None:
        import atexit
        import importlib.util
        import socket
        import subprocess
        from pathlib import Path

        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.serving = False  # whether Prefect talks to this server (set by :meth:`wait`)
        if os.environ.get("PREFECT_API_URL") or os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED") == "false":
            return
        spec = importlib.util.find_spec("prefect")
        if spec is None or spec.origin is None:
            return
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        # the command and environment of prefect.server.api.server.SubprocessASGIServer, but for
        # the app: Prefect's, built with the garbage collector paused (pipeline.flows.server),
        # from this checkout's pipeline package
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                str(Path(__file__).resolve().parent.parent.parent),
                "--factory",
                "pipeline.flows.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env={
                **os.environ,
                "PREFECT_UI_ENABLED": "0",
                "PREFECT__SERVER_EPHEMERAL": "1",
                "PREFECT__SERVER_FINAL": "1",
            },
        )
        atexit.register(self.stop)

    def stop(self) -> None:
        """Stop the server (if this process started it and it still runs)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except Exception:  # noqa: BLE001 - best effort at exit
                self.process.kill()

    def run_settings(self) -> AbstractContextManager[object]:
        """Prefect settings for the run while this temporary server serves it: no flow run
        heartbeats. A heartbeat tells a lasting server that a flow run is alive (so that it can
        mark a silent one crashed); this server stops with the process, so nothing would read
        them, and every flow run's end waits for the heartbeat thread's next one-second tick
        (up to 1 s per flow run; the nightly run has two). Heartbeats stay on against any other
        server (``PREFECT_API_URL``)."""
        if not self.serving:
            return nullcontext()
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})

    def wait(self) -> float:
        """Point Prefect at the server once it answers; seconds spent waiting here.

        The server's address goes into ``PREFECT_API_URL`` (this process and its children), so
        Prefect's client talks to it as to any server and this process never imports Prefect's
        server package (its API routes and database models: 1-5 s of the small run's imports)."""
        import time

        import httpx
        from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

        start = time.perf_counter()
        if self.process is None:
            return 0.0
        own = sys.modules.get("prefect.server.api.server")  # Prefect started its own server already?
        if PREFECT_API_URL.value() or (own is not None and own.SubprocessASGIServer().running):
            self.stop()
            return 0.0
        deadline = start + PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
        api = f"http://127.0.0.1:{self.port}/api"
        with httpx.Client() as client:
            while time.perf_counter() < deadline and self.process.poll() is None:
                try:
                    if client.get(f"{api}/health", timeout=5).status_code == 200:
                        os.environ["PREFECT_API_URL"] = api
                        from prefect.context import refresh_global_settings_context

                        refresh_global_settings_context()
                        self.serving = True
                        return time.perf_counter() - start
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        self.stop()  # not up in time (or it exited): Prefect starts its own when the flow begins
        return time.perf_counter() - start
