"""What every network source shares: settings, the one HTTP client, the sources file, watermarks."""

from __future__ import annotations

import dataclasses
from datetime import date

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.settings import Settings
from pipeline.sources.base import RawItem
from pipeline.sources.config import SourcesConfig, load_sources_config
from pipeline.sources.http import HttpClient, make_client
from pipeline.sources.parsers import parse_payload
from pipeline.sources.parsers.common import MIB
from pipeline.sources.watermarks import WindowWatermark


class NetworkSource:
    """Base of the API sources: parse with the format parsers, watermark per committed window.

    Building one touches neither the network nor the sources file: the client and the config are
    made on first use, so ``reparse`` can parse archived payloads with a bare instance.
    """

    name = "network"

    def __init__(
        self, settings: Settings, client: HttpClient | None = None, config: SourcesConfig | None = None
    ) -> None:
        self.settings = settings
        self._client = client
        self._config = config
        self.tracker = WindowWatermark()

    @property
    def client(self) -> HttpClient:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    @property
    def config(self) -> SourcesConfig:
        if self._config is None:
            self._config = load_sources_config(self.settings)
        return self._config

    def option(self, key: str, default: object) -> object:
        return self.config.option(self.name, key, default)

    def window(self, since: str | None, until: str | None) -> tuple[date, date]:
        start, end = self.config.window(since, until)
        self.tracker.start(end)
        return start, end

    def parse_all(self, item: RawItem) -> tuple[list[Article], list[ParseError]]:
        """Good articles and per-record errors of one page, tagged with this source's name."""
        articles, errors = parse_payload(
            item.payload,
            item.request,
            item.content_type,
            max_decompressed=self.settings.max_decompressed_mb * MIB,
        )
        return [dataclasses.replace(a, source=self.name) for a in articles], errors

    def parse(self, item: RawItem) -> list[Article]:
        """Articles of one page; ParseError only when no record in it could be parsed."""
        articles, errors = self.parse_all(item)
        if errors and not articles:
            raise errors[0]
        return articles

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        """Newest article date of the window, once its last page is committed (else None)."""
        return self.tracker.observe(item, articles)
