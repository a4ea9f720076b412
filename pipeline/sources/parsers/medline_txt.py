"""PubMed's MEDLINE text format ('PMID- ...', 'AB  - ...'), one or many records per file."""

from __future__ import annotations

import re

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.sources.markup import collapse_ws, split_inline_labels
from pipeline.sources.parsers.common import (
    Result,
    article_type_from_publication_types,
    collect,
    doi_url,
    is_retracted,
    language_code,
    parse_date_text,
    record_ref,
    require_sections,
    require_title,
    strict,
    unique,
)

Record = dict[str, list[str]]
_FIELD = re.compile(r"^([A-Z][A-Z0-9]{1,3})\s*-\s?(.*)$")


def split_records(text: str) -> list[Record]:
    """Tag -> values of each record; continuation lines (6 spaces) extend the previous value."""
    records: list[Record] = []
    current: Record = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.strip():
            if current:
                records.append(current)
            current, last = {}, None
            continue
        match = _FIELD.match(line)
        if match and not line.startswith(" "):
            last = match.group(1)
            current.setdefault(last, []).append(match.group(2).strip())
        elif last is not None:
            current[last][-1] = f"{current[last][-1]} {line.strip()}"
    if current:
        records.append(current)
    return records


def _first(record: Record, tag: str) -> str | None:
    """First value of a tag, whitespace collapsed."""
    values = record.get(tag) or []
    return collapse_ws(values[0]) or None if values else None


def _tagged_id(record: Record, tag: str, kind: str) -> str | None:
    """An id from 'AID - 10.1186/x [doi]' style fields."""
    for value in record.get(tag, []):
        match = re.fullmatch(r"(\S+)\s*\[(\w+)\]", value.strip())
        if match and match.group(2).lower() == kind:
            return match.group(1)
    return None


def _author(full_name: str) -> str:
    """'Casbon, James A' -> 'James A Casbon'."""
    last, _, first = full_name.partition(",")
    return collapse_ws(f"{first} {last}")


def _mesh(value: str) -> str:
    """'*Neoplasms/therapy' -> 'Neoplasms'."""
    return value.split("/", 1)[0].lstrip("*").strip()


def article_from_medline(record: Record, ref: str) -> Article:
    """One Article from a MEDLINE-format record; ParseError without title or abstract."""
    pmid = _first(record, "PMID")
    doi = _tagged_id(record, "AID", "doi") or _tagged_id(record, "LID", "doi")
    rec = record_ref(ref, doi, pmid)
    types = record.get("PT", [])
    authors = [_author(a) for a in record.get("FAU", [])] or record.get("AU", [])
    return Article(
        source="pubmed",
        source_id=pmid or doi or rec,
        title=require_title(_first(record, "TI"), rec),
        sections=require_sections(split_inline_labels(_first(record, "AB") or ""), rec),
        doi=doi,
        pmid=pmid,
        pmcid=_first(record, "PMC"),
        journal=_first(record, "JT") or _first(record, "TA"),
        published=parse_date_text(_first(record, "DEP")) or parse_date_text(_first(record, "DP")),
        article_type=article_type_from_publication_types(types),
        retracted=is_retracted(types),
        authors=unique(authors),
        keywords=unique(collapse_ws(k).lstrip("*") for k in record.get("OT", [])),
        mesh=unique(_mesh(m) for m in record.get("MH", [])),
        language=language_code(_first(record, "LA")),
        url=doi_url(None, pmid) or doi_url(doi),
        raw_ref=rec,
    )


def parse_medline_txt_records(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a MEDLINE text file."""
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(ref, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    records = [r for r in split_records(text) if "PMID" in r]
    if not records:
        raise ParseError(ref, "no MEDLINE record (no 'PMID- ' line)")
    return collect(((ref, r) for r in records), article_from_medline)


def parse_medline_txt(payload: bytes, ref: str) -> list[Article]:
    """Articles of a MEDLINE text file; ParseError on the first bad record."""
    return strict(parse_medline_txt_records(payload, ref))
