"""Sources and backends that fail on purpose, registered for the fault-injection tests.

Imported by the tests and by the subprocess of the kill-and-rerun test.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from pipeline.domain import Article, DraftFields, Facts, PracticalPoint
from pipeline.draft.base import BACKENDS, DraftResult, Provenance
from pipeline.errors import DraftError, SourceError, TransientSourceError
from pipeline.sources.base import SOURCES, RawItem
from pipeline.sources.files import FilesSource

CALLS: dict[str, int] = {}
DRAFTED: dict[str, int] = {}  # articles handed to the sleepy backend, by DOI (this process only)


@SOURCES.register("flaky-files")
class FlakyFiles(FilesSource):
    """The bundled sample, but the first two fetches answer like a 503."""

    name = "flaky-files"

    def fetch(self, since=None, until=None, limit=None) -> Iterator[RawItem]:  # type: ignore[no-untyped-def]
        CALLS[self.name] = CALLS.get(self.name, 0) + 1
        if CALLS[self.name] <= 2:
            raise TransientSourceError("HTTP 503 from the test source")
        for item in super().fetch(since, until, limit):
            yield RawItem(self.name, item.request, item.payload, item.content_type)


@SOURCES.register("down")
class DownSource:
    """A source whose server always fails: 500 after every retry, or a plain 4xx."""

    name = "down"

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings

    def fetch(self, since=None, until=None, limit=None) -> Iterator[RawItem]:  # type: ignore[no-untyped-def]
        CALLS[self.name] = CALLS.get(self.name, 0) + 1
        raise TransientSourceError("HTTP 500 Internal Server Error from https://down.invalid/search")
        yield  # pragma: no cover

    def parse(self, item: RawItem) -> list[Article]:
        raise SourceError("never reached")

    def watermark(self, item: RawItem, articles: list[Article]) -> str | None:
        return None


@BACKENDS.register("sleepy")
class SleepyBackend:
    """Plain copying drafter that sleeps per batch (so a test can kill it mid-draft)
    and fails on the DOIs listed in PLAINSCI_TEST_FAIL_DOIS (as a model out of memory would) or
    PLAINSCI_TEST_REJECT_DOIS (as the composer's number check rejects a draft: the same inputs
    fail again). PLAINSCI_TEST_SLEEPY_REVISION changes its model revision (so every cache key)."""

    name = "sleepy"

    def __init__(self, settings, **_: object) -> None:  # type: ignore[no-untyped-def]
        self.delay = float(os.environ.get("PLAINSCI_TEST_DRAFT_DELAY", "0"))
        self.fail = set(filter(None, os.environ.get("PLAINSCI_TEST_FAIL_DOIS", "").split(",")))
        self.reject = set(filter(None, os.environ.get("PLAINSCI_TEST_REJECT_DOIS", "").split(",")))
        self.revision = os.environ.get("PLAINSCI_TEST_SLEEPY_REVISION", "1")

    @property
    def provenance(self) -> Provenance:
        return Provenance(backend="sleepy", model_revision=self.revision)

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        time.sleep(self.delay)
        out: list[DraftResult | Exception] = []
        for art, facts in items:
            DRAFTED[art.doi or art.source_id] = DRAFTED.get(art.doi or art.source_id, 0) + 1
            if art.doi in self.reject:
                out.append(
                    DraftError(
                        f"Draft field key_findings of {art.source_id} has numbers not in the abstract: ['7']."
                    )
                )
                continue
            if art.doi in self.fail:
                out.append(RuntimeError("CUDA out of memory (simulated)"))
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
                        study_duration=facts.study_period.value,
                        evidence_level=facts.evidence_level.value,
                        categories=facts.categories,
                    )
                )
            )
        return out
