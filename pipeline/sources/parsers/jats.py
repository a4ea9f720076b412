"""JATS / NLM XML: PMC OA .nxml, Europe PMC fullTextXML, Springer Nature OA API responses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


# The parts of an article nothing here reads: the full text, the references, the floats. They are
# most of a full-text article's bytes, so they are cut out before the XML parser sees them.
UNREAD = ("body", "back", "floats-group")
_UNREAD_OPEN = re.compile(
    rb"<((?:[A-Za-z_][\w.-]*:)?(?:" + b"|".join(u.encode() for u in UNREAD) + rb"))(?=[\s>/])"
)
_HOLD = 64  # bytes kept back at a chunk's end: a start tag may straddle two chunks
_WS_OR_GT = frozenset(b" \t\r\n>")


def skip_unread(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The bytes of a JATS document with every <body>, <back> and <floats-group> element left out,
    unparsed (a byte-level cut: the front matter the parser reads is kept byte for byte).

    Works on a stream of chunks with constant memory; a start or end tag may straddle chunks.
    Malformed XML inside a skipped element goes unnoticed (it is never read); a document cut short
    inside one still fails to parse, as its end tags are missing.
    """
    buf = b""
    closing: bytes | None = None  # b"</body" while inside a skipped element
    for chunk in _with_end(chunks):
        final = chunk is None
        if chunk:
            buf += chunk
        while True:
            if closing is None:
                m = _UNREAD_OPEN.search(buf)
                if m is None:
                    keep = 0 if final else min(len(buf), _HOLD)
                    if len(buf) > keep:
                        yield buf[: len(buf) - keep]
                        buf = buf[len(buf) - keep :]
                    break
                end = buf.find(b">", m.end())
                if end < 0:  # the start tag goes on in the next chunk
                    if m.start():
                        yield buf[: m.start()]
                        buf = buf[m.start() :]
                    if final:
                        yield buf
                        buf = b""
                    break
                if m.start():
                    yield buf[: m.start()]
                if buf[end - 1 : end] != b"/":  # <body/> is empty: nothing more to skip
                    closing = b"</" + m.group(1)
                buf = buf[end + 1 :]
            else:
                i = buf.find(closing)
                while i >= 0 and i + len(closing) < len(buf) and buf[i + len(closing)] not in _WS_OR_GT:
                    i = buf.find(closing, i + 1)  # </back-matter> is not </back>
                end = buf.find(b">", i + len(closing)) if i >= 0 else -1
                if end < 0:  # keep only what may be the start of the end tag
                    buf = buf[i:] if i >= 0 else buf[-len(closing) :]
                    if final:
                        buf = b""
                    break
                closing = None
                buf = buf[end + 1 :]


def _with_end(chunks: Iterable[bytes]) -> Iterator[bytes | None]:
    yield from chunks
    yield None


class SkippingReader:
    """A file-like ``read(n)`` over a binary stream with :func:`skip_unread` applied (for iterparse)."""

    def __init__(self, raw: object, chunk_size: int = 1 << 16) -> None:
        read = raw.read  # type: ignore[attr-defined]
        self._parts = skip_unread(iter(lambda: read(chunk_size), b""))
        self._pending = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._pending) < size:
            part = next(self._parts, None)
            if part is None:
                break
            self._pending += part
        if size < 0:
            out, self._pending = self._pending, b""
        else:
            out, self._pending = self._pending[:size], self._pending[size:]
        return out


def parse_jats_records(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a JATS document holding one or many <article>s
    (the full text and back matter are cut out unparsed first: only the front matter is read)."""
    root = xml_root(b"".join(skip_unread([payload])), ref)
    articles = find_articles(root)
    if not articles:
        raise ParseError(ref, f"no <article> element in <{_local(root)}>")
    return collect(((ref, a) for a in articles), article_from_jats)


def parse_jats(payload: bytes, ref: str) -> list[Article]:
    """Articles of a JATS document; ParseError on the first bad record."""
    return strict(parse_jats_records(payload, ref))
