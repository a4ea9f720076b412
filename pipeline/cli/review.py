"""Commands around the review app: serve it (creating the first admin), export the queued drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.base import _fail, _settings, app, console
from pipeline.errors import PlainsciError
from pipeline.settings import Settings


def first_admin(settings: Settings) -> str | None:
    """On a local install with no accounts yet, create `admin` with a random password and show it once."""
    import secrets

    from pipeline.review.users import add_user, list_users
    from pipeline.runtime import get_store

    store = get_store(settings)
    if settings.preset != "local" or list_users(store):
        return None
    password = secrets.token_urlsafe(12)
    add_user(store, "admin", "admin", password, actor="plainsci-first-run")
    console.print(
        "[bold]No accounts yet: created [cyan]admin[/] with password "
        f"[cyan]{password}[/][/] (shown once; change it with `plainsci users passwd admin`, "
        "add editors with `plainsci users add NAME --role editor`)."
    )
    return password


@app.command()
def serve(
    host: Annotated[str | None, typer.Option()] = None,
    port: Annotated[int | None, typer.Option()] = None,
) -> None:
    """Serve the review app (default http://127.0.0.1:8000)."""
    try:
        settings = _settings(host=host, port=port)
        from pipeline.review.app import serve as serve_app

        first_admin(settings)
        console.print(f"Review app on http://{settings.host}:{settings.port}  (Ctrl+C to stop)")
        console.print(f"Published site on http://{settings.host}:{settings.port}/site/")
        serve_app(settings)
    except PlainsciError as exc:
        _fail(exc)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="html, json or md")] = "html",
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("export"),
) -> None:
    """Write each queued item's current draft in the published page's layout and field order."""
    try:
        from pipeline.publish.render import export_drafts
        from pipeline.runtime import get_store

        settings = _settings()
        paths = export_drafts(get_store(settings), fmt, out, settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"wrote {len(paths)} file(s) to {out}")
