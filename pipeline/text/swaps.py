"""Word swaps that never change meaning: a jargon term replaced by its plain equivalent.

One function, ``swap_plain_words``, used by every drafter. The swaps it may make come from four
places, each kept with its origin so an editor sees where "changed X -> Y" came from:

- ``plainsci``: plainsci's own glossary (data/glossary/plainsci_terms.yaml, entries that replace);
- ``cdc-reviewed``: the reviewed allow-list of CDC thesaurus terms (``cdc_chosen`` in that file);
- ``mined:<dataset>``: plain equivalents mined from human lay summaries aligned with their
  abstracts (data/lexicon/swaps.tsv, rebuilt by ``plainsci lexicon``; see data/lexicon/PROVENANCE.md);
- ``editors``: swaps learnt from editors' approved edits and accepted by an admin (the store's
  ``learned_swaps`` table; the draft stage hands them over with ``use_editor_swaps``).

The deny-list (data/lexicon/deny.tsv) removes pairs that change meaning whatever their origin,
or that do so unless a context holds ("reduction" -> "drop" only in "a reduction in/of ..."); a
term it denies outright is left as written, words and all ("cystic fibrosis" keeps "fibrosis").

A swap is never made inside a protected span: a token with a digit or an inner capital (strains
such as C57BL/6J, genes, identifiers, trial acronyms), a capitalised word inside a sentence or a
run of capitalised words (proper names: "Stop Smoking Service"), a drug name, or a quotation (a
label or scale item: graded "intended position achieved"). Multi-word terms
are matched first (longest wins). The plain wording takes the inflection of the matched word
(lemminflect), a mass noun is not replaced by a count noun where no determiner precedes it
("Thrombosis is ..." never becomes "Blood clot is ...") unless its entry says the wording reads
as a mass noun too ("efficacy" -> "benefit"), a singular noun is not replaced by a
plural wording, an adjective before its noun is not replaced by a phrase that cannot stand there
("a without symptoms patient"), a participle keeps its form after an auxiliary or after its noun
("samples obtained from" is not "samples got from"; with no form that reads right, as "gotten", no
swap), and a/an before a swap is fixed. A term that modifies the noun after it is not replaced by a
wording with its own "of"/"the" ("relapse rates" is not "return of the illness rates"), nor a
participle used as an adjective by a phrasal verb ("the other examined herbs" is not "the other
looked at herbs"); a mass-noun entry may take a plural wording without an article ("reduced
mortality" -> "reduced deaths") but not after "a"/"one" nor before a noun. An entry's context check
is ``after`` (the next words must match) or ``not_after`` (no swap when they match: "Mortality was"),
and ``before`` (the text before must end with a match: "metformin monotherapy" -> "metformin alone");
an entry with ``compound: false`` is not swapped after a noun or -ing word it heads ("handwashing
interventions" are not "handwashing treatments"). An adjective whose wording is a phrase ("during
surgery", "without symptoms") is not swapped before its noun, nor before "and"/"or" and a second
modifier of that noun ("intraoperative and postoperative complications").
"""

from __future__ import annotations

import csv
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.settings import DATA_ROOT
from pipeline.text.glossary import ABBREVIATIONS_FILE, GLOSSARY_DIR, Glossary, load_glossary
from pipeline.text.readability import GENUS_SHORT, sentence_spans
from pipeline.text.shape import fix_articles
from pipeline.text.words import STOP_WORDS, word_zipf, zipf

LEXICON_DIR = DATA_ROOT / "lexicon"
MINED_FILE = "swaps.tsv"
DENY_FILE = "deny.tsv"

# Which origin wins when two sources swap the same term (first wins).
ORIGIN_RANK = ("editors", "plainsci", "cdc-reviewed", "mined")


@dataclass(frozen=True)
class WordSwap:
    """One replacement made in a text: ``before`` was at ``start:end`` of the INPUT text."""

    before: str
    after: str
    start: int
    end: int
    origin: str  # "plainsci", "cdc-reviewed", "mined:elife_dev", "editors", "abbreviations"
    # the wording with a word beside it in the text the swap made, lower case ("a quality check",
    # "check of"): a field carries the swap only where it has one of these (the same wording
    # written by another sentence is not this swap); empty: the wording alone decides
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class SwapRule:
    """A term (lowercase words) and the plain wording that may replace it."""

    term: str
    plain: str
    origin: str
    define: str | None = None
    after: str | None = None  # the words after the term must match this regex (a context check)
    cased: str | None = None  # an acronym or name-like term matches only as written ("MRI")
    mass: bool = False  # the plain wording reads as a mass noun too: no article needed ("benefit")
    not_after: str | None = None  # no swap when the words after the term match this regex
    before: str | None = None  # the text before the term must end with a match of this regex
    compound: bool = True  # False: no swap after a noun or -ing word it heads ("handwashing interventions")
    not_before: str | None = None  # no swap when the text before the term ends with a match of this regex
    within: str | None = None  # the text (a sentence) must match this regex somewhere (a context check)
    define_not_within: str | None = None  # the definition is not said on a page that matches this regex
    count: bool = False  # a count noun: explained as "A protein is ..." whatever article the page uses
    preposition: str | None = None  # a verb's own preposition ("comprising of"): the swap takes it along

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.term.split())


@dataclass(frozen=True)
class DenyRule:
    """A term/plain pair that changes meaning; ``unless_after``: allowed when the next words match."""

    term: str
    plain: str  # "*": any plain wording
    unless_after: str | None
    reason: str

    def denies(self, rule: SwapRule) -> bool:
        term_words, rule_words = self.term.split(), rule.words
        n = len(term_words)
        inside = any(rule_words[i : i + n] == tuple(term_words) for i in range(len(rule_words) - n + 1))
        return inside and (self.plain == "*" or self.plain in rule.plain.lower())


# ---------------------------------------------------------------------------------------------
# Loading


def read_deny_list(path: Path | None = None) -> list[DenyRule]:
    """data/lexicon/deny.tsv: term, plain (or *), unless_after (regex or empty), reason."""
    path = path or LEXICON_DIR / DENY_FILE
    rows = _tsv_rows(path)
    return [
        DenyRule(
            r["term"].strip().lower(), r["plain"].strip().lower(), r.get("unless_after") or None, r["reason"]
        )
        for r in rows
    ]


def read_mined(path: Path | None = None) -> list[SwapRule]:
    """data/lexicon/swaps.tsv: the mined pairs that passed the precision threshold."""
    path = path or LEXICON_DIR / MINED_FILE
    if not path.exists():
        return []
    return [SwapRule(r["term"].strip().lower(), r["plain"].strip(), r["origin"]) for r in _tsv_rows(path)]


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _norm_term(term: str) -> str:
    return " ".join(term.lower().split())


_EDITOR_RULES: tuple[SwapRule, ...] = ()


def use_editor_swaps(pairs: Iterable[tuple[str, str]]) -> None:
    """Make the admin-accepted editor swaps (term, plain) part of every later ``swap_plain_words``."""
    global _EDITOR_RULES
    rules = tuple(
        sorted({SwapRule(_norm_term(t), p.strip(), "editors") for t, p in pairs if t.strip()}, key=str)
    )
    if rules != _EDITOR_RULES:
        _EDITOR_RULES = rules
        lexicon_for.cache_clear()


class Lexicon:
    """Swap rules by surface form (every inflection of the term), with the deny-list applied."""

    def __init__(self, rules: Iterable[SwapRule], deny: Sequence[DenyRule] = ()) -> None:
        chosen: dict[str, SwapRule] = {}
        for rule in sorted(rules, key=lambda r: _origin_rank(r.origin)):
            if rule.term and rule.term not in chosen and rule.plain.strip():
                chosen[rule.term] = rule
        self.deny = tuple(deny)
        # A deny rule can only deny a rule holding its term's first word: test those alone (in
        # the deny-list's order), not every rule against every deny rule.
        firsts = [(d, d.term.split()[0] if d.term.split() else None) for d in self.deny]

        def could_deny(rule: SwapRule) -> list[DenyRule]:
            words = set(rule.words)
            return [d for d, first in firsts if first is None or first in words]

        candidates = {r.term: could_deny(r) for r in chosen.values()}
        denied = {
            r.term
            for r in chosen.values()
            if any(d.denies(r) and not d.unless_after for d in candidates[r.term])
        }
        self.rules: tuple[SwapRule, ...] = tuple(r for r in chosen.values() if r.term not in denied)
        # A denied term is left as written, words and all ("pulmonary embolism" does not become
        # "lung" + the wording of "embolism").
        # So is a phrase the deny-list keeps whatever the wording ("necessary and sufficient" does
        # not become "necessary and enough"; "cystic fibrosis" keeps "fibrosis").
        kept = {d.term for d in self.deny if d.plain == "*" and not d.unless_after}
        self.blocked = frozenset(tuple(t.split()) for t in denied | kept)
        self._conditional = {
            r.term: [
                d for d in candidates[r.term] if d.unless_after and d.denies(r) and not _holds_inside(d, r)
            ]
            for r in self.rules
        }

    # The inflected forms, the longest term and each first word's reach are built on first use:
    # a process that only needs the word lists' hash (a run's plan with nothing to draft, round
    # 14) skips lemminflect's table load and the inflection of every term.
    @cached_property
    def forms(self) -> dict[tuple[str, ...], tuple[SwapRule, str]]:
        forms: dict[tuple[str, ...], tuple[SwapRule, str]] = {}
        for rule in self.rules:  # the term as written first, so "neurons" keeps its own entry
            forms.setdefault(rule.words, (rule, "BASE"))
        for rule in self.rules:
            for tag, form in _inflections(rule.words[-1]):
                forms.setdefault((*rule.words[:-1], form), (rule, tag))
        return forms

    @cached_property
    def longest(self) -> int:
        return max((len(k) for k in (*self.forms, *self.blocked)), default=0)

    @cached_property
    def reach(self) -> dict[str, int]:
        """The longest term (swapped or blocked) that starts with each word: a word no term
        starts with is passed over at once (most words of a sentence)."""
        reach: dict[str, int] = {}
        for k in (*self.forms, *self.blocked):
            if k:
                reach[k[0]] = max(reach.get(k[0], 0), len(k))
        return reach

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the swap rules in use and the deny-list: changes when data/lexicon or an
        accepted editor swap does."""
        return hashlib.sha256("\n".join(map(repr, (*self.rules, *self.deny))).encode()).hexdigest()

    def conditions(self, rule: SwapRule) -> list[DenyRule]:
        return self._conditional.get(rule.term, [])

    def __len__(self) -> int:
        return len(self.rules)


def _holds_inside(deny: DenyRule, rule: SwapRule) -> bool:
    """A conditional deny of a word inside a longer term whose next words in the term are the
    context it allows: "cognitive" is "thinking" before "impairment", so "cognitive impairment"
    -> "problems with thinking and memory" is no deny on whatever follows the term
    (cochrane CD004514.pub2 said "people with thinking problem", round 27)."""
    words, term = rule.words, tuple(deny.term.split())
    n = len(term)
    for i in range(len(words) - n):
        if words[i : i + n] == term:
            return bool(re.match(rf"(?:{deny.unless_after})\b", " ".join(words[i + n :]), re.I))
    return False


def _origin_rank(origin: str) -> int:
    base = origin.split(":", 1)[0]
    return ORIGIN_RANK.index(base) if base in ORIGIN_RANK else len(ORIGIN_RANK)


@lru_cache(maxsize=8)
def lexicon_for(glossary: Glossary) -> Lexicon:
    """The lexicon with ``glossary``'s replacing entries in place of the default glossary files."""
    rules = [
        SwapRule(
            _norm_term(e.term),
            e.plain,
            "plainsci" if e.source == "plainsci" else "cdc-reviewed",
            e.define,
            e.after,
            e.term.strip() if any(c.isupper() for c in e.term) else None,
            e.mass,
            e.not_after,
            e.before,
            e.compound,
            e.not_before,
            e.within,
            e.define_not_within,
            e.count,
            e.preposition,
        )
        for e in glossary.replacing
        if e.plain.strip().lower() != e.term.strip().lower() or e.define
    ]
    return Lexicon([*_EDITOR_RULES, *rules, *read_mined()], read_deny_list())


def word_lists_hash(glossary: Glossary) -> str:
    """What a drafter's word choices depend on, as one hash: ``glossary``'s entries, the mined
    swaps and the deny-list (data/lexicon), the accepted editor swaps now in use and the reviewed
    abbreviations (data/glossary/abbreviations.yaml). Drafters put it in their provenance, so
    editing any of them changes the draft cache key."""
    abbreviations = GLOSSARY_DIR / ABBREVIATIONS_FILE
    known = hashlib.sha256(abbreviations.read_bytes()).hexdigest() if abbreviations.exists() else ""
    both = glossary.content_hash + lexicon_for(glossary).content_hash + known
    return hashlib.sha256(both.encode()).hexdigest()[:16]


def load_lexicon() -> Lexicon:
    """Every swap rule (editors, own glossary, reviewed CDC list, mined pairs) less the deny-list."""
    return lexicon_for(load_glossary())


def fixed_names(long_forms: Iterable[str], lexicon: Lexicon | None = None) -> frozenset[str]:
    """The multi-word names among ``long_forms`` (what a page's short forms stand for) that a swap
    would change from inside, lower-case, singular and plural: "genome-wide association studies"
    is not "genome-wide link studies", "odds ratio" not "chance ratio", "chronic obstructive
    pulmonary disease" not "long-term obstructive lung disease" (round 14 read of the swaps). A
    swap of the whole name is no change of its inside ("computed tomography" -> "CT scan"); one of
    any part is, its last word after an adjective too: "benign paroxysmal positional vertigo" is
    not "benign paroxysmal positional dizziness" (cochrane eval CD003162), and the short form's
    letters spell the name as written, not "postpartum bleeding (PPH)" (round 23; round 14 had let
    a last word after an adjective be swapped). The composer keeps these names as written (its
    ``keep`` words)."""
    lex = lexicon or load_lexicon()
    out: set[str] = set()
    for long_form in long_forms:
        name = " ".join(long_form.split())
        if _changed_inside(name, lex):
            out.update((name.lower(), _plural_name(name.lower())))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _changed_inside(name: str, lex: Lexicon) -> bool:
    """A swap would change ``name`` from inside (see ``fixed_names``)."""
    if len(_WORD.findall(name)) < 2 and "-" not in name:
        return False
    text = f"The {name} was found."
    start, end = 4, 4 + len(name)
    _new, made = swap_plain_words(text, define=False, lexicon=lex)
    return any(s.start < end and start < s.end and (s.start, s.end) != (start, end) for s in made)


# the endings of adjectives a word list may not know ("lobular", "bronchogenic", "postpartum" aside)
_ADJECTIVE_ENDINGS = ("al", "ic", "ar", "ive", "ous", "ed", "ary", "ory", "ile", "ing")


def _names_a_thing(word: str, strict: bool = False) -> bool:
    """A noun that modifies the next one in a name ("papilla base incision", "single nucleotide
    polymorphism"): a noun or a word English does not know, neither an adjective nor ending as one;
    ``strict``: never an adjective either ("eligible studies" may be "suitable studies")."""
    if _is_adjective(word) or word.endswith(_ADJECTIVE_ENDINGS):
        return False
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return not lemmas or ("NOUN" in lemmas and not (strict and "ADJ" in lemmas))


def _plural_name(name: str) -> str:
    """A name with its last word in the other number ("odds ratio" <-> "odds ratios")."""
    head, _, last = name.rpartition(" ")
    other = last[:-1] if last.endswith("s") and not last.endswith("ss") else f"{last}s"
    return f"{head} {other}".strip()


# ---------------------------------------------------------------------------------------------
# Inflection


@lru_cache(maxsize=20_000)
def _inflections(word: str) -> tuple[tuple[str, str], ...]:
    """(Penn tag, form) for the inflected forms of ``word`` other than itself."""
    from lemminflect import getAllInflections

    out: list[tuple[str, str]] = []
    for tag, forms in getAllInflections(word).items():
        for form in forms:
            if form != word and tag not in ("VB", "VBP", "NN", "JJ", "RB"):
                out.append((tag, form))
    return tuple(out)


_QUANTIFIERS = frozenset("more most many much fewer less few several".split())
# A superlative wording ("optimal" -> "best") needs "the" (or a possessive) before it, or stands
# after a verb ("was optimal" -> "was best").
_SUPERLATIVES = frozenset("best worst".split())
_BEFORE_SUPERLATIVE = frozenset("the its their his her our your is are was were be been being".split())
_PREPOSITIONS = frozenset("of in on to for with from at by that which who into over under".split())


def _inflect_plain(plain: str, tag: str) -> str | None:
    """``plain`` with its head word in the inflection ``tag``; None when it has no such form."""
    if tag == "BASE":
        return plain
    from lemminflect import getInflection

    words = plain.split()
    if tag.startswith("V"):
        head = 0
    else:
        head = next((i - 1 for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words) - 1)
    word = words[head]
    if tag.startswith("V") and not _can_be_verb(word.lower()):
        return None  # "a fatigued motor unit" is no "tirednessed" one: a noun has no past tense
    if tag == "NNS" and word.lower().endswith("s") and _is_plural(word.lower()):
        return plain  # already plural ("observable traits")
    forms = getInflection(word, tag)
    if not forms or (tag == "VBN" and forms[0] == "gotten"):
        return None  # "genes were obtained" is not "genes were gotten"
    return " ".join([*words[:head], forms[0], *words[head + 1 :]])


@lru_cache(maxsize=20_000)
def _can_be_verb(word: str) -> bool:
    """lemminflect's dictionary knows ``word`` as a verb (its guesses for unknown words make
    "tirednessed" of a noun)."""
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


@lru_cache(maxsize=20_000)
def _is_plural(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    noun = lemmas.get("NOUN", ())
    return bool(noun) and word not in noun


@lru_cache(maxsize=20_000)
def _is_singular_verb(word: str) -> bool:
    """A third-person singular present verb ("lowers", "is"), never a plural noun ("trials" is both)."""
    from lemminflect import getAllLemmas, getInflection

    if word in ("is", "was", "has", "does"):
        return True
    verbs = getAllLemmas(word).get("VERB", ())
    return any(word in getInflection(v, "VBZ") for v in verbs) and not _is_plural(word)


def _singular_verb_follows(text: str, words: Sequence[re.Match[str]], j: int) -> bool:
    """A singular verb within the next few words of the same clause ("supplementation in type 2
    diabetes lowers ..."): the term is its subject and a plural wording would not agree."""
    for k in range(j, min(j + 6, len(words))):
        if k > j and re.search(r"[,;:.()]", text[words[k - 1].end() : words[k].start()]):
            return False
        if _is_singular_verb(words[k].group(0).lower()):
            return True
    return False


@lru_cache(maxsize=20_000)
def _is_mass_noun(word: str) -> bool:
    """A noun whose plural is at least ~30 times rarer than its singular ("thrombosis", "pain")."""
    from lemminflect import getInflection

    plural = getInflection(word, "NNS")
    singular = word_zipf(word)
    return not plural or singular == 0 or word_zipf(plural[0]) < singular - 1.0


@lru_cache(maxsize=20_000)
def _is_count_noun(word: str) -> bool:
    return not _is_mass_noun(word)


@lru_cache(maxsize=20_000)
def _is_noun_modifier(word: str) -> bool:
    """A noun or -ing word that can modify the next noun ("smoking", "harm", "dose")."""
    from lemminflect import getAllLemmas

    low = word.lower()
    if low in DETERMINERS:
        return False
    lemmas = getAllLemmas(low)
    return low.endswith("ing") or ("NOUN" in lemmas and "ADJ" not in lemmas)


# Words that name a comparison arm, not a kind of programme: "placebo interventions" are "placebo
# treatments" (CD006739).
_ARMS = frozenset("placebo sham control comparator dummy active".split())


@lru_cache(maxsize=20_000)
def _names_a_kind(word: str) -> bool:
    """A noun that heads no phrase of its own but names the kind of the noun after it ("handwashing",
    "music", "prevention", "training"); not a function word ("such", "other"), an adjective or a
    participle ("differing", "remaining"). A word lemminflect does not know counts unless it ends
    like an adjective ("handwashing" does, "pharmacological" does not)."""
    from lemminflect import getAllLemmas

    if word in STOP_WORDS or word in _ARMS:
        return False
    lemmas = getAllLemmas(word)
    if not lemmas:
        return not word.endswith(("al", "ic", "ive", "ous", "ary", "ory", "ar", "ed"))
    return "NOUN" in lemmas and ("ADJ" not in lemmas or word.endswith("ing"))


@lru_cache(maxsize=20_000)
def _is_adjective(word: str) -> bool:
    """A word lemminflect knows only as an adjective ("reliable", "new")."""
    from lemminflect import getAllLemmas

    if word in STOP_WORDS:
        return False  # "under", "more": lemminflect lists some function words as adjectives
    lemmas = getAllLemmas(word)
    return "ADJ" in lemmas and "VERB" not in lemmas and "NOUN" not in lemmas


@lru_cache(maxsize=20_000)
def _can_be_adjective(word: str) -> bool:
    """lemminflect knows the word as an adjective, perhaps among others ("neonatal")."""
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word)


@lru_cache(maxsize=20_000)
def _is_singular_noun(word: str, unknown: bool = False) -> bool:
    """A singular noun lemminflect knows; with ``unknown``, a word it does not know
    ("dysfunction") counts as one too unless it ends in s (technical nouns are its blind spot)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    if not lemmas:
        return unknown and not word.endswith("s")
    return word in lemmas.get("NOUN", ())


# ---------------------------------------------------------------------------------------------
# What must not be touched

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_CHUNK = re.compile(r"\S+")
DETERMINERS = frozenset(
    "a an the this that these those each every any no its their his her our your my one another either "
    "neither some which whose".split()
)
# Drug name stems (WHO INN) that a plain word must never replace: a word (_WORD: ASCII letters,
# apostrophes, hyphens) ending in one in any case. Tested with str.endswith: a regular expression
# ending in "$" was tried at every position of every word (round 25, h25speed).
_DRUG_STEMS = tuple(
    "mab nib vir pril sartan olol statin azole cillin mycin oxacin cycline tide parin platin taxel "
    "dronate gliptin gliflozin prazole triptan setron afil lukast dipine semide thiazide zepam zolam "
    "barbital caine profen coxib tinib rubicin mustine relin pressin tocin ximab zumab umab".split()
)
# double, curly or single quotes ('any serious adverse effect'); an apostrophe inside a word
# ("Alzheimer's") opens or closes nothing
_QUOTED = re.compile(r'"[^"\n]{1,120}"|“[^”\n]{1,120}”|‘[^’\n]{1,120}’|(?<!\w)\'[^\'\n]{1,120}\'(?!\w)')
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]['\")\]]?)\s*$")


def _sentence_end(text: str, at: int) -> bool:
    """``_SENTENCE_END.search(text[:at])`` without the search from every position of the slice:
    nothing but spaces before ``at``, or a sentence mark ([.!?:;], a closing quote or bracket
    after it allowed) and then only spaces."""
    before = text[:at].rstrip()
    if not before:
        return True
    if before[-1] in ".!?:;":
        return True
    return len(before) > 1 and before[-1] in "'\")]" and before[-2] in ".!?:;"


# A species after its genus said short is a name: "Strep. pneumoniae" is no "lung infection" (cochrane
# CD006316.pub3). Shared with the composer's masking (pipeline.draft.composer.simplify).
SHORT_GENUS_SPECIES = rf"{GENUS_SHORT} [a-z]{{2,}}\b"
_SHORT_GENUS_SPECIES = re.compile(SHORT_GENUS_SPECIES)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans no swap may touch: identifiers, inner capitals, names, capitalised runs, drugs,
    quotations."""
    spans: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(text):
        chunk = m.group(0).strip("()[]{},;:.!?\"'“”‘’")
        if any(map(str.isdigit, chunk)) or any(map(str.isupper, chunk[1:])) or "/" in chunk:
            spans.append((m.start(), m.end()))
    # a quotation is a label or a scale item, kept as written ("intended position achieved")
    spans += [m.span() for m in _QUOTED.finditer(text)]
    spans += [m.span() for m in _SHORT_GENUS_SPECIES.finditer(text)]
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words):
        word = w.group(0)
        if len(word) > 6 and word.lower().endswith(_DRUG_STEMS):
            spans.append((w.start(), w.end()))
        if not word[0].isupper():
            continue
        initial = _sentence_end(text, w.start())
        nxt = words[i + 1] if i + 1 < len(words) else None
        in_run = nxt is not None and nxt.group(0)[0].isupper() and text[w.end() : nxt.start()].strip() == ""
        if not initial or in_run or word.isupper():
            spans.append((w.start(), w.end()))
    return spans


# ---------------------------------------------------------------------------------------------
# Swapping


def swap_plain_words(
    text: str,
    *,
    defined: set[str] | None = None,
    define: bool = True,
    lexicon: Lexicon | None = None,
) -> tuple[str, list[WordSwap]]:
    """Replace jargon terms of ``text`` by plain wording that keeps the meaning.

    Returns the new text and every swap made (spans in the input text). With ``define``, a term
    whose entry has a definition is explained in brackets the first time (tracked in ``defined``,
    shared across the calls that build one field).
    """
    lex = lexicon or load_lexicon()
    defined = defined if defined is not None else set()
    words = list(_WORD.finditer(text))
    lowered = [w.group(0).lower().replace("’", "'") for w in words]
    protected: list[tuple[int, int]] = []
    found = False  # the spans are found at the first term that could be swapped (most texts have none)

    def is_protected(start: int, end: int) -> bool:
        nonlocal found
        if not found:
            protected.extend(protected_spans(text))
            found = True
        return any(s < end and start < e for s, e in protected)

    out: list[str] = []
    swaps: list[WordSwap] = []
    cursor = 0
    i = 0
    while i < len(words):
        made = None
        blocked = 0
        for n in range(min(lex.reach.get(lowered[i], 0), len(words) - i), 0, -1):
            key = tuple(lowered[i : i + n])
            if (
                key in lex.blocked
                or (
                    n > 1
                    and (
                        _lemma_key(key) in lex.blocked
                        # a plural lemminflect does not know ("single-nucleotide polymorphisms")
                        or (key[-1].endswith("s") and (*key[:-1], key[-1][:-1]) in lex.blocked)
                    )
                )
            ):
                blocked = n
                break
            hit = lex.forms.get(key)
            if hit is None:
                continue
            start, end = words[i].start(), words[i + n - 1].end()
            if not _only_spaces_between(text, words[i : i + n]):
                continue
            if hit[0].cased is not None:
                if text[start:end] != hit[0].cased:
                    continue
            elif is_protected(start, end):
                continue
            if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and text[start:end].isupper():
                continue  # "(MRI)" defines the abbreviation of the words before it: no swap inside
            if hit[0].plain.lower() == hit[0].term and not hit[0].cased:
                blocked = n  # a term kept to be explained ("quantitative trait loci") is left as
                break  # written, words and all: not "quantitative trait DNA regions"
            made = _swap_one(text, words, i, n, hit, lex, defined, define)
            if made is not None:
                break
        if made is None:
            i += max(blocked, 1)
            continue
        swap, n_words = made
        defined_here = _ABBREVIATION_AFTER.match(text, swap.end)
        if defined_here and _initials(swap.before) == defined_here.group(1).rstrip("s").upper():
            # "computed tomography (CT)-guided" -> "CT scan-guided": the bracket defined the swapped term
            swap = WordSwap(
                text[swap.start : defined_here.end()], swap.after, swap.start, defined_here.end(), swap.origin
            )
            while i + n_words < len(words) and words[i + n_words].start() < swap.end:
                n_words += 1
        article = _article_before(text, words, i, cursor)
        if article is not None:
            a_start, a_word = article
            fixed = _article_for(a_word, swap.after)
            if fixed != a_word:
                swap = WordSwap(
                    text[a_start : swap.end], f"{fixed} {swap.after}", a_start, swap.end, swap.origin
                )
        gap = text[cursor : swap.start]
        if (
            swaps
            and swaps[-1].end == cursor
            and gap.isspace()
            and swap.after.lower() == swaps[-1].after.lower()
        ):
            # "cutaneous dermal" -> "skin", one swap, not "skin skin"
            last = swaps.pop()
            swap = WordSwap(text[last.start : swap.end], last.after, last.start, swap.end, last.origin)
            out.pop()
            gap = ""
        swap = _without_echo(swap, text, words, lowered, i + n_words, "".join(out[-2:]) + gap)
        if _repeats_the_sentence(swap.after, text[: swap.start], text[swap.end :]):
            # "Adverse events which may or may not have been side effects of the treatment" is not
            # "Side effects which may or may not have been side effects ...": no swap writes a word
            # its sentence already has (cochrane_val CD003415, blind read seed 83)
            i += n_words
            continue
        out.append(gap)
        out.append(swap.after)
        cursor = swap.end
        swaps.append(swap)
        i += n_words
    out.append(text[cursor:])
    return "".join(out), swaps


_SENTENCE_MARK = re.compile(r"[.!?;](?=\s|$)")


def _repeats_the_sentence(plain: str, before: str, after: str) -> bool:
    """The sentence already names what ``plain`` names: its words (compared by noun lemma, "effects"
    is "effect") stand in ``before`` (the text before the swapped term, from the last sentence mark)
    or ``after`` (the text after it, up to the next mark), and the wording ends on a noun. A
    sentence that says both the term and its plain wording tells them apart ("adverse events which
    may or may not have been side effects"); a verb may repeat ("it was seen in A, whereas it was
    observed among B"), and so may a word the wording only shares ("erythema and skin pallor") or
    one that modifies another noun there ("growth factor")."""
    wanted = [_noun_lemma(w.lower()) for w in _WORD.findall(plain)]
    if not wanted or not _is_noun_word(wanted[-1]):
        return False
    marks = list(_SENTENCE_MARK.finditer(before))
    left = before[marks[-1].end() :] if marks else before
    stop = _SENTENCE_MARK.search(after)
    right = after[: stop.start()] if stop else after
    n = len(wanted)
    for side in (left, right):
        found = list(_WORD.finditer(side))
        have = [_noun_lemma(w.group(0).lower()) for w in found]
        for k in range(len(have) - n + 1):
            # a word that modifies the noun after it names another thing ("growth factor", "skin
            # flora"; a masked name too: "growth factor-BB"): "proliferation" may still be "growth"
            if have[k : k + n] == wanted and not _modifies_next(side, found[k + n - 1].end()):
                return True
    return False


def _modifies_next(text: str, end: int) -> bool:
    """The word ending at ``end`` stands before a noun, a name or a masked token (plain_words
    hides names such as "factor-BB" as NUL-marked numbers)."""
    after = re.match(r"[ -]+(\x00|[^\s.,;:()]+)", text[end:])
    if after is None:
        return False
    word = after.group(1)
    return word == "\x00" or not word.isalpha() or word[0].isupper() or _is_noun_word(word.split("-")[0])


_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _initials(term: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", term) if w).upper()


def _without_echo(
    swap: WordSwap,
    text: str,
    words: Sequence[re.Match[str]],
    lowered: Sequence[str],
    following: int,
    before: str,
) -> WordSwap:
    """The swap without a word that repeats its neighbour: "computed tomography scans" -> "CT scans",
    not "CT scan scans"; "skin cutaneous lesions" -> "skin lesions" (``before``: the output so far)."""
    parts = swap.after.split(" ")
    if (
        len(parts) > 1
        and following < len(words)
        and text[swap.end : words[following].start()].isspace()
        and parts[-1].isalpha()
        # "computed tomography scan-guided" -> "CT scan-guided", not "CT scan scan-guided"
        and _noun_lemma(parts[-1].lower()) == _noun_lemma(lowered[following].split("-")[0])
    ):
        parts = parts[:-1]
    previous = re.search(r"(\w+)\s+$", before)
    if previous and len(parts) > 1 and parts[0].lower() == previous.group(1).lower():
        parts = parts[1:]
    after = " ".join(parts)
    return swap if after == swap.after else WordSwap(swap.before, after, swap.start, swap.end, swap.origin)


def _lemma_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with its last word in the singular ("pulmonary emboli" -> "pulmonary embolus")."""
    return (*key[:-1], _noun_lemma(key[-1]))


@lru_cache(maxsize=50_000)
def _noun_lemma(word: str) -> str:
    """lemminflect's noun lemma (cached: every word of every candidate sentence asks, most repeat)."""
    from lemminflect import getAllLemmas

    lemma: str = getAllLemmas(word).get("NOUN", (word,))[0]
    return lemma


def _shares_a_noun(word: str) -> bool:
    """An adjective before "and"/"or" that shares the next term's noun ("medical and surgical
    interventions"); a noun such as "level" ("attachment level or adverse events") does not."""
    return _is_adjective(word) or (
        _can_be_adjective(word) and word.endswith(("al", "ic", "ive", "ous", "ary", "ory"))
    )


def _only_spaces_between(text: str, words: Sequence[re.Match[str]]) -> bool:
    return all(text[a.end() : b.start()] in (" ", "-") for a, b in zip(words, words[1:], strict=False))


# Words that follow a participle used after its noun ("samples obtained from ..."), not "that".
_PARTICIPLE_NEXT = frozenset(
    "from in on at by for with to into during after before as over under using among between through".split()
)
_ADVERBS = frozenset("now also not still then often already further first never always again".split())
_AUXILIARIES = frozenset("be is are was were been being has have had having get got gets getting".split())
_BE_FORMS = frozenset("was were is are".split())
# the sentence's verb after a participle that follows its noun ("The type of surgery performed does not
# affect ...", CD010576: not "surgery did does not")
_VERB_NEXT = _BE_FORMS | frozenset("does do did has have had can could may might will would should".split())
# A masked name ("\x00<n>\x00", composer.simplify.plain_words) right before a word: a noun the word list
# cannot see (a number is not masked: "120 participated in" is a past tense)
_TOKEN_BEFORE = re.compile(r"\x00\s*$")
# A verb right after these is a participle with its subject left out ("as demonstrated in", "when compared").
_PARTICIPLE_BEFORE = frozenset("as if when unless once than".split())


# a preposition's object before an -ed word: the participle of a phrase about that noun ("the effect of
# varenicline administered one week preoperatively", cochrane CD002294.pub4: never "varenicline gave one
# week") or the verb of a subject with a phrase after its head ("Data from one study demonstrated no
# difference", CD001949.pub3: never "Data from one study shown"); what comes next tells them apart
# (``_adjunct_next``), and where it says participle a verb whose two forms differ keeps its word
def _object_before(words: Sequence[re.Match[str]], i: int) -> bool:
    back = [w.group(0).lower() for w in words[max(0, i - 3) : i]]
    if len(back) < 2 or back[-1] in STOP_WORDS:
        return False
    return back[-2] in _PREPOSITIONS or (
        len(back) == 3 and back[0] in _PREPOSITIONS and back[1] in DETERMINERS
    )


def _adjunct_next(text: str, words: Sequence[re.Match[str]], j: int) -> bool:
    """What follows the -ed word is an adjunct (a preposition, a number, a time word, or nothing before
    the sentence's end), as after a participle ("varenicline administered one week preoperatively",
    "the types of surgery performed."), not an object, as after a verb ("Data from one study
    demonstrated no difference", "The structure of X revealed considerable disorder")."""
    if j >= len(words) or text[words[j - 1].end() : words[j].start()].strip():
        return True
    word = words[j].group(0).lower()
    return word in _PARTICIPLE_NEXT or word in _TIME_WORDS or word.isdigit()


_TIME_WORDS = frozenset(
    "once twice daily weekly monthly yearly one two three four five six seven eight nine ten".split()
)


def _swap_one(
    text: str,
    words: Sequence[re.Match[str]],
    i: int,
    n: int,
    hit: tuple[SwapRule, str],
    lex: Lexicon,
    defined: set[str],
    define: bool,
) -> tuple[WordSwap, int] | None:
    rule, tag = hit
    start, end = words[i].start(), words[i + n - 1].end()
    following = text[end:].lstrip()
    of_end = _preposition_dropped(text, words, i, n, rule, tag)
    if of_end == -1:
        return None
    if text[end : end + 1] == "-" or (start > 0 and text[start - 1] == "-"):
        return None  # part of a hyphenated compound ("anti-inflammatory")
    if rule.after and not re.match(rf"(?:{rule.after})\b", following, re.I):
        return None
    if rule.not_after and re.match(rf"(?:{rule.not_after})\b", following, re.I):
        return None  # "Mortality was lower" is not "Deaths was lower"
    if rule.before and not re.search(rf"(?:{rule.before})\s*$", text[:start]):
        return None  # "metformin monotherapy" -> "metformin alone", but never "a alone"
    if _barred_before(text, start, rule.not_before):
        return None  # "did not measure any of our outcomes" is no "results" (a result is found, not measured)
    if rule.within and not re.search(rule.within, text, re.I):
        return None  # "sensitivity and specificity" is "accuracy" only where a test is what is measured
    if (
        not rule.compound
        and i > 0
        and text[words[i - 1].end() : start] in (" ", "-")
        and _names_a_kind(words[i - 1].group(0).lower())
    ):
        return None  # the noun before names a kind of programme: "handwashing interventions",
        # "elder abuse interventions" are not "treatments" ("such", "differing" name no kind)
    if n == 1 and _METHOD_HEAD.match(following) and _names_a_thing(rule.words[0], strict=True):
        return None  # a noun that names a method with the noun after it: "genome-wide association
        # studies", "association scores", "inverse variance method", "principal component analysis",
        # "EPOC assessment criteria" are not "link studies", "spread method", "check criteria"
    if n == 1 and _adjective_term_as_noun(rule.words[0], words[i].group(0).lower(), rule.plain.split()[-1]):
        return None  # 27 (h27bmc): "branch initials" (cells, a noun) are no "branch firsts" (elife_dev
        # eLife.06808): an adjective's swap is not made on the term's noun plural
    if (
        n == 1
        and tag == "VBG"
        and i > 0
        and text[words[i - 1].end() : start] == " "
        and words[i - 1].group(0).lower() not in STOP_WORDS
        and _is_singular_noun(words[i - 1].group(0).lower())
        and _is_noun_modifier(words[i - 1].group(0))
        and _NAME_ENDS.match(following)
        and not (rule.words[0] in _CLAUSE_VERBS and re.match(r"that\b", following, re.I))
    ):
        return None  # 27 (h27bmc): an -ing word after the noun it names the method of is the method's
        # name, not a verb: "by selected reaction monitoring that permits ..." (elife_dev eLife.07794)
        # was "selected reaction checking", "blood pressure monitoring was" "blood pressure checking";
        # "the child undergoing surgery" (a clause with its object) is still "having surgery"
    if " " in rule.plain.strip() and _SUBSTANCE_HEAD.match(following):
        return None  # a group or thing named by the substance itself: "opioid users" are not "strong
        # painkiller users", nor "opioid receptors" "strong painkiller receptors" (round 14 read)
    for cond in lex.conditions(rule):
        if not re.match(rf"(?:{cond.unless_after})\b", following, re.I):
            return None
        if i > 0 and text[words[i - 1].end() : start] == " " and _is_noun_modifier(words[i - 1].group(0)):
            return None  # head of a compound ("smoking reduction in ..."), not "a reduction in"
    if tag in ("VBD", "VBN") and i > 0:
        # "performed" is both past tense and participle: after "was"/"has" it is the participle
        # ("was done", not "was did"), otherwise the past tense ("they did")
        # ("is currently performed": an adverb may stand between)
        back = [w.group(0).lower() for w in words[max(0, i - 3) : i]][::-1]
        # "could be neither demonstrated nor refuted": the word that opens a pair of participles
        # stands between the auxiliary and the first ("neither shown", not "neither showed",
        # cochrane CD008831.pub3, round 27 read)
        aux = next((w for w in back if not (w.endswith("ly") or w in _ADVERBS or w in _PAIR_LEADS)), "")
        nxt_word = words[i + n].group(0).lower() if i + n < len(words) else ""
        # ... or after a name the drafter masked ("the Bayley MDI or PDI performed
        # at 7-12 months", cochrane CD001070: the word before is "or", yet "PDI" is the noun; 20, h20cochse)
        after_noun = i > 0 and (
            words[i - 1].group(0).lower() not in STOP_WORDS
            or bool(_TOKEN_BEFORE.search(text, words[i - 1].end(), start))
        )
        # "The transgenic cells obtained were activated": a participle after its noun before the verb
        if (
            aux not in _AUXILIARIES
            and (
                # "2804 babies participated in" (past) or "samples obtained from" (participle)
                (after_noun and (nxt_word in _PARTICIPLE_NEXT or nxt_word in _VERB_NEXT))
                # "the effect of varenicline administered one week" (``_object_before``)
                or (
                    aux not in _PARTICIPLE_BEFORE
                    and _object_before(words, i)
                    and _adjunct_next(text, words, i + n)
                )
            )
            # no swap where the two forms of the plain verb differ ("took part"/"taken part")
            and _inflect_plain(rule.plain, "VBD") != _inflect_plain(rule.plain, "VBN")
        ):
            return None
        tag = "VBN" if aux in _AUXILIARIES or aux in _PARTICIPLE_BEFORE else "VBD"
    plain = _inflect_plain(rule.plain, tag)
    if plain is None:
        return None
    last = words[i + n - 1].group(0).lower()
    head = _plain_head(rule.plain)
    nxt = words[i + n] if i + n < len(words) else None
    # a masked name or short form (a "\x00N\x00" placeholder, pipeline.text.glossary) is a noun too
    before_noun = text.startswith(" \x00", end) or (
        nxt is not None
        and text[end : nxt.start()] == " "
        and nxt.group(0).lower() not in STOP_WORDS
        and (
            _is_singular_noun(nxt.group(0).lower())
            or _is_plural(nxt.group(0).lower())
            # a short form names a thing: "any of the examined TCHP" (cochrane CD004468.pub2)
            or (len(nxt.group(0)) >= 2 and nxt.group(0).isupper() and nxt.group(0).isalpha())
        )
    )
    if (
        tag == "BASE"
        and not rule.mass
        and _is_singular_noun(last)
        and _is_mass_noun(last)
        and _is_singular_noun(head)
        and _is_count_noun(head)
        and (i == 0 or words[i - 1].group(0).lower() not in DETERMINERS)
        and not DETERMINERS & set(rule.plain.lower().split()[:-1])
        # an adjective before its noun needs no article ("neonatal results" -> "newborn results");
        # a noun before one may ("recurrence outcomes" is not "return results")
        and not (before_noun and _can_be_adjective(last))
    ):
        return None  # "Thrombosis is ..." -> "Blood clot is ...": needs an article it does not have
    if (
        tag == "BASE"
        and _is_singular_noun(last, unknown=True)
        and not _is_plural(last)
        and _is_plural(head)
        and not (rule.mass and not before_noun and _determiner_before(words, i) not in _ONE)
    ):
        return None  # a singular noun replaced by a plural ("a phenotype" -> "an observable traits");
        # a mass-noun entry may take a plural without an article ("reduced mortality" -> "reduced deaths")
    if (
        tag == "BASE"
        and _is_plural(head)
        and not _is_plural(last)
        and (i + n == len(words) or text[end : words[i + n].start()].strip() == "")
        and _singular_verb_follows(text, words, i + n)
    ):
        return None  # the term is the subject of a singular verb: "Omega-3 supplementation in type 2
        # diabetes lowers ..." is not "supplements ... lowers"
    if (
        n > 1
        and i > 1
        and words[i - 1].group(0).lower() in ("and", "or")
        and text[words[i - 2].end() : start] == f" {words[i - 1].group(0)} "
        and _shares_a_noun(words[i - 2].group(0).lower())
        and _noun_lemma(rule.words[-1]) != _noun_lemma(plain.lower().split()[-1])
    ):
        return None  # "medical and surgical interventions": "medical" shares the noun the wording
        # drops ("medical and surgeries")
    plain_first = plain.split()[0].lower()
    if before_noun and rule.words[-1] not in STOP_WORDS and not _is_plural(last) and _post_modified(plain):
        return None  # the term modifies the next noun, a phrase with its own "of"/"the" cannot:
        # "relapse rates" is not "return of the illness rates", nor "the prognostic importance"
        # "the predicting the outcome importance"
    if (
        before_noun
        and (tag in ("VBD", "VBN") or last.endswith("ed"))
        and " " in plain
        and i > 0
        and words[i - 1].group(0).lower() in _BEFORE_ADJECTIVE
    ):
        return None  # a participle used as an adjective: "the other examined herbs" is not
        # "the other looked at herbs"
    if (
        head != rule.plain.lower().split()[-1]
        and (_is_singular_noun(last) or _is_plural(last))
        and i > 0
        and words[i - 1].group(0).lower() in ("and", "or")
        and text[words[i - 1].end() : start] == " "
    ):
        return None  # "central and differentially expressed genes": the plain wording would leave
        # the first modifier without its noun ("central and genes with different activity")
    if (
        plain_first in _PHRASE_PREPOSITIONS
        # "in terms of" -> "in", "via" -> "through": a preposition's wording is no adjective
        and rule.words[-1] not in _PHRASE_PREPOSITIONS | {"via"}
        and _modifies_a_noun(text, words, i + n)
    ):
        return None  # an adjective before its noun: "an asymptomatic patient" is not "a without symptoms
        # patient", nor "intraoperative and postoperative complications" "during surgery and
        # post-surgery complications": an adjective's wording must stay an adjective
    if plain_first in _QUANTIFIERS and i > 0:
        before = words[i - 1].group(0).lower()
        if before in ("a", "an") or before in _QUANTIFIERS or _is_adjective(before):
            return None  # "an additional 20 people" is not "a more 20 people"; "reliable many"; "used
            # more additional analgesia" is not "more more pain relief" (cochrane CD006304)
    if plain_first in _SUPERLATIVES and (i == 0 or words[i - 1].group(0).lower() not in _BEFORE_SUPERLATIVE):
        return (
            None  # "an optimal clustering" is not "a best clustering", nor "in optimal conditions" "in best"
        )
    if plain_first == "not" and i > 0 and words[i - 1].group(0).lower() in DETERMINERS:
        return None  # "an insufficient number" is not "a not enough number"
    surface = text[start:end]
    if len(plain) > len(text[start:end]) and re.match(re.escape(plain) + r"(?!\w)", text[start:], re.I):
        return None  # already the plain wording ("CT scan" is not swapped again to "CT scan scan")
    if surface[0].isupper() and plain[:1].islower():
        plain = plain[0].upper() + plain[1:]
    if define and rule.define and rule.term not in defined:
        defined.add(rule.term)
        plain = f"{plain} ({rule.define})"
    if plain == surface:
        return None
    if of_end is not None:
        return WordSwap(text[start:of_end], plain, start, of_end, rule.origin), n + 1
    return WordSwap(surface, plain, start, end, rule.origin), n


_PAIR_LEADS = frozenset("neither either both".split())


def _preposition_dropped(
    text: str, words: Sequence[re.Match[str]], i: int, n: int, rule: SwapRule, tag: str
) -> int | None:
    """Where a one-word verb swap ends when it takes the term's preposition along (its end after it),
    -1 when the swap is not to be made, None when none follows.

    A verb whose entry names its own preposition (glossary ``preposition``: "comprise" takes "of"
    in "comprising of", its plain "include" none) is swapped with that preposition: "Six studies
    comprising of 450 women" is "Six studies including 450 women", never "including of" (cochrane
    CD007018.pub2, rounds 26-27). A past form before it ("was comprised of", "a team comprised of
    nurses") is a passive that no one-word verb says the same way ("was included of"): no swap, the
    words are kept. A verb form after a determiner is a noun and keeps its preposition. Only where
    the entry says so: "closer monitoring of their side effects" is a noun with its "of" (cochrane
    CD002912.pub7 read "closer checking their side effect profile" when every verb dropped one).
    """
    if not rule.preposition or n != 1:
        return None
    of = re.compile(rf"\s+{re.escape(rule.preposition)}\b", re.I).match(text, words[i].end())
    if of is None or tag not in ("VBG", "VBZ", "VBD", "VBN"):
        return None
    if tag in ("VBD", "VBN"):
        return -1
    if (
        i > 0
        and words[i - 1].group(0).lower() in DETERMINERS
        and text[words[i - 1].end() : words[i].start()] == " "
    ):
        return None  # (a masked name between is the noun: "an \x001\x00 comprising of", CD007018.pub2)
    return of.end()


# Heads that name a method, a measure or a kind of study: a noun before them is part of the method's
# name (round 14 read of the swaps on the cochrane mine half, bmc_sample and elife_dev)
_METHOD_HEAD = re.compile(
    r"(?:analys[ie]s|stud(?:y|ies)|scores?|scales?|tests?|tasks?|criteria|index|tools?|networks?|"
    r"mapping|methods?|questionnaires?|instruments?)\b",
    re.I,
)


# What may follow a method's name ending in an -ing word (27, h27bmc): punctuation, a clause, a
# preposition or a verb of its own, never the object a participle takes ("undergoing surgery")
_NAME_ENDS = re.compile(
    r"(?:$|[,.;:()\[\]]|(?:that|which|of|to|and|or|in|for|with|by|over|than|at|from|on|during|after|before|as|"
    r"versus|vs|among|between|within|is|was|are|were|has|had|can|may|will)\b)",
    re.I,
)


@lru_cache(maxsize=20_000)
def _adjective_term_as_noun(term: str, surface: str, plain: str) -> bool:
    """The term and its wording are adjectives ("initial" -> "first") and the text has another form of
    the term that is no adjective, only a noun or verb ("initials"); a noun wording still takes the
    plural ("analgesics" -> "painkillers")."""
    from lemminflect import getAllLemmas

    return (
        surface != term
        and "ADJ" in getAllLemmas(term)
        and "ADJ" not in getAllLemmas(surface)
        and "ADJ" in getAllLemmas(plain.lower())
    )


# Verbs whose -ing form takes a that-clause: "evidence demonstrating that ..." is a clause, no name
_CLAUSE_VERBS = frozenset(
    "demonstrate demonstrating indicate indicating suggest suggesting show showing reveal revealing "
    "confirm confirming prove proving illustrate illustrating imply implying".split()
)


# Heads that name people by their use of a substance, or what in the body it acts on: the term before
# them is the substance's own name, and a wording that says what it is for ("strong painkiller") names
# another group ("opioid users", "opioid dependence", "opioid receptor antagonists")
_SUBSTANCE_HEAD = re.compile(
    r"(?:users?|abusers?|addicts?|addiction|dependen(?:ce|cy|t)|misuse|abuse|overdoses?|withdrawal|"
    r"agonists?|antagonists?|receptors?|use disorders?)\b",
    re.I,
)


# The first words of a wording that is a phrase, not an adjective ("during surgery", "without
# symptoms"): it cannot stand before the noun its term modified.
_PHRASE_PREPOSITIONS = _PREPOSITIONS | frozenset(
    "without with during around inside outside within after before between among through across".split()
)


def _is_noun_word(word: str) -> bool:
    low = word.lower()
    return low not in STOP_WORDS and (_is_singular_noun(low) or _is_plural(low))


def _modifies_a_noun(text: str, words: Sequence[re.Match[str]], j: int) -> bool:
    """Word ``j`` starts the noun a term before it modifies: a noun right after it ("intraoperative
    blood loss"), or "and"/"or", a modifier that is no noun and then a noun ("intraoperative and
    postoperative complications")."""
    if j >= len(words) or text[words[j - 1].end() : words[j].start()] != " ":
        return False
    if _is_noun_word(words[j].group(0)) or _unknown_noun(words[j].group(0)):
        return True
    if words[j].group(0).lower() not in ("and", "or") or j + 2 >= len(words):
        return False
    shared, noun = words[j + 1], words[j + 2]
    return (
        text[words[j].end() : shared.start()] == " "
        and text[shared.end() : noun.start()] == " "
        and shared.group(0).lower() not in STOP_WORDS
        and not _is_noun_word(shared.group(0))
        and _is_noun_word(noun.group(0))
    )


# the endings of medical nouns a word list may not know ("hypotension", "bacteraemia", "arthroplasty")
_NOUN_ENDINGS = (
    "sion",
    "tion",
    "osis",
    "emia",
    "aemia",
    "itis",
    "opathy",
    "plasty",
    "ectomy",
    "otomy",
    "algia",
)


def _unknown_noun(word: str) -> bool:
    """A lower-case word English's word list does not know that ends as a noun does: "intraoperative
    hypotension" is an adjective before its noun, not "during surgery low blood pressure" (cochrane
    mine CD012317, round 14)."""
    from lemminflect import getAllLemmas

    low = word.lower()
    return word.islower() and low.endswith(_NOUN_ENDINGS) and not getAllLemmas(low)


# Words after which a participle before a noun is an adjective ("the other examined herbs"); not
# "that"/"which" ("studies that enrolled children": a verb).
_BEFORE_ADJECTIVE = (DETERMINERS | _QUANTIFIERS | {"other", "all", "both"}) - {"that", "which", "whose"}
# Words before a noun that make a count noun's plural read wrong ("a deaths").
_ONE = frozenset("a an one each every another this that either neither".split())


def _determiner_before(words: Sequence[re.Match[str]], i: int) -> str:
    """The function word before word ``i`` and the (up to three) content words that modify it
    ("a higher mortality": "a"); "" at the start."""
    j = i - 1
    while j >= max(0, i - 3) and words[j].group(0).lower() not in STOP_WORDS:
        j -= 1
    return words[j].group(0).lower() if j >= 0 and words[j].group(0).lower() in STOP_WORDS else ""


def _post_modified(plain: str) -> bool:
    """A wording with a preposition or determiner inside it ("return of the illness", "predicting
    the outcome"): it cannot stand before a noun ("looked at" ends with one: it takes the noun)."""
    words = plain.lower().split()
    return any(w in _PREPOSITIONS or w in DETERMINERS for w in words[1:-1])


def _plain_head(plain: str) -> str:
    words = plain.lower().split()
    head = next((i - 1 for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words) - 1)
    return words[head]


def _article_before(text: str, words: Sequence[re.Match[str]], i: int, cursor: int) -> tuple[int, str] | None:
    """(start, word) of an ``a``/``an`` right before word ``i`` (not inside an earlier swap)."""
    if i == 0:
        return None
    prev = words[i - 1]
    if prev.start() < cursor or prev.group(0).lower() not in ("a", "an"):
        return None
    if text[prev.end() : words[i].start()] != " ":
        return None
    return prev.start(), prev.group(0)


def _article_for(article: str, following: str) -> str:
    """``a`` or ``an`` (in ``article``'s case) for the words ``following``."""
    return fix_articles(f"{article} {following}").split(" ", 1)[0]


# The longest explanation written in brackets into a lay sentence: a longer one ("review (a careful
# summary of all the studies on a question)") made the simple explanation's sentences too long to
# read (cochrane "mine" half: grade median 9.08 -> 9.35 with every definition, see docs/evaluation.md).
EXPLANATION_WORDS = 6


# The longest explanation said as a sentence of its own after the prose field's sentence that first
# uses the term (``explain_first_use``'s ``sentence``): a sentence apart does not lengthen the
# sentence it explains, but "A review is a careful summary of all the studies on a question." on
# every review's page says what the page's own template says ("This review ...").
EXPLANATION_SENTENCE_WORDS = 8
# A kept term whose every word is this common in English (Zipf 4: ten uses per million words, as
# "genes", "sequencing", "signaling") is explained only when no rarer kept term wants the sentence.
EVERYDAY_ZIPF = 4.0


def explain_first_use(
    texts: Sequence[str],
    made: Iterable[WordSwap],
    lexicon: Lexicon | None = None,
    sentence: Callable[[str, str, str], str | None] | None = None,
    sentences: int = 1,
) -> tuple[list[str], list[WordSwap]]:
    """``texts`` (one page's lay fields in reading order) with each glossary explanation written
    once, in brackets after the first use of its wording: "placebo (a dummy treatment)", "itching
    (pruritus)" where editors keep the term beside its plain word. An entry with a ``define`` of
    at most ``EXPLANATION_WORDS`` words is explained where the page says its term as written (a
    term kept: "placebo") or where one of the swaps ``made`` put its wording ("pruritus" ->
    "itching"), exactly as written (a plural has its own entry); only before a function word or
    a mark, never before a content word it may modify ("placebo group" waits for a later
    "placebo"), inside a name, or where a bracket already follows.

    With ``sentence`` (the term as written, its definition, the article before it -> a sentence
    or None), the first text is prose: a term it uses is explained by that sentence, written after
    the sentence that first uses it ("... than placebo. Placebo is a dummy treatment."), with a
    definition of up to ``EXPLANATION_SENTENCE_WORDS`` words, also after a use before a noun
    ("the placebo group"); never where the text already says the definition's words ("The study
    looked back at past records." for "retrospective"). Where ``sentence`` gives none, the bracket.
    Up to ``sentences`` terms are explained so, each after the sentence that first uses it.
    Returns the new texts and one swap per explanation written (its span is in the text it was
    written in), for the draft's provenance."""
    lex = lexicon or load_lexicon()
    swapped = {_norm_term(s.before) for s in made if any(s.after in t for t in texts)}
    longest = EXPLANATION_SENTENCE_WORDS if sentence is not None else EXPLANATION_WORDS
    wanted: dict[str, SwapRule] = {}
    for rule in lex.rules:
        if not rule.define or rule.cased is not None or len(rule.define.split()) > longest:
            continue
        if rule.define_not_within and any(re.search(rule.define_not_within, t, re.I) for t in texts):
            continue  # the page uses the term in another sense (antenatal steroids: cochrane eval CD007873)
        kept = rule.plain.lower() == rule.term
        if kept or rule.term in swapped:
            wanted.setdefault(rule.plain.lower(), rule)
    out = list(texts)
    explained: list[WordSwap] = []
    # 26 (h26speed): every page wants the ~70 terms the glossary keeps as written, and each was searched
    # for in every text, twice in the first (6% of the composer's rule time over 100 BMC abstracts,
    # s12864-019-5985-6 among them): a text that lacks one of a term's words is not searched for it, it
    # holds no use (``_may_use``), so the same uses are found and the same texts written
    lowered: dict[str, str | None] = {}

    def may_use(text: str, plain: str) -> bool:
        if text not in lowered:
            lowered[text] = _searchable_lower(text)
        return _may_use(lowered[text], plain)

    def first_said(plain: str, rule: SwapRule) -> tuple[bool, int]:
        """Where the prose first says the term, a term said as a noun's modifier last ("obesity
        quantitative trait loci": the loci are what the page is about)."""
        use = (
            _first_sayable_use(out[0], plain, rule.not_before, rule.not_after)
            if sentence is not None and may_use(out[0], plain)
            else None
        )
        if use is None:
            return True, len(out[0])
        # 23 (h23se): "A biomarker including TP53 ... somatic mutations may ..." says the biomarker as the
        # noun, explained before the mutations said later (bmc s12885-019-6313-x)
        noun = _explainable(out[0], use) or out[0][use.end() :].startswith(" including ")
        return not noun, use.start()

    def everyday(plain: str) -> bool:
        """24 (h24bmc): a term every reader has met ("genes", "sequencing", "stem cells") yields the one
        sentence to a rarer term the page keeps ("Genes are stretches of DNA ..." took it on many BMC
        pages, s12864-019-5985-6, where "genome-wide" or a trait locus needed it more)."""
        return min(zipf(w) for w in plain.split()) >= EVERYDAY_ZIPF

    # the terms the simple explanation keeps (``sentences`` of them, one until round 25): the first it
    # says as nouns; never a word of a definition written here, as a sentence or a bracket ("Receptors are
    # proteins that pick up signals. Proteins are molecules ...", elife_dev eLife.00745, 00508, explains
    # the page's words, not its own)
    written: list[str] = []

    def unwritten(text: str) -> str:
        """``text`` with the definitions written here masked (same length, so spans hold)."""
        for said in written:
            at = text.find(said)
            if at >= 0:
                text = text[:at] + "#" * len(said) + text[at + len(said) :]
        return text

    for plain, rule in sorted(
        wanted.items(), key=lambda kv: (first_said(*kv)[0], everyday(kv[0]), first_said(*kv)[1], -len(kv[0]))
    ):
        assert rule.define is not None
        pattern = _first_use_pattern(plain)
        bracket = len(rule.define.split()) <= EXPLANATION_WORDS
        for k, text in enumerate(out):
            if not may_use(text, plain):
                continue  # no use of the term here (masking the definitions written adds none)
            if k == 0 and sentence is not None:
                use = _first_sayable_use(unwritten(text), plain, rule.not_before, rule.not_after)
                if use is not None and _says_already(text, rule.define):
                    break  # the page says what it means: no bracket either
                said = (
                    _explained_in(text, use, rule.define, sentence, rule.count)
                    if use is not None and sentences
                    else None
                )
                if said is not None:
                    out[k], swap = said
                    explained.append(replace(swap, origin=rule.origin))
                    written.append(swap.after)
                    sentences -= 1
                    break
            if not bracket:
                continue
            hit = next(
                (
                    m
                    for m in pattern.finditer(unwritten(text) if k == 0 else text)
                    if _explainable(text, m) and not _barred_before(text, m.start(), rule.not_before)
                ),
                None,
            )
            if hit is not None:
                after = f"{hit.group(0)} ({rule.define})"
                out[k] = text[: hit.start()] + after + text[hit.end() :]
                explained.append(WordSwap(hit.group(0), after, hit.start(), hit.end(), rule.origin))
                # "receptors (proteins that ...)": no "Proteins are ..." after it (elife 00508)
                written.append(f"({rule.define})")
                break
    return out, explained


def _explained_in(
    text: str,
    use: re.Match[str],
    define: str,
    sentence: Callable[[str, str, str], str | None],
    count: bool = False,
) -> tuple[str, WordSwap] | None:
    """``text`` with the explanation sentence after the sentence of ``use`` (before it where after
    it would end the text), and the swap that records it; None when ``sentence`` gives none or the
    bracket should say it. A ``count`` noun takes its article whatever the page says before it:
    "the GTP-binding protein" -> "A protein is a molecule ..." (a mass noun stays bare: "Insulin is
    a hormone ...")."""
    before = re.search(r"\b(an?)\s+$", text[: use.start()], re.I)  # "a placebo", "a biomarker"
    article = before.group(1).lower() if before else ""
    if count and not article:
        article = "an" if use.group(0)[:1].lower() in "aeiou" else "a"
    said = sentence(use.group(0), define, article)
    if not said:
        return None
    spans = sentence_spans(text)
    at = next((k for k, (s, e) in enumerate(spans) if s <= use.start() < e), len(spans) - 1)
    used_at = at
    # never between a sentence and the one that points back to it ("This may be so, but ...",
    # "People who took them ..."): after it
    while at + 1 < len(spans) and _POINTS_BACK.match(text[spans[at + 1][0] : spans[at + 1][1]]):
        at += 1
    end = spans[at][1] if spans else len(text)
    start = end + 1
    if not text[end:].strip():
        # the definition would be the page's last word, after its answer or caveat ("... were
        # uncertain. Placebo is a dummy treatment.", cochrane CD006618.pub3): the bracket where one can
        # follow the term, else the sentence before the one that uses it ("A biomarker is a measurable
        # sign in the body. A biomarker including TP53 ... may better stratify people ...", bmc
        # s12885-019-6313-x), never before the first sentence
        if (
            (_explainable(text, use) and len(define.split()) <= EXPLANATION_WORDS)
            or used_at <= 0
            or _POINTS_BACK.match(text[spans[used_at][0] : spans[used_at][1]])
        ):
            return None
        start = spans[used_at][0]
        new = text[:start] + said + " " + text[start:]
        return new, WordSwap(use.group(0), said, start, start + len(said), "")
    new = text[:end] + " " + said + text[end:]
    return new, WordSwap(use.group(0), said, start, start + len(said), "")


# A sentence whose first words point back to the one before it.
_POINTS_BACK = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,3}?(?:this|these|that|it|its|they|them|their|such|those|however|but|both|also|"
    r"he|she|his|her|so)\b",
    re.I,
)


def _says_already(text: str, define: str) -> bool:
    """The text says most of the definition's content words ("looked back at past records")."""
    stems = {w[:5] for w in re.findall(r"[a-z]+", define.lower()) if w not in STOP_WORDS}
    have = {w[:5] for w in re.findall(r"[a-z]+", text.lower())}
    return bool(stems) and len(stems & have) >= max(2, (2 * len(stems) + 2) // 3)


def _first_sayable_use(
    text: str, plain: str, not_before: str | None = None, not_after: str | None = None
) -> re.Match[str] | None:
    """The first use of ``plain`` in ``text`` that a sentence of its own may explain (``_sayable``),
    in the sense the definition gives: not after a rule's ``not_before`` nor, since round 25, before
    its ``not_after`` ("angiotensin receptor blockers" name a medicine, cochrane CD003822)."""
    return next(
        (
            m
            for m in _first_use_pattern(plain).finditer(text)
            if _sayable(text, m)
            and not _barred_before(text, m.start(), not_before)
            and not (not_after and re.match(rf"\s*(?:{not_after})\b", text[m.end() :], re.I))
        ),
        None,
    )


def _barred_before(text: str, start: int, not_before: str | None) -> bool:
    """The text before ``start`` ends with a match of a rule's ``not_before``: the term there means
    something else, so neither its swap nor its definition is said (23, h23se: "antiangiogenic
    steroids" are no "medicines that reduce inflammation in the body", cochrane CD005022.pub3)."""
    return bool(not_before and re.search(rf"(?:{not_before})\s*$", text[:start], re.I))


def _sayable(text: str, m: re.Match[str]) -> bool:
    """A use of a term a sentence of its own may explain: not glued to a quote or name, and not
    already followed by a bracket (the abstract's own explanation or short form)."""
    rest = text[m.end() :]
    return not rest.startswith((" (", "(", "'", "’")) and not any(
        s < m.end() and m.start() < e for s, e in protected_spans(text)
    )


# The characters other than ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter (İ and ı
# to i, ſ to s, KELVIN SIGN to k; every code point tried on Python 3.11): ``str.lower`` does not make
# them the letter, so a text that holds one is searched whatever its lowered form lacks.
_FOLDS_TO_ASCII_LETTER = ("\u0130", "\u0131", "\u017f", "\u212a")


def _searchable_lower(text: str) -> str | None:
    """``text`` lower-cased for :func:`_may_use`; None where a character of ``_FOLDS_TO_ASCII_LETTER``
    makes the lowered text no guide to what ``re.IGNORECASE`` matches."""
    return None if any(c in text for c in _FOLDS_TO_ASCII_LETTER) else text.lower()


def _may_use(lowered: str | None, plain: str) -> bool:
    """False only where ``_first_use_pattern(plain)`` cannot match the text ``lowered`` was made from
    (:func:`_searchable_lower`): a match holds each of ``plain``'s words as written, in any case, so
    the lowered text holds each word lowered. An ASCII wording only (re folds other letters beyond
    ``str.lower``: σ and ς)."""
    return lowered is None or not plain.isascii() or all(w in lowered for w in plain.lower().split())


@lru_cache(maxsize=512)
def _first_use_pattern(plain: str) -> re.Pattern[str]:
    body = r"[\s-]+".join(re.escape(w) for w in plain.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def _explainable(text: str, m: re.Match[str]) -> bool:
    """A use of a wording a bracket may follow: not glued to a bracket, quote or name, and not
    before the noun it modifies ("placebo group", "hysterectomy techniques")."""
    rest = text[m.end() :]
    if rest.startswith((" (", "(", "-", "'", "’")) or any(
        s < m.end() and m.start() < e for s, e in protected_spans(text)
    ):
        return False
    # only before a function word or a mark: a content word after it may be the noun phrase the
    # term modifies ("placebo group", "obesity quantitative trait loci")
    nxt = re.match(r" ([A-Za-z][\w-]*)", rest)
    return nxt is None or nxt.group(1).lower() in STOP_WORDS


def describe(swaps: Iterable[WordSwap]) -> list[str]:
    """``changed X → Y`` lines, as editors see them."""
    return [f"changed {s.before} → {s.after}" for s in swaps]


def _field_text(value: object) -> str:
    """All the text of one draft field (a string, a list of strings, or of titled points)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_field_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_field_text(v) for v in value)
    return ""


_WINDOW_WORD = re.compile(r"[\w'’-]+")


def _word_char(ch: str) -> bool:
    r"""``ch`` is one of the pattern class ``[\w'’-]`` (re's ``\w`` on str: ``isalnum()`` or "_")."""
    return ch.isalnum() or ch in "_'’-"


def _wording_spans(after: str, text: str) -> Iterator[tuple[int, int]]:
    r"""Where ``text`` holds ``after`` as whole words, left to right, never overlapping: the matches
    of ``(?<![\w'’-])after(?![\w'’-])``, found with ``str.find``. Compiling that pattern took
    about 0.8 ms per wording (its look-arounds' classes; 0.3 s per 100 BMC abstracts on a loaded core)."""
    size = len(after)
    if not size:  # pragma: no cover - a swap always writes something
        yield from ((m.start(), m.end()) for m in re.finditer(r"(?<![\w'’-])(?![\w'’-])", text))
        return
    at = text.find(after)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            yield at, end
            at = text.find(after, end)
        else:
            at = text.find(after, at + 1)


def with_context(swaps: Iterable[WordSwap], text: str) -> list[WordSwap]:
    """``swaps`` (made to write ``text``) each with its wording and the word before or after it
    in ``text`` as its context (:attr:`WordSwap.context`); a wording ``text`` does not hold as
    written (a later step changed it) gets none."""
    swaps = list(swaps)
    if not swaps:
        return []
    low = " ".join(text.lower().split())
    words = list(_WINDOW_WORD.finditer(low))
    # the words are in order and never overlap, so their starts and their ends both ascend: the
    # last word ending before a wording and the first starting after it are found by bisection
    starts = [w.start() for w in words]
    ends = [w.end() for w in words]
    out: list[WordSwap] = []
    for s in swaps:
        after = " ".join(s.after.lower().split())
        windows: list[str] = []
        for start, end in _wording_spans(after, low):
            before = bisect_right(ends, start)  # the words ending at or before the wording
            later = bisect_left(starts, end)  # the first word starting at or after its end
            if before:
                windows.append(low[words[before - 1].start() : end])
            if later < len(words):
                windows.append(low[start : words[later].end()])
            if not before and later == len(words):
                windows.append(after)
        out.append(replace(s, context=tuple(dict.fromkeys(windows))))
    return out


def carried(swap: WordSwap, text: str) -> bool:
    """``text`` (a field) holds ``swap``'s wording as the swap wrote it: with a word beside it that
    the swap's own sentence has (:func:`with_context`), or, for a swap without context, anywhere."""
    if not swap.context:
        return swap.after in text
    low = " ".join(text.lower().split())
    return any(c in low for c in swap.context)


def _outside_longer(swap: WordSwap, made: list[WordSwap], texts: list[str]) -> list[str]:
    """``texts`` where a written-out short form is looked for: without the longer long forms
    that hold its own ("blood pressure" for "BP" is not the one inside "systolic blood pressure",
    written for "SBP")."""
    if swap.origin != "abbreviations":
        return texts
    low = swap.after.lower()
    longer = [
        o.after.lower()
        for o in made
        if o.origin == "abbreviations" and low in o.after.lower() and o.after.lower() != low
    ]
    if not longer:
        return texts
    pattern = re.compile("|".join(re.escape(x) for x in sorted(longer, key=len, reverse=True)), re.I)
    return [pattern.sub(" ", t) for t in texts]


def swaps_in_fields(swaps: Iterable[WordSwap], fields: dict[str, object]) -> list[WordSwap]:
    """The swaps whose wording is in the finished fields as the swap wrote it (a drafter swaps
    words in candidate sentences it may not keep, and another sentence may write the same plain
    word), each (before, after) once, in the order they were made."""
    texts = [_field_text(v) for v in fields.values()]
    made = list(swaps)
    held = [any(carried(s, t) for t in _outside_longer(s, made, texts)) for s in made]
    # a long form a later swap reworded ("CNS" -> "central nervous system" -> "brain and spinal
    # cord") is carried where that swap is
    reworded = {s.before.lower() for s, h in zip(made, held, strict=True) if h}
    seen: set[tuple[str, str]] = set()
    kept: list[WordSwap] = []
    for s, h in zip(made, held, strict=True):
        key = (s.before.lower(), s.after.lower())
        if key not in seen and (h or (s.origin == "abbreviations" and s.after.lower() in reworded)):
            seen.add(key)
            kept.append(s)
    return kept


def swap_records(swaps: Iterable[WordSwap], fields: dict[str, object]) -> list[dict[str, object]]:
    """JSON rows for the store: one per swap and field whose text holds its wording."""
    swaps = list(swaps)
    rows: list[dict[str, object]] = []
    for name, value in fields.items():
        text = _field_text(value)
        for s in swaps:
            if carried(s, text) or (
                s.origin == "abbreviations"
                and any(o.before.lower() == s.after.lower() and carried(o, text) for o in swaps)
            ):
                rows.append(
                    {
                        "field": name,
                        "before": s.before,
                        "after": s.after,
                        "origin": s.origin,
                        "start": s.start,
                        "end": s.end,
                    }
                )
    return rows
