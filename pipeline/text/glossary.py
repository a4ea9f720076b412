"""The plain-language glossary: one loader for the drafter's replacements and the jargon metric.

Two files in data/glossary: the CDC Plain Language Thesaurus (``cdc_plain_language.jsonl``, or
``shared/data/glossary/glossary.jsonl`` beside the repo) and plainsci's own terms
(``plainsci_terms.yaml``). ``load_glossary`` merges them into the entries the drafter replaces
(only reviewed CDC alternatives replace anything); ``load_term_index`` reads the thesaurus as the
jargon metric's index of terms that have a plainer alternative.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import PlainsciError
from pipeline.settings import DATA_ROOT
from pipeline.text.shape import capitalize_first, fix_articles
from pipeline.text.words import is_content_word, tokens
from pipeline.text.yamldata import load_yaml

GLOSSARY_DIR = DATA_ROOT / "glossary"
CDC_FILE = "cdc_plain_language.jsonl"
OWN_FILE = "plainsci_terms.yaml"
ABBREVIATIONS_FILE = "abbreviations.yaml"  # reviewed short forms abstracts use undefined
# The thesaurus ships in the repo; no folder outside it is searched.
GLOSSARY_CANDIDATES = (GLOSSARY_DIR / CDC_FILE,)

_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def cdc_rows(path: Path) -> list[dict[str, Any]]:
    """The thesaurus rows (JSON lines with ``term`` and ``plain_alternative``)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------------------
# The drafter's replacements
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    """A term and its plain alternative; ``define`` is explained in brackets on first use."""

    term: str
    plain: str
    define: str | None = None
    domain: str = "general"
    source: str = "plainsci"
    replace: bool = True
    after: str | None = None  # context check: the words after the term must match this regex
    mass: bool = False  # the plain wording also reads as a mass noun ("efficacy" -> "benefit")
    not_after: str | None = None  # context check: no swap when the words after the term match this
    before: str | None = None  # context check: the words before the term must end with a match
    compound: bool = True  # False: no swap as the head of a compound ("handwashing interventions")
    not_before: str | None = None  # context check: no swap when the words before end with a match
    within: str | None = None  # context check: the text (the sentence) must match this regex anywhere
    define_not_within: str | None = None  # no definition on a page whose text matches this regex
    count: bool = False  # a count noun: its definition sentence says "A protein is ..." after "the protein"
    preposition: str | None = None  # a verb's own preposition its plain verb does not take ("comprising of")


def _term_regex(term: str) -> str:
    """One alternative of the glossary pattern; acronyms and names match case-sensitively."""
    body = re.escape(term).replace(r"\ ", r"[\s-]")
    if term.isupper() or any(c.isupper() for c in term[1:]):
        return body
    return f"(?i:{body})"


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower())


class Glossary:
    """Glossary entries plus the compiled matcher used to apply them."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        # Longest term first so that phrases win over the words inside them.
        self.replacing: tuple[GlossaryEntry, ...] = tuple(
            sorted((e for e in self.entries if e.replace), key=lambda e: (-len(e.term), e.term))
        )
        self._table = {_key(e.term): e for e in self.replacing}
        alternation = "|".join(_term_regex(e.term) for e in self.replacing) or "(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?P<term>{alternation})(?P<plural>s|es)?(?![\w-])")

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def content_hash(self) -> str:
        """sha256 of every entry (term, plain wording, definition, ...): changes with any edit."""
        return hashlib.sha256("\n".join(map(repr, self.entries)).encode()).hexdigest()

    def lookup(self, term: str) -> GlossaryEntry | None:
        """The entry for ``term`` (case-insensitive), replacing or not."""
        low = term.lower()
        return next((e for e in self.entries if e.term.lower() == low), None)

    def match(self, text: str) -> Iterable[re.Match[str]]:
        return self._pattern.finditer(text)

    def sub(self, repl: Callable[[re.Match[str], GlossaryEntry], str], text: str) -> str:
        """Replace every glossary term in ``text`` with ``repl(match, entry)``."""

        def inner(m: re.Match[str]) -> str:
            entry = self._table.get(_key(m.group("term")))
            return m.group(0) if entry is None else repl(m, entry)

        return self._pattern.sub(inner, text)


def _cdc_entries(path: Path, chosen: Mapping[str, str]) -> list[GlossaryEntry]:
    """CDC thesaurus entries; only those in ``chosen`` are applied automatically.

    The thesaurus lists alternatives for many senses ("control" -> "manage"), so blind
    replacement would change meaning; ``chosen`` names the safe alternative per term.
    """
    out = []
    for row in cdc_rows(path):
        term = row["term"].strip()
        alts = row.get("plain_alternatives_split") or [row["plain_alternative"]]
        plain = chosen.get(term.lower(), alts[0].strip())
        out.append(
            GlossaryEntry(
                term=term,
                plain=plain,
                domain="general",
                source="cdc",
                replace=term.lower() in chosen,
            )
        )
    return out


def own_entries(data: Mapping[str, object]) -> list[GlossaryEntry]:
    out = []
    terms_by_domain = data.get("terms") or {}
    if not isinstance(terms_by_domain, Mapping):
        raise PlainsciError(
            f"{OWN_FILE}: 'terms' is a {type(terms_by_domain).__name__}, not a mapping of domains.",
            hint="Write it as terms: {domain: {term: plain wording, ...}, ...}.",
        )
    for domain, terms in terms_by_domain.items():
        for term, value in terms.items():
            if isinstance(value, str):
                out.append(GlossaryEntry(term=term, plain=value, domain=domain))
            else:
                out.append(
                    GlossaryEntry(
                        term=term,
                        plain=value.get("plain", term),
                        define=value.get("define"),
                        domain=domain,
                        replace=bool(value.get("replace", True)),
                        after=value.get("after"),
                        mass=bool(value.get("mass", False)),
                        not_after=value.get("not_after"),
                        before=value.get("before"),
                        compound=bool(value.get("compound", True)),
                        not_before=value.get("not_before"),
                        within=value.get("within"),
                        define_not_within=value.get("define_not_within"),
                        count=bool(value.get("count", False)),
                        preposition=value.get("preposition"),
                    )
                )
    return out


@lru_cache(maxsize=4)
def load_glossary(directory: Path = GLOSSARY_DIR) -> Glossary:
    """Merge the CDC thesaurus with plainsci's own terms (own terms win on a clash)."""
    own_data = load_yaml((directory / OWN_FILE).read_text(encoding="utf-8")) or {}
    own = own_entries(own_data)
    chosen = {k.lower(): v for k, v in (own_data.get("cdc_chosen") or {}).items()}
    cdc = _cdc_entries(directory / CDC_FILE, chosen)
    own_terms = {e.term.lower() for e in own}
    merged = own + [e for e in cdc if e.term.lower() not in own_terms]
    return Glossary(tuple(merged))


def apply_glossary(
    text: str,
    glossary: Glossary,
    *,
    define: bool = True,
    defined: set[str] | None = None,
    swaps: list[Any] | None = None,
) -> str:
    """Replace glossary terms by their plain alternatives (``pipeline.text.swaps`` rules).

    With ``define``, an entry that has a definition is explained in brackets the first time it
    is used (tracked in ``defined``, shared across the calls that build one field). The swaps
    made are appended to ``swaps`` when given.
    """
    from pipeline.text.swaps import lexicon_for, swap_plain_words, with_context

    new, made = swap_plain_words(text, defined=defined, define=define, lexicon=lexicon_for(glossary))
    if swaps is not None:
        swaps.extend(with_context(made, new))
    # a sentence keeps its capital; a fragment that starts in lower case stays so ("This study
    # looked at" + a title's topic must not become "looked at Finding ...")
    started_upper = next((c for c in text if c.isalpha()), "").isupper()
    return fix_articles(capitalize_first(new) if started_upper else new)


# ---------------------------------------------------------------------------------------------
# The jargon metric's index of terms


@dataclass(frozen=True)
class TermEntry:
    term: str
    plain: str
    plain_words: tuple[str, ...]  # stems of the content words of the plain alternatives


@dataclass(frozen=True)
class TermIndex:
    """Single-word terms by word form, multi-word terms as one regex, every plain-alternative stem."""

    by_word: dict[str, TermEntry]  # lowercase term and its regular inflections
    phrases: dict[str, TermEntry]  # lowercase phrase -> entry
    phrase_re: re.Pattern[str] | None
    plain_stems: frozenset[str]

    def find(self, text: str) -> Iterator[tuple[int, int, TermEntry]]:
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
    """The CDC thesaurus file in the repo's data/glossary (an error saying where it belongs)."""
    for path in GLOSSARY_CANDIDATES:
        if path.exists():
            return path
    raise PlainsciError(
        "The plain-language glossary (glossary.jsonl) was not found.",
        hint=f"Put it at {GLOSSARY_CANDIDATES[0]} (the CDC Plain Language Thesaurus as JSON lines).",
    )


def parse_term_index(lines: list[str]) -> TermIndex:
    """Build a Glossary from JSON lines with ``term`` and ``plain_alternative``."""
    by_word: dict[str, TermEntry] = {}
    phrases: dict[str, TermEntry] = {}
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
        entry = TermEntry(row["term"], plain, pw)
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
    return TermIndex(by_word, phrases, phrase_re, frozenset(plain_stems))


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
    if not (GLOSSARY_DIR / OWN_FILE).exists():
        return None, {}
    stems_by_term: dict[str, frozenset[str]] = {}
    for entry in load_glossary().entries:
        if entry.source != "plainsci":
            continue
        stems = frozenset(s for part in (entry.plain, entry.define or "") for s in _wording_stems(part))
        key = _term_key(entry.term)
        stems_by_term[key] = stems_by_term.get(key, frozenset()) | stems
    if not stems_by_term:
        return None, {}
    keys = sorted(stems_by_term, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(re.escape(w) for w in key.split()) for key in keys)
    if all(key[:1].isascii() for key in keys):
        alternatives = _by_first_character(keys)
    return re.compile(rf"(?<![\w-])(?P<term>{alternatives})(?:s|es)?(?![\w-])", re.I), stems_by_term


def _by_first_character(keys: list[str]) -> str:
    """The alternation of ``keys`` (longest first) grouped by their first character: "c(?:omputed[\\s-]+
    tomography|t)|..." for "computed tomography|ct|...". At a word start ``re`` tried each of the
    736 terms in turn; now only the group of the word's first letter (10x faster over an abstract).
    The same matches: keys are lower case and start with an ASCII character, so under IGNORECASE
    no text character matches two groups' first characters, and each group keeps the keys' order."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        pattern = r"[\s-]+".join(re.escape(w) for w in key.split())
        first = re.escape(key[0])
        groups.setdefault(first, []).append(pattern[len(first) :])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


@lru_cache(maxsize=1)
def own_definitions() -> frozenset[str]:
    """The definitions of plainsci's own glossary (``define``), in lower case with single spaces:
    what a drafter writes to explain a term ("reading the letters of DNA or RNA" for sequencing)."""
    if not (GLOSSARY_DIR / OWN_FILE).exists():
        return frozenset()
    return frozenset(
        " ".join(e.define.lower().split())
        for e in load_glossary().entries
        if e.source == "plainsci" and e.define
    )


def own_wording_stems(text: str) -> frozenset[str]:
    """Stems of the plain words the drafter may write for the own-glossary terms in ``text``
    ("computed tomography" in the abstract allows "CT scan" and its definition's words)."""
    pattern, stems_by_term = own_wordings()
    if pattern is None:
        return frozenset()
    found = {_term_key(m.group("term")) for m in pattern.finditer(text)}
    return frozenset(s for key in found for s in stems_by_term.get(key, ()))


@lru_cache(maxsize=1)
def load_term_index() -> TermIndex:
    """The glossary, read once per process."""
    return parse_term_index(glossary_path().read_text(encoding="utf-8").splitlines())
