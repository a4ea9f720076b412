"""The review app on a temp SQLite store holding real BMC abstracts with hand-made drafts."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from markupsafe import escape

from pipeline.domain import DraftFields
from pipeline.store import models


def esc(text: str) -> str:
    return str(escape(text))


def queue_titles(html: str) -> list[str]:
    return re.findall(r'<td class="title"><a href="/items/(\d+)"', html)


def assert_in_order(html: str, parts: list[str]) -> None:
    pos = -1
    for part in parts:
        found = html.find(part, pos + 1)
        assert found > pos, f"{part!r} missing or out of order"
        pos = found


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_queue_lists_every_item_by_priority(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    r = client.get("/")
    assert r.status_code == 200
    ids = [str(filled.item_ids[d]) for d in testdb.DOIS]  # DOIS are in priority order
    assert queue_titles(r.text) == ids
    first = filled.records[testdb.DOIS[0]]
    assert esc(first["title"]) in r.text and esc(first["journal"]) in r.text
    assert "2022-02-05" in r.text and "Musculoskeletal Medicine" in r.text
    assert "7.2" in r.text  # fkgl of the simple explanation
    assert "✗ failed" in r.text  # item 1 has two flags: gate failed
    assert "status-in_review" in r.text and "in review" in r.text


def test_queue_filters_by_status(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    r = client.get("/", params={"status": "in_review"})
    assert queue_titles(r.text) == [str(filled.item_ids[testdb.DOIS[1]])]
    assert len(queue_titles(client.get("/", params={"status": "bogus"}).text)) == 3


def test_queue_search_on_title(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    r = client.get("/", params={"q": "ARTHROGRYPOSIS"})
    assert queue_titles(r.text) == [str(filled.item_ids[testdb.DOIS[0]])]
    both = client.get("/", params={"q": "(PPMI)", "status": "in_review"})
    assert queue_titles(both.text) == [str(filled.item_ids[testdb.DOIS[1]])]


def test_sql_metacharacters_in_search_are_literal(client: TestClient) -> None:
    for q in ("%", "_", "\\", "' OR '1'='1", '"; DROP TABLE review_items; --', "%' --"):
        r = client.get("/", params={"q": q})
        assert r.status_code == 200
        assert queue_titles(r.text) == [], q
        assert esc(q) in r.text  # echoed back escaped in the search box
    assert len(queue_titles(client.get("/").text)) == 3


def test_queue_paginates_fifty_per_page(client: TestClient, store: Any, filled: Any) -> None:
    with store.session() as s:
        for n in range(52):
            art = models.Article(
                source="t", source_id=str(n), title=f"Extra {n:02d}", sections=[], fingerprint="t"
            )
            draft = models.Draft(
                article=art, version=1, fields={}, backend="t", input_fingerprint="t", cache_key="t"
            )
            s.add(models.ReviewItem(article=art, draft=draft, priority=-1.0))
    first, second = client.get("/").text, client.get("/", params={"page": 2}).text
    assert len(queue_titles(first)) == 50 and len(queue_titles(second)) == 5
    assert 'href="/?page=2"' in first and "Page 1 of 2" in first
    assert len(queue_titles(client.get("/", params={"page": 99}).text)) == 5  # clamped to the last page


def test_draft_page_shows_source_sections(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    doi = testdb.DOIS[1]
    rec = filled.records[doi]
    html = client.get(f"/items/{filled.item_ids[doi]}").text
    assert f'href="https://doi.org/{doi}"' in html
    assert "September 12, 2018" in html
    parts = []
    for section in rec["sections"]:
        parts += [f"<h3>{esc(section['label'])}</h3>", esc(section["text"])]
    assert_in_order(html, parts)


def test_draft_page_shows_every_field_in_seed_order(
    client: TestClient, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    fields: DraftFields = testdb.DRAFTS[doi]["fields"]
    html = client.get(f"/items/{filled.item_ids[doi]}").text
    draft = html[html.index('<section class="draft"') :]
    rec = filled.records[doi]
    assert html.count("<h1") == 1 and f'<h1 class="item-title">{esc(rec["title"])}</h1>' in html
    parts = [
        "Simple Explanation",
        esc(fields.simple_explanation),
        "Key Findings",
        esc(fields.key_findings[0]),
        "The study included ",
        "people who could walk",
        esc(fields.key_findings[2]),
        "Research Summary",
        "This reliability study",
        "Practical Implications",
    ]
    for point in fields.practical_implications:
        parts += [esc(point.title), esc(point.text)]
    parts += ["Study Limitations", *[esc(x) for x in fields.limitations]]
    parts += [
        "Study facts",
        "Study Duration",
        esc(fields.study_duration),
        "Participants",
        esc(fields.participants),
        "Evidence Level",
        esc(fields.evidence_level),
        "Draft v1 · backend extractive · model no model · prompt default v1 · created 2025-01-02 03:04 UTC",
    ]
    assert_in_order(draft, parts)
    assert '<span class="metric">fkgl</span> <span class="value">7.25</span>' in draft


def test_flags_listed_and_marked_at_their_offsets(
    client: TestClient, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    html = client.get(f"/items/{filled.item_ids[doi]}").text
    # error flag: the number inside key finding 2 (offset given in the joined field text)
    assert (
        'The study included <mark class="sev-error" data-flags="flag-1" title="Check the number 38">38</mark> people'
        in html
    )
    # warning flag: a draft sentence and the first Results sentence of the source
    sentence = "Agreement between days was high for all tests."
    assert (
        f'<mark class="sev-warning" data-flags="flag-2" title="Weakly supported sentence">{sentence}</mark>'
        in html
    )
    results = next(s["text"] for s in filled.records[doi]["sections"] if s["label"] == "Results")
    src = testdb.first_sentence(results)
    marked = (
        f'<mark class="sev-warning" data-flags="flag-2" title="Weakly supported sentence">{esc(src)}</mark> '
    )
    assert re.search(r"<h3>Results</h3>\s*<p>" + re.escape(marked), html)
    flags = html[html.index('<aside class="flags"') :]
    assert_in_order(
        flags,
        [
            "(1 error · 1 warning · 0 notes)",
            "error",
            "numbers",
            "Check the number 38",
            "warning",
            "support",
            "Source (Results)",
        ],
    )


def test_script_in_abstract_and_draft_is_escaped(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    html = client.get(f"/items/{filled.item_ids[testdb.DOIS[2]]}").text
    assert "<script>alert" not in html
    assert html.count(esc(testdb.EVIL)) >= 4  # title (source + draft), abstract, simple explanation
    assert "<script>alert" not in client.get("/").text


def test_unknown_item_is_a_404_page(client: TestClient) -> None:
    r = client.get("/items/424242")
    assert r.status_code == 404
    assert "Not found" in r.text and "There is no review item 424242." in r.text
    assert client.get("/nowhere").status_code == 404
    assert client.get("/items/424242", headers={"accept": "application/json"}).json()["detail"]


def test_static_assets_are_served(client: TestClient) -> None:
    assert "keydown" in client.get("/static/queue.js").text
    assert client.get("/static/app.css").status_code == 200


def test_info_notes_fold_away_below_errors_and_warnings(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    with store.session() as s:
        item = s.get(models.ReviewItem, filled.item_ids[doi])
        # stored before notes were called notes: "info" is read as a note
        jargon = {"metric": "jargon_rate", "reason": "jargon: zymogen (rare word)", "severity": "info"}
        s.add(
            models.Score(
                draft_id=item.draft_id,
                field="simple_explanation",
                metric="jargon_rate",
                metric_version="2",
                value=0.1,
                flags=[jargon],
            )
        )
    html = client.get(f"/items/{filled.item_ids[doi]}").text
    flags = html[html.index('<aside class="flags"') :]
    assert_in_order(
        flags,
        [
            "(1 error · 1 warning · 1 note)",
            "error",
            "warning",
            '<details class="flag-notes">',
            "1 note: jargon_rate",
            "jargon: zymogen (rare word)",
        ],
    )
    # the header above the draft and the flags pane give the same count
    assert html.count('<span id="flag-count" class="flag-counts">1 error · 1 warning · 1 note</span>') == 1
    assert html.count('<span class="flag-counts">(1 error · 1 warning · 1 note)</span>') == 1
    # with nothing more serious the notes are open
    only_info = testdb.DOIS[1]
    with store.session() as s:
        item = s.get(models.ReviewItem, filled.item_ids[only_info])
        for score in s.query(models.Score).filter(models.Score.draft_id == item.draft_id):
            score.flags = [f for f in score.flags or [] if f.get("severity") == "info"]
        s.add(
            models.Score(
                draft_id=item.draft_id,
                field="simple_explanation",
                metric="jargon_rate",
                metric_version="2",
                value=0.1,
                flags=[jargon],
            )
        )
    html = client.get(f"/items/{filled.item_ids[only_info]}").text
    assert '<details class="flag-notes" open>' in html


def test_draft_page_says_why_the_quality_gate_fails(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item_id = filled.item_ids[testdb.DOIS[0]]
    html = client.get(f"/items/{item_id}").text
    start = html.index('<ul class="gate-reasons"')
    # FKGL 7.25 passes; the fixture's error flag (a number) fails the gate, as any error does
    assert html[start : html.index("</ul>", start)].count("<li>") == 1
    assert "<li>Key findings: Check the number 38: “38” (numbers check)</li>" in html
    number = {
        "metric": "number_faithfulness",
        "reason": "number not in the source: 38",
        "severity": "error",
        "draft_text": "38",
    }
    with store.session() as s:
        item = s.get(models.ReviewItem, item_id)
        item.gate_failed = True
        s.add(
            models.Score(
                draft_id=item.draft_id,
                field="simple_explanation",
                metric="fkgl",
                metric_version="2",  # a newer version than the stored 7.25: the page shows this one
                value=12.04,
                flags=[],
            )
        )
        s.add(
            models.Score(
                draft_id=item.draft_id,
                field="key_findings",
                metric="number_faithfulness",
                metric_version="1",
                value=0.5,
                flags=[number],
            )
        )
    html = client.get(f"/items/{item_id}").text
    start = html.index('<ul class="gate-reasons"')
    reasons = html[start : html.index("</ul>", start)]
    assert "Simple explanation reads at grade 12.0 (Flesch-Kincaid); the limit is 8" in reasons
    assert "Key findings: number not in the source: “38” (number faithfulness check)" in reasons
