"""What every `plainsci` command shares: the Typer app, the consoles, settings and error output."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from pipeline.errors import PlainsciError
from pipeline.settings import Settings, load_settings

app = typer.Typer(
    help="plainsci: plain-language drafts of new research, scored and queued for review.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)


def _settings(**overrides: Any) -> Settings:
    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def _overrides(settings: Settings) -> dict[str, Any]:
    return {k: v for k, v in settings.model_dump(mode="json").items() if v is not None}


def literal(value: object) -> str:
    """``value`` as text with every non-printable character escaped repr-style (ESC -> ``\\x1b``).

    Stored strings (file names, records, reasons) come from outside: printed as they are, an ESC
    sequence would restyle or rewrite the terminal. Print the result inside a ``Text`` so that
    Rich markup in it (``[bold]``) is shown, not applied.
    """
    text = str(value)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def plain(*parts: object, style: str | None = None) -> Text:
    """Literal text (no markup, control characters escaped) from ``parts`` joined by spaces."""
    return Text(" ".join(literal(p) for p in parts), style=style or "")


def _check_backend(settings: Settings, **options: Any) -> None:
    """An unknown backend, model alias or prompt set is one clear error before any work starts."""
    from pipeline.draft.base import make_backend

    make_backend(settings, **{k: v for k, v in options.items() if v})


def _fail(exc: PlainsciError) -> NoReturn:
    # One line however wide the terminal (soft_wrap), literal (file names may hold markup or ESC)
    err.print(Text.assemble(("error:", "bold red"), " ", literal(exc)), soft_wrap=True)
    raise typer.Exit(1)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False) -> None:
    from pipeline.logs import configure_logging

    configure_logging(logging.INFO if verbose else logging.WARNING)  # lines carry run=… article=…


@contextmanager
def progress_bar() -> Iterator[None]:
    """A progress bar on stderr per stage that reports progress (pipeline.logs.progress) inside."""
    from rich.progress import Progress, TaskID

    from pipeline.logs import progress_to

    lock = threading.Lock()  # flows report from their task threads
    tasks: dict[str, TaskID] = {}

    with Progress(console=err, transient=True) as bar:

        def show(stage: str, done: int, total: int | None) -> None:
            with lock:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

        with progress_to(show):
            yield
