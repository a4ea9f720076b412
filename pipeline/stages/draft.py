"""Draft stage: every draftable article gets a draft version from the configured backend.

The cache key is the article's content fingerprint + facts version + backend provenance
(model, revision, prompt id/version, params, the hash of the word lists): a key already stored
means nothing to do. A draft that failed on its own inputs (a DraftError such as the number check,
a bug the same abstract triggers again) is quarantined with its key, and a key that already
failed is skipped too (``skipped_failed``) until it changes or ``retry_failed`` asks for it;
failures of the whole batch or of the machine (out of memory, a model that would not load, I/O)
are tried again on the next run.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from pipeline.domain import Facts, fingerprint
from pipeline.draft.base import Backend
from pipeline.errors import ConfigError, ModelNotFound, PromptError, TransientSourceError
from pipeline.logs import log_context, progress
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.articles import articles_by_ids, draftable_fingerprints
from pipeline.store.queries.drafts import draft_cache_keys, failed_draft_keys
from pipeline.text.swaps import swap_records, use_editor_swaps

log = logging.getLogger(__name__)


def input_fingerprint(article: m.Article) -> str:
    facts = article.facts
    return fingerprint(article.fingerprint, facts.extractor_version if facts else None)


def check_prompts_frozen(store: Store, backend: Backend) -> None:
    """Refuse to draft when a prompt version that stored drafts used has changed on disk."""
    from pipeline.draft.prompts import recorded_prompt_hashes, verify_against_store

    if not recorded_prompt_hashes(backend.provenance.params):
        return
    settings = getattr(backend, "settings", None)
    with store.session() as s:
        verify_against_store(s, settings.prompts_dir if settings is not None else None)


@dataclass
class DraftPlan:
    """What the draft stage will do: ``todo`` to draft, ``skipped`` (article ids) whose current
    cache key already failed on its own inputs (kept in the quarantine with the error)."""

    todo: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)


def plan(
    store: Store,
    backend: Backend,
    *,
    force: bool = False,
    ids: list[int] | None = None,
    limit: int | None = None,
    retry_failed: bool = False,
) -> DraftPlan:
    """Draftable articles with facts whose cache key has no stored draft yet, less those whose
    key failed before (unless ``retry_failed`` or ``force``).

    The key includes the word lists the drafter swaps from, the admin-accepted editor swaps
    among them: those are loaded first, so the key is the one drafting will store."""
    with store.session() as s:
        use_editor_swaps(repo.accepted_learned_swaps(s))
    prov = backend.provenance
    with store.session() as s:
        rows = draftable_fingerprints(s, ids)
        have = draft_cache_keys(s, ids)
        failed = set() if force or retry_failed else failed_draft_keys(s, ids)
    out = DraftPlan()
    for aid, fp, ver in rows:
        key = prov.cache_key(fingerprint(fp, ver))
        if force or (aid, key) not in have:
            (out.skipped if (aid, key) in failed else out.todo).append(aid)
    if limit:
        out.todo = out.todo[:limit]
    return out


# failures of the machine, the model or the configuration, not of the article: the next run tries
# the article again (a configuration fixed on disk need not change the cache key)
NOT_THE_INPUT = (
    MemoryError,
    OSError,
    RuntimeError,
    TransientSourceError,
    ModelNotFound,
    PromptError,
    ConfigError,
)


def same_inputs_fail_again(result: Exception, results: list[Any]) -> bool:
    """Would this item's failure come back with the same cache key? Not when the exception is
    shared by several items of the batch (the batch or the model failed: ``draft_batch`` crashed,
    a model failed to load) or is of a kind that says the machine failed (NOT_THE_INPUT)."""
    if isinstance(result, NOT_THE_INPUT):
        return False
    return sum(r is result for r in results) == 1


def run_draft(
    store: Store,
    backend: Backend,
    run_id: int | None = None,
    *,
    batch_size: int = 8,
    force: bool = False,
    ids: list[int] | None = None,
    limit: int | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    """Draft pending articles in committed batches; a failure on one article is quarantined.

    Counts: ``drafted``, ``draft_failed`` and ``skipped_failed`` (articles not tried because
    their cache key failed before; ``retry_failed`` tries them)."""
    with log_context(run=run_id):
        return _draft_pending(
            store,
            backend,
            run_id,
            batch_size=batch_size,
            force=force,
            ids=ids,
            limit=limit,
            retry_failed=retry_failed,
        )


def _draft_pending(
    store: Store,
    backend: Backend,
    run_id: int | None,
    *,
    batch_size: int,
    force: bool,
    ids: list[int] | None,
    limit: int | None,
    retry_failed: bool,
) -> dict[str, Any]:
    check_prompts_frozen(store, backend)
    planned = plan(store, backend, force=force, ids=ids, limit=limit, retry_failed=retry_failed)
    todo = planned.todo
    counts = {"drafted": 0, "draft_failed": 0, "skipped_failed": len(planned.skipped)}
    failures: list[dict[str, Any]] = []
    prov = backend.provenance
    for start in range(0, len(todo), batch_size):
        chunk = todo[start : start + batch_size]
        with store.session() as s:
            rows = articles_by_ids(s, chunk)
            items = [(repo.to_domain(r), Facts.from_dict(r.facts.data)) for r in rows if r.facts]
            t0 = time.perf_counter()
            try:
                results: list[Any] = backend.draft_batch(items)
            except Exception as exc:  # noqa: BLE001 - a backend crash fails this batch's items, not the run
                results = [exc] * len(items)
            per_item_ms = (time.perf_counter() - t0) * 1000 / max(len(items), 1)
            for row, result in zip(rows, results, strict=True):
                if isinstance(result, Exception):
                    key = prov.cache_key(input_fingerprint(row))
                    again = same_inputs_fail_again(result, results)
                    failures.append(
                        repo.quarantine_article(
                            s, row, result, "draft", run_id, cache_key=key if again else None
                        )
                    )
                    counts["draft_failed"] += 1
                    with log_context(article=row.id):
                        log.warning("draft failed, quarantined: %s", failures[-1]["reason"])
                    continue
                ifp = input_fingerprint(row)
                s.add(
                    m.Draft(
                        article_id=row.id,
                        version=repo.next_draft_version(s, row.id),
                        fields=result.fields.to_dict(),
                        backend=prov.backend,
                        model_id=prov.model_id,
                        model_revision=prov.model_revision,
                        prompt_id=prov.prompt_id,
                        prompt_version=prov.prompt_version,
                        params=prov.params,
                        input_fingerprint=ifp,
                        cache_key=prov.cache_key(ifp),
                        warnings=list(result.warnings),
                        duration_ms=result.duration_ms if result.duration_ms is not None else per_item_ms,
                        swaps=swap_records(result.swaps, result.fields.to_dict()),
                    )
                )
                s.flush()
                counts["drafted"] += 1
        progress("draft", min(start + batch_size, len(todo)), len(todo))
    return {**counts, "failures": failures}
