"""Reading the drafting's YAML files (models.yaml, prompt front matter, prompt sets) so that a
syntax error names its line: the one place that turns a YAML error into a line number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml


def read_yaml(
    text: str,
    error: Callable[[int, str], Exception],
    *,
    first_line: int = 1,
    what: str = "not valid YAML",
) -> tuple[Any, yaml.Node | None]:
    """The data of ``text`` and its node tree (for the lines of keys). A syntax error raises
    ``error(line, "<what>: <problem>")``, the line counted from ``first_line`` (the file line
    where ``text`` starts)."""
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(line, f"{what}: {problem}") from exc
