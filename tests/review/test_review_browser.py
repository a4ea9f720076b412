"""End to end in Debian chromium: sign in, keyboard navigation, live readability while editing,
saving, approval by a second person, publishing, and the published page on disk."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.review.browser import CHROMIUM, CHROMIUM_ARGS, serve_app

EDITOR, APPROVER, PASSWORD = "erin", "april", "browser test password"
EDITED = (
    "Arthrogryposis means that many joints are stiff from birth. "
    "Doctors tested walking twice. The tests gave the same results."
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
]


@pytest.fixture
def server(tmp_path: Path, testdb: ModuleType) -> Iterator[str]:
    """The review app over a fresh test database with an editor and an approver."""
    with serve_app(tmp_path, testdb, {EDITOR: "editor", APPROVER: "approver"}, PASSWORD) as url:
        yield url


def sign_in(page: Any, server: str, name: str) -> None:
    page.goto(f"{server}/")
    page.wait_for_url(f"{server}/login?next=%2F")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/")


def test_edit_approve_publish_end_to_end(server: str, tmp_path: Path, testdb: ModuleType) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.goto(f"{server}/")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            page.screenshot(path=str(shots / "01-login.png"), full_page=True)
            sign_in(page, server, EDITOR)
            expect(page.locator("#queue tbody tr")).to_have_count(3)
            page.keyboard.press("j")
            expect(page.locator("#queue tbody tr").first).to_have_class("selected")
            page.keyboard.press("?")
            expect(page.locator("#help")).to_be_visible()
            page.screenshot(path=str(shots / "02-queue-help.png"))
            page.keyboard.press("Escape")
            page.screenshot(path=str(shots / "03-queue.png"), full_page=True)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{server}/items/1")
            expect(page.get_by_role("heading", name="Source abstract")).to_be_visible()
            expect(page.locator("mark.sev-error").first).to_have_text("38")
            page.screenshot(path=str(shots / "04-draft-page.png"), full_page=True)

            score = page.locator("#score-simple_explanation")
            expect(score).to_have_attribute("data-fkgl", re.compile(r"\d"), timeout=20_000)
            before = score.get_attribute("data-fkgl")
            page.keyboard.press("e")
            expect(page.locator("#e-simple_explanation")).to_be_focused()
            page.fill("#e-simple_explanation", EDITED)
            expect(score).not_to_have_attribute("data-fkgl", before or "", timeout=20_000)
            page.locator("#edit").screenshot(path=str(shots / "05-editing-live-readability.png"))
            page.click("#save")
            page.wait_for_url(re.compile(r".*/items/1\?saved=2"))
            expect(page.locator("#saved")).to_have_text("Saved as version 2.")
            expect(page.locator("#status")).to_have_text("in review")
            page.locator("#diff").screenshot(path=str(shots / "06-saved-diff.png"))
            page.click("#logout")
            page.wait_for_url(f"{server}/login")

            sign_in(page, server, APPROVER)
            page.goto(f"{server}/items/1")
            for name in (
                "simple_explanation",
                "key_findings",
                "research_summary",
                "practical_implications",
                "limitations",
            ):
                page.click(f"#tick-btn-{name}")
                expect(page.locator(f"#tick-btn-{name}")).to_have_attribute("aria-pressed", "true")
            page.keyboard.press("a")  # opens the approve dialog; its own button approves
            expect(page.locator("#dlg-approve")).to_be_visible()
            if page.locator("#acknowledge").count():
                page.check("#acknowledge")
            page.click("#confirm-approve")
            expect(page.locator("#status")).to_have_text("approved")
            page.click("#action-publish")
            page.click("#confirm-publish")
            expect(page.locator("#status")).to_have_text("published")
            page.screenshot(path=str(shots / "07-published-item.png"), full_page=True)

            published = tmp_path / "site" / "10.1186-s12891-022-05070-w.html"
            assert published.exists()
            page.goto(published.as_uri())
            expect(page.get_by_role("heading", name="Simple Explanation")).to_be_visible()
            expect(page.locator("body")).to_contain_text(EDITED)
            expect(page.locator("form.feedback")).to_be_visible()
            page.screenshot(path=str(shots / "08-published-page.png"), full_page=True)
            page.goto((tmp_path / "site" / "index.html").as_uri())
            expect(page.get_by_role("heading", name="Latest research")).to_be_visible()
            page.screenshot(path=str(shots / "09-site-index.png"), full_page=True)
        finally:
            browser.close()
    assert sorted(p.name for p in (tmp_path / "site").glob("10.1186-*.html")) == [
        "10.1186-s12891-022-05070-w.html"
    ]
    assert (shots / "08-published-page.png").stat().st_size > 10_000
