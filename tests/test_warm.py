"""pipeline.warm.loading: garbage collection paused while a process loads, then what it loaded
frozen out of later collections (the nightly CLI and `plainsci serve` use it)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from pipeline.warm import loading


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Leave the test process as it was: nothing frozen, the thresholds it had."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_loading_pauses_collection_then_freezes_what_was_loaded(unfrozen: None) -> None:
    thresholds = gc.get_threshold()
    with loading():
        assert gc.get_threshold()[0] == 0  # no automatic collection while loading ...
        gc.enable()  # ... even after a library turns the collector back on (srsly does)
        assert gc.get_threshold()[0] == 0
        loaded = Node()
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() > 0
    # what was loaded is out of the collector's view: a full collection does not scan it
    assert not any(obj is loaded for gen in range(3) for obj in gc.get_objects(generation=gen))
    # what the work allocates afterwards is collected as usual
    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage
    gc.collect()
    assert gone() is None


def test_loading_restores_the_thresholds_when_loading_fails(unfrozen: None) -> None:
    thresholds = gc.get_threshold()
    with pytest.raises(RuntimeError, match="model missing"), loading():
        raise RuntimeError("model missing")
    assert gc.get_threshold() == thresholds


def test_the_review_server_freezes_what_its_start_up_loaded(
    unfrozen: None, settings, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    import pipeline.warm
    from pipeline.review.app import create_app
    from pipeline.store.db import Store

    monkeypatch.setattr(pipeline.warm, "warm", lambda settings, stages: {})  # the word lists: not this test's
    thresholds = gc.get_threshold()
    store = Store(settings)
    try:
        with TestClient(create_app(settings, store=store)) as client:  # a test's app: nothing frozen
            assert client.get("/healthz").status_code == 200
            assert gc.get_freeze_count() == 0
        with TestClient(create_app(settings, store=store, settle=True)) as client:  # `plainsci serve`
            assert client.get("/healthz").status_code == 200
            assert gc.get_freeze_count() > 0 and gc.get_threshold() == thresholds
    finally:
        store.dispose()


def test_warm_reports_the_cpu_seconds_of_each_stage_it_loads() -> None:
    """Round 12 (h12ops): the nightly run report lists the CPU seconds of each model load beside
    its wall clock; ``warm`` fills them per stage when given a dict (and still only returns the
    wall-clock seconds)."""
    from pipeline.settings import Settings
    from pipeline.warm import warm

    cpu: dict[str, float] = {}
    timings = warm(Settings(), ("score",), cpu)
    assert set(timings) == set(cpu) == {"score"}
    assert cpu["score"] >= 0.0


def test_warming_the_draft_stage_loads_the_reviewed_abbreviations_and_the_swap_forms() -> None:
    """Round 17 (h17speed): data/glossary/abbreviations.yaml was read inside the first draft of a
    nightly run, after the warm-up; now the warm-up reads it, and builds the swap lexicon's forms."""
    from pipeline.draft import rewrite as rw
    from pipeline.settings import Settings
    from pipeline.text.swaps import lexicon_for
    from pipeline.warm import warm

    rw._known_abbreviations.cache_clear()
    lexicon = lexicon_for(rw.load_glossary())
    lexicon.__dict__.pop("reach", None)
    lexicon.__dict__.pop("forms", None)
    warm(Settings(), ("draft",))
    assert rw._known_abbreviations.cache_info().currsize == 1
    assert "reach" in lexicon.__dict__ and "forms" in lexicon.__dict__
