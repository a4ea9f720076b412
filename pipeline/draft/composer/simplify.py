"""Sentence realisation: a source sentence becomes zero or more short, grammatical lay sentences.

Steps, each keeping the facts: drop a leading link word and padding ("It is well known that",
"In this study,"); drop statistics (intervals, p-values, I², ratios) and bracketed asides for the
lay fields; the authors' voice becomes third person ("we" -> "the researchers"); abbreviations
are written out; wordy phrases get short ones; plain words replace jargon through
:func:`plain_words` (the one word-swap entry point). URLs, e-mail addresses and DOIs pass
through every step untouched.

Then :func:`restructure` works on a dependency parse, one operation at a time and only for a
sentence with a cue for one (so most sentences are never parsed): an apposition after the
subject becomes its own "X is a Y." sentence, a comma-marked "which/who" clause becomes a
sentence with its noun repeated ("These domains include ..."), "X was observed/found in Y"
becomes "Y had X", and two main clauses joined by "and"/"but" become two sentences. Long
sentences are then split at clause boundaries on the string (";", ", whereas", ", which",
", suggesting that", "Although A, B" ...). A piece that does not read as a sentence (no
subject-then-finite-verb, starts with a verb, a conjunction or a wh-word, unbalanced brackets)
or stays too long is dropped, never clipped.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from greenlet import getcurrent, greenlet

from pipeline.draft import rewrite as rw
from pipeline.text.patterns import compile_gated
from pipeline.text.swaps import SHORT_GENUS_SPECIES, WordSwap, with_context
from pipeline.text.words import STOP_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# ---------------------------------------------------------------------------
# Word-level plain words: the ONE entry point (pipeline.text.swaps does the swapping)
# ---------------------------------------------------------------------------


# Never swapped: a token with a digit or an inner capital (C57BL/6J, mRNA, IL-6, BRCA1, COVID-19),
# a capitalised word (names, drugs, trial names, "Stop Smoking Service"), or a slash token. The
# first word of a sentence is left to swap_plain_words when a lower-case word follows it (its
# mass-noun rule keeps "Thrombosis is" from becoming "Blood clot is").
# A genus said short and its species are one name ("Strep. pneumoniae", swaps.SHORT_GENUS_SPECIES).
_PROTECTED = re.compile(rf"{SHORT_GENUS_SPECIES}|[^\s()\[\],;:]*(?:\d|[A-Z]|/)[^\s()\[\],;:]*")
_MASK = "\x00{}\x00"
# The first word of a sentence (a text ending in a full stop) in plain title case ("Adverse",
# "Participants", "Long-term") is not masked when a lower-case word follows it: swap_plain_words
# keeps a capitalised word inside a sentence or a run of them. A title keeps its first word.
_INITIAL_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*")
_LOWER_NEXT = re.compile(r" [a-z]")
# A sentence-opening topic marker reads wrong with the wording that is right inside a sentence:
# "In terms of quality, ..." is not "In quality, ..."; "Regarding X, ..." is not "About X, ...".
_KEEP_FIRST = STOP_WORDS | {"regarding", "concerning"}
_UNMASK = re.compile("\x00(\\d+)\x00")
# a plain number ("374", "28,044" is two tokens, "1.5"): left open to the swap rules' contexts
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


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
        if (
            sentence
            and _INITIAL_WORD.fullmatch(m.group(0))
            and m.group(0).lower() not in _KEEP_FIRST
            and (m.start() == 0 or text[m.start() - 2 : m.start()] in (". ", "! ", "? "))
            and _LOWER_NEXT.match(text, m.end())
        ):
            return m.group(0)  # "Adverse events were ...": swaps.protected_spans judges a first word
        if _NUMBER.fullmatch(m.group(0)):
            # a number is no name: masked, it hid from the rules' contexts ("identify" -> "find"
            # before "\d+": "The researchers identified 374 ... peroxidases", bmc s12870-019-...)
            return m.group(0)
        masked.append(m.group(0))
        return _MASK.format(len(masked) - 1)

    # a title or a title's topic (no full stop) is not a sentence: its first word stays masked
    sentence = text.rstrip().endswith((".", "!", "?"))
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
        (r"\bourselves\b", "themselves"),
    )
)
_US = re.compile(r"\bus\b")
# 28 (h28bmc): "us" who are helped to understand is everyone, not the authors: "Studying the ecological
# consequences of cooperation may not only help us to understand why so many species of social insects
# have conquered the earth" (elife_dev eLife.02440) read "help the researchers to understand"
_US_EVERYONE = re.compile(
    r"\b((?:help|allow|enable)(?:s|ed|ing)?) us\b(?= (?:to )?(?:better )?(?:understand|appreciate)\b)"
)
_OUR = re.compile(r"\b[Oo]ur\b")
# "their" needs someone named before it in the sentence ("The researchers found that their ...").
_THEY = re.compile(r"\b(?:researchers|authors|they|them)\b", re.I)


def third_person(text: str) -> str:
    """The authors' voice ("we", "our", "us") in third person: "the researchers", "their".

    "Our" becomes "their" only after the researchers are named in the sentence; else "the"
    ("Our early data suggest" -> "The early data suggest", not "Their" with no one before it).
    """
    for pattern, repl in _VOICE:
        text = pattern.sub(repl, text)

    def our(m: re.Match[str]) -> str:
        word = "their" if _THEY.search(text, 0, m.start()) else "the"
        return word.capitalize() if m.group(0)[0] == "O" else word

    text = _US_EVERYONE.sub(r"\1 people", text)
    return _US.sub("the researchers", _OUR.sub(our, text))


# A bracketed aside is not glued to a word before it nor to what follows: the brackets inside a name
# ("Su(var)3-9", "(Z)-3-hexenal") are part of it and stay; "1.05(two studies)" is an aside.
_ASIDE = re.compile(r"(?<![A-Za-z])\s*(?:\((?:[^()]|\([^()]*\))*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\])(?![\w\-/])")
_DANGLING_STATS = compile_gated(
    r"[,;]?\s*\b(?:I2|I²|Chi2|Chi²|Tau2|Tau²)\s*=?\s*\d+(?:\.\d+)?\s*%?"
    r"|[,;]?\s*\b\d+\s*(?:studies|trials|RCTs),\s*\d[\d,]*\s*(?:participants|people|patients|women|children)"
    r"(?=\s*[;)])",
    re.I,
)


# A run-in label before a sentence ("Primary outcomes: calcium may ...").
_RUN_IN_LABEL = re.compile(
    r"^(?:(?:primary|secondary|main|other) )?(?:outcomes?|results?|findings?)\s*:\s+(?=[A-Za-z])|"
    # a review's own subheading glued to its first sentence: "Implications for practice Prolonged
    # indomethacin course does not appear ..." (CD003480, blind read seed 109)
    r"^Implications for (?:practice|research)\s*:?\s+(?=[A-Z])",
    re.I,
)
# A run-in heading glued to its sentence: "Cerclage versus progesterone Two trials compared ..."
_GLUED_HEADING = re.compile(
    r"^(?:[A-Z][\w-]*(?: [\w-]+){0,6}?)"
    # (25, h25coch: never a noun that a letter names: "Vitamin A supplementation is beneficial and safe ..."
    # said "A supplementation is helpful ...", cochrane eval CD010666; "Group A comparisons explored ...")
    r"(?<!\b[Vv]itamin)(?<!\b[Gg]roup)(?<!\b[Tt]ype)(?<!\b[Hh]epatitis)"
    r" (?=(?:Two|Three|Four|Five|Six|One|No|The|This|These|There|It|We|Our|In|For|"
    r"Compared|A|Most|All|Only|Data|Overall|Results?) [a-z0-9])"
)

# An outcome heading glued to the sentence that opens with its own words: "Adverse effects Adverse effects
# were infrequently reported.", "Complete resolution of vertigo Complete resolution of vertigo occurred ..."
# (cochrane eval CD003162, read of seed 263): the first two words said twice
_REPEATED_HEADING = re.compile(r"^([A-Z][\w-]* [\w-]+)(?: [\w(),+-]+){0,10}? (?=\1\b)")
# A short subject set off from its verb by the comma that closed a dropped aside: "Mood (assessed with
# GHQ-30, lower score better), was reported by only one study" (cochrane eval CD012815)
_SUBJECT_COMMA = re.compile(r"^([A-Z][\w-]*(?: [\w-]+){0,3}) ?, (?=(?:was|were|is|are)\b)")
# A comparison heading glued to its first sentence, whatever that opens with: "Acupuncture versus
# NSAIDs Seven studies reported ..." (cochrane CD007854.pub3), "Neutral pH, low GDP versus
# conventional glucose PD solution Use of neutral pH, low GDP PD solutions improved ..." (a key
# finding of the composer 13 blind read); not a sentence whose "versus" phrase runs on into a name
# ("compared arthroscopic versus open surgery, generally involving the repair of Bankart lesions")
_VERSUS_HEADING = re.compile(
    r"^[A-Z][^.;:()]{0,80}? (?:versus|vs\.?) [^.;:()]{1,60}?(?<!\bof)(?<!\bthe)(?<!\ba)(?<!\bin)(?<!\bwith)"
    r"(?<!\band)(?<!\bto)(?<!\bfor)(?<!\bon)(?<=[a-z0-9)]) (?=[A-Z][a-z]+ [a-z])"
)


# An identifier: a run of word characters, "/", "+" and "-" holding a digit and a letter ("IL-6",
# "C57BL/6J"). The runs are found first and tested for both (one pass; a single pattern for the
# same tokens, "[\w/+-]*(?:\d[\w/+-]*[A-Za-z]|[A-Za-z][\w/+-]*\d)[\w/+-]*", backtracks over
# every start in a word without a digit: it was 4% of the composer's time).
_RUN = re.compile(r"[\w/+-]+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)
def _identifiers(text: str) -> frozenset[str]:
    """The identifiers of ``text`` (runs of ``[\\w/+-]`` with a digit and an ASCII letter); kept
    per text (``_lay_text`` asks for a sentence's up to four times)."""
    return frozenset(w for w in _RUN.findall(text) if _DIGIT.search(w) and _LETTER.search(w))


# A connective between a short subject and its verb points back at a sentence a field may not say:
# "Penfluridol, however, may confer advantage ..." (cochrane CD011831) -> "Penfluridol may ...".
_SUBJECT_CONNECTIVE = re.compile(
    r"^([A-Z][\w/-]*(?: [\w/-]+){0,3}), (?:however|therefore|thus|moreover|furthermore|nevertheless|"
    r"consequently|hence),\s+(?=(?:is|are|was|were|has|have|had|may|might|can|could|should|would|will|did|does|do|"
    r"[a-z]+ed|[a-z]+s)\b)"
)
_LEADING_ADVERB = re.compile(
    r"^(?:also|thus|hence|here|surprisingly|unexpectedly|strikingly|remarkably|interestingly|finally|moreover|"
    r"furthermore|together|collectively|altogether|importantly|notably|overall|therefore|consequently|"
    # "In addition to surgery, ..." leads with what was added, no connective to drop
    r"in addition(?! to\b)|in contrast|by contrast|in summary|in conclusion|taken together)\b,?\s+",
    re.I,
)


# URLs, e-mail addresses and DOIs pass through every step untouched (masked, then put back).
_ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]"
    r"|\bdoi:\s*\S+[^\s.,;:!?)\]]|\b10\.\d{4,9}/[^\s<>\"]+[^\s<>\".,;:!?)\]]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.I,
)
_ADDRESS_MASK = "\x01{}\x01"
_ADDRESS_UNMASK = re.compile("\x01(\\d+)\x01")


def lay_text(sentence: str, abbreviations: Mapping[str, str], *, keep_statistics: bool = False) -> str:
    """Source sentence -> lay wording before splitting (statistics and asides dropped unless kept).

    URLs, e-mail addresses and DOIs come out exactly as they went in.
    """
    addresses: list[str] = []

    def mask(m: re.Match[str]) -> str:
        addresses.append(m.group(0))
        return _ADDRESS_MASK.format(len(addresses) - 1)

    text = _lay_text(_ADDRESS.sub(mask, sentence), abbreviations, keep_statistics)
    return _ADDRESS_UNMASK.sub(lambda m: addresses[int(m.group(1))], text) if addresses else text


def _lay_text(sentence: str, abbreviations: Mapping[str, str], keep_statistics: bool) -> str:
    text = _REPEATED_HEADING.sub("", sentence.strip(), count=1)
    glued = _GLUED_HEADING.match(text)
    if glued and not re.search(r"[.,;:]", glued.group(0)):
        text = text[glued.end() :]
    elif (versus := _VERSUS_HEADING.match(text)) and rw.word_count(versus.group(0)) <= 14:
        text = text[versus.end() :]
    text = _RUN_IN_LABEL.sub("", text)
    text = drop_padding(_LEADING_ADVERB.sub("", rw.drop_leading_connective(text)))
    text = _SUBJECT_CONNECTIVE.sub(r"\1 ", text)
    if not keep_statistics:
        text = _ASIDE.sub("", rw.strip_statistics(text))
        text = _DANGLING_STATS.sub("", text)
        text = _SUBJECT_COMMA.sub(r"\1 ", text, count=1)
        if "[" not in text:  # a bracket the statistics opened and the source closed twice ("9.5)].")
            text = re.sub(r"\s*\](?=[.;]?\s*$)", "", text)
    text = rw.modal_agreement(third_person(text))
    expanded = rw.expand_abbreviations(text, abbreviations)
    if not _identifiers(expanded) <= _identifiers(text):  # never alter an identifier's case
        # a short form with a digit names a gene or strain ("Tlr5-mutant", "Tas2r"): keep those and
        # still write out the others ("BAL protein", "ZnO exposure" in the same sentence)
        expanded = rw.expand_abbreviations(
            text, {k: v for k, v in abbreviations.items() if not any(c.isdigit() for c in k)}
        )
    if _identifiers(expanded) <= _identifiers(text):
        text = expanded
    text = _REPEATED_WORD.sub(r"\1", rw.plain_phrases(text))
    return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))


# "GWAS studies" written out is "genome-wide association studies studies"
_REPEATED_WORD = re.compile(r"\b([a-z]{4,}) \1\b")


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
    (re.compile(r",\s+suggesting\s+that\s+"), "This suggests that "),
    (re.compile(r",\s+indicating\s+that\s+"), "This indicates that "),
    # "..., suggesting an adjuvant activity" takes a noun phrase: no "that" may be added
    (re.compile(r",\s+suggesting\s+(?!that\b)"), "This suggests "),
    (re.compile(r",\s+indicating\s+(?!that\b)"), "This indicates "),
    (re.compile(r",\s+(?:but|yet)\s+"), "But "),
    # "..., so it may serve as a chassis": a consequence said as its own sentence ("so that" is a purpose)
    (re.compile(r",\s+so\s+(?=(?:the|this|these|those|there|it|they|its|their|[A-Z]\w*|\d)\b)"), "So "),
    (re.compile(r",?\s+whereas\s+"), "In contrast, "),
    (re.compile(r",\s+while\s+"), "Meanwhile, "),
    (re.compile(r";\s+however,\s+"), "However, "),
    # "..., however, new objectives are arising" (bmc s41065-019-0093-9): two clauses the source
    # spliced with a comma
    (
        re.compile(
            r",\s+however,\s+(?=(?:the|this|these|those|there|it|they|their|its|all|both|no|most|many|"
            r"some|each|new|novel|[A-Z]\w*|\d)\b)"
        ),
        "However, ",
    ),
    (re.compile(r";\s+"), ""),
    (
        re.compile(
            r",\s+and\s+(?=(?:the|this|these|those|there|it|they|their|its|all|both|no|most|many|some|"
            r"each|[A-Z]\w*|\d)\b)"
        ),
        "",
    ),
)


# After a "which" clause, the main clause's own verb: the clause was in the middle of the sentence.
_MAIN_GOES_ON = re.compile(
    r",\s+(?:is|are|was|were|has|have|had|may|might|can|could|should|will|would|must)\s"
)


# a clause that opens on an ordinal's study with no article, said alone, takes one: "..., while second study
# reported reduction in glomerular filtration rate ..." (26, h26coch: cochrane mine CD009403.pub2, a key
# finding "Second study reported reduction ...")
_BARE_ORDINAL = re.compile(
    r"(?=(?:second|third|fourth|fifth|sixth) (?:[\w-]+ )?(?:study|trial|RCT|review)\b)"
)


def _second(joiner: str, right: str) -> str:
    right = _BARE_ORDINAL.sub("a ", right, count=1) if _BARE_ORDINAL.match(right) else right
    if not joiner:
        return rw.capitalize_first(right)
    if joiner == "This " and re.match(r"(?:are|were|have)\b", right):
        joiner = "These "  # "..., which were isolated from X" -> "These were isolated", never "This were"
    first = right.split(" ", 1)[0]
    plain = first.isalpha() and first[:1].isupper() and first[1:].islower() and first not in ("I",)
    return joiner + (right[0].lower() + right[1:] if plain else right)


# The end of a list before its ", and": a comma, then one to three words ("of BAT1, ALD6").
_LIST_TAIL = re.compile(r",\s+[^,;\s]+(?:\s+[^,;\s]+){0,2}$")
_RESPECTIVELY = re.compile(r"\b(?:respectively|in that order)\b", re.I)
# After ", and": a short noun phrase closed by a comma ("the low event rate, the power ..."): an item
# of a list the sentence began earlier, not the subject of a clause of its own.
_LISTED_NOUN = re.compile(
    r"(?:the|a|an|its|their|this|these|those)\s+(?![^,]*\b(?:is|are|was|were|has|have|had|did|do|does|"
    r"may|might|can|could|will|would|should|must)\b)[^,;()]{1,40},\s(?:the|a|an|its|their|this|these|those)\s"
)


def split_clauses(sentence: str, max_words: int, tagger: Callable[[str], bool] | None = None) -> list[str]:
    """Split ``sentence`` at clause boundaries until each piece is at most ``max_words`` words.

    A split is made only where both sides read as sentences; otherwise the sentence stays whole
    (the caller drops it if it is too long).
    """
    if rw.word_count(sentence) <= max_words:
        return [sentence]
    concession = rw._split_concession(sentence, lambda text: is_sentence(text, tagger))
    if concession and all(is_sentence(p) for p in concession):
        return [p for part in concession for p in split_clauses(part, max_words, tagger)]
    best: tuple[float, str, str] | None = None
    middle = len(sentence) / 2
    for pattern, joiner in _CLAUSE_POINTS:
        for m in pattern.finditer(sentence):
            if (
                joiner == ""
                and m.group(0).startswith(";")
                and (sentence.count(";") > 1 or ":" in sentence[: m.start()])
            ):
                continue  # a list ("the categories: A; B; C") is not cut after its second item
            if _RESPECTIVELY.search(sentence, m.end()):
                # "... were 4.2, 3.8, and 2.7 for 600/650 mg, 900/1000 mg, and 1200 mg respectively"
                # (CD002067): the lists pair up, a cut before "respectively" leaves one list behind
                continue
            if m.group(0).lstrip(", ").startswith("and") and _LIST_TAIL.search(sentence, 0, m.start()):
                # "by making gene deletions of BAT1, ALD6, and PHO13, to develop a strain ..." (bmc
                # s13068-019-1560-2): the last item of a list, never a clause of its own
                continue
            if joiner == "This " and _MAIN_GOES_ON.search(sentence, m.end()):
                continue  # "trials of X, which are designed ..., are needed": the main verb comes after
            if m.group(0).lstrip(", ").startswith("and") and _LISTED_NOUN.match(sentence, m.end()):
                # "but given the relatively few studies that reported these, and the low event rate,
                # the power ... was low" (cochrane CD008721): the noun is the list's second item, its
                # comma closes the "given" phrase; a cut leaves "The low event rate, the power ..."
                continue
            left = rw.ensure_period(sentence[: m.start()])
            right = rw.ensure_period(_second(joiner, sentence[m.end() :]))
            if rw._open_brackets(left) or not is_sentence(left) or not is_sentence(right):
                continue
            if (
                tagger is not None
                and m.group(0).lstrip(", ").startswith("and")
                and not is_sentence(right, tagger)
            ):
                # 26 (h26coch): the last item of a long list is no clause: "The three-year programme involved
                # community education, an education and support component for medical practitioners, and
                # the provision of free skin screening services." (cochrane mine CD012352.pub2) was cut
                # there, and the key finding kept the list without its last item
                continue
            if rw.word_count(left) < 5 or rw.word_count(right) < 5:
                continue
            distance = abs(m.start() - middle)
            if best is None or distance < best[0]:
                best = (distance, left, right)
    if best is None:
        return [sentence]
    return [p for part in best[1:] for p in split_clauses(part, max_words, tagger)]


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
    r"including|than|as|to|of|by|versus|vs|respectively|when|where|if|unless|after|before|during|how|what|"
    r"whether|why|"
    r"following|using|based|due|especially|particularly|such|i\.e|e\.g|etc)\b",
    re.I,
)
_NOUNISH_S = re.compile(
    r"\b(?:[a-z]*(?:ss|us|is|ics|ness|ous|ies|ions|ents|ants|ers|ors|ates|ites|ides|ides|ones|ines|"
    r"ures|ages|ances|ences|ities|ists|isms|ings))\b"
)


_CLEAR_FINITE = compile_gated(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|can|could|may|might|must|should|will|would)\b|"
    # a verb in "-ed" whose object shows it is the verb, not a participle: "A pooled analysis of two
    # trials and four quasi-RCTs found in favour of task-oriented treatments ..." (the tagger read
    # "found" as a participle, CD010914, read of seed 229)
    r"\b(?:found|showed|demonstrated|suggested|indicated|reported) (?:in favou?r of|that|no|little|some evidence)\b",
    re.I,
)


_NOT_BEFORE_VERB = frozenset(
    "the a an of in on at for to with without from by into onto about among between and or but its their our "
    "his her these those this that such each every some many most all both other".split()
)


def has_finite_verb(text: str) -> bool | None:
    """True with an auxiliary or modal; None when only a word in "-ed" or "-s" could be the verb
    ("The quality of studies varied.", "Small numbers of deaths."): the caller asks the tagger;
    False when nothing could be.
    """
    if _CLEAR_FINITE.search(text):
        return True
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) > 1 and words[0] == "They" and _is_verb(words[1].lower()):
        # "They play a part in ...": a plural present verb has no "-s" (the shortener's "They" before
        # a verb it split off, shorten.split_shared_subject); the tagger decides
        return None
    if any(w in _PLURAL_AGENTS and _is_verb(words[i + 1].lower()) for i, w in enumerate(words[:-1])):
        # 26 (h26bmc): "Here the researchers determine the structure of Nup188." (elife 00745, "Here
        # we determine ..."): the plural present after the researchers has no "-s" either; read as
        # no sentence, such sentences were never said, and 153 of 360 eLife research summaries said
        # the background alone
        return None
    ambiguous = False
    for i, w in enumerate(words):
        low = w.lower()
        if i == 0 or not _FINITE.fullmatch(low):
            continue
        if low.endswith("s") and not low.endswith(("ss", "us")) and _NOUNISH_S.fullmatch(low):
            # a noun's ending that a verb may have too ("offers", "differs", "suffers"): the tagger
            # decides when no other word can be the verb (26, h26coch: "..., light therapy offers modest
            # though promising antidepressive efficacy, ..." read as a fragment, cochrane mine
            # CD004050.pub2, so the review's answer was never said)
            # only between a noun-like word and its object: never after an article or a preposition ("into
            # the motors mode"), nor before a preposition ("among social partners in"; elife_dev eLife.01724,
            # eLife.05224 then said a method sentence and a "They ..." as their research summaries)
            before = words[i - 1].lower()
            after = words[i + 1].lower() if i + 1 < len(words) else ""
            ambiguous = ambiguous or (
                low.endswith(("ers", "ors"))
                and before not in _NOT_BEFORE_VERB
                and after not in _NOT_BEFORE_VERB
                and bool(after)
                and _is_verb(low[:-1])
            )
            continue
        return None
    return None if ambiguous else False


# who did the work, in the plural: "the researchers", "the authors" (the realiser's words for "we")
_PLURAL_AGENTS = frozenset({"researchers", "authors", "we"})


def _is_verb(word: str) -> bool:
    """An English verb (lemminflect knows it as one)."""
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


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
    rel = _RELATIVE_ONLY.match(t)
    if rel and tagger is not None and not has_finite_verb(rel.group("rest")):
        # no verb after the relative clause's own, as the tagger reads it after a subject ("They to
        # imprecise results." has none; "They suggest a role." has one)
        if not tagger(f"They {rel.group('rest').strip()}."):
            return False  # "Their limited study sizes that led to imprecise results." names, says nothing
    verb = has_finite_verb(t)
    if verb is None:
        return tagger(t) if tagger is not None else True
    return verb


# 28 (lead, re-read of seed 388): a noun a possessive opens, whose only verb is its relative clause's: the
# second half of "The confidence ... was low due to the bias in their design, and their limited sample sizes
# that resulted in imprecise results." split at ", and" (cochrane eval CD010298.pub2's key finding)
_RELATIVE_ONLY = re.compile(
    r"^(?:Their|Its|His|Her)\s+(?:[\w-]+\s+){0,4}?[\w-]+\s+(?:that|which)\s+[a-z]+\b(?P<rest>[^,;]*)\.$"
)


# An adverbial set off by a comma before the main clause ("After one week, ", "Of the 30 mice, ",
# "Compared with controls, "): no comma, no clause-joining word inside it.
_LEAD_ADVERBIAL = re.compile(
    r"^(?:After|Before|During|When|While|Whereas|Although|Though|Since|Because|Compared (?:with|to)|"
    r"Following|Of|As|By|Based on|With|Without|In|At|Among|Across|Within|Upon|On|For|Unlike|Like|"
    r"Despite|Due to|To)\s(?P<lead>[^,;:()]{2,80}?),\s+(?P<rest>\S.*)$"
)


# An adverbial that points to the sentence before ("As such,", "Of these genes,", "As a result,").
_LEANING_LEAD = re.compile(
    r"\b(?:such|this|these|that|those|same|former|latter|addition|contrast|particular|turn|summary|"
    r"conclusion|result|consequence|it|them|which)\b",
    re.I,
)


def led_sentence(text: str, tagger: Callable[[str], bool] | None = None) -> bool:
    """A sentence after an adverbial that a comma sets off ("After one week, severe ataxia was seen,
    and all homozygotes died before weaning."): its main clause reads as a sentence of its own, and
    the adverbial has at most 12 words and no finite-verb cue of a clause cut short ("which", "and")."""
    m = _LEAD_ADVERBIAL.match(text.strip())
    if (
        m is None
        or len(m.group("lead").split()) > 12
        or re.search(r"\b(?:which|and|or|but)\b", m.group("lead"))
        or _LEANING_LEAD.search(m.group("lead"))
        or (text.startswith("To ") and m.group("lead").split()[0].endswith("ing"))
    ):
        return False  # "As such, ...", "In addition, ...": it leans; "To ranking methods, ...": cut short
    return is_sentence(rw.capitalize_first(m.group("rest")), tagger)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


_TAG_PIPES = ("tok2vec", "tagger")


def word_tags(text: str, model: str) -> tuple[str, ...]:
    """spaCy's fine-grained tags of ``text``'s tokens ("This method is ..." -> ("DT", "NN", "VBZ", ...))."""
    return tuple(t.tag_ for t in _analysed(text, model, _TAG_PIPES))


@lru_cache(maxsize=4096)
def tagged_finite(text: str, model: str) -> bool:
    """spaCy's tagger: the sentence has a VBD, VBZ, VBP or MD token (used only for unclear cases)."""
    return any(t.tag_ in _FINITE_TAGS for t in _analysed(text, model, _TAG_PIPES))


# ---------------------------------------------------------------------------
# spaCy analyses, batched over the articles drafted together
# ---------------------------------------------------------------------------


_Gate = Callable[["Doc"], bool]

# The analyses of recent texts, by (model, text): each doc with the components that have run on it,
# a start of the model's ``_PARSE_PIPES`` in pipeline order. A text tagged for one request (the
# finite-verb check, restructure's gate) and parsed for another (compression, restructure) goes
# through tok2vec and the tagger once: the parser reads tok2vec's output from ``doc.tensor``, so a
# tagged doc parsed later is the doc a full analysis gives. A doc with a whitespace token is not
# stored (the attribute ruler re-tags those "_SP", so its tags would depend on how far it went).
# Bounded, least recently used out first.
_DOCS: OrderedDict[tuple[str, str], tuple[Doc, tuple[str, ...]]] = OrderedDict()
DOC_CACHE_SIZE = 2048
_DOCS_LOCK = threading.Lock()


def _stored(model: str, text: str, wanted: tuple[str, ...]) -> tuple[Doc | None, int]:
    """The stored analysis of ``text`` and how many of ``wanted``'s components it has had; (None, 0)
    when none is stored. A doc with more components than asked for serves as it is (the later
    components only add annotations); one with fewer goes on from where it stopped."""
    with _DOCS_LOCK:
        hit = _DOCS.get((model, text))
        if hit is None:
            return None, 0
        _DOCS.move_to_end((model, text))
    doc, done = hit
    return doc, len(wanted) if done[: len(wanted)] == wanted else len(done)


def _store(model: str, text: str, doc: Doc, done: tuple[str, ...]) -> None:
    from spacy.attrs import IS_SPACE

    if doc.to_array(IS_SPACE).any():  # any(t.is_space for t in doc), without a Token per word
        return
    with _DOCS_LOCK:
        old = _DOCS.get((model, text))
        if old is None or len(old[1]) < len(done):
            _DOCS[(model, text)] = (doc, done)
        _DOCS.move_to_end((model, text))
        while len(_DOCS) > DOC_CACHE_SIZE:
            _DOCS.popitem(last=False)


class _Tokens:
    """An analysis as the rules read it: the doc with its ``Token`` objects made once. spaCy makes a
    new ``Token`` for every step of ``for t in doc`` and every ``doc[i]``, and rebuilds ``doc.text``
    from its tokens on each read; the compression, split and restructure rules walk the same doc
    again and again (1.4 million tokens made for 200 abstracts). Iteration, ``len`` and ``doc[i]``
    come from the list, ``text`` is the text analysed (``doc.text`` always equals it), anything
    else (slices, ``sents``, ``vocab``, ...) is the doc's own; a token's ``doc`` is the doc."""

    __slots__ = ("doc", "text", "_tokens")

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self._tokens = list(doc)

    def __iter__(self) -> Any:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, i: Any) -> Any:
        if type(i) is int:
            return self._tokens[i]
        return self.doc[i]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


# The rules' views of recent analyses, by (model, text), bounded like ``_DOCS`` (no view is kept on
# the doc itself: its tokens point back at it, and a cycle would keep the doc for the collector).
_VIEWS: OrderedDict[tuple[str, str], _Tokens] = OrderedDict()


def _view(model: str, text: str, doc: Doc) -> Doc:
    """``doc`` (the analysis of ``text``) as a :class:`_Tokens`, the same one while the doc is."""
    key = (model, text)
    with _DOCS_LOCK:
        view = _VIEWS.get(key)
        if view is None or view.doc is not doc or len(view._tokens) != len(doc):
            view = _VIEWS[key] = _Tokens(doc, text)
        _VIEWS.move_to_end(key)
        while len(_VIEWS) > DOC_CACHE_SIZE:
            _VIEWS.popitem(last=False)
    return cast("Doc", view)


def clear_caches() -> None:
    """Forget every stored analysis and what was computed from them (for tests and benchmarks)."""
    with _DOCS_LOCK:
        _DOCS.clear()
        _VIEWS.clear()
    for cached in (_restructurable, tagged_finite, restructure, _identifiers):
        cached.cache_clear()


@lru_cache(maxsize=64)
def _wanted(model: str, pipes: tuple[str, ...]) -> tuple[str, ...]:
    """The components of ``pipes`` in ``model``'s pipeline order: a start of its ``_PARSE_PIPES``."""
    from pipeline.enrich.nlp import get_nlp

    names = get_nlp(model).pipe_names
    wanted = tuple(p for p in names if p in pipes)
    if tuple(p for p in names if p in _PARSE_PIPES)[: len(wanted)] != wanted:
        raise ValueError(f"spaCy analysis {pipes} is not a start of {_PARSE_PIPES}")
    return wanted


def _analyse(
    texts: list[str],
    model: str,
    pipes: tuple[str, ...] | list[tuple[str, ...]],
    gate: _Gate | None | list[_Gate | None] = None,
) -> list[Doc | None]:
    """Each text analysed by the components ``pipes`` of ``model``, each component once over all texts.

    A text's stored analysis (``_DOCS``) is used as it is or gone on from; the other texts start
    from the tokenizer. spaCy gives a text the same analysis in a batch as alone (tok2vec, tagger
    and parser work per text); what a batch saves is spaCy's fixed cost per call, most of the time
    for a sentence. The attribute ruler's patterns are matched from a table (:class:`TableRuler`:
    the same annotations, without the Matcher's cost per token), and the rule lemmatizer's lemmas
    are kept per word, POS and morphology (:class:`TableLemmatizer`). With ``gate``, a text goes on
    past the tagger only if ``gate`` passes its tagged doc (None in its place otherwise).

    ``pipes`` and ``gate`` may also be lists, one per text (27, h27speed: :func:`run_batched` sends a
    round's taggings, parses and gated parses in one call, since each call of a component costs
    ~3-6 ms whatever its batch); a text asked for more than once is analysed once, as far as the
    furthest request that needs it (a gated one only where its gate passes), and each request gets
    the doc or, where its gate turns the tagging down, None.
    """
    from pipeline.enrich.nlp import get_nlp, table_lemmatizer, table_ruler

    nlp = get_nlp(model)
    n = len(texts)
    each_pipes = list(pipes) if isinstance(pipes, list) else [pipes] * n
    each_gate = list(gate) if isinstance(gate, list) else [gate] * n
    wants = [_wanted(model, p) for p in each_pipes]
    order = _wanted(model, _PARSE_PIPES)  # every request's components are a start of these
    tagged = sum(p in _TAG_PIPES for p in order)  # a gate reads the tagger's output
    unique = list(dict.fromkeys(texts))
    slot = {text: i for i, text in enumerate(unique)}
    starts = [_stored(model, text, order) for text in unique]
    docs = [
        doc if doc is not None else nlp.make_doc(text) for text, (doc, _) in zip(unique, starts, strict=True)
    ]
    level = [had for _, had in starts]
    target = [0] * len(unique)  # how far each text must go: the furthest of its ungated requests first
    for text, wanted, g in zip(texts, wants, each_gate, strict=True):
        i = slot[text]
        target[i] = max(target[i], min(len(wanted), tagged) if g is not None else len(wanted))
    passed = [True] * n
    for k in range(len(order) + 1):
        if k == tagged:
            for r, (text, wanted, g) in enumerate(zip(texts, wants, each_gate, strict=True)):
                if g is not None:
                    i = slot[text]
                    passed[r] = g(_view(model, text, docs[i]))
                    if passed[r]:
                        target[i] = max(target[i], len(wanted))
        if k == len(order):
            break
        todo = [i for i in range(len(unique)) if level[i] == k and target[i] > k]
        if not todo:
            continue
        table: Callable[[Doc], Doc] | None = None
        if order[k] == "attribute_ruler":
            table = table_ruler(nlp)
        elif order[k] == "lemmatizer":
            table = table_lemmatizer(nlp)
        batch = [docs[i] for i in todo]
        if table is not None:
            batch = [table(doc) for doc in batch]
        else:
            component: Any = nlp.get_pipe(order[k])
            batch = list(component.pipe(batch, batch_size=256))
        for i, doc in zip(todo, batch, strict=True):
            docs[i], level[i] = doc, k + 1
    for text, doc, reached, (old, had) in zip(unique, docs, level, starts, strict=True):
        if reached > had or old is None:
            _store(model, text, doc, order[:reached])
    return [docs[slot[text]] if ok else None for text, ok in zip(texts, passed, strict=True)]


class _Job(greenlet):  # type: ignore[misc]
    """One call of :func:`run_batched`, a greenlet that hands its spaCy requests to the round."""

    seconds = 0.0  # its own running time and its share of the rounds' analyses
    resumed = 0.0


def _analysis(text: str, model: str, pipes: tuple[str, ...], gate: _Gate | None = None) -> Doc | None:
    """``text`` analysed by ``pipes`` (see :func:`_analyse`): inside :func:`run_batched` the
    request waits for the round's batch (the job switches back to the loop) unless a stored
    analysis answers it; anywhere else it is analysed at once."""
    job = getcurrent()
    doc: Doc | None
    if isinstance(job, _Job):
        known = _answered(text, model, pipes, gate)
        if known is not None:
            doc = known[0]
        else:
            doc = job.parent.switch((pipes, gate, model, text))
    else:
        doc = _analyse([text], model, pipes, gate)[0]
    return None if doc is None else _view(model, text, doc)


def _answered(text: str, model: str, pipes: tuple[str, ...], gate: _Gate | None) -> tuple[Doc | None] | None:
    """The answer to a request that the stored analyses give without running spaCy: (doc,), or
    (None,) when the gate turns the stored tagging down; None when spaCy must run."""
    with _DOCS_LOCK:
        if (model, text) not in _DOCS:
            return None
    wanted = _wanted(model, pipes)
    doc, n = _stored(model, text, wanted)
    if doc is None:
        return None
    if gate is not None and n >= sum(p in _TAG_PIPES for p in wanted) and not gate(_view(model, text, doc)):
        return (None,)
    return (doc,) if n == len(wanted) else None


def _analysed(text: str, model: str, pipes: tuple[str, ...]) -> Doc:
    doc = _analysis(text, model, pipes)
    if doc is None:  # pragma: no cover - only a gate leaves a text out
        raise RuntimeError(f"spaCy gave no analysis of {text!r}")
    return doc


_T = TypeVar("_T")


def run_batched(calls: Sequence[Callable[[], _T]]) -> list[_T]:
    """``[call() for call in calls]``, with the spaCy analyses of all calls batched.

    Each call runs (as a greenlet, one at a time, in order) until it needs a parse
    (:func:`_parse`) or a tagging (:func:`tagged_finite`) that no cache holds; when every call
    waits or is done, the texts they wait for are analysed together, one batch per kind of
    analysis (:func:`_analyse`), and each call goes on with its own text's analysis (an analysis that fails is
    raised inside the calls that asked for it, as it would have been without batching). The
    results are the same as one call after the other; only spaCy's cost per call is paid once a
    round instead of once a sentence.
    """
    jobs = [_Job(call) for call in calls]
    results: list[Any] = [None] * len(jobs)
    ready: list[tuple[int, tuple[()] | tuple[Doc | None] | BaseException]] = [
        (i, ()) for i in range(len(jobs))
    ]
    while ready:
        # a round's requests by model, each (text, components, gate) once: taggings, parses and gated
        # parses of one model go to spaCy in one call (27, h27speed)
        waiting: dict[str, dict[tuple[str, tuple[str, ...], _Gate | None], list[int]]] = {}
        for i, value in ready:
            job = jobs[i]
            job.resumed = time.perf_counter()
            out = job.throw(value) if isinstance(value, BaseException) else job.switch(*value)
            job.seconds += time.perf_counter() - job.resumed
            if job.dead:
                results[i] = out
                continue
            pipes, gate, model, text = out
            waiting.setdefault(model, {}).setdefault((text, pipes, gate), []).append(i)
        ready = []
        for model, requests in waiting.items():
            start = time.perf_counter()
            answers: list[tuple[()] | tuple[Doc | None] | BaseException]
            try:
                asked = list(requests)
                docs = _analyse(
                    [t for t, _, _ in asked], model, [p for _, p, _ in asked], [g for _, _, g in asked]
                )
                answers = [(doc,) for doc in docs]
            except Exception as exc:  # noqa: BLE001 - raised in each call that asked
                answers = [exc] * len(requests)
            share = (time.perf_counter() - start) / sum(len(w) for w in requests.values())
            for answer, waiters in zip(answers, requests.values(), strict=True):
                for i in waiters:
                    jobs[i].seconds += share
                    ready.append((i, answer))
        ready.sort(key=lambda r: r[0])
    return results


def job_seconds() -> float:
    """A clock for timing one call of :func:`run_batched` from inside it: the seconds the call
    has run so far, with its share of the batched analyses (``time.perf_counter()`` outside)."""
    job = getcurrent()
    if isinstance(job, _Job):
        return float(job.seconds + time.perf_counter() - job.resumed)
    return time.perf_counter()


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
    # the abstract's own definitions only: a sentence that the reviewed short forms written out
    # make too long for a field is said with them as written, so no result is lost to a long form
    defined: Mapping[str, str] | None = None
    _memo: dict[tuple[str, int, bool], list[str]] = field(default_factory=dict)
    _squeezed: dict[tuple[str, int], str] = field(default_factory=dict)  # (text, compress): compressed
    _worded: dict[str, tuple[str, list[WordSwap]]] = field(default_factory=dict)  # text: plain_words'

    def tagger(self, text: str) -> bool:
        return True if self.spacy_model is None else tagged_finite(text, self.spacy_model)

    def words(self, text: str) -> str:
        if text not in self._worded:  # the fields ask again for a text they share
            out, made = plain_words(text, self.glossary, self.keep)
            # each swap with the words beside it here: a field carries it only beside them
            self._worded[text] = out, with_context(made, out)
        out, swaps = self._worded[text]
        self.swaps.extend(s for s in swaps if s not in self.swaps)
        return out

    def lay(
        self,
        sentence: str,
        max_words: int,
        *,
        keep_statistics: bool = False,
        compress: int = 0,
        led: bool = False,
    ) -> list[str]:
        """Short grammatical sentences saying what ``sentence`` says; [] when none can be made.
        ``compress``: claim-free constituents are deleted first, the optional ones while the sentence
        is longer than this many words (pipeline.draft.composer.compress; 0: none). ``led``: a
        sentence may open with an adverbial set off by a comma ("After one week, severe ataxia was
        seen, ..."), whose first word would otherwise read as a fragment's (:func:`led_sentence`)."""
        key = (sentence, max_words + 1000 * compress + (10**6 if led else 0), keep_statistics)
        if key not in self._memo:
            out = self._lay(sentence, max_words, keep_statistics, compress, led=led)
            if not out and self.defined is not None and len(self.defined) < len(self.abbreviations):
                # the reviewed long forms that still fit: the longest left as its short form first
                # ("ARBs reduced blood pressure" where "angiotensin receptor blockers reduced blood
                # pressure" is too long), then the abstract's own definitions only
                reviewed = sorted(
                    (k for k in self.abbreviations if k not in self.defined and _uses(sentence, k)),
                    key=lambda k: (-len(self.abbreviations[k]), k),
                )
                for n in range(1, len(reviewed)):
                    out = self._lay(
                        sentence, max_words, keep_statistics, compress, led=led, dropped=tuple(reviewed[:n])
                    )
                    if out:
                        break
                else:
                    out = self._lay(sentence, max_words, keep_statistics, compress, own=True, led=led)
            self._memo[key] = out
        return list(self._memo[key])

    def _prepared(
        self, sentence: str, keep_statistics: bool, own: bool = False, dropped: tuple[str, ...] = ()
    ) -> str | None:
        """The sentence in lay wording, before splitting (once per sentence, whatever the length);
        ``own``: with the abstract's own abbreviation definitions only; ``dropped``: without these
        reviewed long forms."""
        key = (sentence, -2 if own else -1, keep_statistics)
        if dropped:
            key = ("\x00".join((sentence, *dropped)), -3, keep_statistics)
        if key not in self._memo:
            abbreviations = self.defined if own and self.defined is not None else self.abbreviations
            if dropped:
                abbreviations = {k: v for k, v in abbreviations.items() if k not in dropped}
            text = lay_text(sentence, abbreviations, keep_statistics=keep_statistics)
            if not keep_statistics and rw.has_statistics(text):
                self._memo[key] = []
            else:
                self._memo[key] = [rw.ensure_period(rw.capitalize_first(self.words(text)))]
        return self._memo[key][0] if self._memo[key] else None

    def _lay(
        self,
        sentence: str,
        max_words: int,
        keep_statistics: bool,
        compress: int = 0,
        own: bool = False,
        led: bool = False,
        dropped: tuple[str, ...] = (),
    ) -> list[str]:
        text = self._prepared(sentence, keep_statistics, own, dropped)
        if text is None:
            return []
        if compress and self.spacy_model:
            # each field asks with its own length limits, the compression is the same for all
            if (text, compress) not in self._squeezed:
                from pipeline.draft.composer.compress import compress as squeeze

                self._squeezed[(text, compress)] = squeeze(text, self.spacy_model, compress, self.tagger).text
            text = self._squeezed[(text, compress)]
        # coordinated clauses are split only when the sentence is too long for the field: a key
        # finding keeps its first piece, and "A rose and B fell" is one finding
        parts = (
            restructure(text, self.spacy_model, split_above=max(SPLIT_AT, max_words))
            if self.spacy_model
            else (text,)
        )
        out: list[str] = []
        pieces = [p for part in parts for p in split_clauses(part, max_words, self.tagger)]
        for n, piece in enumerate(pieces):
            piece = rw.ensure_period(rw.capitalize_first(rw.tidy(piece)))
            if rw.word_count(piece) > max_words or not (
                is_sentence(piece, self.tagger) or (led and led_sentence(piece, self.tagger))
            ):
                # a later piece may lean on this one ("This ...", "But ..."): stop here; but never
                # keep a result without the piece that negates or hedges it ("The every-other-week
                # group also showed an improvement, which was not significant compared with placebo",
                # CD008185, blind read seed 109, was said "... showed an improvement.")
                if drops_qualifier(out, pieces[n:]):
                    return []
                break
            out.append(piece)
        return out


# what takes a result back or hedges it: a negation ("which was not significant") or a hedge word
_QUALIFIES = re.compile(
    r"\b(?:not|no|never|cannot|without|n't|non-?significant|insignificant|may|might|could|possibly|"
    r"probably|unclear|uncertain)\b",
    re.I,
)


def drops_qualifier(kept: list[str], rest: list[str]) -> bool:
    """Whether saying ``kept`` without ``rest`` (the later pieces of one source sentence) drops
    what negates or hedges it: "... also showed an improvement." without "This improvement was not
    significant compared with placebo." (CD008185)."""
    return (
        bool(kept) and any(_QUALIFIES.search(x) for x in rest) and not any(_QUALIFIES.search(x) for x in kept)
    )


def _uses(sentence: str, short: str) -> bool:
    """``sentence`` has the short form ``short`` (a plural "s" allowed)."""
    return re.search(rf"(?<![\w-]){re.escape(short)}s?(?![\w-])", sentence) is not None


# ---------------------------------------------------------------------------
# Restructuring on a dependency parse (one operation at a time, gen-light)
# ---------------------------------------------------------------------------

# Padding that carries no claim, dropped at the start of a sentence. "It has been suggested that"
# is NOT padding: it is the hedge.
_PADDING = re.compile(
    r"^(?:it is (?:well[- ])?(?:known|established|recognised|recognized|accepted|documented) that|"
    r"it is (?:widely|generally) (?:known|accepted|believed) that|"
    r"in (?:this|the current|the present) (?:study|work|paper|article|analysis|report|trial)|"
    r"in this (?:retrospective|prospective|cross-sectional|cohort|observational|qualitative|pilot) study|"
    r"to this end|for this purpose|with this aim|in doing so|as expected|of note|in particular|"
    r"in the end|at the same time)\b,?\s+",
    re.I,
)
# Only these operations need the parse; a sentence with none of their cues is never parsed.
_OBSERVED_CUE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:observed|found|seen|detected|noted|identified|recorded)\s+(?:\w+\s+)?in\b"
)
# Splitting operations need a sentence longer than SPLIT_AT words and one of these cues: a
# comma-marked "which/who" clause, or an apposition early in the sentence.
_SPLIT_CUE = re.compile(r",\s+(?:which|who)\s|^[^,]{1,60},\s+(?:a|an|the|one)\s")
_COORDINATION_CUE = re.compile(r"\b(?:and|but)\b")
# Two coordinated main clauses are made two sentences above this many words (the aim is 12-15).
SPLIT_AT = 15
_OBSERVED = frozenset({"observe", "find", "see", "detect", "note", "identify", "record"})
_NONRESTRICTIVE = frozenset({"which", "who"})
# Verbs whose "which" is usually the whole clause before it ("..., which suggests that ...").
_CLAUSE_VERBS = frozenset(
    "suggest indicate provide mean imply show lead result cause allow make help support highlight "
    "explain reflect underline confirm demonstrate reveal enable".split()
)


def _span_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _clean(text: str) -> str:
    return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))


def _np_words(head: Token) -> list[Token]:
    """The head noun with the plain words right before it ("conserved domains"); a hyphenated or
    long modifier is left out ("an imaging-based screen" -> "screen", never "based screen")."""
    out = [head]
    for tok in reversed(list(head.doc[max(0, head.i - 2) : head.i])):
        if tok.dep_ not in ("compound", "amod") or tok.head != head or not tok.is_alpha:
            break
        if tok.i > 0 and head.doc[tok.i - 1].text in ("-", "/"):
            break
        out.insert(0, tok)
    return out


def _referent(head: Token) -> str | None:
    """ "This domain"/"These domains" for a relative clause's noun, None when it is not a plain noun."""
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    words = _span_text(_np_words(head))
    if head.pos_ == "PROPN" or head.tag_ in ("NNP", "NNPS"):
        return words
    return ("These " if head.tag_ == "NNS" else "This ") + _lower_plain(words)


def _lower_plain(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.isalpha() and first[:1].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _split_relative(doc: Doc) -> list[str] | None:
    """ "X has Y, which include Z." -> "X has Y. These Y include Z." (a comma-marked relative clause)."""
    for tok in doc:
        if tok.dep_ != "relcl":
            continue
        sub = list(tok.subtree)
        rel = sub[0]
        if rel.lower_ not in _NONRESTRICTIVE or rel.i == 0 or doc[rel.i - 1].text != ",":
            continue
        end = sub[-1].i + 1
        if end < len(doc) and doc[end].text not in (",", ".", ";"):
            continue
        if tok.lemma_ in _CLAUSE_VERBS:
            continue  # "..., which may provide evidence that": "which" is the whole clause, not a noun
        if tok.head.dep_ == "pobj" and tok.head.head.head.pos_ in ("VERB", "AUX"):
            continue  # "... during the reproductive cycle, which": a noun of an adverbial phrase
        if tok.head.head.tag_ == "VBG":
            continue  # "reducing X strength, which hinders Y": "which" may be the reducing, not X
        subject = _referent(tok.head)
        if subject is None or not _agrees(tok, tok.head):
            continue
        nearest = doc[rel.i - 2]
        if nearest != tok.head and not (tok.tag_ in ("VBZ", "VBP") and not _agrees(tok, nearest)):
            continue  # "X of Y, which ...": only when the verb's number rules Y out
        if rel.dep_ not in ("nsubj", "nsubjpass"):
            continue
        rest = _span_text(sub[1:])
        after = end + 1 if end < len(doc) and doc[end].text == "," else end  # the clause's closing comma
        main = _span_text(list(doc[: rel.i - 1])) + " " + _span_text(list(doc[after:]))
        second = f"{subject} {rest}"
        return [_clean(main), _clean(second)]
    return None


def _agrees(verb: Token, noun: Token) -> bool:
    """The relative clause's verb can take ``noun`` as subject ("domains ..., which include")."""
    plural = noun.tag_ in ("NNS", "NNPS")
    first = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    if first.tag_ == "VBZ" or first.lower_ == "was":
        return not plural
    if first.tag_ == "VBP" or first.lower_ == "were":
        return plural
    return True


def _split_apposition(doc: Doc) -> list[str] | None:
    """ "CYP11A1, a gene of the P450 family, encodes ..." -> "CYP11A1 is a gene of the P450 family.
    CYP11A1 encodes ..." (an apposition between commas, after a subject)."""
    for tok in doc:
        if tok.dep_ != "appos" or tok.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        sub = list(tok.subtree)
        start, end = sub[0].i, sub[-1].i + 1
        if start == 0 or doc[start - 1].text != "," or end >= len(doc) or doc[end].text != ",":
            continue
        if sub[0].lower_ not in ("a", "an", "the", "one"):
            continue
        head = tok.head
        subj = list(doc[head.left_edge.i : head.i + 1])
        if any(t.i >= start for t in subj) or not subj:
            continue
        verb = "are" if head.tag_ in ("NNS", "NNPS") else "is"
        first = f"{_span_text(subj)} {verb} {_span_text(sub)}"
        main = _span_text(list(doc[: start - 1])) + " " + _span_text(list(doc[end + 1 :]))
        return [_clean(first), _clean(main)]
    return None


def _noun_plural(word: str) -> bool:
    from lemminflect import getAllLemmas

    nouns = getAllLemmas(word).get("NOUN", ())
    return bool(nouns) and word not in nouns


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("was found", "can intercept")."""
    finite = ("VBD", "VBZ", "VBP", "MD")
    return verb.tag_ in finite or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in verb.children
    )


def _split_coordination(doc: Doc) -> list[str] | None:
    """Two main clauses joined by "and"/"but", each with its own subject, become two sentences."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
            continue
        if not (_finite(root) and _finite(conj)):
            continue
        if any(
            (c.dep_ == "conj" and c.i < conj.i) or (c.dep_ in ("ccomp", "parataxis") and c.i < root.i)
            for c in root.children
        ):
            continue  # "A was 42, B were 60%, and C was D": cutting before "and" leaves a comma splice
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None or subject.left_edge != conj.left_edge or subject.i > conj.i:
            continue  # the second clause starts with its subject ("and how X will help" is no clause)
        if conj.tag_ in ("VBZ", "VBP") and _noun_plural(conj.lower_) and subject.pos_ != "PRON":
            continue  # "and engineered yeast strains incapable of ...": "strains" tagged as a verb
        cc = doc[conj.left_edge.i - 1] if conj.left_edge.i > root.i + 1 else None
        if cc is None or cc.dep_ != "cc" or cc.lower_ not in ("and", "but"):
            continue
        if list(conj.subtree)[-1].i < len(doc) - 2:
            continue  # the second clause must run to the end
        left = _span_text(list(doc[: cc.i]))
        right = _span_text(list(doc[cc.i + 1 :]))
        if cc.lower_ == "but":
            right = "But " + _lower_plain(right)
        return [_clean(left), _clean(right)]
    return None


def _observed_in(doc: Doc) -> list[str] | None:
    """ "Higher expression was observed in ovary tissues during brooding." -> "Ovary tissues had
    higher expression during brooding." (past passive of observe/find/detect with "in" a place)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _OBSERVED or root.tag_ != "VBN":
        return None
    kids = list(root.children)
    subj = [c for c in kids if c.dep_ == "nsubjpass"]
    aux = [c for c in kids if c.dep_ == "auxpass"]
    if len(subj) != 1 or len(aux) != 1 or aux[0].lower_ not in ("was", "were"):
        return None
    if any(c.dep_ in ("aux", "neg", "agent", "advcl", "ccomp", "conj", "mark") for c in kids):
        return None
    place = [c for c in kids if c.dep_ == "prep" and c.lower_ == "in" and c.i > root.i]
    if len(place) != 1 or not any(c.dep_ == "pobj" for c in place[0].children):
        return None
    s = subj[0]
    if s.pos_ == "PRON" or s.left_edge.i != 0 or s.right_edge.i + 1 != aux[0].i or aux[0].i + 1 != root.i:
        return None  # only "SUBJECT was observed in ...", nothing in between
    obj = _span_text(list(place[0].subtree)[1:])
    if place[0].i != root.i + 1 or len(obj.split()) > 8:
        return None
    after = _span_text(list(doc[place[0].right_edge.i + 1 :]))
    subject_words = _lower_plain(_span_text(list(s.subtree)))
    return [_clean(f"{obj} had {subject_words} {after}")]


_OPERATIONS: tuple[Callable[[Doc], list[str] | None], ...] = (
    _split_apposition,
    _split_relative,
    _observed_in,
    _split_coordination,
)


_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def _parse(text: str, model: str) -> Doc:
    """The dependency parse of one sentence (each field asks for its own length limits: parse once,
    from the stored analyses). Inside :func:`run_batched` the parse waits for the round's batch."""
    return _analysed(text, model, _PARSE_PIPES)


_APPOSITION_START = frozenset({"a", "an", "the", "one"})
_AND_BUT = frozenset({"and", "but"})


def _may_restructure(doc: Doc) -> bool:
    """On the tagger's output, whether one of the parse operations could apply: for each, a
    condition it checks itself (so a sentence that fails them all is never parsed).

    An apposition opens with "a/an/the/one" after a comma and has a comma after it; a
    "which/who" clause follows a comma; "was/were X-ed in"; two coordinated clauses have an
    "and/but" and two finite verbs or auxiliaries (the attribute ruler changes the tags of
    whitespace tokens only, to "_SP", never to a verb's).
    """
    words = [t.lower_ for t in doc]
    commas = [i for i, t in enumerate(doc) if t.text == ","]
    for i in commas:
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in _NONRESTRICTIVE or (after in _APPOSITION_START and commas[-1] > i + 1):
            return True
    tags = [t.tag_ for t in doc]
    for i in range(1, len(doc) - 1):
        if tags[i] == "VBN" and words[i - 1] in ("was", "were") and words[i + 1] == "in":
            return True
    return bool(_AND_BUT.intersection(words)) and sum(tag in _FINITE_TAGS for tag in tags) >= 2


@lru_cache(maxsize=1024)
def _restructurable(text: str, model: str) -> Doc | None:
    """The parse of ``text`` when the tagger says a parse operation could apply, else None."""
    return _analysis(text, model, _PARSE_PIPES, _may_restructure)


def parsed_if(text: str, model: str, gate: _Gate) -> Doc | None:
    """27 (h27speed): the parse of ``text`` (as :func:`_parse`) when ``gate`` passes its tagging, else
    None: the parser, the attribute ruler and the lemmatizer run only for a text a rule may read (as
    restructure's ``_may_restructure``). ``gate`` reads tags only, and a tag the tagger gives is the
    parse's own (the attribute ruler re-tags whitespace tokens only, to "_SP"); a module-level function,
    so that the requests of one round with the same gate are analysed together."""
    return _analysis(text, model, _PARSE_PIPES, gate)


def has_finite_tag(doc: Doc) -> bool:
    """A gate for :func:`parsed_if`: a token tagged VBD, VBZ, VBP or MD (a finite verb or a modal)."""
    return any(t.tag_ in _FINITE_TAGS for t in doc)


def two_finite_tags(doc: Doc) -> bool:
    """A gate for :func:`parsed_if`: two tokens tagged VBD, VBZ, VBP or MD (two finite verbs)."""
    return sum(t.tag_ in _FINITE_TAGS for t in doc) >= 2


@lru_cache(maxsize=4096)
def restructure(sentence: str, model: str, depth: int = 3, split_above: int = SPLIT_AT) -> tuple[str, ...]:
    """``sentence`` as one or more sentences, one parse operation at a time: an apposition after
    the subject becomes "X is a Y.", a comma-marked "which/who" clause its own sentence with its
    noun repeated, "X was observed in Y" becomes "Y had X", and two main clauses joined by
    "and"/"but" two sentences. Each result is parsed again; an operation whose pieces do not all
    read as sentences is not made."""
    words = rw.word_count(sentence)
    long = words > split_above
    cue = (
        _OBSERVED_CUE.search(sentence)
        or (words > SPLIT_AT and _SPLIT_CUE.search(sentence))
        or (long and _COORDINATION_CUE.search(sentence))
    )
    if depth == 0 or not cue:
        return (sentence,)
    doc = _restructurable(sentence, model)
    if doc is None:
        return (sentence,)
    for operation in _OPERATIONS:
        if operation is _split_coordination and not long:
            continue
        pieces = operation(doc)
        if not pieces or any(not is_sentence(p) or rw.word_count(p) < 4 for p in pieces):
            continue
        return tuple(p for piece in pieces for p in restructure(piece, model, depth - 1, split_above))
    return (sentence,)


def drop_padding(text: str) -> str:
    """ "It is well known that X" -> "X"; "In this study, X" -> "X" (nothing that holds a claim)."""
    out = _PADDING.sub("", text.strip())
    return rw.capitalize_first(out) if out != text.strip() else text
