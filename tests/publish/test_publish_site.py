"""The static site: only published items get pages; stale pages are removed; names stay inside."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from markupsafe import escape

from pipeline.errors import ConfigError, ExportError
from pipeline.publish.render import export_drafts, safe_output_path
from pipeline.publish.site import MANIFEST, build_site, feedback_url, page_file
from pipeline.store import models
from tests.publish.test_publish_render import INTERNALS
from tests.review.conftest import login, post


@pytest.fixture
def settings(testdb: ModuleType, tmp_path: Path) -> Any:
    s = testdb.make_settings(tmp_path)
    s.site_dir = tmp_path / "site"
    s.public_url = "https://review.example.org/"
    return s


SITE_FILES = ("index.html", "about.html", "disclaimer.html", "site.css", "feedback.js")


def set_status(store: Any, item_id: int, status: str) -> None:
    with store.session() as s:
        s.get(models.ReviewItem, item_id).status = status


def test_nothing_unpublished_is_written(store: Any, filled: Any, settings: Any) -> None:
    with store.session() as s:
        build = build_site(s, settings)
    assert build.pages == {} and sorted(build.written) == sorted(SITE_FILES)
    assert sorted(p.name for p in Path(settings.site_path).glob("*.html")) == [
        "about.html",
        "disclaimer.html",
        "index.html",
    ]


def test_published_pages_categories_and_latest(
    store: Any, filled: Any, settings: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    set_status(store, filled.item_ids[doi], "published")
    with store.session() as s:
        build = build_site(s, settings)
        path = page_file(settings, s, filled.article_ids[doi])
    root = Path(settings.site_path)
    assert path == root / "10.1186-s12891-022-05070-w.html"
    assert set(build.written) == {
        "10.1186-s12891-022-05070-w.html",
        "category-musculoskeletal-medicine.html",
        "category-rehabilitation.html",
        *SITE_FILES,
    }
    html = path.read_text()
    fields = testdb.DRAFTS[doi]["fields"]
    assert escape(fields.simple_explanation) in html
    assert 'href="category-musculoskeletal-medicine.html">Back to Musculoskeletal Medicine' in html
    assert (
        f'action="{feedback_url(settings)}"' in html
        and feedback_url(settings) == "https://review.example.org/feedback"
    )
    assert path.name in (root / "index.html").read_text()
    assert path.name in (root / "category-rehabilitation.html").read_text()
    # unpublish: the next build removes the page and the now-empty categories, nothing else
    (root / "unrelated.txt").write_text("keep me")
    set_status(store, filled.item_ids[doi], "approved")
    with store.session() as s:
        build = build_site(s, settings)
    assert sorted(build.removed) == sorted(set(build.removed))
    assert not path.exists() and not (root / "category-rehabilitation.html").exists()
    assert (root / "unrelated.txt").exists() and (root / MANIFEST).exists()


def test_site_names_cannot_leave_the_folder(tmp_path: Path) -> None:
    for name in ("../evil.html", "..", "a/b.html", "/etc/passwd", "x\\..\\y.html"):
        with pytest.raises(ExportError):
            safe_output_path(tmp_path, name)


def approve_and_publish(store: Any, item_id: int, when: datetime) -> None:
    """Approve (with its audit event at ``when``) and publish one item."""
    with store.session() as s:
        item = s.get(models.ReviewItem, item_id)
        item.status = "published"
        item.published_at = when + timedelta(hours=2)
        s.add(models.AuditEvent(at=when, actor="april", action="approve", item_id=item_id))


def test_site_a_patient_can_trust(store: Any, filled: Any, settings: Any, testdb: ModuleType) -> None:
    """Site name and navigation, About and Disclaimer, category pages, a reader-facing footer with
    the review date, no internals anywhere."""
    doi = testdb.DOIS[0]
    approve_and_publish(store, filled.item_ids[doi], datetime(2026, 11, 3, 9, 30))
    settings.site_name = "Plain Science"
    with store.session() as s:
        build = build_site(s, settings)
    root = Path(settings.site_path)
    pages = {
        name: (root / name).read_text(encoding="utf-8") for name in build.written if name.endswith(".html")
    }
    for name, html in pages.items():
        assert html.count("<h1") == 1, name
        assert '<a class="site-name" href="index.html">Plain Science</a>' in html, name
        assert all(f'href="{n}"' in html for n in ("index.html", "about.html", "disclaimer.html")), name
        assert "not medical advice" in html, name
        assert not INTERNALS.search(html), (name, INTERNALS.search(html))
        assert '<link rel="stylesheet" href="site.css">' in html and "<style" not in html
    assert "Disclaimer: not medical advice" in pages["disclaimer.html"]
    assert "How a summary is made" in pages["about.html"]
    page = pages["10.1186-s12891-022-05070-w.html"]
    assert "Reviewed by our editors on November 3, 2026." in page
    assert "no model" not in page and "extractive" not in page
    # breadcrumb: the page's first category, which lists the page
    crumbs = page[page.index('aria-label="Breadcrumb"') : page.index("</nav>", page.index("Breadcrumb"))]
    assert 'href="category-musculoskeletal-medicine.html">Musculoskeletal Medicine</a>' in crumbs
    category = pages["category-musculoskeletal-medicine.html"]
    assert "<h1>Musculoskeletal Medicine</h1>" in category
    assert 'href="10.1186-s12891-022-05070-w.html"' in category
    assert (
        '<link rel="canonical" href="https://review.example.org/site/10.1186-s12891-022-05070-w.html">'
        in page
    )


def test_export_html_matches_the_published_site(
    store: Any, filled: Any, settings: Any, testdb: ModuleType, tmp_path: Path
) -> None:
    """`plainsci export --format html` and var/site/ write the same page for a published item."""
    doi = testdb.DOIS[0]
    approve_and_publish(store, filled.item_ids[doi], datetime(2026, 11, 3, 9, 30))
    with store.session() as s:
        build = build_site(s, settings)
    exported = export_drafts(store, "html", tmp_path / "export", settings)
    name = build.pages[filled.article_ids[doi]]
    site_root = Path(settings.site_path)
    assert (tmp_path / "export" / name).read_text() == (site_root / name).read_text()
    for shared in ("about.html", "disclaimer.html", "site.css", "feedback.js"):
        assert (tmp_path / "export" / shared).read_text() == (site_root / shared).read_text()
    assert {p.name for p in exported} >= set(build.written)


def test_local_preset_links_to_the_serve_address(testdb: ModuleType, tmp_path: Path) -> None:
    """Without PLAINSCI_PUBLIC_URL the feedback form posts to the port the app serves on."""
    settings = testdb.make_settings(tmp_path)
    settings.public_url = None
    settings.port = 8765
    assert settings.preset == "local"
    assert feedback_url(settings) == "http://127.0.0.1:8765/feedback"
    settings.host = "0.0.0.0"
    assert feedback_url(settings) == "http://127.0.0.1:8765/feedback"
    settings.public_url = "https://summaries.example.org/"
    assert feedback_url(settings) == "https://summaries.example.org/feedback"
    settings.public_url = "summaries.example.org"
    with pytest.raises(ConfigError, match="not an http"):
        feedback_url(settings)


def test_team_preset_refuses_to_publish_without_a_public_url(
    store: Any, filled: Any, settings: Any, testdb: ModuleType
) -> None:
    settings.preset = "team"
    settings.public_url = None
    set_status(store, filled.item_ids[testdb.DOIS[0]], "published")
    with store.session() as s, pytest.raises(ConfigError, match="PLAINSCI_PUBLIC_URL"):
        build_site(s, settings)
    assert not Path(settings.site_path).exists()  # nothing half-written


def test_team_preset_publish_route_refuses_before_changing_anything(
    store: Any, filled: Any, users: Any, testdb: ModuleType, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from pipeline.review.app import create_app

    settings = testdb.make_settings(tmp_path)
    settings.preset = "team"
    settings.public_url = None
    settings.site_dir = tmp_path / "site"
    item_id = filled.item_ids[testdb.DOIS[2]]  # approved
    with TestClient(create_app(settings, store=store)) as client:
        login(client, "abe")
        r = post(
            client,
            f"/items/{item_id}/transition",
            {"action": "publish"},
            headers={"Accept": "application/json"},
        )
    assert r.status_code == 503, r.text  # type: ignore[attr-defined]
    assert "PLAINSCI_PUBLIC_URL" in r.json()["detail"]  # type: ignore[attr-defined]
    with store.session() as s:
        assert s.get(models.ReviewItem, item_id).status == "approved"
    assert not (tmp_path / "site").exists()
