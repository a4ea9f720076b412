"""The published static site: one page per *published* review item, category pages, latest index.

:func:`build_site` rewrites the whole site from the store: only items whose status is
``published`` get a page, so an unpublished or retracted item's page disappears on the next
build and nothing unreviewed is ever written. Files are written atomically (temp + rename);
a manifest lists what the last build wrote, so a rebuild removes only its own stale files.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.errors import ExportError
from pipeline.publish.page import PageModel, page_from_rows
from pipeline.publish.render import (
    HtmlRenderer,
    category_page_name,
    jinja_env,
    page_slug,
    pages_by_category,
    safe_output_path,
)
from pipeline.settings import Settings
from pipeline.store import models

MANIFEST = ".plainsci-site.json"
PUBLISHED = "published"
LATEST_LIMIT = 100


@dataclass
class SiteBuild:
    """What one build wrote and removed (file names inside the site folder)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    pages: dict[int, str] = field(default_factory=dict)  # article id -> page file name


def feedback_url(settings: Settings) -> str:
    """Where the pages' "Was this summary helpful?" form posts: the review app's /feedback."""
    return settings.public_url.rstrip("/") + "/feedback"


def published_pages(session: Session) -> list[PageModel]:
    """The current draft of every published item, newest publication first."""
    stmt = (
        select(models.ReviewItem)
        .where(models.ReviewItem.status == PUBLISHED)
        .options(selectinload(models.ReviewItem.article), selectinload(models.ReviewItem.draft))
        .order_by(models.ReviewItem.published_at.desc(), models.ReviewItem.id.desc())
    )
    return [page_from_rows(i.article, i.draft, i.status) for i in session.scalars(stmt)]


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _site_dir(settings: Settings) -> Path:
    root = Path(settings.site_path)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            f"Cannot create the site folder {root}: {exc}.", hint="Set PLAINSCI_SITE_DIR."
        ) from exc
    return root


def _read_manifest(root: Path) -> set[str]:
    try:
        names = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def _page_names(pages: list[PageModel]) -> list[tuple[PageModel, str]]:
    used = {"index"}
    out = []
    for page in pages:
        stem = page_slug(page)
        if stem in used or stem.startswith("category-"):
            stem = f"{stem}-{page.article_id}"
        used.add(stem)
        out.append((page, f"{stem}.html"))
    return out


def _write(root: Path, name: str, html: str, build: SiteBuild) -> None:
    write_atomic(safe_output_path(root, name), html)
    build.written.append(name)


def build_site(session: Session, settings: Settings) -> SiteBuild:
    """Rewrite the site under ``settings.site_path`` from the published items in ``session``."""
    root = _site_dir(settings)
    renderer = HtmlRenderer(
        feedback_action=feedback_url(settings), category_pages=True, feedback_comment=True
    )
    entries = _page_names(published_pages(session))
    build = SiteBuild()
    for page, name in entries:
        _write(root, name, renderer.render(page), build)
        build.pages[page.article_id] = name
    groups = pages_by_category(entries)
    env = jinja_env()
    for category, pages in groups.items():
        html = env.get_template("category.html").render(category=category, entries=pages)
        _write(root, category_page_name(category), html, build)
    cats = [(c, category_page_name(c), len(p)) for c, p in groups.items()]
    latest = env.get_template("latest.html").render(entries=entries[:LATEST_LIMIT], categories=cats)
    _write(root, "index.html", latest, build)
    for stale in sorted(_read_manifest(root) - set(build.written)):
        safe_output_path(root, stale).unlink(missing_ok=True)
        build.removed.append(stale)
    write_atomic(root / MANIFEST, json.dumps(sorted(build.written)))
    return build


def page_file(settings: Settings, session: Session, article_id: int) -> Path | None:
    """The site file of a published article, or None."""
    for page, name in _page_names(published_pages(session)):
        if page.article_id == article_id:
            return Path(settings.site_path) / name
    return None
