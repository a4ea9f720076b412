"""The backend interface and registry. A backend turns (article, facts) into every draft field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from pipeline.domain import Article, DraftFields, Facts, fingerprint
from pipeline.registry import Registry
from pipeline.settings import Settings
from pipeline.text.swaps import WordSwap


@dataclass
class Provenance:
    """What produced a draft; together with the article fingerprint it is the cache key."""

    backend: str
    model_id: str | None = None
    model_revision: str | None = None
    prompt_id: str | None = None
    prompt_version: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def cache_key(self, input_fingerprint: str) -> str:
        return fingerprint(
            input_fingerprint,
            self.backend,
            self.model_id,
            self.model_revision,
            self.prompt_id,
            self.prompt_version,
            self.params,
        )


@dataclass
class DraftResult:
    fields: DraftFields
    warnings: list[str] = field(default_factory=list)
    duration_ms: float | None = None
    swaps: list[WordSwap] = field(default_factory=list)  # word swaps kept in the fields


class Backend(Protocol):
    name: str

    @property
    def provenance(self) -> Provenance: ...

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        """Draft every item; a failure on one item is returned as its Exception, not raised."""
        ...


BACKENDS: Registry[Any] = Registry(
    "backend",
    "pipeline.draft.backends",
    modules={
        "composer": "pipeline.draft.composer",
        "extractive": "pipeline.draft.extractive",
        "seq2seq": "pipeline.draft.seq2seq",
    },
)


def draft_over_section_docs(
    nlp: Any,
    items: list[tuple[Article, Facts]],
    draft_one: Callable[[Article, Facts, list[Any]], DraftResult | Exception],
    run: Callable[[Sequence[Callable[[], DraftResult | Exception]]], list[DraftResult | Exception]]
    | None = None,
) -> list[DraftResult | Exception]:
    """Parse every section of every item in one spaCy pass, then ``draft_one(article, facts,
    its section docs)``; an item whose sections cannot be read gets its exception, the rest go on
    (the embedded drafters' shared batch loop). ``run`` runs the items' draft calls (default: one
    after the other; the composer interleaves them to batch its sentence parses)."""
    texts: list[str] = []
    spans: list[tuple[int, int] | Exception] = []
    for article, _facts in items:
        try:
            section_texts = [str(s.text) for s in article.sections]
            spans.append((len(texts), len(texts) + len(section_texts)))
            texts.extend(section_texts)
        except Exception as exc:  # noqa: BLE001 - returned to the caller per item
            spans.append(exc)
    docs = list(nlp.pipe(texts, batch_size=64))
    calls = [
        partial(draft_one, article, facts, docs[span[0] : span[1]])
        for (article, facts), span in zip(items, spans, strict=True)
        if not isinstance(span, Exception)
    ]
    drafted = iter(run(calls) if run is not None else [call() for call in calls])
    return [span if isinstance(span, Exception) else next(drafted) for span in spans]


@dataclass(frozen=True)
class BackendInfo:
    """How a backend is offered to editors (the review app's regenerate menu)."""

    label: str  # what it does, in plain words
    needs_model: bool = False  # it drafts with a model from models.yaml, so one must be installed


# The backends pipeline.draft.backends registers, by name, with how they are offered. Any other
# registered backend describes itself with class attributes ``label`` and ``needs_model``.
BUILTIN_BACKENDS: dict[str, BackendInfo] = {
    "composer": BackendInfo("Written in plain words from the abstract (the default, no model)"),
    "extractive": BackendInfo("Sentences picked from the abstract (fast, no model)"),
    "seq2seq": BackendInfo("Rewritten by a language model", needs_model=True),
}


def backend_names() -> list[str]:
    """Every registered backend's name (the built-ins and any other), sorted."""
    return sorted(set(BUILTIN_BACKENDS) | set(BACKENDS.names()))


def backend_info(name: str) -> BackendInfo:
    """How backend ``name`` is offered: a built-in's entry above, else the class attributes
    ``label`` (default: its name) and ``needs_model`` (default: False) of what is registered."""
    if name in BUILTIN_BACKENDS:
        return BUILTIN_BACKENDS[name]
    factory = BACKENDS.get(name)
    return BackendInfo(str(getattr(factory, "label", name)), bool(getattr(factory, "needs_model", False)))


def make_backend(settings: Settings, name: str | None = None, **options: Any) -> Backend:
    """Build the backend ``name`` (default: settings.backend) with its options."""
    factory = BACKENDS.get(name or settings.backend)
    return factory(settings, **options)  # type: ignore[no-any-return]
