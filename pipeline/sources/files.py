"""The `files` source: every raw file in the samples folder (the bundled BMC sample by default).

A file may be gzip-compressed (any format); it is decompressed with a cap on its expanded size
(``max_decompressed_mb``, PLAINSCI_MAX_DECOMPRESSED_MB): a larger one is quarantined by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.domain import Article
from pipeline.errors import ParseError, SourceError
from pipeline.settings import Settings
from pipeline.sources.base import SOURCES, PayloadParsing, RawItem
from pipeline.sources.parsers import detect_format
from pipeline.sources.parsers.common import MIB

NAME = "files"
# Documentation that lives beside the raw files and is not itself a record.
SKIP_NAMES = frozenset({"README.md", "PROVENANCE.md"})


def sample_files(root: Path) -> list[Path]:
    """Raw files under ``root`` in sorted order, without documentation or hidden files."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.name not in SKIP_NAMES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


@SOURCES.register(NAME)
class FilesSource(PayloadParsing):
    """Reads raw payloads from ``settings.samples_dir``; no network, no watermark."""

    name = NAME

    def __init__(self, settings: Settings) -> None:
        self.root = Path(settings.samples_dir)
        self.max_decompressed = settings.max_decompressed_mb * MIB

    def _check_root(self) -> None:
        """A clear SourceError when the samples folder is missing."""
        if not self.root.is_dir():
            raise SourceError(
                f"Samples folder {self.root} does not exist or is not a folder.",
                hint="Set PLAINSCI_SAMPLES_DIR to a folder of raw files, or restore data/samples from the repository.",
            )

    def fetch(
        self, since: str | None = None, until: str | None = None, limit: int | None = None
    ) -> Iterator[RawItem]:
        """Yield one RawItem per file (``since``/``until`` do not apply to a folder)."""
        self._check_root()
        for count, path in enumerate(sample_files(self.root)):
            if limit is not None and count >= limit:
                return
            request = path.relative_to(self.root).as_posix()
            payload = path.read_bytes()
            try:
                content_type: str | None = detect_format(payload, request)
            except ParseError:
                content_type = None  # archived as is; parse() reports why it cannot be read
            yield RawItem(source=NAME, request=request, payload=payload, content_type=content_type)

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        """Files carry no watermark."""
        return None
