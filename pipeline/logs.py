"""Logs a person can follow: run and article context on every line, and stage progress.

``log_context(run=12, article=345)`` sets the context for the code inside it (a contextvar, so
threads started through Prefect's task runner, which copy the context, keep it); the
``ContextFilter`` that ``configure_logging`` puts on the handler writes it into each line as
``run=12 article=345`` (only what is known). Stages call ``progress(stage, done, total)`` as they
go; the CLI shows that as a progress bar (``progress_to``), and without a listener it costs a
contextvar lookup.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

CONTEXT_KEYS = ("run", "source", "article")
FORMAT = "%(asctime)s %(levelname)s %(name)s %(context)s%(message)s"

_context: ContextVar[dict[str, object] | None] = ContextVar("plainsci_log_context", default=None)
ProgressFn = Callable[[str, int, int | None], None]
_progress: ContextVar[ProgressFn | None] = ContextVar("plainsci_progress", default=None)


@contextmanager
def log_context(**values: object) -> Iterator[None]:
    """Add ``run``, ``source`` or ``article`` (None: unknown, left out) to the lines logged inside."""
    unknown = set(values) - set(CONTEXT_KEYS)
    if unknown:
        raise TypeError(f"log_context takes {', '.join(CONTEXT_KEYS)}, not {', '.join(sorted(unknown))}")
    merged = {**(_context.get() or {}), **{k: v for k, v in values.items() if v is not None}}
    token = _context.set(merged)
    try:
        yield
    finally:
        _context.reset(token)


def context_text() -> str:
    """The current context as ``run=12 article=345`` (keys in a fixed order), or ''."""
    ctx = _context.get() or {}
    return " ".join(f"{k}={ctx[k]}" for k in CONTEXT_KEYS if k in ctx)


class ContextFilter(logging.Filter):
    """Puts the context on each record: ``record.context`` ('run=12 article=345: ' or '') and
    ``record.run`` / ``record.source`` / ``record.article`` (None when unknown)."""

    def filter(self, record: logging.LogRecord) -> bool:
        ctx = _context.get() or {}
        text = context_text()
        record.context = f"{text}: " if text else ""
        for key in CONTEXT_KEYS:
            if not hasattr(record, key):
                setattr(record, key, ctx.get(key))
        return True


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record is logged (not when the handler was made)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def configure_logging(level: int = logging.WARNING) -> None:
    """Log to stderr with the context on every line (the CLI's setup)."""
    root = logging.getLogger()
    # One stderr handler of our own, added once; handlers others installed (a test's log capture,
    # Prefect's) are kept, not replaced.
    if not any(getattr(h, "plainsci", False) for h in root.handlers):
        ours = _Stderr()
        ours.setFormatter(logging.Formatter(FORMAT))
        ours.plainsci = True  # type: ignore[attr-defined]
        root.addHandler(ours)
    root.setLevel(level)
    for handler in root.handlers:
        if not any(isinstance(f, ContextFilter) for f in handler.filters):
            handler.addFilter(ContextFilter())


def progress(stage: str, done: int, total: int | None = None) -> None:
    """Report that ``stage`` has done ``done`` of ``total`` units (None: not known yet)."""
    listener = _progress.get()
    if listener is not None:
        listener(stage, done, total)


@contextmanager
def progress_to(listener: ProgressFn) -> Iterator[None]:
    """Send the progress of the stages run inside to ``listener``."""
    token = _progress.set(listener)
    try:
        yield
    finally:
        _progress.reset(token)
