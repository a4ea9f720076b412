"""The published static site: one page per *published* review item, category pages, latest index.

:func:`build_site` rewrites the whole site from the store: only items whose status is
``published`` get a page, so an unpublished or retracted item's page disappears on the next
build and nothing unreviewed is ever written. Files are written atomically (temp + rename);
a manifest lists what the last build wrote, so a rebuild removes only its own stale files.
The pages are the ones ``plainsci export --format html`` writes (:func:`write_html_site`); the
site's links and feedback form point at the public address (PLAINSCI_PUBLIC_URL), so a build
refuses to start without one under the ``team`` preset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.publish.page import PageModel
from pipeline.publish.render import (
    SITE_PREFIX,
    item_pages,
    make_folder,
    page_names,
    safe_output_path,
    site_context,
    write_atomic,
    write_html_site,
)
from pipeline.settings import Settings
from pipeline.store.db import Session
from pipeline.store.queries.items import published_items

MANIFEST = ".plainsci-site.json"

__all__ = ["MANIFEST", "SITE_PREFIX", "SiteBuild", "build_site", "feedback_url", "page_file", "page_url"]


@dataclass
class SiteBuild:
    """What one build wrote and removed (file names inside the site folder)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    pages: dict[int, str] = field(default_factory=dict)  # article id -> page file name


def feedback_url(settings: Settings) -> str:
    """Where the pages' "Was this summary helpful?" form posts: the review app's /feedback."""
    return settings.require_public_url() + "/feedback"


def page_url(settings: Settings, file_name: str) -> str:
    """Public address of a site file (the review app serves the site under /site/)."""
    return f"{settings.require_public_url()}{SITE_PREFIX}{file_name}"


def published_pages(session: Session) -> list[PageModel]:
    """The current draft of every published item, newest publication first."""
    return item_pages(session, published_items(session))


def _read_manifest(root: Path) -> set[str]:
    try:
        names = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def build_site(session: Session, settings: Settings) -> SiteBuild:
    """Rewrite the site under ``settings.site_path`` from the published items in ``session``."""
    site = site_context(settings)  # first: no public address, no build (nothing is touched)
    root = make_folder(Path(settings.site_path), "site folder", "Set PLAINSCI_SITE_DIR.")
    entries = page_names(published_pages(session), "html")
    build = SiteBuild(written=write_html_site(root, entries, site))
    build.pages = {page.article_id: name for page, name in entries}
    for stale in sorted(_read_manifest(root) - set(build.written)):
        safe_output_path(root, stale).unlink(missing_ok=True)
        build.removed.append(stale)
    write_atomic(root / MANIFEST, json.dumps(sorted(build.written)))
    return build


def page_file(settings: Settings, session: Session, article_id: int) -> Path | None:
    """The site file of a published article, or None."""
    for page, name in page_names(published_pages(session), "html"):
        if page.article_id == article_id:
            return Path(settings.site_path) / name
    return None
