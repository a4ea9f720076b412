"""Springer Nature Open Access API, JATS output, paged with ``s`` (1-based start) and ``p``.

The query names the journals' ISSNs (``issn:``) and the publication-date window (``datefrom:``/
``dateto:``, names configurable in the sources file). Paging goes on until ``result/total`` is
reached or a page comes back empty. The response echoes the API key in ``<apiKey>``; that value is
replaced by ``REDACTED`` before the payload is handed on, so no key is ever archived.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lxml import etree

from pipeline.errors import SourceError
from pipeline.sources.base import SOURCES, RawItem
from pipeline.sources.config import SourcesConfig
from pipeline.sources.http import REDACTED, redact_url
from pipeline.sources.network import NetworkSource
from pipeline.sources.parsers.detect import JATS_XML

NAME = "springer"
API_URL = "https://api.springernature.com/openaccess/jats"
_API_KEY_ELEMENT = re.compile(rb"(<apiKey>)[^<]*(</apiKey>)")


def redact_payload(payload: bytes) -> bytes:
    """The response with the echoed ``<apiKey>`` value replaced by REDACTED."""
    return _API_KEY_ELEMENT.sub(rb"\g<1>" + REDACTED.encode() + rb"\g<2>", payload)


def build_query(config: SourcesConfig, start: date, end: date, date_from: str, date_to: str) -> str:
    """``(issn:a OR issn:b) AND datefrom:YYYY-MM-DD AND dateto:YYYY-MM-DD``."""
    journals = " OR ".join(f"issn:{issn}" for issn in config.issns)
    window = f"{date_from}:{start.isoformat()} AND {date_to}:{end.isoformat()}"
    return f"({journals}) AND {window}" if journals else window


def page_info(payload: bytes) -> tuple[int | None, int]:
    """(result total, records on this page) of a response; (None, 0) when it cannot be read."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)
    try:
        root = etree.fromstring(payload, parser)
    except etree.XMLSyntaxError:
        return None, 0
    total = root.findtext("result/total")
    shown = root.findtext("result/recordsDisplayed")
    records = len(root.findall("records/article"))
    total_n = int(total) if total and total.strip().isdigit() else None
    return total_n, int(shown) if shown and shown.strip().isdigit() else records


@SOURCES.register(NAME)
class SpringerSource(NetworkSource):
    """Open-access JATS records of the journals in the sources file."""

    name = NAME

    def _api_key(self) -> str:
        key = self.settings.springer_api_key
        if not key:
            raise SourceError(
                "The springer source needs an API key.",
                hint="Set PLAINSCI_SPRINGER_API_KEY (free key at dev.springernature.com), or drop 'springer' from sources.",
            )
        return key

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """JATS pages of the window until the stated total is reached (``limit``: records)."""
        key = self._api_key()
        start, end = self.window(since, until)
        query = build_query(
            self.config,
            start,
            end,
            str(self.option("date_from", "datefrom")),
            str(self.option("date_to", "dateto")),
        )
        page = int(self.option("page_size", 20))  # type: ignore[call-overload]
        offset, seen = 1, 0
        while True:
            size = page if limit is None else max(1, min(page, limit - seen))
            response = self.client.get(API_URL, params={"q": query, "s": offset, "p": size, "api_key": key})
            payload = redact_payload(response.content)
            item = RawItem(NAME, redact_url(response.request.url), payload, JATS_XML)
            total, shown = page_info(payload)
            seen += shown
            done = shown == 0 or total is None or seen >= total or (limit is not None and seen >= limit)
            if done:
                self.tracker.mark_final(item)
            yield item
            if done:
                return
            offset += shown
