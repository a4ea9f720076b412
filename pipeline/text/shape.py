"""Sentence shape helpers shared by every text step: capitals, plurals, a/an agreement."""

from __future__ import annotations

import re


def capitalize_first(text: str) -> str:
    """Upper-case the first letter unless the first word is a lower-case gene/name (``mr-s``)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            word = text[i:].split(" ", 1)[0]
            if any(c.isupper() or c.isdigit() for c in word[1:]):
                return text
            return text[:i] + ch.upper() + text[i + 1 :]
        if not ch.isspace() and ch not in "\"'“‘(":
            return text
    return text


# Plurals already: an abbreviation's plural ("QTLs") spelled out from its plural long form
# ("quantitative trait loci") must not gain an "s".
_LATIN_PLURALS = frozenset(
    "loci foci nuclei fungi stimuli bacilli alveoli villi data criteria phenomena bacteria "
    "media strata taxa genera spectra".split()
)


# singular nouns that end in one "s" (a long form ending so is otherwise taken as plural already)
_SINGULAR_S = frozenset("lens virus fetus foetus focus bus bias atlas iris pelvis".split())


def pluralize(phrase: str) -> str:
    """Plural of the last word of ``phrase`` by the regular rules (a Latin plural stays as it is)."""
    last = phrase.rsplit(" ", 1)[-1].lower()
    if last in _LATIN_PLURALS:
        return phrase
    if last.endswith("ss") or last in _SINGULAR_S:  # "artificial lens" -> "artificial lenses" (26, IOLs)
        return phrase + "es"
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase + ("" if phrase.endswith("s") else "es")
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


_ARTICLE = re.compile(r"\b([Aa]n?)\s+([A-Za-z][\w-]*|\d[\d.,]*)")
# Words that start with a vowel letter and a "y"/"w" sound ("a unique", "a urinary", "a one-off").
_VOWEL_SOUND_EXCEPTIONS = (
    "uni",
    "una",
    "ure",
    "uri",
    "uro",
    "ute",
    "uti",
    "ubi",
    "usa",
    "use",
    "usu",
    "eu",
    "one",
    "once",
)
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
# Numbers said with a vowel first: eight..., eleven, eighteen ("an 8-week", "an 11-year-old").
_VOWEL_NUMBER = re.compile(r"8|1[18](?:,\d{3})*(?!\d|,\d)")


# a lone capital letter ("R") or a name led by two capitals and a lower-case tail ("XGBoost", "IRESpy")
_SPELLED = re.compile(r"[A-Z](?:$|[A-Z]+[a-z])")
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?:;(\"“]\s*)$")


def _negated(low: str) -> bool:
    """``un`` + an English word ("unintended", "unable", "unusual"): said "un-", so "an"."""
    from pipeline.text.words import zipf

    rest = low[2:].split("-")[0]
    return low.startswith("un") and len(rest) >= 4 and zipf(rest) >= 3.0


def fix_articles(text: str) -> str:
    """Make ``a``/``an`` agree with the word or number after it (replacements change that word)."""

    def repl(m: re.Match[str]) -> str:
        article, word = m.group(1), m.group(2)
        if article == "A" and not _STARTS_SENTENCE.search(text, 0, m.start()):
            return m.group(0)  # a label inside a sentence: "vitamin A intake", "group A 8 patients"
        low = word.lower()
        initial = word.split("-")[0]
        if word[0].isdigit():
            vowel = bool(_VOWEL_NUMBER.match(word))
        elif (initial.isupper() and (len(initial) > 1 or "-" in word)) or _SPELLED.match(word):
            # read letter by letter: "an MRI", "an X-ray"; a lone capital ("an R package") and a
            # name led by two capitals ("an XGBoost model", bmc s12859-019-2999-7) likewise
            vowel = low[0] in "aefhilmnorsx"
        else:
            vowel = (
                low[0] in "aeiou" and (not low.startswith(_VOWEL_SOUND_EXCEPTIONS) or _negated(low))
            ) or low.startswith(_SILENT_H)
        want = "an" if vowel else "a"
        if article[0].isupper():
            want = want.capitalize()
        return f"{want} {word}"

    return _ARTICLE.sub(repl, text)
