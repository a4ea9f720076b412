"""Round 21 (h21speed): once the shared spaCy pipeline multiplies with numpy's BLAS
(``numpy_gemm``), numpy's OpenBLAS multiplies on the calling thread only. Its default, a thread
per core, busy-waited on the second core in the small run (gdb: ``inner_thread`` of
``blas_thread_server``, 16 s of CPU beside the stages' 21 s); a thread count the environment sets
is left as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.enrich.nlp import _BLAS_THREAD_VARIABLES, _openblas_setter

REPO = Path(__file__).resolve().parents[2]

# a fresh process: the threads OpenBLAS has before and after the shared pipeline's switch to numpy
_PROBE = """
import ctypes, json, pathlib
import numpy, spacy
from pipeline.enrich.nlp import numpy_gemm
libs = pathlib.Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
lib = ctypes.CDLL(str(sorted(libs.glob("libscipy_openblas*.so*"))[0]))
get = lib.scipy_openblas_get_num_threads64_
get.restype = ctypes.c_int
before = get()
numpy_gemm(spacy.blank("en"))
print(json.dumps([before, get()]))
"""


def _threads(**env: str) -> list[int]:
    clean = {k: v for k, v in os.environ.items() if k not in _BLAS_THREAD_VARIABLES}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env={**clean, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def _bundled_openblas() -> bool:
    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    return _openblas_setter() is not None and any(libs.glob("libscipy_openblas*.so*"))


needs_openblas = pytest.mark.skipif(not _bundled_openblas(), reason="numpy without its bundled OpenBLAS")


@needs_openblas
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core anyway")
def test_numpy_gemm_leaves_openblas_one_thread() -> None:
    before, after = _threads()
    assert before >= 2  # OpenBLAS's default: a thread per core
    assert after == 1


@needs_openblas
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core anyway")
def test_a_thread_count_the_environment_sets_is_kept() -> None:
    before, after = _threads(OPENBLAS_NUM_THREADS="2")
    assert before == after == 2
