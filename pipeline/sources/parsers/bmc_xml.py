"""BioMed Central's legacy article XML (<art>, article.dtd); the DTD is never fetched."""

from __future__ import annotations

from datetime import date

from lxml import etree

from pipeline.domain import Article, Section
from pipeline.errors import ParseError
from pipeline.sources.markup import clean_label, collapse_ws, element_text
from pipeline.sources.parsers.common import (
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

# BMC "dochead" values -> JATS-style article types; others are slugged ("Study protocol" -> "study-protocol").
_DOCHEADS = {
    "research": "research-article",
    "research article": "research-article",
    "review": "review-article",
    "case report": "case-report",
    "editorial": "editorial",
    "correction": "correction",
    "erratum": "correction",
    "retraction": "retraction",
    "retraction note": "retraction",
    "letter": "letter",
    "commentary": "commentary",
}


def _text(el: etree._Element | None, path: str) -> str | None:
    """Clean text of the first match of ``path`` under ``el`` (None when absent or empty)."""
    found = el.find(path) if el is not None else None
    return element_text(found) or None


def _pubid(bibl: etree._Element | None, kind: str) -> str | None:
    """An identifier from bibl/xrefbib/pubid[@idtype] (doi, pmpid)."""
    for el in bibl.findall("xrefbib//pubid") if bibl is not None else []:
        if el.get("idtype") == kind and el.text:
            return str(el.text).strip()
    return None


def _leaf_sections(abs_el: etree._Element) -> list[etree._Element]:
    """Innermost <sec>s of the abstract, in order (the outer 'Abstract' section only wraps them)."""
    return [s for s in abs_el.iter("sec") if s.find("sec") is None]


def _sec_body(sec: etree._Element) -> str:
    """Text of a <sec> without its <st> heading."""
    return collapse_ws(" ".join(element_text(c) for c in sec if c.tag != "st"))


def abstract_sections(abs_el: etree._Element | None) -> list[Section]:
    """Ordered sections of <abs>; a lone section headed 'Abstract' is unlabelled."""
    if abs_el is None:
        return []
    leaves = _leaf_sections(abs_el)
    if not leaves:
        return [Section(None, _sec_body(abs_el))]
    sections = []
    for sec in leaves:
        label = clean_label(_text(sec, "st"))
        sections.append(Section(None if (label or "").lower() == "abstract" else label, _sec_body(sec)))
    return sections


def _published(fm: etree._Element | None) -> date | None:
    """history/pub/date, else bibl/pubdate (year)."""
    pub = fm.find("history/pub/date") if fm is not None else None
    if pub is not None:
        return make_date(_text(pub, "year"), _text(pub, "month"), _text(pub, "day"))
    return make_date(_text(fm, "bibl/pubdate"))


def _license(fm: etree._Element | None) -> str | None:
    """The licence URL in the copyright note, else the note's text."""
    note = fm.find("cpyrt/note") if fm is not None else None
    if note is None:
        return None
    for url in note.iter("url"):
        text = element_text(url)
        if "creativecommons.org/licenses" in text:
            return text
    return element_text(note) or None


def _authors(bibl: etree._Element | None) -> list[str]:
    """'First Middle Surname' of each author (or the collaboration name)."""
    names = []
    for au in bibl.findall("aug/au") if bibl is not None else []:
        parts = (_text(au, "fnm"), _text(au, "mi"), _text(au, "snm"))
        names.append(" ".join(p for p in parts if p) or _text(au, "cnm"))
    return unique(names)


def _article_type(fm: etree._Element | None) -> str | None:
    """Article type from the dochead."""
    head = (_text(fm, "dochead") or "").lower()
    return _DOCHEADS.get(head, head.replace(" ", "-")) or None


def article_from_bmc(art: etree._Element, ref: str) -> Article:
    """The Article of a BMC <art> document; ParseError without title or abstract."""
    fm = art.find("fm")
    bibl = fm.find("bibl") if fm is not None else None
    doi, pmid = _pubid(bibl, "doi"), _pubid(bibl, "pmpid")
    rec = record_ref(ref, doi, pmid, _text(art, "ui"))
    return Article(
        source="bmc",
        source_id=_text(art, "ui") or doi or rec,
        title=require_title(_text(bibl, "title"), rec),
        sections=require_sections(abstract_sections(fm.find("abs") if fm is not None else None), rec),
        doi=doi,
        pmid=pmid,
        journal=_text(bibl, "source"),
        publisher="BioMed Central",
        published=_published(fm),
        license=_license(fm),
        article_type=_article_type(fm),
        authors=_authors(bibl),
        keywords=unique(element_text(k) for k in fm.findall("kwdg/kwd")) if fm is not None else [],
        url=_text(bibl, "url") or doi_url(doi, pmid),
        language=language_code(art.get("{http://www.w3.org/XML/1998/namespace}lang")),
        raw_ref=rec,
    )


def parse_bmc_xml_records(payload: bytes, ref: str) -> tuple[list[Article], list[ParseError]]:
    """The article (or the record error) of a BMC article XML file."""
    root = xml_root(payload, ref)
    if root.tag != "art":
        raise ParseError(ref, f"<{root.tag}> is not a BMC article XML root (<art>)")
    return collect([(ref, root)], article_from_bmc)


def parse_bmc_xml(payload: bytes, ref: str) -> list[Article]:
    """The article of a BMC article XML file; ParseError if it cannot be parsed."""
    return strict(parse_bmc_xml_records(payload, ref))
