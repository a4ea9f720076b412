"""`plainsci models`: local seq2seq models (models/models.yaml)."""

from __future__ import annotations

from typing import Annotated

import typer

from pipeline.cli.base import _fail, _settings, console
from pipeline.errors import PlainsciError

models_app = typer.Typer(help="Local seq2seq models (models/models.yaml).", no_args_is_help=True)


@models_app.command("list")
def models_list() -> None:
    """Every model alias, and whether its weights are in place."""
    from pipeline.draft.models import list_models

    try:
        statuses = list_models(_settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    for status in statuses:
        where = (
            str(status.path) if status.path else "missing (plainsci models pull " + status.spec.alias + ")"
        )
        console.print(f"{status.spec.alias}\t{status.spec.family}\t{where}")


@models_app.command("pull")
def models_pull(alias: Annotated[str, typer.Argument()]) -> None:
    """Download ALIAS's weights into models/ (the only command that downloads)."""
    from pipeline.draft.models import pull

    try:
        path = pull(alias, _settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"{alias} is in {path}")


@models_app.command("convert")
def models_convert(
    alias: Annotated[str, typer.Argument()],
    quantization: Annotated[str, typer.Option(help="CTranslate2 quantization.")] = "int8",
    force: Annotated[bool, typer.Option()] = False,
) -> None:
    """Convert ALIAS to CTranslate2 (faster CPU runtime: --backend seq2seq with runtime ct2)."""
    from pipeline.draft.ct2 import convert_alias

    try:
        path = convert_alias(alias, _settings(), quantization=quantization, force=force)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"converted {alias} to {path}")
