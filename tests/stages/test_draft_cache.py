"""The draft cache key covers the word lists a drafter swaps from: editing one drafts again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.draft.base import make_backend
from pipeline.stages.draft import plan, run_draft
from pipeline.stages.enrich import run_enrich
from pipeline.stages.ingest import run_ingest
from pipeline.store import models as m
from pipeline.store.db import Store
from pipeline.text import swaps
from pipeline.text.glossary import GLOSSARY_DIR, load_glossary
from tests.stages.test_stages import ListSource


@pytest.fixture
def drafted(store: Store, settings, bmc_records: list[dict]):  # type: ignore[no-untyped-def]
    """Two real abstracts drafted by the composer; the backend that drafted them."""
    run_ingest(store, ListSource(bmc_records[:2]))
    run_enrich(store)
    backend = make_backend(settings, "composer")
    assert run_draft(store, backend)["drafted"] == 2
    assert plan(store, backend).todo == []  # drafted: cached
    return backend


@pytest.mark.parametrize("backend_name", ["composer", "extractive"])
def test_editing_a_glossary_entry_changes_the_cache_key(settings, backend_name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    edited = tmp_path / "glossary"
    shutil.copytree(GLOSSARY_DIR, edited)
    own = edited / "plainsci_terms.yaml"
    text = own.read_text(encoding="utf-8")
    assert "cerebrovascular accident: stroke\n" in text
    # the same number of entries, one wording changed
    own.write_text(text.replace("cerebrovascular accident: stroke\n", "cerebrovascular accident: a stroke\n"))
    backend = make_backend(settings, backend_name)
    before = backend.provenance
    backend.glossary = load_glossary(edited)  # type: ignore[attr-defined]
    after = backend.provenance
    assert len(backend.glossary) == len(load_glossary())  # type: ignore[attr-defined]
    assert before.params["word_lists"] != after.params["word_lists"]
    assert before.cache_key("article") != after.cache_key("article")


def test_a_glossary_edit_drafts_again(store: Store, drafted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    edited = tmp_path / "glossary"
    shutil.copytree(GLOSSARY_DIR, edited)
    own = edited / "plainsci_terms.yaml"
    own.write_text(
        own.read_text(encoding="utf-8").replace(
            "intracranial: inside the skull", "intracranial: in the skull"
        )
    )
    drafted.glossary = load_glossary(edited)
    assert len(plan(store, drafted).todo) == 2


def test_a_mined_swap_or_an_accepted_editor_swap_drafts_again(
    store: Store,
    drafted,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an accepted editor swap (the store's learned_swaps table): the draft stage loads it first
    with store.session() as s:
        s.add(m.LearnedSwap(term="approximately", plain="about", status="accepted", approvals=3, editors=2))
    try:
        assert len(plan(store, drafted).todo) == 2
    finally:
        with store.session() as s:
            s.query(m.LearnedSwap).delete()
    assert plan(store, drafted).todo == []  # back to the word lists the drafts were made with

    # a new mined pair in data/lexicon/swaps.tsv
    lexicon = tmp_path / "lexicon"
    shutil.copytree(swaps.LEXICON_DIR, lexicon)
    with (lexicon / swaps.MINED_FILE).open("a", encoding="utf-8") as fh:
        fh.write("randomised\tchosen by chance\tmined:test\t1\t1\t1\t1.0\tA randomised trial.\n")
    monkeypatch.setattr(swaps, "LEXICON_DIR", lexicon)
    swaps.lexicon_for.cache_clear()
    try:
        assert len(plan(store, drafted).todo) == 2
    finally:
        monkeypatch.undo()
        swaps.lexicon_for.cache_clear()
