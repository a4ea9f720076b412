"""What the browser tests share: Debian chromium, and the review app served by ``serve(settings)``
in a subprocess on a free port over a fresh test database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from pipeline.review.client import wait_healthy
from pipeline.review.users import add_user
from pipeline.store.db import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_app(
    folder: Path,
    testdb: ModuleType,
    accounts: dict[str, str],
    password: str,
    *,
    prepare: Callable[[Store], None] | None = None,
    drop_env: tuple[str, ...] = (),
) -> Iterator[str]:
    """The review app's URL, served from ``folder`` (data/ and site/ in it) until the block ends.

    The test database gets ``prepare(store)`` (more items, stored scores), then the ``accounts``
    (name -> role), all with ``password``; ``drop_env`` names variables the server must not see.
    """
    data_dir = folder / "data"
    testdb.create(data_dir)
    store = Store(testdb.make_settings(data_dir))
    try:
        if prepare is not None:
            prepare(store)
        for name, role in accounts.items():
            add_user(store, name, role, password)
    finally:
        store.dispose()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in drop_env}
    env |= {
        "PLAINSCI_DATA_DIR": str(data_dir),
        "PLAINSCI_SITE_DIR": str(folder / "site"),
        "PLAINSCI_HOST": "127.0.0.1",
        "PLAINSCI_PORT": str(port),
        "PYTHONPATH": str(REPO),
    }
    code = "from pipeline.settings import load_settings; from pipeline.review.app import serve; serve(load_settings())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc=proc)  # a busy CI box imports the app slowly
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
