"""The `plainsci` command line: one module per command group, all on the one Typer ``app``.

base holds what the commands share; flows, review, stages, lab and status add their commands to
``app`` when imported, and db, users and models are sub-command groups.
"""

from __future__ import annotations

from pipeline.cli import flows, lab, review, stages, status
from pipeline.cli.base import app, literal, plain
from pipeline.cli.db import db_app
from pipeline.cli.flows import print_summary
from pipeline.cli.models import models_app
from pipeline.cli.users import users_app

# `plainsci --help` lists the commands in this order (the order a pipeline runs them in), whichever
# module defines them; the groups follow.
HELP_ORDER = (
    "nightly", "backfill", "redraft", "deploy", "serve-flows", "serve", "export", "ingest", "draft",
    "eval", "lexicon", "reparse", "crossref", "train", "runs", "quarantine", "sources",
)  # fmt: skip
app.registered_commands.sort(
    key=lambda c: HELP_ORDER.index(c.name or c.callback.__name__.replace("_", "-"))  # type: ignore[union-attr]
)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(models_app, name="models")

__all__ = ["app", "flows", "lab", "literal", "plain", "print_summary", "review", "run", "stages", "status"]


def run() -> None:  # pragma: no cover - console entry point used by `python -m pipeline`
    app()
