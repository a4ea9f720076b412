"""Renderers for the published page (registered by name) and the export of queued drafts.

``RENDERERS.get("html" | "json" | "md")`` gives a :class:`Renderer`; :func:`export_drafts`
writes one file per queued item's current draft into a folder, named by a safe slug of the DOI.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.errors import ExportError
from pipeline.publish.page import (
    FEEDBACK_QUESTION,
    SECTION_HEADINGS,
    PageModel,
    doi_url,
    long_date,
    page_from_rows,
)
from pipeline.registry import Registry
from pipeline.store import models
from pipeline.store.db import Store

TEMPLATES = Path(__file__).parent / "templates"
# Items in these statuses are not exported: their drafts must not reach readers.
NOT_EXPORTED = frozenset({"rejected", "retracted"})
SAFE_NAME = re.compile(r"^[a-z0-9._-]+$")


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
class HtmlRenderer:
    """A standalone static page in the seed page's layout, with the reader feedback form."""

    name: str = "html"
    extension: str = "html"
    feedback_action: str = "/feedback"
    # The static site links categories to their own pages; a plain export links index anchors.
    category_pages: bool = False
    feedback_comment: bool = False

    def render(self, page: PageModel) -> str:
        template = jinja_env().get_template("page.html")
        return template.render(
            page=page,
            feedback_action=self.feedback_action,
            category_pages=self.category_pages,
            feedback_comment=self.feedback_comment,
        )


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


def _unique_stem(stem: str, used: set[str], article_id: int) -> str:
    if stem in used:
        stem = f"{stem}-{article_id}"
    used.add(stem)
    return stem


def queued_pages(store: Store) -> list[PageModel]:
    """Current draft of every exportable review item, highest priority first."""
    stmt = (
        select(models.ReviewItem)
        .where(models.ReviewItem.status.not_in(sorted(NOT_EXPORTED)))
        .options(selectinload(models.ReviewItem.article), selectinload(models.ReviewItem.draft))
        .order_by(models.ReviewItem.priority.desc(), models.ReviewItem.id)
    )
    with store.session() as s:
        items = s.scalars(stmt).all()
        return [page_from_rows(i.article, i.draft, i.status) for i in items]


def export_drafts(store: Store, fmt: str, out_dir: Path) -> list[Path]:
    """Write one ``<doi-slug>.<ext>`` per queued item (plus ``index.html`` for html); return the paths."""
    renderer = RENDERERS.get(fmt)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            f"Cannot create the export folder {out_dir}: {exc}.", hint="Pick a writable folder."
        ) from exc
    used: set[str] = {"index"}  # index.html belongs to the html export
    written: list[Path] = []
    entries: list[tuple[PageModel, str]] = []
    for page in queued_pages(store):
        stem = _unique_stem(page_slug(page), used, page.article_id)
        path = safe_output_path(out_dir, f"{stem}.{renderer.extension}")
        path.write_text(renderer.render(page), encoding="utf-8")
        written.append(path)
        entries.append((page, path.name))
    if fmt == "html":
        written.append(_write_index(out_dir, entries))
    return written


def pages_by_category(entries: list[tuple[PageModel, str]]) -> dict[str, list[tuple[PageModel, str]]]:
    """Category -> pages in it (a page is listed under each of its categories), categories sorted."""
    groups: dict[str, list[tuple[PageModel, str]]] = defaultdict(list)
    for page, name in entries:
        for category in page.categories or ["Uncategorised"]:
            groups[category].append((page, name))
    return {k: groups[k] for k in sorted(groups, key=str.casefold)}


def _write_index(out_dir: Path, entries: list[tuple[PageModel, str]]) -> Path:
    path = safe_output_path(out_dir, "index.html")
    html = (
        jinja_env().get_template("index.html").render(groups=pages_by_category(entries), count=len(entries))
    )
    path.write_text(html, encoding="utf-8")
    return path


__all__ = [
    "RENDERERS",
    "Renderer",
    "export_drafts",
    "page_dict",
    "safe_output_path",
    "slugify",
]
