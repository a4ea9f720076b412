"""Warm-up: load once, before anyone waits, what the first record would otherwise load.

Each process keeps its spaCy pipelines, word lists (CMU dictionary, Dale-Chall list, word
frequencies), glossaries and compiled patterns in module caches, filled on first use. The review
app warms at start-up (and reports ready only afterwards) so the first draft page is as fast as
the next; the nightly run warms while Prefect's temporary server starts, and reports the time.

Warming runs the real code paths on one short abstract, so whatever they load is loaded.

What a process loads once and keeps (modules, spaCy's vocabulary and lexemes, the word lists:
millions of objects) would otherwise be scanned again by every full pass of Python's cyclic
garbage collector for the rest of the process: in the small nightly run on a loaded machine
the collector took 9.8-13.0 s in all (one full pass: 167 ms of CPU with the models loaded). :func:`loading` pauses the collector while
a process loads and then freezes what it loaded (``gc.freeze``), so later passes scan only
what the work itself allocates.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.domain import Article, DraftFields, PracticalPoint, Section
from pipeline.settings import Settings

WARM_ARTICLE = Article(
    source="warm-up",
    source_id="warm-up",
    title="Exercise for adults with chronic low back pain: a randomised controlled trial",
    sections=[
        Section(
            "Background",
            "Chronic low back pain is common and costly. We tested whether supervised exercise reduces pain.",
        ),
        Section(
            "Methods",
            "We randomly assigned 240 adults aged 18 to 65 years to 12 weeks of supervised exercise or usual "
            "care in a multicentre randomised controlled trial.",
        ),
        Section(
            "Results",
            "Pain scores fell by 2.1 points (95% CI 1.4 to 2.8) with exercise and by 0.9 points with usual "
            "care (p < 0.001). No serious adverse events occurred.",
        ),
        Section("Conclusions", "Supervised exercise did not increase harm and reduced pain at 12 weeks."),
    ],
)

WARM_DRAFT = DraftFields(
    simple_explanation="Researchers tested whether exercise helps adults with long-lasting back pain.",
    key_findings=["Pain fell more with exercise than with usual care.", "No serious harms occurred."],
    research_summary="240 adults took part for 12 weeks. Pain scores fell by 2.1 points with exercise.",
    practical_implications=[PracticalPoint(title="For patients", text="Ask about supervised exercise.")],
    limitations=["The study lasted only 12 weeks."],
)

STAGES = ("enrich", "draft", "score", "review")


@contextmanager
def loading() -> Iterator[None]:
    """Import and load inside: no automatic garbage collection meanwhile, then everything alive
    is moved to the collector's permanent generation (``gc.freeze``) and collection resumes with
    its thresholds as they were.

    For a process that loads its models once and then works (``plainsci nightly``, the review
    server), not for a library caller: frozen objects are never collected, so a cycle that was
    already garbage at the freeze stays in memory (a few MB at most after imports and model
    loads). Pausing sets the first threshold to 0 rather than calling ``gc.disable()``, which
    srsly (spaCy's model loader) undoes with ``gc.enable()`` after each file it reads.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)


def timed(
    timings: dict[str, float], name: str, fn: Callable[[], Any], cpu: dict[str, float] | None = None
) -> None:
    """Run ``fn``, adding its wall seconds to ``timings[name]`` (and this process's CPU seconds to
    ``cpu[name]`` when given)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    if cpu is not None:
        cpu[name] = cpu.get(name, 0.0) + time.process_time() - start_cpu


def _load_word_lists() -> None:
    """Fill the caches of the word lists and glossaries that scoring and the draft page read."""
    from pipeline.score.faithfulness import report_stems
    from pipeline.text import glossary, readability, words

    for load in (
        readability._syllable_sources,
        readability.easy_words,
        words._frequencies,
        words._stemmer,
        glossary.load_term_index,
        glossary.own_wordings,
        report_stems,
    ):
        load()


def _load_inflections() -> None:
    """Read lemminflect's lemma and inflection tables, which the word swaps of every drafted text
    use (``pipeline.text.swaps``; lemminflect reads them on first use)."""
    from lemminflect import getAllInflections, getAllLemmas

    getAllLemmas("pain")
    getAllInflections("pain")


def _load_draft_word_lists(backend: Any) -> None:
    """What a drafter's first abstract would load: the reviewed abbreviations (data/glossary/
    abbreviations.yaml, read and their cues compiled on first use; 0.3 s of CPU inside the first
    draft in round 16) and, for a backend with a glossary, its swap lexicon's inflected forms."""
    from pipeline.draft.rewrite import known_abbreviations
    from pipeline.text.swaps import lexicon_for

    known_abbreviations(WARM_ARTICLE.abstract_plain)
    glossary = getattr(backend, "glossary", None)
    if glossary is not None:
        lexicon_for(glossary).reach  # noqa: B018 - builds forms and reach, kept on the lexicon


def warm(
    settings: Settings, stages: Iterable[str] = STAGES, cpu: dict[str, float] | None = None
) -> dict[str, float]:
    """Load what ``stages`` need (enrich, draft, score, review) in this process; seconds per stage
    (the process's CPU seconds per stage go into ``cpu`` when given)."""
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown warm-up stage(s): {', '.join(sorted(unknown))}")
    timings: dict[str, float] = {}
    article = WARM_ARTICLE
    if wanted & {"enrich", "draft"}:
        from pipeline.enrich.facts import extract_facts
        from pipeline.enrich.nlp import get_nlp

        timed(timings, "enrich", lambda: extract_facts(article, get_nlp(settings.spacy_model)), cpu)
    if "draft" in wanted:
        from pipeline.draft.base import make_backend

        def draft() -> None:
            # Building the backend loads its glossary and model; a backend's own spaCy pipeline
            # (the extractive drafter's segmenter) loads on first touch. Nothing is drafted, so a
            # remote backend is never called here.
            backend = make_backend(settings)
            getattr(backend, "nlp", None)
            _load_inflections()
            _load_draft_word_lists(backend)

        timed(timings, "draft", draft, cpu)
    if wanted & {"score", "review"}:
        from pipeline.score.base import score_draft

        def score() -> None:
            _load_word_lists()  # directly: scoring results of the warm-up text may be memoised already
            score_draft(WARM_DRAFT, article)

        timed(timings, "score", score, cpu)
    if "review" in wanted:

        def review() -> None:
            from pipeline.enrich.wording import fact_statement
            from pipeline.score.faithfulness import align_sentences
            from pipeline.text.readability import coleman_liau_value, dale_chall_value, fkgl_value, text_stats

            sections = tuple(s.text for s in article.sections)
            for a in align_sentences(WARM_DRAFT.research_summary, article):
                fact_statement(a.draft_text, sections)
            stats = text_stats(WARM_DRAFT.simple_explanation)  # what the live readability score uses
            fkgl_value(stats), dale_chall_value(stats), coleman_liau_value(stats)

        timed(timings, "review", review, cpu)
    return timings
