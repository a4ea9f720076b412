"""Study design from spaCy Matcher / PhraseMatcher patterns over the title and abstract sections.

Every pattern votes for a design with ``pattern weight x section weight``; Methods and Design
sections count most and Background least (background text mostly describes other studies).
Explicit phrases ("randomised controlled trial") carry full weight, loose cues ("mice",
"RNA-seq", "interviews") a small one with a cap, so that one naming of the design beats many
incidental words. A planned study (a "study protocol" title, or a Methods/Design section in the
future tense) is reported as ``protocol`` with the planned design in ``detail``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher, PhraseMatcher

from pipeline.domain import NOT_SPECIFIED, Fact, Span
from pipeline.text import roles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RCT = "randomised controlled trial"
NRCT = "non-randomised controlled trial"
PROSPECTIVE = "prospective cohort"
RETROSPECTIVE = "retrospective cohort"
COHORT = "cohort"
CASE_CONTROL = "case-control"
CROSS_SECTIONAL = "cross-sectional"
CASE_SERIES = "case series"
CASE_REPORT = "case report"
SR_MA = "systematic review and meta-analysis"
SR = "systematic review"
MA = "meta-analysis"
QUALITATIVE = "qualitative"
DIAGNOSTIC = "diagnostic accuracy"
ANIMAL = "animal study"
LAB = "in vitro / laboratory"
PROTOCOL = "protocol"
COMPUTATIONAL = "genomic / computational analysis"
# a study that builds or tests a measure (a questionnaire, scale or performance test): its structure,
# validity or reliability ("The Prejudice towards People with Mental Illness (PPMI) scale: structure and
# validity", bmc s12888-018-1871-z, was an "interview study" from its "thematic analysis" of earlier measures)
VALIDATION = "validation study"
# Internal labels: a non-systematic review blocks a design; cues feed the protocol and SR+MA rules.
NARRATIVE_REVIEW = "_narrative_review"
PROTOCOL_CUE = "_protocol_cue"
POOLED_CUE = "_pooled_cue"
NOT_A_DESIGN = "_not_a_design"
REVIEW_DESIGNS = frozenset({SR_MA, SR, MA})
# designs a study protocol can plan
PLANNED_DESIGNS = (
    RCT,
    NRCT,
    PROSPECTIVE,
    COHORT,
    CROSS_SECTIONAL,
    QUALITATIVE,
    CASE_CONTROL,
    DIAGNOSTIC,
    VALIDATION,
)
MIN_SCORE = 1.5  # below this (e.g. one loose cue) the design is not specified

DESIGNS = (
    SR_MA, SR, MA, RCT, NRCT, PROSPECTIVE, RETROSPECTIVE, COHORT, CASE_CONTROL, CROSS_SECTIONAL,
    DIAGNOSTIC, CASE_SERIES, CASE_REPORT, QUALITATIVE, VALIDATION, ANIMAL, LAB, COMPUTATIONAL, PROTOCOL,
)  # fmt: skip

ROLE_WEIGHTS = {
    roles.TITLE: 2.5,
    roles.METHODS: 3.0,
    roles.CASE: 3.0,
    roles.UNLABELLED: 2.0,
    roles.RESULTS: 1.5,
    roles.OTHER: 1.0,
    roles.CONCLUSIONS: 1.0,
    roles.BACKGROUND: 0.5,
}
STRONG = 1.0
CUE = 0.35
CUE_CAP = 2.5  # most a design can collect from loose cues alone

_RANDOMISED = ("randomised", "randomized")
# "Not randomised" in every spelling ("non-randomised", "nonrandomized", "non randomised"), one
# pattern for the NRCT phrases below and for evidence.py's test of whether a text names randomised
# trials (its own regex missed "non randomised" with a space: a "prospective non randomized
# observational cohort study", pubmedqa_24267613, named "randomized" studies)
NON_RANDOMISED = r"non[- ]?randomi[sz]ed"
NON_RANDOMISED_RE = re.compile(rf"\b{NON_RANDOMISED}\b", re.I)
_NON_RANDOMISED = tuple(f"non{sep}randomi{z}ed" for sep in ("-", "", " ") for z in "sz")

# (design, weight, phrases); matched on the lower-cased text by PhraseMatcher.
PHRASES: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    (SR_MA, STRONG, ("systematic review and meta-analysis", "systematic review and meta analysis",
                     "systematic review with meta-analysis", "meta-analysis of randomised", "meta-analysis of randomized")),
    (SR, STRONG, ("systematic review", "systematic literature review", "cochrane review", "evidence synthesis",
                  "systematic search of", "umbrella review", "systematic review of the literature",
                  # Cochrane-style results text speaks of the review and its included studies.
                  "included studies", "included trials", "included rcts", "review update", "updated review",
                  "quality of the evidence", "certainty of the evidence", "quality evidence",
                  "suitable for inclusion", "eligible for inclusion",
                  # an empty review: what it searched for and found none of
                  "relevant to this review", "included in this review", "found no trials", "found no studies",
                  "no trials met", "no studies met", "found no randomised", "found no randomized")),
    (MA, STRONG, ("meta-analysis", "meta analysis", "metaanalysis", "pooled analysis", "network meta-analysis")),
    (RCT, STRONG, tuple(f"{r} {k} trial" for r in _RANDOMISED for k in ("controlled", "clinical", "control",
                        "placebo-controlled", "crossover", "cross-over", "pilot", "feasibility"))
     + tuple(f"{r} trial" for r in _RANDOMISED) + tuple(f"cluster {r} trial" for r in _RANDOMISED)
     # "Only one randomised, controlled trial was identified and included" (cochrane CD006851)
     + tuple(f"{r}, {k} trial" for r in _RANDOMISED for k in ("controlled", "placebo-controlled", "double-blind"))
     + tuple(f"cluster-{r} trial" for r in _RANDOMISED) + ("rct", "placebo-controlled trial", "double-blind trial")
     # "RCTs" votes only where counted in a results line's list (_counted_trials), never alone
     + ("rcts",)),
    (NRCT, STRONG, tuple(f"{n} {k}" for n in _NON_RANDOMISED for k in ("controlled trial", "trial", "clinical trial",
                         "controlled study", "intervention study"))
     + ("quasi-experimental", "quasi experimental", "controlled before-after", "controlled before and after")),
    (PROSPECTIVE, STRONG, ("prospective cohort", "prospective study", "prospective observational",
                           "prospective longitudinal", "prospectively enrolled", "prospectively recruited",
                           "prospective multicenter study", "prospective multicentre study")),
    (RETROSPECTIVE, STRONG, ("retrospective cohort", "retrospective study", "retrospective analysis",
                             "retrospective review", "retrospectively reviewed", "retrospectively analyzed",
                             "retrospectively analysed", "chart review", "analyzed retrospectively",
                             "analysed retrospectively", "retrospective observational")),
    (COHORT, STRONG, ("cohort study", "longitudinal study", "follow-up study", "population-based cohort",
                      "birth cohort", "observational cohort")
     + tuple(f"{n} cohort study" for n in _NON_RANDOMISED)),
    (CASE_CONTROL, STRONG, ("case-control", "case control study", "case-controlled", "matched controls")),
    (CROSS_SECTIONAL, STRONG, ("cross-sectional", "cross sectional", "crosssectional", "prevalence study",
                               "questionnaire survey", "online survey", "national survey")),
    (DIAGNOSTIC, STRONG, ("diagnostic accuracy", "diagnostic performance", "diagnostic test accuracy")),
    (CASE_SERIES, STRONG, ("case series", "consecutive patients", "consecutive cases", "series of patients")),
    (CASE_REPORT, STRONG, ("case report", "we report a case", "we report the case", "we present a case",
                           "we present the case", "we describe a case", "we describe the case", "a rare case")),
    (QUALITATIVE, STRONG, ("qualitative study", "qualitative interview", "qualitative interviews",
                           "semi-structured interviews", "semi-structured qualitative", "focus groups",
                           "focus group discussions", "thematic analysis", "in-depth interviews",
                           "key informant interviews", "grounded theory", "interpretative phenomenological")),
    (VALIDATION, STRONG, ("psychometric properties", "psychometric evaluation", "psychometric validation",
                          "psychometric testing", "scale development", "confirmatory factor analysis",
                          "exploratory factor analysis", "factor structure", "construct validity", "content validity",
                          "convergent validity", "discriminant validity", "test-retest reliability", "test-retest",
                          "reliability and validity", "validity and reliability")),
    (ANIMAL, CUE, ("mice", "mouse", "murine", "rats", "rat model", "zebrafish", "knockout mice", "transgenic mice",
                   "animal model", "in vivo", "drosophila", "piglets", "rabbits", "primates")),
    (LAB, CUE, ("in vitro", "cell line", "cell lines", "cultured cells", "cell culture", "cells were treated",
                "western blot", "immunohistochemistry", "assay", "assays", "knockdown")),
    (COMPUTATIONAL, CUE, ("genome-wide", "rna-seq", "transcriptome", "transcriptomic", "sequencing", "bioinformatics",
                          "algorithm", "software", "database", "machine learning", "simulation", "simulations",
                          "computational", "gwas", "qtl", "r package", "web server", "deep learning", "genomes",
                          "gene expression data", "pipeline", "in silico", "phylogenetic", "metagenomic")),
    (NARRATIVE_REVIEW, STRONG, ("literature review", "narrative review")),
    # Longer phrases that swallow a design word used in another sense ("a systematic review of the reports").
    (NOT_A_DESIGN, STRONG, ("systematic review of the", "systematic review of all", "study protocol was",
                            "randomized order", "randomised order", "randomly selected", "randomly sampled")
     # a meta-analysis the review says it could not do is none (cochrane CD008179: "It was not
     # possible to carry out a meta-analysis of the evidence from RCTs"): it votes for no design
     # and pools nothing
     + tuple(f"{lead} {verb} a {ma}" for lead in ("not possible to", "unable to", "could not", "did not")
             for verb in ("carry out", "conduct", "perform", "undertake", "do")
             for ma in ("meta-analysis", "meta analysis"))
     + tuple(f"{ma} was not {word}" for ma in ("meta-analysis", "a meta-analysis") for word in
             ("possible", "performed", "conducted", "undertaken", "appropriate", "feasible"))
     + ("no meta-analysis", "no meta-analyses", "meta-analysis was not", "meta-analysis could not",
        "meta-analysis not possible", "meta-analyses were not", "meta-analysis was inappropriate")),
    (POOLED_CUE, STRONG, ("pooled", "pooling", "meta-analysis", "meta-analysed", "meta-analyzed")),
)  # fmt: skip

_RANDOMISED_RE = r"^(randomi[sz]ed|randomly)$"
_PLURAL_STUDIES = {"REGEX": r"^(trials|studies|rcts)$"}
_ANY_STUDIES = {"REGEX": r"^(trials?|stud(?:y|ies)|rcts?)$"}
# Verb forms spelled out instead of matched by lemma: every pattern here reads only what the
# tokenizer gives (LOWER, TEXT, LIKE_NUM, ...), so background and conclusions sections, which only
# vote on the design, need no tagger, lemmatizer or parser (pipeline.enrich.facts).
_ASSIGN = ["assign", "assigns", "assigned", "assigning", "allocate", "allocates", "allocated", "allocating"]
_CONDUCT = [
    "conduct", "conducts", "conducted", "conducting", "perform", "performs", "performed", "performing",
    "undertake", "undertakes", "undertaken", "undertaking", "undertook",
]  # fmt: skip
_MEET = [
    "meet",
    "meets",
    "met",
    "meeting",
    "satisfied",
    "satisfy",
    "satisfies",
    "fulfilled",
    "fulfil",
    "fulfill",
    "fulfils",
    "fulfills",
]

# (design, weight, token patterns) for the Matcher: verbs and inclusion statements.
TOKEN_PATTERNS: tuple[tuple[str, float, list[list[dict[str, Any]]]], ...] = (
    (RCT, STRONG, [
        [{"LOWER": "randomly"}, {"LOWER": {"IN": _ASSIGN}}],
        [{"LOWER": {"IN": ["were", "was", "we"]}}, {"LOWER": {"REGEX": r"^randomi[sz]ed$"}}],
        [{"LOWER": {"REGEX": r"^randomi[sz]ed$"}}, {"LOWER": {"IN": ["to", "into"]}}, {"LOWER": {"IN": ["receive", "either", "one"]}}],
        # a trial's kind said between "randomised controlled" and "study": "One randomised controlled
        # open label study in 167 adults" (cochrane CD006316.pub3 was a "non-randomised controlled
        # trial" from its "... was found in a non-randomised trial in children"); the word before
        # keeps "non-randomised controlled ... study" out
        [{"LOWER": {"NOT_IN": ["-", "non"]}}, {"LOWER": {"REGEX": r"^randomi[sz]ed$"}}, {"LOWER": "controlled"},
         {"LOWER": {"REGEX": r"^(?:open|label|double|single|triple|blind|blinded|-)$"}, "OP": "{1,4}"},
         {"LOWER": {"IN": ["study", "trial"]}}],
    ]),
    (SR, STRONG * 1.5, [
        # "We identified only two trials that satisfied the selection criteria" (cochrane CD012670)
        [{"LOWER": {"IN": ["included", "includes", "include", "identified", "selected", "found"]}},
         {"LOWER": {"IN": ["a", "total", "of", "only", "just"]}, "OP": "{0,3}"}, {"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,3}"},
         {"LOWER": _PLURAL_STUDIES}],
        [{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"LOWER": _PLURAL_STUDIES},
         {"LOWER": {"IN": ["involving", "including", "enrolling", "randomising", "randomizing", "comprising", "with"]}}],
        [{"LOWER": "databases"}, {"LOWER": "were"}, {"LOWER": "searched"}],
        # 19 (h19main): a text that speaks of its trials as a body is a review: "Many of the trials were
        # from low-income countries" (cochrane CD003094, read as one trial: "125 women took part." from
        # one trial's "(risk ratio 0.38, ..., one trial, 125 women)")
        [{"LOWER": "many"}, {"LOWER": "of"}, {"LOWER": "the"}, {"LOWER": _PLURAL_STUDIES}],
        # "Six relevant randomised trials were identified" (cochrane CD009294), "Four randomised
        # controlled trials were found comparing ..." (CD003467): counted studies a review found;
        # "Published studies were identified through citation chasing" (a literature review of
        # guidance, 10.1186/s12874-018-0545-3) counts none
        [{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,4}"}, {"LOWER": _PLURAL_STUDIES},
         {"LOWER": {"IN": ["were", "was"]}}, {"LOWER": {"IN": ["identified", "found"]}}],
        # studies of two designs counted side by side are what a review found: "One randomised
        # controlled trial and eleven prospective cohort studies were identified" (cochrane CD006061)
        [{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"LOWER": _ANY_STUDIES}, {"LOWER": "and"},
         {"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,4}"}, {"LOWER": _PLURAL_STUDIES}],
        # "We included three short-term and one long-term trial (total N=221)" (cochrane CD008125.pub2)
        [{"LOWER": {"IN": ["included", "includes", "include", "identified", "found"]}}, {"LIKE_NUM": True},
         {"TEXT": {"REGEX": r"^[A-Za-z-]+$"}, "OP": "{0,4}"}, {"LOWER": "and"}, {"LIKE_NUM": True},
         {"TEXT": {"REGEX": r"^[A-Za-z-]+$"}, "OP": "{0,4}"}, {"LOWER": _ANY_STUDIES}],
    ]),
    (CASE_REPORT, STRONG, [
        [{"LOWER": {"IN": ["a", "an"]}}, {"LIKE_NUM": True}, {"LOWER": "-"}, {"LOWER": {"IN": ["year", "month"]}},
         {"LOWER": "-"}, {"LOWER": "old"}],
    ]),
    (QUALITATIVE, STRONG * 0.8, [
        [{"LOWER": {"IN": ["interview", "interviews"]}}, {"LOWER": {"IN": ["were", "was"]}}, {"LOWER": {"IN": _CONDUCT}}],
        [{"LOWER": "interviewed"}],
    ]),
    (PROTOCOL_CUE, STRONG, [
        [{"LOWER": "will"}, {"LOWER": "be", "OP": "?"}, {"LOWER": {"REGEX": r"^(randomi[sz]ed|randomly|recruited|enrolled|allocated|assigned|included|measured|assessed|evaluated|compared|conducted)$"}}],
        [{"LOWER": "we"}, {"LOWER": "will"}],
    ]),
    # 24 (h24bmc): "in vivo" said of people is no animal work: "We investigate the in vivo patterns of stem
    # cell divisions in the human hematopoietic system" (elife 08687, telomere data of 356 healthy
    # individuals, was "an animal study of 356 healthy individuals")
    (NOT_A_DESIGN, STRONG, [
        [{"LOWER": "in"}, {"LOWER": "vivo"}, {"IS_PUNCT": False, "OP": "{0,6}"}, {"LOWER": "in"},
         {"LOWER": {"IN": ["the", "healthy"]}, "OP": "?"},
         {"LOWER": {"IN": ["human", "humans", "people", "patients", "volunteers", "participants"]}}],
    ]),
    (POOLED_CUE, STRONG, [
        [{"TEXT": {"IN": ["RR", "OR", "MD", "SMD", "WMD", "HR"]}}, {"IS_PUNCT": True, "OP": "?"}, {"LIKE_NUM": True}],
    ]),
)  # fmt: skip

# (design, weight, anchor pattern, words one of which must come earlier in the same sentence).
# Checked in Python because Matcher wildcards over long gaps are very slow.
SENTENCE_RULES: tuple[tuple[str, float, list[dict[str, Any]], frozenset[str]], ...] = (
    (SR, STRONG * 1.5, [{"LOWER": {"IN": ["were", "was"]}}, {"LOWER": "included"}], frozenset({"trials", "studies", "rcts"})),
    # "Nine studies met all inclusion criteria" (cochrane CD006893), "met our inclusion criteria" (CD008179)
    (SR, STRONG * 1.5, [{"LOWER": {"IN": _MEET}}, {"LOWER": {"IN": ["the", "our", "all", "of"]}, "OP": "{0,2}"},
                        {"LOWER": {"IN": ["inclusion", "selection", "eligibility"]}}],
     frozenset({"trials", "studies", "rcts"})),
    (RETROSPECTIVE, STRONG, [{"LOWER": {"IN": ["were", "was"]}}, {"LOWER": {"IN": ["reviewed", "analysed", "analyzed"]}}],
     frozenset({"records", "charts", "record", "chart", "notes"})),
)  # fmt: skip

_TITLE_PROTOCOL = ("study protocol", "protocol for", "trial protocol", "a protocol", "protocol of")


@dataclass(frozen=True)
class Hit:
    """One pattern match: the design it votes for, its weight and where it is."""

    design: str
    weight: float
    section: int  # -1 for the title
    start: int
    end: int
    text: str
    role: str


@dataclass(frozen=True)
class DesignMatchers:
    """The matchers built once per Language."""

    phrases: PhraseMatcher
    tokens: Matcher
    protocol_title: PhraseMatcher
    sentence: Matcher
    weights: dict[str, float]


@lru_cache(maxsize=4)
def get_matchers(nlp: Language) -> DesignMatchers:
    """Build (once per Language) the phrase and token matchers for every design."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    weights: dict[str, float] = {}
    for design, weight, texts in PHRASES:
        key = f"phrase:{design}"
        phrases.add(key, [nlp.make_doc(t) for t in texts])
        weights[key] = weight
    tokens = Matcher(nlp.vocab)
    for design, weight, patterns in TOKEN_PATTERNS:
        key = f"token:{design}"
        tokens.add(key, patterns, greedy="LONGEST")
        weights[key] = weight
    protocol_title = PhraseMatcher(nlp.vocab, attr="LOWER")
    protocol_title.add("protocol", [nlp.make_doc(t) for t in _TITLE_PROTOCOL])
    sentence = Matcher(nlp.vocab)
    for number, (design, weight, pattern, _) in enumerate(SENTENCE_RULES):
        sentence.add(f"rule{number}:{design}", [pattern])
        weights[f"rule{number}:{design}"] = weight
    return DesignMatchers(phrases, tokens, protocol_title, sentence, weights)


def _sentence_hits(doc: Doc, matchers: DesignMatchers) -> list[tuple[str, int, int]]:
    """Anchor matches whose sentence has one of the rule's words before the anchor."""
    found = []
    for match_id, start, end in matchers.sentence(doc):
        key = doc.vocab.strings[match_id]
        words = SENTENCE_RULES[int(key.split(":", 1)[0][4:])][3]
        sentence_start = doc[start].sent.start
        if any(t.lower_ in words for t in doc[sentence_start:start]):
            found.append((key, start, end))
    return found


_LIST_OPENERS = frozenset({"(", ",", ";"})
_ABBREVIATED = frozenset({"rct", "rcts"})


def _counted_trials(doc: Doc, start: int, end: int, lists: bool = True) -> int | None:
    """Where a count of the randomised trials at ``start`` begins, when they are counted (None when
    not): a count of trials is what a review found, never the design of one. One rule for both ways
    a review counts them: a results line's list ("(n=70, 1 RCT, RR 48.24 ...)", "(7 RCTs n = 227, RR
    0.87 ...)", cochrane CD008125.pub2, CD001949.pub3: any count, the list's opener included) and
    two or more anywhere ("3 RCT", "five randomised trials"; cochrane CD006617 was "Level 2
    (randomised controlled trial)" from eight "(n=968, 3 RCT, RR 0.46 ...)" brackets of a review of
    nine trials). "RCTs" counted outside a list votes for nothing ("The pre-screening of four RCTs
    ... was analyzed retrospectively" is a primary study, bmc s13063-014-0535-7)."""
    if start == 0 or not doc[start - 1].like_num:
        return None
    abbreviated = doc[start:end].text.lower() in _ABBREVIATED
    if lists and abbreviated and start >= 2 and doc[start - 2].lower_ in _LIST_OPENERS:
        return start - 2
    if doc[start:end].text.lower() == "rcts":
        return None  # counted outside a list
    word = doc[start - 1].lower_.replace(",", "")
    if word in ("1", "one", "a", "single") or word.startswith("0"):
        return None
    return start


def _doc_hits(doc: Doc, section: int, role: str, matchers: DesignMatchers) -> list[Hit]:
    """All design hits in one doc, longest match first where phrases overlap."""
    vocab = doc.vocab.strings
    raw = [(vocab[m], s, e) for m, s, e in matchers.phrases(doc)]
    raw += [(vocab[m], s, e) for m, s, e in matchers.tokens(doc)]
    raw += _sentence_hits(doc, matchers)
    hits: list[Hit] = []
    taken: set[int] = set()
    negated: set[int] = set()  # tokens of a NOT_A_DESIGN phrase: no pooling cue inside one either
    for key, start, end in sorted(raw, key=lambda r: (-(r[2] - r[1]), r[1], r[0])):
        design = key.split(":", 1)[1]
        if design not in (PROTOCOL_CUE, POOLED_CUE) and taken.intersection(range(start, end)):
            continue
        if design == POOLED_CUE and negated.intersection(range(start, end)):
            continue
        if design == NOT_A_DESIGN:
            negated.update(range(start, end))
        weight = matchers.weights[key]
        if design == RCT:
            counted = _counted_trials(doc, start, end)
            if counted is not None and taken.intersection(range(counted, start)):
                counted = _counted_trials(doc, start, end, lists=False)  # the list's count is another's
            if counted is None and doc[start:end].text.lower() == "rcts":
                continue  # "four RCTs" outside a list
            if counted is not None and counted < start:  # a list's count: the review's inclusion weight
                start, weight = counted, matchers.weights[f"token:{SR}"]
            design = SR if counted is not None else design
        if design not in (PROTOCOL_CUE, POOLED_CUE):
            taken.update(range(start, end))
        span = doc[start:end]
        hits.append(Hit(design, weight, section, span.start_char, span.end_char, span.text, role))
    return sorted(hits, key=lambda h: (h.section, h.start, h.design))


def collect_hits(title_doc: Doc | None, section_docs: list[tuple[int, str, Doc]], nlp: Language) -> list[Hit]:
    """Hits over the title and every ``(section index, role, doc)``."""
    matchers = get_matchers(nlp)
    hits = _doc_hits(title_doc, -1, roles.TITLE, matchers) if title_doc is not None else []
    for index, role, doc in section_docs:
        hits.extend(_doc_hits(doc, index, role, matchers))
    return hits


def _score(hit: Hit) -> float:
    """A hit's vote: pattern weight times section weight."""
    return hit.weight * ROLE_WEIGHTS.get(hit.role, 1.0)


def design_scores(hits: list[Hit]) -> dict[str, float]:
    """Total vote per design; loose cues are capped so that they cannot outvote one explicit phrase."""
    strong: dict[str, float] = defaultdict(float)
    cues: dict[str, float] = defaultdict(float)
    for hit in hits:
        (cues if hit.weight < STRONG else strong)[hit.design] += _score(hit)
    scores = dict(strong)
    for design, value in cues.items():
        scores[design] = scores.get(design, 0.0) + min(value, CUE_CAP)
    return scores


def _merge_review_and_pooling(scores: dict[str, float]) -> dict[str, float]:
    """A systematic review that pools results (or is named with a meta-analysis) is SR + MA."""
    sr, ma, pooled = scores.get(SR, 0.0), scores.get(MA, 0.0), scores.get(POOLED_CUE, 0.0)
    if sr > 0 and (ma > 0 or pooled > 0):
        scores[SR_MA] = scores.get(SR_MA, 0.0) + sr + ma
        scores.pop(SR, None)
        scores.pop(MA, None)
    return scores


def _rank(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Designs by score, ties broken by the fixed DESIGNS order (deterministic)."""
    order = {d: i for i, d in enumerate((*DESIGNS, NARRATIVE_REVIEW))}
    ranked = [(d, s) for d, s in scores.items() if d in order and s >= MIN_SCORE]
    return sorted(ranked, key=lambda item: (-round(item[1], 6), order[item[0]]))


def is_protocol(
    title_doc: Doc | None, hits: list[Hit], nlp: Language, section_labels: list[str | None]
) -> bool:
    """A planned study: 'study protocol' in the title, or a Methods/Design section written in the future tense."""
    if title_doc is not None and get_matchers(nlp).protocol_title(title_doc):
        return True
    future = sum(1 for h in hits if h.design == PROTOCOL_CUE and h.role == roles.METHODS)
    has_design_label = any(label and "design" in label.lower() for label in section_labels)
    return future >= 2 and (has_design_label or future >= 4)


def _best_hit(hits: list[Hit], designs: set[str]) -> Hit | None:
    """The strongest hit inside an abstract section for one of ``designs`` (the fact's span)."""
    found = [h for h in hits if h.design in designs and h.section >= 0]
    if not found:
        return None
    return min(found, key=lambda h: (-_score(h), h.section, h.start))


def _fact_for(design: str, hits: list[Hit], scores: dict[str, float], detail: dict[str, Any]) -> Fact:
    """A design Fact with the span of its strongest supporting hit."""
    sources = {design, SR, MA, POOLED_CUE} if design == SR_MA else {design}
    hit = _best_hit(hits, sources)
    detail = {**detail, "score": round(scores.get(design, 0.0), 3)}
    if hit is None:
        title_hit = next((h for h in hits if h.design in sources and h.section < 0), None)
        if title_hit is not None:
            detail["source"] = "title"
            detail["matched"] = title_hit.text
        return Fact(design, None, detail)
    return Fact(design, Span(hit.section, hit.start, hit.end, hit.text), detail)


# 28 (h28bmc): guidance for researchers names the design it is guidance on, which is not its own:
# "Specifying the target difference in the primary outcome for a randomised controlled trial: guidance
# for researchers" (bmc s13063-014-0526-8) was "Level 2 (randomised controlled trial)", "This trial
# specified ...", "People were put into groups by chance." and "A Fair Test". A review of guidance is
# still a review; people assigned to groups ("were randomised", "randomly assigned") make it a trial.
_GUIDANCE_TITLE = re.compile(
    r"\b(?:guidance|guidelines? (?:for|on)|recommendations (?:for|on)|reporting (?:checklist|items|guidelines?))\b",
    re.I,
)
_ALLOCATED = re.compile(
    r"\b(?:randomly|were|was|we) (?:randomi[sz]ed|assigned|allocated)\b|\brandomi[sz]ed (?:to|into)\b", re.I
)


def _guidance_on_a_design(title_doc: Doc | None, hits: list[Hit], top: str) -> bool:
    if title_doc is None or not _GUIDANCE_TITLE.search(title_doc.text) or top in REVIEW_DESIGNS:
        return False
    return not any(_ALLOCATED.search(h.text) for h in hits)


def design_fact(
    title_doc: Doc | None, section_docs: list[tuple[int, str, Doc]], nlp: Language, labels: list[str | None]
) -> Fact:
    """Decide the study design and return it as a Fact (NOT_SPECIFIED when nothing matches)."""
    hits = collect_hits(title_doc, section_docs, nlp)
    scores = _merge_review_and_pooling(design_scores(hits))
    ranked = _rank(scores)
    runner_up = {"candidates": {d: round(s, 3) for d, s in ranked[:3]}}
    if is_protocol(title_doc, hits, nlp, labels):
        planned = next(
            (d for d, _ in ranked if d in PLANNED_DESIGNS),
            None,
        )
        fact = _fact_for(planned, hits, scores, {}) if planned else Fact(PROTOCOL, None, {})
        return Fact(PROTOCOL, fact.span, {**runner_up, "planned_design": planned or NOT_SPECIFIED})
    if not ranked or ranked[0][0] == NARRATIVE_REVIEW:
        reason = "non-systematic review" if ranked else "no design words found"
        return Fact(NOT_SPECIFIED, None, {**runner_up, "reason": reason})
    if _guidance_on_a_design(title_doc, hits, ranked[0][0]):
        return Fact(NOT_SPECIFIED, None, {**runner_up, "reason": "guidance on a design"})
    review = next((r for r, _ in ranked if r in REVIEW_DESIGNS), None)
    if review is not None and not any(role in (roles.METHODS, roles.CASE) for _, role, _ in section_docs):
        # an unlabelled text that counts the studies it kept is a review whatever its trials' words
        # vote ("Nine studies compared 1354 participants randomised to either vitamin B ... were
        # identified", cochrane CD009403.pub2; "We included two studies with 64,391 participants",
        # CD012352.pub2: "Level 2 (randomised controlled trial)"); a structured abstract's Methods
        # say its own design
        return _fact_for(review, hits, scores, runner_up)
    return _fact_for(ranked[0][0], hits, scores, runner_up)
