"""Jargon: glossary terms with plainer alternatives, and rare long words.

The glossary is the CDC Plain Language Thesaurus (``data/glossary/cdc_plain_language.jsonl`` in the repo, or
``shared/data/glossary`` beside it): a term listed there has a plainer alternative, so it is jargon.
A word is "rare" when it is uncommon in general English by the ``wordfreq`` package's English
frequency list (installed with the package, no download; see ``docs/evaluation.md`` for its
sources and licence): fewer than one occurrence per million words (Zipf frequency below 3.0),
taking the commoner of the word and its regular base forms ("fillings" counts as "filling").
A hyphenated word is rare when one of its parts is ("pre-eclampsia"). Words that are not rare but
still jargon to a lay reader ("hypertension", "placebo", "chronic") come from the glossary, whose
single words are flagged only when less common than one in ~30,000 words (the thesaurus also lists
plainer words for "treatment", "review" or "risk", which every reader knows).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.errors import PlainsciError
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.score.readability import sentence_spans

_REPO_ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_CANDIDATES = (
    _REPO_ROOT / "data" / "glossary" / "cdc_plain_language.jsonl",
    _REPO_ROOT.parent / "shared" / "data" / "glossary" / "glossary.jsonl",
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


@dataclass(frozen=True)
class Token:
    """A word with its character span and Porter stem (lowercase)."""

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
    """NLTK's Porter stemmer (pure code, no data download)."""
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lowercase word."""
    return str(_stemmer().stem(word.lower()))  # type: ignore[attr-defined]


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """Alphabetic words of ``text`` with spans and stems (hyphenated words stay one token)."""
    return tuple(
        Token(m.group(0), m.start(), m.end(), stem(m.group(0).replace("’", "'")))
        for m in _TOKEN.finditer(text)
    )


def is_content_word(word: str) -> bool:
    """A word that carries meaning: not a stop word, longer than two letters."""
    lw = word.lower()
    return len(lw) > 2 and lw not in stop_words()


# Zipf frequency (log10 of occurrences per billion words) below which a word is rare: 3.0 is one
# occurrence per million words.
RARE_ZIPF = 3.0


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word -> frequency dict (its "best" list), loaded once (~0.3 s)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="best")


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


# ---------------------------------------------------------------------------------------------
# Glossary


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    plain: str
    plain_words: tuple[str, ...]  # stems of the content words of the plain alternatives


@dataclass(frozen=True)
class Glossary:
    """Single-word terms by word form, multi-word terms as one regex, every plain-alternative stem."""

    by_word: dict[str, GlossaryEntry]  # lowercase term and its regular inflections
    phrases: dict[str, GlossaryEntry]  # lowercase phrase -> entry
    phrase_re: re.Pattern[str] | None
    plain_stems: frozenset[str]

    def find(self, text: str) -> Iterator[tuple[int, int, GlossaryEntry]]:
        """Glossary terms in ``text`` as (start, end, entry); phrases first, then single words."""
        taken: list[tuple[int, int]] = []
        if self.phrase_re is not None:
            for m in self.phrase_re.finditer(text):
                taken.append((m.start(), m.end()))
                yield m.start(), m.end(), self.phrases[_norm_phrase(m.group(0))]
        for tok in tokens(text):
            if any(s <= tok.start < e for s, e in taken):
                continue
            entry = self.by_word.get(tok.text.lower())
            if entry is not None and len(tok.text) > 2:
                yield tok.start, tok.end, entry


def _norm_phrase(text: str) -> str:
    """Lowercase, single-spaced, for looking up a matched phrase."""
    return " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")


def inflections(term: str) -> set[str]:
    """Regular inflections of a lowercase word (plural, past, -ing), the word included."""
    forms = {term, term + "s", term + "es", term + "ed", term + "ing"}
    if term.endswith("e"):
        forms |= {term + "d", term[:-1] + "ing"}
    if term.endswith("y") and len(term) > 2:
        forms |= {term[:-1] + "ies", term[:-1] + "ied"}
    return forms


def _term_variants(term: str) -> list[str]:
    """``"intravenous (IV)"`` -> intravenous, IV; ``"ova/ovum"`` -> ova, ovum."""
    variants = [_PAREN.sub(" ", term).strip()]
    variants += [p.strip() for p in _PAREN.findall(term)]
    out: list[str] = []
    for v in variants:
        out += [p.strip() for p in v.split("/") if p.strip()] if " " not in v else [v]
    return out


def glossary_path() -> Path:
    """The first glossary file that exists (repo data/ first, then the shared data folder)."""
    for path in GLOSSARY_CANDIDATES:
        if path.exists():
            return path
    raise PlainsciError(
        "The plain-language glossary (glossary.jsonl) was not found.",
        hint=f"Put it at {GLOSSARY_CANDIDATES[0]} (the CDC Plain Language Thesaurus as JSON lines).",
    )


def parse_glossary(lines: list[str]) -> Glossary:
    """Build a Glossary from JSON lines with ``term`` and ``plain_alternative``."""
    by_word: dict[str, GlossaryEntry] = {}
    phrases: dict[str, GlossaryEntry] = {}
    plain_stems: set[str] = set()
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        plain = str(row.get("plain_alternative") or "").strip()
        alternatives = {a.strip().lower() for a in plain.split(",")}
        if not plain or row["term"].strip().lower() in alternatives:
            continue  # no plainer alternative ("virus" -> "virus"): not jargon by this list
        pw = _wording_stems(plain)
        plain_stems.update(pw)
        entry = GlossaryEntry(row["term"], plain, pw)
        for variant in _term_variants(row["term"]):
            if " " in variant or "-" in variant:
                phrases.setdefault(_norm_phrase(variant), entry)
            elif len(variant) > 1:
                for form in inflections(variant.lower()):
                    by_word.setdefault(form, entry)
    phrase_re = None
    if phrases:
        alts = sorted(phrases, key=len, reverse=True)
        pattern = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
        phrase_re = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)
    return Glossary(by_word, phrases, phrase_re, frozenset(plain_stems))


def _wording_stems(text: str) -> tuple[str, ...]:
    """Stems of the words of a plain wording that can stand for a term: content words and
    acronyms of any length ("CT scan")."""
    return tuple(
        t.stem for t in tokens(text) if is_content_word(t.text) or (t.text.isupper() and len(t.text) > 1)
    )


def _term_key(text: str) -> str:
    """Lowercase, single-spaced, hyphens as spaces: how a term and its matches are compared."""
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def own_wordings() -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    """plainsci's own glossary (the YAML the extractive drafter applies, read by the drafter's
    loader) as one pattern that finds its terms, and per term the stems of the plain wording and
    definition written for it."""
    from pipeline.draft.rewrite import GLOSSARY_DIR, OWN_FILE
    from pipeline.draft.rewrite import load_glossary as load_drafter_glossary

    if not (GLOSSARY_DIR / OWN_FILE).exists():
        return None, {}
    stems_by_term: dict[str, frozenset[str]] = {}
    for entry in load_drafter_glossary().entries:
        if entry.source != "plainsci":
            continue
        stems = frozenset(s for part in (entry.plain, entry.define or "") for s in _wording_stems(part))
        key = _term_key(entry.term)
        stems_by_term[key] = stems_by_term.get(key, frozenset()) | stems
    if not stems_by_term:
        return None, {}
    alternatives = "|".join(
        r"[\s-]+".join(re.escape(w) for w in key.split())
        for key in sorted(stems_by_term, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?P<term>{alternatives})(?:s|es)?(?![\w-])", re.I), stems_by_term


def own_wording_stems(text: str) -> frozenset[str]:
    """Stems of the plain words the drafter may write for the own-glossary terms in ``text``
    ("computed tomography" in the abstract allows "CT scan" and its definition's words)."""
    pattern, stems_by_term = own_wordings()
    if pattern is None:
        return frozenset()
    found = {_term_key(m.group("term")) for m in pattern.finditer(text)}
    return frozenset(s for key in found for s in stems_by_term.get(key, ()))


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    """The glossary, read once per process."""
    return parse_glossary(glossary_path().read_text(encoding="utf-8").splitlines())


# ---------------------------------------------------------------------------------------------
# Metric


@dataclass(frozen=True)
class JargonHit:
    start: int
    end: int
    text: str
    plainer: str | None  # None for a rare word that is not in the glossary


# A single glossary word at least this common (one in ~30,000 words of English: "treatment",
# "review", "risk", "clinical") is not flagged: the thesaurus lists plainer words for many everyday
# words, and flagging them buried the real jargon ("abdomen", "prognosis", "chronic").
COMMON_ZIPF = 4.5


def find_jargon(text: str, glossary: Glossary) -> list[JargonHit]:
    """Glossary terms (single words only when less common than COMMON_ZIPF) and rare content
    words in ``text`` (names and acronyms aside), in order, without overlaps."""
    hits = [
        JargonHit(s, e, text[s:e], entry.plain)
        for s, e, entry in glossary.find(text)
        if " " in text[s:e] or "-" in text[s:e] or zipf(text[s:e]) < COMMON_ZIPF
    ]
    covered = [(h.start, h.end) for h in hits]
    initial = {start for start, _ in sentence_spans(text)}
    for tok in tokens(text):
        if any(s <= tok.start < e for s, e in covered):
            continue
        # Acronyms and names (capitalised inside a sentence: places, genes, trial names) are not
        # words a plainer one could replace.
        if tok.text.isupper() or (tok.text[0].isupper() and tok.start not in initial):
            continue
        if is_content_word(tok.text) and is_rare(tok.text):
            hits.append(JargonHit(tok.start, tok.end, tok.text, None))
    return sorted(hits, key=lambda h: h.start)


def jargon_rate_value(text: str, hits: list[JargonHit]) -> float:
    """Share of content words that fall inside a jargon hit."""
    content = [t for t in tokens(text) if is_content_word(t.text)]
    if not content:
        return 0.0
    inside = sum(1 for t in content if any(h.start <= t.start < h.end for h in hits))
    return inside / len(content)


@metric("jargon_rate", "3", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def jargon_rate(text: str, article: Article) -> MetricResult:
    """Share of content words that are glossary jargon or rare long words."""
    hits = find_jargon(text, load_glossary())
    flags = [
        Flag(
            "jargon_rate",
            f"jargon: {h.text}; plainer: {h.plainer}" if h.plainer else f"jargon: {h.text} (rare word)",
            "note",
            draft_span=(h.start, h.end),
            draft_text=h.text,
        )
        for h in hits
    ]
    return MetricResult(jargon_rate_value(text, hits), flags)
