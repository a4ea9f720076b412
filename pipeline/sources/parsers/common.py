"""Helpers shared by the format parsers: safe XML, per-record error collection, dates, vocabularies."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from lxml import etree

from pipeline.domain import Article, Section
from pipeline.errors import ParseError

T = TypeVar("T")
Result = tuple[list[Article], list[ParseError]]

NO_ABSTRACT = "no abstract"

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_LANGUAGES = {
    "eng": "en",
    "fre": "fr",
    "fra": "fr",
    "ger": "de",
    "deu": "de",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "chi": "zh",
    "zho": "zh",
    "jpn": "ja",
    "rus": "ru",
    "dut": "nl",
    "nld": "nl",
    "pol": "pl",
    "kor": "ko",
    "tur": "tr",
    "swe": "sv",
    "dan": "da",
    "nor": "no",
    "fin": "fi",
    "cze": "cs",
    "ces": "cs",
    "hun": "hu",
    "gre": "el",
    "ell": "el",
    "heb": "he",
    "ara": "ar",
    "per": "fa",
    "fas": "fa",
    "english": "en",
}
# PubMed / Europe PMC publication types -> JATS-style article types, most specific first.
_PUBLICATION_TYPES = (
    ("retraction of publication", "retraction"),
    ("published erratum", "correction"),
    ("expression of concern", "expression-of-concern"),
    ("editorial", "editorial"),
    ("systematic review", "review-article"),
    ("meta-analysis", "review-article"),
    ("review", "review-article"),
    ("case reports", "case-report"),
    ("letter", "letter"),
    ("comment", "letter"),
    ("news", "news"),
    ("clinical trial protocol", "study-protocol"),
    ("research-article", "research-article"),
    ("journal article", "research-article"),
)


def xml_root(payload: bytes, ref: str) -> etree._Element:
    """Parse XML without ever loading a DTD or touching the network; ParseError if malformed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False)
    try:
        root = etree.fromstring(payload, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(ref, f"malformed XML ({exc.msg or exc})") from None
    if root is None:
        raise ParseError(ref, "empty XML document")
    return root


GZIP_MAGIC = b"\x1f\x8b"
MIB = 1024 * 1024
# The default cap on what one compressed payload may expand to (settings.max_decompressed_mb).
DEFAULT_MAX_DECOMPRESSED = 64 * MIB
_CHUNK = MIB


def gunzip(payload: bytes, ref: str, max_bytes: int = DEFAULT_MAX_DECOMPRESSED) -> bytes:
    """Decompress a gzip payload, at most ``max_bytes`` of output; other payloads pass through.

    The data is decompressed a chunk at a time and decompression stops as soon as the output
    passes the cap, so a gzip bomb (a few hundred KB expanding to gigabytes) costs at most about
    ``max_bytes`` of memory and is a ParseError naming the file: the ingest stage quarantines it.
    """
    if not payload.startswith(GZIP_MAGIC):
        return payload
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(payload)) as fh:
            while chunk := fh.read(min(_CHUNK, max_bytes + 1 - len(out))):
                out += chunk
                if len(out) > max_bytes:
                    raise ParseError(
                        ref,
                        f"gzip data expands to more than {max_bytes / MIB:g} MB, the cap "
                        "(PLAINSCI_MAX_DECOMPRESSED_MB); raise the cap if the file is genuine",
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise ParseError(ref, f"corrupt gzip data ({exc})") from None
    return bytes(out)


def collect(records: Iterable[tuple[str, T]], build: Callable[[T, str], Article]) -> Result:
    """Build one Article per record; a bad record becomes a ParseError, the others go on."""
    articles: list[Article] = []
    errors: list[ParseError] = []
    for record_ref, record in records:
        try:
            articles.append(build(record, record_ref))
        except ParseError as exc:
            errors.append(exc)
    return articles, errors


def strict(result: Result) -> list[Article]:
    """The articles of a result, or the first record's ParseError if any record failed."""
    articles, errors = result
    if errors:
        raise errors[0]
    return articles


def record_ref(ref: str, *ids: str | None, index: int | None = None) -> str:
    """'<file>#<id>': the first id present, else the record's position in the file."""
    for ident in ids:
        if ident:
            return f"{ref}#{ident}"
    return f"{ref}#{index}" if index is not None else ref


def require_sections(sections: list[Section], ref: str) -> list[Section]:
    """The sections, or ParseError(ref, 'no abstract') when there is no abstract text."""
    if not any(s.text for s in sections):
        raise ParseError(ref, NO_ABSTRACT)
    return [s for s in sections if s.text]


def require_title(title: str | None, ref: str) -> str:
    """The title, or ParseError(ref, 'no title')."""
    if not title:
        raise ParseError(ref, "no title")
    return title


def _int(value: str | int | None) -> int | None:
    """An int from a string of digits, else None."""
    if value is None:
        return None
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def month_number(value: str | int | None) -> int | None:
    """Month from '3', '03', 'Mar', 'March' or a season name; None if unknown."""
    if value is None:
        return None
    number = _int(value)
    if number is not None:
        return number if 1 <= number <= 12 else None
    word = str(value).strip().lower()
    return _MONTHS.get(word[:3]) or _SEASONS.get(word)


def make_date(
    year: str | int | None, month: str | int | None = None, day: str | int | None = None
) -> date | None:
    """A date from parts; a missing month or day falls back to the first (year-only -> 1 January)."""
    y = _int(year)
    if y is None:
        return None
    m = month_number(month) or 1
    d = _int(day) or 1
    try:
        return date(y, m, d)
    except ValueError:
        return date(y, m, 1)


def parse_date_text(text: str | None) -> date | None:
    """A date from '2019-12-11', '20060110', '2006 Jan 10', '2007 Nov-Dec' or '2015'."""
    if not text:
        return None
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        return make_date(*iso.groups())
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if compact:
        return make_date(*compact.groups())
    words = re.match(r"(\d{4})(?:\s+([A-Za-z]+|\d{1,2}))?(?:[-\s/]+(\d{1,2})\b)?", text)
    if words:
        return make_date(words.group(1), words.group(2), words.group(3))
    return None


def language_code(value: str | None) -> str | None:
    """ISO 639-1 code for 'eng', 'en', 'English'; unknown codes are kept lower-cased."""
    if not value:
        return None
    code = value.strip().lower()
    return _LANGUAGES.get(code, code) or None


def article_type_from_publication_types(types: Iterable[str]) -> str | None:
    """The most specific article type named by PubMed / Europe PMC publication types."""
    lowered = {t.strip().lower() for t in types if t}
    for name, article_type in _PUBLICATION_TYPES:
        if name in lowered:
            return article_type
    return None


def is_retracted(types: Iterable[str]) -> bool:
    """Whether the publication types mark the article itself as retracted."""
    return any(t.strip().lower() == "retracted publication" for t in types if t)


def doi_url(doi: str | None, pmid: str | None = None) -> str | None:
    """A stable landing URL: doi.org for a DOI, else PubMed for a PMID."""
    if doi:
        return f"https://doi.org/{doi}"
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    return None


def unique(items: Iterable[str | None]) -> list[str]:
    """Non-empty items in first-seen order without duplicates."""
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)
