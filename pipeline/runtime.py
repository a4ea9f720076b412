"""Per-process handles built from settings: the store (one engine per database URL) and the
drafting backend (one per settings, options and run)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from pipeline.settings import Settings
from pipeline.store.db import Store

if TYPE_CHECKING:
    from pipeline.draft.base import Backend

_stores: dict[str, Store] = {}
_backends: OrderedDict[str, Backend] = OrderedDict()
_lock = threading.Lock()
KEPT_BACKENDS = 4  # the newest few (a run's backend and a redraft's); older ones are let go


def get_store(settings: Settings) -> Store:
    """One Store per database URL per process (task workers reuse it)."""
    with _lock:
        store = _stores.get(settings.db_url)
        if store is None:
            store = _stores[settings.db_url] = Store(settings)
        return store


def get_backend(settings: Settings, run_id: int | None = None, **options: Any) -> Backend:
    """The drafting backend for these settings and options (``name``, ``model``, ``prompt``, ...),
    built once per process per run: a run's plan and draft tasks on one worker share it (and the
    model it loads), while the next run builds afresh and so reads edited prompts and models."""
    from pipeline.draft.base import make_backend

    key = json.dumps([settings.model_dump(mode="json"), options, run_id], sort_keys=True, default=str)
    with _lock:
        backend = _backends.get(key)
        if backend is None:
            backend = _backends[key] = make_backend(settings, **options)
            while len(_backends) > KEPT_BACKENDS:
                _backends.popitem(last=False)
        return backend


def reset() -> None:
    with _lock:
        for store in _stores.values():
            store.dispose()
        _stores.clear()
        _backends.clear()
