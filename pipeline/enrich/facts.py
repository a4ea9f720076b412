"""Study facts for an article: design, evidence level, participants, period, categories, relevance,
scope (health research or out of scope).

``extract_facts`` runs spaCy once over the title and the sections that carry facts (not trial
registration or funding lines), then hands the parsed docs to the small extractors in this
package. ``extract_facts_batch`` does the same for many articles through ``nlp.pipe``.
Output depends only on the article, the spaCy model and EXTRACTOR_VERSION.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.domain import Article, Facts
from pipeline.enrich.categories import pick_categories, score_categories
from pipeline.enrich.design import CASE_REPORT, design_fact
from pipeline.enrich.evidence import evidence_fact
from pipeline.enrich.nlp import disabled_components, get_nlp
from pipeline.enrich.participants import participants_fact
from pipeline.enrich.period import period_fact
from pipeline.enrich.relevance import relevance
from pipeline.enrich.scope import OUT_OF_SCOPE, scope_fact
from pipeline.text import roles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "2"  # 2: the scope fact (health research or out of scope)
BATCH_SIZE = 64


@dataclass(frozen=True)
class _Plan:
    """What to parse for one article: the title and (index, role) of each section read."""

    article: Article
    sections: tuple[tuple[int, str], ...]

    def texts(self) -> list[str]:
        """The texts to parse, title first."""
        return [self.article.title or ""] + [self.article.sections[i].text for i, _ in self.sections]


def _plan(article: Article) -> _Plan:
    """Choose the sections worth parsing (skip registration/funding lines and empty text)."""
    chosen = []
    for index, section in enumerate(article.sections):
        role = roles.section_role(section.label)
        if role != roles.SKIP and section.text.strip():
            chosen.append((index, role))
    return _Plan(article, tuple(chosen))


def _facts_from_docs(plan: _Plan, docs: Sequence[Doc], nlp: Language) -> Facts:
    """Assemble Facts from the parsed title (docs[0]) and section docs."""
    article = plan.article
    section_docs = [(index, role, doc) for (index, role), doc in zip(plan.sections, docs[1:], strict=True)]
    labels = [s.label for s in article.sections]
    design = design_fact(docs[0], section_docs, nlp, labels)
    participants, count = participants_fact(section_docs, single_case=design.value == CASE_REPORT)
    scores = score_categories(article)
    scope = scope_fact(article)
    in_scope = scope.value != OUT_OF_SCOPE
    return Facts(
        design=design,
        evidence_level=evidence_fact(design, f"{article.title} {article.abstract_plain}"),
        participants=participants,
        study_period=period_fact(article.sections),
        # A paper from another field gets no health category ("Medical Imaging" for a volcano).
        categories=pick_categories(scores) if in_scope else [],
        relevance=relevance(scores) if in_scope else 0.0,
        participant_count=count,
        scope=scope,
    )


def _parse(texts: Iterable[str], nlp: Language) -> list[Doc]:
    """Parse texts in one nlp.pipe stream with unused components off."""
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE, disable=disabled_components(nlp)))


def extract_facts(article: Article, nlp: Language | None = None) -> Facts:
    """Extract the study facts of one article (nlp defaults to the shared settings model)."""
    return extract_facts_batch([article], nlp)[0]


def extract_facts_batch(articles: Sequence[Article], nlp: Language | None = None) -> list[Facts]:
    """Extract facts for many articles with one nlp.pipe pass; output order follows input."""
    nlp = nlp or get_nlp()
    plans = [_plan(a) for a in articles]
    docs = _parse((t for p in plans for t in p.texts()), nlp)
    facts, offset = [], 0
    for plan in plans:
        size = 1 + len(plan.sections)
        facts.append(_facts_from_docs(plan, docs[offset : offset + size], nlp))
        offset += size
    return facts
