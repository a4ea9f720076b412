"""PubMed / MEDLINE XML: efetch PubmedArticleSet, a bare PubmedArticle, MEDLINE MedlineCitationSet files."""

from __future__ import annotations

from datetime import date

from lxml import etree

from pipeline.domain import Article, Section
from pipeline.errors import ParseError
from pipeline.sources.markup import clean_label, element_text
from pipeline.sources.parsers.common import (
    Result,
    article_type_from_publication_types,
    collect,
    doi_url,
    gunzip,
    is_retracted,
    language_code,
    make_date,
    parse_date_text,
    record_ref,
    require_sections,
    require_title,
    strict,
    unique,
    xml_root,
)

RECORD_TAGS = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle")
ROOT_TAGS = ("PubmedArticleSet", "MedlineCitationSet", *RECORD_TAGS)


def _text(el: etree._Element | None, path: str) -> str | None:
    """Clean text of the first match of ``path`` under ``el`` (None when absent or empty)."""
    found = el.find(path) if el is not None else None
    return element_text(found) or None


def find_records(root: etree._Element) -> list[etree._Element]:
    """PubmedArticle / MedlineCitation records, whatever the wrapper (or none)."""
    if root.tag in RECORD_TAGS:
        return [root]
    return [child for child in root if child.tag in RECORD_TAGS]


def abstract_sections(abstract: etree._Element | None) -> list[Section]:
    """One section per <AbstractText>, labelled by its Label (sentence case).

    PubMed states structure in Label attributes; an unlabelled AbstractText is kept whole even
    when its text contains 'BACKGROUND:'-like words, as the record does not mark them as headings.
    """
    if abstract is None:
        return []
    parts = abstract.findall("AbstractText")
    return [Section(clean_label(p.get("Label")), element_text(p)) for p in parts]


def _date_of(el: etree._Element | None) -> date | None:
    """A date from a PubMed date element (Year/Month/Day or MedlineDate)."""
    if el is None:
        return None
    if el.find("Year") is not None:
        return make_date(_text(el, "Year"), _text(el, "Month"), _text(el, "Day"))
    return parse_date_text(_text(el, "MedlineDate"))


def _published(article: etree._Element | None) -> date | None:
    """Electronic publication date, else the journal issue date."""
    if article is None:
        return None
    for el in article.findall("ArticleDate"):
        if el.get("DateType", "Electronic") == "Electronic":
            return _date_of(el)
    return _date_of(article.find("Journal/JournalIssue/PubDate"))


def _article_id(record: etree._Element, citation: etree._Element, kind: str) -> str | None:
    """An id from PubmedData/ArticleIdList, else (DOI only) from Article/ELocationID."""
    for el in record.findall("PubmedData/ArticleIdList/ArticleId"):
        if el.get("IdType") == kind and el.text:
            return str(el.text).strip()
    if kind == "doi":
        for el in citation.findall("Article/ELocationID"):
            if el.get("EIdType") == "doi" and el.text:
                return str(el.text).strip()
    return None


def _authors(article: etree._Element | None) -> list[str]:
    """'ForeName LastName' (or the collective name) of each author."""
    names = []
    for author in article.findall("AuthorList/Author") if article is not None else []:
        collective = _text(author, "CollectiveName")
        person = " ".join(p for p in (_text(author, "ForeName"), _text(author, "LastName")) if p)
        names.append(person or collective)
    return unique(names)


def article_from_pubmed(record: etree._Element, ref: str) -> Article:
    """One Article from a <PubmedArticle> or <MedlineCitation>; ParseError without title/abstract."""
    citation = record if record.tag == "MedlineCitation" else record.find("MedlineCitation")
    if citation is None:
        raise ParseError(ref, f"<{record.tag}> has no MedlineCitation (book records are not supported)")
    article = citation.find("Article")
    pmid = _text(citation, "PMID")
    doi = _article_id(record, citation, "doi")
    rec = record_ref(ref, doi, pmid)
    types = [element_text(t) for t in citation.findall("Article/PublicationTypeList/PublicationType")]
    return Article(
        source="pubmed",
        source_id=pmid or doi or rec,
        title=require_title(_text(article, "ArticleTitle") or _text(article, "VernacularTitle"), rec),
        sections=require_sections(
            abstract_sections(article.find("Abstract") if article is not None else None), rec
        ),
        doi=doi,
        pmid=pmid,
        pmcid=_article_id(record, citation, "pmc"),
        journal=_text(article, "Journal/Title"),
        published=_published(article),
        article_type=article_type_from_publication_types(types),
        retracted=is_retracted(types),
        authors=_authors(article),
        keywords=unique(element_text(k) for k in citation.findall("KeywordList/Keyword")),
        mesh=unique(element_text(d) for d in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")),
        language=language_code(_text(article, "Language")),
        url=doi_url(None, pmid) or doi_url(doi),
        raw_ref=rec,
    )


def parse_pubmed_xml_records(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a PubMed or MEDLINE XML file (gzip accepted)."""
    root = xml_root(gunzip(payload, ref), ref)
    if root.tag not in ROOT_TAGS:
        raise ParseError(ref, f"<{root.tag}> is not a PubMed/MEDLINE XML root ({', '.join(ROOT_TAGS[:2])})")
    return collect(((ref, r) for r in find_records(root)), article_from_pubmed)


def parse_pubmed_xml(payload: bytes, ref: str) -> list[Article]:
    """Articles of a PubMed or MEDLINE XML file; ParseError on the first bad record."""
    return strict(parse_pubmed_xml_records(payload, ref))
