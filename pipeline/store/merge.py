"""Duplicates across sources, and how their metadata is merged (the store's merge rules).

They live in the store because ``repo.upsert_article`` and ``repo.apply_crossref_work`` apply
them; sources only parse records and never import the store.

Matching (first hit wins), used by ``repo.find_article``:
  1. DOI (normalized: lower case, no ``https://doi.org/`` or ``doi:`` prefix),
  2. PMID, 3. PMCID (``PMC`` prefix added),
  4. fuzzy: normalized title (NFKD, accents and punctuation dropped, lower case) with a rapidfuzz
     ``ratio`` >= 95, publication year equal or one apart, and the same first-author surname;
     never across conflicting identifiers (two different DOIs are two papers, e.g. a correction).

Merge precedence (``replaces_content`` / ``merge_metadata``), best first:
  publisher JATS (springer, jats, bmc) > Europe PMC (europepmc, feeds) > PubMed > Crossref.
  - Title and abstract sections come from the best source seen: a record from a lower-ranked
    source never replaces them; one from the same or a better source does when its content
    fingerprint differs (an updated record or a fixed parser). Unknown sources (files, tests)
    rank with Europe PMC.
  - Identifiers (DOI, PMID, PMCID) are filled from any source, never overwritten.
  - Other metadata (journal, publisher, date, type, language, url, authors, keywords, MeSH) is
    filled when missing and otherwise follows the title/abstract precedence.
  - Licence: publisher JATS or Crossref (which carries the publisher's own deposit) wins over
    Europe PMC and PubMed; ``repo.apply_crossref_work`` fills it.
  - Retraction is sticky: once any source says retracted, the article stays retracted.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from pipeline.domain import Article
from pipeline.store import models as m

SOURCE_RANK = {
    "springer": 0,
    "jats": 0,
    "bmc": 0,
    "bmc_xml": 0,
    "publisher": 0,
    "europepmc": 1,
    "feeds": 1,
    "pubmed": 2,
    "medline": 2,
    "crossref": 3,
}
DEFAULT_RANK = 1
LICENSE_RANK = {"springer": 0, "jats": 0, "bmc": 0, "bmc_xml": 0, "publisher": 0, "crossref": 0}
TITLE_RATIO = 95.0
METADATA = (
    "journal",
    "publisher",
    "published",
    "article_type",
    "language",
    "url",
    "authors",
    "keywords",
    "mesh",
)
_NON_WORD = re.compile(r"[^\w\s]+")
_WS = re.compile(r"\s+")


def rank(source: str | None) -> int:
    """Precedence of a source for title/abstract (lower is better)."""
    return SOURCE_RANK.get((source or "").lower(), DEFAULT_RANK)


def license_rank(source: str | None) -> int:
    return LICENSE_RANK.get((source or "").lower(), 1)


def replaces_content(stored_source: str | None, incoming_source: str | None) -> bool:
    """Whether a record from ``incoming_source`` may replace title/abstract from ``stored_source``."""
    return rank(incoming_source) <= rank(stored_source)


def normalize_title(title: str | None) -> str:
    """Lower case, accents and punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", title or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _WS.sub(" ", _NON_WORD.sub(" ", text)).strip()


def first_author_surname(authors: list[str] | None) -> str | None:
    """Normalized surname of the first author ('Given Surname' or 'Surname, Given')."""
    if not authors:
        return None
    name = authors[0]
    surname = name.split(",", 1)[0] if "," in name else name.split()[-1] if name.split() else ""
    return normalize_title(surname) or None


def _year(value: date | None) -> int | None:
    return value.year if value else None


def ids_conflict(a: Any, b: Any) -> bool:
    """Both records carry the same kind of identifier with different values."""
    return any(
        getattr(a, k) and getattr(b, k) and getattr(a, k) != getattr(b, k) for k in ("doi", "pmid", "pmcid")
    )


def is_fuzzy_duplicate(a: Any, b: Any) -> bool:
    """Same normalized title (ratio >= 95), year within one, same first-author surname, no id conflict."""
    ya, yb = _year(a.published), _year(b.published)
    sa, sb = first_author_surname(a.authors), first_author_surname(b.authors)
    if ya is None or yb is None or abs(ya - yb) > 1 or not sa or sa != sb or ids_conflict(a, b):
        return False
    ta, tb = normalize_title(a.title), normalize_title(b.title)
    return bool(ta and tb) and fuzz.ratio(ta, tb) >= TITLE_RATIO


def find_fuzzy(session: Session, art: Article) -> m.Article | None:
    """A stored article that is ``art`` by title, year and first author (see module docstring)."""
    year = _year(art.published)
    if year is None or not art.authors or not normalize_title(art.title):
        return None
    window = and_(m.Article.published >= date(year - 1, 1, 1), m.Article.published <= date(year + 1, 12, 31))
    for row in session.scalars(select(m.Article).where(window).order_by(m.Article.id)):
        if is_fuzzy_duplicate(art, row):
            return row
    return None


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == ""


def merge_metadata(row: m.Article, art: Article, *, content_replaced: bool) -> None:
    """Fill missing metadata from ``art``; overwrite only when ``art`` is the better source."""
    for attr in METADATA:
        incoming = getattr(art, attr)
        if _empty(incoming):
            continue
        if _empty(getattr(row, attr)) or content_replaced:
            setattr(row, attr, list(incoming) if isinstance(incoming, list) else incoming)
    if art.license and (not row.license or license_rank(art.source) < license_rank(row.source)):
        row.license = art.license
