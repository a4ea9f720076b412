"""Abbreviations an abstract defines ("platelet-rich plasma (PRP)") or uses undefined from the reviewed
list (data/glossary/abbreviations.yaml), with their long forms.

The drafters write the long forms out in the lay fields (pipeline.draft.rewrite); the scorers read
the same long forms, so that a draft's "platelet-rich plasma" restates an abstract sentence's "PRP"
(pipeline.score.faithfulness). Moved here from pipeline/draft/rewrite.py in round 25 (h25flags),
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from pipeline.errors import PlainsciError
from pipeline.text.glossary import ABBREVIATIONS_FILE, GLOSSARY_DIR
from pipeline.text.words import STOP_WORDS
from pipeline.text.yamldata import load_yaml

# Known to readers (or explained by the glossary): never expanded back to the long form.
KEEP_ABBREVIATIONS = frozenset(
    {"DNA", "RNA", "mRNA", "HIV", "AIDS", "COVID-19", "UK", "USA", "US", "EU", "WHO", "ICU", "ID"}
)
_SF = r"[A-Za-z][A-Za-z0-9\-/&']{0,9}"
# "long form (SF)" or "long form [SF]" (a definition in square brackets: "overall survival [OS]")
_SHORT_FORM = re.compile(rf"\(({_SF})\)|\[({_SF})\]")
# "progression-free and overall survival (PFS and OS)", "(ER and PR)", "(MDH, LDH and CS)"
_COORDINATED_SHORT_FORMS = re.compile(rf"[(\[]((?:{_SF}, )*{_SF},? (?:and|or) {_SF})[)\]]")
_COORDINATED_DEFINITION = re.compile(rf"\s*{_COORDINATED_SHORT_FORMS.pattern}")
# "overall (OS) and progression-free survival (PFS)"
_MODIFIER_DEFINED_FIRST = re.compile(rf"(\S+) [(\[]({_SF})[)\]] (?:and|or) ([^()\[\].;]+?) [(\[]({_SF})[)\]]")


# Words no long form starts with ("in situ hybridization (ISH)" and "The Cancer Genome Atlas
# (TCGA)" do start with "in" and "the").
_NO_LEAD = frozenset("of from with by and or to at on for than as".split())


def _long_form(words: list[str], short: str) -> str | None:
    """Schwartz-Hearst: the shortest tail of ``words`` whose letters spell ``short`` in order; a
    longer tail whose words' first letters spell it, function words between them aside, wins
    (:func:`_initials_long_form`)."""
    found = _letters_long_form(words, short)
    if found is not None and [w[:1].lower() for w in re.split(r"[\s-]+", found) if w] == [
        c.lower() for c in short if c.isalnum()
    ]:
        return found  # each word a letter: "in vitro fertilisation (IVF)"
    by_initials = _initials_long_form(words, short)
    if by_initials and (found is None or len(by_initials.split()) > len(found.split())):
        return by_initials
    return found


def _initials_long_form(words: list[str], short: str) -> str | None:
    """The shortest tail of ``words`` whose words' first letters spell ``short`` (three letters or
    more), one content word for each letter, function words between them skipped: "the Prejudice
    towards People with Mental Illness (PPMI)" (bmc s12888-018-1871-z), where the letters alone
    spell "People with Mental Illness" (its "p" inside "People")."""
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 3 or not all(c.isalpha() for c in letters):
        return None
    for k in range(len(letters), len(words) + 1):
        tail = [w.strip(" ,;:\"'") for w in words[-k:]]
        if not tail[0] or tail[0].lower() in STOP_WORDS:
            continue
        content = [w for w in tail if w.lower() not in STOP_WORDS]
        if len(content) > len(letters):
            return None
        if len(content) == len(letters) and all(
            w[:1].lower() == c for w, c in zip(content, letters, strict=True)
        ):
            return " ".join(words[-k:]).strip(" ,;:")
    return None


def _letters_long_form(words: list[str], short: str) -> str | None:
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters or not letters[0].isalpha():
        return None
    candidate = " ".join(words)
    s_idx, l_idx = len(letters) - 1, len(candidate) - 1
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= 0 and (
            candidate[l_idx].lower() != c or (s_idx == 0 and l_idx > 0 and candidate[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = candidate.rfind(" ", 0, l_idx + 1) + 1
    long_form = candidate[start:].strip(" ,;:")
    if long_form.split(" ", 1)[0].lower() in _NO_LEAD:
        # "the expressions of miRNAs in VSMCs from old rats (oVSMCs)" (bmc s40246-019-0245-z): its
        # "o" is "old", inside the name; "of miRNAs in ... old rats" stands for nothing
        return None
    n_words = len(long_form.split())
    if n_words > min(len(short) + 5, len(short) * 2):
        return None
    if re.search(r"\s(?:versus|vs\.?)\s", long_form, re.I):
        # a comparison stands for no term: "No studies compared repeated single versus repeated multiple
        # embryo transfer (SET)" (cochrane CD003416.pub4, mine half) made "repeated SET" read "repeated
        # single versus repeated multiple embryo transfer" (graft-versus-host disease is one word)
        return None
    if n_words < 2 and len(short) > 2:
        initials = words[-len(letters) :]
        if len(initials) == len(letters) and [w[0].lower() for w in initials] == letters:
            return " ".join(initials).strip(" ,;:")  # "pelvic organ prolapse (POP)", not "prolapse"
        if not _one_word_long_form(long_form, short, letters):
            return None
    return long_form


def _one_word_long_form(word: str, short: str, letters: list[str]) -> bool:
    """A single word a short form of three or more capitals stands for: a lower-case word (its first
    letter aside) at least twice as long as the short form, that starts with its first letter
    ("naltrexone (NTX)", "lipopolysaccharide (LPS)", "loss-of-heterozygosity (LOH)"); not a name in
    capitals ("PINOID (PID)"), a short word ("energy (ATP)"), nor a gene's short name in mixed case
    ("Brahma (Brm)": the gene is called Brm) or with a prime ("promoter (pR')")."""
    return (
        re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]s?", short) is not None
        and word[:1].lower() == letters[0]
        and not any(c.isupper() for c in word[1:])
        and len(word) >= 2 * len(letters)
    )


def _with_head_noun(long_form: str | None, words: list[str], short: str) -> str | None:
    """``long_form`` with the noun before it when it opens on a past participle and that noun starts with
    the short form's first letter: a long form names a thing, and a participle modifies the noun before it.
    26 (h26coch): "the number needed to treat for an additional beneficial outcome (NNTB) was 5" read NNTB
    as "needed to treat for an additional beneficial outcome" (its letters spell N-N-T-B from "needed",
    "an"), and the key finding said "The needed to treat for an additional beneficial outcome was 5."
    (cochrane mine CD010336.pub2)."""
    if not long_form or not re.match(r"[a-z]+ed\b", long_form):
        return long_form
    tail = long_form.split()
    if len(words) <= len(tail) or words[-len(tail) :] != tail:
        return long_form
    head = words[-len(tail) - 1].strip(" ,;:\"'")
    if head.isalpha() and head.lower() not in STOP_WORDS and head[:1].lower() == short[:1].lower():
        return f"{head} {long_form}"
    return long_form


def find_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the text defines as ``long form (SF)`` or ``long form [SF]``, mapped to their
    long form; also coordinated ones (:func:`_coordinated_definitions`). A new dict each call."""
    return dict(_defined_abbreviations(text))


# per text: the composer asks for an abstract's definitions three times (its realiser, the short
# forms it writes out and those written out once: article_abbreviations, first_use_abbreviations)
@lru_cache(maxsize=1024)
def _defined_abbreviations(text: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for match in _SHORT_FORM.finditer(text):
        short = match.group(1) or match.group(2)
        if not _may_define(short, found):
            continue
        n_words = min(len(short) + 5, len(short) * 2)
        long_form = _long_form(_words_before(text, match.start(), n_words), short)
        _add_definition(
            found, short, _with_head_noun(long_form, _words_before(text, match.start(), n_words + 1), short)
        )
    for short, long_form in _coordinated_definitions(text):
        if _may_define(short, found):
            _add_definition(found, short, long_form)
    for short, long_form in _reverse_definitions(text):
        if _may_define(short, found):
            _add_definition(found, short, long_form)
    return tuple(found.items())


# "SNPs (Single Nucleotide Polymorphisms)": a short form of capitals with its long form in the
# bracket after it (bmc s40104-015-0059-3), taken only where the bracket's words start with the
# short form's letters, one word each and in order ("TS (two trials)" is no definition)
_REVERSE_DEFINITION = re.compile(r"(?<![\w'’′/.-])([A-Z]{2,8})(s?) \(([A-Za-z][A-Za-z'’ -]{3,80}?)\)")


def _reverse_definitions(text: str) -> list[tuple[str, str]]:
    """(short form, long form) for each "SF (long form)" whose long form spells the short form
    with the first letters of its words; a name with capitals inside a word ("NM II") is none. Its
    words all capitalised are the capitals that spell the short form: the long form is said in
    lower case ("single nucleotide polymorphisms")."""
    out = []
    for match in _REVERSE_DEFINITION.finditer(text):
        short, plural, long_form = match.groups()
        words = [w for w in re.split(r"[\s-]+", long_form) if w]
        if [w[0].lower() for w in words] != list(short.lower()) or any(
            c.isupper() for w in words for c in w[1:]
        ):
            continue
        if all(w[0].isupper() for w in words):  # capitals that spell the short form, not a name's
            long_form = long_form.lower()
        out.append((short + plural, long_form))
    return out


def _may_define(short: str, found: Mapping[str, str]) -> bool:
    return not (
        short in found
        or short in KEEP_ABBREVIATIONS
        or sum(c.isupper() for c in short) < 1
        or len(short) < 2
        or short.isdigit()
    )


def _words_before(text: str, end: int, n_words: int) -> list[str]:
    """The last ``n_words`` words before ``end`` that a long form may take (not past a bracket, a
    semicolon or a sentence's end)."""
    head = text[:end]
    head = head[max(head.rfind("("), head.rfind("["), head.rfind(";"), head.rfind(". ")) + 1 :]
    return head.split()[-n_words:]


def _add_definition(found: dict[str, str], short: str, long_form: str | None) -> None:
    if long_form:  # "5'untranslated region (UTR)": the 5' end is not part of what UTR stands for
        long_form = re.sub(r"^\d+['’′]\s*", "", long_form)
        long_form = re.sub(r"^[±\[-]+", "", long_form)  # "±standard deviation [SD]", "[odds ratio [OR]"
    if long_form and long_form.lower() != short.lower():
        found[short] = _lower_first(long_form)
        if short.endswith("s") and long_form.endswith("s") and short[:-1] not in found:
            found[short[:-1]] = _lower_first(long_form[:-1])


def _singular_head(word: str) -> str:
    """The head noun said once for each of several short forms: "receptors" -> "receptor"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"  # "countries" -> "country" ("an LMIC setting")
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _coordinated_definitions(text: str) -> list[tuple[str, str]]:
    """Short forms defined together over a shared head noun: "progression-free and overall survival
    (PFS and OS)", "estrogen and progesterone receptors (ER and PR)", "overall (OS) and
    progression-free survival (PFS)". Each modifier with the head must spell its short form; the
    head is the fewest last words of the last long form that make every one of them spell."""
    out: list[tuple[str, str]] = []
    for match in _COORDINATED_SHORT_FORMS.finditer(text):
        shorts = re.split(r",? (?:and|or) |, ", match.group(1))
        before = _words_before(text, match.start(), 15)
        conj = max((i for i, w in enumerate(before) if w in ("and", "or")), default=-1)
        if conj < 1 or len(shorts) < 2:
            continue
        modifiers = [m.strip(",") for m in " ".join(before[:conj]).split(", ")]
        modifiers = [m for m in modifiers if m]
        last = before[conj + 1 :]
        out.extend(_with_head(modifiers, last, shorts))
    # "overall (OS) and progression-free survival (PFS)": the first modifier defines with the head
    for match in _MODIFIER_DEFINED_FIRST.finditer(text):
        first, short, rest, last_short = match.groups()
        if _long_form(first.split(), short) is None:
            out.extend(_with_head([first], rest.split(), [short, last_short]))
    return out


def _with_head(modifiers: list[str], last: list[str], shorts: list[str]) -> list[tuple[str, str]]:
    """(short form, long form) for ``modifiers`` + the shared head of ``last`` (the words of the
    last conjunct), when there is one short form for each and every long form spells its own with
    a word of its modifier (the first modifier may carry words before it: "measured for estrogen")."""
    if len(modifiers) + 1 != len(shorts) or not last:
        return []
    last_long = _long_form(last, shorts[-1])
    if last_long is None or len(last_long.split()) < 2:
        return []
    last_words = last_long.split()
    for k in range(len(last_words) - 1, 0, -1):  # the fewest words of the head first
        head = last_words[k:]
        if len(shorts) > 1 and not shorts[-1].endswith("s"):
            head = [*head[:-1], _singular_head(head[-1])]
        pairs = []
        for modifier, short in zip(modifiers, shorts, strict=False):
            words = [*modifier.split(), *head]
            long_form = _long_form(words, short)
            if long_form is None or len(long_form.split()) <= len(head):  # a modifier's word spells it too
                break
            pairs.append((short, long_form))
        else:
            return [*pairs, (shorts[-1], " ".join([*last_words[:k], *head]))]
    return []


def uses_short_form(text: str, short: str) -> bool:
    """``text`` uses the short form (or its plural) as a word of its own."""
    return re.search(rf"(?<![\w'’′/.-]){re.escape(short)}s?(?!\w)", text) is not None


@lru_cache(maxsize=2)
def _known_abbreviations(
    path: Path,
) -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None, str | None], ...]:
    """(short form, long form, sense cue, exclusion, full wording) of data/glossary/abbreviations.yaml."""
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    entries = data.get("abbreviations") or {}
    if not isinstance(entries, Mapping):
        raise PlainsciError(
            f"{path.name}: 'abbreviations' is a {type(entries).__name__}, not a mapping.",
            hint="Write it as abbreviations: {SHORT: {long: ..., cue: regex}, ...}.",
        )
    out = []
    for short, value in entries.items():
        # a short form with more than one sense lists them, each with the cue that decides it
        # ("ASD": autism spectrum disorder or atrial septal defect); the first whose cue matches wins
        senses = value if isinstance(value, list) else [value]
        for entry in senses:
            if not isinstance(entry, Mapping) or not entry.get("long") or not entry.get("cue"):
                raise PlainsciError(
                    f"{path.name}: the entry {short!r} needs a long form and a cue.",
                    hint="Write it as SHORT: {long: the long form, cue: a regex the abstract must match}.",
                )
            unless, full = entry.get("unless"), entry.get("full")
            out.append(
                (
                    str(short),
                    str(entry["long"]),
                    re.compile(str(entry["cue"]), re.I),
                    re.compile(str(unless), re.I) if unless else None,
                    str(full) if full else None,
                )
            )
    return tuple(out)


def known_abbreviations(text: str, path: Path | None = None) -> dict[str, str]:
    """The reviewed abbreviations (data/glossary/abbreviations.yaml) that ``text`` uses without
    defining, each only where its sense cue matches ``text``."""
    out: dict[str, str] = {}
    for short, long_form, cue, unless, _full in _known_abbreviations(
        path or GLOSSARY_DIR / ABBREVIATIONS_FILE
    ):
        if (
            short in text
            and short not in out
            and uses_short_form(text, short)
            and cue.search(text)
            and not (unless and unless.search(text))
        ):
            out[short] = long_form
    return out


def article_abbreviations(text: str) -> dict[str, str]:
    """What the lay fields write out for an abstract: the abbreviations it defines, and the reviewed
    ones it uses without defining (a definition in the abstract wins). A new dict each call."""
    return dict(_written_out(text))


@lru_cache(maxsize=1024)  # per text: asked twice for each abstract the composer drafts
def _written_out(text: str) -> tuple[tuple[str, str], ...]:
    defined = find_abbreviations(text)
    known = {
        k: v for k, v in known_abbreviations(text).items() if k not in defined and f"{k}s" not in defined
    }
    return tuple({**known, **defined}.items())


def _lower_first(phrase: str) -> str:
    """Lower-case a sentence-initial capital unless the word is an acronym or name-like.

    A capitalised word followed by another ("Stop Smoking Service") starts a proper name and
    keeps its capital, unless it is a function word ("The National Health Service"); so does a
    name's possessive ("Leber's congenital amaurosis").
    """
    words = phrase.split(" ", 2)
    first = words[0]
    if re.fullmatch(r"[A-Z][a-z]+['’]s", first):
        return phrase  # 25 (h25bmc): a name's possessive, "Leber's congenital amaurosis (LCA)" (bmc
        # 1471-2202-6-5 read "leber's congenital amaurosis")
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        second = words[1] if len(words) > 1 else ""
        if second[:1].isupper() and second[1:].islower() and first.lower() not in STOP_WORDS:
            return phrase
        content = [w for w in phrase.split() if w.lower() not in STOP_WORDS]
        if (
            first.lower() not in STOP_WORDS
            and len(content) > 2
            and all(w[:1].isupper() and w[1:].islower() for w in content)
        ):
            return phrase  # a name with its function words in lower case: "Prejudice towards People
            # with Mental Illness" (a scale, bmc s12888-018-1871-z)
        return phrase[0].lower() + phrase[1:]
    return phrase
