"""Deployments of the flows: a cron schedule from settings, served or sent to a work pool."""

from __future__ import annotations

from typing import Any

from pipeline.settings import Settings

WORK_POOL = "plainsci"


def schedule(settings: Settings) -> dict[str, Any]:
    """The nightly schedule: cron (default 02:00) in the configured timezone."""
    return {"cron": settings.schedule_cron, "timezone": settings.timezone}


def deployments(settings: Settings) -> list[Any]:
    """Runner deployments for `plainsci serve-flows` (one machine, no work pool needed)."""
    from prefect.schedules import Cron

    from pipeline.flows.nightly import backfill, nightly, redraft

    cron = Cron(settings.schedule_cron, timezone=settings.timezone)
    return [
        nightly.to_deployment(name="nightly", schedules=[cron], tags=["plainsci"]),
        backfill.to_deployment(name="backfill", tags=["plainsci"]),
        redraft.to_deployment(name="redraft", tags=["plainsci"]),
    ]


def serve_flows(settings: Settings) -> None:
    """Serve the deployments from this process until interrupted."""
    from prefect import serve

    serve(*deployments(settings))


def deploy(settings: Settings, work_pool: str = WORK_POOL) -> list[str]:
    """Register the deployments with the Prefect server for a worker on ``work_pool``."""
    from prefect import Flow
    from prefect.schedules import Cron

    from pipeline.flows.nightly import backfill, nightly, redraft

    ids = []
    source = str(__import__("pipeline").__file__).rsplit("/pipeline/", 1)[0]
    for fl, name, schedules in (
        (nightly, "nightly", [Cron(settings.schedule_cron, timezone=settings.timezone)]),
        (backfill, "backfill", None),
        (redraft, "redraft", None),
    ):
        remote = fl.from_source(source=source, entrypoint=f"pipeline/flows/nightly.py:{fl.fn.__name__}")
        if not isinstance(remote, Flow):  # from_source returns a coroutine only inside an event loop
            raise TypeError(
                f"Flow.from_source returned {type(remote).__name__}; call deploy_flows outside async code"
            )
        ids.append(
            str(
                remote.deploy(
                    name=name,
                    work_pool_name=work_pool,
                    schedules=schedules,
                    build=False,
                    push=False,
                    tags=["plainsci"],
                )
            )
        )
    return ids
