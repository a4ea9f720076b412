"""Every prompt-lab notebook runs top to bottom (small mode), and is committed without outputs."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SHARED_DATA = REPO.parent / "shared" / "data"
CELL_TIMEOUT_S = 240


@pytest.mark.skipif(
    not (SHARED_DATA / "cochrane_val" / "pairs.jsonl").exists(),
    reason="../shared/data/cochrane_val is not present",
)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The kernel inherits this environment: small runs, offline models, a throwaway HF cache.
    monkeypatch.setenv("PLAINSCI_NB_SMALL", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    book = nbformat.read(path, as_version=4)
    # kernel_name "python3" is the native ipykernel: jupyter_client starts it with sys.executable (this venv).
    client = NotebookClient(
        book,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    client.execute()
    print(f"{path.name}: {time.perf_counter() - started:.1f}s")
    errors = [
        o
        for c in book.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert not errors


def test_notebooks_have_no_outputs() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "check_notebooks.py")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(NOTEBOOKS) == 4


def test_parameters_cell_is_tagged() -> None:
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        tagged = [c for c in book.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        assert book.metadata["kernelspec"]["name"] == "python3"
