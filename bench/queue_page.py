"""One queue page's own work with 10,000 review items: the page query as the queue runs it (the
columns a row shows, the scope fact joined) beside the naive one it replaced (whole ORM rows of
item, article and draft, each row's facts looked up on first use), side by side in one process
on the same store, and the queue's other per-request queries (the queue stamp, the counts).

Then whole requests through the app (``GET /`` and two other views, signed in, in-process
client), each right after a write to one review item, as under 50 saving editors where almost
every request follows a write: the app as it is (the change counter of migration 0009, rendered
rows cached) beside the old path (the stamp query that read every review item, kept below as
:func:`scan_stamp`; no page or row cache), alternately on the same store.

CPU time per call (``time.process_time``), so a busy machine slows both alike; best of
``--repeat`` rounds. The store is the one bench/review_load.py builds (real BMC abstracts
repeated under fresh ids).

    .venv/bin/python bench/queue_page.py [--items 10000] [--calls 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from review_load import QUEUE_URLS, SECRET, fill  # noqa: E402
from sqlalchemy import case, func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from pipeline.review import queue as q  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store import models  # noqa: E402
from pipeline.store.db import Store  # noqa: E402
from pipeline.store.queries import queue as queries  # noqa: E402


def naive_rows(session: Session, flt: q.QueueFilter, me: str) -> list[q.QueueRow]:
    """The page's rows the way the queue read them before: whole entities, facts per row."""
    base = (
        select(models.ReviewItem, models.Article, models.Draft)
        .join(models.Article, models.ReviewItem.article_id == models.Article.id)
        .join(models.Draft, models.ReviewItem.draft_id == models.Draft.id)
    )
    items = flt.items(me)
    stmt = (
        queries.ordered(queries.filtered(base, items), items)
        .limit(q.PAGE_SIZE)
        .offset((flt.page - 1) * q.PAGE_SIZE)
    )
    triples = session.execute(stmt).all()
    fkgl = queries.simple_explanation_grades(
        session, [draft.id for _, _, draft in triples], q.READABILITY_METRICS
    )
    rows = []
    for item, article, draft in triples:
        facts = article.facts.data if article.facts is not None else None  # one query per row
        rows.append(
            q.QueueRow(
                item_id=item.id,
                title=article.title,
                journal=article.journal,
                published=article.published,
                categories=[str(c) for c in (draft.fields or {}).get("categories") or []],
                status=item.status,
                priority=item.priority,
                readability=fkgl.get(draft.id),
                flag_count=item.flag_count,
                gate_failed=item.gate_failed,
                assignee=item.assignee,
                lock_until=item.lock_until,
                out_of_scope=q._out_of_scope((facts or {}).get("scope")),
            )
        )
    return rows


def scan_stamp(session: Session, now: Any = None) -> str:
    """The queue stamp before migration 0009 (round 8): one query over every review item."""
    r = models.ReviewItem
    now = now or models.utcnow()
    row = session.execute(
        select(
            func.count(r.id),
            func.max(r.id),
            func.sum(r.row_version),
            func.max(r.updated_at),
            func.sum(case((r.lock_until > now, 1), else_=0)),
            select(func.max(models.Draft.id)).scalar_subquery(),
            select(func.max(models.Score.id)).scalar_subquery(),
            select(func.max(models.AuditEvent.id)).scalar_subquery(),
        )
    ).one()
    return "/".join(str(v) for v in row) + f"/{now.date()}"


def use_old_path(app: Any) -> None:
    """Make ``app`` serve the queue the round-8 way: the scan stamp, no page cache, no row cache."""
    from pipeline.review import routes_queue

    routes_queue.queue_stamp = scan_stamp  # type: ignore[assignment]
    routes_queue._PAGES.size = 0
    app.state.templates.env.globals["queue_row"].size = 0


def request_cpu_ms(store: Store, calls: int, repeat: int) -> tuple[float, float]:
    """CPU ms per queue request right after a write: (the app as it is, the old path)."""
    from fastapi.testclient import TestClient
    from review_load import PASSWORD

    from pipeline.review import routes_queue
    from pipeline.review.app import create_app
    from pipeline.review.client import csrf_token

    urls = ("/", "/?status=new", "/?sort=age")

    def after_write(client: TestClient) -> None:
        for url in urls:
            with store.engine.begin() as conn:
                conn.execute(text("UPDATE review_items SET flag_count = flag_count WHERE id = 7"))
            assert client.get(url).status_code == 200

    results = []
    for old in (False, True):
        app = create_app(store.settings, store=store)
        stamp, size = routes_queue.queue_stamp, routes_queue._PAGES.size
        if old:
            use_old_path(app)
        try:
            with TestClient(app) as client:
                token = csrf_token(client.get("/login").text)
                form = {"name": "editor01", "password": PASSWORD, "csrf_token": token}
                assert client.post("/login", data=form, follow_redirects=False).status_code == 303
                results.append(cpu_ms(lambda c=client: after_write(c), calls, repeat) / len(urls))
        finally:
            routes_queue.queue_stamp, routes_queue._PAGES.size = stamp, size
    return results[0], results[1]


def cpu_ms(fn: Callable[[], Any], calls: int, repeat: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(calls):
            fn()
        best = min(best, (time.process_time() - start) / calls * 1000)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    me = "editor01"
    with tempfile.TemporaryDirectory(prefix="plainsci-queue-") as tmp:
        store = Store(Settings(data_dir=Path(tmp), secret_key=SECRET))
        fill(store, args.items, [f"editor{i:02d}" for i in range(50)])
        total_new = total_old = 0.0
        print(f"{args.items} review items; CPU ms per call, best of {args.repeat} x {args.calls} calls")
        with store.session() as s:
            stamp = q.queue_stamp(s)
            for url in QUEUE_URLS:
                params = dict(parse_qsl(url.lstrip("/?")))
                flt = q.QueueFilter.parse(
                    params.pop("status", None), None, int(params.pop("page", 1)), **params
                )
                # A page past the last shows the last page (the app clamps); the naive rows are
                # asked for the page the app shows, so both read the same rows.
                flt = dataclasses.replace(flt, page=q.queue_page(s, flt, me, stamp=stamp).page)
                ours = cpu_ms(lambda f=flt: q.queue_page(s, f, me, stamp=stamp).rows, args.calls, args.repeat)
                naive = cpu_ms(lambda f=flt: naive_rows(s, f, me), args.calls, args.repeat)
                if [r.item_id for r in q.queue_page(s, flt, me, stamp=stamp).rows] != [
                    r.item_id for r in naive_rows(s, flt, me)
                ]:
                    raise SystemExit(f"{url}: the two queries disagree")
                total_new, total_old = total_new + ours, total_old + naive
                print(f"  {url:<44} page {ours:6.2f} ms vs naive rows {naive:6.2f} ms ({naive / ours:4.1f}x)")
            print(
                f"page, mean of the {len(QUEUE_URLS)} URLs: {total_new / len(QUEUE_URLS):.2f} ms (counts cached)"
                f" vs {total_old / len(QUEUE_URLS):.2f} ms for the naive rows alone"
                f" -> ratio {total_old / total_new:.2f}x"
            )
            flt = q.QueueFilter.parse()
            for name, fn in (
                ("queue stamp (every request)", lambda: q.queue_stamp(s)),
                ("old stamp query, before 0009", lambda: scan_stamp(s)),
                ("filtered total (on a change)", lambda: queries.count_items(s, flt.items(me))),
                ("counts per status (on a change)", lambda: q.status_counts(s)),
                ("done today (on a change)", lambda: q.done_today(s)),
                ("inbox count (every page)", lambda: queries.inbox_count(s, me)),
            ):
                print(f"  {name:<44} {cpu_ms(fn, args.calls, args.repeat):6.2f} ms")
        ours, before = request_cpu_ms(store, max(5, args.calls // 2), args.repeat)
        print(
            f"a queue request right after a write, through the app: {ours:.2f} ms CPU vs {before:.2f} ms"
            f" for the old path (stamp scan, no caches) -> ratio {before / ours:.2f}x"
        )
        store.dispose()


if __name__ == "__main__":
    main()
