"""Words: tokens with spans and stems, stop words, and how common a word is in English.

A word is "rare" when it is uncommon in general English by the ``wordfreq`` package's English
frequency list (installed with the package, no download; see ``docs/evaluation.md`` for its
sources and licence): fewer than one occurrence per million words (Zipf frequency below 3.0),
taking the commoner of the word and its regular base forms ("fillings" counts as "filling").
A hyphenated word is rare when one of its parts is ("pre-eclampsia").
"""

from __future__ import annotations

import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Words (with inner hyphens and apostrophes), numbers (decimals, thousands, a percent sign) and
# single punctuation marks: the units in which an edit or an aligned rewording is compared.
_EDIT_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]")


class Token(NamedTuple):
    """A word with its character span and Porter stem (lowercase). A named tuple: the score
    stage builds about 250,000 per 300 abstracts, and a frozen dataclass's slower constructor
    was most of ``tokens``' time (round 14)."""

    text: str
    start: int
    end: int
    stem: str


# English function words (closed-class words and a few empty verbs). Kept here rather than
# imported from spaCy, whose import alone takes seconds; number words are not on it.
STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
    be became because become becomes becoming been before beforehand behind being below beside besides
    between beyond both but by can cannot could did do does doing done down due during each either else
    elsewhere enough even ever every everyone everything everywhere except few for former formerly from
    further get gets got had has have having he hence her here hereby herein hers herself him himself
    his how however i if in indeed into is it its itself just least less many may me meanwhile might
    mine more moreover most mostly much must my myself neither never nevertheless next no nobody none
    noone nor not nothing now nowhere of off often on once only onto or other others otherwise our ours
    ourselves out over own per perhaps quite rather really same she should since so some somehow someone
    something sometime sometimes somewhere still such than that the their theirs them themselves then
    thence there thereafter thereby therefore therein these they this those though through throughout
    thru thus to together too toward towards under unless until up upon us very via was we well were
    what whatever when whence whenever where whereas whereby wherein whether which while who whoever
    whole whom whose why will with within without would yet you your yours yourself yourselves
    n't 's 'd 'll 're 've 'm
    """.split()
)


def stop_words() -> frozenset[str]:
    """English stop words: function words that carry no claim."""
    return STOP_WORDS


@lru_cache(maxsize=1)
def _stemmer() -> object:
    """NLTK's Porter stemmer (pure code, no data download), from its copy in
    :mod:`pipeline.text.porter`: importing it from NLTK imports the whole ``nltk`` package."""
    from pipeline.text.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lowercase word."""
    return str(_stemmer().stem(word.lower()))  # type: ignore[attr-defined]


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """Alphabetic words of ``text`` with spans and stems (hyphenated words stay one token)."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        start, end = m.span()
        out.append(Token(word, start, end, stem(word.replace("’", "'") if "’" in word else word)))
    return tuple(out)


def edit_tokens(text: str) -> list[str]:
    """``text`` as words, numbers and punctuation marks, in order (case kept): what the editors'
    learned swaps and the mined lexicon compare two wordings by."""
    return _EDIT_TOKEN.findall(text)


def is_content_word(word: str) -> bool:
    """A word that carries meaning: not a stop word, longer than two letters."""
    lw = word.lower()
    return len(lw) > 2 and lw not in stop_words()


# Zipf frequency (log10 of occurrences per billion words) below which a word is rare: 3.0 is one
# occurrence per million words.
RARE_ZIPF = 3.0


def _wordfreq_file(lang: str) -> Path:
    """The data file wordfreq's ``get_frequency_dict(lang, wordlist="best")`` reads (its large list
    where there is one, else its small one), found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        if (data / name).is_file():
            return data / name
    raise LookupError(f"wordfreq has no word list for {lang!r} in {data}")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word -> frequency dict (its "best" list), loaded once.

    The same dict as ``wordfreq.get_frequency_dict("en", wordlist="best")``, read from the same
    file (wordfreq's "cBpack": gzipped msgpack, a header, then one list of words per centibel
    of frequency) without importing wordfreq, whose import (language-code tables, tokenizer
    patterns, a stack walk to find its data folder) cost more than reading the list itself."""
    import gzip

    import msgpack

    with gzip.open(_wordfreq_file("en"), "rb") as fh:
        pack = msgpack.load(fh, raw=False)
    header = pack[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unexpected wordfreq data header: {header!r}")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(pack[1:]):
        freq = 10 ** (-index / 100)
        for word in bucket:
            freqs[word] = freq
    return freqs


def base_forms(word: str) -> list[str]:
    """The lowercase word and the forms regular inflection may come from (plural, -ed, -ing)."""
    forms = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ied", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms += [word[: -len(suffix)] + r for r in replacements]
    return forms


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in general English, the commonest of its base forms; 0 if unlisted."""
    freqs = _frequencies()
    best = max((freqs.get(f, 0.0) for f in base_forms(word.lower().replace("’", "'"))), default=0.0)
    return math.log10(best * 1e9) if best > 0 else 0.0


@lru_cache(maxsize=100_000)
def is_rare(word: str) -> bool:
    """A word (or part of a hyphenated word) used less than once per million words of English."""
    parts = [p for p in word.lower().split("-") if len(p) > 2] or [word.lower()]
    return any(zipf(p) < RARE_ZIPF for p in parts)


@lru_cache(maxsize=100_000)
def word_zipf(word: str) -> float:
    """Zipf frequency of exactly this lowercase word form (no base forms); 0 if unlisted."""
    best = _frequencies().get(word.lower().replace("’", "'"), 0.0)
    return math.log10(best * 1e9) if best > 0 else 0.0
