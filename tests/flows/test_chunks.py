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


class _Done:
    def __init__(self, value: dict) -> None:  # type: ignore[type-arg]
        self.value = value

    def result(self) -> dict:  # type: ignore[type-arg]
        return self.value


def test_each_stage_records_what_its_tasks_spent_wherever_they_ran() -> None:
    # On a Dask cluster a stage's CPU is spent in the workers, not in the flow's process: the
    # flow's own CPU (counts["cpu"]) said nothing about it. Each task now reports its thread's CPU
    # and its wall clock; the stage adds them up and keeps the longest task (the stage's tail).
    from pipeline.flows.nightly import TASK_CPU, TASK_WALL, _fan_out, _measured
    from pipeline.settings import load_settings

    spent = iter([(1.5, 2.0), (0.5, 3.0)])

    def submit(chunk: list[int]) -> _Done:
        cpu, wall = next(spent)
        return _Done({"enriched": len(chunk), "failures": [], TASK_CPU: cpu, TASK_WALL: wall})

    counts: dict = {"durations": {}, "cpu": {}}  # type: ignore[type-arg]
    errors: list = []  # type: ignore[type-arg]
    _fan_out("enrich", load_settings(max_workers=1), counts, errors, list(range(100)), list, submit)
    assert counts["enrich"] == {"enriched": 100}  # the task's own seconds are no count
    assert counts["tasks"]["enrich"] == {"n": 2, "cpu_s": 2.0, "wall_s": 5.0, "longest_s": 3.0}
    out = _measured(lambda n: {"enriched": n}, 3)
    assert out["enriched"] == 3 and out[TASK_CPU] >= 0 and out[TASK_WALL] >= 0


def test_the_local_cluster_workers_do_not_sample_their_stacks() -> None:
    # distributed's workers sample the running task's stack every 10 ms for the dashboard's
    # profile, on their event loop thread (GIL taken from the task); plainsci's LocalCluster has
    # no dashboard, so its workers run without it (checked with worker processes in round 17:
    # their periodic callbacks lose "profile" and "profile-cycle"; in-process here to stay quick)
    import dask

    from pipeline.flows.nightly import local_cluster

    with local_cluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        worker = next(iter(cluster.workers.values()))
        assert "profile" not in worker.periodic_callbacks
        assert "heartbeat" in worker.periodic_callbacks  # a worker all the same
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process's config untouched
