"""`plainsci db`: the database schema."""

from __future__ import annotations

from typing import Annotated

import typer

from pipeline.cli.base import _fail, _settings, console
from pipeline.errors import PlainsciError

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply schema migrations up to REVISION."""
    from pipeline.store.db import current_revision, redact, upgrade

    try:
        settings = _settings()
        engine = upgrade(settings, revision)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"{redact(settings.db_url)} at revision {current_revision(engine)}")
