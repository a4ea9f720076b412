"""The embedded default drafter: extracts and rewrites sentences of the abstract itself.

No model weights: spaCy (tokenizer plus a sentence splitter) segments each abstract section,
``sentences`` ranks the sentences for each field, ``rewrite`` turns them into plainer words,
and the fact fields are copied from the ``Facts`` the caller extracted. Every number in the
drafted text comes from the article; a field never gets a sentence that would break that.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.domain import NOT_SPECIFIED, Article, DraftFields, Facts, PracticalPoint
from pipeline.draft import rewrite as rw
from pipeline.draft.base import BACKENDS, DraftResult, Provenance, draft_over_section_docs
from pipeline.draft.sentences import Sentence, build_sentences, centrality, content_key, content_words, rank
from pipeline.enrich.wording import (
    DESIGN_CAVEATS,
    DESIGN_PLAIN,
    LIMITATION_CUES,
    NO_LIMITATIONS_STATED,
    PROTOCOL_STATEMENT,
    design_label,
    design_statement,
)
from pipeline.errors import ConfigError, DraftError
from pipeline.settings import Settings
from pipeline.text.swaps import WordSwap, swaps_in_fields, word_lists_hash

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTIVE_VERSION = "2"
PROMPT_ID = "extractive"
PROMPT_VERSION = "1"

# ---------------------------------------------------------------------------
# Parameters and the spaCy segmenter
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractiveParams:
    """The tunables; all of them go into the provenance (and so into the cache key)."""

    segmenter: str = "rule"  # "rule": sentencizer + abbreviation fixes; "senter": statistical
    max_sentence_words: int = 25
    simple_split_words: int = 12
    simple_min_words: int = 40  # 50 gave median FKGL 9.17 on cochrane_val, 40 gives 8.84
    simple_max_words: int = 110
    findings: int = 3
    finding_min_words: int = 8
    finding_max_words: int = 25
    implications: int = 3
    implication_min_words: int = 14
    implication_max_words: int = 25
    limitations: int = 3
    small_sample: int = 50
    summary_max_words: int = 90


_NLP_LOCK = threading.Lock()
_NLP_CACHE: dict[tuple[str, str], Language] = {}
_ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


def get_segmenter(model_name: str, segmenter: str = "rule") -> Language:
    """The model's tokenizer plus a sentence splitter, loaded once per process.

    The shared full pipeline (``pipeline.enrich.nlp``) runs a tagger and parser the drafter
    never reads; loading only the tokenizer keeps drafting well above 50 abstracts/s.
    """
    key = (model_name, segmenter)
    with _NLP_LOCK:
        nlp = _NLP_CACHE.get(key)
        if nlp is None:
            nlp = _NLP_CACHE[key] = _load_segmenter(model_name, segmenter)
    return nlp


def _load_segmenter(model_name: str, segmenter: str) -> Language:
    import spacy

    keep = {"rule": set(), "senter": {"tok2vec", "senter"}}.get(segmenter)
    if keep is None:
        raise ConfigError(f"Unknown extractive segmenter {segmenter!r}.", hint="Use 'rule' or 'senter'.")
    try:
        nlp = spacy.load(model_name, exclude=[c for c in _ALL_COMPONENTS if c not in keep])
    except OSError as exc:
        raise ConfigError(
            f"The spaCy model {model_name!r} is not installed.",
            hint="Install it into the virtualenv or set PLAINSCI_SPACY_MODEL to an installed model.",
        ) from exc
    if segmenter == "rule":
        nlp.add_pipe("sentencizer")
    elif "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


# ---------------------------------------------------------------------------
# Per-article context
# ---------------------------------------------------------------------------


@dataclass
class _Context:
    article: Article
    facts: Facts
    sentences: list[Sentence]
    central: list[float]
    abbreviations: dict[str, str]
    glossary: rw.Glossary
    params: ExtractiveParams
    source: str
    warnings: list[str] = field(default_factory=list)
    swaps: list[WordSwap] = field(default_factory=list)  # every swap made in any candidate

    def ranked(self, purpose: Any, kinds: tuple[str, ...] | None = None) -> list[Sentence]:
        return rank(self.sentences, purpose, self.central, kinds=kinds)  # type: ignore[arg-type]

    def plain(
        self,
        sentence: str,
        *,
        max_words: int,
        define: bool,
        defined: set[str] | None = None,
        simplest: bool = False,
    ) -> list[str]:
        """Plain-language rewrite of a sentence into pieces of at most ``max_words`` words.

        ``simplest`` (the simple explanation) also drops bracketed asides and trailing modifiers.
        """
        pieces = rw.rewrite_sentence(
            sentence,
            abbreviations=self.abbreviations,
            glossary=self.glossary,
            max_words=max_words,
            define=define,
            defined=defined,
            drop_asides=simplest,
            swaps=self.swaps,
        )
        if simplest:
            pieces = [rw.compress(p, max_words) for p in pieces]
        return [p for p in pieces if self.grounded(p) and rw.word_count(p) >= 3 and not rw.has_statistics(p)]

    def technical(self, sentence: str) -> str:
        """Light rewrite: statistics stripped, abbreviations written out, wording kept."""
        text = rw.expand_abbreviations(rw.strip_statistics(sentence), self.abbreviations)
        return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))

    @property
    def word_weights(self) -> dict[str, float]:
        """How often each content word occurs in the abstract (title words count extra)."""
        counts: dict[str, float] = {}
        for s in self.sentences:
            for w in s.words:
                counts[w] = counts.get(w, 0.0) + 1.0
        for w in content_words(self.article.title):
            counts[w] = counts.get(w, 0.0) + 2.0
        return counts

    def grounded(self, text: str) -> bool:
        return not rw.unsupported_numbers(text, self.source)

    def fact(self, name: str) -> str:
        value = getattr(self.facts, name).value if self.facts is not None else NOT_SPECIFIED
        return value.strip() if isinstance(value, str) and value.strip() else NOT_SPECIFIED


# ---------------------------------------------------------------------------
# Field builders (the fixed wording of study facts is in pipeline.enrich.wording)
# ---------------------------------------------------------------------------

_AIM_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^(?:the )?(?:main |primary )?(?:aims?|purposes?|objectives?|goals?) (?:of|in) (?:this|the|our|the "
            r"present) (?:study|trial|review|work|paper|analysis|project)\s+(?:was|were|is|are) (?:to )?",
            re.I,
        ),
        "This study set out to ",
    ),
    (
        re.compile(r"^(?:in this (?:study|paper|work),? )?we (?:aimed|sought|set out|wanted) to ", re.I),
        "The researchers set out to ",
    ),
    (
        re.compile(r"^this (?:study|trial|review|paper) (?:aimed|aims|sought) to ", re.I),
        "This study set out to ",
    ),
    (re.compile(r"^(?:our|the) (?:aim|objective|purpose) was to ", re.I), "This study set out to "),
)


def aim_sentence(text: str) -> str | None:
    """ "The aim of this study was to X" -> "This study set out to X"; None if not an aim sentence."""
    for pattern, replacement in _AIM_PATTERNS:
        if pattern.search(text):
            return pattern.sub(replacement, text, count=1)
    return None


def _participants_phrase(ctx: _Context) -> str | None:
    value = ctx.fact("participants")
    if value == NOT_SPECIFIED or not ctx.grounded(value) or rw.word_count(value) > 16:
        return None
    text = rw.expand_abbreviations(value, ctx.abbreviations)
    text = rw.apply_glossary(text, ctx.glossary, define=False, swaps=ctx.swaps)
    first = text.split(" ", 1)[0]
    if first in ("A", "An", "The") or (first[:1].isupper() and first[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def study_sentence_plain(ctx: _Context) -> str | None:
    """What the study did, from the design and participants facts, in plain words."""
    design = ctx.fact("design")
    who = _participants_phrase(ctx)
    if design == "protocol":
        return PROTOCOL_STATEMENT
    noun = DESIGN_PLAIN.get(design.lower()) if design != NOT_SPECIFIED else None
    if noun and who:
        return f"{design_statement(noun)} It included {who}."
    if noun:
        return design_statement(noun)
    if who:
        return f"The study included {who}."
    return None


def _first_fitting(pieces: list[str], lo: int, hi: int) -> str | None:
    """The first piece whose length is within [lo, hi] words."""
    return next((p for p in pieces if lo <= rw.word_count(p) <= hi), None)


def _similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Near-duplicates: most content words of the shorter text occur in the other."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 3 and shared / min(len(wa), len(wb)) >= threshold


def _dedupe(texts: list[str]) -> list[str]:
    out: list[str] = []
    for t in texts:
        if not any(_similar(t, o, 0.85) for o in out):
            out.append(t)
    return out


def simple_explanation(ctx: _Context) -> str:
    """3-5 plain sentences: the problem, what the study did, what it found, why it matters."""
    p = ctx.params
    defined: set[str] = set()
    parts: list[tuple[int, str]] = []  # (priority: lower is kept first, text) in page order

    def plain(sentence: Sentence) -> list[str]:
        return ctx.plain(
            sentence.text, max_words=p.simple_split_words, define=True, defined=defined, simplest=True
        )

    background = ctx.ranked("background", ("background",))
    if background and not background[0].cue("aim"):
        parts += [(2 + i, t) for i, t in enumerate(plain(background[0])[:2])]
    aim = next((s for s in ctx.ranked("aim", ("background", "methods")) if s.cue("aim")), None)
    aim_text = aim_sentence(aim.text) if aim else None
    if aim_text:
        parts += [
            (3, t)
            for t in ctx.plain(
                aim_text, max_words=p.simple_split_words, define=True, defined=defined, simplest=True
            )[:1]
        ]
    study = study_sentence_plain(ctx)
    if study:
        parts += [(1, s) for s in _sentences_of(study)]
    elif not aim_text:
        method = ctx.ranked("method", ("methods", "results"))
        if method:
            parts += [(3, t) for t in plain(method[0])[:1]]
    findings = _shortest_good(
        ctx.ranked("finding", ("results",)) or ctx.ranked("finding"), top=5, rank_weight=1.5
    )
    concluding = ctx.ranked("conclusion", ("conclusions",)) or ctx.ranked("conclusion")
    cued = [s for s in concluding if s.cue("conclusion")]
    # Only sentences that read as conclusions compete on readability for the "why it matters" slot.
    conclusions = _shortest_good(cued, top=3, rank_weight=2.5) + [s for s in concluding if s not in cued]
    if findings:
        parts += [(2 + i * 3, t) for i, t in enumerate(plain(findings[0])[:2])]
    if conclusions and (not findings or conclusions[0] is not findings[0]):
        parts += [(0 + i * 2, t) for i, t in enumerate(plain(conclusions[0])[:2])]
    texts = _prune_long(_fit_budget(parts, p.simple_min_words, p.simple_max_words), parts, p)
    if rw.word_count(" ".join(texts)) < p.simple_min_words:
        extras = [t for extra in findings[1:4] + conclusions[1:3] for t in plain(extra)[:1]]
        for text in sorted(extras, key=rw.estimate_grade):
            if any(_similar(text, t, 0.75) for t in texts):
                continue
            texts.append(text)
            if rw.word_count(" ".join(texts)) >= p.simple_min_words:
                break
        texts = _trim(texts, p.simple_max_words)
    return rw.join_sentences(_dedupe(texts))


def _prune_long(texts: list[str], parts: list[tuple[int, str]], p: ExtractiveParams) -> list[str]:
    """Drop the hardest, least important sentences while the text stays above its minimum.

    The conclusion (priority 0) and the study sentence (priority 1) are always kept.
    """
    priority = {t: pr for pr, t in parts}
    while len(texts) > 3:
        hard = [t for t in texts if rw.estimate_grade(t) > 8.0 and priority.get(t, 9) > 1]
        if not hard:
            break
        worst = max(hard, key=lambda t: (priority.get(t, 9), rw.estimate_grade(t)))
        if rw.word_count(" ".join(texts)) - rw.word_count(worst) < p.simple_min_words:
            break
        texts = [t for t in texts if t is not worst]
    return texts


def _shortest_good(candidates: list[Sentence], top: int = 4, rank_weight: float = 2.0) -> list[Sentence]:
    """Re-order the best few candidates so that an easier one of them comes first."""
    head = candidates[:top]
    head = sorted(
        head, key=lambda s: candidates.index(s) * rank_weight + rw.estimate_grade(rw.strip_statistics(s.text))
    )
    return head + candidates[top:]


def _sentences_of(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if s.strip()]


def _fit_budget(parts: list[tuple[int, str]], lo: int, hi: int) -> list[str]:
    """Keep parts in page order, dropping the least important until the word budget fits."""
    kept = list(parts)
    while len(kept) > 3 and rw.word_count(" ".join(t for _, t in kept)) > hi:
        worst = max(range(len(kept)), key=lambda i: (kept[i][0], i))
        kept.pop(worst)
    return [t for _, t in kept]


def _trim(texts: list[str], hi: int) -> list[str]:
    while len(texts) > 3 and rw.word_count(" ".join(texts)) > hi:
        texts = texts[:-1]
    return texts


def _fitted_pieces(ctx: _Context, sentence: str, max_words: int) -> list[str]:
    """Plain pieces of a sentence, each compressed when it is still over ``max_words``."""
    pieces = ctx.plain(sentence, max_words=max_words, define=False)
    return [rw.compress(x, max_words) for x in pieces]


def key_findings(ctx: _Context) -> list[str]:
    """Up to three results in plain words, 8-25 words each, in source order."""
    p = ctx.params
    pool = ctx.ranked("finding", ("results",))
    concluding = [s for s in ctx.ranked("finding", ("conclusions",)) if not s.is_future]
    # Conclusions that read as implications are kept for the practical points when possible.
    pool += [s for s in concluding if not s.cue("conclusion")] + [
        s for s in concluding if s.cue("conclusion")
    ]
    # No results or conclusions (a resource description, a case report): the best
    # non-background sentences stand in rather than leaving the field empty.
    pool += [s for s in ctx.ranked("finding", ("methods",)) if not s.is_future]
    # Unlabelled prose that reads as neither (some journals): any sentence, best first.
    pool += [s for s in ctx.ranked("finding") if s not in pool and not s.is_future]
    chosen: list[tuple[int, str]] = []
    fallback: list[tuple[int, str]] = []
    for sentence in pool:
        pieces = _fitted_pieces(ctx, sentence.text, p.finding_max_words)
        text = _first_fitting(pieces, p.finding_min_words, p.finding_max_words)
        if text is None:
            short = [x for x in pieces if 5 <= rw.word_count(x) <= p.finding_max_words]
            if short:
                fallback.append((sentence.index, short[0]))
            continue
        if any(_similar(text, t) for _, t in chosen):
            continue
        chosen.append((sentence.index, text))
        if len(chosen) == p.findings:
            break
    for item in fallback:
        if len(chosen) >= p.findings:
            break
        if not any(_similar(item[1], t) for _, t in chosen):
            chosen.append(item)
    if len(chosen) < p.findings:
        ctx.warnings.append(f"only {len(chosen)} key findings: the abstract has few result sentences")
    return [t for _, t in sorted(chosen)]


def research_summary(ctx: _Context) -> str:
    """One paragraph of about three sentences: design, what was measured, main result."""
    p = ctx.params
    out: list[str] = []
    design = ctx.fact("design")
    who = ctx.fact("participants")
    used: set[int] = set()
    if design != NOT_SPECIFIED:
        label = design_label(design)
        if who != NOT_SPECIFIED and ctx.grounded(who) and rw.word_count(who) <= 16:
            out.append(f"This {label} included {rw.expand_abbreviations(who, ctx.abbreviations)}.")
        else:
            out.append(design_statement(label))
    else:
        method = ctx.ranked("method", ("methods", "results"))
        if method:
            out.append(ctx.technical(method[0].text))
            used.add(method[0].index)
    measure = [s for s in ctx.ranked("measure", ("methods",)) if s.index not in used and s.cue("measure")]
    if measure:
        out.append(ctx.technical(measure[0].text))
        used.add(measure[0].index)
    findings = [s for s in ctx.ranked("finding", ("results",)) if s.index not in used]
    findings = findings or [s for s in ctx.ranked("finding") if s.index not in used]
    for s in findings[: 3 - len(out) if len(out) < 2 else 1]:
        out.append(ctx.technical(s.text))
    out = [s for s in out if ctx.grounded(s)]
    out = _shorten(out, p.summary_max_words, p.max_sentence_words)
    return rw.join_sentences(out)


def _shorten(sentences: list[str], max_words: int, split_words: int) -> list[str]:
    """Keep a paragraph under ``max_words`` by keeping the first clause of long sentences."""
    if rw.word_count(" ".join(sentences)) <= max_words:
        return sentences
    short = [rw.split_long_sentence(s, split_words)[0] for s in sentences]
    return short


# ----- practical implications ------------------------------------------------

_LEAD_IN = re.compile(
    r"^(?:(?:in conclusion|in summary|overall|taken together|thus|therefore|hence|finally|however|"
    r"furthermore|moreover|also|importantly),?\s+)?"
    r"(?:(?:these|our|the|this|present|current|study|review|trial|analysis|findings?|results?|data|evidence|"
    r"work)\s+){1,4}"
    r"(?:\w+\s+){0,2}?(?:suggests?|indicates?|shows?|showed|demonstrates?|supports?|highlights?|confirms?|"
    r"provides? evidence|implies|imply|reveals?)\s+(?:that\s+)?",
    re.I,
)
_STOP_AT = re.compile(
    r"^(?:is|are|was|were|be|been|being|has|have|had|may|might|could|should|can|will|would|must|does|do|did|"
    r"seems?|appears?|remains?|plays?|provides?|shows?|showed|suggests?|improves?|reduces?|increases?|"
    r"decreases?|leads?|helps?|offers?|represents?|allows?|requires?|needs?|affects?|appear|that|which|who|"
    r"when|where|while|if|than|as|by|to|not)$",
    re.I,
)
_PREPOSITIONS = {"of", "in", "for", "with", "on", "at", "from", "among", "between", "after", "during", "into"}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "our",
    "its",
    "their",
    "such",
    "both",
    "all",
    "any",
    "further",
    "more",
    "future",
    "it",
    "we",
    "they",
    "there",
}
_GENERIC_HEADS = {
    "use",
    "role",
    "effect",
    "effects",
    "level",
    "levels",
    "number",
    "presence",
    "combination",
    "importance",
    "development",
    "risk",
    "type",
    "types",
    "assessment",
    "evaluation",
    "study",
    "studies",
    "results",
    "findings",
    "data",
    "evidence",
    "analysis",
    "inclusion",
    "value",
}
_SMALL_WORDS = {"of", "and", "or", "in", "for", "with", "on", "at", "to", "the", "a", "an"}


_VERBISH = re.compile(r"(?:ed|ing|ly)$", re.I)
_NOUN_ING = {
    "bleeding",
    "screening",
    "training",
    "setting",
    "imaging",
    "sequencing",
    "signaling",
    "signalling",
    "functioning",
    "swelling",
    "healing",
    "walking",
    "learning",
    "understanding",
    "prescribing",
    "counselling",
    "counseling",
    "testing",
    "nursing",
    "wellbeing",
    "well-being",
    "feeding",
    "housing",
    "early",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "family",
    "elderly",
    "supply",
    "assembly",
    "bed",
}


def _content_runs(text: str) -> list[list[tuple[int, str]]]:
    """Maximal runs of content words (no stop, verb-like, number or linking words)."""
    runs: list[list[tuple[int, str]]] = [[]]
    for i, w in enumerate(re.findall(r"[A-Za-z][A-Za-z'’-]*|\S", text)):
        low = w.lower()
        is_content = (
            len(w) > 1
            and w[0].isalpha()
            and low not in STOP_WORDS
            and low not in _DETERMINERS
            and not _STOP_AT.match(w)
            and (low in _NOUN_ING or not _VERBISH.search(low))
        )
        if is_content:
            runs[-1].append((i, w))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def implication_title(text: str, taken: set[str], weights: dict[str, float] | None = None) -> str:
    """A 2-4 word title: the best run of content words, weighted to the abstract's key words."""
    weights = weights or {}
    body = _LEAD_IN.sub("", text.strip())
    n_tokens = max(1, len(body.split()))
    best: tuple[float, list[str]] | None = None
    for run in _content_runs(body):
        for size in (2, 3, 4):
            for j in range(0, len(run) - size + 1):
                window = run[j : j + size]
                words = [w for _, w in window]
                key = _title_case(words).lower()
                if key in taken or any(w.lower() in _GENERIC_HEADS for w in words[-1:]):
                    continue
                weight = sum(weights.get(content_key(w), 0.5) for w in words) / size
                early = 0.4 if window[0][0] < n_tokens * 0.4 else 0.0
                s = weight + early + (0.2 if size in (2, 3) else 0.0)
                if best is None or s > best[0]:
                    best = (s, words)
    if best is None:
        single = next((w for run in _content_runs(body) for _, w in run), "")
        return f"About {_title_case([single])}" if single else "What This Means"
    return _title_case(best[1])


def _title_case(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.isupper() or any(c.isupper() for c in w[1:]):
            out.append(w)
        elif i > 0 and w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append(w[0].upper() + w[1:])
    return " ".join(out)


def practical_implications(ctx: _Context, findings_used: list[str]) -> list[PracticalPoint]:
    """Three titled points from conclusion and implication sentences, one sentence each."""
    p = ctx.params
    pool = [s for s in ctx.ranked("implication", ("conclusions",)) if not s.cue("aim")]
    pool += [
        s
        for s in ctx.ranked("implication", ("results", "background"))
        if s.cue("implication") and not s.cue("aim") and s not in pool
    ]
    candidates: list[str] = []
    for sentence in pool:
        pieces = _fitted_pieces(ctx, sentence.text, p.implication_max_words)
        fitting = [
            x for x in pieces if p.implication_min_words <= rw.word_count(x) <= p.implication_max_words
        ]
        rest = [x for x in pieces if x not in fitting and 8 <= rw.word_count(x) <= 32]
        for text in fitting + rest:
            if any(_similar(text, c) for c in candidates):
                continue
            if any(_similar(text, f, 0.9) for f in findings_used):
                continue
            candidates.append(text)
        if len(candidates) >= p.implications * 2:
            break
    if len(candidates) < p.implications:
        for sentence in pool:
            for text in _fitted_pieces(ctx, sentence.text, p.implication_max_words):
                if (
                    8 <= rw.word_count(text) <= 32
                    and text not in candidates
                    and len(candidates) < p.implications
                ):
                    candidates.append(text)
    if not candidates:
        # No conclusion or implication sentence (e.g. a data or lab paper): fall back to the
        # best-ranked sentence of any section, so the editor starts from the paper's own words.
        for sentence in ctx.ranked("implication"):
            pieces = [
                x
                for x in _fitted_pieces(ctx, sentence.text, p.implication_max_words)
                if 8 <= rw.word_count(x) <= 32
            ]
            if pieces:
                candidates.append(pieces[0])
                ctx.warnings.append("practical implication taken from a finding: no conclusion sentence")
                break
    candidates.sort(
        key=lambda t: 0 if p.implication_min_words <= rw.word_count(t) <= p.implication_max_words else 1
    )
    points: list[PracticalPoint] = []
    taken: set[str] = set()
    for text in candidates[: p.implications]:
        title = implication_title(text, taken, ctx.word_weights)
        taken.add(title.lower())
        points.append(PracticalPoint(title=title, text=text))
    if len(points) < p.implications:
        ctx.warnings.append(f"only {len(points)} practical implications")
    return points


# ----- limitations -------------------------------------------------------------

_LIMITED_BY = re.compile(
    r"\b(?:limited by|limitations? (?:of (?:this|the|our) study )?(?:include[sd]?|was|were|is|are)|"
    r"main limitation (?:was|is)) ([^.;]+)",
    re.I,
)


def limitations(ctx: _Context) -> list[str]:
    """Up to three short caveats stated in the abstract or implied by its stated design."""
    p = ctx.params
    found: list[str] = []

    def add(phrase: str) -> None:
        if phrase not in found and 2 <= rw.word_count(phrase) <= 8:
            found.append(phrase)

    text = ctx.article.abstract_plain
    for m in _LIMITED_BY.finditer(text):
        phrase = rw.expand_abbreviations(rw.strip_statistics(m.group(1)).strip(" ,"), ctx.abbreviations)
        phrase = re.sub(r"^(?:the|its|a|an|our)\s+", "", phrase, flags=re.I)
        if 2 <= rw.word_count(phrase) <= 8 and ctx.grounded(phrase):
            add(rw.capitalize_first(phrase.rstrip(".")))
    for pattern, phrase in LIMITATION_CUES:
        if pattern.search(text) and not (phrase == "Retrospective design" and _only_background(ctx, pattern)):
            add(phrase)
    design = ctx.fact("design")
    caveat = DESIGN_CAVEATS.get(design.lower())
    if caveat:
        add(caveat)
    count = ctx.facts.participant_count if ctx.facts is not None else None
    if count is not None and 0 < count < p.small_sample and design.lower() not in ("case report", "protocol"):
        add("Small sample size")
    return found[: p.limitations] or [NO_LIMITATIONS_STATED]


def _only_background(ctx: _Context, pattern: re.Pattern[str]) -> bool:
    """True when a cue occurs only in Background sentences (it describes other work there)."""
    hits = [s for s in ctx.sentences if pattern.search(s.text)]
    return bool(hits) and all(s.kind == "background" for s in hits)


# ---------------------------------------------------------------------------
# The backend
# ---------------------------------------------------------------------------


def draft_fields(ctx: _Context) -> DraftFields:
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

    def _context(self, article: Article, facts: Facts, docs: list[Doc]) -> _Context:
        sentences = build_sentences([s.label for s in article.sections], docs)
        if not sentences:
            raise DraftError(
                f"Article {article.source_id} has no abstract sentences to draft from.",
                hint="Check that the source gave an abstract; articles without one cannot be drafted.",
            )
        source = f"{article.title}\n{article.abstract_plain}"
        return _Context(
            article=article,
            facts=facts,
            sentences=sentences,
            central=centrality(sentences, article.title),
            abbreviations=rw.find_abbreviations(article.abstract_plain),
            glossary=self.glossary,
            params=self.params,
            source=source,
        )
