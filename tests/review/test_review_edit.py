"""Editing: new draft versions, rescoring, optimistic-locking conflicts, diff, comments, history,
live readability and regeneration."""

from __future__ import annotations

import re
import threading
import time
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import select

from pipeline.publish.page import draft_fields
from pipeline.review import workflow
from pipeline.review.editing import EditForm, save_edit
from pipeline.review.users import UserInfo
from pipeline.score.gates import draft_gate
from pipeline.stages.score import is_scored, run_score
from pipeline.store import models
from tests.review.conftest import csrf_of, edit_form, post, scored

NEW_TEXT = (
    "Some joints are stiff from birth in arthrogryposis. Doctors tested walking twice. The tests worked well."
)


def drafts_of(store: Any, article_id: int) -> list[models.Draft]:
    with store.session() as s:
        return list(
            s.scalars(
                select(models.Draft)
                .where(models.Draft.article_id == article_id)
                .order_by(models.Draft.version)
            )
        )


def test_save_creates_a_new_scored_version(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    item, article = filled.item_ids[doi], filled.article_ids[doi]
    original = drafts_of(store, article)[0].fields
    form = edit_form(client, item) | {
        "simple_explanation": NEW_TEXT,
        "key_findings": "First finding.\n\nSecond one.",
    }
    r = post(client, f"/items/{item}/edit", form)
    assert r.status_code == 303 and r.headers["location"] == f"/items/{item}?saved=2#draft"
    scored(client)
    versions = drafts_of(store, article)
    assert [d.version for d in versions] == [1, 2]
    assert versions[0].fields == original  # never updated
    new = versions[1]
    assert new.author == "edna" and new.parent_id == versions[0].id and new.backend == "editor"
    assert new.fields["simple_explanation"] == NEW_TEXT
    assert new.fields["key_findings"] == ["First finding.", "Second one."]
    with store.session() as s:
        item_row = s.get(models.ReviewItem, item)
        assert item_row.draft_id == new.id and item_row.status == "in_review" and item_row.assignee == "edna"
        metrics = {sc.metric for sc in s.scalars(select(models.Score).where(models.Score.draft_id == new.id))}
        assert {"fkgl", "sentence_support"} <= metrics
        ev = s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == "edit")).one()
        assert ev.actor == "edna" and ev.item_id == item
        assert ev.before["fields"]["simple_explanation"] == original["simple_explanation"]
        assert ev.after["fields"]["simple_explanation"] == NEW_TEXT and ev.after["version"] == 2
    page = client.get(f"/items/{item}?saved=2").text
    assert "Saved as version 2." in page and escape(NEW_TEXT) in page
    assert "Version 2 by edna" in page


def test_stale_row_version_is_a_conflict_and_saves_nothing(
    client: TestClient, approver: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[1]
    item, article = filled.item_ids[doi], filled.article_ids[doi]
    mine = edit_form(client, item) | {"simple_explanation": "Edna's version of the text."}
    theirs = edit_form(approver, item) | {"simple_explanation": "Abe's version, saved first."}
    assert post(approver, f"/items/{item}/edit", theirs).status_code == 303
    r = post(client, f"/items/{item}/edit", mine)
    assert r.status_code == 409
    assert "not saved" in r.text
    assert "Edna&#39;s version of the text." in r.text and "Abe&#39;s version, saved first." in r.text
    versions = drafts_of(store, article)
    assert [d.author for d in versions] == [None, "abe"]


def test_edit_refused_while_another_editor_holds_the_lock(
    client: TestClient, approver: TestClient, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    form = edit_form(client, item) | {"simple_explanation": "Mine."}
    assert post(approver, f"/items/{item}/claim").status_code == 303
    assert "abe has claimed this item" in client.get(f"/items/{item}").text
    form["row_version"] = str(int(form["row_version"]) + 1)  # the claim bumped it
    r = post(client, f"/items/{item}/edit", form)
    assert r.status_code == 409 and "abe has claimed this item" in r.text


def test_unchanged_form_is_not_a_new_version(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    assert post(client, f"/items/{item}/edit", edit_form(client, item)).status_code == 409
    assert len(drafts_of(store, filled.article_ids[testdb.DOIS[0]])) == 1


def test_published_item_cannot_be_edited(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[2]]
    form = edit_form(client, item)
    with store.session() as s:
        s.get(models.ReviewItem, item).status = "published"
    form["row_version"] = str(int(form["row_version"]) + 1)
    r = post(client, f"/items/{item}/edit", form | {"simple_explanation": "changed"})
    assert r.status_code == 409 and "cannot be edited" in r.text


def test_script_in_an_edit_renders_escaped(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    evil = '<script>alert("edit")</script> Plain words.'
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": evil})
    html = client.get(f"/items/{item}").text
    assert "<script>alert" not in html and str(escape("<script>alert")) in html
    post(client, f"/items/{item}/comments", {"body": "<img src=x onerror=alert(1)>"})
    html = client.get(f"/items/{item}").text
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_diff_against_the_model_draft(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    html = client.get(f"/items/{item}").text
    assert "No edits: the current text is the model's draft." in html
    form = edit_form(client, item)
    changed = form["simple_explanation"].replace("rare condition", "uncommon <b>condition</b>")
    post(client, f"/items/{item}/edit", form | {"simple_explanation": changed})
    html = client.get(f"/items/{item}").text
    diff = html[html.index('id="diff"') : html.index('id="comments"')]
    assert "<del>rare</del>" in diff
    assert "<ins>uncommon &lt;b&gt;condition&lt;/b&gt;</ins>" in diff or "<ins>uncommon</ins>" in diff
    assert "<b>" not in diff


def test_comments_are_stored_shown_and_audited(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    item = filled.item_ids[testdb.DOIS[1]]
    assert (
        post(client, f"/items/{item}/comments", {"body": "Check the participants line."}).status_code == 303
    )
    html = client.get(f"/items/{item}").text
    assert "Comments (1)" in html and "Check the participants line." in html and "on v1" in html
    assert post(client, f"/items/{item}/comments", {"body": "   "}).status_code == 400
    with store.session() as s:
        ev = s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == "comment")).one()
        assert ev.after["body"] == "Check the participants line." and ev.actor == "edna"


def test_version_history_and_old_version_view(client: TestClient, filled: Any, testdb: ModuleType) -> None:
    item = filled.item_ids[testdb.DOIS[0]]
    original = testdb.DRAFTS[testdb.DOIS[0]]["fields"].simple_explanation
    post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": NEW_TEXT})
    html = client.get(f"/items/{item}").text
    history = html[html.index('id="history"') :]
    assert f'href="/items/{item}/versions/2">v2</a> <span class="badge">current</span>' in history
    assert "<td>edna</td>" in history and "<td>model</td>" in history
    old = client.get(f"/items/{item}/versions/1").text
    assert escape(original) in old and "Draft v1" in old
    assert escape(NEW_TEXT) in client.get(f"/items/{item}/versions/2").text
    assert client.get(f"/items/{item}/versions/9").status_code == 404


def test_each_sentence_shows_its_supporting_source_sentence(
    client: TestClient, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[0]
    html = client.get(f"/items/{filled.item_ids[doi]}").text
    support = html[html.index('id="support"') : html.index("</section>", html.index('id="support"'))]
    assert "Where each sentence comes from" in support
    assert support.count('class="draft-sentence"') >= 10
    assert "support 0." in support or "support 1." in support
    assert 'class="unsupported"' in support or 'class="supported"' in support


def test_readability_api(client: TestClient, anon: TestClient) -> None:
    token = csrf_of(client)
    easy = client.post(
        "/api/readability",
        json={"text": "The cat sat on the mat. It was warm."},
        headers={"x-csrf-token": token},
    ).json()
    hard = client.post(
        "/api/readability",
        json={
            "text": "Multidimensional psychometric instrumentation demonstrated considerable heterogeneity "
            "across institutionalized populations."
        },
        headers={"x-csrf-token": token},
    ).json()
    assert set(easy) == {"fkgl", "dale_chall", "coleman_liau", "words", "sentences"}
    assert easy["fkgl"] < hard["fkgl"] and easy["words"] == 9
    assert (
        anon.post(
            "/api/readability",
            json={"text": "x"},
            headers={"accept": "application/json", "x-csrf-token": csrf_of(anon)},
        ).status_code
        == 401
    )


def test_regenerate_runs_in_the_background(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    doi = testdb.DOIS[1]
    item, article = filled.item_ids[doi], filled.article_ids[doi]
    assert post(client, f"/items/{item}/regenerate", {"backend": "nonsense"}).status_code == 400
    r = post(client, f"/items/{item}/regenerate", {"backend": "extractive"})
    assert r.status_code == 303
    assert "Regenerating…" in client.get(f"/items/{item}").text or True  # may already be done
    deadline = time.monotonic() + 120
    state = "running"
    while state == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
        state = client.get(f"/items/{item}/regenerate-status").json()["state"]
    assert state == "done", client.get(f"/items/{item}/regenerate-status").json()
    versions = drafts_of(store, article)
    assert len(versions) == 2 and versions[1].author is None and versions[1].backend == "extractive"
    with store.session() as s:
        assert s.get(models.ReviewItem, item).draft_id == versions[1].id
    assert "Regenerated" in client.get(f"/items/{item}").text
    # The review app offers the built-in backends without importing them: the list must match
    # what pipeline.draft.backends registers (imported by the regeneration just run).
    from pipeline.draft.base import BACKENDS, BUILTIN_BACKENDS
    from pipeline.review.regenerate import installed_models

    # (tests register backends of their own, e.g. tests/flows/fault_parts.py's "sleepy")
    ours = {n for n in BACKENDS.names() if BACKENDS.get(n).__module__.startswith("pipeline.")}
    assert set(BUILTIN_BACKENDS) == ours
    if not installed_models(store.settings):  # no weights here: the model backend is refused, in words
        r = post(client, f"/items/{item}/regenerate", {"backend": "seq2seq"})
        assert r.status_code == 400 and "cannot run here" in r.text


def test_sentences_in_fixed_wording_say_which_fact_they_restate() -> None:
    from pipeline.review.detail import support_lines
    from pipeline.store import models

    article = models.Article(
        source="test",
        source_id="1",
        title="Knee pain after surgery",
        sections=[
            {"label": "Methods", "text": "We studied a small number of patients after knee surgery."},
            {"label": "Results", "text": "Knee pain fell by half within six weeks."},
        ],
        retracted=False,
    )
    lines = support_lines(
        article,
        {
            "simple_explanation": "This was a report on a series of patients. Knee pain fell by half within six weeks.",
            "limitations": "Small sample size.",
        },
    )
    design, result = lines["simple_explanation"]
    assert (
        design.fact == "restates the study design: check it against the evidence level" and design.supported
    )
    assert result.fact is None and result.supported and result.source_label == "Results"
    (cue,) = lines["limitations"]
    assert (
        cue.fact is not None
        and cue.source_label == "Methods"
        and cue.source_text == "small number of patients"
    )


def test_crossref_funding_and_relations_show_beside_the_source(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    first, second = testdb.DOIS[0], testdb.DOIS[1]
    html = client.get(f"/items/{filled.item_ids[first]}").text
    assert "Funding (Crossref)" not in html  # Crossref not asked yet: nothing claimed
    with store.session() as s:
        s.get(models.Article, filled.article_ids[first]).funders = ["Wellcome Trust", "<b>NIH</b>"]
        s.get(models.Article, filled.article_ids[first]).relations = {
            "has-preprint": ["10.1101/2020.01.01.000001"]
        }
        s.get(models.Article, filled.article_ids[second]).funders = []
    html = client.get(f"/items/{filled.item_ids[first]}").text
    assert "Funding (Crossref): Wellcome Trust; &lt;b&gt;NIH&lt;/b&gt;" in html
    assert 'has preprint <a href="https://doi.org/10.1101/2020.01.01.000001"' in html
    assert "Funding (Crossref): none listed" in client.get(f"/items/{filled.item_ids[second]}").text


class BlockedScorer:
    """The real score stage behind an Event: a rescoring starts, then waits for the test."""

    def __init__(self, fail: str | None = None) -> None:
        self.started = threading.Event()
        self.go = threading.Event()
        self.calls: list[list[int]] = []
        self.fail = fail

    def __call__(self, store: Any, **kw: Any) -> dict[str, Any]:
        self.calls.append(list(kw["ids"]))
        self.started.set()
        assert self.go.wait(60), "the test never released the scorer"
        if self.fail:
            raise RuntimeError(self.fail)
        return run_score(store, **kw)


def _save(client: TestClient, item: int, text: str = NEW_TEXT) -> int:
    r = post(client, f"/items/{item}/edit", edit_form(client, item) | {"simple_explanation": text})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].split("saved=")[1].split("#")[0])


def _summary(html: str, name: str) -> str:
    part = html[html.index(f'id="line-{name}"') :]
    return part[part.index("<summary>") + len("<summary>") : part.index("</summary>")]


def test_save_answers_before_scoring_and_the_page_shows_pending_then_the_scores(
    client: TestClient, app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """Issue 17.2: the save stores the version and returns; the scores come from the background
    worker (the score stage), once; until then the page says so and nobody can approve."""
    scorer = BlockedScorer()
    app.state.rescorer.score = scorer
    item = filled.item_ids[testdb.DOIS[0]]
    assert _save(client, item) == 2  # answered while the scorer is held
    assert scorer.started.wait(30) and not scorer.go.is_set()
    with store.session() as s:
        row = s.get(models.ReviewItem, item)
        draft_id = row.draft_id
        assert (
            row.draft.version == 2
            and not s.scalars(select(models.Score).where(models.Score.draft_id == draft_id)).all()
        )

    html = client.get(f"/items/{item}").text
    assert "Scores pending: version 2 is being scored" in html
    assert "scores pending" in _summary(html, "simple_explanation")
    assert "Flags: scores pending." in html and "No flags on this draft." not in html
    assert client.get(f"/items/{item}/scores").json() == {
        "draft_id": draft_id,
        "state": "pending",
        "error": None,
    }
    assert not app.state.rescorer.submit(draft_id)  # queued once, however often it is asked for
    abe = UserInfo(2, "abe", "approver", True, datetime(2026, 1, 1))
    with (
        store.session() as s,
        pytest.raises(workflow.WorkflowError, match="scores of version 2 are not ready"),
    ):
        workflow.transition(s, item, "approve", abe, require_second_approver=False, acknowledged=True)

    scorer.go.set()
    scored(client)
    assert scorer.calls == [[draft_id]]
    assert client.get(f"/items/{item}/scores").json()["state"] == "scored"
    html = client.get(f"/items/{item}").text
    assert "Scores pending" not in html and "scores pending" not in html
    assert re.match(r"Grade \d+\.\d \(target ≤ 8\) · \d+ words", _summary(html, "simple_explanation"))
    with store.session() as s:
        rows = s.scalars(select(models.Score).where(models.Score.draft_id == draft_id)).all()
        assert sum(r.metric == "scored" for r in rows) == 1
        gate = draft_gate(rows, testdb.make_settings(Path(".")))
        row = s.get(models.ReviewItem, item)
        # the gate the item shows is the new version's (the seeded one had an error and a warning)
        assert (row.gate_failed, row.flag_count) == (gate.failed, gate.counts.serious)


def test_a_failed_rescoring_says_why_and_is_not_retried_on_view(
    client: TestClient, app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    scorer = BlockedScorer(fail="the scorer broke")
    scorer.go.set()
    app.state.rescorer.score = scorer
    item = filled.item_ids[testdb.DOIS[1]]
    _save(client, item)
    scored(client)
    status = client.get(f"/items/{item}/scores").json()
    assert status["state"] == "failed" and status["error"] == "RuntimeError: the scorer broke"
    html = client.get(f"/items/{item}").text
    assert "scoring failed: RuntimeError: the scorer broke" in html and "Scores pending" not in html
    assert len(scorer.calls) == 1


def test_a_version_saved_without_scores_is_scored_when_viewed(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """A restart loses the queue: the page of an unscored version submits it."""
    item = filled.item_ids[testdb.DOIS[1]]
    edna = UserInfo(1, "edna", "editor", True, datetime(2026, 1, 1))
    with store.session() as s:
        row = workflow.get_item(s, item)
        form = EditForm.from_fields(draft_fields(row.draft.fields))
        changed = EditForm(**{**form.__dict__, "simple_explanation": NEW_TEXT})
        draft_id = save_edit(s, item, changed, edna, row.row_version).id
    assert "Scores pending: version 2" in client.get(f"/items/{item}").text
    scored(client)
    html = client.get(f"/items/{item}").text
    assert "Scores pending" not in html and _summary(html, "simple_explanation").startswith("Grade ")
    with store.session() as s:
        assert is_scored(s, draft_id)


def test_the_page_reads_the_stored_sentence_alignment(
    client: TestClient, store: Any, filled: Any, testdb: ModuleType
) -> None:
    """Scoring stores each sentence's best abstract sentence; the page shows what is stored."""
    item = filled.item_ids[testdb.DOIS[0]]
    _save(client, item)
    scored(client)
    with store.session() as s:
        draft_id = s.get(models.ReviewItem, item).draft_id
        row = s.scalars(
            select(models.Score).where(
                models.Score.draft_id == draft_id,
                models.Score.metric == "sentence_support",
                models.Score.field == "simple_explanation",
            )
        ).one()
        lines = [dict(line) for line in row.details["alignment"]]
        assert [line["text"] for line in lines] == [
            "Some joints are stiff from birth in arthrogryposis.",
            "Doctors tested walking twice.",
            "The tests worked well.",
        ]
        assert lines[0]["source"]["text"] and 0 < lines[0]["score"] <= 1
        lines[0] = {**lines[0], "source": {**lines[0]["source"], "text": "STORED ALIGNMENT MARK"}}
        row.details = {"alignment": lines}
    assert "STORED ALIGNMENT MARK" in client.get(f"/items/{item}").text  # read, not recomputed
