"""Flows: nightly, backfill and redraft. Thin wiring of pipeline.stages; the store is the truth.

The flow builds one Settings object from its ``overrides`` and hands that same object to every
task (no task re-reads the config file); each worker builds the drafting backend once per run
(``pipeline.runtime.get_backend``). Tasks return only small values (ids, counts); no large
result is kept by Prefect. Drafting is split into chunks of article ids so that a Dask cluster (or threads)
can spread it; each chunk commits its drafts batch by batch, so a killed run loses nothing
and a rerun only does what is missing.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.errors import ConfigError, TransientSourceError
from pipeline.flows.report import markdown, summarize
from pipeline.runtime import get_backend, get_store
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
from pipeline.store import repo

log = logging.getLogger(__name__)

CHUNK = 64  # fewest ids per task (a batch's worth)

# what each enrich/draft/score task spent in itself, wherever it ran (a Dask worker's CPU is not
# this process's): its thread's CPU and its wall clock, added up per stage by _fan_out
TASK_CPU, TASK_WALL = "task_cpu_s", "task_wall_s"


def _measured(fn: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> dict[str, Any]:
    t0, c0 = time.perf_counter(), time.thread_time()
    out = fn(*args, **kwargs)
    return {**out, TASK_CPU: time.thread_time() - c0, TASK_WALL: time.perf_counter() - t0}


def _retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry only errors worth retrying (rate limits, 5xx, timeouts)."""
    try:
        state.result()
    except TransientSourceError:
        return True
    except Exception:  # noqa: BLE001
        return False
    return False


# No tags on the tasks: Prefect asks its server for a concurrency slot of every tag of every task
# run before the task starts (tag concurrency limits), a round trip through a new service thread
# that the small nightly run waited on for 0.2 s per task and 2.3 s before the score task on a
# loaded machine (its "score stage waits" of round 12); plainsci bounds its stages' concurrency
# with PLAINSCI_MAX_WORKERS and the task runner instead.
# No task-level timeout: Prefect cannot interrupt a worker thread (it only warns); every source
# request has its own connect/read timeouts in pipeline.sources.http instead.
@task(
    name="ingest",
    retries=3,
    retry_delay_seconds=[5, 30, 120],
    retry_jitter_factor=0.5,
    retry_condition_fn=_retry_transient,
    persist_result=False,
)
def ingest_task(
    settings: Settings,
    source_name: str,
    run_id: int,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    return run_ingest(
        get_store(settings), make_source(source_name, settings), run_id, since=since, until=until, limit=limit
    )


@task(name="plan-enrich", persist_result=False)
def plan_enrich_task(settings: Settings) -> list[int]:
    return enrich_pending(get_store(settings))


@task(name="enrich", persist_result=False)
def enrich_task(settings: Settings, run_id: int, ids: list[int]) -> dict[str, Any]:
    return _measured(run_enrich, get_store(settings), run_id, ids=ids)


@task(name="plan-draft", persist_result=False)
def plan_draft_task(
    settings: Settings,
    run_id: int,
    force: bool,
    ids: list[int] | None,
    backend_options: dict[str, Any],
    retry_failed: bool = False,
) -> dict[str, list[int]]:
    """The ids to draft (``todo``) and those skipped because their inputs failed before."""
    backend = get_backend(settings, run_id, **backend_options)
    planned = draft_stage.plan(get_store(settings), backend, force=force, ids=ids, retry_failed=retry_failed)
    return {"todo": planned.todo, "skipped": planned.skipped}


@task(name="draft", persist_result=False)
def draft_task(
    settings: Settings,
    run_id: int,
    ids: list[int],
    force: bool,
    backend_options: dict[str, Any],
    retry_failed: bool = False,
) -> dict[str, Any]:
    t0, c0 = time.perf_counter(), time.thread_time()
    backend = get_backend(settings, run_id, **backend_options)
    counts = draft_stage.run_draft(
        get_store(settings),
        backend,
        run_id,
        batch_size=settings.draft_batch_size,
        force=force,
        ids=ids,
        retry_failed=retry_failed,
    )
    # the chunk's ids were planned already: the flow counts the skipped ones once, from the plan
    counts.pop("skipped_failed", None)
    return {**counts, TASK_CPU: time.thread_time() - c0, TASK_WALL: time.perf_counter() - t0}


@task(name="plan-score", persist_result=False)
def plan_score_task(settings: Settings) -> list[int]:
    return sorted(score_pending(get_store(settings)))


@task(name="score", persist_result=False)
def score_task(settings: Settings, run_id: int, ids: list[int]) -> dict[str, Any]:
    return _measured(run_score, get_store(settings), run_id, ids=ids, settings=settings)


@task(name="queue", persist_result=False)
def queue_task(settings: Settings, run_id: int) -> dict[str, Any]:
    return run_queue(get_store(settings), settings, run_id)


def start_run(settings: Settings, flow_name: str) -> int:
    """Store a Run row with the run's effective settings (secrets redacted); runs left 'running'
    by a killed process are marked 'crashed'.

    A run that stops with an error records 'failed' and the error itself (``fail_run``), so only
    a run whose process died without a word (SIGKILL, power loss) is left 'running'.
    """
    with get_store(settings).session() as s:
        return repo.open_run(s, flow_name, settings.redacted()).id


def finish_run(
    settings: Settings, run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> tuple[str, dict[str, Any]]:
    """Record the run's outcome; its status and its recorded settings (for the report)."""
    store = get_store(settings)
    status = "completed with failures" if errors else "completed"
    with store.session() as s:
        run = s.get(m.Run, run_id)
        assert run is not None
        repo.close_run(s, run, status, counts, errors)
        return status, dict(run.settings or {})


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
            stopped = {"stage": "run", "record": flow_name, "reason": reason}
            repo.close_run(s, run, "failed", counts, [*errors, stopped])
    except Exception:  # noqa: BLE001 - the store itself may be what failed; the run stays 'running'
        log.exception("could not record run %s as failed", run_id)


def check_backend(settings: Settings, run_id: int, options: dict[str, Any] | None = None) -> None:
    """Build the drafting backend up front and record what it drafts with on the Run row
    (``settings["drafting"]``: backend, model and revision, prompt set or templates and version,
    spaCy model, word-list hash). An unknown backend, model alias or prompt set is a clear
    ConfigError before any work (building loads no weights). The run's tasks in this process
    reuse the backend (``get_backend``)."""
    provenance = asdict(get_backend(settings, run_id, **(options or {})).provenance)
    with get_store(settings).session() as s:
        run = s.get(m.Run, run_id)
        assert run is not None
        run.settings = {**(run.settings or {}), "drafting": provenance}


def _values(settings: Settings) -> dict[str, Any]:
    return {k: v for k, v in settings.model_dump(mode="json").items() if v is not None}


def _ingest_all(
    settings: Settings,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    since: str | None,
    until: str | None,
) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    task = ingest_task.with_options(
        retries=settings.task_retries, retry_delay_seconds=settings.task_retry_delays
    )
    futures = {name: task.submit(settings, name, run_id, since, until) for name in settings.sources}
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
    counts["cpu"]["ingest"] = time.process_time() - c0


def chunk_size(n: int, workers: int) -> int:
    """Ids per task: about four tasks per worker (each task costs Prefect bookkeeping), at least CHUNK."""
    return max(CHUNK, math.ceil(n / (4 * max(workers, 1))))


def _fan_out(
    stage: str,
    settings: Settings,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    todo: list[int] | None,
    plan: Callable[[], list[int]],
    submit: Callable[[list[int]], Any],
) -> None:
    """Run ``submit(chunk)`` for each chunk of ``todo`` (``plan()`` when None) in parallel, add
    up the counts under ``counts[stage]``, collect failures and the stage's duration (wall clock
    in ``counts["durations"]``, this process's CPU in ``counts["cpu"]``: all its threads) and what
    its tasks spent in themselves, wherever they ran (``counts["tasks"]``: their number, CPU and
    wall seconds added up, the longest task's wall clock): on a Dask cluster the stage's CPU is
    the workers', not this process's."""
    t0, c0 = time.perf_counter(), time.process_time()
    if todo is None:
        todo = plan()
    size = chunk_size(len(todo), settings.max_workers)
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    futures = [submit(chunk) for chunk in chunks]
    total: dict[str, int] = {}
    tasks = {"n": len(futures), "cpu_s": 0.0, "wall_s": 0.0, "longest_s": 0.0}
    for fut in futures:
        for key, value in fut.result().items():
            if key == TASK_CPU:
                tasks["cpu_s"] += value
            elif key == TASK_WALL:
                tasks["wall_s"] += value
                tasks["longest_s"] = max(tasks["longest_s"], value)
            elif key == "failures":
                errors.extend(
                    {"stage": stage, "record": f.get("doi") or f.get("article_id"), "reason": f["reason"]}
                    for f in value
                )
            elif isinstance(value, int):
                total[key] = total.get(key, 0) + value
    counts[stage] = total
    counts.setdefault("tasks", {})[stage] = tasks
    counts["durations"][stage] = time.perf_counter() - t0
    counts["cpu"][stage] = time.process_time() - c0


def _run_chunks(
    stage: str,
    plan_task: Callable[[Settings], list[int]],
    stage_task: Any,
    settings: Settings,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    todo: list[int] | None = None,
) -> None:
    """Enrich or score ``todo`` (``plan_task`` plans it when None) with ``stage_task`` per chunk."""
    _fan_out(
        stage,
        settings,
        counts,
        errors,
        todo,
        lambda: plan_task(settings),
        lambda chunk: stage_task.submit(settings, run_id, chunk),
    )


def _draft_all(
    settings: Settings,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    *,
    force: bool = False,
    ids: list[int] | None = None,
    backend_options: dict[str, Any] | None = None,
    todo: list[int] | None = None,
    skipped: list[int] | None = None,
    retry_failed: bool = False,
) -> None:
    """Draft ``todo`` (planned here when None; ``skipped``: the ids that plan left out because
    their inputs failed before, counted as ``skipped_failed``)."""
    opts = backend_options or {}
    left_out = list(skipped or [])

    def planned() -> list[int]:
        p = plan_draft_task(settings, run_id, force, ids, opts, retry_failed)
        left_out.extend(p["skipped"])
        return p["todo"]

    _fan_out(
        "draft",
        settings,
        counts,
        errors,
        todo,
        planned,
        lambda chunk: draft_task.submit(settings, run_id, chunk, force, opts, retry_failed),
    )
    counts["draft"].setdefault("drafted", 0)
    counts["draft"]["skipped_failed"] = len(left_out)


def _timed(stage: str, counts: dict[str, Any], fn: Any, *args: Any) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    counts[stage] = dict(fn(*args))
    counts["durations"][stage] = time.perf_counter() - t0
    counts["cpu"][stage] = time.process_time() - c0


def _finish(
    settings: Settings, run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> dict[str, Any]:
    status, recorded = finish_run(settings, run_id, counts, errors)
    try:
        link = settings.public_address or "(set PLAINSCI_PUBLIC_URL)"
    except ConfigError as exc:  # a bad address must not hide the run's own outcome
        link = f"(invalid PLAINSCI_PUBLIC_URL: {exc.message})"
    report = markdown(run_id, status, counts, errors, link, recorded)
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


def plan_work(
    settings: Settings, run_id: int, force: bool, retry_failed: bool = False
) -> dict[str, list[int]]:
    """The ids each heavy stage will work on, as far as they are known before the stages run,
    each list computed once: enrich's always (new articles show up as enrich work); draft's when
    nothing is to enrich (so no new facts can change it) and not forced, with ``draft_skipped``
    (not work: the articles whose inputs failed before); score's when nothing is to draft either.
    A stage missing here plans its own list when it starts."""
    store = get_store(settings)
    work = {"enrich": enrich_pending(store)}
    if force or work["enrich"]:
        return work
    planned = draft_stage.plan(store, get_backend(settings, run_id), force=False, retry_failed=retry_failed)
    work["draft"], work["draft_skipped"] = planned.todo, planned.skipped
    if work["draft"]:
        return work
    work["score"] = sorted(score_pending(store))
    return work


def _has_work(work: dict[str, list[int]], force: bool) -> bool:
    """Anything for enrich, draft or score to do? (``plan_work`` stops at the first stage with
    work, so a stage it did not plan comes after one that has work; skipped ids are no work.)"""
    return force or any(ids for stage, ids in work.items() if stage != "draft_skipped")


@flow(name="process", persist_result=False)
def process(
    settings: Settings,
    run_id: int,
    force: bool = False,
    work: dict[str, list[int]] | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    """The heavy stages, fanned out over the task runner: enrich -> draft -> score (``work``:
    the ids already planned, from :func:`plan_work`)."""
    work = work or {}
    counts: dict[str, Any] = {"durations": {}, "cpu": {}}
    errors: list[dict[str, Any]] = []
    _run_chunks("enrich", plan_enrich_task, enrich_task, settings, run_id, counts, errors, work.get("enrich"))
    _draft_all(
        settings,
        run_id,
        counts,
        errors,
        force=force,
        todo=work.get("draft"),
        skipped=work.get("draft_skipped"),
        retry_failed=retry_failed,
    )
    _run_chunks("score", plan_score_task, score_task, settings, run_id, counts, errors, work.get("score"))
    return {"counts": counts, "errors": errors}


def _pipeline(
    flow_name: str,
    overrides: dict[str, Any] | None,
    *,
    force: bool = False,
    since: str | None = None,
    until: str | None = None,
    fixed_costs: dict[str, float] | None = None,
    fixed_cpu: dict[str, float] | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    started, started_cpu = time.perf_counter(), time.process_time()
    settings = load_settings(**(overrides or {}))
    run_id = start_run(settings, flow_name)
    counts: dict[str, Any] = {
        "sources": {},
        "durations": {},
        "cpu": {},
        "fixed_costs": dict(fixed_costs or {}),
        "fixed_cpu": dict(fixed_cpu or {}),
    }
    errors: list[dict[str, Any]] = []
    try:
        check_backend(settings, run_id)
        _ingest_all(settings, run_id, counts, errors, since, until)
        work = plan_work(settings, run_id, force, retry_failed)
        # A Dask cluster costs seconds to start: only when there is work to spread over it.
        runner = task_runner_for(settings) if _has_work(work, force) else ThreadPoolTaskRunner(max_workers=1)
        # Prefect types task_runner invariantly (TaskRunner[PrefectFuture]); any runner works here.
        heavy = process.with_options(task_runner=runner)(settings, run_id, force, work, retry_failed)  # type: ignore[arg-type]
        counts["durations"].update(heavy["counts"].pop("durations"))
        counts["cpu"].update(heavy["counts"].pop("cpu"))
        counts.setdefault("tasks", {}).update(heavy["counts"].pop("tasks", {}))
        counts.update(heavy["counts"])
        errors.extend(heavy["errors"])
        _timed("queue", counts, queue_task, settings, run_id)
        staged = sum(counts["durations"].values())
        # what the stages' own timers do not cover: Prefect's flow and task runs, starting the runner
        counts["fixed_costs"]["Prefect flow and task bookkeeping"] = time.perf_counter() - started - staged
        counts["fixed_cpu"]["Prefect flow and task bookkeeping"] = (
            time.process_time() - started_cpu - sum(counts["cpu"].values())
        )
    except BaseException as exc:  # recorded, then raised: the flow fails as it did
        fail_run(settings, run_id, counts, errors, exc, flow_name)
        raise
    return _finish(settings, run_id, counts, errors)


@flow(name="nightly", persist_result=False)
def nightly(
    overrides: dict[str, Any] | None = None,
    force: bool = False,
    fixed_costs: dict[str, float] | None = None,
    fixed_cpu: dict[str, float] | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    """Everything new since the watermarks: ingest -> enrich -> draft -> score -> queue -> report.

    ``fixed_costs``: seconds the caller spent before the flow (imports, model loads, waiting for
    Prefect's server), shown in the run report beside the stages; ``fixed_cpu``: the CPU seconds
    of the same parts, shown beside them (on a loaded machine the wall clock says little).
    ``retry_failed``: draft again the articles whose draft failed before with the same inputs
    (by default they are skipped and counted as ``skipped_failed``)."""
    return _pipeline(
        "nightly",
        overrides,
        force=force,
        fixed_costs=fixed_costs,
        fixed_cpu=fixed_cpu,
        retry_failed=retry_failed,
    )


@flow(name="backfill", persist_result=False)
def backfill(
    since: str,
    until: str | None = None,
    overrides: dict[str, Any] | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    """The same stages over a date range; watermarks never move back."""
    return _pipeline("backfill", overrides, since=since, until=until, retry_failed=retry_failed)


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
    run_id = start_run(settings, "redraft")
    counts: dict[str, Any] = {"sources": {}, "durations": {}, "cpu": {}}
    errors: list[dict[str, Any]] = []
    opts = {k: v for k, v in {"name": backend, "model": model, "prompt": prompt}.items() if v}
    try:
        check_backend(settings, run_id, opts)
        store = get_store(settings)
        with store.session() as s:
            article_ids = repo.item_article_ids(s, item_ids)
        _draft_all(settings, run_id, counts, errors, force=True, ids=article_ids, backend_options=opts)
        _run_chunks("score", plan_score_task, score_task, settings, run_id, counts, errors)
        counts["queue"] = point_items_at_latest(store, item_ids, actor, settings)
    except BaseException as exc:  # recorded, then raised: the flow fails as it did
        fail_run(settings, run_id, counts, errors, exc, "redraft")
        raise
    return _finish(settings, run_id, counts, errors)


# Dask configuration of the LocalCluster's workers. Each worker samples its task thread's stack
# every 10 ms for the dashboard's profile (``distributed.worker.profile``): on the worker's event
# loop thread, so the task waits for the GIL while the sampler walks its stack (deep here: Prefect's
# engine, the stage, spaCy). plainsci starts its cluster without a dashboard and never reads the
# profile; a cluster reached by address is configured by whoever starts it (docs/operations.md).
WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}


def local_cluster(**kwargs: Any) -> Any:
    """A ``distributed.LocalCluster`` whose workers run with WORKER_CONFIG (each Nanny hands the
    configuration in force when it is made to its worker process)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(**kwargs)  # type: ignore[no-untyped-call]


def task_runner_for(settings: Settings) -> Any:
    """Threads by default; a Dask cluster (prefect-dask) to spread the heavy stages over machines."""
    if settings.task_runner == "dask" or settings.dask_address:
        from prefect_dask.task_runners import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(
            cluster_class=local_cluster,
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
    fixed_cpu: dict[str, float] | None = None,
    retry_failed: bool = False,
) -> dict[str, Any]:
    """Run the nightly flow once; the heavy stages use the task runner the settings name."""
    if dask_address:
        settings = settings.model_copy(update={"dask_address": dask_address, "task_runner": "dask"})
    sources: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=max(len(settings.sources), 1))
    return nightly.with_options(task_runner=sources)(  # type: ignore[arg-type]  # as in _pipeline
        overrides=_values(settings),
        force=force,
        fixed_costs=fixed_costs,
        fixed_cpu=fixed_cpu,
        retry_failed=retry_failed,
    )
