"""JATS / NLM XML: PMC OA .nxml, Europe PMC fullTextXML, Springer Nature OA API responses."""

from __future__ import annotations

from datetime import date

from lxml import etree

from pipeline.domain import Article, Section
from pipeline.errors import ParseError
from pipeline.sources.markup import clean_label, collapse_ws, element_text
from pipeline.sources.parsers.common import (
    Result,
    collect,
    doi_url,
    language_code,
    make_date,
    record_ref,
    require_sections,
    require_title,
    strict,
    unique,
    xml_root,
)

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEADING_TAGS = {"title", "label"}


def _local(el: etree._Element) -> str:
    """Local tag name ('' for comments and processing instructions)."""
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _child(el: etree._Element | None, *names: str) -> etree._Element | None:
    """First child of ``el`` whose local name is one of ``names``."""
    if el is None:
        return None
    for child in el:
        if _local(child) in names:
            return child
    return None


def _children(el: etree._Element | None, name: str) -> list[etree._Element]:
    """Children of ``el`` with local name ``name``."""
    return [] if el is None else [c for c in el if _local(c) == name]


def _descendants(el: etree._Element | None, name: str) -> list[etree._Element]:
    """Descendants of ``el`` with local name ``name`` in document order."""
    return [] if el is None else [d for d in el.iter() if _local(d) == name]


def find_articles(root: etree._Element) -> list[etree._Element]:
    """Every top-level <article> in a document (the root itself, or records of a response)."""
    if _local(root) == "article":
        return [root]
    return [
        a for a in _descendants(root, "article") if not any(_local(p) == "article" for p in a.iterancestors())
    ]


def _ids(meta: etree._Element | None) -> dict[str, str]:
    """article-id values by pub-id-type (doi, pmid, pmc, publisher-id ...)."""
    ids: dict[str, str] = {}
    for el in _children(meta, "article-id"):
        kind = (el.get("pub-id-type") or "").lower()
        value = collapse_ws(el.text or "")
        if kind and value:
            ids.setdefault("pmc" if kind == "pmcid" else kind, value)
    return ids


def _section_body(sec: etree._Element) -> str:
    """Text of a <sec> without its title or label."""
    parts = [sec.text or ""]
    for child in sec:
        if _local(child) not in _HEADING_TAGS:
            parts.append(" " + element_text(child) + " ")
        parts.append(child.tail or "")
    return collapse_ws("".join(parts))


def _main_abstract(meta: etree._Element | None) -> etree._Element | None:
    """The article's main abstract (not a graphical, teaser or translated one)."""
    abstracts = _children(meta, "abstract")
    plain = [a for a in abstracts if not a.get("abstract-type")]
    return (plain or abstracts or [None])[0]


def abstract_sections(abstract: etree._Element | None) -> list[Section]:
    """Ordered sections of a JATS <abstract>: one per <sec>, or one unlabelled section."""
    if abstract is None:
        return []
    secs = _children(abstract, "sec")
    if not secs:
        return [Section(None, _section_body(abstract))]
    sections: list[Section] = []
    lead = [c for c in abstract if _local(c) not in {"sec", *_HEADING_TAGS}]
    if lead:
        sections.append(Section(None, collapse_ws(" ".join(element_text(c) for c in lead))))
    for sec in secs:
        sections.append(Section(clean_label(element_text(_child(sec, "title"))), _section_body(sec)))
    return sections


def _pub_date(meta: etree._Element | None) -> etree._Element | None:
    """The electronic publication date element, else the first pub-date."""
    dates = _children(meta, "pub-date")
    for el in dates:
        kind = (el.get("pub-type") or el.get("date-type") or "").lower()
        if kind == "epub" or (kind == "pub" and el.get("publication-format") == "electronic"):
            return el
    return dates[0] if dates else None


def _date(el: etree._Element | None) -> date | None:
    """A datetime.date from a JATS date element (year, month, day children)."""
    if el is None:
        return None
    parts = {name: element_text(_child(el, name)) for name in ("year", "month", "day")}
    return make_date(parts["year"] or None, parts["month"] or None, parts["day"] or None)


def _license(meta: etree._Element | None) -> str | None:
    """The licence URL (or text) stated in <permissions> (or, in NLM 2.x, directly in article-meta)."""
    licenses = _descendants(meta, "license")
    if not licenses:
        return None
    lic = licenses[0]
    if lic.get(XLINK_HREF):
        return str(lic.get(XLINK_HREF))
    for el in lic.iter():
        if _local(el) == "license_ref" and el.text:
            return collapse_ws(el.text)
        if _local(el) == "ext-link" and el.get(XLINK_HREF):
            return str(el.get(XLINK_HREF))
    return element_text(lic) or None


def _authors(meta: etree._Element | None) -> list[str]:
    """Author names ('Given Surname') and collaborations in contrib order."""
    names: list[str] = []
    for group in _children(meta, "contrib-group"):
        for contrib in _children(group, "contrib"):
            if contrib.get("contrib-type", "author") != "author":
                continue
            name = _child(contrib, "name", "string-name")
            collab = _child(contrib, "collab")
            if name is not None:
                given = element_text(_child(name, "given-names"))
                surname = element_text(_child(name, "surname"))
                names.append(collapse_ws(f"{given} {surname}") or element_text(name))
            elif collab is not None:
                names.append(element_text(collab))
    return unique(names)


def _url(meta: etree._Element | None, doi: str | None, pmid: str | None) -> str | None:
    """The article's landing page as stated (self-uri, ext-link), else doi.org."""
    for el in [*_children(meta, "self-uri"), *_children(meta, "ext-link")]:
        href = str(el.get(XLINK_HREF) or "")
        if href.startswith("http") and not href.lower().endswith(".pdf"):
            return href
    return doi_url(doi, pmid)


def article_from_jats(article: etree._Element, ref: str) -> Article:
    """One Article from a JATS <article> element; ParseError if it has no title or abstract."""
    front = _child(article, "front")
    meta = _child(front, "article-meta")
    journal_meta = _child(front, "journal-meta")
    ids = _ids(meta)
    doi, pmid, pmcid = ids.get("doi"), ids.get("pmid"), ids.get("pmc")
    rec = record_ref(ref, doi, pmcid, pmid)
    title = element_text(_child(_child(meta, "title-group"), "article-title"))
    journal_titles = _descendants(journal_meta, "journal-title")
    return Article(
        source="jats",
        source_id=doi or pmcid or pmid or ids.get("publisher-id") or rec,
        title=require_title(title, rec),
        sections=require_sections(abstract_sections(_main_abstract(meta)), rec),
        doi=doi,
        pmid=pmid,
        pmcid=pmcid,
        journal=element_text(journal_titles[0]) if journal_titles else None,
        publisher=element_text(_child(_child(journal_meta, "publisher"), "publisher-name")) or None,
        published=_date(_pub_date(meta)),
        license=_license(meta),
        article_type=article.get("article-type"),
        authors=_authors(meta),
        keywords=unique(element_text(k) for g in _children(meta, "kwd-group") for k in _children(g, "kwd")),
        url=_url(meta, doi, pmid),
        language=language_code(article.get(XML_LANG)),
        raw_ref=rec,
    )


def parse_jats_records(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a JATS document holding one or many <article>s."""
    root = xml_root(payload, ref)
    articles = find_articles(root)
    if not articles:
        raise ParseError(ref, f"no <article> element in <{_local(root)}>")
    return collect(((ref, a) for a in articles), article_from_jats)


def parse_jats(payload: bytes, ref: str) -> list[Article]:
    """Articles of a JATS document; ParseError on the first bad record."""
    return strict(parse_jats_records(payload, ref))
