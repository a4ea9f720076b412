"""Commands that run the Prefect flows: nightly, backfill, redraft, deploy, serve-flows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from pipeline.cli.base import (
    _check_backend,
    _fail,
    _overrides,
    _settings,
    app,
    console,
    literal,
    progress_bar,
)
from pipeline.errors import PlainsciError
from pipeline.flows import prefect_environment
from pipeline.flows.report import skipped_line
from pipeline.settings import Settings


def print_summary(result: dict[str, Any]) -> None:
    table = Table(title=f"nightly run {result['run_id']}: {result['status']}")
    table.add_column("measure")
    table.add_column("count", justify="right")
    for key, value in result["summary"].items():
        table.add_row(key, str(value))
    console.print(table)
    skipped = skipped_line(result["summary"])
    if skipped:
        console.print(skipped, soft_wrap=True, markup=False)
    for e in result["errors"]:
        console.print(
            Text.assemble(
                (literal(e["stage"]), "yellow"), " ", f"{literal(e['record'])}: {literal(e['reason'])}"
            ),
            soft_wrap=True,
        )


def _flow_settings() -> Settings:
    """The settings of a flow command, its backend built once to check it (an unknown backend,
    model or prompt set ends the command with its one-line error before Prefect starts), and
    Prefect's environment set from them."""
    try:
        settings = _settings()
        _check_backend(settings)
    except PlainsciError as exc:
        _fail(exc)
    prefect_environment(settings)
    return settings


def _check_before_flow(settings: Settings, fixed: dict[str, float], cpu: dict[str, float]) -> None:
    """A clear error before the flow starts if the backend or the store is unusable, each check
    timed into ``fixed`` (wall clock) and ``cpu`` (this process's CPU) on its own line: building the
    backend imports its drafter (the composer's modules and spaCy, which the draft stage needs
    anyway); opening the store checks its schema and migrates a new one. The flow's tasks in this
    process reuse this store, so its schema is checked (and a new store migrated) once."""
    from pipeline.runtime import get_store
    from pipeline.warm import timed

    timed(fixed, "backend check", lambda: _check_backend(settings), cpu)
    timed(fixed, "store check", lambda: get_store(settings), cpu)


def _load_for_nightly(
    settings: Settings, fixed: dict[str, float], cpu: dict[str, float], dask_address: str | None
) -> None:
    """Import the flow and its stages and load their models, timed into ``fixed`` (wall clock)
    and ``cpu`` (this process's CPU; the run report lists both): this happens while Prefect's
    temporary server (a :class:`~pipeline.flows.PrefectStart` spawned before the backend and
    store checks) boots in its own process."""
    import time

    start, start_cpu = time.perf_counter(), time.process_time()
    import pipeline.flows.nightly  # noqa: F401 - imported here to time it

    fixed["imports"] = time.perf_counter() - start
    cpu["imports"] = time.process_time() - start_cpu
    if not (dask_address or settings.dask_address or settings.task_runner == "dask"):
        # the stages run in this process: load their models once here (Dask workers load their own)
        from pipeline.warm import warm

        loads: dict[str, float] = {}
        fixed.update(
            {f"load models: {k}": v for k, v in warm(settings, ("enrich", "draft", "score"), loads).items()}
        )
        cpu.update({f"load models: {k}": v for k, v in loads.items()})


@app.command()
def nightly(
    force: Annotated[bool, typer.Option(help="Draft again even when the cache has the draft.")] = False,
    retry_failed: Annotated[
        bool,
        typer.Option(help="Draft again the articles whose draft failed before with the same inputs."),
    ] = False,
    samples_dir: Annotated[Path | None, typer.Option(help="Folder the `files` source reads.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    dask_address: Annotated[
        str | None, typer.Option(help="Draft on this Dask scheduler (tcp://host:8786).")
    ] = None,
) -> None:
    """Run the nightly flow once (fetch, enrich, draft, score, queue) and print its summary."""
    import time

    from pipeline.flows import PrefectStart

    try:
        settings = _settings(samples_dir=samples_dir)
    except PlainsciError as exc:
        _fail(exc)
    prefect_environment(settings)
    server = PrefectStart()  # first: Prefect's server boots while the checks below run
    try:
        from pipeline.warm import loading

        with loading():  # no garbage collection until the models are loaded, then they are frozen
            fixed: dict[str, float] = {}
            cpu: dict[str, float] = {}
            _check_before_flow(settings, fixed, cpu)
            _load_for_nightly(settings, fixed, cpu, dask_address)
        start_cpu = time.process_time()
        fixed["Prefect server start (waited for)"] = server.wait()
        cpu["Prefect server start (waited for)"] = time.process_time() - start_cpu
        from pipeline.flows.nightly import run_nightly

        with server.run_settings():
            result = run_nightly(
                settings,
                force=force,
                dask_address=dask_address,
                fixed_costs=fixed,
                fixed_cpu=cpu,
                retry_failed=retry_failed,
            )
    except PlainsciError as exc:
        server.stop()
        _fail(exc)
        return
    if as_json:
        console.print_json(json.dumps({k: v for k, v in result.items() if k != "report"}))
    else:
        print_summary(result)


@app.command()
def backfill(
    since: Annotated[str, typer.Option(help="Start date YYYY-MM-DD.")],
    until: Annotated[str | None, typer.Option(help="End date YYYY-MM-DD.")] = None,
    retry_failed: Annotated[
        bool,
        typer.Option(help="Draft again the articles whose draft failed before with the same inputs."),
    ] = False,
) -> None:
    """Run the pipeline over a date range; watermarks never move back."""
    settings = _flow_settings()
    try:
        from pipeline.flows.nightly import backfill as backfill_flow

        with progress_bar():
            result = backfill_flow(
                since=since, until=until, overrides=_overrides(settings), retry_failed=retry_failed
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    print_summary(result)


@app.command()
def redraft(
    items: Annotated[list[int], typer.Argument(help="Review item ids.")],
    backend: Annotated[str | None, typer.Option()] = None,
    model: Annotated[str | None, typer.Option()] = None,
    prompt: Annotated[str | None, typer.Option()] = None,
) -> None:
    """New draft versions of ITEMS with another backend, model or prompt (old versions stay)."""
    try:
        settings = _settings()
        _check_backend(settings, name=backend, model=model, prompt=prompt)
        prefect_environment(settings)
        from pipeline.flows.nightly import redraft as redraft_flow

        with progress_bar():
            result = redraft_flow(
                item_ids=items, backend=backend, model=model, prompt=prompt, overrides=_overrides(settings)
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    print_summary(result)


@app.command()
def deploy(
    work_pool: Annotated[str, typer.Option(help="Prefect work pool a worker polls.")] = "plainsci",
) -> None:
    """Register nightly (cron from settings), backfill and redraft with the Prefect server."""
    from pipeline.flows.deploy import deploy as deploy_flows
    from pipeline.flows.deploy import schedule

    settings = _flow_settings()
    ids = deploy_flows(settings, work_pool)
    console.print(f"deployed {len(ids)} flows to pool {work_pool!r}; nightly schedule {schedule(settings)}")


@app.command("serve-flows")
def serve_flows() -> None:
    """Serve the scheduled deployments from this machine (no worker or work pool needed)."""
    from pipeline.flows.deploy import schedule
    from pipeline.flows.deploy import serve_flows as serve_all

    settings = _flow_settings()
    console.print(f"serving nightly on {schedule(settings)}; backfill and redraft on demand")
    serve_all(settings)
