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


def pluralize(phrase: str) -> str:
    """Plural of the last word of ``phrase`` by the regular rules (a Latin plural stays as it is)."""
    if phrase.rsplit(" ", 1)[-1].lower() in _LATIN_PLURALS:
        return phrase
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase + ("" if phrase.endswith("s") else "es")
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


_ARTICLE = re.compile(r"\b([Aa]n?)\s+([A-Za-z][\w-]*)")
_VOWEL_SOUND_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once")
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")


def fix_articles(text: str) -> str:
    """Make ``a``/``an`` agree with the word after it (replacements change that word)."""

    def repl(m: re.Match[str]) -> str:
        article, word = m.group(1), m.group(2)
        low = word.lower()
        initial = word.split("-")[0]
        if initial.isupper() and (len(initial) > 1 or "-" in word):
            vowel = low[0] in "aefhilmnorsx"  # read letter by letter: "an MRI", "an X-ray"
        else:
            vowel = (low[0] in "aeiou" and not low.startswith(_VOWEL_SOUND_EXCEPTIONS)) or low.startswith(
                _SILENT_H
            )
        want = "an" if vowel else "a"
        if article[0].isupper():
            want = want.capitalize()
        return f"{want} {word}"

    return _ARTICLE.sub(repl, text)
