"""What every source provides: raw items to archive, and a parser from raw item to Articles."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.registry import Registry
from pipeline.settings import Settings
from pipeline.sources.parsers import parse_payload


@dataclass(frozen=True)
class RawItem:
    """One payload as fetched or read: archived byte for byte before it is parsed."""

    source: str
    request: str  # file name or request URL with secrets removed; named in every error
    payload: bytes
    content_type: str | None = None  # e.g. "europepmc_core_json", "jats", "pubmed_xml"


class Source(Protocol):
    name: str

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """Yield raw items newer than the watermark ``since``."""
        ...

    def parse(self, item: RawItem) -> list[Article]:
        """Turn one raw item into Articles; raise pipeline.errors.ParseError when it cannot."""
        ...

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        """The watermark value after this item has been committed (None: unchanged)."""
        ...


class PayloadParsing:
    """``parse_all`` and ``parse`` of a source whose payloads the format parsers read
    (``pipeline.sources.parsers``, decompressing at most ``max_decompressed`` bytes): every
    article is tagged with the source's ``name``."""

    name: str
    max_decompressed: int

    def parse_all(self, item: RawItem) -> tuple[list[Article], list[ParseError]]:
        """Good articles and per-record errors of one payload."""
        articles, errors = parse_payload(
            item.payload, item.request, item.content_type, max_decompressed=self.max_decompressed
        )
        return [dataclasses.replace(a, source=self.name) for a in articles], errors

    def parse(self, item: RawItem) -> list[Article]:
        """Articles of one payload; ParseError only when no record in it could be parsed."""
        articles, errors = self.parse_all(item)
        if errors and not articles:
            raise errors[0]
        return articles


SOURCES: Registry[type] = Registry("source", "pipeline.sources")


def make_source(name: str, settings: Settings) -> Source:
    return SOURCES.get(name)(settings)  # type: ignore[no-any-return]
