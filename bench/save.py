"""How long saving an edit takes: scores computed in the background vs in the request.

Builds a temporary SQLite store of review items over the real BMC sample abstracts (the same
fill as bench/review_load.py), opens the review app in this process (FastAPI TestClient, the
app's lifespan warm-up included), signs in one editor and saves ``--saves`` edits, each on its
own item, in two modes in the same run:

- background (the app as shipped): the save stores the version and returns; the app's worker
  thread scores it (``pipeline.review.rescore``);
- inline (the old path, the baseline): the same score stage called inside the save request.

The editor reads before saving again: each save starts once the previous version is scored, so
the worker is idle, as it is for an editor who saves every few seconds at most. Besides the save
times it prints how long after the save the scores were stored (the background path does not
make scoring cheaper; it takes it out of the request). Goal (issue 17.2): save p95 < 300 ms.

    .venv/bin/python bench/save.py [--items 200] [--saves 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from fastapi.testclient import TestClient  # noqa: E402
from review_load import PASSWORD, SECRET, csrf, edit_form, fill  # noqa: E402

from pipeline.review.app import create_app  # noqa: E402
from pipeline.review.rescore import Rescorer  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store.db import Store  # noqa: E402
from pipeline.store.queries.rescore_jobs import claim, finish  # noqa: E402

EDITOR = "editor00"


class InlineRescorer(Rescorer):
    """The old path: the score stage runs inside the save request, before it answers (the save
    commits its job, then scores it here instead of waking a worker)."""

    def start(self) -> None:
        pass  # no worker: wake() scores

    def wake(self) -> None:
        while (draft_id := claim(self.store, "inline")) is not None:
            error = self._rescore(draft_id)
            finish(self.store, draft_id, "inline", error)
            if error:
                raise RuntimeError(error)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(store: Store, settings: Settings, items: list[int], inline: bool) -> tuple[list[float], list[float]]:
    """Save once on each item; (save ms, ms from the save until its scores were stored)."""
    app = create_app(settings, store=store)
    if inline:
        app.state.rescorer = InlineRescorer(store, settings)
    saves, scored = [], []
    with TestClient(app) as client:
        token = csrf(client.get("/login").text)
        r = client.post("/login", data={"name": EDITOR, "password": PASSWORD, "csrf_token": token})
        assert r.status_code in (200, 303), r.text[:200]
        for n, item in enumerate(items):
            form = edit_form(client.get(f"/items/{item}").text)
            form["simple_explanation"] += f" Edit {n} {'inline' if inline else 'background'}."
            t0 = time.perf_counter()
            r = client.post(f"/items/{item}/edit", data=form, follow_redirects=False)
            saves.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 303, (r.status_code, r.text[:300])
            assert app.state.rescorer.wait(120), "rescoring did not finish"
            scored.append((time.perf_counter() - t0) * 1000)
            state = client.get(f"/items/{item}/scores").json()
            assert state["state"] == "scored", state
    return saves, scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--saves", type=int, default=30, help="saves per mode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plainsci-bench-save-") as tmp:
        settings = Settings(data_dir=Path(tmp), secret_key=SECRET)
        store = Store(settings)
        try:
            fill(store, args.items, [EDITOR])
            with store.session() as s:  # open items (the fill's statuses mix in closed ones)
                from sqlalchemy import select

                from pipeline.store import models

                open_items = list(
                    s.scalars(
                        select(models.ReviewItem.id)
                        .where(models.ReviewItem.status.in_(("new", "in_review", "changes_requested")))
                        .order_by(models.ReviewItem.id)
                    )
                )
            need = 2 * args.saves + 2
            if len(open_items) < need:
                raise SystemExit(f"only {len(open_items)} open items; raise --items")
            run(store, settings, open_items[:2], inline=False)  # warm-up (not counted)
            back, back_scored = run(store, settings, open_items[2 : 2 + args.saves], inline=False)
            inline, _ = run(store, settings, open_items[2 + args.saves : need], inline=True)
        finally:
            store.dispose()
    print(
        f"save, scores in the background: n={len(back)} p50={pct(back, 0.5):.0f} ms p95={pct(back, 0.95):.0f} ms"
        f" (scores stored after p50={pct(back_scored, 0.5):.0f} ms p95={pct(back_scored, 0.95):.0f} ms)"
    )
    print(
        f"save, scores in the request (old): n={len(inline)} p50={pct(inline, 0.5):.0f} ms"
        f" p95={pct(inline, 0.95):.0f} ms"
    )
    goal = "met" if pct(back, 0.95) < 300 else "NOT met"
    print(
        f"save p95: {pct(back, 0.95):.0f} ms vs {pct(inline, 0.95):.0f} ms inline"
        f" -> ratio {pct(inline, 0.95) / pct(back, 0.95):.1f}x (goal p95 < 300 ms: {goal})"
    )


if __name__ == "__main__":
    main()
