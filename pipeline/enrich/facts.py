"""Study facts for an article: design, evidence level, participants, period, categories, relevance,
scope (health research or out of scope).

``extract_facts`` runs spaCy once over the title and the sections that carry facts (not trial
registration or funding lines), then hands the parsed docs to the small extractors in this
package. ``extract_facts_batch`` does the same for many articles through ``nlp.pipe``.
Output depends only on the article, the spaCy model and EXTRACTOR_VERSION.

Only the sections the participants extractor reads (methods, results, a case presentation, an
unlabelled abstract, unknown labels) get the dependency parser, the costliest component. The
background and conclusions only vote on the design, whose patterns read only what the tokenizer
gives (words, numbers, punctuation, words earlier in the same sentence): they are tokenized and
split into sentences by punctuation (spaCy's sentencizer), without any trained component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.domain import Article, Facts
from pipeline.enrich.categories import pick_categories, score_categories
from pipeline.enrich.design import CASE_REPORT, REVIEW_DESIGNS, design_fact
from pipeline.enrich.evidence import evidence_fact
from pipeline.enrich.nlp import disabled_components, get_nlp, pipe_tabled
from pipeline.enrich.participants import participants_fact
from pipeline.enrich.period import period_fact
from pipeline.enrich.relevance import relevance
from pipeline.enrich.scope import OUT_OF_SCOPE, scope_fact
from pipeline.text import roles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "17"  # 2: the scope fact; 3: participants read only the parsed sections; 4: two groups sharing a noun counted together, lab nouns with a people ending (transformants, plants, promoters) not participants, an empty review ("found no trials", "none relevant to this review") is a review; 5: taxonomy conditions and new labels, a meta-analysis the review could not do is none, "N studies met all/our inclusion criteria" and "N trials were identified" are a review, a diagnostic review and a review of one trial get their own evidence level (h15cat); 6: a publication year range, one trial's follow-up in a review and "from Y1 and Y2" are no study period, a follow-up range keeps its start, "One RCT and eleven cohort studies" is a review (lead, seed 167); 7: a study that builds or tests a measure (psychometric properties, factor structure, test-retest reliability) is a "validation study", never an interview study (h17fields); 8: "identified only two trials that satisfied the selection criteria" is a review, a review of non-randomised studies only (NRS, cohort, before-after) is Level 3, never "of trials" (lead, seed 223); 8 (also): a count with a space between thousands ("13 451 participants") is one count, a validation study is "Level 4 (validation study)" (h18fields); 9: things and units are no participants (tumours, agents, lesions, "hexamers"; family, member, male, female and case only when enrolled), nor a results bracket's sample, a count of trials read onto a people noun, or "patients or episodes"; "non randomised" with a space names no randomised trial (h19counts); 10: a bare "CT" names no imaging (Chlamydia trachomatis, cognitive training in Cochrane reviews): only "CT scan", "CT images", "CT-guided" and the like do (lead, seed 241); 11: a people noun after its count in brackets ("with (n = 18) staff") is a participants count, records indexed or published over a period give no study period (h21bmc); 12: one of several bracketed counts of the same people ("(62 participants) and ... (31 participants)"), "N other participants", "Only N ... were recruited through ..." and "to recruit one participant" are parts, never the whole; "this 5-year study" is a study length; Microbiology names bacterial genera and yeasts, Neuroscience dopamine and glutamatergic inputs; a text word as a short item of a long list ("the heart, liver, ... and ovary") and a condition inside a molecule's name ("cholesterol side chain cleavage enzyme", "insulin-like growth factor") count for no clinical field; BMC Bioinformatics / Systems Biology are Genetics & Genomics (h22bmc); 13: a second group of people counted after "and" ("82 stroke patients and 68 controls") is part of the participants; "kinetic" alone (reaction kinetics) is no Biomechanics (h23bmc); "randomised controlled open label study" names a randomised trial; randomised trials a review found none of or asks for, and retrospective studies, make no "review of trials" (h23coch); 14: "in vivo" said of people ("the in vivo patterns ... in the human hematopoietic system") names no animal study (h24bmc); 15: an age word said of cells ("newborn neurons", "neonatal rat cardiomyocytes") names no Pediatrics, lab imaging ("cryo-electron tomography", "systematic imaging", "imaging-based screen") no Medical Imaging (h25bmc); 16: in a review of several studies the years said of one of them ("The trial included 1356 people, who were recruited ... between 2000 and 2001") are no study period (h27coch); also 16 (h27bmc): chromosomes and homologous recombination name Genetics & Genomics, autophagy, lysosomes, ubiquitin, proteasomes and proteolysis Cell & Molecular Biology (h27bmc: elife 00505 was General Medicine, 10308 Hematology alone); 17: the years of a sentence in a run about one study of a review ("The second study was ... Study duration was three years (1998 to 2001)") are no study period (h28coch); guidance for researchers on a design (a "guidance"/"guidelines for"/"reporting checklist" title, nobody assigned to groups) is not that design (h28bmc: bmc s13063-014-0526-8 was a randomised controlled trial)
BATCH_SIZE = 64

# Section roles parsed in full; participants are looked for in these only.
PARSED_ROLES = frozenset({roles.METHODS, roles.RESULTS, roles.CASE, roles.UNLABELLED, roles.OTHER})


@dataclass(frozen=True)
class _Plan:
    """What to parse for one article: the title and (index, role) of each section read."""

    article: Article
    sections: tuple[tuple[int, str], ...]
    parsed_roles: frozenset[str] = PARSED_ROLES

    def full(self) -> list[tuple[int, str]]:
        """Sections parsed with every component the extractors read."""
        return [(i, r) for i, r in self.sections if r in self.parsed_roles]

    def light(self) -> list[tuple[int, str]]:
        """Sections only tokenized and split into sentences (they only vote on the design)."""
        return [(i, r) for i, r in self.sections if r not in self.parsed_roles]

    def full_texts(self) -> list[str]:
        """Texts for the full parse, title first."""
        return [self.article.title or ""] + [self.article.sections[i].text for i, _ in self.full()]

    def light_texts(self) -> list[str]:
        return [self.article.sections[i].text for i, _ in self.light()]


def _plan(article: Article, parsed_roles: frozenset[str] = PARSED_ROLES) -> _Plan:
    """Choose the sections worth parsing (skip registration/funding lines and empty text)."""
    chosen = []
    for index, section in enumerate(article.sections):
        role = roles.section_role(section.label)
        if role != roles.SKIP and section.text.strip():
            chosen.append((index, role))
    return _Plan(article, tuple(chosen), parsed_roles)


def _facts_from_docs(
    plan: _Plan, full_docs: Sequence[Doc], light_docs: Sequence[Doc], nlp: Language
) -> Facts:
    """Assemble Facts from the parsed title (full_docs[0]) and section docs."""
    article = plan.article
    parsed = [(index, role, doc) for (index, role), doc in zip(plan.full(), full_docs[1:], strict=True)]
    light = [(index, role, doc) for (index, role), doc in zip(plan.light(), light_docs, strict=True)]
    section_docs = sorted(parsed + light, key=lambda d: d[0])
    labels = [s.label for s in article.sections]
    design = design_fact(full_docs[0], section_docs, nlp, labels)
    participants, count = participants_fact(parsed, single_case=design.value == CASE_REPORT)
    scores = score_categories(article)
    scope = scope_fact(article)
    in_scope = scope.value != OUT_OF_SCOPE
    return Facts(
        design=design,
        evidence_level=evidence_fact(design, f"{article.title} {article.abstract_plain}"),
        participants=participants,
        study_period=period_fact(article.sections, review=design.value in REVIEW_DESIGNS),
        # A paper from another field gets no health category ("Medical Imaging" for a volcano).
        categories=pick_categories(scores) if in_scope else [],
        relevance=relevance(scores) if in_scope else 0.0,
        participant_count=count,
        scope=scope,
    )


@lru_cache(maxsize=1)
def _sentencizer() -> Callable[[Doc], Doc]:
    """spaCy's punctuation sentence splitter, standalone (thread-safe: it keeps no state)."""
    from spacy.pipeline import Sentencizer

    split: Callable[[Doc], Doc] = Sentencizer()
    return split


def _parse(texts: Iterable[str], nlp: Language) -> list[Doc]:
    """Parse texts in one nlp.pipe stream with unused components off (the attribute ruler and
    lemmatizer from their tables: :func:`~pipeline.enrich.nlp.pipe_tabled`)."""
    return pipe_tabled(nlp, texts, batch_size=BATCH_SIZE, disable=disabled_components(nlp))


def _parse_light(texts: Iterable[str], nlp: Language) -> list[Doc]:
    """Tokenize texts and split them into sentences by punctuation; no trained component runs."""
    split = _sentencizer()
    return [split(nlp.make_doc(text)) for text in texts]


def extract_facts(article: Article, nlp: Language | None = None) -> Facts:
    """Extract the study facts of one article (nlp defaults to the shared settings model)."""
    return extract_facts_batch([article], nlp)[0]


def extract_facts_batch(
    articles: Sequence[Article], nlp: Language | None = None, parsed_roles: frozenset[str] = PARSED_ROLES
) -> list[Facts]:
    """Extract facts for many articles with one nlp.pipe pass per depth; output order follows input.

    ``parsed_roles``: the section roles parsed in full (the benchmark passes every role to
    measure the previous behaviour beside this one)."""
    nlp = nlp or get_nlp()
    plans = [_plan(a, parsed_roles) for a in articles]
    full_docs = _parse((t for p in plans for t in p.full_texts()), nlp)
    light_docs = _parse_light((t for p in plans for t in p.light_texts()), nlp)
    facts, full_at, light_at = [], 0, 0
    for plan in plans:
        n_full, n_light = 1 + len(plan.full()), len(plan.light())
        facts.append(
            _facts_from_docs(
                plan, full_docs[full_at : full_at + n_full], light_docs[light_at : light_at + n_light], nlp
            )
        )
        full_at, light_at = full_at + n_full, light_at + n_light
    return facts
