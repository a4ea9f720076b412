"""Sentence realisation: a source sentence becomes zero or more short, grammatical lay sentences.

Steps, each keeping the facts: drop a leading link word; drop statistics (intervals, p-values,
I², ratios) and bracketed asides for the lay fields; the authors' voice becomes third person
("we" -> "the researchers"); abbreviations are written out; wordy phrases get short ones; plain
words replace jargon through :func:`plain_words` (the one word-swap entry point); long sentences
are split at clause boundaries (";", ", whereas", ", which", ", suggesting that", "Although A,
B" ...). A piece that does not read as a sentence (no subject-then-finite-verb, starts with a
verb or a conjunction, unbalanced brackets) or stays too long is dropped, never clipped.

The rules work on the string with word lists rather than a dependency parse: a full spaCy parse
of each abstract runs at about 7 abstracts/s on one core here, the composer must draft 30.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.draft import rewrite as rw
from pipeline.text.swaps import WordSwap

# ---------------------------------------------------------------------------
# Word-level plain words: the ONE entry point (pipeline.text.swaps does the swapping)
# ---------------------------------------------------------------------------


# Never swapped: a token with a digit or an inner capital (C57BL/6J, mRNA, IL-6, BRCA1, COVID-19),
# a capitalised word (names, drugs, trial names, "Stop Smoking Service", and the first word of a
# sentence, whose swap breaks its article: "Thrombosis is" -> "Blood clot is"), or a slash token.
_PROTECTED = re.compile(r"[^\s()\[\],;:]*(?:\d|[A-Z]|/)[^\s()\[\],;:]*")
_MASK = "\x00{}\x00"
_UNMASK = re.compile("\x00(\\d+)\x00")


def plain_words(
    text: str, glossary: rw.Glossary | None, keep: frozenset[str] = frozenset()
) -> tuple[str, list[WordSwap]]:
    """``text`` with plain words for jargon (pipeline.text.swaps, through the glossary's lexicon),
    and the swaps made.

    Protected tokens (see ``_PROTECTED``) and the words of ``keep`` are masked first, so no
    term can match inside or across them.
    """
    if glossary is None:
        return text, []
    masked: list[str] = []

    def mask(m: re.Match[str]) -> str:
        masked.append(m.group(0))
        return _MASK.format(len(masked) - 1)

    hidden = _PROTECTED.sub(mask, text)
    if keep:
        hidden = _keep_pattern(keep).sub(mask, hidden)
    swaps: list[WordSwap] = []
    out = rw.apply_glossary(hidden, glossary, define=False, swaps=swaps)
    if not swaps:
        return text, []
    out = _UNMASK.sub(lambda m: masked[int(m.group(1))], out)
    return rw.fix_articles(out), swaps


@lru_cache(maxsize=8)
def _keep_pattern(keep: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(keep, key=len, reverse=True)) + r")\b", re.I
    )


# ---------------------------------------------------------------------------
# Voice and statistics
# ---------------------------------------------------------------------------

_VOICE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (
            r"\bIn (?:this|the present|our) (?:study|review|paper|work|analysis|trial),? we\b",
            "The researchers",
        ),
        (r"\bHere,? we\b", "The researchers"),
        (r"^We\b", "The researchers"),
        (r"\bwe\b", "the researchers"),
        (r"\bWe\b", "The researchers"),
        (r"^Our\b", "Their"),
        (r"\bour\b", "their"),
        (r"\bOur\b", "Their"),
        (r"\bourselves\b", "themselves"),
    )
)
_US = re.compile(r"\bus\b")


def third_person(text: str) -> str:
    """The authors' voice ("we", "our", "us") in third person: "the researchers", "their"."""
    for pattern, repl in _VOICE:
        text = pattern.sub(repl, text)
    return _US.sub("the researchers", text)


_ASIDE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)|\s*\[(?:[^\[\]]|\[[^\[\]]*\])*\]")
_DANGLING_STATS = re.compile(
    r"[,;]?\s*\b(?:I2|I²|Chi2|Chi²|Tau2|Tau²)\s*=?\s*\d+(?:\.\d+)?\s*%?"
    r"|[,;]?\s*\b\d+\s*(?:studies|trials|RCTs),\s*\d[\d,]*\s*(?:participants|people|patients|women|children)"
    r"(?=\s*[;)])",
    re.I,
)


# A run-in heading glued to its sentence: "Cerclage versus progesterone Two trials compared ..."
_GLUED_HEADING = re.compile(
    r"^(?:[A-Z][\w-]*(?: [\w-]+){0,6}?) (?=(?:Two|Three|Four|Five|Six|One|No|The|This|These|There|In|For|"
    r"Compared|A|Most|All|Only|Data|Overall|Results?) [a-z0-9])"
)


_MIXED = re.compile(r"[\w/+-]*(?:\d[\w/+-]*[A-Za-z]|[A-Za-z][\w/+-]*\d)[\w/+-]*")
_LEADING_ADVERB = re.compile(
    r"^(?:also|thus|hence|here|surprisingly|unexpectedly|strikingly|remarkably|interestingly|finally|moreover|"
    r"furthermore|together|collectively|altogether|importantly|notably|overall|therefore|consequently|"
    r"in addition|in contrast|by contrast|in summary|in conclusion|taken together)\b,?\s+",
    re.I,
)


def lay_text(sentence: str, abbreviations: Mapping[str, str], *, keep_statistics: bool = False) -> str:
    """Source sentence -> lay wording before splitting (statistics and asides dropped unless kept)."""
    text = sentence.strip()
    glued = _GLUED_HEADING.match(text)
    if glued and not re.search(r"[.,;:]", glued.group(0)):
        text = text[glued.end() :]
    text = _LEADING_ADVERB.sub("", rw.drop_leading_connective(text))
    if not keep_statistics:
        text = _ASIDE.sub("", rw.strip_statistics(text))
        text = _DANGLING_STATS.sub("", text)
    text = third_person(text)
    expanded = rw.expand_abbreviations(text, abbreviations)
    if set(_MIXED.findall(expanded)) <= set(_MIXED.findall(text)):  # never alter an identifier's case
        text = expanded
    text = rw.plain_phrases(text)
    return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))


# ---------------------------------------------------------------------------
# Splitting at clause boundaries
# ---------------------------------------------------------------------------

# (pattern, text that starts the second sentence); the second part must be a clause.
_CLAUSE_POINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r",\s+which\s+(?=(?:was|were|is|are|has|have|had|may|might|could|can|led|resulted|"
            r"caused|reduced|increased|improved|suggests?|indicates?|means?)\b)"
        ),
        "This ",
    ),
    (re.compile(r",\s+(?:suggesting|indicating)\s+(?:that\s+)?"), "This suggests that "),
    (re.compile(r",\s+(?:but|yet)\s+"), "But "),
    (re.compile(r",?\s+whereas\s+"), "In contrast, "),
    (re.compile(r",\s+while\s+"), "Meanwhile, "),
    (re.compile(r";\s+however,\s+"), "However, "),
    (re.compile(r";\s+"), ""),
    (
        re.compile(
            r",\s+and\s+(?=(?:the|this|these|those|there|it|they|their|its|all|both|no|most|many|some|"
            r"each|[A-Z]\w*|\d)\b)"
        ),
        "",
    ),
)


def _second(joiner: str, right: str) -> str:
    if not joiner:
        return rw.capitalize_first(right)
    first = right.split(" ", 1)[0]
    plain = first.isalpha() and first[:1].isupper() and first[1:].islower() and first not in ("I",)
    return joiner + (right[0].lower() + right[1:] if plain else right)


def split_clauses(sentence: str, max_words: int) -> list[str]:
    """Split ``sentence`` at clause boundaries until each piece is at most ``max_words`` words.

    A split is made only where both sides read as sentences; otherwise the sentence stays whole
    (the caller drops it if it is too long).
    """
    if rw.word_count(sentence) <= max_words:
        return [sentence]
    concession = rw._split_concession(sentence)
    if concession and all(is_sentence(p) for p in concession):
        return [p for part in concession for p in split_clauses(part, max_words)]
    best: tuple[float, str, str] | None = None
    middle = len(sentence) / 2
    for pattern, joiner in _CLAUSE_POINTS:
        for m in pattern.finditer(sentence):
            left = rw.ensure_period(sentence[: m.start()])
            right = rw.ensure_period(_second(joiner, sentence[m.end() :]))
            if rw._open_brackets(left) or not is_sentence(left) or not is_sentence(right):
                continue
            if rw.word_count(left) < 5 or rw.word_count(right) < 5:
                continue
            distance = abs(m.start() - middle)
            if best is None or distance < best[0]:
                best = (distance, left, right)
    if best is None:
        return [sentence]
    return [p for part in best[1:] for p in split_clauses(part, max_words)]


# ---------------------------------------------------------------------------
# Is it a sentence?
# ---------------------------------------------------------------------------

_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|can|could|may|might|must|should|will|would|"
    r"seems?|appears?|remains?|shows?|showed|found|finds|suggests?|indicates?|means?|led|made|took|gave|"
    r"became|got|kept|fell|rose|grew|saw|felt|knew|thought|told|ran|met|went|came|began|lost|won|"
    r"[a-z]{2,}ed|[a-z]{3,}(?:es|s))\b"
)
_BAD_START = re.compile(
    r"^(?:had|has|have|was|were|is|are|did|does|do|can|could|may|might|should|would|will|must|and|but|or|"
    r"nor|which|that|who|whom|whose|whereas|while|although|though|because|since|with|without|compared|"
    r"including|than|as|to|of|by|versus|vs|respectively|when|where|if|unless|after|before|during|"
    r"following|using|based|due|especially|particularly|such|i\.e|e\.g|etc)\b",
    re.I,
)
_NOUNISH_S = re.compile(
    r"\b(?:[a-z]*(?:ss|us|is|ics|ness|ous|ies|ions|ents|ants|ers|ors|ates|ites|ides|ides|ones|ines|"
    r"ures|ages|ances|ences|ities|ists|isms|ings))\b"
)


_CLEAR_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|can|could|may|might|must|should|will|would)\b", re.I
)


def has_finite_verb(text: str) -> bool | None:
    """True with an auxiliary or modal; None when only a word in "-ed" or "-s" could be the verb
    ("The quality of studies varied.", "Small numbers of deaths."): the caller asks the tagger;
    False when nothing could be.
    """
    if _CLEAR_FINITE.search(text):
        return True
    words = re.findall(r"[A-Za-z]+", text)
    for i, w in enumerate(words):
        low = w.lower()
        if i == 0 or not _FINITE.fullmatch(low):
            continue
        if low.endswith("s") and not low.endswith(("ss", "us")) and _NOUNISH_S.fullmatch(low):
            continue
        return None
    return False


def is_sentence(text: str, tagger: Callable[[str], bool] | None = None) -> bool:
    """Reads as a sentence of its own: capital, subject-like start, a finite verb, a full stop.

    ``tagger`` decides the unclear cases (see :func:`has_finite_verb`); without one they pass.
    """
    t = text.strip()
    if len(t.split()) < 4 or t[-1:] not in ".!?":
        return False
    first = t.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _BAD_START.match(t) or rw._open_brackets(t) or t.count(")") > t.count("("):
        return False
    verb = has_finite_verb(t)
    if verb is None:
        return tagger(t) if tagger is not None else True
    return verb


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=4096)
def tagged_finite(text: str, model: str) -> bool:
    """spaCy's tagger: the sentence has a VBD, VBZ, VBP or MD token (used only for unclear cases)."""
    from pipeline.enrich.nlp import get_nlp

    nlp = get_nlp(model)
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "tagger") if p in nlp.pipe_names]):
        doc = nlp(text)
    return any(t.tag_ in _FINITE_TAGS for t in doc)


# ---------------------------------------------------------------------------
# The whole realisation of one source sentence
# ---------------------------------------------------------------------------


@dataclass
class Realiser:
    """Realises source sentences for one article (its abbreviations, the glossary, kept words)."""

    abbreviations: Mapping[str, str]
    glossary: rw.Glossary | None
    keep: frozenset[str]
    swaps: list[WordSwap]
    spacy_model: str | None = None
    _memo: dict[tuple[str, int, bool], list[str]] = field(default_factory=dict)

    def tagger(self, text: str) -> bool:
        return True if self.spacy_model is None else tagged_finite(text, self.spacy_model)

    def words(self, text: str) -> str:
        out, swaps = plain_words(text, self.glossary, self.keep)
        self.swaps.extend(s for s in swaps if s not in self.swaps)
        return out

    def lay(self, sentence: str, max_words: int, *, keep_statistics: bool = False) -> list[str]:
        """Short grammatical sentences saying what ``sentence`` says; [] when none can be made."""
        key = (sentence, max_words, keep_statistics)
        if key not in self._memo:
            self._memo[key] = self._lay(sentence, max_words, keep_statistics)
        return list(self._memo[key])

    def _prepared(self, sentence: str, keep_statistics: bool) -> str | None:
        """The sentence in lay wording, before splitting (once per sentence, whatever the length)."""
        key = (sentence, -1, keep_statistics)
        if key not in self._memo:
            text = lay_text(sentence, self.abbreviations, keep_statistics=keep_statistics)
            if not keep_statistics and rw.has_statistics(text):
                self._memo[key] = []
            else:
                self._memo[key] = [rw.ensure_period(rw.capitalize_first(self.words(text)))]
        return self._memo[key][0] if self._memo[key] else None

    def _lay(self, sentence: str, max_words: int, keep_statistics: bool) -> list[str]:
        text = self._prepared(sentence, keep_statistics)
        if text is None:
            return []
        out = []
        for piece in split_clauses(text, max_words):
            piece = rw.ensure_period(rw.capitalize_first(rw.tidy(piece)))
            if not is_sentence(piece, self.tagger) or rw.word_count(piece) > max_words:
                break  # a later piece may lean on this one ("This ...", "But ..."): stop here
            out.append(piece)
        return out
