"""The static site: only published items get pages; stale pages are removed; names stay inside."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from markupsafe import escape

from pipeline.errors import ExportError
from pipeline.publish.render import safe_output_path
from pipeline.publish.site import MANIFEST, build_site, feedback_url, page_file
from pipeline.store import models


@pytest.fixture
def settings(testdb: ModuleType, tmp_path: Path) -> Any:
    s = testdb.make_settings(tmp_path)
    s.site_dir = tmp_path / "site"
    s.public_url = "https://review.example.org/"
    return s


def set_status(store: Any, item_id: int, status: str) -> None:
    with store.session() as s:
        s.get(models.ReviewItem, item_id).status = status


def test_nothing_unpublished_is_written(store: Any, filled: Any, settings: Any) -> None:
    with store.session() as s:
        build = build_site(s, settings)
    assert build.pages == {} and build.written == ["index.html"]
    assert sorted(p.name for p in Path(settings.site_path).glob("*.html")) == ["index.html"]


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
        "index.html",
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
