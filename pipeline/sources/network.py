"""What every network source shares: settings, the one HTTP client, the sources file, watermarks."""

from __future__ import annotations

from datetime import date

from pipeline.domain import Article
from pipeline.settings import Settings
from pipeline.sources.base import PayloadParsing, RawItem
from pipeline.sources.config import SourcesConfig, load_sources_config
from pipeline.sources.http import HttpClient, make_client
from pipeline.sources.parsers.common import MIB
from pipeline.sources.watermarks import WindowWatermark


class NetworkSource(PayloadParsing):
    """Base of the API sources: parse with the format parsers, watermark per committed window.

    Building one touches neither the network nor the sources file: the client and the config are
    made on first use, so ``reparse`` can parse archived payloads with a bare instance.
    """

    name = "network"

    def __init__(
        self, settings: Settings, client: HttpClient | None = None, config: SourcesConfig | None = None
    ) -> None:
        self.settings = settings
        self.max_decompressed = settings.max_decompressed_mb * MIB
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

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        """Newest article date of the window, once its last page is committed (else None)."""
        return self.tracker.observe(item, articles)
