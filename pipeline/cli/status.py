"""Commands that show what the store holds: recent runs, quarantined records, sources' watermarks."""

from __future__ import annotations

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
def runs(limit: Annotated[int, typer.Option(help="How many recent runs.")] = 10) -> None:
    """List recent runs with their counts."""
    from pipeline.flows.report import summarize
    from pipeline.store import repo

    store = _store()
    table = Table(title="recent runs")
    for col in ("id", "flow", "started", "status", "new", "quarantined", "drafted", "queued", "errors"):
        table.add_column(col)
    with store.session() as s:
        for r in repo.recent_runs(s, limit):
            tot = summarize(r.counts or {})
            table.add_row(
                str(r.id),
                plain(r.flow),
                f"{r.started_at:%Y-%m-%d %H:%M}",
                plain(r.status),
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
    import pipeline.sources  # noqa: F401
    from pipeline.sources.base import SOURCES
    from pipeline.store import repo

    store = _store()
    with store.session() as s:
        for name in SOURCES.names():
            wm = repo.watermark(s, name)
            console.print(Text(f"{name}\twatermark={literal(wm) if wm else '-'}"))
