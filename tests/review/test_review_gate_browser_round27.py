"""Round 27 (h27flags, issue 16 item 2) in Debian chromium: the queue tells a draft with errors from
one only over a grade limit, filters each, and the draft page says which (screenshots into
$PLAINSCI_SCREENSHOT_DIR when set)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select

from pipeline.score.gates import refresh_gates
from pipeline.store import models
from pipeline.store.db import Store
from tests.review.browser import CHROMIUM, CHROMIUM_ARGS, serve_app
from tests.review.test_review_browser import EDITOR, PASSWORD, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
]


def _prepare(testdb: ModuleType) -> object:
    def prepare(store: Store) -> None:
        """Item 2's key findings read at grade 13.2 (its only failing rule); item 1 keeps its error."""
        with store.session() as s:
            item = s.get(models.ReviewItem, 2)
            s.add(
                models.Score(
                    draft_id=item.draft_id,
                    field="key_findings",
                    metric="fkgl",
                    metric_version="1",
                    value=13.2,
                    flags=[],
                )
            )
        with store.session() as s:
            refresh_gates(
                s, list(s.scalars(select(models.ReviewItem.draft_id))), testdb.make_settings(Path("."))
            )

    return prepare


@pytest.fixture
def server(tmp_path: Path, testdb: ModuleType) -> Iterator[str]:
    with serve_app(tmp_path, testdb, {EDITOR: "editor"}, PASSWORD, prepare=_prepare(testdb)) as url:  # type: ignore[arg-type]
        yield url


def test_errors_and_grade_limits_apart_in_the_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            sign_in(page, server, EDITOR)
            gates = page.locator("#queue tbody td[data-label=Gate]")
            expect(gates).to_have_count(3)
            expect(page.locator("#queue tbody .gate-failed")).to_have_text(["✗ 1 error"])
            expect(page.locator("#queue tbody .gate-grade")).to_have_text(["over grade limit"])
            page.screenshot(path=str(shots / "r27-queue-gate.png"), full_page=True)
            page.select_option("#f-flags", "over_grade")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**flags=over_grade**")
            expect(page.locator("#queue tbody tr")).to_have_count(1)
            page.screenshot(path=str(shots / "r27-queue-over-grade.png"), full_page=True)
            page.goto(f"{server}/items/2")
            expect(page.locator("#gate-summary")).to_have_text(
                "Quality gate: errors: 0 · over grade limit: key findings 13.2 > 10"
            )
            page.screenshot(path=str(shots / "r27-draft-over-grade.png"))
            page.goto(f"{server}/items/1")
            expect(page.locator("#gate-summary")).to_have_text(
                "Quality gate: errors: 1 · over grade limit: none"
            )
        finally:
            browser.close()
