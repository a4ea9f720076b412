"""One exception hierarchy: every error the code raises for a person to read is a PlainsciError
with a code, and the lab helpers and the review app raise from it (with hints) too."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline import errors
from pipeline.errors import (
    ConflictError,
    LabError,
    NotAuthenticated,
    PlainsciError,
    ReviewError,
    TransitionError,
)
from pipeline.lab.compare import bootstrap_diff, paired_values
from pipeline.lab.grid import Variant, grid_variants, run_grid
from pipeline.lab.plots import metric_distributions
from pipeline.lab.sari import corpus_sari, sentence_sari
from pipeline.review.workflow import WorkflowError, find_transition
from pipeline.settings import REPO_ROOT


def test_every_error_class_is_a_plainsci_error_with_its_own_code() -> None:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__]
    assert all(issubclass(c, PlainsciError) for c in classes)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), sorted(codes)


def test_review_errors_are_part_of_the_hierarchy_with_their_http_status() -> None:
    with pytest.raises(WorkflowError) as refused:
        find_transition("publish", "new")
    err = refused.value
    assert isinstance(err, TransitionError) and isinstance(err, ReviewError)
    assert err.status_code == 409 and err.message.startswith("Cannot publish an item that is new")
    assert str(err).startswith("[E051] Cannot publish")
    signed_out = NotAuthenticated()
    assert isinstance(signed_out, ReviewError) and signed_out.status_code == 401 and signed_out.hint
    assert issubclass(ConflictError, ReviewError) and ConflictError.status_code == 409


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        [{"variant": v, "id": f"p{i}", "fkgl": 8.0 + i} for v in ("a", "b") for i in range(3)]
    )


BAD_CALLS: list[tuple[str, Callable[[], Any], str]] = [
    ("unknown variant", lambda: paired_values(_frame(), "a", "zz", "fkgl"), "Variant 'zz' is not in"),
    ("unknown metric", lambda: paired_values(_frame(), "a", "b", "rouge9"), "Metric 'rouge9' is not"),
    ("unpaired", lambda: bootstrap_diff([1.0, 2.0], [1.0]), "same length"),
    ("no resamples", lambda: bootstrap_diff([1.0], [1.0], n_boot=0), "n_boot must be at least 1"),
    ("confidence", lambda: bootstrap_diff([1.0], [1.0], confidence=95), "confidence must be between"),
    ("no reference", lambda: sentence_sari("a b", "a", []), "at least one reference"),
    ("lengths", lambda: corpus_sari(["a"], [], [["a"]]), "as many sources"),
    ("no items", lambda: corpus_sari([], [], []), "at least one item"),
    ("no metric", lambda: metric_distributions(_frame(), ["rouge9"]), "None of the requested metrics"),
    ("same names", lambda: grid_variants("extractive", models=["m", "m"]), "not unique"),
    ("no variants", lambda: run_grid([], [], None), "at least one variant"),  # type: ignore[arg-type]
    (
        "repeated variant",
        lambda: run_grid([Variant("x", "extractive"), Variant("x", "extractive")], [], None),  # type: ignore[arg-type]
        "must be unique",
    ),
]


@pytest.mark.parametrize(("case", "call", "message"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_lab_helpers_raise_lab_errors_with_a_hint(case: str, call: Callable[[], Any], message: str) -> None:
    with pytest.raises(LabError, match=message) as info:
        call()
    assert info.value.hint, case  # says what to pass instead
    assert isinstance(info.value, ValueError)  # notebooks that catch ValueError keep working


BUILTIN_ERRORS = frozenset({"Exception", "ValueError", "RuntimeError", "TypeError", "KeyError"})


def _bare_errors(package: Path) -> list[str]:
    """Where a module under ``package`` raises a built-in error or defines an error class outside
    the PlainsciError hierarchy (a class whose only base is a built-in error)."""
    found: list[str] = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                called = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(called, ast.Name) and called.id in BUILTIN_ERRORS:
                    found.append(f"{path}:{node.lineno} raise {called.id}")
            if isinstance(node, ast.ClassDef) and node.bases:
                bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
                if bases and all(b in BUILTIN_ERRORS for b in bases):
                    found.append(f"{path}:{node.lineno} class {node.name}({', '.join(bases)})")
    return found


@pytest.mark.parametrize("package", ["lab", "review"])
def test_lab_and_review_raise_only_plainsci_errors(package: str) -> None:
    assert _bare_errors(REPO_ROOT / "pipeline" / package) == []
