"""The worked examples in docs/architecture.md ("How to add ...") run against today's code:
each module is executed as written, registers itself, and does its job on real sample data."""

from __future__ import annotations

import re
import shutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.base import BACKENDS, DraftResult, backend_info, make_backend
from pipeline.score.base import METRICS, ScoreRow, score_draft
from pipeline.score.gates import GATES, evaluate_gates
from pipeline.sources.base import SOURCES, make_source
from tests.conftest import REPO

DOC = REPO / "docs" / "architecture.md"
SAMPLE = REPO / "data" / "samples" / "bmc_xml_1745-6215-16-1.xml"


def _example(path: str) -> str:
    """The ```python block of the doc whose first line is ``# <path>``."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    found = [b for b in blocks if b.startswith(f"# {path}\n")]
    assert len(found) == 1, f"docs/architecture.md has no single example for {path}"
    return found[0]


@pytest.fixture
def load() -> Iterator[types.SimpleNamespace]:
    """Execute an example as module ``name``; what it registers is removed afterwards."""
    import pipeline.draft.backends  # noqa: F401 - the built-ins register first, and stay
    import pipeline.score.builtin_gates  # noqa: F401
    import pipeline.score.metrics  # noqa: F401
    import pipeline.sources  # noqa: F401

    registries: list[dict] = [SOURCES._items, BACKENDS._items, METRICS._items, GATES._items]
    before = [set(r) for r in registries]
    loaded: list[str] = []

    def run(path: str) -> types.ModuleType:
        name = path.removesuffix(".py").replace("/", ".")
        module = types.ModuleType(name)
        sys.modules[name] = module  # dataclasses and typing look the module up by name
        loaded.append(name)
        exec(compile(_example(path), path, "exec"), module.__dict__)  # noqa: S102 - our own docs
        return module

    yield types.SimpleNamespace(run=run)
    for registry, names in zip(registries, before, strict=True):
        for name in set(registry) - names:
            del registry[name]
    for name in loaded:
        sys.modules.pop(name, None)


def test_the_source_example_reads_the_inbox(load, settings) -> None:  # type: ignore[no-untyped-def]
    load.run("pipeline/sources/inbox.py")
    inbox = Path(settings.data_dir) / "inbox"
    inbox.mkdir(parents=True)
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    source = make_source("inbox", settings)
    items = list(source.fetch())
    assert [i.request for i in items] == [SAMPLE.name]
    articles = source.parse(items[0])
    assert articles and articles[0].doi and articles[0].sections


def test_the_metric_example_scores_drafts(load, bmc_records) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import article_from_record

    load.run("pipeline/score/long_words.py")
    assert METRICS["long_word_share"].version == "1"
    article = article_from_record(bmc_records[0])
    fields = DraftFields("Randomisation and physiotherapy helped.", ["It helped a bit."], "", [], [])
    rows = {(r.field, r.metric): r.value for r in score_draft(fields, article, ["long_word_share"])}
    assert rows == {("simple_explanation", "long_word_share"): 0.5, ("key_findings", "long_word_share"): 0.0}


def test_the_backend_example_drafts(load, settings, bmc_records) -> None:  # type: ignore[no-untyped-def]
    from pipeline.enrich.facts import extract_facts_batch
    from tests.conftest import article_from_record

    load.run("pipeline/draft/lead.py")
    backend = make_backend(settings, "lead", sentences=3)
    assert backend.provenance.cache_key("x") != make_backend(settings, "lead").provenance.cache_key("x")
    articles = [article_from_record(r) for r in bmc_records[:2]]
    results = backend.draft_batch(list(zip(articles, extract_facts_batch(articles), strict=True)))
    assert all(isinstance(r, DraftResult) for r in results)
    assert results[0].fields.simple_explanation.startswith(articles[0].abstract_plain[:40])
    # offered by name until its class says what it is, in plain words
    assert backend_info("lead").label == "lead" and not backend_info("lead").needs_model
    BACKENDS.get("lead").label = "The abstract's first sentences (a baseline)"
    assert backend_info("lead").label == "The abstract's first sentences (a baseline)"


def test_the_gate_example_fails_jargon_heavy_drafts(load) -> None:  # type: ignore[no-untyped-def]
    from pipeline.settings import Settings

    def rows(rate: float) -> list[ScoreRow]:
        return [
            ScoreRow("simple_explanation", "fkgl", "1", 6.0, []),
            ScoreRow("simple_explanation", "jargon_rate", "3", rate, []),
            ScoreRow("key_findings", "jargon_rate", "3", 0.5, []),  # not the field it reads
        ]

    assert evaluate_gates(rows(0.25), Settings()) == []
    load.run("pipeline/score/jargon_gate.py")
    assert list(GATES)[-1] == "jargon"  # after the built-in ones
    assert evaluate_gates(rows(0.25), Settings()) == [
        "simple_explanation has a jargon rate of 0.25; the limit is 0.1"
    ]
    assert evaluate_gates(rows(0.05), Settings()) == []


def test_the_review_page_example_defines_its_route(load, store, bmc_records) -> None:  # type: ignore[no-untyped-def]
    from pipeline.store import repo
    from tests.conftest import article_from_record

    queries = load.run("pipeline/store/queries/retractions.py")  # the page imports its query
    module = load.run("pipeline/review/routes_retracted.py")
    assert [r.path for r in module.router.routes] == ["/retracted"]
    with store.session() as s:
        kept, _ = repo.upsert_article(s, article_from_record(bmc_records[0]))
        gone, _ = repo.upsert_article(s, article_from_record(bmc_records[1]))
        gone.retracted = True
        s.flush()
        assert queries.retracted_articles(s) == [(gone.id, gone.doi, gone.title)]
