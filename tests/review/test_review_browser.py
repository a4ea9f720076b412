"""End to end in Debian chromium: the queue's keyboard navigation opens the draft page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

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

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"uvicorn exited with {proc.returncode}: {proc.stdout.read().decode() if proc.stdout else ''}"
            )
        try:
            if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url}/healthz did not answer within {timeout}s")


@pytest.fixture
def server(tmp_path: Path, testdb: ModuleType) -> Iterator[str]:
    """``serve(settings)`` in a subprocess on a free port, over a fresh test database."""
    data_dir = tmp_path / "data"
    testdb.create(data_dir)
    port = free_port()
    env = {
        **os.environ,
        "PLAINSCI_DATA_DIR": str(data_dir),
        "PLAINSCI_HOST": "127.0.0.1",
        "PLAINSCI_PORT": str(port),
        "PYTHONPATH": str(REPO),
    }
    code = "from pipeline.settings import load_settings; from pipeline.review.app import serve; serve(load_settings())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_keyboard_opens_the_draft_page(server: str, tmp_path: Path, testdb: ModuleType) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.goto(f"{server}/")
            expect(page.locator("#queue tbody tr")).to_have_count(3)
            page.keyboard.press("j")
            expect(page.locator("#queue tbody tr").first).to_have_class("selected")
            page.screenshot(path=str(shots / "queue.png"), full_page=True)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{server}/items/1")
            expect(page.get_by_role("heading", name="Simple Explanation")).to_be_visible()
            expect(page.get_by_role("heading", name="Source abstract")).to_be_visible()
            expect(page.locator("mark.sev-error")).to_have_text("38")
            page.screenshot(path=str(shots / "draft-page.png"), full_page=True)
        finally:
            browser.close()
    assert (shots / "draft-page.png").stat().st_size > 10_000
