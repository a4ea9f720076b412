"""The extractive backend: every field for one article, drafted in batches."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from pipeline.domain import Article, DraftFields, Facts
from pipeline.draft import rewrite as rw
from pipeline.draft.base import BACKENDS, DraftResult, Provenance, draft_over_section_docs
from pipeline.draft.extractive.context import Context, ExtractiveParams
from pipeline.draft.extractive.explanation import simple_explanation
from pipeline.draft.extractive.findings import key_findings, research_summary
from pipeline.draft.extractive.implications import practical_implications
from pipeline.draft.extractive.limitations import limitations
from pipeline.draft.extractive.segmenter import get_segmenter
from pipeline.draft.sentences import build_sentences, centrality
from pipeline.errors import ConfigError, DraftError
from pipeline.settings import Settings
from pipeline.text.swaps import swaps_in_fields, word_lists_hash

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


EXTRACTIVE_VERSION = "2"
PROMPT_ID = "extractive"
PROMPT_VERSION = "1"


def draft_fields(ctx: Context) -> DraftFields:
    """Every draft field for one article."""
    findings = key_findings(ctx)
    fields = DraftFields(
        simple_explanation=simple_explanation(ctx),
        key_findings=findings,
        research_summary=research_summary(ctx),
        practical_implications=practical_implications(ctx, findings),
        limitations=limitations(ctx),
        study_duration=ctx.fact("study_period"),
        participants=ctx.fact("participants"),
        evidence_level=ctx.fact("evidence_level"),
        categories=list(ctx.facts.categories) if ctx.facts is not None else [],
    )
    for name, text in fields.field_texts().items():
        bad = rw.unsupported_numbers(text, ctx.source)
        if bad:  # defensive: every builder filters, so this means a bug, not bad input
            raise DraftError(f"Draft field {name} has numbers not in the abstract: {bad}.")
    if not fields.simple_explanation:
        ctx.warnings.append("empty simple explanation: the abstract has no usable sentences")
    return fields


@BACKENDS.register("extractive")
class ExtractiveBackend:
    """Extractive drafter: ranks, rewrites and assembles sentences of the abstract."""

    name = "extractive"

    def __init__(self, settings: Settings, **options: Any) -> None:
        known = set(ExtractiveParams.__dataclass_fields__)
        unknown = set(options) - known
        if unknown:
            raise ConfigError(
                f"Unknown extractive option(s): {', '.join(sorted(unknown))}.",
                hint=f"Known options: {', '.join(sorted(known))}.",
            )
        self.settings = settings
        self.params = ExtractiveParams(**options)
        self.glossary = rw.load_glossary()

    @property
    def provenance(self) -> Provenance:
        return Provenance(
            backend="extractive",
            model_id=None,
            model_revision=EXTRACTIVE_VERSION,
            prompt_id=PROMPT_ID,
            prompt_version=PROMPT_VERSION,
            params={
                **asdict(self.params),
                "spacy_model": self.settings.spacy_model,
                "word_lists": word_lists_hash(self.glossary),
            },
        )

    @property
    def nlp(self) -> Language:
        return get_segmenter(self.settings.spacy_model, self.params.segmenter)

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        """Draft every item; one item's failure is returned as its exception."""
        return draft_over_section_docs(self.nlp, items, self._draft_one)

    def _draft_one(self, article: Article, facts: Facts, docs: list[Doc]) -> DraftResult | Exception:
        start = time.perf_counter()
        try:
            ctx = self._context(article, facts, docs)
            if facts is not None and facts.out_of_scope_reason:
                ctx.warnings.append(f"out of scope: {facts.out_of_scope_reason}")
            fields = draft_fields(ctx)
        except Exception as exc:  # noqa: BLE001 - returned to the caller per item
            return exc
        return DraftResult(
            fields=fields,
            warnings=ctx.warnings,
            duration_ms=(time.perf_counter() - start) * 1000,
            swaps=swaps_in_fields(ctx.swaps, fields.to_dict()),
        )

    def _context(self, article: Article, facts: Facts, docs: list[Doc]) -> Context:
        sentences = build_sentences([s.label for s in article.sections], docs)
        if not sentences:
            raise DraftError(
                f"Article {article.source_id} has no abstract sentences to draft from.",
                hint="Check that the source gave an abstract; articles without one cannot be drafted.",
            )
        source = f"{article.title}\n{article.abstract_plain}"
        return Context(
            article=article,
            facts=facts,
            sentences=sentences,
            central=centrality(sentences, article.title),
            abbreviations=rw.find_abbreviations(article.abstract_plain),
            glossary=self.glossary,
            params=self.params,
            source=source,
        )
