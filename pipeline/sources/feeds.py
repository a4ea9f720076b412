"""BMC journal feeds (RSS 2.0, RSS 1.0/RDF or Atom), each entry completed through Europe PMC.

A feed entry is a pointer (title, link, DOI, date), not a record with an abstract, so the source
reads each journal's feed, takes the DOIs of entries inside the window and asks Europe PMC for
their core records. The feed itself is archived too (content type ``feed_xml``); it yields no
articles. A DOI that Europe PMC does not know yet is quarantined with that reason, and it is
asked for again on every run while the entry stays in the feed.

feedparser is not installed, so feeds are read with lxml (no DTDs, no network, no entities).
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from pipeline.domain import Article, normalize_doi
from pipeline.errors import ParseError
from pipeline.sources.base import SOURCES, RawItem
from pipeline.sources.europepmc import EuropePMCSource, keep_requested
from pipeline.sources.http import redact_url
from pipeline.sources.network import NetworkSource
from pipeline.sources.parsers import parse_payload
from pipeline.sources.parsers.common import MIB, parse_date_text, unique
from pipeline.sources.parsers.detect import EUROPEPMC_JSON

NAME = "feeds"
FEED_XML = "feed_xml"
DOI_PATTERN = re.compile(r"10\.\d{4,9}/[^\s\"<>?#&]+")
_QUERY_DOI = re.compile(r'DOI:"([^"]+)"')
_ENTRY_TAGS = ("item", "entry")
_DOI_FIELDS = ("doi", "identifier", "guid", "id", "link")


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    doi: str | None
    published: date | None


def _local(el: etree._Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _fields(entry: etree._Element) -> dict[str, list[str]]:
    """Text (or href) of each child of an entry, by local name."""
    out: dict[str, list[str]] = {}
    for child in entry:
        value = (child.text or "").strip() or (child.get("href") or "").strip()
        if value:
            out.setdefault(_local(child), []).append(value)
    return out


def _entry_date(fields: dict[str, list[str]]) -> date | None:
    """pubDate (RFC 822), dc:date / published / updated (ISO 8601)."""
    for name in ("pubDate", "date", "published", "updated", "coverDate", "publicationDate"):
        for value in fields.get(name, []):
            try:
                return email.utils.parsedate_to_datetime(value).date()
            except (TypeError, ValueError):
                pass
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                found = parse_date_text(value[:10])
                if found:
                    return found
    return None


def _entry_doi(fields: dict[str, list[str]]) -> str | None:
    for name in _DOI_FIELDS:
        for value in fields.get(name, []):
            match = DOI_PATTERN.search(value)
            if match:
                return normalize_doi(match.group(0).rstrip(".,;)"))
    return None


def parse_feed(payload: bytes, ref: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom feed; ParseError when it is not a readable feed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(payload, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(ref, f"malformed feed XML ({exc.msg or exc})") from None
    if _local(root) not in {"rss", "RDF", "feed"}:
        raise ParseError(ref, f"<{_local(root)}> is not an RSS or Atom feed")
    entries = []
    for el in root.iter():
        if _local(el) in _ENTRY_TAGS:
            fields = _fields(el)
            entries.append(
                FeedEntry(
                    title=" ".join((fields.get("title") or [""])[0].split()),
                    link=next(iter(fields.get("link") or []), None),
                    doi=_entry_doi(fields),
                    published=_entry_date(fields),
                )
            )
    return entries


def requested_dois(request: str) -> list[str]:
    """The DOIs a Europe PMC completion request asked for (read back from its URL)."""
    query = dict(parse_qsl(urlsplit(request).query)).get("query", "")
    return [normalize_doi(d) for d in _QUERY_DOI.findall(query)]


def dois_in_window(entries: Iterable[FeedEntry], start: date, end: date) -> list[str]:
    """DOIs of entries dated inside the window (an undated entry is kept)."""
    return unique(e.doi for e in entries if e.doi and (e.published is None or start <= e.published <= end))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@SOURCES.register(NAME)
class FeedsSource(NetworkSource):
    """Newest articles of each journal feed in the sources file, completed through Europe PMC."""

    name = NAME

    def _completer(self) -> EuropePMCSource:
        return EuropePMCSource(self.settings, client=self.client, config=self.config)

    def _journal_items(self, url: str, start: date, end: date) -> Iterator[RawItem]:
        """The feed, then the Europe PMC pages for its DOIs inside the window."""
        response = self.client.get(url)
        feed = RawItem(NAME, redact_url(response.request.url), response.content, FEED_XML)
        yield feed
        try:
            entries = parse_feed(feed.payload, feed.request)
        except ParseError:
            return  # parse_all quarantines the feed with the reason
        size = int(self.option("dois_per_request", 25))  # type: ignore[call-overload]
        for chunk in _chunks(dois_in_window(entries, start, end), size):
            for page in self._completer().lookup_dois(chunk):
                yield RawItem(NAME, page.request, page.payload, EUROPEPMC_JSON)

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """Feeds and completion pages of every journal with a feed (``limit``: feeds)."""
        start, end = self.window(since, until)
        feeds = [j.feed for j in self.config.journals if j.feed][:limit]
        previous: RawItem | None = None
        for url in feeds:
            for item in self._journal_items(str(url), start, end):
                if previous is not None:
                    yield previous
                previous = item
        if previous is not None:
            self.tracker.mark_final(previous)
            yield previous

    def parse_all(self, item: RawItem) -> tuple[list[Article], list[ParseError]]:
        """No articles from a feed; the requested records from a completion page."""
        if item.content_type == FEED_XML:
            try:
                parse_feed(item.payload, item.request)
            except ParseError as exc:
                return [], [exc]
            return [], []
        articles, errors = parse_payload(
            item.payload,
            item.request,
            item.content_type,
            max_decompressed=self.settings.max_decompressed_mb * MIB,
        )
        if any(e.record == item.request for e in errors):
            return articles, errors  # the page itself is unreadable
        kept, errors = keep_requested(articles, errors, requested_dois(item.request), item.request)
        for art in kept:
            art.source = NAME
        return kept, errors
