"""Europe PMC core JSON: REST search responses (resultList.result[]), single records, getpapers files.

The getpapers tool saves each core record with every value wrapped in a one-element list;
``unwrap`` turns that back into the REST shape so one builder serves both.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.sources.markup import abstract_sections, collapse_ws, html_to_text
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


def unwrap(value: Any) -> Any:
    """Undo getpapers' wrapping: one-element lists become their element, recursively."""
    if isinstance(value, list):
        items = [unwrap(v) for v in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, dict):
        return {k: unwrap(v) for k, v in value.items()}
    return value


def _as_list(value: Any) -> list[Any]:
    """A value as a list (unwrap() turns one-element lists into scalars)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _str(value: Any) -> str | None:
    """A clean string, or None for missing/empty values."""
    if value is None or isinstance(value, dict | list):
        return None
    return collapse_ws(str(value)) or None


def load_records(payload: bytes, ref: str) -> list[dict[str, Any]]:
    """The core records in a Europe PMC JSON payload (search response, record, or list of records)."""
    try:
        data = unwrap(json.loads(payload.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(ref, f"malformed JSON ({exc})") from None
    if isinstance(data, dict) and "resultList" in data:
        return [r for r in _as_list((data.get("resultList") or {}).get("result")) if isinstance(r, dict)]
    if isinstance(data, dict) and ("title" in data or "abstractText" in data or "pmid" in data):
        return [data]
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return data
    raise ParseError(ref, "JSON is neither a Europe PMC search response nor a core record")


def _journal(record: dict[str, Any]) -> str | None:
    """Journal title from journalInfo.journal.title."""
    info = record.get("journalInfo") or {}
    journal = info.get("journal") if isinstance(info, dict) else None
    return _str(journal.get("title")) if isinstance(journal, dict) else None


def _authors(record: dict[str, Any]) -> list[str]:
    """'First Last' of each author (collective names as given), else the authorString."""
    author_list = record.get("authorList") or {}
    authors = _as_list(author_list.get("author") if isinstance(author_list, dict) else None)
    names = []
    for author in authors:
        if not isinstance(author, dict):
            continue
        person = " ".join(p for p in (_str(author.get("firstName")), _str(author.get("lastName"))) if p)
        names.append(person or _str(author.get("collectiveName")) or _str(author.get("fullName")))
    if names:
        return unique(names)
    return unique(n.strip().rstrip(".") for n in (_str(record.get("authorString")) or "").split(","))


def _nested(record: dict[str, Any], outer: str, inner: str) -> list[Any]:
    """Items of a Europe PMC list field such as keywordList.keyword."""
    container = record.get(outer)
    return _as_list(container.get(inner)) if isinstance(container, dict) else []


def _mesh(record: dict[str, Any]) -> list[str]:
    """MeSH descriptor names."""
    return unique(
        _str(h.get("descriptorName"))
        for h in _nested(record, "meshHeadingList", "meshHeading")
        if isinstance(h, dict)
    )


def _url(record: dict[str, Any], doi: str | None, pmid: str | None) -> str | None:
    """The Europe PMC HTML full text when listed, else doi.org."""
    for link in _nested(record, "fullTextUrlList", "fullTextUrl"):
        if isinstance(link, dict) and link.get("documentStyle") == "html" and _str(link.get("url")):
            return _str(link.get("url"))
    return doi_url(doi, pmid)


def article_from_europepmc(record: dict[str, Any], ref: str) -> Article:
    """One Article from a Europe PMC core record; ParseError without title or abstract."""
    doi, pmid, pmcid = _str(record.get("doi")), _str(record.get("pmid")), _str(record.get("pmcid"))
    rec = record_ref(ref, doi, pmcid, pmid, _str(record.get("id")))
    types = [t for t in (_str(x) for x in _nested(record, "pubTypeList", "pubType")) if t]
    title = html_to_text(_str(record.get("title")) or "")
    return Article(
        source="europepmc",
        source_id=f"{_str(record.get('source')) or 'MED'}:{_str(record.get('id')) or pmid or doi}",
        title=require_title(title, rec),
        sections=require_sections(abstract_sections(str(record.get("abstractText") or "")), rec),
        doi=doi,
        pmid=pmid,
        pmcid=pmcid,
        journal=_journal(record),
        published=parse_date_text(
            _str(record.get("electronicPublicationDate")) or _str(record.get("firstPublicationDate"))
        ),
        license=_str(record.get("license")),
        article_type=article_type_from_publication_types(types),
        retracted=is_retracted(types),
        authors=_authors(record),
        keywords=unique(_str(k) for k in _nested(record, "keywordList", "keyword")),
        mesh=_mesh(record),
        language=language_code(_str(record.get("language"))),
        url=_url(record, doi, pmid),
        raw_ref=rec,
    )


def parse_europepmc_json_records(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a Europe PMC JSON payload."""
    return collect(((ref, r) for r in load_records(payload, ref)), article_from_europepmc)


def parse_europepmc_json(payload: bytes, ref: str) -> list[Article]:
    """Articles of a Europe PMC JSON payload; ParseError on the first bad record."""
    return strict(parse_europepmc_json_records(payload, ref))
