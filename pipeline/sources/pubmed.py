"""PubMed through NCBI E-utilities: esearch (usehistory=y) then efetch XML in batches.

- esearch finds the window's PMIDs on the Entrez date (``datetype=edat``) and keeps them on the
  history server (WebEnv + query_key); efetch then reads them ``batch_size`` (200) at a time.
- The history server serves at most 9,999 records of one search, so a window whose count is
  above that is split in halves, recursively, until each half fits.
- Every request carries ``tool`` and ``email``; ``api_key`` when one is set (it is redacted from
  every stored or logged URL). The shared client allows 3 requests/s without a key, 10 with one.
- efetch batches are parsed as a stream (pipeline.sources.parsers.stream).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lxml import etree

from pipeline.domain import Article
from pipeline.errors import ParseError, SourceError
from pipeline.sources.base import SOURCES, RawItem
from pipeline.sources.config import SourcesConfig
from pipeline.sources.http import redact_url
from pipeline.sources.network import NetworkSource
from pipeline.sources.parsers.detect import PUBMED_XML
from pipeline.sources.parsers.stream import parse_pubmed_stream

NAME = "pubmed"
EUTILS = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
TOOL = "plainsci"
MAX_HISTORY = 9999


@dataclass(frozen=True)
class SearchResult:
    count: int
    webenv: str | None
    query_key: str | None


def build_term(config: SourcesConfig) -> str:
    """``("issn"[is] OR ... OR "topic"[tiab] ...)`` for the journals and topics of the sources file."""
    terms = [f'"{issn}"[is]' for issn in config.issns]
    terms += [t if "[" in t else f'"{t.strip()}"[tiab]' for t in config.topics]
    return f"({' OR '.join(terms)})" if terms else "all[sb]"


def parse_esearch(payload: bytes, request: str) -> SearchResult:
    """Count, WebEnv and query_key of an esearch XML answer; SourceError for an <ERROR> answer."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(payload, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(
            f"esearch {request} returned malformed XML ({exc.msg}).",
            hint="Retry later; NCBI sometimes answers with an HTML error page.",
        ) from None
    error = root.findtext("ERROR") if root.tag != "ERROR" else root.text
    if error:
        raise SourceError(
            f"esearch {request} failed: {error.strip()}.", hint="Check the query in the sources file."
        )
    count = root.findtext("Count")
    if count is None or not count.strip().isdigit():
        raise SourceError(f"esearch {request} has no <Count>.", hint="Check the query in the sources file.")
    return SearchResult(int(count), root.findtext("WebEnv"), root.findtext("QueryKey"))


def halves(start: date, end: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """Two adjoining, non-overlapping halves of an inclusive date window of two days or more."""
    mid = start + (end - start) // 2
    return (start, mid), (mid + timedelta(days=1), end)


def _ncbi_date(day: date) -> str:
    return day.strftime("%Y/%m/%d")


@SOURCES.register(NAME)
class PubMedSource(NetworkSource):
    """PubMed records of the journals and topics in the sources file."""

    name = NAME

    def _params(self, **params: Any) -> dict[str, Any]:
        base: dict[str, Any] = {"db": "pubmed", "tool": TOOL, "email": self.settings.contact_email}
        if self.settings.ncbi_api_key:
            base["api_key"] = self.settings.ncbi_api_key
        return {**base, **params}

    def esearch(self, term: str, start: date, end: date) -> SearchResult:
        params = self._params(
            term=term,
            usehistory="y",
            retmax=0,
            datetype=str(self.option("datetype", "edat")),
            mindate=_ncbi_date(start),
            maxdate=_ncbi_date(end),
        )
        response = self.client.get(f"{EUTILS}/esearch.fcgi", params=params)
        return parse_esearch(response.content, redact_url(response.request.url))

    def windows(self, term: str, start: date, end: date) -> Iterator[tuple[SearchResult, date, date]]:
        """Searches of the window, split in halves while a search holds more than the history limit."""
        result = self.esearch(term, start, end)
        limit = int(self.option("max_count", MAX_HISTORY))  # type: ignore[call-overload]
        if result.count <= limit or start >= end:
            if result.count > limit:
                raise SourceError(
                    f"PubMed has {result.count} records for the single day {start}; efetch serves {limit}.",
                    hint="Narrow the topics in the sources file.",
                )
            yield result, start, end
            return
        for lo, hi in halves(start, end):
            yield from self.windows(term, lo, hi)

    def efetch(self, result: SearchResult, retstart: int, retmax: int) -> RawItem:
        params = self._params(
            query_key=result.query_key,
            WebEnv=result.webenv,
            retstart=retstart,
            retmax=retmax,
            retmode="xml",
        )
        response = self.client.get(f"{EUTILS}/efetch.fcgi", params=params)
        return RawItem(NAME, redact_url(response.request.url), response.content, PUBMED_XML)

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """efetch batches of every record indexed in the window (``limit``: records)."""
        start, end = self.window(since, until)
        batch = int(self.option("batch_size", 200))  # type: ignore[call-overload]
        wanted = limit if limit is not None else float("inf")
        searches = [w for w in self.windows(build_term(self.config), start, end) if w[0].count]
        for number, (result, _, _) in enumerate(searches):
            total = int(min(result.count, wanted))
            for retstart in range(0, total, batch):
                item = self.efetch(result, retstart, min(batch, total - retstart))
                if number == len(searches) - 1 and retstart + batch >= total:
                    self.tracker.mark_final(item)
                yield item
            wanted -= total
            if wanted <= 0:
                return

    def parse_all(self, item: RawItem) -> tuple[list[Article], list[ParseError]]:
        """Records of one efetch batch, parsed as a stream; one bad record does not stop the batch."""
        if item.content_type != PUBMED_XML:
            return super().parse_all(item)
        articles, errors = parse_pubmed_stream(item.payload, item.request)
        return [_with_source(a) for a in articles], errors


def _with_source(article: Article) -> Article:
    article.source = NAME
    return article
