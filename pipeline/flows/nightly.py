"""Flows: nightly, backfill and redraft. Thin wiring of pipeline.stages; the store is the truth.

Tasks pass only small values (settings as a dict, ids, counts); no large result is kept by
Prefect. Drafting is split into chunks of article ids so that a Dask cluster (or threads)
can spread it; each chunk commits its drafts batch by batch, so a killed run loses nothing
and a rerun only does what is missing.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.task_runners import ThreadPoolTaskRunner
from sqlalchemy import select

from pipeline.draft.base import make_backend
from pipeline.errors import ConfigError, TransientSourceError
from pipeline.flows.report import markdown, summarize
from pipeline.runtime import get_store
from pipeline.settings import Settings, load_settings
from pipeline.sources.base import make_source
from pipeline.stages import draft as draft_stage
from pipeline.stages.enrich import pending_ids as enrich_pending
from pipeline.stages.enrich import run_enrich
from pipeline.stages.ingest import run_ingest
from pipeline.stages.queue import point_items_at_latest, run_queue
from pipeline.stages.score import pending as score_pending
from pipeline.stages.score import run_score
from pipeline.store import models as m

log = logging.getLogger(__name__)

CHUNK = 64  # fewest ids per task (a batch's worth)


def _retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry only errors worth retrying (rate limits, 5xx, timeouts)."""
    try:
        state.result()
    except TransientSourceError:
        return True
    except Exception:  # noqa: BLE001
        return False
    return False


def _settings(values: dict[str, Any]) -> Settings:
    return load_settings(**values)


# No task-level timeout: Prefect cannot interrupt a worker thread (it only warns); every source
# request has its own connect/read timeouts in pipeline.sources.http instead.
@task(
    name="ingest",
    retries=3,
    retry_delay_seconds=[5, 30, 120],
    retry_jitter_factor=0.5,
    retry_condition_fn=_retry_transient,
    tags=["ingest"],
    persist_result=False,
)
def ingest_task(
    values: dict[str, Any],
    source_name: str,
    run_id: int,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    settings = _settings(values)
    return run_ingest(
        get_store(settings), make_source(source_name, settings), run_id, since=since, until=until, limit=limit
    )


@task(name="plan-enrich", persist_result=False)
def plan_enrich_task(values: dict[str, Any]) -> list[int]:
    return enrich_pending(get_store(_settings(values)))


@task(name="enrich", persist_result=False, tags=["enrich"])
def enrich_task(values: dict[str, Any], run_id: int, ids: list[int]) -> dict[str, Any]:
    return run_enrich(get_store(_settings(values)), run_id, ids=ids)


@task(name="plan-draft", persist_result=False)
def plan_draft_task(
    values: dict[str, Any], force: bool, ids: list[int] | None, backend_options: dict[str, Any]
) -> list[int]:
    settings = _settings(values)
    backend = make_backend(settings, **backend_options)
    return draft_stage.pending(get_store(settings), backend, force=force, ids=ids)


@task(name="draft", persist_result=False, tags=["draft"])
def draft_task(
    values: dict[str, Any], run_id: int, ids: list[int], force: bool, backend_options: dict[str, Any]
) -> dict[str, Any]:
    settings = _settings(values)
    backend = make_backend(settings, **backend_options)
    return draft_stage.run_draft(
        get_store(settings), backend, run_id, batch_size=settings.draft_batch_size, force=force, ids=ids
    )


@task(name="plan-score", persist_result=False)
def plan_score_task(values: dict[str, Any]) -> list[int]:
    return sorted(score_pending(get_store(_settings(values))))


@task(name="score", persist_result=False, tags=["score"])
def score_task(values: dict[str, Any], run_id: int, ids: list[int]) -> dict[str, Any]:
    settings = _settings(values)
    return run_score(get_store(settings), run_id, ids=ids, settings=settings)


@task(name="queue", persist_result=False, tags=["queue"])
def queue_task(values: dict[str, Any], run_id: int) -> dict[str, Any]:
    settings = _settings(values)
    return run_queue(get_store(settings), settings, run_id)


def start_run(settings: Settings, flow_name: str) -> int:
    """Store a Run row; runs left 'running' by a killed process are marked 'crashed'.

    A run that stops with an error records 'failed' and the error itself (``fail_run``), so only
    a run whose process died without a word (SIGKILL, power loss) is left 'running'.
    """
    store = get_store(settings)
    with store.session() as s:
        for stale in s.scalars(select(m.Run).where(m.Run.status == "running")):
            stale.status = "crashed"
        wms = {w.source: w.value for w in s.scalars(select(m.Watermark))}
        run = m.Run(
            flow=flow_name,
            status="running",
            watermarks_before=wms,
            settings={
                "backend": settings.backend,
                "sources": settings.sources,
                "preset": settings.preset,
                "task_runner": settings.task_runner,
            },
        )
        s.add(run)
        s.flush()
        return run.id


def finish_run(settings: Settings, run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]) -> str:
    store = get_store(settings)
    status = "completed with failures" if errors else "completed"
    with store.session() as s:
        run = s.get(m.Run, run_id)
        assert run is not None
        run.counts, run.errors, run.status = counts, errors, status
        run.finished_at = m.utcnow()
        run.watermarks_after = {w.source: w.value for w in s.scalars(select(m.Watermark))}
    return status


def fail_run(
    settings: Settings,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    exc: BaseException,
    flow_name: str,
) -> None:
    """Record the run as 'failed' with the error that stopped it (and what it had done by then)."""
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    try:
        with get_store(settings).session() as s:
            run = s.get(m.Run, run_id)
            if run is None:
                return
            run.counts, run.status = counts, "failed"
            run.errors = [*errors, {"stage": "run", "record": flow_name, "reason": reason}]
            run.finished_at = m.utcnow()
            run.watermarks_after = {w.source: w.value for w in s.scalars(select(m.Watermark))}
    except Exception:  # noqa: BLE001 - the store itself may be what failed; the run stays 'running'
        log.exception("could not record run %s as failed", run_id)


def check_backend(settings: Settings, options: dict[str, Any] | None = None) -> None:
    """Build the drafting backend once, up front: an unknown backend, model alias or prompt set is
    a clear ConfigError before any work (building loads no weights)."""
    make_backend(settings, **(options or {}))


def _values(settings: Settings) -> dict[str, Any]:
    return {k: v for k, v in settings.model_dump(mode="json").items() if v is not None}


def _ingest_all(
    values: dict[str, Any],
    settings: Settings,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    since: str | None,
    until: str | None,
) -> None:
    t0 = time.perf_counter()
    task = ingest_task.with_options(
        retries=settings.task_retries, retry_delay_seconds=settings.task_retry_delays
    )
    futures = {name: task.submit(values, name, run_id, since, until) for name in settings.sources}
    for name, fut in futures.items():
        try:
            counts["sources"][name] = fut.result()
        except Exception as exc:  # noqa: BLE001 - a failing source never stops the others
            counts["sources"][name] = {"failed": 1}
            errors.append({"stage": "ingest", "record": name, "reason": f"{type(exc).__name__}: {exc}"})
    for name, c in counts["sources"].items():
        if c.get("quarantined"):
            errors.append(
                {"stage": "ingest", "record": name, "reason": f"{c['quarantined']} record(s) quarantined"}
            )
    counts["durations"]["ingest"] = time.perf_counter() - t0


def chunk_size(n: int, workers: int) -> int:
    """Ids per task: about four tasks per worker (each task costs Prefect bookkeeping), at least CHUNK."""
    return max(CHUNK, math.ceil(n / (4 * max(workers, 1))))


def _fan_out(
    stage: str,
    todo: list[int],
    submit: Any,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    t0: float,
    workers: int,
) -> None:
    """Run ``submit(chunk)`` for each chunk of ids in parallel, add up the counts, collect failures."""
    size = chunk_size(len(todo), workers)
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    futures = [submit(chunk) for chunk in chunks]
    total: dict[str, int] = {}
    for fut in futures:
        for key, value in fut.result().items():
            if key == "failures":
                errors.extend(
                    {"stage": stage, "record": f.get("doi") or f.get("article_id"), "reason": f["reason"]}
                    for f in value
                )
            elif isinstance(value, int):
                total[key] = total.get(key, 0) + value
    counts[stage] = total
    counts["durations"][stage] = time.perf_counter() - t0


def _enrich_all(
    values: dict[str, Any], run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    t0 = time.perf_counter()
    todo = plan_enrich_task(values)
    _fan_out(
        "enrich",
        todo,
        lambda chunk: enrich_task.submit(values, run_id, chunk),
        counts,
        errors,
        t0,
        values.get("max_workers", 2),
    )


def _score_all(
    values: dict[str, Any], run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    t0 = time.perf_counter()
    todo = plan_score_task(values)
    _fan_out(
        "score",
        todo,
        lambda chunk: score_task.submit(values, run_id, chunk),
        counts,
        errors,
        t0,
        values.get("max_workers", 2),
    )


def _draft_all(
    values: dict[str, Any],
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    *,
    force: bool = False,
    ids: list[int] | None = None,
    backend_options: dict[str, Any] | None = None,
) -> None:
    t0 = time.perf_counter()
    opts = backend_options or {}
    todo = plan_draft_task(values, force, ids, opts)
    _fan_out(
        "draft",
        todo,
        lambda chunk: draft_task.submit(values, run_id, chunk, force, opts),
        counts,
        errors,
        t0,
        values.get("max_workers", 2),
    )
    counts["draft"].setdefault("drafted", 0)


def _timed(stage: str, counts: dict[str, Any], fn: Any, *args: Any) -> None:
    t0 = time.perf_counter()
    counts[stage] = dict(fn(*args))
    counts["durations"][stage] = time.perf_counter() - t0


def _finish(
    settings: Settings, run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> dict[str, Any]:
    status = finish_run(settings, run_id, counts, errors)
    try:
        link = settings.public_address or "(set PLAINSCI_PUBLIC_URL)"
    except ConfigError as exc:  # a bad address must not hide the run's own outcome
        link = f"(invalid PLAINSCI_PUBLIC_URL: {exc.message})"
    report = markdown(run_id, status, counts, errors, link)
    try:
        create_markdown_artifact(
            key="plainsci-run-report", markdown=report, description=f"plainsci run {run_id}"
        )
    except Exception:  # noqa: BLE001 - the stored Run row is the record; the artifact is a convenience
        pass
    return {
        "run_id": run_id,
        "status": status,
        "summary": summarize(counts),
        "counts": counts,
        "errors": errors,
        "report": report,
    }


def _has_work(values: dict[str, Any], force: bool) -> bool:
    """Anything for enrich, draft or score to do? (New articles show up as enrich work.)"""
    settings = _settings(values)
    store = get_store(settings)
    if force or enrich_pending(store) or score_pending(store):
        return True
    return bool(draft_stage.pending(store, make_backend(settings), force=False))


@flow(name="process", persist_result=False)
def process(values: dict[str, Any], run_id: int, force: bool = False) -> dict[str, Any]:
    """The heavy stages, fanned out over the task runner: enrich -> draft -> score."""
    counts: dict[str, Any] = {"durations": {}}
    errors: list[dict[str, Any]] = []
    _enrich_all(values, run_id, counts, errors)
    _draft_all(values, run_id, counts, errors, force=force)
    _score_all(values, run_id, counts, errors)
    return {"counts": counts, "errors": errors}


def _pipeline(
    flow_name: str,
    overrides: dict[str, Any] | None,
    *,
    force: bool = False,
    since: str | None = None,
    until: str | None = None,
    fixed_costs: dict[str, float] | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    settings = load_settings(**(overrides or {}))
    values = _values(settings)
    run_id = start_run(settings, flow_name)
    counts: dict[str, Any] = {"sources": {}, "durations": {}, "fixed_costs": dict(fixed_costs or {})}
    errors: list[dict[str, Any]] = []
    try:
        check_backend(settings)
        _ingest_all(values, settings, run_id, counts, errors, since, until)
        # A Dask cluster costs seconds to start: only when there is work to spread over it.
        runner = (
            task_runner_for(settings) if _has_work(values, force) else ThreadPoolTaskRunner(max_workers=1)
        )
        # Prefect types task_runner invariantly (TaskRunner[PrefectFuture]); any runner works here.
        heavy = process.with_options(task_runner=runner)(values, run_id, force)  # type: ignore[arg-type]
        counts["durations"].update(heavy["counts"].pop("durations"))
        counts.update(heavy["counts"])
        errors.extend(heavy["errors"])
        _timed("queue", counts, queue_task, values, run_id)
        staged = sum(counts["durations"].values())
        # what the stages' own timers do not cover: Prefect's flow and task runs, starting the runner
        counts["fixed_costs"]["Prefect flow and task bookkeeping"] = time.perf_counter() - started - staged
    except BaseException as exc:  # recorded, then raised: the flow fails as it did
        fail_run(settings, run_id, counts, errors, exc, flow_name)
        raise
    return _finish(settings, run_id, counts, errors)


@flow(name="nightly", persist_result=False)
def nightly(
    overrides: dict[str, Any] | None = None,
    force: bool = False,
    fixed_costs: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Everything new since the watermarks: ingest -> enrich -> draft -> score -> queue -> report.

    ``fixed_costs``: seconds the caller spent before the flow (imports, model loads, waiting for
    Prefect's server), shown in the run report beside the stages."""
    return _pipeline("nightly", overrides, force=force, fixed_costs=fixed_costs)


@flow(name="backfill", persist_result=False)
def backfill(since: str, until: str | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The same stages over a date range; watermarks never move back."""
    return _pipeline("backfill", overrides, since=since, until=until)


@flow(name="redraft", persist_result=False)
def redraft(
    item_ids: list[int],
    backend: str | None = None,
    model: str | None = None,
    prompt: str | None = None,
    overrides: dict[str, Any] | None = None,
    actor: str = "plainsci-redraft",
) -> dict[str, Any]:
    """New draft versions for selected review items with another backend, model or prompt."""
    settings = load_settings(**(overrides or {}))
    values = _values(settings)
    run_id = start_run(settings, "redraft")
    counts: dict[str, Any] = {"sources": {}, "durations": {}}
    errors: list[dict[str, Any]] = []
    opts = {k: v for k, v in {"name": backend, "model": model, "prompt": prompt}.items() if v}
    try:
        check_backend(settings, opts)
        store = get_store(settings)
        with store.session() as s:
            article_ids = list(
                s.scalars(select(m.ReviewItem.article_id).where(m.ReviewItem.id.in_(item_ids)))
            )
        _draft_all(values, run_id, counts, errors, force=True, ids=article_ids, backend_options=opts)
        _score_all(values, run_id, counts, errors)
        counts["queue"] = point_items_at_latest(store, item_ids, actor, settings)
    except BaseException as exc:  # recorded, then raised: the flow fails as it did
        fail_run(settings, run_id, counts, errors, exc, "redraft")
        raise
    return _finish(settings, run_id, counts, errors)


def task_runner_for(settings: Settings) -> Any:
    """Threads by default; a Dask cluster (prefect-dask) to spread the heavy stages over machines."""
    if settings.task_runner == "dask" or settings.dask_address:
        from prefect_dask.task_runners import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": settings.max_workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            },
        )
    return ThreadPoolTaskRunner(
        max_workers=1 if settings.task_runner == "sequential" else settings.max_workers
    )


def run_nightly(
    settings: Settings,
    *,
    force: bool = False,
    dask_address: str | None = None,
    fixed_costs: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Run the nightly flow once; the heavy stages use the task runner the settings name."""
    if dask_address:
        settings = settings.model_copy(update={"dask_address": dask_address, "task_runner": "dask"})
    sources: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=max(len(settings.sources), 1))
    return nightly.with_options(task_runner=sources)(  # type: ignore[arg-type]  # as in _pipeline
        overrides=_values(settings), force=force, fixed_costs=fixed_costs
    )
