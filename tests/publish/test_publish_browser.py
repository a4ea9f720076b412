"""The published site and the review app in Debian chromium, served by `serve(settings)` on a free
port: what a reader sees (site name, navigation, About, Disclaimer, category pages, the review
date, no internals), feedback sent without leaving the page to the app that actually serves,
axe-core with no serious or critical violation, a focus ring of at least 3:1, and the review
app's own pages working under its Content-Security-Policy."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from pipeline.settings import Settings
from pipeline.store import models
from pipeline.store.db import Store
from tests.publish.test_publish_render import INTERNALS
from tests.review.axe import AXE_JS, axe_violations, describe
from tests.review.browser import CHROMIUM, CHROMIUM_ARGS, serve_app
from tests.review.test_review_browser import sign_in

EDITOR, APPROVER, PASSWORD = "erin", "april", "browser test password"
PUBLISHED_DOI = "10.1186/1472-6874-12-16"  # approved in the test data
PAGE = "10.1186-1472-6874-12-16.html"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Debian chromium not found at {CHROMIUM}"),
    # in CI a missing axe-core is a failure (bootstrap --test installs it), not a skip
    pytest.mark.skipif(
        not AXE_JS.exists() and os.environ.get("CI") != "true",
        reason="axe-core missing: run .ci/bootstrap --test",
    ),
]


@pytest.fixture(scope="module")
def site_server(tmp_path_factory: pytest.TempPathFactory, testdb: ModuleType) -> Iterator[tuple[str, Path]]:
    """The review app on a free port with no PLAINSCI_PUBLIC_URL (local preset); one per module,
    because starting it is the slow part on a loaded machine."""
    folder = tmp_path_factory.mktemp("site-server")
    accounts = {EDITOR: "editor", APPROVER: "approver"}
    with serve_app(folder, testdb, accounts, PASSWORD, drop_env=("PLAINSCI_PUBLIC_URL",)) as url:
        yield url, folder / "data"


def csrf_in(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def publish_over_http(server: str, data_dir: Path) -> None:
    """An approver publishes the approved item through the running app (which builds the site)."""
    store = Store(Settings(data_dir=data_dir, database_url=None))
    try:
        with store.session() as s:
            item_id = next(i.id for i in s.query(models.ReviewItem).all() if i.article.doi == PUBLISHED_DOI)
    finally:
        store.dispose()
    with httpx.Client(base_url=server, timeout=30) as http:
        token = csrf_in(http.get("/login").text)
        r = http.post("/login", data={"name": APPROVER, "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 303, r.text
        token = csrf_in(http.get(f"/items/{item_id}").text)
        r = http.post(f"/items/{item_id}/transition", data={"action": "publish", "csrf_token": token})
        assert r.status_code == 303, r.text


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def rgb(css: str) -> tuple[float, float, float]:
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", css)[:3])
    return r, g, b


FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let node = el, background = 'rgb(255, 255, 255)';
  while (node && node.nodeType === 1) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') { background = bg; break; }
    node = node.parentElement;
  }
  return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), outline: style.outlineColor,
          width: parseFloat(style.outlineWidth), styleName: style.outlineStyle, background};
}"""


def console_line(message: Any) -> str:
    return f"{message.text} ({message.location.get('url', '')})"


def check_page(page: Any, name: str, shots: Path) -> None:
    """One h1, no internals in the text, axe clean; a full-page screenshot."""
    assert page.locator("h1").count() == 1, name
    text = page.locator("body").inner_text()
    assert not INTERNALS.search(text), (name, INTERNALS.search(text))
    assert "not medical advice" in text, name
    violations = axe_violations(page)
    assert not violations, f"{name}: {describe(violations)}"
    page.screenshot(path=str(shots / f"site-{name}.png"), full_page=True)


def test_site_before_the_first_publish_in_chromium(site_server: tuple[str, Path], tmp_path: Path) -> None:
    """A fresh run's "Published site" link: the site's shell, not a 404 (runs before the module's
    publish below: the site folder does not exist yet)."""
    from playwright.sync_api import sync_playwright

    server, data_dir = site_server
    assert not (data_dir / "site").exists()
    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(console_line(m)) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            response = page.goto(f"{server}/site/")
            assert response is not None and response.status == 200
            text = page.locator("main").inner_text()
            assert "Nothing is published yet" in text and "Publish" in text
            check_page(page, "empty-index", shots)
            nav = page.get_by_role("navigation", name="Site")
            for label in ("About", "Disclaimer", "Latest research"):
                nav.get_by_role("link", name=label).click()
                page.wait_for_load_state()
                assert page.url.startswith(f"{server}/site/"), page.url
                check_page(page, f"empty-{label.split()[0].lower()}", shots)
            # the stylesheet applies (served with its type): the header bar is laid out by site.css
            assert (
                page.evaluate("getComputedStyle(document.querySelector('header.site .bar')).display")
                == "flex"
            )
            assert not errors, errors
        finally:
            browser.close()


def test_published_site_in_chromium(site_server: tuple[str, Path], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    server, data_dir = site_server
    publish_over_http(server, data_dir)
    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(console_line(m)) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))

            page.goto(f"{server}/site/")
            expect(page.get_by_role("link", name="Plain Science")).to_be_visible()
            nav = page.get_by_role("navigation", name="Site")
            for label in ("Latest research", "About", "Disclaimer"):
                expect(nav.get_by_role("link", name=label)).to_be_visible()
            check_page(page, "01-index", shots)

            # focus ring: every focused control on the way down the page stands out >= 3:1
            for _ in range(6):
                page.keyboard.press("Tab")
                focus = page.evaluate(FOCUS_JS)
                ratio = contrast(rgb(focus["outline"]), rgb(focus["background"]))
                assert focus["styleName"] != "none" and focus["width"] >= 2, focus
                assert ratio >= 3.0, (focus, round(ratio, 2))

            page.get_by_role("link", name="Oncology").first.click()
            page.wait_for_url(f"{server}/site/category-oncology.html")
            expect(page.get_by_role("heading", level=1)).to_have_text("Oncology")
            check_page(page, "02-category", shots)

            page.locator(f'a[href="{PAGE}"]').click()
            page.wait_for_url(f"{server}/site/{PAGE}")
            crumbs = page.get_by_role("navigation", name="Breadcrumb")
            expect(crumbs.get_by_role("link", name="Oncology")).to_be_visible()
            expect(page.locator("#reviewed")).to_contain_text(
                re.compile(r"Reviewed by our editors on \w+ \d+, \d{4}\.")
            )
            form = page.locator("form.feedback")
            assert form.get_attribute("action") == f"{server}/feedback"  # the app that serves
            check_page(page, "03-page", shots)

            page.fill("form.feedback textarea", "Clear, thank you.")
            form.get_by_role("button", name="Yes").click()
            status = page.locator("[data-feedback-status]")
            expect(status).to_have_text("Thank you! Your answer helps us write clearer summaries.")
            expect(status).to_be_focused()
            assert page.url == f"{server}/site/{PAGE}"  # never left the page
            page.screenshot(path=str(shots / "site-04-feedback-thanks.png"), full_page=True)

            page.get_by_role("link", name="About").first.click()
            page.wait_for_url(f"{server}/site/about.html")
            check_page(page, "05-about", shots)
            page.get_by_role("navigation", name="Site").get_by_role("link", name="Disclaimer").click()
            page.wait_for_url(f"{server}/site/disclaimer.html")
            expect(page.get_by_role("heading", level=1)).to_have_text("Disclaimer: not medical advice")
            check_page(page, "06-disclaimer", shots)
            assert errors == [], errors  # no CSP violation, no script error

            # a phone: header, navigation and the page fit 390 px without sideways scrolling
            page.set_viewport_size({"width": 390, "height": 844})
            page.goto(f"{server}/site/{PAGE}")
            for label in ("Latest research", "About", "Disclaimer"):
                expect(
                    page.get_by_role("navigation", name="Site").get_by_role("link", name=label)
                ).to_be_in_viewport()
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
            page.screenshot(path=str(shots / "site-07-page-390px.png"), full_page=True)

            # without JavaScript the form posts as a plain form and the app thanks in the site's layout
            plain = browser.new_context(java_script_enabled=False).new_page()
            plain.goto(f"{server}/site/{PAGE}")
            plain.locator("form.feedback").get_by_role("button", name="No").click()
            plain.wait_for_url(f"{server}/feedback")
            expect(plain.get_by_role("heading", level=1)).to_have_text("Thank you")
            expect(plain.get_by_role("link", name="Plain Science")).to_have_attribute(
                "href", f"{server}/site/index.html"
            )
        finally:
            browser.close()
    store = Store(Settings(data_dir=data_dir, database_url=None))
    try:
        with store.session() as s:
            rows = [(f.helpful, f.comment) for f in s.query(models.Feedback).order_by(models.Feedback.id)]
    finally:
        store.dispose()
    assert rows == [(True, "Clear, thank you."), (False, None)]


def test_review_app_works_under_its_csp(site_server: tuple[str, Path], tmp_path: Path) -> None:
    """The queue and the draft page (keys, help dialog, live readability) raise no CSP violation."""
    from playwright.sync_api import expect, sync_playwright

    server, _ = site_server
    shots = Path(os.environ.get("PLAINSCI_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(console_line(m)) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            response = page.goto(f"{server}/login")
            assert response is not None
            csp = response.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            sign_in(page, server, EDITOR)
            page.keyboard.press("?")
            expect(page.locator("#help")).to_be_visible()  # keys.js ran
            page.keyboard.press("Escape")
            page.keyboard.press("j")
            expect(page.locator("#queue tbody tr.selected")).to_have_count(1)
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(rf"{server}/items/\d+"))
            score = page.locator("#score-simple_explanation")
            expect(score).to_have_attribute("data-fkgl", re.compile(r"\d"), timeout=20_000)  # fetch ran
            before = score.get_attribute("data-fkgl")
            page.click("[data-edit=simple_explanation]")  # fields are edited in place (item.js)
            page.fill("#e-simple_explanation", "A short and plain text. It has two sentences.")
            expect(score).not_to_have_attribute("data-fkgl", before or "", timeout=20_000)
            page.screenshot(path=str(shots / "csp-draft-page.png"), full_page=True)
            inline = page.evaluate("() => [...document.scripts].filter(s => !s.src).length")
            assert inline == 0
            assert [e for e in errors if "Content Security Policy" in e] == [], errors
            assert errors == [], errors
        finally:
            browser.close()
