"""What every source provides: raw items to archive, and a parser from raw item to Articles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from pipeline.domain import Article
from pipeline.registry import Registry
from pipeline.settings import Settings


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


SOURCES: Registry[type] = Registry("source", "pipeline.sources")


def make_source(name: str, settings: Settings) -> Source:
    return SOURCES.get(name)(settings)  # type: ignore[no-any-return]
