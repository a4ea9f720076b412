"""Sentence segmentation and section-aware ranking for the extractive drafter.

Sentences come from spaCy docs (one doc per abstract section, produced in one ``nlp.pipe``
call by the backend). Each sentence knows the kind of section it came from; unlabelled
abstracts get a kind per sentence from cue phrases and position. Ranking combines the
section kind, the position, centrality (word overlap with the rest of the abstract and the
title) and cue phrases, with weights that depend on what the sentence is wanted for.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.text.patterns import compile_gated
from pipeline.text.readability import GENUS_SHORT
from pipeline.text.roles import Kind as Kind
from pipeline.text.roles import section_kind as section_kind
from pipeline.text.words import RARE_ZIPF, zipf

Purpose = Literal["background", "aim", "method", "measure", "finding", "conclusion", "implication"]

_INLINE_LABEL = re.compile(r"^(?:(?:ABSTRACT|[A-Z][A-Z /&]{2,40}):\s*)+")
# A run-in heading of a Cochrane abstract kept in its text, in sentence case and often with no colon:
# "Primary outcomes Pembrolizumab probably reduces the risk of death ..." (cochrane CD012838.pub2),
# "Secondary outcomes Severe anal incontinence ..." (CD010826.pub2), "Quality of evidence We
# downgraded ..." (CD012537.pub2), "Primary outcomes: calcium supplementation ..." (CD011192.pub3),
# "Key results: primary outcomes Two trials found ...". Read as the sentence's first words, it was
# said with it ("Main measures Pembrolizumab probably reduces ...") and kept a result from being the
# answer. A heading word opens a sentence only before a colon or a capital ("Secondary outcomes that
# included data from all three trials showed ..." is a sentence, CD002057.pub4). Only its own
# sentence loses it, and that sentence's kind is read with it as before (no inline label: a results
# heading is no reason to read the conclusions after it as results).
_RUN_IN_HEADING = re.compile(
    r"^(?:(?:key results|main results|study characteristics|review questions?|background|"
    r"(?:quality|certainty) of (?:the )?evidence|primary outcomes?|secondary outcomes?|adverse (?:events|effects))"
    r"(?::\s*|\s+(?=(?-i:[A-Z0-9])))\s*)+",
    re.I,
)

_CUES: dict[str, re.Pattern[str]] = {
    "background": compile_gated(
        r"\b(?:is an?|are an?|is the|are the|is one of|are common|common cause|leading cause|"
        r"remains? (?:unclear|unknown|poorly|controversial)|little is known|known to|"
        r"characteri[sz]ed by|affects?|prevalent|burden|challenge|however, )",
        re.I,
    ),
    "aim": compile_gated(
        r"\b(?:aims?|aimed|purpose|objectives?|goal)\b|\bwe (?:sought|set out|hypothesi[sz]ed|investigated "
        r"whether)|\bthis (?:study|trial|review|paper) (?:was designed|aims|aimed|investigat|evaluat|assess|examin)"
        r"|^to (?:assess|evaluate|determine|investigate|examine|compare|describe|explore)",
        re.I,
    ),
    "method": compile_gated(
        r"\b(?:we (?:included|conducted|performed|recruited|enrolled|searched|used|analy[sz]ed|measured|"
        r"assessed|collected|reviewed|identified|compared|followed)|were (?:recruited|enrolled|randomi[sz]ed|"
        r"assigned|allocated|included|measured|assessed|collected|analy[sz]ed|followed|divided|treated)|"
        r"(?:was|were) (?:performed|conducted|used|obtained)|data (?:were|was)|questionnaires?|"
        r"retrospective|prospective|cross-sectional|cohort|randomi[sz]ed|trials?|studies|"
        r"participants|patients)\b",
        re.I,
    ),
    "measure": compile_gated(
        r"\b(?:primary (?:outcome|end ?point)|secondary outcomes?|outcome measures?|outcomes? (?:were|was|"
        r"included)|measured|assessed|evaluated|recorded|scores?|scale|questionnaire|index)\b",
        re.I,
    ),
    "finding": compile_gated(
        r"\b(?:we found|found that|showed|shows|demonstrated|revealed|associated|significantly|significant|"
        r"increased|decreased|reduced|improved|higher|lower|greater|fewer|more likely|less likely|"
        r"compared (?:with|to)|differ|no difference|did not|there (?:was|were)|resulted in|risk|"
        r"identified|detected|observed|predict)\w*",
        re.I,
    ),
    "conclusion": compile_gated(
        r"\b(?:in conclusion|we conclude|conclude|these (?:findings|results|data)|our (?:findings|results|"
        r"data|study)|this (?:study|review|trial|analysis) (?:shows|showed|suggests|demonstrates|provides|"
        r"indicates|highlights|confirms)|suggests?|indicates?|supports?|implications?|evidence|overall|"
        r"highlights?|taken together|in summary)\b",
        re.I,
    ),
    "implication": compile_gated(
        r"\b(?:may|might|could|should|can|suggests?|recommend\w*|potential\w*|important|useful|help\w*|"
        r"implications?|warrant\w*|consider\w*|benefit\w*|improve\w*|guide|inform|tailor\w*|target\w*|"
        r"clinical practice|clinicians|patients)\b",
        re.I,
    ),
}
_FUTURE = re.compile(r"\bwill be\b|\bwill (?:provide|assess|evaluate|compare|determine|inform)\b", re.I)
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the abstract with where it came from and its content words."""

    text: str
    index: int
    section: int
    kind: Kind
    position: float  # 0 at the first sentence of its section, 1 at the last
    first_in_section: bool
    last_in_section: bool
    words: frozenset[str]

    def cue(self, purpose: str) -> bool:
        return _cued(purpose, self.text)

    @property
    def has_number(self) -> bool:
        return bool(_NUMBER.search(self.text))

    @property
    def is_future(self) -> bool:
        return bool(_FUTURE.search(self.text))


@lru_cache(maxsize=16384)
def _cued(purpose: str, text: str) -> bool:
    """``text`` has a cue phrase of ``purpose`` (asked many times per sentence while ranking)."""
    return bool(_CUES[purpose].search(text))


def content_key(word: str) -> str:
    """Lower-case word with a light plural stem."""
    w = word.lower()
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Lower-case content words with a light plural stem, for overlap measures."""
    return frozenset(
        content_key(w)
        for w in re.findall(r"[A-Za-z][A-Za-z-]+", text.lower())
        if w not in STOP_WORDS and len(w) > 2
    )


_SAME_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
SAME_WORDS = 0.8
MIN_REPEAT_WORDS = 5


@lru_cache(maxsize=8192)
def _same_word_set(text: str) -> frozenset[str]:
    """The words same_words compares (each sentence is compared with many)."""
    return frozenset(_SAME_WORD.findall(text.lower()))


def same_words(a: str, b: str) -> float:
    """How far two sentences are the same: the share of the shorter one's words the other has.

    0 when the shorter has fewer than five words or is under half the other's length (a short
    sentence is not repeated by a long one that happens to contain its words).
    """
    wa, wb = _same_word_set(a), _same_word_set(b)
    short, long_ = sorted((len(wa), len(wb)))
    if short < MIN_REPEAT_WORDS or short < long_ / 2:
        return 0.0
    return len(wa & wb) / short


# Tokens that end with a full stop without ending the sentence.
_NO_BREAK_AFTER = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bspp|\bssp|\bsp|\bNo|\bno|\bFig|\bfig|\bapprox|\bca|\bcf|\bchr|\bcoll|"
    r"\bDr|\bSt|\bvar|\bsubsp|\bincl|\bresp|\bmin|\bmax|\bvol|\bref|\bEq|\bEd|\bsec|\bwk|\bmo|\byr|"
    # a new taxon's "gen. et sp. nov." (elife 02844 "Qiyia jurassica gen. et sp. nov., from the
    # Jurassic ...": the research summary said "... a bizarre fly larva, Qiyia jurassica gen.")
    r"\bgen|\bnov)\.,?$"
)


# A genus said short before its species ("Ae. tauschii", "E. coli"): a capital and at most two small
# letters before the full stop, a lower-case word after it; no sentence opens lower-case so (bmc
# s12864-019-6006-5: "... Triticum urartu and Ae." ended the simple explanation).
# A genus short form of up to six letters ends no sentence either: "elimination of Strep. pneumoniae in
# the sputum" (cochrane CD006316.pub3 said "... of Strep." and "Lung infections in the sputum was found").
_GENUS = re.compile(rf"{GENUS_SHORT}$")
_SPECIES = re.compile(r"^[a-z]+\b(?![-\w])")


# A list number that opens an item: "(1) Routine fetal movement counting versus ..." (cochrane
# CD004909) starts a sentence although it opens with a bracket.
_LIST_NUMBER = re.compile(r"^\(\d{1,2}\)\s")


# A dotted short form of a route or dose, alone or in brackets ("intramuscular (i.m.) injection",
# "given i.v. daily"): a lower-case word after it goes on with the sentence (cochrane CD006312:
# "... adrenaline administration by intramuscular (i.m.)" was a sentence, "injection should still
# be regarded as first-line treatment ..." the next, and a key finding ended "by intramuscular.").
_DOTTED_SHORT = re.compile(r"(?:^|[\s(])(?:[a-z]\.){2,}\)?$")
_LOWER_START = re.compile(r"^[a-z]{2,}\b")


def _joins_next(previous: str, part: str) -> bool:
    """``part`` continues ``previous``: the rule splitter broke after an abbreviation (a genus before
    its species), before a
    bracket, inside a number, or after an opening bracket (it keeps the "(" of "Song et al. (2019)
    showed" with "Song et al.", bmc s12885-019-5829-4)."""
    return bool(
        _NO_BREAK_AFTER.search(previous)
        or (_GENUS.search(previous) and _SPECIES.match(part))
        or (_DOTTED_SHORT.search(previous) and _LOWER_START.match(part))
        or previous[-1:] in "([{"
        or part[:1] in "([,;:)]"
        and not _LIST_NUMBER.match(part)
        or part[:1].isdigit()
        and previous.endswith(".")
        and previous[-2:-1].isdigit()
    )


def _merge_fragments(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Rejoin sentences the rule splitter broke after abbreviations or at brackets (``spans`` are
    character offsets into ``text``): one space between the parts where the text had any, none
    where it had none ("(" + "2019)"). An opening bracket after a full stop that ends a sentence
    goes to the next sentence, or is dropped before a list number ("... hormone assessment. (" +
    "1) Routine ..." gives "... hormone assessment." and "1) Routine ...")."""
    merged: list[tuple[str, int]] = []  # sentence so far, end offset of its last part
    for start, end in spans:
        part = text[start:end].strip()
        if not part:
            continue
        if merged and merged[-1][0][-1:] in "([{'\"‘“":
            previous, previous_end = merged[-1]
            before = previous[:-1].rstrip()
            # "... significant differences. '" + "Perinatal death or severe morbidity' was not
            # reported." (cochrane CD004909): the quote opens the next sentence
            if before[-1:] in ".!?" and not _NO_BREAK_AFTER.search(before) and before != previous:
                merged[-1] = (before, previous_end)
                if not _LIST_NUMBER.match(previous[-1] + part):
                    part = previous[-1] + part
                    start = end - len(part)  # no gap between the bracket and what it opens
                # a list number keeps the splitter's "1) Routine ... versus ... No study reported":
                # its heading is glued to the sentence after it, so it is no sentence to say
        if merged and _joins_next(merged[-1][0], part):
            previous, previous_end = merged[-1]
            gap = " " if (text[previous_end:start] + text[start:end])[:1].isspace() else ""
            merged[-1] = (f"{previous}{gap}{part}", end)
        else:
            merged.append((part, end))
    return [sentence for sentence, _ in merged]


def split_doc(doc: Doc) -> list[str]:
    """Sentence strings of a doc, with abbreviation fragments merged back."""
    return _merge_fragments(doc.text, ((s.start_char, s.end_char) for s in doc.sents))


# The authors saying what they did ("Here, we explore how ...", "We examined this process through
# ...", "By utilizing FRET ..., we examined ...", eLife): in an unlabelled abstract this opens the
# methods wherever it stands, not the background its early position would make it. (What they found,
# "Here we show that ...", stays where its place puts it: made a result, the key findings take it and
# leave the research summary only the background to say; elife_dev, composer 13.)
_OWN_METHOD = re.compile(
    r"(?:^(?:(?:here|in this (?:study|work|paper|report)),?\s+)?|^(?:by|using|to) [^,]{3,80}, )we (?:now |further |also |here |first )?(?:examine|examined|explore|"
    r"explored|use|used|develop|developed|generate|generated|investigate|investigated|study|studied|"
    r"characteri[sz]e|characteri[sz]ed|combine|combined|apply|applied|present|describe|described|determine|"
    r"determined|test|tested|screen|screened|sequence|sequenced|analy[sz]e|analy[sz]ed|design|designed|"
    r"construct|constructed|engineer|engineered|employ|employed|compare|compared|map|mapped|model|modeled|"
    r"modelled|simulate|simulated|image|imaged|record|recorded|measure|measured|perform|performed)\b",
    re.I,
)
# ... unless it says what they found too ("We combined data for seven studies and found low-certainty
# evidence that ...", "We determined that the quality was fair", cochrane mine half)
_OWN_FINDING = re.compile(
    r"\b(?:that|found|find|finds|showed?|shows|revealed?|no significant|differences?)\b", re.I
)


def _infer_kind(text: str, rel_pos: float, n: int) -> Kind:
    """Kind of a sentence in an unlabelled abstract, from cue phrases and position; the authors'
    own "We examined ..." opens the methods (``_OWN_METHOD``)."""
    if _OWN_METHOD.search(text) and not _OWN_FINDING.search(text):
        return "methods"
    scores: dict[Kind, float] = {
        "background": 1.2 * (1 - rel_pos)
        + 0.8 * bool(_CUES["background"].search(text))
        + 0.8 * bool(_CUES["aim"].search(text)),
        "methods": 0.3 + 0.9 * bool(_CUES["method"].search(text)) - 0.3 * rel_pos,
        "results": 0.4 + 0.6 * bool(_CUES["finding"].search(text)) + 0.5 * bool(_NUMBER.search(text)),
        "conclusions": 1.4 * rel_pos**2
        + 0.9 * bool(_CUES["conclusion"].search(text))
        + 0.3 * bool(_CUES["implication"].search(text))
        - 0.4 * bool(_NUMBER.search(text)),
    }
    if n > 3 and rel_pos == 1.0:
        scores["conclusions"] += 0.5
    return max(scores, key=lambda k: scores[k])


# Two sentences the source glued with no full stop after a bracket: "... (RR 2.22, 95% CI 1.07 to 4.62; 2
# studies, 3,091 participants, high quality evidence) A combination of educational and contraceptive-
# promoting interventions appears to reduce unintended pregnancy among adolescents." (cochrane
# CD005215.pub3: the review's answer, never said since the run-on was no candidate), "... more than once
# a day (after meals) The incidence of caesarean section ..." (CD004909.pub3)
# Only after a bracket of statistics: "... pooled analyses for 'Summary of findings' (SoF) This comparison
# does not include ..." (CD006425.pub4) is a heading glued to its sentence, no sentence of its own.
_GLUED_AFTER_BRACKET = re.compile(r"(?<=\))\s+(?=(?:A|An|The|This|These|Overall|There|We)\s+[a-z])")
_STATISTICS_BRACKET = re.compile(r"\([^()]*(?:\d|\bevidence\b)[^()]*\)$")
# A full stop with no space after it, between a word (or a bracket) and a capitalised word: "... (RR 0.94,
# 95% CI 0.39 to 2.25; ... very low-quality evidence).Regarding adverse events, the effect in both men and
# women was uncertain ..." (cochrane CD010871.pub2), "... with uncomplicated pregnancies.Two studies
# compared ..." (CD004909.pub3), "... invested.Only six participants were recruited" (bmc
# 1745-6215-16-1): spaCy does not break there, so the two sentences were said as one ("The effect ... was
# uncertain.Regarding side effects, ..." as a key finding). Three lower-case letters before the stop keep
# "e.g.", "i.e." and "T.Suis"-like short forms whole.
_GLUED_AFTER_STOP = re.compile(r"(?:(?<=[a-z]{3})|(?<=\)))\.(?=[A-Z][a-z]+\s)")


# 25 (lead, eval seed 283): a full stop after a one-letter name ending a sentence ("... in interferon
# naive patients with chronic hepatitis C. Higher doses and prolonged durations are more effective, ...",
# cochrane CD000370; "vitamin C. In ...", "meiosis I. They ...", elife): spaCy's tokenizer keeps "C." whole
# as an initial, so the rule splitter never broke there and the answer was one 35-word run-on that no
# limit could say. Only after a content word (not "in E. Coli", "in N. Sweden") and before a common
# English word (``_opens_sentence``: not "Gossypium hirsutum L. Chalcone ...").
_STOP_AFTER_LETTER = re.compile(r"(?<=[a-z]{3} [A-Z])\.(?=\s+[A-Z][a-z]+\b)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+) [A-Z]$")


def _sentence_breaks(text: str) -> Iterable[int]:
    """Offsets just after each full stop in ``text`` the rule splitter left inside a sentence."""
    for m in _GLUED_AFTER_STOP.finditer(text):
        yield m.end()
    for m in _STOP_AFTER_LETTER.finditer(text):
        before = _WORD_BEFORE.search(text, 0, m.start())
        after = text[m.end() :].split(maxsplit=1)[0]
        if before and before.group(1).lower() not in STOP_WORDS and _opens_sentence(after):
            yield m.end()


def _opens_sentence(word: str) -> bool:
    """A capitalised common English word ("Higher", "This", "Participants"), not a name's part."""
    return zipf(word) >= RARE_ZIPF


def _unstopped(texts: list[str]) -> list[str]:
    """``texts`` with each sentence split where a full stop ends a sentence the rule splitter did not
    break (``_sentence_breaks``) and each side has at least three words."""
    out: list[str] = []
    for text in texts:
        start = 0
        for end in sorted(_sentence_breaks(text)):
            if len(text[start:end].split()) >= 3 and len(text[end:].split()) >= 3:
                out.append(text[start:end])
                start = end
        out.append(text[start:].lstrip())
    return out


def _unglued(texts: list[str]) -> list[str]:
    """``texts`` with each run-on split where a bracket ends one sentence and a capital opens the next
    (``_GLUED_AFTER_BRACKET``); the first part ends with a full stop."""
    out: list[str] = []
    for text in _unstopped(texts):
        start = 0
        for m in _GLUED_AFTER_BRACKET.finditer(text):
            first = text[start : m.start()]
            if (
                len(text[m.end() :].split()) >= 3
                and len(first.split()) >= 3
                and _STATISTICS_BRACKET.search(first)
            ):
                out.append(text[start : m.start()] + ".")
                start = m.end()
        out.append(text[start:])
    return out


def build_sentences(labels: Sequence[str | None], section_docs: Sequence[Doc]) -> list[Sentence]:
    """Sentences of an abstract from its section labels and one spaCy doc per section."""
    out: list[Sentence] = []
    unlabelled = all(section_kind(label) is None for label in labels)
    for sec_idx, (label, doc) in enumerate(zip(labels, section_docs, strict=True)):
        texts = _unglued(split_doc(doc))
        kind = section_kind(label)
        inline_kind: Kind | None = None
        n = len(texts)
        for i, raw in enumerate(texts):
            match = _INLINE_LABEL.match(raw)
            text = raw
            if match:
                inline_kind = section_kind(match.group(0)) or inline_kind
                text = raw[match.end() :].strip()
            said = text
            heading = _RUN_IN_HEADING.match(text)
            if heading and len(text) > heading.end():
                said = text[heading.end() :].strip()
                said = said[:1].upper() + said[1:]
            if len(said.split()) < 3:
                continue
            rel = i / (n - 1) if n > 1 else (1.0 if unlabelled else 0.0)
            # the heading's words still tell what kind of sentence it opens ("Quality of evidence")
            sent_kind = kind or inline_kind or _infer_kind(text, rel, n)
            text = said
            out.append(
                Sentence(
                    text=text,
                    index=len(out),
                    section=sec_idx,
                    kind=sent_kind,
                    position=rel,
                    first_in_section=i == 0,
                    last_in_section=i == n - 1,
                    words=content_words(text),
                )
            )
    return out


def centrality(sentences: Sequence[Sentence], title: str = "") -> list[float]:
    """Cosine similarity of each sentence's words to the rest of the abstract plus the title."""
    title_words = content_words(title)
    totals: Counter[str] = Counter()
    for s in sentences:
        totals.update(s.words)
    totals.update({w: 2 for w in title_words})
    scores = []
    for s in sentences:
        if not s.words:
            scores.append(0.0)
            continue
        rest = totals.copy()
        rest.subtract(s.words)
        dot = sum(rest[w] for w in s.words if rest[w] > 0)
        norm_rest = math.sqrt(sum(v * v for v in rest.values() if v > 0)) or 1.0
        scores.append(dot / (math.sqrt(len(s.words)) * norm_rest))
    peak = max(scores, default=0.0) or 1.0
    return [v / peak for v in scores]


# Weight of each section kind for each purpose.
_KIND_WEIGHT: dict[str, dict[Kind, float]] = {
    "background": {"background": 2.0, "methods": -1.0, "results": -1.0, "conclusions": 0.0, "other": -3.0},
    "aim": {"background": 1.5, "methods": 0.8, "results": -1.5, "conclusions": -1.0, "other": -3.0},
    "method": {"background": 0.0, "methods": 2.0, "results": 0.4, "conclusions": -1.0, "other": -3.0},
    "measure": {"background": -0.5, "methods": 2.0, "results": 0.0, "conclusions": -1.0, "other": -3.0},
    "finding": {"background": -2.0, "methods": -1.0, "results": 2.0, "conclusions": 1.0, "other": -3.0},
    "conclusion": {"background": -1.5, "methods": -1.5, "results": 0.3, "conclusions": 2.0, "other": -3.0},
    "implication": {"background": -0.3, "methods": -1.5, "results": 0.0, "conclusions": 2.0, "other": -3.0},
}


def score(sentence: Sentence, purpose: Purpose, central: float) -> float:
    """Score of one sentence for one purpose (higher is better)."""
    s = _KIND_WEIGHT[purpose][sentence.kind] + 0.8 * central
    if sentence.cue(purpose):
        s += 1.0
    words = len(sentence.text.split())
    if words > 45:
        s -= 0.5 + (words - 45) / 30
    if purpose == "background":
        s += 1.0 * sentence.first_in_section - 0.5 * sentence.position - 1.5 * sentence.cue("aim")
    elif purpose == "aim":
        s += 0.5 * sentence.last_in_section * (sentence.kind == "background") + 0.5 * sentence.cue("method")
    elif purpose == "method":
        s += 0.8 * sentence.first_in_section - 0.6 * sentence.position + 0.3 * sentence.has_number
    elif purpose == "finding":
        s += 0.5 * sentence.has_number - 0.3 * sentence.position
        s += 0.3 * sentence.first_in_section - 0.5 * sentence.is_future
        if sentence.cue("method") and not sentence.cue("finding"):
            s -= 1.0
    elif purpose == "conclusion":
        s += 0.5 * sentence.first_in_section - 0.4 * sentence.has_number
        s += 0.3 * sentence.cue("implication") - 0.5 * sentence.cue("aim")
    elif purpose == "implication":
        s += 0.3 * sentence.cue("conclusion") - 0.5 * sentence.has_number - 0.8 * sentence.cue("aim")
    return s


def rank(
    sentences: Sequence[Sentence],
    purpose: Purpose,
    central: Sequence[float],
    *,
    kinds: Iterable[Kind] | None = None,
) -> list[Sentence]:
    """Sentences ordered best first for ``purpose`` (ties broken by source order)."""
    allowed = set(kinds) if kinds is not None else None
    scored = [
        (score(s, purpose, c), -s.index, s)
        for s, c in zip(sentences, central, strict=True)
        if allowed is None or s.kind in allowed
    ]
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [s for _, _, s in scored]
