"""Per-process handles built from settings: the store (one engine per database URL)."""

from __future__ import annotations

import threading

from pipeline.settings import Settings
from pipeline.store.db import Store

_stores: dict[str, Store] = {}
_lock = threading.Lock()


def get_store(settings: Settings) -> Store:
    """One Store per database URL per process (task workers reuse it)."""
    with _lock:
        store = _stores.get(settings.db_url)
        if store is None:
            store = _stores[settings.db_url] = Store(settings)
        return store


def reset() -> None:
    with _lock:
        for store in _stores.values():
            store.dispose()
        _stores.clear()
