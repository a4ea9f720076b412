"""How the flows cut work into tasks: a batch's worth at least, about four tasks per worker."""

from __future__ import annotations

from pipeline.flows.nightly import CHUNK, chunk_size


def test_small_runs_stay_in_one_batch_sized_task() -> None:
    assert chunk_size(45, 2) == CHUNK == 64
    assert chunk_size(0, 2) == CHUNK


def test_large_runs_make_about_four_tasks_per_worker() -> None:
    size = chunk_size(5000, 2)
    assert size == 625 and -(-5000 // size) == 8
    assert chunk_size(5000, 0) == 1250  # a bad worker count still gives a valid size
