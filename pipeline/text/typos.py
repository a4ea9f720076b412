"""The abstract's own slips that a rule can mend with certainty: two words glued together
("studiesused", "thetreatment"), a word's last letter typed twice ("Low qualityy evidence",
cochrane CD010631: English knows neither the token nor its base forms, it knows the word without the
extra letter well, and the source uses the token once; or inside it, "mortaliity"), a doubled function word ("and and"), "no
enough", "the number patients".

A glued token is split only when all of these hold, so no name, gene, drug, identifier, chemical
name or compound term is touched:

- it is written in lower case letters only (a capital, digit, hyphen, slash, dot or apostrophe
  next to it or inside it means a name or an identifier: "TargetScan", "targetscan.org");
- English does not know it: neither the token nor a regular base form of it is in the wordfreq list
  (``pipeline.text.words``), so "catshark", "complexin" and "backcrossed" are unknown words too,
  and the next conditions decide;
- the source uses it once: a term is repeated ("catshark" three times, "retreatments" three);
- it does not follow a capitalised word other than a function word: a species name ("Flavobacterium
  columnare") is no "column are";
- exactly one cut gives two frequent words (Zipf >= ``GLUE_ZIPF`` each, three letters or more:
  "developmentsmall" has two), and one of them is a function word that is no prefix or suffix
  ("the", "with", "that"; never "per", "under", "less") or the first is an inflected form of a
  frequent word ("studies", "predicted", "using"; not "trans"): a compound of two content words
  ("mouth" + "part", "cat" + "shark", "seed" + "coat") is left alone, and so is a second word of
  three letters that is no function word ("targetscan" is not "targets can").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.words import STOP_WORDS, base_forms, word_zipf, zipf

# Both halves of a glued token are at least this frequent (Zipf; 4.0 is ten uses per million words)
GLUE_ZIPF = 4.0
# A word with a letter typed twice inside it is mended to a word at least this frequent (Zipf; "mortality"
# is 3.9: one use per million words is 3.0; a doubled inside letter of a word English knows is rarely a term)
DOUBLED_ZIPF = 3.0
_GLUED = re.compile(r"(?<![\w'’′/.\-])[a-z]{7,}(?![\w'’′/\-]|\.\w)")
# an inflected first word: "studies", "predicted", "using" (its base a frequent word too)
_INFLECTED = re.compile(r"(?:[^s]s|ed|ing)$")
# function words a glued half may be: none that also makes words as a prefix or suffix ("per",
# "under", "over", "less": "persister", "underspecified", "maleless"), none of two letters ("in",
# "of" end real words: "complex" + "in")
_FUNCTION = frozenset(
    "the and that which who whose was were are has have had been with from this these those their "
    "its than for into between when where while both each not".split()
)
# a function word doubled by a slip ("and and"); "that that" and "had had" can be right
_DOUBLED = re.compile(
    r"\b(the|of|to|in|and|or|a|an|for|with|was|were|is|are|on|by|from|at)\s+\1\b(?![\w'’-])", re.I
)
# a word and its preposition doubled by a slip ("depending on depending on the appropriate ratio",
# cochrane eval CD007477.pub3, 26 lead: read of seed 294); a phrase said twice in a row is never meant
_DOUBLED_PAIR = re.compile(r"\b([A-Za-z]+ (?:on|of|to|in|for|with|from|by|at|that))\s+\1\b(?![\w'’-])", re.I)
# "There is no enough evidence": after a form of "be" the slip is sure ("not enough"); "we have no
# enough" is not "we have not enough" and stays
_NO_ENOUGH = re.compile(r"\b(is|are|was|were|be|been) no enough\b")
# "the number patients (ranging from 38 to 78) were small" (cochrane eval CD006335.pub3, 28 lead: read of
# seed 388): "number" before a plural of people or studies without its "of" is a slip
_NUMBER_NO_OF = re.compile(
    r"\b(the|a|total|small|large|same) number (patients|participants|people|women|men|children|studies|trials)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def glued_split(token: str) -> str | None:
    """``token`` as the two words it glues ("studiesused" -> "studies used"), or None when it is
    a word, a term or a name, or the cut is not sure (see the module's conditions but the count)."""
    if word_zipf(token) > 0 or zipf(token) > 0:
        return None
    cuts = [
        (token[:i], token[i:])
        for i in range(3, len(token) - 2)
        if word_zipf(token[:i]) >= GLUE_ZIPF and word_zipf(token[i:]) >= GLUE_ZIPF
    ]
    if len(cuts) != 1:  # "developmentsmall": "development small" or "developments mall"
        return None
    left, right = cuts[0]
    if len(right) < 4 and right not in _FUNCTION:
        return None  # "targetscan": a name, not "targets can"
    if left in _FUNCTION or right in _FUNCTION or _inflected(left):
        return f"{left} {right}"
    return None


def doubled_end(token: str) -> str | None:
    """``token`` without a last letter typed twice ("qualityy" -> "quality"), or None when English
    knows the token or the word without the letter is not a frequent one."""
    if token[-1] != token[-2] or word_zipf(token) > 0 or zipf(token) > 0:
        return None
    return token[:-1] if word_zipf(token[:-1]) >= GLUE_ZIPF else None


def doubled_letter(token: str) -> str | None:
    """``token`` without a letter typed twice inside it ("mortaliity" -> "mortality", cochrane
    CD003410.pub4), or None when English knows the token, or not exactly one such letter taken out
    gives a word of Zipf DOUBLED_ZIPF or more."""
    if word_zipf(token) > 0 or zipf(token) > 0:
        return None
    words = {
        token[:i] + token[i + 1 :]
        for i in range(len(token) - 1)
        if token[i] == token[i + 1] and word_zipf(token[:i] + token[i + 1 :]) >= DOUBLED_ZIPF
    }
    return words.pop() if len(words) == 1 else None


def _inflected(word: str) -> bool:
    """An inflected form of a frequent word ("studies", "predicted"), not a word that only ends
    like one ("trans", "bias")."""
    return _INFLECTED.search(word) is not None and any(
        word_zipf(base) >= GLUE_ZIPF for base in base_forms(word)[1:]
    )


def glued_words(source: str) -> dict[str, str]:
    """The glued tokens of ``source`` (an abstract) that are sure slips, each with its two words."""
    return dict(_glued_words(source))


@lru_cache(maxsize=256)
def _glued_words(source: str) -> tuple[tuple[str, str], ...]:
    """:func:`glued_words`, kept per abstract: the composer mends each field's text against the
    same abstract (a page asks 4-5 times)."""
    counts: dict[str, int] = {}
    for m in _GLUED.finditer(source):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    out = {}
    for token, n in counts.items():
        # a letter typed twice after a sentence's first word ("Low qualityy evidence") is no species name
        split = (
            (None if _after_name(token, source) else glued_split(token))
            or doubled_end(token)
            or doubled_letter(token)
            if n == 1
            else None
        )
        if split and len(re.findall(rf"(?<![\w-]){token}(?![\w-])", source, re.I)) == 1:
            out[token] = split
    return tuple(out.items())


_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]*\.|\b[A-Z][\w-]*) $")


def _after_name(token: str, source: str) -> bool:
    """``token`` follows a capitalised word that is no function word or an initial: a species name
    ("Flavobacterium columnare", "F. columnare") or a name of several words."""
    i = source.find(token)
    before = _NAME_BEFORE.search(source, max(0, i - 40), i)
    return before is not None and before.group(0).strip(" .").lower() not in STOP_WORDS


def mend_slips(text: str, source: str) -> tuple[str, list[str]]:
    """``text`` with the slips it copied from ``source`` mended (glued words split, a doubled
    function word said once, "is no enough" -> "is not enough"), and a note for each kind mended."""
    notes: list[str] = []
    glued = glued_words(source) if _GLUED.search(text) else {}
    for token, split in glued.items():
        new = re.sub(rf"(?<![\w'’′/.\-]){token}(?![\w'’′/\-])", split, text)
        if new != text:
            notes.append(f'"{token}" in the abstract is written "{split}"')
            text = new

    def once(m: re.Match[str]) -> str:
        notes.append(f'"{m.group(0)}" in the abstract is written "{m.group(1)}"')
        return m.group(1)

    text = _DOUBLED.sub(once, text)
    text = _DOUBLED_PAIR.sub(once, text)
    if _NO_ENOUGH.search(text):
        notes.append('"no enough" in the abstract is written "not enough"')
        text = _NO_ENOUGH.sub(r"\1 not enough", text)
    if _NUMBER_NO_OF.search(text):
        notes.append('"number" without its "of" in the abstract is written "number of"')
        text = _NUMBER_NO_OF.sub(r"\1 number of \2", text)
    return text, notes
