"""The draft page lists the drafter's word swaps per field; the queue marks out-of-scope articles."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient

from pipeline.store import models


def test_draft_page_shows_changed_words_per_field(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item_id = filled.item_ids[testdb.DOIS[0]]
    with store.session() as s:
        item = s.get(models.ReviewItem, item_id)
        item.draft.swaps = [
            {
                "field": "simple_explanation",
                "before": "ambulation",
                "after": "walking",
                "origin": "plainsci",
                "start": 3,
                "end": 13,
            },
            {
                "field": "key_findings",
                "before": "utilise",
                "after": "use",
                "origin": "editors",
                "start": 0,
                "end": 7,
            },
        ]
    html = client.get(f"/items/{item_id}").text
    block = html[html.index('id="swaps"') :]
    block = block[: block.index("</section>")]
    assert "changed ambulation → walking (plainsci)" in block
    assert "changed utilise → use (editors)" in block
    assert block.index("Simple Explanation") < block.index("ambulation") < block.index("utilise")
    other = filled.item_ids[testdb.DOIS[1]]
    assert 'id="swaps"' not in client.get(f"/items/{other}").text  # no swaps recorded: no block


def test_queue_marks_out_of_scope_with_reason(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    reason = "not health or biomedical research: 0 health word(s); it is about geoscience (volcano, seismic)"
    testdb.mark_out_of_scope(store, filled.article_ids[testdb.DOIS[1]], reason)
    html = client.get("/").text
    assert html.count("Out of scope") == 1
    assert reason in html
