"""Renderers (html, json, md) and export_drafts on a temp store holding real BMC abstracts."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from markupsafe import escape

from pipeline.domain import DraftFields
from pipeline.errors import ExportError, UnknownName
from pipeline.publish.page import page_from_rows
from pipeline.publish.render import (
    RENDERERS,
    HtmlRenderer,
    SiteContext,
    export_drafts,
    md_text,
    safe_output_path,
    slugify,
)
from pipeline.store import models

SEED_KEYS = [
    "title",
    "citation",
    "categories",
    "simple_explanation",
    "study_duration",
    "participants",
    "evidence_level",
    "key_findings",
    "research_summary",
    "practical_implications",
    "limitations",
]


def assert_in_order(text: str, parts: list[str]) -> None:
    pos = -1
    for part in parts:
        found = text.find(part, pos + 1)
        assert found > pos, f"{part!r} missing or out of order"
        pos = found


def seed_parts(fields: DraftFields, headings: bool = True) -> list[str]:
    """Every field's text (and the seed page's headings) in page order."""
    parts = [*fields.categories]
    parts += ["Simple Explanation"] * headings + [fields.simple_explanation]
    parts += ["Study Duration", fields.study_duration, "Participants", fields.participants]
    parts += ["Evidence Level", fields.evidence_level]
    parts += ["Key Findings"] * headings + list(fields.key_findings)
    parts += ["Research Summary"] * headings + [fields.research_summary]
    parts += ["Practical Implications"] * headings
    for point in fields.practical_implications:
        parts += [point.title, point.text]
    parts += ["Study Limitations"] * headings + list(fields.limitations)
    return parts


@pytest.fixture
def page(store: Any, filled: Any, testdb: ModuleType) -> Any:
    with store.session() as s:
        item = s.get(models.ReviewItem, filled.item_ids[testdb.DOIS[0]])
        return page_from_rows(item.article, item.draft, item.status)


def test_renderers_are_registered_by_name() -> None:
    assert {"html", "json", "md"} <= set(RENDERERS.names())
    with pytest.raises(UnknownName):
        RENDERERS.get("pdf")


INTERNALS = re.compile(r"backend|extractive|model|prompt|plainsci|provenance", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)", re.IGNORECASE)


def test_html_has_every_field_in_seed_order_and_feedback_form(page: Any, testdb: ModuleType) -> None:
    fields: DraftFields = testdb.DRAFTS[testdb.DOIS[0]]["fields"]
    page.status = "published"
    site = SiteContext(name="Plain Science", feedback_action="https://summaries.example.org/feedback")
    html = HtmlRenderer(site=site).render(page)
    citation = (
        'BMC musculoskeletal disorders, 2022 · DOI: <a href="https://doi.org/10.1186/s12891-022-05070-w">'
    )
    assert_in_order(html, [str(escape(page.title)), citation, "Published: February 5, 2022"])
    assert_in_order(html, [str(escape(p)) for p in seed_parts(fields)] + ["Was this summary helpful?"])
    form = html[html.index('<form class="feedback"') : html.index("</form>")]
    assert 'action="https://summaries.example.org/feedback"' in form and 'method="post"' in form
    assert f'name="article_id" value="{page.article_id}"' in form
    assert "email" not in form.lower() and 'type="text"' not in form  # no personal data asked
    # the form is sent by a static script; nothing inline (the review app's CSP allows neither)
    assert '<script src="feedback.js" defer></script>' in html
    assert not INLINE_SCRIPT.search(html) and "<style" not in html and " on" + "click" not in html


def test_html_is_reader_facing_without_internals(page: Any) -> None:
    page.status = "published"
    html = HtmlRenderer(site=SiteContext(name="Plain Science")).render(page)
    assert not INTERNALS.search(html), INTERNALS.search(html)
    assert html.count("<h1") == 1
    assert '<a class="site-name" href="index.html">Plain Science</a>' in html
    for href in ("index.html", "about.html", "disclaimer.html"):
        assert f'href="{href}"' in html
    assert "not medical advice" in html
    # no feedback form without the app's address, and never on an unpublished draft
    assert "<form" not in html
    page.status = "approved"
    site = SiteContext(feedback_action="https://summaries.example.org/feedback")
    assert "<form" not in HtmlRenderer(site=site).render(page)


def test_json_has_every_field_in_seed_order_with_citation_and_provenance(
    page: Any, testdb: ModuleType
) -> None:
    fields: DraftFields = testdb.DRAFTS[testdb.DOIS[0]]["fields"]
    data = json.loads(RENDERERS.get("json").render(page))
    keys = [k for k in data if k in SEED_KEYS]
    assert keys == SEED_KEYS
    assert data["citation"]["line"] == (
        "BMC musculoskeletal disorders, 2022 · DOI: 10.1186/s12891-022-05070-w · Published: February 5, 2022"
    )
    assert data["citation"]["published"] == "2022-02-05"
    assert data["key_findings"] == fields.key_findings
    assert data["practical_implications"][0] == {
        "title": "Trustworthy Tests",
        "text": fields.practical_implications[0].text,
    }
    assert data["provenance"]["backend"] == "extractive"
    assert data["provenance"]["prompt_id"] == "default" and data["provenance"]["draft_version"] == 1


def test_markdown_has_every_field_in_seed_order(page: Any, testdb: ModuleType) -> None:
    fields: DraftFields = testdb.DRAFTS[testdb.DOIS[0]]["fields"]
    md = RENDERERS.get("md").render(page)
    assert md.startswith(f"# {md_text(page.title)}\n")
    assert_in_order(md, [md_text(p) for p in seed_parts(fields)])
    assert "## Key Findings\n\n1. " in md and "### Trustworthy Tests" in md


def test_markdown_escapes_markup() -> None:
    assert md_text("<script>*x*</script>\n# h") == "\\<script\\>\\*x\\*\\</script\\> \\# h"


def test_html_escapes_script_from_the_store(store: Any, filled: Any, testdb: ModuleType) -> None:
    with store.session() as s:
        item = s.get(models.ReviewItem, filled.item_ids[testdb.DOIS[2]])
        evil = page_from_rows(item.article, item.draft)
    html = RENDERERS.get("html").render(evil)
    assert "<script>" not in html and str(escape(testdb.EVIL)) in html


def test_export_writes_one_file_per_item_and_an_index(store: Any, filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "site"
    paths = export_drafts(store, "html", out)
    names = sorted(p.name for p in paths)
    assert names == sorted(
        [
            "10.1186-s12891-022-05070-w.html",
            "10.1186-s12888-018-1871-z.html",
            "10.1186-1472-6874-12-16.html",
            "category-musculoskeletal-medicine.html",
            "category-oncology.html",
            "category-psychiatry.html",
            "category-rehabilitation.html",
            "category-research-methodology-design.html",
            "category-women-s-health.html",
            "index.html",
            "about.html",
            "disclaimer.html",
            "site.css",
            "feedback.js",
        ]
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert_in_order(index, ["Musculoskeletal Medicine", "Oncology", "Psychiatry"])
    assert all(f'href="{n}"' in index for n in names if n.startswith("10.1186-"))
    oncology = (out / "category-oncology.html").read_text(encoding="utf-8")
    assert 'href="10.1186-1472-6874-12-16.html"' in oncology and "10.1186-s12888" not in oncology
    for fmt in ("json", "md"):
        written = export_drafts(store, fmt, tmp_path / fmt)
        assert len(written) == 3 and all(p.suffix == f".{fmt}" for p in written)


def test_export_skips_rejected_items(store: Any, filled: Any, testdb: ModuleType, tmp_path: Path) -> None:
    with store.session() as s:
        s.get(models.ReviewItem, filled.item_ids[testdb.DOIS[1]]).status = "rejected"
    assert len(export_drafts(store, "json", tmp_path)) == 2


@pytest.mark.parametrize("name", ["../x", "..", ".", "a/b", "/etc/passwd", "x\\y", "X.html", "", "a..b"])
def test_unsafe_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        safe_output_path(tmp_path, name)


def test_slug_keeps_only_safe_characters() -> None:
    assert slugify("../x") == "x"
    assert slugify("10.1186/S12891-016-1294-2") == "10.1186-s12891-016-1294-2"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("..") == ""


def test_hostile_doi_cannot_escape_out_dir(store: Any, filled: Any, tmp_path: Path) -> None:
    with store.session() as s:
        for n, doi in enumerate(["../x", "../../..", "10.1186/s12891-022-05070-w/.."]):
            art = models.Article(
                doi=doi, source="t", source_id=str(n), title=f"T{n}", sections=[], fingerprint="t"
            )
            draft = models.Draft(
                article=art, version=1, fields={}, backend="t", input_fingerprint="t", cache_key="t"
            )
            s.add(models.ReviewItem(article=art, draft=draft))
    out = (tmp_path / "exports" / "out").resolve()
    paths = export_drafts(store, "md", out)
    assert len(paths) == 6
    assert len({p.name for p in paths}) == 6  # a slug collision gets the article id appended
    assert all(p.resolve().parent == out for p in paths)
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_unreviewed_drafts_say_so(page: Any, store: Any, filled: Any, testdb: ModuleType) -> None:
    assert page.status == "new"
    assert "Unreviewed draft (status: new)" in RENDERERS.get("html").render(page)
    assert "Unreviewed draft (status: new)" in RENDERERS.get("md").render(page)
    assert json.loads(RENDERERS.get("json").render(page))["reviewed"] is False
    with store.session() as s:
        item = s.get(models.ReviewItem, filled.item_ids[testdb.DOIS[2]])  # approved
        approved = page_from_rows(item.article, item.draft, item.status)
    html = RENDERERS.get("html").render(approved)
    assert "Unreviewed" not in html and "Reviewed by our editors." in html
    approved.reviewed_on = date(2026, 11, 3)
    assert "Reviewed by our editors on November 3, 2026." in RENDERERS.get("html").render(approved)
