"""JSON Lines of already-sectioned abstracts (the shape of shared/data/*/abstracts.jsonl).

One object per line: ``id`` and ``title`` required; ``sections`` ([{label, text}]) or
``abstract`` (plain text, one unlabelled section); optional ``doi``, ``pmid``, ``pmcid``,
``journal``, ``date`` (ISO), ``license_url``, ``keywords``. Lets a team import abstracts they
already hold, and lets benchmarks feed thousands of real abstracts through the files source.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pipeline.domain import Article, Section
from pipeline.errors import ParseError
from pipeline.sources.markup import html_to_text as clean_text


def _published(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 4:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def _sections(rec: dict[str, Any]) -> list[Section]:
    if isinstance(rec.get("sections"), list):
        out = [Section(s.get("label") or None, clean_text(str(s.get("text") or ""))) for s in rec["sections"]]
        return [s for s in out if s.text]
    text = clean_text(str(rec.get("abstract") or ""))
    return [Section(None, text)] if text else []


def article_from_record(rec: dict[str, Any], ref: str) -> Article:
    """One JSON object -> Article; ParseError when it has no title or no abstract."""
    if not isinstance(rec, dict):
        raise ParseError(ref, "line is not a JSON object")
    title = clean_text(str(rec.get("title") or ""))
    sections = _sections(rec)
    if not title:
        raise ParseError(ref, "no title")
    if not sections:
        raise ParseError(ref, "no abstract")
    return Article(
        source="jsonl",
        source_id=str(rec.get("id") or rec.get("doi") or rec.get("pmid") or ref),
        title=title,
        sections=sections,
        doi=rec.get("doi") or None,
        pmid=str(rec["pmid"]) if rec.get("pmid") else None,
        pmcid=rec.get("pmcid") or None,
        journal=rec.get("journal") or None,
        published=_published(rec.get("date")),
        license=rec.get("license_url") or rec.get("license") or None,
        keywords=list(rec.get("keywords") or []),
        raw_ref=ref,
    )


def parse_jsonl_records(payload: bytes, ref: str) -> tuple[list[Article], list[ParseError]]:
    """Every good line as an Article, and one ParseError naming ``file:line`` per bad line."""
    articles: list[Article] = []
    errors: list[ParseError] = []
    # Split the bytes on "\n" only: str.splitlines() would also split inside strings holding
    # U+2028 / U+0085. Each line is decoded strictly, so a line with invalid UTF-8 is quarantined
    # on its own (never ingested with U+FFFD in place of its bytes) and the other lines go on.
    for lineno, raw in enumerate(payload.split(b"\n"), start=1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        where = f"{ref}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(ParseError(where, f"invalid UTF-8 ({exc.reason} at byte {exc.start} of the line)"))
            continue
        try:
            articles.append(article_from_record(json.loads(line), where))
        except json.JSONDecodeError as exc:
            errors.append(ParseError(where, f"invalid JSON ({exc.msg})"))
        except ParseError as exc:
            errors.append(exc)
    return articles, errors
