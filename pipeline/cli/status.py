"""Commands that show what the store holds: recent runs, quarantined records, sources' watermarks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from pipeline.cli.base import _fail, _settings, app, console, literal, plain
from pipeline.errors import PlainsciError

if TYPE_CHECKING:
    from pipeline.store.db import Store


def _store() -> Store:
    """The settings' store, or a one-line error when it cannot be opened."""
    from pipeline.runtime import get_store

    try:
        return get_store(_settings())
    except PlainsciError as exc:
        _fail(exc)


@app.command()
def runs(
    limit: Annotated[int, typer.Option(help="How many recent runs.")] = 10,
    show: Annotated[
        int | None, typer.Option(help="Print this run's report and every setting it ran with.")
    ] = None,
) -> None:
    """List recent runs with their counts (or one run's report and settings with --show ID)."""
    from pipeline.flows.report import markdown, summarize
    from pipeline.store import models as m
    from pipeline.store import repo

    store = _store()
    if show is not None:
        with store.session() as s:
            run = s.get(m.Run, show)
            if run is None:
                _fail(PlainsciError(f"No run {show}.", hint="`plainsci runs` lists the recent runs."))
            recorded = dict(run.settings or {})
            report = markdown(run.id, run.status, run.counts or {}, run.errors or [], "-", recorded)
        console.print(plain(report), soft_wrap=True)
        console.print_json(json.dumps(recorded, default=str))
        return
    table = Table(title="recent runs")
    cols = ("id", "flow", "started", "status", "backend", "new", "quarantined", "drafted", "queued", "errors")
    for col in cols:
        table.add_column(col)
    with store.session() as s:
        for r in repo.recent_runs(s, limit):
            tot = summarize(r.counts or {})
            table.add_row(
                str(r.id),
                plain(r.flow),
                f"{r.started_at:%Y-%m-%d %H:%M}",
                plain(r.status),
                plain(*(v for k in ("backend", "model") if (v := (r.settings or {}).get(k)))),
                str(tot["new"]),
                str(tot["quarantined"]),
                str(tot["drafted"]),
                str(tot["queued"]),
                str(len(r.errors or [])),
            )
    console.print(table)


@app.command()
def quarantine(limit: Annotated[int, typer.Option()] = 50) -> None:
    """List quarantined records with their reasons."""
    from pipeline.store import repo

    store = _store()
    with store.session() as s:
        for q in repo.recent_quarantine(s, limit):
            console.print(
                plain(
                    f"{q.created_at:%Y-%m-%d %H:%M}",
                    f"[{literal(q.stage)}]",
                    f"{literal(q.source)}:{literal(q.record)}",
                    "—",
                    q.reason,
                ),
                soft_wrap=True,
            )


@app.command()
def sources() -> None:
    """List registered sources and their watermarks."""
    from pipeline.sources.base import SOURCES
    from pipeline.store import repo

    store = _store()
    with store.session() as s:
        for name in SOURCES.names():
            wm = repo.watermark(s, name)
            console.print(Text(f"{name}\twatermark={literal(wm) if wm else '-'}"))
