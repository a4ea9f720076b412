"""Watermarks of windowed sources: advanced only when a whole date window has been committed.

A window's pages come in no promised date order, so moving the watermark to the newest date of
page 3 while page 4 still holds older records would skip them if the run died in between. The
tracker therefore gathers the newest date of each committed page and hands it out only with the
window's final page; a run that dies mid-window leaves the watermark where it was, and the next
run fetches the window again (upserts make that a no-op).
"""

from __future__ import annotations

from datetime import date

from pipeline.domain import Article
from pipeline.sources.base import RawItem


class WindowWatermark:
    """Newest article date of a window, released with the window's last committed page."""

    def __init__(self) -> None:
        self._final: set[str] = set()
        self._newest: date | None = None
        self._cap: date | None = None

    def start(self, until: date) -> None:
        """A new window ending at ``until``: no article date beyond it moves the watermark."""
        self._newest, self._cap = None, until

    def mark_final(self, item: RawItem) -> None:
        self._final.add(item.request)

    def observe(self, item: RawItem, articles: list[Article]) -> str | None:
        """Record the committed page; the watermark (ISO date) when it closed the window."""
        dates = [a.published for a in articles if a.published]
        if self._cap is not None:
            dates = [min(d, self._cap) for d in dates]
        if dates:
            self._newest = max([*dates, *([self._newest] if self._newest else [])])
        if item.request not in self._final:
            return None
        self._final.discard(item.request)
        return self._newest.isoformat() if self._newest else None
