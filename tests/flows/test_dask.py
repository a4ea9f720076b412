"""The DaskTaskRunner on a LocalCluster of 2 workers stores the same results as the default runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.store import models as m

pytestmark = pytest.mark.slow


def _stored(settings) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    from pipeline.runtime import get_store

    with get_store(settings).session() as s:
        rows = s.execute(
            select(m.Article.doi, m.Draft.fields, m.Draft.cache_key, m.ReviewItem.status)
            .join(m.Draft, m.Draft.article_id == m.Article.id)
            .join(m.ReviewItem, m.ReviewItem.draft_id == m.Draft.id)
        ).all()
        scores = s.execute(
            select(m.Article.doi, m.Score.field, m.Score.metric, m.Score.value)
            .join(m.Draft, m.Draft.id == m.Score.draft_id)
            .join(m.Article, m.Article.id == m.Draft.article_id)
        ).all()
    out: dict[str, tuple] = {doi: (fields, key, status) for doi, fields, key, status in rows}
    out["__scores__"] = tuple(sorted((d or "", f, mt, round(v or 0.0, 9)) for d, f, mt, v in scores))
    return out


def test_dask_local_cluster_gives_the_same_stored_results(prefect_harness, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.flows.nightly import run_nightly
    from pipeline.settings import load_settings

    threads = load_settings(data_dir=tmp_path / "threads")
    dask = load_settings(data_dir=tmp_path / "dask", task_runner="dask", max_workers=2)
    a = run_nightly(threads)
    b = run_nightly(dask)
    assert a["summary"] == b["summary"] and a["summary"]["drafted"] >= 30
    assert _stored(threads) == _stored(dask)
