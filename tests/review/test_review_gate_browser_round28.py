"""Round 28 (h28flags, issue 16 items 3-4) in Debian chromium: the draft page on a phone. At 390x844
the page head's "✗ quality gate failed: 1 error" (round 27) ran off the screen and the draft page
scrolled sideways to 531 px (the head did not wrap; the version table and the "Draft again" choice
widened the lower sections). Screenshots into $PLAINSCI_SCREENSHOT_DIR when set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.review.browser import CHROMIUM, CHROMIUM_ARGS, serve_app
from tests.review.test_review_browser import EDITOR, PASSWORD, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
]


@pytest.fixture
def server(tmp_path: Path, testdb: ModuleType) -> Iterator[str]:
    with serve_app(tmp_path, testdb, {EDITOR: "editor"}, PASSWORD) as url:
        yield url


def test_the_draft_page_fits_a_phone(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for width, height in ((390, 844), (1440, 900)):
                page = browser.new_page(viewport={"width": width, "height": height})
                page.set_default_navigation_timeout(120_000)
                sign_in(page, server, EDITOR)
                page.goto(f"{server}/items/1")  # item 1 of the test database has an error flag
                head = page.locator("#gate-head")
                expect(head).to_have_text("✗ quality gate failed: 1 error")
                box = head.bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
                assert page.evaluate("() => document.documentElement.scrollWidth") <= width
                page.screenshot(path=str(shots / f"r28-draft-page-{width}.png"))
                page.close()
        finally:
            browser.close()
