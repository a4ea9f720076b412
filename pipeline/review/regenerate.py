"""Regenerate an item's draft with another backend, model or prompt set, in a background thread.

The thread runs the stage functions, as the nightly flow does (enrich if the article has no
facts yet, draft with force, score, point the item at the newest model draft); the draft page
shows "regenerating…" while the job runs and its error if it fails. The backends offered are the
draft registry's, in its plain words (``pipeline.draft.base.backend_info``; one that needs a
model only when a model is installed), the models the installed ones of ``list_models`` (the
settings' models file), the prompt sets those of ``pipeline.draft.prompts``.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.errors import RegenerationError
from pipeline.settings import Settings
from pipeline.store import models
from pipeline.store.db import Store
from pipeline.store.queries.drafts import draft_ids_of

log = logging.getLogger(__name__)

# Looking for weights (models dir, Hugging Face cache) takes seconds: the answer is kept a while.
INSTALLED_TTL_S = 120.0
_installed: dict[tuple[str, str], tuple[float, list[tuple[str, str]]]] = {}
_installed_lock = threading.Lock()


def installed_models(settings: Settings) -> list[tuple[str, str]]:
    """(alias, plain label) of the models.yaml entries whose weights are on this machine."""
    from pipeline.draft.models import list_models
    from pipeline.errors import PlainsciError

    key = (str(settings.models_file), str(settings.models_dir))
    now = time.monotonic()
    with _installed_lock:
        cached = _installed.get(key)
        if cached and now - cached[0] < INSTALLED_TTL_S:
            return cached[1]
    try:
        found = [m for m in list_models(settings) if m.path is not None]
    except PlainsciError:
        found = []
    value = [
        (m.spec.alias, f"{m.spec.alias}: {m.spec.notes}" if m.spec.notes else m.spec.alias) for m in found
    ]
    with _installed_lock:
        _installed[key] = (now, value)
    return value


def backend_choices(settings: Settings) -> list[tuple[str, str]]:
    """(name, plain label) of the registered backends that can run here (``backend_info``): a
    backend that needs a model is offered only when one is installed."""
    from pipeline.draft.base import backend_info, backend_names

    has_model = bool(installed_models(settings))
    infos = [(name, backend_info(name)) for name in backend_names()]
    return [(name, info.label) for name, info in infos if has_model or not info.needs_model]


@dataclass
class Job:
    item_id: int
    actor: str
    options: dict[str, str]
    started: datetime = field(default_factory=models.utcnow)
    state: str = "running"  # running | done | failed
    error: str | None = None
    result: dict[str, Any] = field(default_factory=dict)


def prompt_sets(settings: Settings) -> list[str]:
    """Names of the prompt sets the language-model backend can use (pipeline.draft.prompts)."""
    from pipeline.draft.prompts import prompt_set_names

    return prompt_set_names(Path(settings.prompts_dir))


def backend_options(backend: str, model: str, prompt: str, settings: Settings) -> dict[str, str]:
    """Validated options for make_backend; RegenerationError names what is wrong."""
    offered = [name for name, _ in backend_choices(settings)]
    if backend not in offered:
        raise RegenerationError(
            f"The backend {backend!r} cannot run here; use one of {', '.join(offered)}"
            " (a model backend needs a model installed with `plainsci models pull ALIAS`)."
        )
    from pipeline.draft.base import backend_info

    opts = {"name": backend}
    if backend_info(backend).needs_model:
        installed = [alias for alias, _ in installed_models(settings)]
        if model and model not in installed:
            raise RegenerationError(
                f"The model {model!r} is not installed here; installed: {', '.join(installed) or 'none'}."
            )
        if prompt and prompt not in prompt_sets(settings):
            raise RegenerationError(f"Unknown prompt set {prompt!r}; see prompts/sets/.")
        opts.update({k: v for k, v in {"model": model, "prompt": prompt}.items() if v})
    return opts


def run_regeneration(store: Store, settings: Settings, job: Job, article_id: int) -> None:
    """Draft (forced), score the new drafts, point the item at the newest one; record the outcome."""
    from pipeline.draft.base import make_backend
    from pipeline.stages.draft import run_draft
    from pipeline.stages.queue import point_items_at_latest
    from pipeline.stages.score import run_score

    try:
        opts = dict(job.options)
        backend = make_backend(settings, opts.pop("name"), **opts)
        ensure_facts(store, article_id)
        drafted = run_draft(store, backend, force=True, ids=[article_id])
        if drafted.get("draft_failed"):
            raise RegenerationError(
                "; ".join(f["reason"] for f in drafted.get("failures", [])) or "drafting failed"
            )
        scored = run_score(store, ids=article_draft_ids(store, article_id), settings=settings)
        if scored.get("score_failed"):
            raise RegenerationError("; ".join(f["reason"] for f in scored["failures"]))
        moved = point_items_at_latest(store, [job.item_id], job.actor, settings)
        job.result = {"drafted": drafted.get("drafted", 0), "scored": scored.get("scored", 0), **moved}
        job.state = "done"
    except Exception as exc:  # noqa: BLE001 - shown to the editor on the draft page
        log.exception("regeneration of item %s failed", job.item_id)
        reason = exc.message if isinstance(exc, RegenerationError) else f"{type(exc).__name__}: {exc}"
        job.state, job.error = "failed", reason


def ensure_facts(store: Store, article_id: int) -> None:
    """Drafting needs the article's facts: extract them first if enrichment has not run yet."""
    from pipeline.stages.enrich import run_enrich

    with store.session() as s:
        has_facts = s.get(models.ArticleFacts, article_id) is not None
    if not has_facts:
        done = run_enrich(store, ids=[article_id])
        if done["enrich_failed"]:
            raise RegenerationError("; ".join(f["reason"] for f in done["failures"]))


def article_draft_ids(store: Store, article_id: int) -> list[int]:
    with store.session() as s:
        return draft_ids_of(s, article_id)


class Jobs:
    """The regeneration jobs of this process, one per item at a time."""

    def __init__(self) -> None:
        self._jobs: dict[int, Job] = {}
        self._lock = threading.Lock()

    def get(self, item_id: int) -> Job | None:
        with self._lock:
            return self._jobs.get(item_id)

    def start(self, store: Store, settings: Settings, job: Job, article_id: int) -> bool:
        """Start ``job`` unless one is already running for the item."""
        with self._lock:
            current = self._jobs.get(job.item_id)
            if current is not None and current.state == "running":
                return False
            self._jobs[job.item_id] = job
        thread = threading.Thread(
            target=run_regeneration,
            args=(store, settings, job, article_id),
            name=f"regen-{job.item_id}",
            daemon=True,
        )
        thread.start()
        return True
