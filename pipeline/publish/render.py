"""Renderers for the published page (registered by name) and the export of queued drafts.

``RENDERERS.get("html" | "json" | "md")`` gives a :class:`Renderer`; :func:`export_drafts`
writes one file per queued item's current draft into a folder, named by a safe slug of the DOI.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipeline.errors import ExportError
from pipeline.publish.page import (
    FEEDBACK_QUESTION,
    SECTION_HEADINGS,
    UNCATEGORISED,
    PageModel,
    doi_url,
    long_date,
    page_from_rows,
)
from pipeline.registry import Registry
from pipeline.settings import Settings
from pipeline.store import models
from pipeline.store.db import Session, Store
from pipeline.store.queries.audit import latest_action_times
from pipeline.store.queries.items import items_not_in

# Where the review app serves the published site (the public page address is PUBLIC_URL + this).
SITE_PREFIX = "/site/"

TEMPLATES = Path(__file__).parent / "templates"
# Items in these statuses are not exported: their drafts must not reach readers.
NOT_EXPORTED = frozenset({"rejected", "retracted"})
SAFE_NAME = re.compile(r"^[a-z0-9._-]+$")
# Files every html site or export gets besides the article pages (static text and assets).
STATIC_PAGES = ("about.html", "disclaimer.html")
ASSETS = ("site.css", "feedback.js")
# Page stems an article page may not take (the index, the static pages, category pages).
RESERVED_STEMS = frozenset({"index", "about", "disclaimer", "thanks"})
SITE_NAV = (("index.html", "Latest research"), ("about.html", "About"), ("disclaimer.html", "Disclaimer"))
LATEST_LIMIT = 100


class Renderer(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def extension(self) -> str: ...

    def render(self, page: PageModel) -> str: ...


RENDERERS: Registry[Renderer] = Registry("renderer")


@lru_cache(maxsize=1)
def jinja_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        headings=SECTION_HEADINGS, feedback_question=FEEDBACK_QUESTION, doi_url=doi_url, long_date=long_date
    )
    env.filters["anchor"] = lambda text: "c-" + (slugify(str(text)) or "x")
    env.globals["category_page"] = category_page_name
    return env


def category_page_name(category: str) -> str:
    """File name of a category's index page on the static site."""
    return f"category-{slugify(category) or 'x'}.html"


@dataclass(frozen=True)
class SiteContext:
    """What every reader-facing page shares: the site's name, where its files and feedback live.

    ``root`` prefixes every link (empty for the files on disk, which link each other relatively;
    the site's address for pages the review app renders itself). ``page_base`` is the public
    address of the site folder (for canonical links), None when unknown. ``feedback_action`` is
    the review app's /feedback; None leaves the feedback form out.
    """

    name: str = "Plain Science"
    root: str = ""
    page_base: str | None = None
    feedback_action: str | None = None
    nav: tuple[tuple[str, str], ...] = SITE_NAV

    def url_of(self, file_name: str | None) -> str | None:
        return f"{self.page_base}{file_name}" if self.page_base and file_name else None


def site_context(settings: Settings | None, *, root: str = "") -> SiteContext:
    """The site context of ``settings`` (public address required; see Settings.require_public_url)."""
    if settings is None:
        return SiteContext(root=root)
    public = settings.require_public_url()
    return SiteContext(
        name=settings.site_name,
        root=root,
        page_base=f"{public}{SITE_PREFIX}",
        feedback_action=f"{public}/feedback",
    )


@dataclass(frozen=True)
class HtmlRenderer:
    """A page in the seed page's layout inside the site's header, navigation and footer.

    The feedback form appears on published pages only, and only when the site context knows
    where the review app's /feedback is.
    """

    name: str = "html"
    extension: str = "html"
    site: SiteContext = SiteContext()

    def render(self, page: PageModel, file_name: str | None = None) -> str:
        template = jinja_env().get_template("page.html")
        return template.render(page=page, site=self.site, name=file_name, current=None)


@dataclass(frozen=True)
class JsonRenderer:
    """Every field in page order, plus the citation and the draft's provenance."""

    name: str = "json"
    extension: str = "json"

    def render(self, page: PageModel) -> str:
        return json.dumps(page_dict(page), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class MarkdownRenderer:
    """Markdown in the seed page's order; text is escaped so it cannot inject markup."""

    name: str = "md"
    extension: str = "md"

    def render(self, page: PageModel) -> str:
        return "\n".join(markdown_lines(page)).rstrip() + "\n"


RENDERERS.register("html")(HtmlRenderer())
RENDERERS.register("json")(JsonRenderer())
RENDERERS.register("md")(MarkdownRenderer())


def page_dict(page: PageModel) -> dict[str, Any]:
    """The page as plain data, keys in seed-page order."""
    f = page.fields
    c = page.citation
    return {
        "article_id": page.article_id,
        "title": page.title,
        "citation": {
            "journal": c.journal,
            "year": c.year,
            "doi": c.doi,
            "doi_url": doi_url(c.doi),
            "published": c.published.isoformat() if c.published else None,
            "line": c.line(),
        },
        "categories": page.categories,
        "simple_explanation": f.simple_explanation,
        "study_duration": f.study_duration,
        "participants": f.participants,
        "evidence_level": f.evidence_level,
        "key_findings": list(f.key_findings),
        "research_summary": f.research_summary,
        "practical_implications": [{"title": p.title, "text": p.text} for p in f.practical_implications],
        "limitations": list(f.limitations),
        "status": page.status,
        "reviewed": page.reviewed,
        "reviewed_on": page.reviewed_on.isoformat() if page.reviewed_on else None,
        "provenance": page.provenance.to_dict(),
    }


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_text(text: str) -> str:
    """One line of Markdown-safe text: whitespace collapsed, markup characters backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown_lines(page: PageModel) -> list[str]:
    f = page.fields
    lines = [f"# {md_text(page.title)}", "", f"*{md_text(page.citation.line())}*", ""]
    if not page.reviewed:
        lines += [
            f"> Unreviewed draft (status: {md_text(page.status or 'unknown')}). Not for publication.",
            "",
        ]
    if page.categories:
        lines += ["Categories: " + ", ".join(md_text(c) for c in page.categories), ""]
    lines += [f"## {SECTION_HEADINGS['simple_explanation']}", "", md_text(f.simple_explanation), ""]
    lines += [f"- **{label}:** {md_text(value)}" for label, value in page.facts()] + [""]
    lines += [f"## {SECTION_HEADINGS['key_findings']}", ""]
    lines += [f"{i}. {md_text(item)}" for i, item in enumerate(f.key_findings, 1)] + [""]
    lines += [f"## {SECTION_HEADINGS['research_summary']}", "", md_text(f.research_summary), ""]
    lines += [f"## {SECTION_HEADINGS['practical_implications']}", ""]
    for point in f.practical_implications:
        lines += [f"### {md_text(point.title)}", "", md_text(point.text), ""]
    lines += [f"## {SECTION_HEADINGS['limitations']}", ""]
    lines += [f"{i}. {md_text(item)}" for i, item in enumerate(f.limitations, 1)] + [""]
    lines += [f"<!-- {md_text(page.provenance.line())} -->"]
    return lines


def slugify(value: str) -> str:
    """Lower-case, only ``[a-z0-9._-]``, no leading/trailing dots or dashes, no ``..``."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", value.lower())
    slug = re.sub(r"\.{2,}", ".", slug)
    slug = re.sub(r"-{2,}", "-", slug)
    return slug.strip(".-")[:150]


def page_slug(page: PageModel) -> str:
    """File stem of a page: the DOI's slug, or ``article-<id>`` when there is no usable DOI."""
    return slugify(page.citation.doi or "") or f"article-{page.article_id}"


def safe_output_path(out_dir: Path, name: str) -> Path:
    """``out_dir / name`` after checking the name cannot leave ``out_dir``; ExportError otherwise."""
    if not SAFE_NAME.match(name) or name in {".", ".."} or ".." in name:
        raise ExportError(
            f"Refusing to write {name!r}: output file names may only use a-z, 0-9, '.', '_' and '-'.",
            hint="This is a bug in the slug of the DOI; report the DOI.",
        )
    root = out_dir.resolve()
    path = (root / name).resolve()
    if path.parent != root:
        raise ExportError(f"Refusing to write {name!r} outside {root}.", hint="Choose another name.")
    return path


def page_names(pages: list[PageModel], extension: str) -> list[tuple[PageModel, str]]:
    """(page, file name) in order: the DOI's slug, ``-<article id>`` added when taken or reserved."""
    used = set(RESERVED_STEMS)
    out = []
    for page in pages:
        stem = page_slug(page)
        if stem in used or stem.startswith("category-"):
            stem = f"{stem}-{page.article_id}"
        used.add(stem)
        out.append((page, f"{stem}.{extension}"))
    return out


def review_dates(session: Session, item_ids: list[int]) -> dict[int, date]:
    """Item id -> the day of its latest approval (from the audit log)."""
    return {item_id: at.date() for item_id, at in latest_action_times(session, "approve", item_ids).items()}


def item_pages(session: Session, items: Sequence[models.ReviewItem]) -> list[PageModel]:
    """Page models of review items, each with the day an editor last approved it."""
    approved = review_dates(session, [i.id for i in items])
    return [
        page_from_rows(
            i.article,
            i.draft,
            i.status,
            approved.get(i.id) or (i.published_at.date() if i.published_at else None),
        )
        for i in items
    ]


def queued_pages(store: Store) -> list[PageModel]:
    """Current draft of every exportable review item, highest priority first."""
    with store.session() as s:
        return item_pages(s, items_not_in(s, NOT_EXPORTED))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temp file and a rename (readers never see half a file)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_folder(out_dir: Path, what: str, hint: str) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the {what} {out_dir}: {exc}.", hint=hint) from exc
    return out_dir


def write_html_site(root: Path, entries: list[tuple[PageModel, str]], site: SiteContext) -> list[str]:
    """Write the reader-facing site into ``root``; return the names written.

    One page per entry, a page per category, the latest-research index, About, Disclaimer and
    the assets. Both the published site and ``plainsci export --format html`` are written here.
    """
    env = jinja_env()
    renderer = HtmlRenderer(site=site)
    written: list[str] = []

    def put(name: str, text: str) -> None:
        write_atomic(safe_output_path(root, name), text)
        written.append(name)

    for page, name in entries:
        put(name, renderer.render(page, name))
    groups = pages_by_category(entries)
    for category, pages in groups.items():
        html = env.get_template("category.html").render(
            category=category, entries=pages, site=site, current=None
        )
        put(category_page_name(category), html)
    cats = [(c, category_page_name(c), len(p)) for c, p in groups.items()]
    put(
        "index.html",
        env.get_template("latest.html").render(
            entries=entries[:LATEST_LIMIT], categories=cats, site=site, current="index.html"
        ),
    )
    for name in STATIC_PAGES:
        put(name, env.get_template(name).render(site=site, current=name))
    for name in ASSETS:
        put(name, (TEMPLATES / name).read_text(encoding="utf-8"))
    return written


def site_shell(site: SiteContext) -> dict[str, str]:
    """The site before its first publish, by file name: the index (an empty state that says
    nothing is published yet and how a summary gets published), About, Disclaimer and the assets,
    in the same header, navigation and footer as the built site. The review app serves these
    at /site/ until a publish writes the site folder."""
    env = jinja_env()
    files = {"index.html": env.get_template("empty.html").render(site=site, current="index.html")}
    for name in STATIC_PAGES:
        files[name] = env.get_template(name).render(site=site, current=name)
    for name in ASSETS:
        files[name] = (TEMPLATES / name).read_text(encoding="utf-8")
    return files


def export_drafts(store: Store, fmt: str, out_dir: Path, settings: Settings | None = None) -> list[Path]:
    """Write one ``<doi-slug>.<ext>`` per queued item; return the paths.

    ``html`` writes the same site as publishing does (category pages, index, About, Disclaimer,
    assets), with unreviewed drafts marked as such and feedback forms only on published pages.
    """
    renderer = RENDERERS.get(fmt)
    out_dir = make_folder(Path(out_dir), "export folder", "Pick a writable folder.")
    entries = page_names(queued_pages(store), renderer.extension)
    if fmt == "html":
        names = write_html_site(out_dir, entries, site_context(settings))
        return [out_dir / n for n in names]
    written: list[Path] = []
    for page, name in entries:
        path = safe_output_path(out_dir, name)
        write_atomic(path, renderer.render(page))
        written.append(path)
    return written


def pages_by_category(entries: list[tuple[PageModel, str]]) -> dict[str, list[tuple[PageModel, str]]]:
    """Category -> pages in it (a page is listed under each of its categories), categories sorted."""
    groups: dict[str, list[tuple[PageModel, str]]] = defaultdict(list)
    for page, name in entries:
        for category in page.categories or [UNCATEGORISED]:
            groups[category].append((page, name))
    return {k: groups[k] for k in sorted(groups, key=str.casefold)}


__all__ = [
    "RENDERERS",
    "Renderer",
    "SiteContext",
    "write_html_site",
    "export_drafts",
    "page_dict",
    "safe_output_path",
    "slugify",
]
