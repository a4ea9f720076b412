"""Editor feedback per prompt/model version, and the store as datasets (approved pairs, table)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from pipeline.domain import Article, DraftFields, PracticalPoint, Section
from pipeline.lab.datasets import approved_pairs, draft_summary_text, load_pairs, store_frame, write_pairs
from pipeline.lab.feedback import editor_edits, feedback_by_version
from pipeline.publish.edits import page_text
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store

MODEL_TEXT = "The drug lowered blood pressure in 120 adults. It may help people with high blood pressure."


def _fields(simple: str, findings: list[str] | None = None) -> dict:
    return DraftFields(
        simple_explanation=simple,
        key_findings=findings or ["Blood pressure fell by 5 mmHg."],
        research_summary="A trial in 120 adults.",
        practical_implications=[PracticalPoint("Talk to a doctor", "Ask about the drug.")],
        limitations=["Short study"],
    ).to_dict()


def _item(
    s, n: int, status: str, prompt_version: str, final: str | None, model_id: str = "m1"
) -> m.ReviewItem:  # type: ignore[no-untyped-def]
    art, _ = repo.upsert_article(
        s,
        Article(
            source="test",
            source_id=f"a{n}",
            title=f"Trial {n}",
            doi=f"10.1/{n}",
            sections=[
                Section("Methods", "We enrolled 120 adults."),
                Section("Results", "Pressure fell by 5 mmHg."),
            ],
        ),
    )
    s.flush()
    model = m.Draft(
        article_id=art.id,
        version=1,
        fields=_fields(MODEL_TEXT),
        backend="seq2seq",
        model_id=model_id,
        prompt_id="default",
        prompt_version=prompt_version,
        params={},
        input_fingerprint="f",
        cache_key=f"k{n}",
    )
    s.add(model)
    s.flush()
    current = model
    if final is not None:
        current = m.Draft(
            article_id=art.id,
            version=2,
            fields=_fields(final),
            backend="editor",
            model_id=model_id,
            prompt_id="default",
            prompt_version=prompt_version,
            params={"edited_from": model.id},
            input_fingerprint="f",
            cache_key=f"e{n}",
            author="ed",
            parent_id=model.id,
        )
        s.add(current)
        s.flush()
    item = m.ReviewItem(article_id=art.id, draft_id=current.id, status=status)
    s.add(item)
    s.flush()
    return item


@pytest.fixture
def edited_store(settings) -> Store:  # type: ignore[no-untyped-def]
    store = Store(settings)
    edited = (
        "The drug lowered blood pressure in 120 adults. It might help people whose blood pressure is high."
    )
    with store.session() as s:
        _item(s, 1, "published", "1-1-1-1-1", edited)
        _item(s, 2, "approved", "1-1-1-1-1", None)  # accepted unchanged
        _item(s, 3, "rejected", "1-1-1-1-1", None)
        _item(s, 4, "approved", "2-1-1-1-1", "Blood pressure went down.")
        _item(s, 5, "in_review", "2-1-1-1-1", None)
    return store


def test_editor_edits_measure_the_change_from_the_model_draft(edited_store: Store) -> None:
    edits = editor_edits(edited_store).set_index("article_id")
    assert len(edits) == 5
    first = edits.iloc[0]
    expected = Levenshtein.normalized_distance(
        page_text(_fields(MODEL_TEXT)),
        page_text(
            _fields(
                "The drug lowered blood pressure in 120 adults. It might help people whose blood pressure is high."
            )
        ),
    )
    assert first["edit_distance"] == round(expected, 4) and 0 < expected < 0.5
    assert first["edited"] and first["editor_versions"] == 1 and first["editors"] == "ed"
    assert first["model_version"] == 1 and first["final_version"] == 2
    assert edits.iloc[1]["edit_distance"] == 0.0 and not edits.iloc[1]["edited"]


def test_feedback_by_version_counts_acceptance_and_distance(edited_store: Store) -> None:
    table = feedback_by_version(editor_edits(edited_store))
    v1 = table.loc[("seq2seq", "m1", "default", "1-1-1-1-1")]
    assert v1["items"] == 3 and v1["decided"] == 3 and v1["accepted"] == 2
    assert v1["acceptance_rate"] == pytest.approx(2 / 3)
    edits = editor_edits(edited_store)
    accepted_v1 = edits[(edits["prompt_version"] == "1-1-1-1-1") & edits["accepted"]]
    assert v1["mean_edit_distance"] == pytest.approx(accepted_v1["edit_distance"].mean())
    v2 = table.loc[("seq2seq", "m1", "default", "2-1-1-1-1")]
    assert v2["items"] == 2 and v2["accepted"] == 1 and v2["acceptance_rate"] == 1.0
    assert v2["fkgl_after"] < v2["fkgl_before"]  # the editor's text is plainer


def test_approved_items_become_pairs(edited_store: Store, tmp_path: Path) -> None:
    pairs = approved_pairs(edited_store)
    assert [p.id for p in pairs] == ["10.1/1", "10.1/2", "10.1/4"]
    assert pairs[0].abstract == "Methods: We enrolled 120 adults.\nResults: Pressure fell by 5 mmHg."
    assert pairs[0].plain_summary.startswith("The drug lowered blood pressure in 120 adults. It might help")
    assert pairs[2].plain_summary == "Blood pressure went down. Blood pressure fell by 5 mmHg."
    back = load_pairs(write_pairs(pairs, tmp_path / "approved.jsonl"))
    assert [(p.id, p.abstract, p.plain_summary) for p in back] == [
        (p.id, p.abstract, p.plain_summary) for p in pairs
    ]
    assert [p.id for p in approved_pairs(edited_store, statuses=("published",))] == ["10.1/1"]


def test_store_frame_has_one_row_per_article_with_status_and_version(edited_store: Store) -> None:
    frame = store_frame(edited_store)
    assert len(frame) == 5
    assert frame["status"].tolist() == ["published", "approved", "rejected", "approved", "in_review"]
    assert frame["draft_version"].tolist() == [2, 1, 1, 2, 1]
    assert frame["author"].tolist()[0] == "ed"


def test_draft_summary_text_joins_fields_as_sentences() -> None:
    assert draft_summary_text({"simple_explanation": "One", "key_findings": ["Two.", " "]}) == "One. Two."


def test_an_edit_without_a_parent_is_measured_from_the_same_model_draft_in_the_app(
    edited_store: Store,
) -> None:
    """An imported edit has no parent chain: the lab and the review app's metrics page both measure
    it from the newest model version before it, so they report the same distance."""
    from pipeline.review.metrics import published_rows

    with edited_store.session() as s:
        item = _item(s, 6, "published", "1-1-1-1-1", "Blood pressure went down in adults on the drug.")
        edit = s.get(m.Draft, item.draft_id)
        assert edit is not None
        edit.parent_id = None
        item_id = item.id
    lab = editor_edits(edited_store).set_index("item_id").loc[item_id]
    with edited_store.session() as s:
        app = next(r for r in published_rows(s) if r.item_id == item_id)
    assert lab["model_version"] == 1 and lab["edit_distance"] > 0.3
    assert app.edit_distance == lab["edit_distance"]
