"""The nightly stages on the bundled sample give the drafts and scores recorded in
tests/golden/sample_run.json: a refactor that changes a draft, a score or a gate fails here.

A change to drafts or scores made on purpose (a new composer rule, a new metric version) bumps
its version and records the new snapshot in the same commit:

    make golden        # PLAINSCI_UPDATE_GOLDEN=1 pytest tests/stages/test_sample_golden.py

The snapshot is what the nightly run stores, read back from the store: per article the drafted
fields, swaps and warnings, every score (rounded to 4 places) with its flags, and the review
item's gate, flag count and priority. Ids and timestamps are left out (they differ per run).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pipeline.draft.base import make_backend
from pipeline.settings import REPO_ROOT
from pipeline.sources.base import make_source
from pipeline.stages import draft as draft_stage
from pipeline.stages.enrich import run_enrich
from pipeline.stages.ingest import run_ingest
from pipeline.stages.queue import run_queue
from pipeline.stages.score import run_score
from pipeline.store import models as m
from pipeline.store.db import Store

GOLDEN = REPO_ROOT / "tests" / "golden" / "sample_run.json"
UPDATING = os.environ.get("PLAINSCI_UPDATE_GOLDEN") == "1"  # read at import: tests run without PLAINSCI_*
UPDATE = "make golden  (or PLAINSCI_UPDATE_GOLDEN=1 pytest tests/stages/test_sample_golden.py)"


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def _flag(field: str, flag: dict[str, Any]) -> str:
    """One line per flag; the quoted source text is left out (the span locates it)."""
    src = flag.get("source_span") or {}
    where = f"{src.get('section')}:{src.get('start')}-{src.get('end')}" if src else "-"
    return f"{field} {flag.get('metric')} {flag.get('severity')} {flag.get('draft_span')} {where} {flag.get('reason')}"


def snapshot(store: Store) -> dict[str, Any]:
    """What the nightly run stored, keyed by the article's source id, in a stable order."""
    out: dict[str, Any] = {}
    with store.session() as s:
        for art in s.scalars(select(m.Article).order_by(m.Article.source_id)):
            drafts = s.scalars(select(m.Draft).where(m.Draft.article_id == art.id).order_by(m.Draft.id)).all()
            item = s.scalars(select(m.ReviewItem).where(m.ReviewItem.article_id == art.id)).first()
            out[art.source_id] = {
                "drafts": [
                    {
                        "backend": d.backend,
                        "prompt": f"{d.prompt_id}@{d.prompt_version}",
                        "fields": d.fields,
                        "swaps": d.swaps,
                        "warnings": d.warnings,
                        "scores": {
                            f"{sc.field} {sc.metric}@{sc.metric_version}": sc.value for sc in d.scores
                        },
                        "flags": sorted(_flag(sc.field, f) for sc in d.scores for f in (sc.flags or [])),
                    }
                    for d in drafts
                ],
                "review": None
                if item is None
                else {"gate_failed": item.gate_failed, "flags": item.flag_count, "priority": item.priority},
            }
    return _round(json.loads(json.dumps(out, sort_keys=True, default=str)))


def _diff(old: dict[str, Any], new: dict[str, Any], limit: int = 5) -> list[str]:
    lines = [f"article only in the snapshot: {k}" for k in sorted(old.keys() - new.keys())]
    lines += [f"article only in this run: {k}" for k in sorted(new.keys() - old.keys())]
    for key in sorted(old.keys() & new.keys()):
        if old[key] == new[key]:
            continue
        for part in ("review", "drafts"):
            if old[key][part] != new[key][part]:
                a = json.dumps(old[key][part], sort_keys=True)
                b = json.dumps(new[key][part], sort_keys=True)
                at = next(
                    (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
                )
                lines.append(f"{key} {part}: snapshot …{a[max(0, at - 80) : at + 80]}…")
                lines.append(f"{' ' * len(key)} {part}: this run …{b[max(0, at - 80) : at + 80]}…")
    return lines[: 2 * limit] + ([f"… and more ({len(lines)} lines)"] if len(lines) > 2 * limit else [])


def test_nightly_stages_on_the_sample_give_the_recorded_drafts_and_scores(settings) -> None:  # type: ignore[no-untyped-def]
    store = Store(settings)  # SQLite: the snapshot is about what the stages compute, not the database
    run_ingest(store, make_source("files", settings))
    run_enrich(store)
    draft_stage.run_draft(store, make_backend(settings), batch_size=settings.draft_batch_size)
    run_score(store, settings=settings)
    run_queue(store, settings)
    got = snapshot(store)
    assert len(got) == 45 and all(v["drafts"] for v in got.values())

    if UPDATING:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({k: v}, sort_keys=True, ensure_ascii=False) for k, v in got.items()]
        GOLDEN.write_text("{\n" + ",\n".join(line[1:-1] for line in lines) + "\n}\n")  # an article a line
        pytest.skip(f"recorded {GOLDEN.relative_to(REPO_ROOT)}")
    assert GOLDEN.exists(), f"no snapshot yet: {UPDATE}"
    want = json.loads(Path(GOLDEN).read_text())
    assert got == want, (
        "the nightly stages on the bundled sample no longer give the recorded drafts and scores.\n"
        + "\n".join(_diff(want, got))
        + f"\nIf the change is intended, bump the drafter's or metric's version and record it: {UPDATE}"
    )
