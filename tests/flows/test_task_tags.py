"""The flows' tasks carry no Prefect tags.

Prefect's task engine asks the API for a concurrency slot of every tag of a task run before the
task starts (tag concurrency limits), through a service thread per tag set; in the small nightly
run that round trip was 0.2 s per task and 2.3 s before the score task on a loaded machine (round
13, h13speed: the score stage's wait of round 12). plainsci bounds its stages' concurrency with
PLAINSCI_MAX_WORKERS and the task runner, so no task names a tag.
"""

from __future__ import annotations

from prefect import Task

from pipeline.flows import nightly


def test_flow_tasks_have_no_tags() -> None:
    tasks = {v.name: v for v in vars(nightly).values() if isinstance(v, Task)}
    assert {"ingest", "enrich", "draft", "score", "queue"} <= set(tasks)
    assert {name: sorted(t.tags) for name, t in tasks.items() if t.tags} == {}
