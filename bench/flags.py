"""Flag benchmark with ground truth: known errors injected into real summaries, each flag's
recall on them and its false-alarm rate on the unmodified texts, and the gate's pass rate.

Texts: the cochrane_val human plain-language summaries (scored as the research summary of a
draft of their abstract) and the drafts of the default backend for the same abstracts (each
field scored as itself). For every text and every kind of error, a seeded RNG picks one place
where the error can be made and makes it; a text where it cannot be made (no number, no hedge,
no population word, not a single-study review) is left out of that row. An injected error is
caught when the flag meant for it has more warnings or errors on the changed text than on the
clean one; a false alarm is a clean human summary with at least one warning or error of the flag.

The gate (pipeline.score.gates) is measured the same way: its pass rate on the clean human
summaries (each scored as a research summary) and on the whole drafts (all fields), with how
many fail a grade limit and how many have an error flag; and, per kind of error, how often it
fails a changed text whose clean version passed.

Each injection makes only errors that the abstract can show: a number the abstract gives for the
same quantity (the same words beside it, or in the abstract sentence the text restates) is
changed, a count of studies or people that the abstract gives is changed, a negation or direction is flipped in a sentence the abstract states (its best abstract
sentence covers at least half of it), a qualifier is dropped from a sentence restating a hedged
abstract sentence, a population the abstract names is swapped for one it does not name, and
pooling is claimed only for a review the abstract says included one study.

The thresholds of the flags were set on the "mine" half of cochrane_val (lab.datasets.cochrane_half);
the figures to report are those of the "eval" half, the default.

Run: .venv/bin/python bench/flags.py [--half eval|mine|all] [--part A|B] [--limit N] [--seed 16] [--no-drafts]
     [--drafts STORED.jsonl] [--misses MISSES.json]
     .venv/bin/python bench/flags.py --dataset ../shared/data/elife_dev/pairs.jsonl [--drafts ...]
         (clean human summaries of another dataset: false alarms on new ground, reported apart)
     .venv/bin/python bench/flags.py --abstracts ../shared/data/bmc_sample/abstracts.jsonl
         [--drafts STORED.jsonl] [--alarms ALARMS.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PAIRS = REPO.parent / "shared" / "data" / "cochrane_val" / "pairs.jsonl"

from pipeline.domain import Article, DraftFields  # noqa: E402
from pipeline.lab.datasets import Pair, cochrane_half, load_pairs, pair_to_article  # noqa: E402
from pipeline.score.base import ScoreRow, score_draft, severity_of  # noqa: E402
from pipeline.score.builtin_gates import error_gate, grade_gate, grade_limits  # noqa: E402
from pipeline.score.claims import count_mentions, single_study_review  # noqa: E402
from pipeline.score.faithfulness import (  # noqa: E402
    ALIGNED_THRESHOLD,
    align_sentences,
    is_hedged,
    keeps_a_hedge,
    null_intervals,
)
from pipeline.score.gates import evaluate_gates, gate_of_rows  # noqa: E402
from pipeline.score.numbers import (  # noqa: E402
    NumberMention,
    best_support,
    find_numbers,
    is_year,
    source_numbers,
    states_same_quantity,
    value_match,
)
from pipeline.score.readability import sentence_spans  # noqa: E402
from pipeline.settings import Settings, load_settings  # noqa: E402

HUMAN_FIELD = "research_summary"


def eval_part(pair_id: str) -> str:
    """The fixed part of a pair ("A" or "B") by a stable hash of its id: "A" when the last byte of
    sha1(id) is even, else "B" (round 28, issue 16 item 1). The eval half's own false alarms are
    read on part A only, so that part B stays a held-out figure for rules cut on part A."""
    return "A" if hashlib.sha1(pair_id.encode("utf-8")).digest()[-1] % 2 == 0 else "B"


SERIOUS = ("error", "warning")

Injector = Callable[[str, Article, "Context", random.Random], str | None]


@dataclass
class Context:
    """What an injector may need besides the text: the other abstracts of the set."""

    abstracts: list[str]
    index: int


# ---------------------------------------------------------------------------------------------
# Injections: each returns the changed text, or None when the error cannot be made in this text


def _replace_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def supported_spans(text: str, article: Article, hedged: bool = False) -> list[tuple[int, int]]:
    """Sentences of ``text`` that state a claim of the abstract: their best abstract sentence
    covers at least half of their content (ALIGNED_THRESHOLD); with ``hedged``, only those whose
    abstract sentence carries a hedge. An error made elsewhere contradicts nothing the abstract
    says, so no check against the abstract can see it."""
    return [
        (a.draft_start, a.draft_end)
        for a in align_sentences(text, article)
        if a.source is not None and a.score >= ALIGNED_THRESHOLD and (not hedged or is_hedged(a.source.text))
    ]


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


def _fresh_number(value: float, source_values: set[float], rng: random.Random) -> int:
    """An integer near ``value`` that the source does not contain."""
    base = max(int(value), 1)
    for _ in range(50):
        factor = rng.choice([0.5, 0.7, 1.3, 1.5, 2.0, 3.0])
        new = max(2, int(round(base * factor)))
        if new == base:
            new = base + rng.randint(2, 9)
        if float(new) not in source_values:
            return new
    return base * 10 + 7


def inject_number(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A number the abstract states for the same quantity changed to one it does not support: an
    abstract number of the same value stands beside the same words or in the abstract sentence
    the text's sentence restates (states_same_quantity). Changing a number the abstract does not
    give for this quantity ("two" in "No two programmes had the same parts" where the abstract
    has "two trials") leaves nothing to check it against; a new value that rounds to an abstract
    number, 12 for 12.5, is not an error either. Only the digits or the number word change: "three
    days" becomes "4 days", not "4"."""
    sources = source_numbers(article)
    mentions = [
        m
        for m in find_numbers(text)
        if m.value >= 2
        and not is_year(m)
        and any(value_match(m, s.mention) and states_same_quantity(text, m, article, s) for s in sources)
    ]
    if not mentions:
        return None
    m = rng.choice(mentions)
    source_values = {s.mention.value for s in sources}
    width = _number_width(m)
    for _ in range(20):
        new = _fresh_number(m.value, source_values, rng)
        changed = _replace_at(text, m.start, m.start + width, str(new))
        mention = next((n for n in find_numbers(changed) if n.start == m.start), None)
        if mention is not None and best_support(mention, sources) is None:
            return changed
    return None


def _number_width(m: NumberMention) -> int:
    """Characters of the number itself in ``m.text``, its unit left out ("three days" -> 5)."""
    digits = re.match(r"[\d.,]+(?:\s\d{3})*", m.text)
    if digits:
        return len(digits.group(0).rstrip(" ,."))
    for end in range(len(m.text), 0, -1):  # the longest prefix that reads as the same number
        head = m.text[:end]
        if not head[-1].isalpha() or (end < len(m.text) and m.text[end].isalpha()):
            continue
        found = find_numbers(head)
        if found and found[0].start == 0 and found[0].value == m.value and found[0].unit is None:
            return end
    return len(m.text)


_DIRECTION = [
    ("increased", "decreased"),
    ("increases", "decreases"),
    ("increase", "decrease"),
    ("reduced", "increased"),
    ("reduces", "increases"),
    ("reduce", "increase"),
    ("reduction", "increase"),
    ("higher", "lower"),
    ("improved", "worsened"),
    ("improve", "worsen"),
    ("better", "worse"),
    ("benefit", "harm"),
]
_NEGATION_EDITS = [
    (r"\b(did|does|do|was|were|is|are|could|can|may|might|will|would|should|has|have|had) not\b", r"\1"),
    (r"\b(did|does|do|was|were|is|are|could|can|has|have|had)n['’]t\b", r"\1"),
    (r"\bno (?=(?:clear |significant |important |real )?(?:difference|effect|evidence|benefit|change))", ""),
    (r"\b(showed|found|made|had) (?=(?:a |an )?(?:little|small|large|clear|significant|important|difference|effect|benefit))", r"\1 no "),
    (r"\b(is|was|were|are) (?=(?:probably |likely )?(?:effective|safe|beneficial|associated|linked|better|similar|useful|helpful|more|less))", r"\1 not "),
]  # fmt: skip


def inject_negation(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A direction of effect swapped, or a "no"/"not" added or removed, in a sentence that
    states a claim of the abstract."""
    spans = supported_spans(text, article)
    options: list[tuple[int, int, str]] = []
    for a, b in _DIRECTION:
        for old, new in ((a, b), (b, a)):
            for m in re.finditer(rf"\b{old}\b", text, re.I):
                repl = new.capitalize() if m.group(0)[0].isupper() else new
                options.append((m.start(), m.end(), repl))
    for pattern, repl in _NEGATION_EDITS:
        for m in re.finditer(pattern, text, re.I):
            options.append((m.start(), m.end(), m.expand(repl)))
    options = [o for o in options if _inside(spans, o[0])]
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_at(text, start, end, new)


def _third_person(verb: str) -> str:
    """ "reduce" -> "reduces", "have" -> "has", "carry" -> "carries" (a regular verb's -s form)."""
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if verb in irregular:
        return irregular[verb]
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _appear_to(m: re.Match[str]) -> str:
    """ "appears to reduce" -> "reduces", "appear to be" -> "are": the verb takes the number that
    "appear(s)" showed."""
    singular, verb = m.group(2) is not None, m.group(3)
    if verb.lower() == "be":
        return "is " if singular else "are "
    return (_third_person(verb) if singular else verb) + " "


def _not_appear_to(m: re.Match[str]) -> str:
    """ "does not appear to be" -> "is not", "did not seem to change" -> "did not change"."""
    aux, neg, be = m.group(1), m.group(2), m.group(3)
    if be:
        word = {"do": "are", "does": "is", "did": "was"}[aux.lower()]
        return _same_case(aux, word) + (" not " if neg.strip() == "not" else "n't ")
    return aux + neg + " "


def _same_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


# Each qualifier with the words a writer who dropped it would write in its place, so that the
# sentence stays fluent: "may reduce" -> "will reduce" (the over-certain wording human summaries do
# use: "will result" for "is likely to result", CD004417.pub5), "appears to be safe" -> "is
# safe", "suggests that" -> "shows that", "low-certainty evidence" -> "high-certainty evidence".
# Cutting the words out made "Catgut increase short-term pain", "Both treatments be safe", "There
# little or no effect", "The results if 36% of women ..." and "carried out in 2012" (the month
# May read as the verb).
_QUALIFIERS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(?<!\bor )\b(?:may|might|May(?! \d)|Might)(?= (?:not )?[a-z])(?! or (?:may|might)\b)"), lambda m: _same_case(m.group(0), "will")),
    (re.compile(r"\b(?:is|are|be)\s+(?:(?:very|quite|more|less|most|least|equally|as|not)\s+)?likely\s+to\b", re.I), lambda m: "will"
     if re.match(r"\S+\s+likely", m.group(0)) else m.group(0)),
    (re.compile(r"\b(?:probably|possibly),?\s+", re.I), lambda m: ""),
    (re.compile(r"\b(do|does|did)( not|n['’]t) (?:appear|seem) to (be )?", re.I), _not_appear_to),
    (re.compile(r"\b((?:appear|seem)(s)?) to (\w+) ", re.I), _appear_to),
    (re.compile(r"\b(?:(?:very\s+)?(?:low|moderate)-?\s+(?:to|or|and)\s+)*(?:very\s+)?(?:low|moderate)(?=[- ](?:certainty|quality)\b)", re.I),
     lambda m: _same_case(m.group(0), "high")),
    (re.compile(r"\b(?:only\s+|but\s+)?limited\s+(?=(?:evidence|data|information|research)\b)", re.I), lambda m: ""),
    (re.compile(r"\b(suggest)(s|ed|ing)?\b(?! to\b)", re.I),
     lambda m: _same_case(m.group(0), "show" + {"s": "s", "ed": "ed", "ing": "ing"}.get((m.group(2) or "").lower(), ""))),
]  # fmt: skip


def drop_qualifiers(sentence: str) -> str:
    """The sentence with every qualifier of ``_QUALIFIERS`` replaced by its certain wording."""
    for pattern, repl in _QUALIFIERS:
        sentence = pattern.sub(repl, sentence)
    return sentence[:1].upper() + sentence[1:]


def inject_qualifier(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """The hedges of a sentence that restates a hedged sentence of the abstract replaced by certain
    wording ("may reduce" -> "will reduce", "low-certainty evidence" -> "high-certainty evidence"),
    so that it states the claim as certain: every qualifier of the sentence goes, and a sentence
    that still carries a hedge the list cannot remove ("Evidence was unclear") is not used.
    Removing one of two hedges leaves the claim hedged: no error to find."""
    spans = supported_spans(text, article, hedged=True)
    rng.shuffle(spans)
    for s, e in spans:
        sentence = drop_qualifiers(text[s:e])
        if sentence == text[s:e] or keeps_a_hedge(sentence):
            continue
        return text[:s] + sentence + text[e:]
    return None


# Round 18: a finding of no clear effect ("did not reduce", "made little or no difference to",
# "had no effect on") said as an effect, in a sentence that restates an abstract sentence whose
# every 95 % interval includes no effect ("RR 0.90, 95% CI 0.70 to 1.20"). The verb takes the tense
# and person of the auxiliary it loses; a verb that names no direction ("change", "affect") becomes
# one that does. A hedge of the sentence stays ("may make little or no difference to" -> "may
# reduce"): the error is the effect, not the certainty.
_PLAIN_FORMS = {
    "reduce": ("reduces", "reduced"),
    "increase": ("increases", "increased"),
    "improve": ("improves", "improved"),
    "lower": ("lowers", "lowered"),
    "decrease": ("decreases", "decreased"),
    "raise": ("raises", "raised"),
    "worsen": ("worsens", "worsened"),
}
_NO_DIRECTION = ("reduce", "increase")  # "improved the deaths" is no English
_NULL_EDITS = [
    re.compile(r"\b(?P<aux>did|does|do)(?:\s+not|n['’]t)\s+(?:(?:clearly|significantly|really)\s+)?"
               r"(?P<verb>reduce|increase|improve|lower|decrease|raise|worsen|change|alter|affect)\b", re.I),
    re.compile(r"\b(?P<aux>made|make|makes)\s+(?:(?:little|very\s+little)\s+or\s+)?no\s+(?:(?:clear|real|important|"
               r"significant|meaningful)\s+)?difference\s+(?:to|in|on)\b", re.I),
    re.compile(r"\b(?P<aux>had|has|have)\s+(?:(?:little|very\s+little)\s+or\s+)?no\s+(?:(?:clear|real|important|"
               r"significant|meaningful)\s+)?effect\s+(?:on|in)\b", re.I),
    re.compile(r"\b(?:(?:little|very\s+little)\s+or\s+)?no\s+(?:evidence\s+of\s+(?:an?\s+)?|(?:statistically\s+)?(?:clear|real|"
               r"important|significant|meaningful)\s+|statistically\s+significant\s+)?difference(?=\s+in\b)", re.I),
    re.compile(r"\bno\s+(?:clear\s+)?evidence\s+of\s+(?=an?\s+(?:increase|reduction|decrease|improvement|benefit)\b)", re.I),
    re.compile(r"\b(?P<be>was|were|is|are)\s+(?:very\s+|broadly\s+)?similar\b(?!\s+(?:to|between|across|among|in\s+both|for\s+both|with\s+and)\b)", re.I),
]  # fmt: skip


def _claimed_effect(m: re.Match[str], rng: random.Random) -> str:
    """ "did not reduce" -> "reduced", "makes no difference to" -> "reduces", "have no effect on"
    -> "improve": the direction verb in the form the auxiliary had."""
    found = m.groupdict()
    if "be" in found:  # "were similar" -> "were lower"
        return f"{m.group('be')} {rng.choice(('lower', 'higher'))}"
    if (
        "aux" not in found
    ):  # "no difference in" -> "a reduction in"; "no evidence of an increase" -> "an increase"
        return "" if m.group(0).lower().endswith(" of ") else rng.choice(("a reduction", "an increase"))
    verb = (found.get("verb") or "").lower()
    if verb not in _PLAIN_FORMS:
        verb = rng.choice(_NO_DIRECTION)
    aux = m.group("aux").lower()
    third, past = _PLAIN_FORMS[verb]
    form = past if aux in ("did", "made", "had") else third if aux in ("does", "makes", "has") else verb
    return _same_case(m.group(0), form)


def inject_null_effect(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """An effect claimed where the abstract's 95 % interval includes no effect: "did not reduce
    pain" -> "reduced pain" in a sentence restating an abstract sentence whose results all have an
    interval across the null (faithfulness.null_intervals)."""
    options: list[tuple[int, int, str]] = []
    for a in align_sentences(text, article):
        if a.source is None or a.score < ALIGNED_THRESHOLD or null_intervals(a.source.text) is None:
            continue
        sentence = text[a.draft_start : a.draft_end]
        for pattern in _NULL_EDITS:
            for m in pattern.finditer(sentence):
                options.append((a.draft_start + m.start(), a.draft_start + m.end(), _claimed_effect(m, rng)))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_at(text, start, end, new)


_POPULATION = [
    ("children", "adults"),
    ("child", "adult"),
    ("infants", "adults"),
    ("babies", "adults"),
    ("women", "men"),
    ("woman", "man"),
    ("girls", "boys"),
    ("mothers", "fathers"),
    ("pregnant women", "older men"),
    ("older people", "young people"),
    ("elderly", "young"),
    ("adolescents", "older adults"),
]


def inject_population(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A group of people the abstract names swapped for one it does not name ("children" for
    "adults"; "men" for "women" is no error in a review of men and women)."""
    abstract = " ".join(s.text for s in article.sections)
    options: list[tuple[int, int, str]] = []
    for a, b in _POPULATION:
        for old, new in ((a, b), (b, a)):
            if re.search(rf"\b{new}\b", abstract, re.I) or not re.search(rf"\b{old}\b", abstract, re.I):
                continue  # the abstract names the new group too, or not the one swapped out
            for m in re.finditer(rf"\b{old}\b", text, re.I):
                repl = new.capitalize() if m.group(0)[0].isupper() else new
                options.append((m.start(), m.end(), repl))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_at(text, start, end, new)


def inject_count(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A count of studies or participants that the abstract gives changed: to another number of
    the abstract when it has one (the hard case: the number exists, it counts something else),
    else a new one. A count the abstract does not give ("Six of these trials were done in the
    USA", from the full review) is left alone: changing it is no error the abstract can show."""
    abstract_counts = {(kind, m.value) for sec in article.sections for m, kind in count_mentions(sec.text)}
    options = [
        (m.start, m.start + _number_width(m), m.value)
        for m, kind in count_mentions(text)
        if (kind, m.value) in abstract_counts
    ]
    if not options:
        return None
    start, end, old_value = rng.choice(options)
    others = sorted(
        {int(s.mention.value) for s in source_numbers(article) if s.mention.value >= 2}
        - {int(old_value)}
        - {int(n.value) for n in find_numbers(text)}
    )
    # a year of the abstract is no count a writer would put there ("The review found 1997 studies"):
    # no flag of counts reads a year as one, so it measured nothing
    others = [v for v in others if float(v) == int(v) and not 1900 <= v <= 2099]
    new = rng.choice(others) if others else _fresh_number(old_value, set(), rng)
    return _replace_at(text, start, end, str(new))


def inject_meta_analysis(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A pooled analysis claimed for a review that included one study (by the abstract: "we
    included one study", and no several studies or pooling named)."""
    if not single_study_review(article):
        return None
    claim = rng.choice(
        [
            "A meta-analysis pooled the results of the included studies.",
            "The review authors pooled the results of several trials in a meta-analysis.",
            "Pooled data from the trials showed the same result.",
        ]
    )
    spans = sentence_spans(text)
    at = rng.choice([s for _, s in spans] or [len(text)])
    return (text[:at].rstrip() + " " + claim + " " + text[at:].lstrip()).strip()


def inject_foreign_sentence(text: str, article: Article, ctx: Context, rng: random.Random) -> str | None:
    """A sentence of another abstract of the set inserted between two sentences."""
    while True:
        j = rng.randrange(len(ctx.abstracts))
        if j != ctx.index:
            break
    other = ctx.abstracts[j]
    candidates = [other[s:e] for s, e in sentence_spans(other) if len(other[s:e].split()) >= 8]
    if not candidates:
        return None
    sentence = rng.choice(candidates).strip()
    spans = sentence_spans(text)
    at = rng.choice([e for _, e in spans] or [len(text)])
    return (text[:at].rstrip() + " " + sentence + " " + text[at:].lstrip()).strip()


@dataclass(frozen=True)
class Injection:
    name: str  # what the error is
    flag: str  # the metric meant to catch it ("a+b": either of two)
    target: float  # recall it must reach
    fn: Injector
    # round 18: its own random stream per text, so that a new kind of error leaves the choices of
    # the others (drawn in turn from one stream) as they were
    own_stream: bool = False


# A number that differs from the abstract's number for the same thing is the error "number
# changed" makes; a number the abstract lacks altogether ("number not in the source", a note since
# number_faithfulness 6) is counted on its own line below: human summaries take figures from the
# full review, a drafter cannot.
NUMBER_DIFFERS = "number_faithfulness:number differs"
NUMBER_ABSENT = "number_faithfulness:number not in the source"

INJECTIONS = [
    Injection("number changed", NUMBER_DIFFERS, 0.9, inject_number),
    Injection("negation / direction flipped", "negation_flip", 0.9, inject_negation),
    Injection("qualifier dropped", "hedge_kept", 0.8, inject_qualifier),
    Injection("population swapped", "population_match", 0.8, inject_population),
    Injection(
        "wrong count of studies / participants",
        f"study_claims:wrong count+{NUMBER_DIFFERS}",
        0.9,
        inject_count,
    ),
    Injection("meta-analysis claimed for one study", "study_claims:pooled", 0.9, inject_meta_analysis),
    Injection("sentence from another abstract", "sentence_support", 0.9, inject_foreign_sentence),
    Injection(
        "effect claimed, interval includes none", "negation_flip", 0.9, inject_null_effect, own_stream=True
    ),
]
FALSE_ALARM_TARGET = 0.05


# ---------------------------------------------------------------------------------------------
# Measuring


def _flag_of(row: ScoreRow, flag: dict[str, object], spec: str) -> bool:
    """``spec`` is a metric ("number_faithfulness") or a metric and the start of its reason
    ("number_faithfulness:number differs"): one kind of flag of a metric."""
    name, _, reason = spec.partition(":")
    return row.metric == name and str(flag.get("reason", "")).startswith(reason)


def _whole_metric(spec: str) -> str:
    """ "study_claims:wrong count+number_faithfulness:number differs" -> the metrics themselves."""
    return "+".join(dict.fromkeys(part.partition(":")[0] for part in spec.split("+")))


def serious(rows: list[ScoreRow], metric: str) -> int:
    """Warnings and errors of the flag (or of either of "a+b")."""
    specs = metric.split("+")
    return sum(
        1
        for r in rows
        for f in r.flags
        if severity_of(f) in SERIOUS and any(_flag_of(r, f, spec) for spec in specs)
    )


def score_text(text: str, fname: str, article: Article) -> list[ScoreRow]:
    fields = DraftFields(
        simple_explanation=text if fname == "simple_explanation" else "",
        key_findings=[text] if fname == "key_findings" else [],
        research_summary=text if fname == "research_summary" else "",
        practical_implications=[],
        limitations=[],
    )
    return score_draft(fields, article)


@dataclass
class Tally:
    tried: int = 0
    caught: int = 0
    caught_metric: int = 0  # by any warning or error of the flag's whole metric
    gate_tried: int = 0
    gate_failed: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)


def field_value(fields: DraftFields, name: str) -> str:
    return fields.field_texts()[name]


FAITHFULNESS = (
    "number_faithfulness",
    "negation_flip",
    "hedge_kept",
    "population_match",
    "study_claims",
    "sentence_support",
    "term_support",
)
# what drafts_only lists besides: the broken sentences of a lay field (round 26, issue 16 item 3)
READ_FLAGS = (*FAITHFULNESS, "sentence_form")


def gate_rules(rows: list[ScoreRow], settings: Settings) -> list[str]:
    """The gate rules a draft fails, one name each: "grade: FIELD" per field above its grade limit,
    "error: METRIC" per metric with an error flag."""
    limits = grade_limits(settings)
    rules = [
        f"grade: {r.field}"
        for r in rows
        if r.metric == "fkgl" and r.field in limits and r.value is not None and r.value > limits[r.field]
    ]
    rules += [f"error: {r.metric}" for r in rows if any(severity_of(f) == "error" for f in r.flags or [])]
    return list(dict.fromkeys(rules))


def drafts_only(
    path: Path, limit: int | None, stored: Path | None = None, alarms: Path | None = None
) -> None:
    """The default backend's drafts of an abstracts-only dataset (or with ``stored`` its stored
    pages, as ``--drafts`` reads them): on how many drafts each faithfulness flag, and each kind of
    it (the reason before its colon), gives a warning or error (no error is injected, so every such
    draft is one an editor must look at, and every alarm is real or false), how many pass the gate
    and which gate rule fails them (and is the only reason for how many). ``alarms`` gets every
    such warning or error with its draft and abstract sentences, to be read."""
    settings = load_settings()
    started = time.perf_counter()
    pairs = load_pairs(path, limit, require_summary=False)
    articles = [pair_to_article(p) for p in pairs]
    fired: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    only_rule: Counter[str] = Counter()
    found: list[dict[str, object]] = []
    n = passed = with_errors = grade_only = 0
    for i, d in enumerate(_drafts(stored, pairs, articles, settings)):
        if isinstance(d, Exception):
            continue
        rows = score_draft(d, articles[i])
        n += 1
        failed = gate_rules(rows, settings)
        gate = gate_of_rows(rows, settings)
        passed += int(not gate.failed)
        with_errors += int(bool(gate.errors))
        grade_only += int(gate.failed and not gate.errors)
        rules.update(failed)
        if len(failed) == 1:
            only_rule[failed[0]] += 1
        kinds = set()
        for r in rows:
            for f in r.flags or []:
                if r.metric not in READ_FLAGS or severity_of(f) not in SERIOUS:
                    continue
                kind = str(f.get("reason", "")).split(":")[0]
                kinds |= {r.metric, f"{r.metric}: {kind}"}
                source = f.get("source_span")
                found.append(
                    {
                        "id": pairs[i].id,
                        "field": r.field,
                        "flag": f"{r.metric}@{r.metric_version}",
                        "severity": severity_of(f),
                        "reason": f.get("reason", ""),
                        "draft_text": f.get("draft_text", ""),
                        "source_text": source.get("text", "") if isinstance(source, dict) else "",
                    }
                )
        fired.update(kinds)
    print(f"{path.name}: {n} drafts of {len(pairs)} abstracts ({'stored' if stored else settings.backend})\n")
    for spec in sorted(fired):
        print(f"  {spec:<70} warning or error on {_pct(fired[spec], n)} of the drafts")
    print(
        f"\ngate pass rate: {_pct(passed, n)}; failing with errors {_pct(with_errors, n)}, failing only "
        f"over a grade limit {_pct(grade_only, n)}; the rules failing the drafts (a draft can fail several):"
    )
    for rule, k in rules.most_common():
        print(f"  {rule:<40} {_pct(k, n)}, the only reason for {only_rule[rule]}")
    print(f"{time.perf_counter() - started:.0f} s")
    if alarms:
        alarms.write_text(json.dumps(found, indent=1, ensure_ascii=False))


def _drafts(
    stored: Path | None, pairs: list[Pair], articles: list[Article], settings: Settings
) -> list[DraftFields | Exception]:
    """The default backend's drafts of ``articles``, or with ``stored`` the drafts of a JSONL file
    of pages (one a line, with its pair's id: ``plainsci eval --drafts`` writes them), so that the
    flags of two commits that draft alike are measured on the same drafts without drafting again.
    A pair with no stored page gets a LookupError (no draft, as a failed draft)."""
    if stored is not None:
        pages = {}
        for line in stored.read_text(encoding="utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                pages[page["id"]] = page
        return [
            DraftFields.from_dict(pages[p.id]) if p.id in pages else LookupError(f"no stored draft of {p.id}")
            for p in pairs
        ]
    from pipeline.draft.base import make_backend
    from pipeline.lab.eval import draft_all

    return list(draft_all(make_backend(settings), articles, settings.draft_batch_size))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--no-drafts", action="store_true", help="human summaries only")
    ap.add_argument(
        "--half",
        choices=("eval", "mine", "all"),
        default="eval",
        help="which half of cochrane_val (lab.datasets.cochrane_half): the flags' thresholds were set "
        "on 'mine', so the figures to report are those of 'eval' (the default)",
    )
    ap.add_argument(
        "--part",
        choices=("A", "B"),
        default=None,
        help="only one fixed part of the chosen half: A when the last byte of sha1(pair id) is even, "
        "B when odd (eval_part). The eval half's false alarms are read and cut on part A (tuned on); "
        "part B is run once at the end, held out",
    )
    ap.add_argument(
        "--dataset",
        type=Path,
        default=None,
        help="instead of cochrane_val: another dataset of clean human summaries with their abstracts "
        "(../shared/data/elife_dev/pairs.jsonl, biolaysumm_dev): new ground for false alarms; "
        "--half is then ignored. eLife digests paraphrase more than Cochrane summaries, so their "
        "rates are reported apart, not against the target",
    )
    ap.add_argument(
        "--drafts",
        type=Path,
        default=None,
        help="score these stored drafts (JSONL, one page a line with its pair's id, as `plainsci eval "
        "--drafts` writes) instead of drafting the half again",
    )
    ap.add_argument("--misses", type=Path, default=None, help="write missed injections (JSON) here")
    ap.add_argument("--json", type=Path, default=None, help="write the table (JSON) here")
    ap.add_argument(
        "--alarms",
        type=Path,
        default=None,
        help="with --abstracts: write every faithfulness warning or error on the drafts (JSON) here, to be read",
    )
    ap.add_argument(
        "--abstracts",
        type=Path,
        default=None,
        help="instead: draft an abstracts-only dataset (../shared/data/bmc_sample/abstracts.jsonl) and "
        "report how often each flag fires on the drafts and the gate's pass rate",
    )
    args = ap.parse_args()
    if args.abstracts is not None:
        drafts_only(args.abstracts, args.limit, args.drafts, args.alarms)
        return

    settings = load_settings()
    started = time.perf_counter()
    if args.dataset is not None:
        pairs = load_pairs(args.dataset)
        where = args.dataset.parent.name or args.dataset.name
    else:
        pairs = load_pairs(PAIRS) if args.half == "all" else cochrane_half(args.half, PAIRS)
        where = f"cochrane_val ({args.half} half)"
        if args.part is not None:
            pairs = [p for p in pairs if eval_part(p.id) == args.part]
            where = f"cochrane_val ({args.half} half, part {args.part})"
    pairs = pairs[: args.limit] if args.limit is not None else pairs
    articles = [pair_to_article(p) for p in pairs]
    abstracts = [p.abstract for p in pairs]
    texts: list[tuple[str, int, str, str]] = []  # (kind, pair index, field, text)
    for i, p in enumerate(pairs):
        texts.append(("human", i, HUMAN_FIELD, p.plain_summary))
    drafted = 0
    whole_drafts: list[tuple[int, DraftFields]] = []
    if not args.no_drafts:
        for i, d in enumerate(_drafts(args.drafts, pairs, articles, settings)):
            if isinstance(d, Exception):
                continue
            drafted += 1
            whole_drafts.append((i, d))
            for fname in ("simple_explanation", "key_findings", "research_summary"):
                if field_value(d, fname).strip():
                    texts.append(("draft", i, fname, field_value(d, fname)))
    metrics = sorted(
        {inj.flag for inj in INJECTIONS}
        | {_whole_metric(inj.flag) for inj in INJECTIONS}
        | {"study_claims:wrong count"}
    )
    false_alarms = {m: 0 for m in metrics}
    false_alarm_examples: dict[str, list[dict[str, str]]] = {m: [] for m in metrics}
    draft_false = {m: 0 for m in metrics}
    tallies = {(kind, inj.name): Tally() for kind in ("human", "draft") for inj in INJECTIONS}
    absent = {"human": 0, "draft": 0}  # texts with a "number not in the source" note
    gate_texts = {"human": 0, "draft": 0}
    gate_pass = {"human": 0, "draft": 0}
    grade_fail = {"human": 0, "draft": 0}
    error_fail = {"human": 0, "draft": 0}
    grade_only = {"human": 0, "draft": 0}  # failing on grade limits alone, no error (issue 16 item 2)

    def count_gate(kind: str, rows: list[ScoreRow]) -> None:
        gate = gate_of_rows(rows, settings)
        gate_texts[kind] += 1
        gate_pass[kind] += int(not gate.failed)
        grade_fail[kind] += int(bool(grade_gate(rows, settings)))
        error_fail[kind] += int(bool(error_gate(rows)))
        grade_only[kind] += int(gate.failed and not gate.errors)

    for i, fields in whole_drafts:  # the gate of a draft is over all its fields
        count_gate("draft", score_draft(fields, articles[i]))
    rng = random.Random(args.seed)
    for kind, i, fname, text in texts:
        article = articles[i]
        clean = score_text(text, fname, article)
        clean_gate = evaluate_gates(clean, settings)
        for m in metrics:
            if serious(clean, m):
                if kind == "human":
                    false_alarms[m] += 1
                    false_alarm_examples[m].append(
                        {
                            "id": pairs[i].id,
                            "flags": json.dumps(
                                [
                                    f
                                    for r in clean
                                    for f in r.flags
                                    if severity_of(f) in SERIOUS
                                    and any(_flag_of(r, f, spec) for spec in m.split("+"))
                                ]
                            )[:600],
                        }
                    )
                else:
                    draft_false[m] += 1
        absent[kind] += int(any(_flag_of(r, f, NUMBER_ABSENT) for r in clean for f in r.flags))
        if kind == "human":
            count_gate("human", clean)
        ctx = Context(abstracts, i)
        for inj in INJECTIONS:
            stream = (
                random.Random(f"{args.seed}/{inj.name}/{kind}/{pairs[i].id}/{fname}")
                if inj.own_stream
                else random.Random(rng.random())
            )
            changed = inj.fn(text, article, ctx, stream)
            if changed is None or changed == text:
                continue
            t = tallies[(kind, inj.name)]
            t.tried += 1
            rows = score_text(changed, fname, article)
            whole = _whole_metric(inj.flag)
            t.caught_metric += int(serious(rows, whole) > serious(clean, whole))
            if serious(rows, inj.flag) > serious(clean, inj.flag):
                t.caught += 1
            else:
                t.misses.append({"id": pairs[i].id, "field": fname, "clean": text, "changed": changed})
            if not clean_gate:
                t.gate_tried += 1
                t.gate_failed += int(bool(evaluate_gates(rows, settings)))

    n_human = len(pairs)
    print(f"{where}: {n_human} human summaries, {drafted} drafts ({settings.backend}), seed {args.seed}")
    print()
    header = f"{'flag':<34} {'injected error':<40} {'recall (human)':>16} {'recall (drafts)':>16} {'false alarms':>13} {'target':>18} met?"
    print(header)
    print("-" * len(header))
    table = []
    for inj in INJECTIONS:
        h, d = tallies[("human", inj.name)], tallies[("draft", inj.name)]
        fa = false_alarms[inj.flag] / n_human if n_human else 0.0
        both = h.caught + d.caught
        tried = h.tried + d.tried
        recall = both / tried if tried else float("nan")
        met = tried > 0 and recall >= inj.target and fa <= FALSE_ALARM_TARGET
        row = {
            "flag": inj.flag,
            "error": inj.name,
            "recall_human": [h.caught, h.tried],
            "recall_drafts": [d.caught, d.tried],
            "recall": recall,
            "false_alarms": [false_alarms[inj.flag], n_human],
            "false_alarms_drafts": draft_false[inj.flag],
            "target": inj.target,
            "met": met,
            "gate_fails": [h.gate_failed + d.gate_failed, h.gate_tried + d.gate_tried],
        }
        table.append(row)
        print(
            f"{inj.flag:<34} {inj.name:<40} {_pct(h.caught, h.tried):>16} {_pct(d.caught, d.tried):>16} "
            f"{_pct(false_alarms[inj.flag], n_human):>13} {f'>={inj.target:.0%} / <={FALSE_ALARM_TARGET:.0%}':>18} "
            f"{'yes' if met else 'NO'}"
        )
    print(
        f"numbers not in the abstract at all ({NUMBER_ABSENT.split(':')[1]!r}, a warning): "
        f"clean human summaries {_pct(absent['human'], n_human)} (figures from the full "
        f"review), clean draft fields {_pct(absent['draft'], len(texts) - n_human)}"
    )
    print(
        "\nthe same errors caught by any warning or error of the whole metric (the flag above is one kind of it):"
    )
    for inj in INJECTIONS:
        whole = _whole_metric(inj.flag)
        if whole == inj.flag:
            continue
        h, d = tallies[("human", inj.name)], tallies[("draft", inj.name)]
        print(
            f"  {whole:<34} {inj.name:<40} recall {_pct(h.caught_metric + d.caught_metric, h.tried + d.tried)}, "
            f"false alarms (human) {_pct(false_alarms[whole], n_human)}"
        )
        table.append(
            {
                "flag": whole,
                "error": inj.name,
                "recall_human": [h.caught_metric, h.tried],
                "recall_drafts": [d.caught_metric, d.tried],
                "false_alarms": [false_alarms[whole], n_human],
                "false_alarms_drafts": draft_false[whole],
                "whole_metric": True,
            }
        )
    print()
    for kind in ("human", "draft"):
        n = gate_texts[kind]
        what = "human summaries (as research summary)" if kind == "human" else "drafts (all fields)"
        print(
            f"gate pass rate, clean {what}: {_pct(gate_pass[kind], n)}; failing a grade limit "
            f"{_pct(grade_fail[kind], n)}, with an error flag {_pct(error_fail[kind], n)}, only over a "
            f"grade limit {_pct(grade_only[kind], n)}"
        )
    per_error = [r for r in table if "gate_fails" in r]
    gf = sum(r["gate_fails"][0] for r in per_error)
    gt = sum(r["gate_fails"][1] for r in per_error)
    print(f"gate fails an injected error (texts that passed clean): {_pct(gf, gt)}")
    for row in per_error:
        print(f"  {row['error']:<40} {_pct(*row['gate_fails'])}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    if args.misses:
        misses = {f"{k}/{n}": t.misses for (k, n), t in tallies.items()}
        args.misses.write_text(json.dumps({"misses": misses, "false_alarms": false_alarm_examples}, indent=1))
    if args.json:
        gate = {
            "texts": gate_texts,
            "pass": gate_pass,
            "grade_fail": grade_fail,
            "error_fail": error_fail,
            "grade_only": grade_only,
        }
        args.json.write_text(json.dumps({"table": table, "gate": gate}, indent=1))


def _pct(k: int, n: int) -> str:
    return f"{k / n:.0%} ({k}/{n})" if n else "n/a"


if __name__ == "__main__":
    main()
