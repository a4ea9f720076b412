"""Commands that run one stage by hand: ingest, draft (with score and queue), reparse, crossref."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from pipeline.cli.base import _fail, _settings, app, console, progress_bar
from pipeline.errors import PlainsciError


@app.command()
def ingest(
    source: Annotated[str, typer.Option(help="Source name (see `plainsci sources`).")] = "files",
    since: Annotated[
        str | None, typer.Option(help="Start date (YYYY-MM-DD); default: the watermark.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="End date (YYYY-MM-DD).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N records.")] = None,
    dry_run: Annotated[bool, typer.Option(help="Parse and count; store nothing.")] = False,
) -> None:
    """Fetch one source into the store (no drafting)."""
    try:
        from pipeline.runtime import get_store
        from pipeline.sources.base import make_source
        from pipeline.stages.ingest import run_ingest

        settings = _settings()
        with progress_bar():
            counts = run_ingest(
                get_store(settings),
                make_source(source, settings),
                None,
                since=since,
                until=until,
                limit=limit,
                dry_run=dry_run,
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts))


@app.command()
def draft(
    backend: Annotated[str | None, typer.Option(help="Backend name (default: settings).")] = None,
    model: Annotated[str | None, typer.Option(help="Model alias from models/models.yaml.")] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt set or id.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N articles.")] = None,
    force: Annotated[bool, typer.Option(help="Make a new version even when cached.")] = False,
    retry_failed: Annotated[
        bool,
        typer.Option(help="Draft again the articles whose draft failed before with the same inputs."),
    ] = False,
) -> None:
    """Enrich and draft pending articles, then score and queue them."""
    try:
        from pipeline.draft.base import make_backend
        from pipeline.runtime import get_store
        from pipeline.stages.draft import run_draft
        from pipeline.stages.enrich import run_enrich
        from pipeline.stages.queue import run_queue
        from pipeline.stages.score import run_score

        settings = _settings(backend=backend, model=model)
        store = get_store(settings)
        options = {k: v for k, v in {"model": model, "prompt": prompt}.items() if v}
        be = make_backend(settings, backend, **options)
        with progress_bar():
            out: dict[str, Any] = {"enrich": run_enrich(store)}
            out["draft"] = run_draft(
                store,
                be,
                batch_size=settings.draft_batch_size,
                force=force,
                limit=limit,
                retry_failed=retry_failed,
            )
            out["score"] = run_score(store, settings=settings)
        out["queue"] = run_queue(store, settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(out, default=str))


@app.command()
def reparse(source: Annotated[str | None, typer.Option(help="Only this source's archive.")] = None) -> None:
    """Re-derive articles from the archived raw payloads with today's parsers (no network)."""
    try:
        from pipeline.runtime import get_store
        from pipeline.stages.reparse import run_reparse

        settings = _settings()
        with progress_bar():
            counts = run_reparse(get_store(settings), source=source, settings=settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts))


@app.command()
def crossref(limit: Annotated[int | None, typer.Option(help="At most N DOIs.")] = None) -> None:
    """Enrich stored DOIs from Crossref: licence, and retraction / update notices."""
    try:
        from pipeline.runtime import get_store
        from pipeline.stages.crossref import run_crossref_enrichment

        settings = _settings()
        with progress_bar():
            counts = run_crossref_enrichment(get_store(settings), settings, limit=limit)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts, default=str))
