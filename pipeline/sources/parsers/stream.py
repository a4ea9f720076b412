"""Streaming PubMed/MEDLINE XML: one record in memory at a time (lxml iterparse, elements cleared).

Memory stays flat however many records a file holds, which is what large efetch batches and
MEDLINE baseline files need; the whole-document parser in pubmed_xml.py builds the full tree.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, cast

from lxml import etree

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.sources.parsers.common import Result
from pipeline.sources.parsers.pubmed_xml import RECORD_TAGS, ROOT_TAGS, article_from_pubmed

_WRAPPERS = frozenset(ROOT_TAGS) - frozenset(RECORD_TAGS)


def _open(fileobj: BinaryIO) -> BinaryIO:
    """The stream, transparently gunzipped when it starts with the gzip magic bytes."""
    # peek() looks at the first bytes without consuming them; a raw stream gets a buffer for it.
    buffered = fileobj if hasattr(fileobj, "peek") else io.BufferedReader(cast(io.RawIOBase, fileobj))
    head = cast(io.BufferedReader, buffered).peek(2)[:2]
    return cast(BinaryIO, gzip.GzipFile(fileobj=buffered)) if head == b"\x1f\x8b" else buffered


def _is_record(el: etree._Element) -> bool:
    """A top-level record: not the MedlineCitation nested inside a PubmedArticle."""
    parent = el.getparent()
    return parent is None or parent.tag in _WRAPPERS


def _release(el: etree._Element) -> None:
    """Free a finished record and the already-processed siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def iter_pubmed_records(fileobj: BinaryIO, ref: str) -> Iterator[Article | ParseError]:
    """Each record of a PubMed/MEDLINE XML stream as an Article, or a ParseError saying why not.

    Malformed XML or corrupt gzip data ends the stream with one ParseError after the records
    read before it.
    """
    yield from _records(_open(fileobj), RECORD_TAGS, _is_record, article_from_pubmed, ref)


def _records(
    stream: BinaryIO,
    tag: Any,
    is_record: Callable[[etree._Element], bool],
    build: Callable[[etree._Element, str], Article],
    ref: str,
) -> Iterator[Article | ParseError]:
    """Each ``tag`` element of an XML stream that ``is_record`` as ``build(element, ref)`` or the
    ParseError it raised, each freed once built. Malformed XML or corrupt gzip data ends the
    stream with one ParseError after the records read before it."""
    events = etree.iterparse(
        stream,
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _, el in events:
            if not is_record(el):
                continue
            try:
                yield build(el, ref)
            except ParseError as exc:
                yield exc
            _release(el)
    except etree.XMLSyntaxError as exc:
        yield ParseError(ref, f"malformed XML ({exc.msg or exc})")
    except (OSError, EOFError) as exc:
        yield ParseError(ref, f"corrupt gzip data ({exc})")


def iter_pubmed_articles(fileobj: BinaryIO, ref: str = "<stream>") -> Iterator[Article]:
    """The good Articles of a PubMed/MEDLINE XML stream (errors: use iter_pubmed_records)."""
    for rec in iter_pubmed_records(fileobj, ref):
        if isinstance(rec, Article):
            yield rec


def parse_pubmed_stream(payload: bytes, ref: str) -> Result:
    """Articles and per-record errors of a PubMed XML payload, parsed as a stream."""
    articles: list[Article] = []
    errors: list[ParseError] = []
    for rec in iter_pubmed_records(io.BytesIO(payload), ref):
        (articles if isinstance(rec, Article) else errors).append(rec)  # type: ignore[arg-type]
    return articles, errors


def _inside_article(el: etree._Element) -> bool:
    """Whether ``el`` sits inside another <article> (a nested record, not a top-level one)."""
    return any(_local_name(p) == "article" for p in el.iterancestors())


def _local_name(el: etree._Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def iter_jats_records(
    fileobj: BinaryIO, ref: str, *, skip_unread: bool = True
) -> Iterator[Article | ParseError]:
    """Each top-level JATS <article> of a stream (an article set, an API response) as an Article or
    ParseError (malformed XML or corrupt gzip data: one ParseError, as for PubMed). ``skip_unread``:
    cut <body>, <back> and floats out unparsed (nothing reads them)."""
    from pipeline.sources.parsers.jats import SkippingReader, article_from_jats

    stream = _open(fileobj)
    yield from _records(
        cast(BinaryIO, SkippingReader(stream)) if skip_unread else stream,
        "{*}article",
        lambda el: not _inside_article(el),
        article_from_jats,
        ref,
    )
