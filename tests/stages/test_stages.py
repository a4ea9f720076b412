"""Stages on a real store with small in-test sources and backends: isolation and idempotence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from pipeline.domain import Article, DraftFields, Facts, PracticalPoint
from pipeline.draft.base import DraftResult, Provenance
from pipeline.errors import ParseError
from pipeline.sources.base import RawItem
from pipeline.stages.draft import run_draft
from pipeline.stages.enrich import run_enrich
from pipeline.stages.ingest import is_draftable, run_ingest
from pipeline.stages.queue import point_items_at_latest, run_queue
from pipeline.stages.score import run_score
from pipeline.store import models as m
from pipeline.store.db import Store
from tests.conftest import article_from_record


class ListSource:
    """Yields one raw item per record; records listed in ``bad`` fail to parse."""

    name = "list"

    def __init__(self, records: list[dict], bad: set[str] = frozenset(), watermarks: bool = False) -> None:
        self.records, self.bad, self.watermarks = records, bad, watermarks

    def fetch(self, since=None, until=None, limit=None) -> Iterator[RawItem]:  # type: ignore[no-untyped-def]
        for rec in self.records[:limit]:
            yield RawItem("list", rec["id"], rec["id"].encode(), "test")

    def parse(self, item: RawItem) -> list[Article]:
        if item.request in self.bad:
            raise ParseError(item.request, "malformed record")
        rec = next(r for r in self.records if r["id"] == item.request)
        return [article_from_record(rec)]

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        return item.request if self.watermarks else None


class FakeBackend:
    """Copies the first sentence of each section; fails on the DOIs it is told to."""

    name = "fake"

    def __init__(self, fail: set[str] = frozenset(), revision: str = "1") -> None:
        self.fail, self.revision = fail, revision

    @property
    def provenance(self) -> Provenance:
        return Provenance(backend="fake", model_revision=self.revision)

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        out: list[DraftResult | Exception] = []
        for art, facts in items:
            if art.doi in self.fail:
                out.append(RuntimeError("model exploded"))
                continue
            first = [s.text.split(". ")[0].rstrip(".") + "." for s in art.sections]
            out.append(
                DraftResult(
                    DraftFields(
                        simple_explanation=" ".join(first[:2]),
                        key_findings=first[:3],
                        research_summary=first[0],
                        practical_implications=[PracticalPoint("What it means", first[-1])],
                        limitations=["Small study"],
                        participants=facts.participants.value,
                    )
                )
            )
        return out


@pytest.fixture
def records(bmc_records: list[dict]) -> list[dict]:
    return bmc_records[:6]


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_ingest_quarantines_bad_record_and_goes_on(store: Store, records: list[dict]) -> None:
    counts = run_ingest(store, ListSource(records, bad={records[2]["id"]}))
    assert counts["new"] == 5 and counts["quarantined"] == 1 and counts["read"] == 6
    with store.session() as s:
        q = s.scalars(select(m.Quarantine)).one()
        assert q.record == records[2]["id"] and "malformed" in q.reason
    assert _count(store, m.RawRecord) == 6  # the bad payload is archived too: nothing is lost
    again = run_ingest(store, ListSource(records, bad={records[2]["id"]}))
    assert again["new"] == 0 and again["duplicates"] == 5
    assert _count(store, m.Quarantine) == 1


def test_watermark_only_moves_forward(store: Store, records: list[dict]) -> None:
    ordered = sorted(records, key=lambda r: r["id"])
    run_ingest(store, ListSource(ordered, watermarks=True))
    with store.session() as s:
        assert s.get(m.Watermark, "list").value == ordered[-1]["id"]
    run_ingest(store, ListSource(ordered[:2], watermarks=True))
    with store.session() as s:
        assert s.get(m.Watermark, "list").value == ordered[-1]["id"]


def test_model_failure_on_one_article_does_not_stop_the_batch(store: Store, records: list[dict]) -> None:
    run_ingest(store, ListSource(records))
    run_enrich(store)
    bad_doi = records[1]["doi"].lower()
    result = run_draft(store, FakeBackend(fail={bad_doi}), batch_size=4)
    assert result["drafted"] == 5 and result["draft_failed"] == 1
    assert result["failures"][0]["doi"] == bad_doi and "model exploded" in result["failures"][0]["reason"]
    with store.session() as s:
        q = s.scalars(select(m.Quarantine).where(m.Quarantine.stage == "draft")).one()
        assert q.record == bad_doi
    # the cache: same inputs, no work; a new model revision drafts again as new versions
    assert run_draft(store, FakeBackend(fail={bad_doi}))["drafted"] == 0
    assert run_draft(store, FakeBackend(revision="2"))["drafted"] == 6
    with store.session() as s:
        assert s.scalar(select(func.max(m.Draft.version))) == 2


def test_one_article_failing_enrichment_does_not_stop_the_stage(
    store: Store, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.stages.enrich as enrich_stage

    run_ingest(store, ListSource(records))
    bad_doi = records[2]["doi"].lower()
    real = enrich_stage.extract_facts_batch

    def extract(articles):  # type: ignore[no-untyped-def]
        if any(a.doi == bad_doi for a in articles):
            raise ValueError("spaCy choked")
        return real(articles)

    monkeypatch.setattr(enrich_stage, "extract_facts_batch", extract)
    result = run_enrich(store, run_id=None)
    assert result["enriched"] == 5 and result["enrich_failed"] == 1
    assert [(f["doi"], f["reason"]) for f in result["failures"]] == [(bad_doi, "ValueError: spaCy choked")]
    with store.session() as s:
        q = s.scalars(select(m.Quarantine).where(m.Quarantine.stage == "enrich")).one()
        assert q.record == bad_doi and q.reason == "ValueError: spaCy choked"
        assert s.scalar(select(func.count()).select_from(m.ArticleFacts)) == 5
    monkeypatch.setattr(enrich_stage, "extract_facts_batch", real)
    assert run_enrich(store) == {"enriched": 1, "enrich_failed": 0, "failures": []}  # retried next run


def test_one_draft_failing_scoring_does_not_stop_the_stage(
    store: Store, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.stages.score as score_stage

    run_ingest(store, ListSource(records))
    run_enrich(store)
    run_draft(store, FakeBackend())
    bad_doi = records[4]["doi"].lower()
    real = score_stage.score_draft

    def score(fields, article, names=None):  # type: ignore[no-untyped-def]
        if article.doi == bad_doi:
            raise ZeroDivisionError("no sentences")
        return real(fields, article, names=names)

    monkeypatch.setattr(score_stage, "score_draft", score)
    result = run_score(store)
    assert result["scored"] == 5 and result["score_failed"] == 1
    assert result["failures"][0]["doi"] == bad_doi
    assert result["failures"][0]["reason"] == "ZeroDivisionError: no sentences"
    with store.session() as s:
        q = s.scalars(select(m.Quarantine).where(m.Quarantine.stage == "score")).one()
        assert q.record == bad_doi
        bad_draft = result["failures"][0]["draft_id"]
        assert s.scalar(select(func.count()).select_from(m.Score).where(m.Score.draft_id == bad_draft)) == 0
    monkeypatch.setattr(score_stage, "score_draft", real)
    again = run_score(store)
    assert again["scored"] == 1 and again["score_failed"] == 0  # retried next run


def test_score_and_queue_are_idempotent(store: Store, settings, records: list[dict]) -> None:  # type: ignore[no-untyped-def]
    run_ingest(store, ListSource(records))
    run_enrich(store)
    run_draft(store, FakeBackend())
    first = run_score(store)
    assert first["scored"] == 6
    assert run_score(store)["scored"] == 0
    q = run_queue(store, settings)
    assert q["queued"] == 6
    assert run_queue(store, settings)["queued"] == 0
    with store.session() as s:
        assert {i.status for i in s.scalars(select(m.ReviewItem))} == {"new"}
        assert (
            s.scalar(select(func.count()).select_from(m.AuditEvent).where(m.AuditEvent.action == "queue"))
            == 6
        )


def test_retracted_article_leaves_the_queue_with_audit(store: Store, settings, records: list[dict]) -> None:  # type: ignore[no-untyped-def]
    run_ingest(store, ListSource(records))
    run_enrich(store)
    run_draft(store, FakeBackend())
    run_score(store)
    run_queue(store, settings)
    with store.session() as s:
        art = s.scalars(select(m.Article).where(m.Article.doi == records[0]["doi"].lower())).one()
        art.retracted = True
    assert run_queue(store, settings)["retracted"] == 1
    with store.session() as s:
        item = s.scalars(select(m.ReviewItem).where(m.ReviewItem.article_id == art.id)).one()
        assert item.status == "retracted"
        ev = s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "retract")).one()
        assert ev.before == {"status": "new"}


def test_regenerate_points_item_at_new_version_and_keeps_old(
    store: Store, settings, records: list[dict]
) -> None:  # type: ignore[no-untyped-def]
    run_ingest(store, ListSource(records[:2]))
    run_enrich(store)
    run_draft(store, FakeBackend())
    run_score(store)
    run_queue(store, settings)
    with store.session() as s:
        item = s.scalars(select(m.ReviewItem).order_by(m.ReviewItem.id)).first()
        item.status = "in_review"
        item_id, old_draft = item.id, item.draft_id
    run_draft(store, FakeBackend(revision="9"), force=True)
    assert run_queue(store, settings)["requeued"] == 1  # only the item still `new` moves by itself
    assert point_items_at_latest(store, [item_id], "alice", settings) == {"regenerated": 1}
    with store.session() as s:
        item = s.get(m.ReviewItem, item_id)
        assert item.draft_id != old_draft and s.get(m.Draft, old_draft) is not None


def test_editorials_and_notices_are_not_drafted(records: list[dict]) -> None:
    art = article_from_record(records[0])
    assert is_draftable(art)
    art.article_type = "Editorial"
    assert not is_draftable(art)
    art.article_type, art.retracted = None, True
    assert not is_draftable(art)


def test_a_new_metric_version_rescores_shows_only_the_new_rows_and_regates_items(
    store: Store, settings, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A changed metric adds rows (old ones stay stored), and everything that reads scores sees
    the new version only: the item page, the gate and the item's flag count."""
    from dataclasses import replace

    from pipeline.review.item import load_item
    from pipeline.score.base import METRICS, Flag, MetricResult
    from pipeline.store import repo

    settings = settings.model_copy(
        update={
            "gate_max_fkgl": 99.0,
            "gate_max_fkgl_key_findings": 99.0,
            "gate_max_fkgl_research_summary": 99.0,
            "gate_fail_on_errors": True,
        }
    )
    run_ingest(store, ListSource(records[:1]))
    run_enrich(store)
    run_draft(store, FakeBackend())
    run_score(store, settings=settings)
    run_queue(store, settings)
    with store.session() as s:
        item = s.scalars(select(m.ReviewItem)).one()
        item_id, before_flags, before_version = item.id, item.flag_count, item.row_version
        assert not item.gate_failed

    def strict_negation(text: str, article: Article) -> MetricResult:
        return MetricResult(1.0, [Flag("negation_flip", "negation dropped (planted)", "error")])

    monkeypatch.setitem(
        METRICS, "negation_flip", replace(METRICS["negation_flip"], version="99", fn=strict_negation)
    )
    out = run_score(store, settings=settings)
    assert out["scored"] == 1 and out["items_refreshed"] == 1
    with store.session() as s:
        item = s.get(m.ReviewItem, item_id)
        assert item.gate_failed and item.flag_count > before_flags
        assert item.row_version == before_version  # derived columns: no edit conflict for an open page
        stored = s.scalars(select(m.Score).where(m.Score.metric == "negation_flip")).all()
        old_version = {r.metric_version for r in stored} - {"99"}
        assert len(old_version) == 1 and "99" in {r.metric_version for r in stored}  # old rows kept
        current = [r for r in repo.current_scores(item.draft.scores) if r.metric == "negation_flip"]
        assert {r.metric_version for r in current} == {"99"}
        assert len(current) == len({r.field for r in current})  # one row per field
        view = load_item(s, item_id)
        assert view is not None
        shown = [sv for svs in view.scores.values() for sv in svs if sv.metric == "negation_flip"]
        assert shown and {sv.metric_version for sv in shown} == {"99"}
        assert any(f.reason == "negation dropped (planted)" for f in view.flags)


def test_extractive_drafts_store_their_word_swaps_and_use_accepted_editor_swaps(
    store: Store,
    settings,  # type: ignore[no-untyped-def]
    records: list[dict],
) -> None:
    from pipeline.draft.base import make_backend
    from pipeline.text.swaps import load_lexicon, use_editor_swaps

    run_ingest(store, ListSource(records))
    run_enrich(store)
    with store.session() as s:
        s.add(m.LearnedSwap(term="approximately", plain="about", status="accepted", approvals=3, editors=2))
        s.add(m.LearnedSwap(term="demonstrated", plain="proved", status="rejected", approvals=3, editors=2))
    try:
        assert run_draft(store, make_backend(settings, "extractive"))["drafted"] == 6
        editor_rules = {(r.term, r.plain) for r in load_lexicon().rules if r.origin == "editors"}
        assert editor_rules == {("approximately", "about")}  # the rejected one is not used
    finally:
        use_editor_swaps([])
    with store.session() as s:
        drafts = s.scalars(select(m.Draft)).all()
        records_ = [r for d in drafts for r in d.swaps or []]
        assert records_, "the extractive drafter made no word swap in six real abstracts"
        for d in drafts:
            texts = DraftFields.from_dict(d.fields).field_texts()
            for r in d.swaps or []:
                assert r["after"] in texts[r["field"]], r
                assert r["origin"] in ("plainsci", "cdc-reviewed", "editors") or r["origin"].startswith(
                    "mined:"
                )


def test_rescoring_without_settings_gates_with_the_stores_settings(  # type: ignore[no-untyped-def]
    db_settings, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_score(store) takes the gates of the settings the store was opened with; it does not
    read the configuration again (whose default grade limit these abstracts' sentences exceed)."""
    from dataclasses import replace

    from pipeline.score.base import METRICS

    lenient = db_settings.model_copy(
        update={
            "gate_max_fkgl": 99.0,
            "gate_max_fkgl_key_findings": 99.0,
            "gate_max_fkgl_research_summary": 99.0,
        }
    )
    store = Store(lenient)
    try:
        run_ingest(store, ListSource(records[:3]))
        run_enrich(store)
        run_draft(store, FakeBackend())
        run_score(store)
        run_queue(store, lenient)
        monkeypatch.setitem(METRICS, "fkgl", replace(METRICS["fkgl"], version="99"))
        assert run_score(store)["scored"] == 3  # the bumped version rescores, and regates the items
        with store.session() as s:
            assert [i.gate_failed for i in s.scalars(select(m.ReviewItem))] == [False] * 3
    finally:
        store.dispose()


def test_the_queue_reads_gate_states_in_batches_as_one_draft_at_a_time(
    store: Store, settings, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The queue stage reads its candidates' score rows a batch at a time (one query per batch,
    not per draft): each item gets the gate, flag count and priority of its own draft."""
    from pipeline.score.gates import item_gate_state, item_gate_states, priority
    from pipeline.stages import queue as queue_stage

    monkeypatch.setattr(queue_stage, "BATCH", 2)  # 5 candidates: three batches
    run_ingest(store, ListSource(records[:5]))
    run_enrich(store)
    run_draft(store, FakeBackend())
    run_score(store, settings=settings)
    assert run_queue(store, settings)["queued"] == 5
    with store.session() as s:
        items = s.scalars(select(m.ReviewItem)).all()
        for item in items:
            failed, nflags, severity, errors = item_gate_state(s, item.draft_id, settings)
            assert (item.gate_failed, item.flag_count, item.gate_errors) == (failed, nflags, errors)
            relevance = item.article.facts.relevance if item.article.facts else 0.0
            assert item.priority == pytest.approx(priority(relevance, severity))
        assert len({i.flag_count for i in items}) > 1  # the drafts differ, so a mix-up would show
        unscored = 10**9  # a draft without score rows gets the same state both ways
        states = item_gate_states(s, [items[0].draft_id, unscored], settings)
        assert states[unscored] == item_gate_state(s, unscored, settings)
        assert states[items[0].draft_id] == item_gate_state(s, items[0].draft_id, settings)


def test_score_rows_are_inserted_in_bulk_with_the_values_score_draft_gave(
    store: Store, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stage writes its rows with one bulk INSERT per batch, not one ORM object per row (about
    75 per draft: a quarter of the stage's CPU, round 14): no Score object is built, and the stored
    rows are score_draft's, in its order, the marker's details SQL NULL as before (the BMC sample's
    first six abstracts)."""
    import json

    from sqlalchemy import text

    import pipeline.stages.score as score_stage

    run_ingest(store, ListSource(records))
    run_enrich(store)
    run_draft(store, FakeBackend())
    seen: dict[int, list[tuple]] = {}
    real = score_stage.score_draft

    def score(fields, article, names=None):  # type: ignore[no-untyped-def]
        rows = real(fields, article, names=names)
        seen[len(seen)] = [(r.field, r.metric, r.metric_version, r.value, r.flags, r.details) for r in rows]
        return rows

    def no_orm_rows(self, **kw):  # type: ignore[no-untyped-def]
        raise AssertionError("a Score ORM object was built")

    monkeypatch.setattr(score_stage, "score_draft", score)
    monkeypatch.setattr(m.Score, "__init__", no_orm_rows)
    assert run_score(store)["scored"] == 6
    with store.session() as s:
        stored = list(s.scalars(select(m.Score).order_by(m.Score.id)))
        marker_details = s.execute(
            text("SELECT COUNT(*) FROM scores WHERE metric = 'scored' AND details IS NULL")
        ).scalar()
    want = [
        row
        for i in range(6)
        for row in [*seen[i], ("*", "scored", score_stage.registry_version(), None, [], None)]
    ]
    got = [(r.field, r.metric, r.metric_version, r.value, r.flags, r.details) for r in stored]
    assert [list(r) for r in got] == json.loads(json.dumps(want))  # JSON gives flags' spans as lists
    assert marker_details == 6


def test_the_queue_flushes_a_batch_of_new_items_at_once_each_with_its_own_audit_event(
    store: Store, settings, records: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """One flush of new review items per batch (it used to flush each new item alone, to learn
    its id for the audit event: most of the stage's CPU), and still one "queue" event per item,
    under that item's id, its article's and its draft's."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from pipeline.stages import queue as queue_stage

    monkeypatch.setattr(queue_stage, "BATCH", 4)  # 6 candidates: two batches
    run_ingest(store, ListSource(records))
    run_enrich(store)
    run_draft(store, FakeBackend())
    run_score(store, settings=settings)
    item_flushes: list[int] = []

    def count(session: Session, *_: object) -> None:
        new = [o for o in session.new if isinstance(o, m.ReviewItem)]
        if new:
            item_flushes.append(len(new))

    event.listen(Session, "before_flush", count)
    try:
        assert run_queue(store, settings)["queued"] == 6
    finally:
        event.remove(Session, "before_flush", count)
    assert item_flushes == [4, 2]
    with store.session() as s:
        items = {i.id: i for i in s.scalars(select(m.ReviewItem))}
        events = s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "queue")).all()
        assert len(items) == 6 and sorted(e.item_id for e in events) == sorted(items)
        for e in events:
            assert (e.article_id, e.after) == (
                items[e.item_id].article_id,
                {"draft_id": items[e.item_id].draft_id},
            )
