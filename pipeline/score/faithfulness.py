"""Faithfulness to the abstract: sentence support, negation flips, hedges kept, added terms.

Each draft sentence is aligned to the abstract sentence that covers most of its content words
(Porter stems, weighted by how rare each stem is across the abstract's sentences, with the plain
alternatives of glossary terms in a source sentence counted as its words). The metrics work on
those alignments; the review app gets them from :func:`align_sentences`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.enrich.wording import fact_statement
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.text.glossary import TermIndex as Glossary
from pipeline.text.glossary import load_term_index as load_glossary
from pipeline.text.glossary import own_wording_stems
from pipeline.text.readability import in_pronouncing_dict, sentence_spans
from pipeline.text.words import is_content_word, is_rare, stem, tokens

SUPPORT_THRESHOLD = 0.45  # below: "not supported by the abstract"
ALIGNED_THRESHOLD = 0.5  # at or above: the pair says the same thing (hedge check)
FLIP_ALIGNED_THRESHOLD = 0.6  # a negation flip is an error, so it needs a closer pair

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(
    r"\b(?:(?<!/)no(?!\s+(?:longer|more than|less than)\b)|"
    r"not(?!\s+(?:only|clear|certain|sure|known|all|every|always)\b)|"  # "not all" is a quantifier
    r"never|none|neither|nor|without|cannot|(?<!\ba )(?<!\bthe )few|(?<!\ba )little|rarely|infrequent(?:ly)?|"
    r"insufficient|inadequate|"
    r"unclear(?!\s+(?:or\s+\w+\s+)?risks?\b)|uncertain|absence of|"  # "unclear risk of bias" is a rating
    r"unproven|ineffective|unchanged|non-?significant|insignificant|lack(?:s|ed|ing)?\s+of|"
    r"fail(?:s|ed)?\s+to)\b|n['’]t\b",
    re.I,
)
_SCOPE_END = re.compile(r"[,;:.()]|\b(?:but|whereas|while|although)\b", re.I)
_SCOPE_WORDS = 6
# Words of the research report itself: nearly every sentence of an abstract and of its summary
# has some of them, so sharing them does not make two sentences the same claim.
_REPORT_WORDS = """study studies trial trials review reviews include included compare compared comparing
comparison participant participants people patient patients evidence result results outcome outcomes
report reported effect effects group groups data analysis analyses find found show showed shown
use used using""".split()
_HEDGE = re.compile(
    r"\b(?:may|might|could|suggests?|suggested|suggesting|possibl[ey]|appears?|appeared|likely|"
    r"unlikely|perhaps|potential(?:ly)?|uncertain(?:ty)?|unclear|tentative|probabl[ey]|seems?|"
    r"low[- ](?:certainty|quality)|(?:limited|insufficient|little|weak) evidence|not (?:clear|certain|sure)|"
    r"(?:more|further) research)\b",
    re.I,
)
_MEDICAL_PREFIX = re.compile(
    r"(?:cardi|neur|hepat|gastr|nephr|derma|oste|arthr|pulmon|onco|haem|hema|hemo|immun|psych|cereb|"
    r"angio|thromb|leuk|lymph|vascul|glyc|insul|diabet|cancer|tumo|carcin|infect|antibiot|vaccin|"
    r"surg|an[a]?esth|placeb|chemo|radio|dialy|steroid|opioid|antidep|antivir|antihyper)"
)
_MEDICAL_SUFFIX = re.compile(
    r"(?:itis|osis|oses|a?emia|ectomy|otomy|ostomy|plasty|scopy|pathy|algia|omas?|trophy|plasia|"
    r"cytes?|mab|nib|vir|cillin|mycin|cycline|statin|pril|sartan|olol|azole|dipine|parin|prazole|"
    r"oxetine|therapy|therapies|graphy|ologist)$"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_CONCLUSION_LABEL = re.compile(r"conclu|interpret|implication", re.I)


# ---------------------------------------------------------------------------------------------
# Source sentences and alignment


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` plus its numbers (separators removed)."""
    words = {t.stem for t in tokens(text) if is_content_word(t.text)}
    return frozenset(words | {n.replace(",", "") for n in _NUMBER.findall(text)})


@dataclass(frozen=True)
class SourceSentence:
    """One abstract sentence: where it is, its content stems, and those plus plain alternatives."""

    section: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    expanded: frozenset[str]

    @property
    def span(self) -> dict[str, Any]:
        return {"section": self.section, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class SourceIndex:
    """An abstract's sentences, the IDF of each stem across them, and every stem of the article."""

    sentences: tuple[SourceSentence, ...]
    idf: dict[str, float]
    unseen_idf: float
    vocabulary: frozenset[str]  # stems of every word of title and abstract, stop words too

    def weight(self, stem_: str) -> float:
        return self.idf.get(stem_, self.unseen_idf)


def _plain_stems(text: str, glossary: Glossary) -> frozenset[str]:
    """Stems of the plain alternatives of the glossary terms in ``text``."""
    return frozenset(s for _, _, entry in glossary.find(text) for s in entry.plain_words)


@lru_cache(maxsize=2048)
def _build_index(title: str, sections: tuple[str, ...]) -> SourceIndex:
    """Split, stem and weigh an abstract once per process."""
    glossary = load_glossary()
    sentences: list[SourceSentence] = []
    for i, text in enumerate(sections):
        for start, end in sentence_spans(text):
            piece = text[start:end]
            stems = content_stems(piece)
            sentences.append(
                SourceSentence(i, start, end, piece, stems, stems | _plain_stems(piece, glossary))
            )
    df = Counter(s for sent in sentences for s in sent.expanded)
    n = max(len(sentences), 1)
    idf = {s: math.log(1 + n / c) for s, c in df.items()}
    # Every word's stem, its stem without a possessive ("Leber's" supports "Leber") and the stems
    # of the parts of a hyphenated word ("homolog-deficient" supports "homolog", "deficient").
    vocab: set[str] = set()
    for text in (title, *sections):
        for t in tokens(text):
            vocab.add(t.stem)
            vocab.add(stem(_POSSESSIVE.sub("", t.text)))
            if "-" in t.text:
                vocab.update(stem(p) for p in t.text.split("-") if p)
    vocab |= {n_.replace(",", "") for text in (title, *sections) for n_ in _NUMBER.findall(text)}
    # the plain words the drafter writes for own-glossary terms of this abstract ("CT scan")
    vocab |= own_wording_stems(" ".join((title, *sections)))
    return SourceIndex(tuple(sentences), idf, math.log(1 + n / 0.5), frozenset(vocab))


def source_index(article: Article) -> SourceIndex:
    """The cached SourceIndex of ``article`` (keyed by its title and section texts)."""
    return _build_index(article.title or "", tuple(s.text for s in article.sections))


def support_score(draft_stems: frozenset[str], sentence: SourceSentence, index: SourceIndex) -> float:
    """IDF-weighted share of the draft sentence's content stems found in the source sentence."""
    weights = {s: index.weight(s) for s in draft_stems}
    return _weighted_cover(weights, sum(weights.values()), sentence)


def _weighted_cover(weights: dict[str, float], total: float, sentence: SourceSentence) -> float:
    """Share of the total weight whose stems the sentence has."""
    if total == 0:
        return 0.0
    return sum(w for s, w in weights.items() if s in sentence.expanded) / total


@dataclass(frozen=True)
class Alignment:
    """A draft sentence, its best supporting abstract sentence, and how well it is supported."""

    draft_start: int
    draft_end: int
    draft_text: str
    score: float
    source: SourceSentence | None

    @property
    def source_span(self) -> dict[str, Any] | None:
        return self.source.span if self.source else None


def align_sentences(draft_text: str, article: Article) -> list[Alignment]:
    """Link each draft sentence to its best supporting abstract sentence, with a 0-1 score."""
    return list(_align(draft_text, article.title or "", tuple(s.text for s in article.sections)))


@lru_cache(maxsize=8192)
def _align(draft_text: str, title: str, sections: tuple[str, ...]) -> tuple[Alignment, ...]:
    """Cached alignment: several metrics align the same field against the same abstract."""
    index = _build_index(title, sections)
    out: list[Alignment] = []
    for start, end in sentence_spans(draft_text):
        piece = draft_text[start:end]
        weights = {s: index.weight(s) for s in content_stems(piece)}
        total = sum(weights.values())
        best: SourceSentence | None = None
        best_score = 0.0
        for sent in index.sentences:
            score = _weighted_cover(weights, total, sent)
            if score > best_score:
                best, best_score = sent, score
        out.append(Alignment(start, end, piece, best_score, best))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Sentence support


@metric("sentence_support", "2", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def sentence_support(text: str, article: Article) -> MetricResult:
    """Mean support of the draft's sentences by their best abstract sentence.

    Sentences in the drafters' fixed wording of a study fact ("This was a study in animals.",
    "Small sample size") restate the fact, not one sentence: they get an info flag saying where
    they come from and stay out of the mean.
    """
    sections = tuple(s.text for s in article.sections)
    alignments: list[Alignment] = []
    flags: list[Flag] = []
    for a in align_sentences(text, article):
        if not content_stems(a.draft_text):
            continue
        stated = fact_statement(a.draft_text, sections)
        if stated is not None:
            flags.append(
                Flag(
                    "sentence_support",
                    f"from the study facts: {stated.reason}",
                    "info",
                    draft_span=(a.draft_start, a.draft_end),
                    draft_text=a.draft_text,
                    source_span=stated.source_span,
                )
            )
            continue
        alignments.append(a)
        if a.score < SUPPORT_THRESHOLD:
            flags.append(
                Flag(
                    "sentence_support",
                    f"not supported by the abstract (support {a.score:.2f})",
                    "warning",
                    draft_span=(a.draft_start, a.draft_end),
                    draft_text=a.draft_text,
                    source_span=a.source_span,
                )
            )
    value = sum(a.score for a in alignments) / len(alignments) if alignments else None
    return MetricResult(value, flags)


# ---------------------------------------------------------------------------------------------
# Negation flips


# A negation that names a comparison group rather than denying a claim: "people who did not
# exercise", "those not wearing stockings", "compared to not wearing", "with and without SCS".
_GROUP_HEAD = re.compile(
    r"(?:\b(?:who|that)\s+(?:did|do|does|had|have)\s+|\bwho\s+(?:were|was|are|is)\s+|"
    r"\b(?:those|when|versus|vs\.?|compared\s+(?:to|with)|with\s+and)\s+)$",
    re.I,
)
# "cerclage with no cerclage", "antibiotics versus no antibiotics": "no" + a word just named.
_COMPARISON_HEAD = re.compile(r"\b(?:versus|vs\.?|with|or|to|and)\s+$", re.I)


def _names_a_group(text: str, cue: re.Match[str]) -> bool:
    head = text[: cue.start()]
    word = cue.group(0).lower()
    if word in ("not", "without"):
        return _GROUP_HEAD.search(head) is not None
    if word == "no" and _COMPARISON_HEAD.search(head):
        following = [t.stem for t in tokens(text[cue.end() :]) if is_content_word(t.text)][:1]
        return bool(following) and following[0] in {t.stem for t in tokens(head)}
    return False


def negation_cues(text: str) -> list[re.Match[str]]:
    """Negation cues of a sentence, leaving out those that only name a comparison group."""
    return [m for m in _NEGATION.finditer(text) if not _names_a_group(text, m)]


@lru_cache(maxsize=1)
def report_stems() -> frozenset[str]:
    """Stems of the report words (study, trial, participants, outcome, ...)."""
    return frozenset(stem(w) for w in _REPORT_WORDS)


def negation_scopes(text: str) -> list[frozenset[str]]:
    """For each negation cue, the content stems it governs: a few words after it in its clause,
    and the two before it in the clause ("the difference was not significant"); report words
    (study, trial, outcome, ...) are left out."""
    scopes: list[frozenset[str]] = []
    for cue in negation_cues(text):
        rest = text[cue.end() :]
        stop = _SCOPE_END.search(rest)
        rest = rest[: stop.start()] if stop else rest
        after = [t.stem for t in tokens(rest) if is_content_word(t.text)][:_SCOPE_WORDS]
        head = text[: cue.start()]
        clause_start = max((m.end() for m in _SCOPE_END.finditer(head)), default=0)
        before = [t.stem for t in tokens(head[clause_start:]) if is_content_word(t.text)][-2:]
        scope = frozenset(after + before) - report_stems()
        if scope:
            scopes.append(scope)
    return scopes


def _scope_restated(scopes: list[frozenset[str]], other: frozenset[str]) -> bool:
    """Some negated scope is mostly restated by the other sentence: two of its stems and two
    thirds of it, report words aside ("No studies compared X with placebo" is not restated by
    "All studies compared X with an active drug")."""
    other = other - report_stems()
    return any(len(sc & other) >= min(2, len(sc)) and len(sc & other) * 3 >= 2 * len(sc) for sc in scopes)


def negation_flipped(draft: str, source: str) -> bool:
    """True when one side negates a claim that the other states plainly."""
    neg_d, neg_s = negation_scopes(draft), negation_scopes(source)
    if bool(neg_d) == bool(neg_s):
        return False
    if neg_s:
        return _scope_restated(neg_s, content_stems(draft))
    return _scope_restated(neg_d, content_stems(source))


@metric("negation_flip", "2", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def negation_flip(text: str, article: Article) -> MetricResult:
    """Draft sentences that assert what their abstract sentence negates, or the reverse."""
    flags: list[Flag] = []
    for a in align_sentences(text, article):
        if a.source is None or a.score < FLIP_ALIGNED_THRESHOLD:
            continue
        if negation_flipped(a.draft_text, a.source.text):
            source_negates = bool(negation_cues(a.source.text))
            reason = (
                "negation dropped: the abstract negates this claim"
                if source_negates
                else "negation added: the abstract states this claim without a negation"
            )
            flags.append(
                Flag(
                    "negation_flip",
                    reason,
                    "error",
                    draft_span=(a.draft_start, a.draft_end),
                    draft_text=a.draft_text,
                    source_span=a.source_span,
                )
            )
    return MetricResult(float(len(flags)), flags)


# ---------------------------------------------------------------------------------------------
# Hedges kept


def conclusion_sentences(article: Article, index: SourceIndex) -> list[SourceSentence]:
    """Sentences of the conclusion sections, or the abstract's last two sentences without one."""
    labelled = {i for i, s in enumerate(article.sections) if s.label and _CONCLUSION_LABEL.search(s.label)}
    if labelled:
        return [s for s in index.sentences if s.section in labelled]
    return list(index.sentences[-2:])


def is_hedged(text: str) -> bool:
    """The sentence carries a hedge ("may", "suggests", "low-certainty evidence", ...)."""
    return _HEDGE.search(text) is not None


@metric("hedge_kept", "1", higher_is_better=True, fields=DRAFT_TEXT_FIELDS[:-1])
def hedge_kept(text: str, article: Article) -> MetricResult:
    """Share of the abstract's hedged conclusions restated in the draft that keep a hedge."""
    index = source_index(article)
    hedged = [s for s in conclusion_sentences(article, index) if is_hedged(s.text)]
    if not hedged:
        return MetricResult(1.0)
    alignments = align_sentences(text, article)
    restated = 0
    flags: list[Flag] = []
    for claim in hedged:
        matches = [
            a
            for a in alignments
            if a.source == claim
            or support_score(content_stems(a.draft_text), claim, index) >= ALIGNED_THRESHOLD
        ]
        if not matches:
            continue
        restated += 1
        if any(is_hedged(a.draft_text) for a in matches):
            continue
        cue = _HEDGE.search(claim.text)
        flags += [
            Flag(
                "hedge_kept",
                f"hedge dropped: the abstract says {cue.group(0) if cue else 'may'!r} here",
                "warning",
                draft_span=(a.draft_start, a.draft_end),
                draft_text=a.draft_text,
                source_span=claim.span,
            )
            for a in matches
        ]
    if not restated:
        return MetricResult(1.0)
    dropped = {(f.source_span["section"], f.source_span["start"]) for f in flags if f.source_span}
    kept = restated - len(dropped)
    return MetricResult(kept / restated, flags)


# ---------------------------------------------------------------------------------------------
# Term support


def looks_medical(word: str) -> bool:
    """A medical-looking word: a clinical prefix/suffix, or a rare long word no dictionary lists."""
    lw = word.lower()
    if len(lw) >= 5 and (_MEDICAL_PREFIX.match(lw) or _MEDICAL_SUFFIX.search(lw)):
        return True
    return is_rare(lw) and not in_pronouncing_dict(lw)


def _is_term_candidate(word: str, sentence_initial: bool, glossary: Glossary) -> bool:
    """A word that names something: acronym, mid-sentence name or medical-looking term.

    Glossary terms are not candidates by themselves: the CDC list has many general words.
    """
    if word.isupper() and len(word) >= 2:
        return True
    if not is_content_word(word):
        return False
    if word[0].isupper() and not sentence_initial:
        return True
    return looks_medical(word)


def _close_stem(stem_: str, vocabulary: frozenset[str]) -> bool:
    """The stem, or a long shared prefix with one ("cirrhosis"/"cirrhotic"), is in the vocabulary."""
    if stem_ in vocabulary:
        return True
    if len(stem_) < 6:
        return False
    need = max(6, int(0.75 * len(stem_)))
    return any(len(v) >= need and v[:need] == stem_[:need] for v in vocabulary)


def unsupported_terms(text: str, article: Article) -> list[tuple[int, int, str]]:
    """Draft terms found neither in the title/abstract nor among glossary plain alternatives."""
    glossary = load_glossary()
    vocabulary = source_index(article).vocabulary
    initial = {start for start, _ in sentence_spans(text)}
    out: list[tuple[int, int, str]] = []
    for tok in tokens(text):
        if not _is_term_candidate(tok.text, tok.start in initial, glossary):
            continue
        word = _POSSESSIVE.sub("", tok.text)
        parts = [p for p in word.split("-") if len(p) > 3] or [word]
        if all(_close_stem(stem(p), vocabulary) or stem(p) in glossary.plain_stems for p in parts):
            continue
        out.append((tok.start, tok.end, tok.text))
    return out


@metric("term_support", "2", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def term_support(text: str, article: Article) -> MetricResult:
    """Share of the draft's medical-looking terms and names that the abstract supports."""
    glossary = load_glossary()
    initial = {start for start, _ in sentence_spans(text)}
    candidates = [t for t in tokens(text) if _is_term_candidate(t.text, t.start in initial, glossary)]
    if not candidates:
        return MetricResult(1.0)
    missing = unsupported_terms(text, article)
    flags = [
        Flag(
            "term_support",
            f"added claim: {word!r} is not in the abstract",
            "warning",
            draft_span=(start, end),
            draft_text=word,
        )
        for start, end, word in missing
    ]
    return MetricResult(1 - len(missing) / len(candidates), flags)
