"""Faithfulness to the abstract: sentence support, negation flips, hedges kept, added terms.

Each draft sentence is aligned to the abstract sentence that covers most of its content words
(Porter stems, weighted by how rare each stem is across the abstract's sentences, with the plain
alternatives of glossary terms in a source sentence counted as its words). The metrics work on
those alignments; the review app gets them from :func:`align_sentences`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import product
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.enrich.wording import fact_statement
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.score.claims import abstract_whole_counts, other_inclusion_counts
from pipeline.text.abbreviations import article_abbreviations, uses_short_form
from pipeline.text.glossary import TermIndex as Glossary
from pipeline.text.glossary import load_term_index as load_glossary
from pipeline.text.glossary import own_wording_stems
from pipeline.text.hedges import HEDGE
from pipeline.text.hedges import is_hedged as is_hedged
from pipeline.text.numbers import find_numbers, source_numbers, value_match
from pipeline.text.readability import in_pronouncing_dict, sentence_spans
from pipeline.text.words import is_content_word, is_rare, stem, tokens, zipf

SUPPORT_THRESHOLD = 0.45  # below: "not supported by the abstract"
ALIGNED_THRESHOLD = 0.5  # at or above: the pair says the same thing
HEDGE_ALIGNED_THRESHOLD = 0.65  # a dropped qualifier: the sentence restates one hedged claim
FLIP_ALIGNED_THRESHOLD = 0.6  # a negation flip is an error, so it needs a closer pair
DIRECTION_ALIGNED_THRESHOLD = 0.45
LOCAL_ALIGNED_THRESHOLD = 0.3  # a flip between the same two words needs only a loose pair
PARSE_ALIGNED_THRESHOLD = 0.5  # a word negated on one side only (by the parse): a pair that says the same
FINDING_ALIGNED_THRESHOLD = 0.5  # a finding the abstract sentence denies, stated without a negation
SPLIT_ALIGNED_THRESHOLD = 0.5  # both negate, and a negator splits a word pair the other side has whole

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(
    r"\b(?:(?<!/)no(?!\s+(?:longer|more than|less than)\b)|"
    # 14 -> 15 (h20flags): "unknown" and "not known" deny, so a summary that says the abstract's "do
    # not yet have a known function" as "is unknown" (eLife 03523's digest) negates too. "unsure" and
    # "not sure / certain / clear" stay no cue: "we are unsure about the effect estimate" is a
    # certainty rating, which "very low-certainty evidence about the effects" restates (CD011927.pub2)
    r"(?<!\bwhether or )not(?!\s+(?:only|clear|certain|sure|all|every|always)\b)|"  # "not all" is a quantifier
    r"never|none|neither|nor|without|cannot|(?<!\ba )(?<!\bthe )few|(?<!\ba )little|rarely|infrequent(?:ly)?|"
    # 21 -> 22 (h28flags): "inadequately reported" denies as "not properly reported" does, and a
    # "failure to provide long-term follow up" as "no long-term follow up" (eval part A CD009730.pub2,
    # CD006406.pub2: clean human summaries read as a negation added)
    r"insufficient|inadequate(?:ly)?|"
    r"unclear(?!\s+(?:or\s+\w+\s+)?risks?\b)|uncertain|unknown|absence of|"  # "unclear risk of bias" is a rating
    r"unproven|ineffective|unchanged|non-?significant|insignificant|lack(?:s|ed|ing)?\s+of|"
    r"fail(?:s|ed)?\s+to|(?<!heart )failure\s+to|unable\s+to|impossible|"
    # 17 -> 18 (h24flags): what "remains to be" or "has yet to be" done is not done, as "had not
    # previously been tested" says of "remains to be objectively tested" (eLife 05463's digest)
    r"remain(?:s|ed)?\s+to\s+be|(?:has|have|is|are|was|were)\s+yet\s+to)\b|n['’]t\b",
    re.I,
)
_SCOPE_END = re.compile(r"[,;:.()]|\b(?:but|whereas|while|although)\b", re.I)
_SCOPE_WORDS = 6
# Words of the research report itself: nearly every sentence of an abstract and of its summary
# has some of them, so sharing them does not make two sentences the same claim.
_REPORT_WORDS = """study studies trial trials review reviews include included compare compared comparing
comparison participant participants people patient patients evidence result results outcome outcomes
report reported effect effects group groups data analysis analyses find found show showed shown
use used using""".split()
_MEDICAL_PREFIX = re.compile(
    r"(?:cardi|neur|hepat|gastr|nephr|derma|oste|arthr|pulmon|onco|haem|hema|hemo|immun|psych|cereb|"
    r"angio|thromb|leuk|lymph|vascul|glyc|insul|diabet|cancer|tumo|carcin|infect|antibiot|vaccin|"
    r"surg|an[a]?esth|placeb|chemo|radio|dialy|steroid|opioid|antidep|antivir|antihyper)"
)
_MEDICAL_SUFFIX = re.compile(
    r"(?:itis|osis|oses|a?emia|ectomy|otomy|ostomy|plasty|scopy|pathy|algia|omas?|trophy|plasia|"
    r"cytes?|mab|nib|vir|cillin|mycin|cycline|statin|pril|sartan|olol|azole|dipine|parin|prazole|"
    r"oxetine|therapy|therapies|graphy|ologist)$"
)
_POSSESSIVE = re.compile(r"['’]s?$")


# ---------------------------------------------------------------------------------------------
# Source sentences and alignment


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` plus its numbers (separators removed)."""
    words = {t.stem for t in tokens(text) if is_content_word(t.text)}
    return frozenset(words | {n.replace(",", "") for n in _NUMBER.findall(text)})


@dataclass(frozen=True)
class SourceSentence:
    """One abstract sentence: where it is, its content stems, and those plus plain alternatives."""

    section: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    expanded: frozenset[str]

    @property
    def span(self) -> dict[str, Any]:
        return {"section": self.section, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class SourceIndex:
    """An abstract's sentences, the IDF of each stem across them, and every stem of the article."""

    sentences: tuple[SourceSentence, ...]
    idf: dict[str, float]
    unseen_idf: float
    vocabulary: frozenset[str]  # stems of every word of title and abstract, stop words too
    # 16 (h25flags): the stems of the long forms of the short forms the abstract defines or uses from
    # the reviewed list (text.abbreviations.article_abbreviations): a term's support, not the
    # sentence-support check's vocabulary (with them, a human summary's other sentences read closer
    # to the abstract and two more full-review sentences of the mine half stood out)
    long_forms: frozenset[str] = frozenset()
    short_forms: tuple[tuple[str, frozenset[str]], ...] = ()  # each short form and its long form's stems

    def weight(self, stem_: str) -> float:
        return self.idf.get(stem_, self.unseen_idf)

    def stems_with_long_forms(self, text: str) -> frozenset[str]:
        return _stems_with_long_forms(text, self.short_forms)


def _stems_with_long_forms(text: str, short_forms: tuple[tuple[str, frozenset[str]], ...]) -> frozenset[str]:
    """The content stems of ``text`` (a part of an abstract sentence) and of the long form of each
    short form it uses."""
    said = [long for short, long in short_forms if short in text and uses_short_form(text, short)]
    return content_stems(text).union(*said)


def _plain_stems(text: str, glossary: Glossary) -> frozenset[str]:
    """Stems of the plain alternatives of the glossary terms in ``text``."""
    return frozenset(s for _, _, entry in glossary.find(text) for s in entry.plain_words)


@lru_cache(maxsize=2048)
def _build_index(title: str, sections: tuple[str, ...]) -> SourceIndex:
    """Split, stem and weigh an abstract once per process."""
    glossary = load_glossary()
    # 16 (h25flags): a sentence's short forms stand for their long forms too ("PRP" supports the
    # composer's "platelet-rich plasma"; text.abbreviations.article_abbreviations)
    long_forms = {
        short: content_stems(long) for short, long in article_abbreviations(" ".join(sections)).items()
    }
    short_forms = tuple(long_forms.items())
    sentences: list[SourceSentence] = []
    for i, text in enumerate(sections):
        for start, end in sentence_spans(text):
            piece = text[start:end]
            stems = content_stems(piece)
            expanded = _stems_with_long_forms(piece, short_forms) | _plain_stems(piece, glossary)
            sentences.append(SourceSentence(i, start, end, piece, stems, expanded))
    df = Counter(s for sent in sentences for s in sent.expanded)
    n = max(len(sentences), 1)
    idf = {s: math.log(1 + n / c) for s, c in df.items()}
    # Every word's stem, its stem without a possessive ("Leber's" supports "Leber") and the stems
    # of the parts of a hyphenated word ("homolog-deficient" supports "homolog", "deficient").
    vocab: set[str] = set()
    for text in (title, *sections):
        for t in tokens(text):
            vocab.add(t.stem)
            vocab.add(stem(_POSSESSIVE.sub("", t.text)))
            if "-" in t.text:
                vocab.update(stem(p) for p in t.text.split("-") if p)
    vocab |= {n_.replace(",", "") for text in (title, *sections) for n_ in _NUMBER.findall(text)}
    # the plain words the drafter writes for own-glossary terms of this abstract ("CT scan")
    vocab |= own_wording_stems(" ".join((title, *sections)))
    return SourceIndex(
        tuple(sentences),
        idf,
        math.log(1 + n / 0.5),
        frozenset(vocab),
        frozenset().union(*long_forms.values()),
        short_forms,
    )


def source_index(article: Article) -> SourceIndex:
    """The cached SourceIndex of ``article`` (keyed by its title and section texts)."""
    return _build_index(article.title or "", tuple(s.text for s in article.sections))


def _weighted_cover(weights: dict[str, float], total: float, sentence: SourceSentence) -> float:
    """Share of the total weight whose stems the sentence has."""
    if total == 0:
        return 0.0
    return math.fsum(w for s, w in weights.items() if s in sentence.expanded) / total


@dataclass(frozen=True)
class Alignment:
    """A draft sentence, its best supporting abstract sentence, and how well it is supported."""

    draft_start: int
    draft_end: int
    draft_text: str
    score: float
    source: SourceSentence | None

    @property
    def source_span(self) -> dict[str, Any] | None:
        return self.source.span if self.source else None


def align_sentences(draft_text: str, article: Article) -> list[Alignment]:
    """Link each draft sentence to its best supporting abstract sentence, with a 0-1 score."""
    return list(_align(draft_text, article.title or "", tuple(s.text for s in article.sections)))


@lru_cache(maxsize=8192)
def _align(draft_text: str, title: str, sections: tuple[str, ...]) -> tuple[Alignment, ...]:
    """Cached alignment: several metrics align the same field against the same abstract."""
    index = _build_index(title, sections)
    out: list[Alignment] = []
    for start, end in sentence_spans(draft_text):
        piece = draft_text[start:end]
        weights = {s: index.weight(s) for s in content_stems(piece)}
        total = math.fsum(weights.values())
        best: SourceSentence | None = None
        best_score = 0.0
        for sent in index.sentences:
            score = _weighted_cover(weights, total, sent)
            if score > best_score:
                best, best_score = sent, score
        out.append(Alignment(start, end, piece, best_score, best))
    return tuple(out)


def support_alignment(draft_text: str, article: Article) -> list[dict[str, Any]]:
    """Each draft sentence with the abstract sentence that supports it best, as the draft page
    shows it: ``{"text", "score", "source": span or None, "fact": reason or None}`` (a sentence in
    the drafters' fixed wording of a study fact names the fact, and its cue's span if any).

    The sentence-support metric stores this with its score (``details["alignment"]``), so the
    page reads it instead of aligning again on every view.
    """
    sections = tuple(s.text for s in article.sections)
    out: list[dict[str, Any]] = []
    for a in align_sentences(draft_text, article):
        stated = fact_statement(a.draft_text, sections)
        if stated is not None:
            source, fact = stated.source_span, stated.reason
        else:
            source, fact = a.source_span, None
        out.append({"text": a.draft_text, "score": round(a.score, 4), "source": source, "fact": fact})
    return out


# ---------------------------------------------------------------------------------------------
# Sentence support


# A sentence "not in the abstract" (from another abstract, or made up): its words are in neither
# the abstract nor the rest of the text. A human summary explains the condition in words the
# abstract lacks, but its other sentences use them too; a sentence from elsewhere shares nothing.
# Set on the "mine" half of cochrane_val (bench/flags.py --half mine): at most 5 % of clean human
# summaries get the warning.
FOREIGN_MIN_WORDS = 3  # uncommon words or numbers that neither the abstract nor the rest of the text has
FOREIGN_SHARE = 0.8  # ... and that share of the sentence's content words (report words aside) is new
# Each uncommon new word beyond the least lowers the share needed (to FOREIGN_SHARE_FLOOR): a
# sentence of another review names its own drug, condition and outcome ("the addition of an
# antiplatelet agent reduced the risk of thromboembolic events": eleven uncommon new words and
# numbers) but shares the report's words ("compared", "risk", "confidence interval"), so four in
# five of its words are rarely new. A word said twice counts once. 13 (h13support), mine half
# (var/quick harness, each text's injection seeded by its id): human summaries' recall 43 % -> 50 %,
# clean summaries warned 9 -> 6 of 206; eLife digests (120 of elife_dev, reserved subjects out)
# recall 64 % -> 69 %, warned 5 -> 6 of 120 (0.03 a word gave 72 % but 8 of 120).
FOREIGN_SHARE_STEP = 0.02
FOREIGN_SHARE_FLOOR = 0.4
# A text that keeps to the abstract's words (a draft, a close edit: its other sentences have on
# average at most CLOSE_TEXT_NEW of their content words new) shows a sentence from elsewhere more
# plainly, so there two uncommon new words or numbers and four in five new words are enough, less
# with more such words (CLOSE_SHARE_STEP each). 13: CLOSE_TEXT_NEW 0.1 -> 0.2 (a draft's plain
# explanation of a term adds a few words) with CLOSE_SHARE 0.7 -> 0.8: drafts' recall 60 % -> 60 %
# on the mine half, clean draft fields warned 3 -> 0 of 618.
CLOSE_TEXT_NEW = 0.2
CLOSE_MIN_WORDS = 2
CLOSE_SHARE = 0.8
CLOSE_SHARE_STEP = 0.05
_UNCOMMON_ZIPF = 4.0  # rarer than about one in 10,000 words of English
# A year is a search or publication date, which summaries take from the full review (a note in
# number_faithfulness), not a sign of another topic.
_YEAR = re.compile(r"(?:19|20)\d\d")


# How many research abstracts use a word (data/lexicon/abstract_df.tsv, built by
# pipeline.lab.abstract_df from 1,000 PubMed and 2,500 BMC abstracts): the smaller of its two
# shares, so that a word of one field ("gene" in BMC's genomics) is no report word. A word that a
# quarter of the abstracts of both sets use ("significant", "compared", "analysis", "suggest") is
# a word of the report, not of the topic: like the report words, it is left out of the share of
# new words, which then reads the topic words only. 14 (h14support), mine half (the var/quick
# harness): human summaries' recall 102 -> 104 of 206 at 6 -> 6 clean summaries warned, drafts'
# 372 -> 374 of 618 at 0 -> 0; eLife digests (120) 83 -> 83 at 6 -> 6. 0.2 gave 113 of 206 but 8
# of 120 eLife digests warned; counting an uncommon word only when under one abstract in fifty
# uses it ("randomised", "placebo" name no topic) cost the drafts ("systemic" stems to "system").
REPORT_DF = 0.25


@lru_cache(maxsize=1)
def abstract_shares() -> dict[str, float]:
    """Stem -> the smaller share of abstracts that use it in the two corpora of the table."""
    from pipeline.settings import DATA_ROOT

    lines = (DATA_ROOT / "lexicon" / "abstract_df.tsv").read_text(encoding="utf-8").split("\n")
    sizes = [int(x) for x in lines[0].split("\t")[1:]]
    out: dict[str, float] = {}
    for line in lines[1:]:
        if line:
            st, *counts = line.split("\t")
            out[st] = min(int(c) / n for c, n in zip(counts, sizes, strict=True))
    return out


def _uncommon(word: str) -> bool:
    """Rarer than _UNCOMMON_ZIPF in English; a hyphenated word by its rarest part: "high-quality", "long-term" and "follow-up" are common words (wordfreq lists none of
    them whole, so they read as unseen), "anti-histamine" is not."""
    parts = [p for p in word.lower().split("-") if len(p) > 2]
    if "-" in word and parts:  # "up-to-date" by "date"
        return min(zipf(p) for p in parts) < _UNCOMMON_ZIPF
    return zipf(word.lower()) < _UNCOMMON_ZIPF


# A line about the summary itself, not the study: who wrote it, a web address ("Plain language
# summary prepared for this review by ... www.rethink.org", "Ben Gray, Senior Peer Researcher,
# McPin Foundation: http://mcpin.org/"). Its names are in no abstract, and it states no claim.
_ABOUT_THE_SUMMARY = re.compile(
    r"\bwww\.|https?://|\bsummary\b.{0,40}\b(?:prepared|written)\b|\bwritten\s+by\b", re.I
)


def share_needed(uncommon: int, close: bool) -> float | None:
    """The share of new content words a weakly matched sentence with ``uncommon`` uncommon new
    words or numbers needs to be "not in the abstract"; None when it has too few such words."""
    least, share, step = (
        (CLOSE_MIN_WORDS, CLOSE_SHARE, CLOSE_SHARE_STEP)
        if close
        else (FOREIGN_MIN_WORDS, FOREIGN_SHARE, FOREIGN_SHARE_STEP)
    )
    if uncommon < least:
        return None
    return max(FOREIGN_SHARE_FLOOR, share - step * (uncommon - least))


def foreign_words(
    sentence: str,
    index: SourceIndex,
    context: frozenset[str] = frozenset(),
    restated: frozenset[str] = frozenset(),
) -> tuple[list[str], float]:
    """The sentence's uncommon words and numbers (years aside) that neither the title, the abstract nor the
    ``context`` (stems of the text's other sentences) has, and the share of its content words
    (report words aside) that none of them has. Numbers in ``restated`` say an abstract number
    another way (:func:`restated_numbers`): not new."""
    shares = abstract_shares()
    words = [
        t
        for t in tokens(sentence)
        if is_content_word(t.text) and t.stem not in report_stems() and shares.get(t.stem, 0.0) < REPORT_DF
    ]
    numbers = [
        n
        for n in _NUMBER.findall(sentence)
        if n.replace(",", "") not in ("1", "95") and not _YEAR.fullmatch(n)
    ]
    if not words and not numbers:
        return [], 0.0
    new = [t for t in words if t.stem not in context and not _close_stem(t.stem, index.vocabulary)]
    new_numbers = [n for n in numbers if n.replace(",", "") not in index.vocabulary and n not in restated]
    by_stem: dict[str, str] = {}  # a word said twice counts once
    for t in new:
        if _uncommon(t.text):
            by_stem.setdefault(t.stem, t.text)
    out = list(by_stem.values()) + list(dict.fromkeys(new_numbers))
    return out, (len(new) + len(new_numbers)) / (len(words) + len(numbers))


# A text that keeps closer still to the abstract's words (a composer draft: its other sentences
# have on average at most PLAIN_TEXT_NEW of their content words new) shows a sentence from elsewhere
# even when that sentence's words are common ones ("The study took place in a large teaching
# hospital with an average to busy labour ward."): there a sentence that matches no abstract
# sentence well (support under PLAIN_SUPPORT), with at least PLAIN_MIN_WORDS new content words of
# any frequency, PLAIN_SHARE of its content words new and one new word rarer than PLAIN_ZIPF, is
# "not in the abstract". A sentence that says how sure the evidence is (a hedge, "certainty",
# "evidence", "proven") or what is needed next ("need", "confirm", "should") is left out: the
# composer's certainty, caveat and next-step sentences ("The evidence is weak (low certainty), so
# new studies may change it.", "These are the results of a single study, so other studies need to
# confirm them.") restate the abstract's grade or design in fixed words of their own. 17 (h17support), mine half (var/quick harness, seed 16): drafts' recall
# 361 -> 424 of 618 at 0 -> 0 clean draft fields warned; human summaries 103 -> 104 of 206 at 6 -> 7
# warned (the seventh lists adverse effects the abstract does not name); bmc_sample drafts (all
# fields) warned 0 -> 0 of 200; eLife digests (120) unchanged, eLife drafts 0 of 358 clean warned.
PLAIN_TEXT_NEW = 0.1
PLAIN_SUPPORT = 0.25
PLAIN_MIN_WORDS = 3
PLAIN_SHARE = 0.6
PLAIN_ZIPF = 4.5
_HOW_SURE = re.compile(
    r"\b(?:certainty|uncertain|prove[dn]?|evidence|needs?|needed|confirm|should|warranted|required)\b", re.I
)


def new_words(
    sentence: str, index: SourceIndex, context: frozenset[str] = frozenset()
) -> tuple[list[str], int]:
    """The sentence's content words (report words aside, each stem once, of any frequency) that
    neither the title, the abstract nor the ``context`` has, and how many content words it has."""
    shares = abstract_shares()
    words = [
        t
        for t in tokens(sentence)
        if is_content_word(t.text) and t.stem not in report_stems() and shares.get(t.stem, 0.0) < REPORT_DF
    ]
    by_stem: dict[str, str] = {}
    for t in words:
        if t.stem not in context and not _close_stem(t.stem, index.vocabulary):
            by_stem.setdefault(t.stem, t.text)
    return list(by_stem.values()), len(words)


# 11 -> 12 (h19flags): a sentence of certainty or need is read too, but its words that the composer's
# own certainty, caveat and next-step sentences use are not new ("The evidence is weak (low
# certainty), so new studies may change it.", "A study like this can find links, but it may not show
# cause and effect."): what is left must still be new, plenty and rare, as for any sentence. A
# sentence of another review's rating or need is in its own words ("Further large and high quality
# trials with more appropriate outcomes are warranted.", CD001453.pub2's draft, mine half; "Studies
# had a high or unclear risk of bias.").
_DRAFTERS_HOW_SURE = frozenset(
    stem(w)
    for w in """
    adds after analysing another answer answered apply aware based basic because before behind best
    better between brings cannot care case cases cause causes certain certainty chance change checked
    checking claims clinic clinics come comes common compared condition confirm confirmed correctly
    could data decide decided depending did differ differences directly doctors done early easily effect
    either evidence experience explain fair fairly far find finds first formed found full future gap
    gives got group groups guide happens have health help high hold how kind knowledge known lab larger like
    likely limited links look low make many matters may might moderate more need needed needs new not
    often one only open other out outcome overturn own paper part patients people picture piece pilot
    plan point practice problem proof prove proven quality question ranged relied rely reports research
    researchers resource rests result results review rules same say sensitivity series sets show shows
    single small specificity step still strong studies study suggest sure tells test tested testing
    thing though today together took tool treatment treatments true uncertain unclear unknown until very
    views watch way weak well without work works yet conclusion conclusions draw firm poor reach earlier
    benefit choice consider harm mean possible routinely use weighing
    """.split()
)  # the words of prompts/composer.v23.yaml's certainty, verdict and practical-implication templates
# (tests/score/test_faithfulness.py checks that the latest composer prompt uses no other)


# "We searched for evidence in August 2017 in three databases." (CD012137.pub2's human summary, mine
# half): the search, which a summary takes from the full review, is no claim of another review.
_SEARCH_DATE = re.compile(
    r"\b(?:search(?:ed|es|ing)?|databases?|up[- ]to[- ]date|current\s+(?:to|until|as\s+of))\b", re.I
)


def plainly_foreign(sentence: str, index: SourceIndex, context: frozenset[str]) -> tuple[list[str], float]:
    """In a text that keeps to the abstract's words, a weakly matched sentence's new words and
    their share of its content words when they make it "not in the abstract" (PLAIN_*), else
    ([], 0.0). In a sentence of certainty or need, the drafters' certainty words are not new."""
    new, n = new_words(sentence, index, context)
    if is_hedged(sentence) or _HOW_SURE.search(sentence):
        if _SEARCH_DATE.search(sentence):
            return [], 0.0  # when the evidence was searched: a fact of the full review, stated as before
        new = [w for w in new if stem(w.lower()) not in _DRAFTERS_HOW_SURE]
    if (
        len(new) < PLAIN_MIN_WORDS
        or len(new) < PLAIN_SHARE * n
        or min(zipf(w.lower()) for w in new) >= PLAIN_ZIPF
    ):
        return [], 0.0
    return new, len(new) / n


# 12 -> 13 (h21flags): a weakly matched sentence whose claim the abstract's numbers contradict is
# "not in the abstract" however many of its words the abstract shares: the sentences of another
# review that a bag of words misses share the report's words with every Cochrane abstract ("Ten
# published RCTs were included (involving 1825 women).", "Pembrolizumab may have little or no effect
# on treatment-related mortality (RR 0.96, 95% CI 0.24 to 3.79; low certainty evidence)."). Two
# kinds: a count of what the review included that the abstract's counts of its whole lack
# (claims.other_inclusion_counts), and an effect estimate none of whose figures the abstract has.
# Round 22 (h22flags, before 13 was merged): not when the sentence is about this review by its parts
# that add up to the abstract's count, its study count that is the abstract's, or the subject it
# names (subject_words): the four clean eval-half summaries that h21flags' version warned.
_ESTIMATE = re.compile(
    r"\b(?:CI|RR|OR|MD|SMD|WMD|HR|RD|ARR|RRR|NNT|NNTB|NNTH|IRR|confidence\s+intervals?|(?:risk|odds|hazard|rate)\s+ratio)\b",
    re.I,
)


def new_estimate(sentence: str, article: Article) -> list[str]:
    """The figures of an effect estimate in ``sentence`` ("RR 0.96, 95% CI 0.24 to 3.79") when the
    abstract has none of them: at least two decimals, each of them missing from the abstract."""
    if not _ESTIMATE.search(sentence):
        return []
    decimals = [m for m in find_numbers(sentence) if m.decimals]
    if len(decimals) < 2:
        return []
    sources = [s.mention for s in source_numbers(article)]
    if any(value_match(m, s) for m in decimals for s in sources):
        return []
    return [m.text for m in decimals]


# Round 22 (h22flags): a sentence that names what the review is about is about this review, whatever
# its figures: "We included 33 randomised clinical trials comparing L-ornithine L-aspartate with
# inactive placebo ..." (the trials of one comparison, where the abstract counts 36 in all,
# cochrane_val CD012410.pub2). What a review is about is an uncommon word that two or more of its
# abstract's sentences use; the words every review's report uses, however rare in English ("placebo",
# "randomised", "heterogeneity", "adverse"), and the people many reviews include ("infants",
# "adolescents"), name no subject: another review's sentence shares them.
_REVIEW_WORDS = frozenset(
    stem(w)
    for w in """
    adolescents adverse allocation attrition baseline bias blinded blinding certainty clinically cluster cochrane
    complications concealment criteria crossover cross-over downgraded efficacy eligible eligibility
    enrolled hazard heterogeneity imprecision incidence inclusion infants interval low-certainty meta-analysis
    meta-analyses metaanalysis methodological methodologically morbidity mortality neonates newborns nnt nntb nnth
    placebo placebo-controlled prespecified quasi quasi-randomised randomisation randomised
    randomization randomized rct rcts sensitivity smd standardised standardized statistically subgroup
    systematic wmd
    """.split()
)


# 14 -> 15 (h24flags): a number that says an abstract number another way is no new number. Two ways:
# a percentage of the abstract's proportion ("a sensitivity ... of 74%" for "sensitivity ... 0.74",
# cochrane_val CD012669.pub2's human summary, mine half), and counts that split the review's whole
# into parts ("Three trials were funded by a drug company, 27 by public organizations ..., and six by
# both ...; 25 did not declare the source of funding." for "We included 61 trials", CD002243.pub4).


def restated_numbers(sentence: str, article: Article) -> frozenset[str]:
    """The numbers of ``sentence`` (as written) that restate an abstract number: a percentage whose
    hundredth part is a proportion of the abstract (74% for 0.74), and two or more counts that add
    up to a count of the review's whole that the abstract gives (claims.abstract_whole_counts)."""
    mentions = [m for m in find_numbers(sentence) if not _YEAR.fullmatch(m.text)]
    percents = [m for m in mentions if m.unit == "%"]
    proportions = {
        round(s.mention.value * 100, 6)
        for s in (source_numbers(article) if percents else ())
        if s.mention.decimals >= 2 and 0 < s.mention.value < 1
    }
    restating = [m for m in percents if round(m.value, 6) in proportions]
    counts = [m for m in mentions if m.unit is None and not m.decimals and m.value >= 1]
    if len(counts) >= 2 and any(
        sum(m.value for m in counts) in values for values in abstract_whole_counts(article).values()
    ):
        restating += counts
    return frozenset(n.replace(",", "") for m in restating for n in _NUMBER.findall(m.text)[:1])


def subject_words(sentence: str, article: Article) -> list[str]:
    """The sentence's uncommon words (report and review words aside) that two or more sentences of
    the abstract use: what the review is about ("aspirin", "L-ornithine")."""
    index = source_index(article)
    out: dict[str, str] = {}
    for t in tokens(sentence):
        if (
            not is_content_word(t.text)
            or t.stem in report_stems()
            or t.stem in _REVIEW_WORDS
            or not _uncommon(t.text)
        ):
            continue
        if sum(t.stem in s.stems for s in index.sentences) >= 2:
            out.setdefault(t.stem, t.text)
    return list(out.values())


def contradicting_numbers(sentence: str, article: Article) -> tuple[str, list[str]] | None:
    """What the abstract's numbers contradict in a sentence, and the sentence's figures: ("counts",
    [...]) for counts of what the review included that the abstract lacks, ("estimate", [...]) for
    an effect estimate the abstract does not give; None when neither, or when the sentence names
    what the review is about (subject_words)."""
    found = _contradicting_numbers(sentence, article)
    return None if found is None or subject_words(sentence, article) else found


def _contradicting_numbers(sentence: str, article: Article) -> tuple[str, list[str]] | None:
    counts = other_inclusion_counts(sentence, article)
    if counts:
        return "counts", counts
    figures = new_estimate(sentence, article)
    return ("estimate", figures) if figures else None


# 16 -> 17 (round 28): the words of h28coch's two review-implication templates ("For now, this review does
# not give doctors enough evidence to use this treatment routinely.", "... can consider this treatment as
# one choice, weighing its benefits against its possible harms.") are the drafter's own
@metric("sentence_support", "17", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def sentence_support(text: str, article: Article) -> MetricResult:
    """Mean support of the draft's sentences by their best abstract sentence.

    A plain rewrite shares few words with its abstract sentence, so low support alone is a note
    ("weakly matched"), never a warning. A weakly matched sentence that is about something else
    is a warning, "not in the abstract": at least three uncommon words or numbers, and four in
    five of its content words, that neither the abstract nor the text's other sentences use, the
    share needed falling by FOREIGN_SHARE_STEP for each further such word (to FOREIGN_SHARE_FLOOR);
    in a text whose other sentences keep to the abstract's words (CLOSE_TEXT_NEW), two such words
    and four in five of its content words, less by CLOSE_SHARE_STEP for each further one. Sentences in the drafters' fixed wording of a
    study fact ("This was a study in animals.", "Small sample size") restate the fact, not one
    sentence: they get a note saying where they come from and stay out of the mean.
    """
    sections = tuple(s.text for s in article.sections)
    index = source_index(article)
    alignments: list[Alignment] = []
    flags: list[Flag] = []
    aligned = align_sentences(text, article)
    sentence_stems = [frozenset(t.stem for t in tokens(a.draft_text)) for a in aligned]
    facts = [fact_statement(a.draft_text, sections) for a in aligned]
    novelty: dict[int, tuple[list[str], float]] = {}  # each claim sentence's new words and their share
    for i, a in enumerate(aligned):
        if content_stems(a.draft_text) and facts[i] is None:
            context = frozenset().union(*(st for j, st in enumerate(sentence_stems) if j != i))
            novelty[i] = foreign_words(a.draft_text, index, context, restated_numbers(a.draft_text, article))
    for i, a in enumerate(aligned):
        if not content_stems(a.draft_text):
            continue
        stated = facts[i]
        if stated is not None:
            flags.append(
                Flag(
                    "sentence_support",
                    f"from the study facts: {stated.reason}",
                    "note",
                    draft_span=(a.draft_start, a.draft_end),
                    draft_text=a.draft_text,
                    source_span=stated.source_span,
                )
            )
            continue
        alignments.append(a)
        if a.score >= SUPPORT_THRESHOLD:
            continue
        foreign, share = novelty[i]
        others = [novelty[j][1] for j in novelty if j != i]
        mean_new = sum(others) / len(others) if others else 0.0
        close = mean_new <= CLOSE_TEXT_NEW
        needed = [
            n
            for n in (share_needed(len(foreign), False), share_needed(len(foreign), True) if close else None)
            if n is not None
        ]
        is_foreign = bool(needed) and share >= min(needed)
        plain: list[str] = []
        if not is_foreign and mean_new <= PLAIN_TEXT_NEW and a.score < PLAIN_SUPPORT:
            context = frozenset().union(*(st for j, st in enumerate(sentence_stems) if j != i))
            plain, plain_share = plainly_foreign(a.draft_text, index, context)
            if plain:
                is_foreign, foreign, share = True, plain, plain_share
        numbers = None if is_foreign else contradicting_numbers(a.draft_text, article)
        if numbers is not None and not _ABOUT_THE_SUMMARY.search(a.draft_text):
            what, figures = numbers
            said = (
                f"what the review included is counted as {', '.join(figures[:4])} here, which the abstract's "
                "counts of its whole are not"
                if what == "counts"
                else f"an effect estimate ({', '.join(figures[:4])}) that the abstract does not give"
            )
            reason = (
                f"not in the abstract: {said} (support {a.score:.2f}); check that it is about this review"
            )
            severity = "warning"
        elif is_foreign and not _ABOUT_THE_SUMMARY.search(a.draft_text):
            reason = (
                f"not in the abstract: {', '.join(foreign[:5])} appear nowhere in it (support {a.score:.2f}; "
                f"{len(foreign)} {'uncommon words or numbers' if not plain else 'new words'} and {share:.0%} of its "
                "words are in neither the "
                "abstract nor the rest of the text)"
            )
            severity = "warning"
        else:
            reason = f"weakly matched to the abstract (support {a.score:.2f}): check that it says what the abstract says"
            severity = "note"
        flags.append(
            Flag(
                "sentence_support",
                reason,
                severity,
                draft_span=(a.draft_start, a.draft_end),
                draft_text=a.draft_text,
                source_span=a.source_span,
            )
        )
    value = sum(a.score for a in alignments) / len(alignments) if alignments else None
    return MetricResult(value, flags, details={"alignment": support_alignment(text, article)})


# ---------------------------------------------------------------------------------------------
# Negation flips


# A negation that names a comparison group rather than denying a claim: "people who did not
# exercise", "those not wearing stockings", "compared to not wearing", "with and without SCS",
# "cold gel pads (with or without compression)".
_GROUP_HEAD = re.compile(
    r"(?:\b(?:who|that)\s+(?:did|do|does|had|have)\s+|\bwho\s+(?:were|was|are|is)\s+|"
    r"\b(?:those|when|versus|vs\.?|compared\s+(?:to|with)|with\s+(?:and|or))\s+)$",
    re.I,
)
# "cerclage with no cerclage", "antibiotics versus no antibiotics": "no" + a word just named.
_COMPARISON_HEAD = re.compile(r"\b(?:versus|vs\.?|with|or|to|and)\s+$", re.I)
# "compared with no X", "versus no X", "than no X": a comparison group, whatever X is.
_COMPARED_HEAD = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?|than)\s+$", re.I)


# 22 (h28flags): people "not treated with" / "not receiving" a treatment are a comparison group, as
# "those not wearing stockings" are: "people treated with anti-VEGF had slightly better vision than
# people not treated with anti-VEGF" for "... compared with people not receiving anti-VEGF" (eval
# part A CD008721.pub2, read as a negation added).
_PEOPLE_HEAD = re.compile(
    r"\b(?:people|participants|patients|persons|individuals|women|men|children|infants|babies|adults|groups?)\s+$",
    re.I,
)
_GIVEN_AFTER = re.compile(
    r"\s+(?:receiving|treated|given|taking|using|wearing|getting|exposed|offered)\b", re.I
)


def _names_a_group(text: str, cue: re.Match[str]) -> bool:
    head = text[: cue.start()]
    word = cue.group(0).lower()
    if word == "not" and _PEOPLE_HEAD.search(head) and _GIVEN_AFTER.match(text, cue.end()):
        return True
    if word in ("not", "without"):
        return _GROUP_HEAD.search(head) is not None
    if word == "absence of":  # "those in the absence of OXT" is "those without OXT" (MED:31718582)
        return _GROUP_HEAD.search(re.sub(r"\bin\s+the\s+$", "", head, flags=re.I)) is not None
    if word == "no" and _COMPARED_HEAD.search(head):
        return True  # round 23: "When compared with no screening, ..." (composer draft of CD009259.pub2)
    if word == "no" and _COMPARISON_HEAD.search(head):
        # "than placebo or no intervention" (CD005998): a control group, not a denied finding
        if _NO_TREATMENT.match(text[cue.end() :]):
            return True
        following = [t.stem for t in tokens(text[cue.end() :]) if is_content_word(t.text)][:1]
        return bool(following) and following[0] in {t.stem for t in tokens(head)}
    return False


def negation_cues(text: str) -> list[re.Match[str]]:
    """Negation cues of a sentence, leaving out those that only name a comparison group."""
    return list(_negation_cues(text))


@lru_cache(maxsize=16384)
def _negation_cues(text: str) -> tuple[re.Match[str], ...]:
    """:func:`negation_cues`, kept per text (``negation_flip`` asks up to eight times for a draft
    sentence and its abstract sentence)."""
    return tuple(m for m in _NEGATION.finditer(text) if not _names_a_group(text, m))


@lru_cache(maxsize=1)
def report_stems() -> frozenset[str]:
    """Stems of the report words (study, trial, participants, outcome, ...)."""
    return frozenset(stem(w) for w in _REPORT_WORDS)


def negation_scopes(text: str, report: bool = False) -> list[frozenset[str]]:
    """For each negation cue, the content stems it governs: a few words after it in its clause,
    and the two before it in the clause ("the difference was not significant"); report words
    (study, trial, outcome, ...) are left out, unless ``report`` (then only before the cue)."""
    return [scope for scope, _head in _scopes_and_heads(text, report)]


# 16 (h22flags): "no further X", "no additional X", "no other X" deny an X beyond the one the text
# or its abstract names, not that X: the other sentence restates the negation only when it says
# "further" too ("There was no further follow-up." beside "... and at three weeks a brief follow-up
# telephone call from a health educator", CD012352.pub2's clean human summary, mine half).
_BEYOND = frozenset("further additional other more extra new".split())


def _scopes_and_heads(text: str, report: bool = False) -> list[tuple[frozenset[str], frozenset[str]]]:
    """:func:`negation_scopes` with, for each scope, the stems of the first two content words after
    its cue in the clause, report words included, and of their glossary plain words (what "no" or
    "not" denies first: "no *study reported*", "are not *evident*", "not *associated*" said as
    "not linked")."""
    scopes: list[tuple[frozenset[str], frozenset[str]]] = []
    for cue in negation_cues(text):
        rest = text[cue.end() :]
        stop = _SCOPE_END.search(rest)
        rest = rest[: stop.start()] if stop else rest
        words = [t for t in tokens(rest) if is_content_word(t.text)]
        following = [t.stem for t in words]
        after = following[:_SCOPE_WORDS]
        head_text = rest[: words[min(1, len(words) - 1)].end] if words else ""
        heads = frozenset(following[:2]) | _plain_stems(head_text, load_glossary())
        first = next(iter(tokens(rest)), None)
        if first is not None and first.text.lower() in _BEYOND:
            heads = frozenset({first.stem})  # "no further follow-up" denies more than was said
        head = text[: cue.start()]
        clause_start = max((m.end() for m in _SCOPE_END.finditer(head)), default=0)
        before = [t.stem for t in tokens(head[clause_start:]) if is_content_word(t.text)][-2:]
        # with ``report``, report words after the cue stay ("had little effect on"), not before
        # it ("a beneficial effect ... could be neither demonstrated nor refuted", CD008831)
        scope = (
            frozenset(after) - (frozenset() if report else report_stems())
            | frozenset(before) - report_stems()
        )
        if scope:
            scopes.append((scope, heads))
    return scopes


def _scope_restated(scopes: list[frozenset[str]], other: frozenset[str]) -> bool:
    """Some negated scope is mostly restated by the other sentence: two of its stems and two
    thirds of it, report words aside ("No studies compared X with placebo" is not restated by
    "All studies compared X with an active drug")."""
    other = other - report_stems()
    return any(len(sc & other) >= min(2, len(sc)) and len(sc & other) * 3 >= 2 * len(sc) for sc in scopes)


# 14 (h19flags): a negation's scope counts as restated only when the other sentence has one of the
# two words the cue denies first, or a glossary plain word of one ("no *complications* happened after the faecal occult blood test" beside
# "faecal occult blood testing reduce colorectal cancer mortality", CD009259.pub2; "There was no
# *further* follow-up" beside "a brief follow-up telephone call", CD012352.pub2); a flip that
# keeps the sentence's words keeps that word too. And a cue whose scope is empty still negates:
# "insufficient (very low-quality) evidence" is restated by "not enough evidence" (CD012744).
def negation_flipped(draft: str, source: str) -> bool:
    """True when one side negates a claim that the other states plainly."""
    if bool(negation_cues(draft)) == bool(negation_cues(source)):
        return False
    neg_d, neg_s = _scopes_and_heads(draft), _scopes_and_heads(source)
    if bool(neg_d) == bool(neg_s):
        return False
    negated, other = (neg_s, draft) if neg_s else (neg_d, source)
    other_stems = {t.stem for t in tokens(other)} | _plain_stems(other, load_glossary())
    return any(
        bool(heads & other_stems) and _scope_restated([scope], content_stems(other))
        for scope, heads in negated
    )


# Directions of an effect, on two axes: how much (up / down) and for better or worse. A draft
# sentence that says only one way on an axis where its abstract sentence says only the other
# has the effect backwards ("increased" for "decreased").
_DIRECTIONS = (
    (
        "up",
        re.compile(
            r"\b(?:increas(?:e|es|ed|ing)|higher|greater|rais(?:e|es|ed|ing)|rises?|rose|elevated|more\s+likely)\b",
            re.I,
        ),
        "down",
        re.compile(
            r"\b(?:decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tions?)|lower(?:ed|s|ing)?|fewer|declin(?:e|es|ed|ing)|"
            r"drop(?:s|ped)?|fell|falls?|less\s+likely|cut(?:s|ting)?)\b",
            re.I,
        ),
    ),
    (
        "better",
        re.compile(r"\b(?:improv(?:e|es|ed|ing|ement|ements)|better|benefi(?:t|ts|ted|cial))\b", re.I),
        "worse",
        re.compile(r"\b(?:wors(?:e|en|ens|ened|ening)|harm(?:s|ed|ful)?|deteriorat(?:e|es|ed|ion))\b", re.I),
    ),
)


_NEGATORS = {"no", "not", "never"}
# A direction word that a negation denies states no direction: "is not harmful", "with no
# greater chance", "did not increase the risk" (the claim is "no change", not the opposite one).
_DENIED_DIRECTION = re.compile(r"(?:\b(?:no|not|never|without)|n['’]t)\s+(?:[\w-]+\s+)?$", re.I)


_WITH_OR = re.compile(r"\bwith\s+(?:and|or)\s+$", re.I)


def _denied(text: str, start: int) -> bool:
    """A negation stands just before the direction word, and it does not name a group: "with or
    without probiotics decreases late-onset sepsis" states a decrease (CD007137)."""
    head = text[max(0, start - 30) : start]
    found = _DENIED_DIRECTION.search(head)
    if found is None:
        return False
    return not (found.group(0).lower().startswith("without") and _WITH_OR.search(head[: found.start()]))


def _stated_directions(pattern: re.Pattern[str], text: str, denied: bool = False) -> list[re.Match[str]]:
    """Matches of a direction pattern that no negation denies (with ``denied``: those that one
    does; "did not increase" is the opposite of "did not decrease", not of "decreased")."""
    return [m for m in pattern.finditer(text) if _denied(text, m.start()) == denied]


def _opposite(a: str, b: str) -> bool:
    """Two direction names ("up", "down ~denied") that say opposite things: the other way,
    both stated or both denied."""
    return a.endswith("~") == b.endswith("~") and a.rstrip("~") != b.rstrip("~")


_BE = frozenset("be is are was were been being am".split())


def _negation_free_words(text: str, be: bool = False) -> tuple[list[str], list[int]]:
    """Lowercase words of ``text`` with the plain negators taken out ("didn't" -> "did"), and
    the index in that list before which each negator stood, leaving out the negators that only
    name a comparison group ("compared antibiotics with no antibiotics")."""
    cue_starts = [m.start() for m in negation_cues(text)]
    words: list[str] = []
    cuts: list[int] = []
    for t in tokens(text):
        w = t.text.lower().replace("’", "'")
        denies = any(t.start <= c < t.end for c in cue_starts)
        if w in _NEGATORS:
            if denies:
                cuts.append(len(words))
            continue
        if w.endswith("n't") and len(w) > 3:
            words.append(stem(w[:-3] if w != "can't" else "can"))
            if denies:
                cuts.append(len(words))
            continue
        # with ``be``, "is", "are", "was" are one word: "is not effective" / "are effective" (CD007854)
        words.append("be" if be and w in _BE else t.stem)
    return words, cuts


def _bigrams(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:], strict=False))


def local_negation_flip(draft: str, source: str) -> bool:
    """One side negates and the other does not, and a negator ("no", "not", "n't", "never")
    stands between two words that the other side has next to each other: "There were no
    differences" / "There were differences", "is not clear" / "is clear"."""
    cues_d, cues_s = negation_cues(draft), negation_cues(source)
    if bool(cues_d) == bool(cues_s):
        return False  # both sides negate something, or neither does
    negating, plain = (source, draft) if cues_s else (draft, source)
    neg_words, cuts = _negation_free_words(negating)
    other_words, _ = _negation_free_words(plain)
    plain_pairs = _bigrams(other_words)
    for c in cuts:
        if 0 < c < len(neg_words) and (neg_words[c - 1], neg_words[c]) in plain_pairs:
            return True
        # "we found no RCTs" / "We did find any RCTs": "any" where the negator stood (CD010308)
        if c < len(neg_words) and ("ani", neg_words[c]) in plain_pairs:
            return True
    return False


_AUXILIARIES = frozenset(
    stem(w) for w in "be do does did have has had can could may might will would shall should must".split()
)
_PAIR_SCOPE = 2  # a pair starting at most this many words after a negator is in its scope


def split_pair_flip(draft: str, source: str) -> str | None:
    """Both sides negate something, and a negator stands between two words that the other side
    has next to each other with none between: "Survival could not be evaluated, but evidence of
    a significant difference ... was identified" for "... but no evidence of a significant
    difference" (round 13, CD006325: the kept "could not" hid the dropped "no"). Returns
    "dropped" (the source's negator is gone) or "added"."""
    d_words, d_cuts = _negation_free_words(draft, be=True)
    s_words, s_cuts = _negation_free_words(source, be=True)

    def pairs(words: list[str], cuts: list[int], split: bool) -> Counter[tuple[str, str]]:
        return Counter(
            (words[i - 1], words[i])
            for i in range(1, len(words))
            if (i in cuts) == split
            # a pair of auxiliaries says no claim ("may not be as effective" / "may be little")
            and not (words[i - 1] in _AUXILIARIES and words[i] in _AUXILIARIES)
            # a pair just after a negator is still in its scope ("No data were shown" / "was not shown")
            and (split or not any(0 <= i - 1 - c < _PAIR_SCOPE for c in cuts))
        )

    # Counted: "reported no difference in adverse events and ... reported difference in the
    # emergence" for "reported no difference ... and ... reported no difference" (CD008319).
    d_plain, d_split = pairs(d_words, d_cuts, False), pairs(d_words, d_cuts, True)
    s_plain, s_split = pairs(s_words, s_cuts, False), pairs(s_words, s_cuts, True)
    if set(s_split - d_split) & set(d_plain):
        return "dropped"
    if set(d_split - s_split) & set(s_plain):
        return "added"
    return None


def _direction_words(text: str) -> list[tuple[int, str, str, str | None, str | None]]:
    """(axis, direction, word, content stem before, content stem after) of each direction word; a
    denied direction ("did not increase") is named with a "~" ("up~")."""
    out = []
    for axis, (a_name, a_pat, b_name, b_pat) in enumerate(_DIRECTIONS):
        for (name, pat), denied in product(((a_name, a_pat), (b_name, b_pat)), (False, True)):
            label = name + ("~" if denied else "")
            for m in _stated_directions(pat, text, denied):
                before = [
                    t.stem
                    for t in tokens(text[max(0, m.start() - 40) : m.start()])
                    if is_content_word(t.text)
                ]
                after = [t.stem for t in tokens(text[m.end() : m.end() + 40]) if is_content_word(t.text)]
                out.append(
                    (axis, label, m.group(0), before[-1] if before else None, after[0] if after else None)
                )
    return out


def local_direction_flip(draft: str, source: str) -> str | None:
    """A direction word of the draft whose neighbouring content word (the thing that goes up or
    down) the source sentence gives with the opposite direction only: "reduces *symptoms*" /
    "increases *symptoms*". Returns the draft's word."""
    src = _direction_words(source)
    for axis, name, word, before, after in _direction_words(draft):
        same = [x for x in src if x[0] == axis and x[1] == name and (x[3] == before or x[4] == after)]
        opposite = [
            x
            for x in src
            if x[0] == axis
            and _opposite(x[1], name)
            and ((after and x[4] == after) or (before and x[3] == before))
        ]
        if opposite and not same:
            return word
    return None


def direction_flipped(draft: str, source: str) -> str | None:
    """ "increased" when the abstract sentence says only "decreased" (and the like): the draft's
    direction word, or None."""
    for (_a_name, a_pat, _b_name, b_pat), denied in product(_DIRECTIONS, (False, True)):
        d_a, d_b = _stated_directions(a_pat, draft, denied)[:1], _stated_directions(b_pat, draft, denied)[:1]
        s_a, s_b = (
            _stated_directions(a_pat, source, denied)[:1],
            _stated_directions(b_pat, source, denied)[:1],
        )
        if d_a and not d_b and s_b and not s_a:
            return d_a[0].group(0)
        if d_b and not d_a and s_a and not s_b:
            return d_b[0].group(0)
    return None


# Polarity from the dependency parse: the words a "no", "not", "n't" or "never" negates ("no
# *difference*", "did not *reduce*", "is not *effective*": a negated auxiliary or copula passes
# its negation to the verb, adjective or noun it carries), compared word by word with the aligned
# abstract sentence. A word that one side negates and the other states plainly, and that neither
# side uses the other way, is a flipped claim ("We did find differences" for "We did not find
# differences"). A paraphrase that says it in other words ("did not differ" / "were similar")
# shares no negated word and is not flagged.
_PARSE_NEGATORS = frozenset({"no", "not", "n't", "never", "nt", "n’t"})
_CARRIERS = frozenset(
    "be is are was were been being am do does did have has had can could may might will would "
    "shall should must".split()
)
_CARRIED = frozenset({"acomp", "attr", "xcomp", "oprd", "dobj", "advmod", "prep"})
# Words whose polarity says nothing about the claim: who and what was studied, "there",
# quantities, "evidence" (what it is evidence of is the claim; "effective", "effect" and
# "difference" are claims and stay).
_POLARITY_SKIP = frozenset(
    """there any all some other also only both each evidence result results study studies trial trials review reviews
    participant participants people patient patients data analysis analyses group groups include
    included including use used using compare compared comparing comparison""".split()
)
# Nouns whose "no" denies that they were found, also as a subject ("no difference was seen",
# "no adverse events were reported").
_FINDINGS = frozenset(
    "difference differences effect effects evidence benefit benefits change changes improvement "
    "reduction increase decrease association harm harms advantage event events case cases".split()
)
_NO_GROUP = re.compile(r"\b(?:or|versus|vs\.?|compared\s+(?:to|with))\s+$", re.I)
_NO_TREATMENT = re.compile(r"\s+(?:treatment|intervention|therapy|care|drug|medication)s?\b", re.I)
_QUICK_NEGATOR = re.compile(r"\b(?:no|not|never)\b|n['’]t\b", re.I)


@lru_cache(maxsize=1)
def _parser() -> Any:
    """The shared spaCy pipeline (settings.spacy_model), used for its dependency parse only."""
    from pipeline.enrich.nlp import get_nlp

    return get_nlp()


_PARSE_OFF = ("tagger", "attribute_ruler", "lemmatizer", "ner")


# What a negation covers: the negated word and what hangs from it, but not its subject ("Adverse
# events did not differ": the events are not denied) nor a clause joined to it ("did not differ,
# but harms were reported").
_OUT_OF_SCOPE = frozenset(
    {"nsubj", "nsubjpass", "csubj", "expl", "conj", "cc", "advcl", "parataxis", "mark", "punct"}
)


def _scope(head: Any) -> set[int]:
    out = {head.i}
    stack = [c for c in head.children if c.dep_ not in _OUT_OF_SCOPE]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in ("conj", "cc", "advcl", "parataxis", "punct"))
    return out


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Any:
    """The dependency parse of one sentence (a spaCy Doc), once per sentence text and process."""
    nlp = _parser()
    doc = nlp.make_doc(sentence)
    for name, component in nlp.pipeline:  # only what the parse needs; the shared pipeline is not changed
        if name not in _PARSE_OFF:
            doc = component(doc)
    return doc


# A comparison heading run into a summary ("• Continuous infusion versus intermittent boluses of
# corticosteroids."): it names what was compared and states nothing, so it neither negates, flips
# nor drops a qualifier, whatever the abstract sentence it matches says ("We are uncertain about
# the effects of continuous infusion ... compared with intermittent bolus").
_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s", re.I)
_CLAIM_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "dobj", "attr", "acomp"})


def is_comparison_heading(sentence: str) -> bool:
    """The sentence only names a comparison: it has "versus" (or "compared with"), no negation,
    direction or hedge, and its parse has no subject, auxiliary or object (no claim is made)."""
    if not _VERSUS.search(sentence) or negation_cues(sentence) or is_hedged(sentence):
        return False
    if any(pat.search(sentence) for _a, a_pat, _b, b_pat in _DIRECTIONS for pat in (a_pat, b_pat)):
        return False
    return not any(t.dep_ in _CLAIM_DEPS for t in parse(sentence))


@lru_cache(maxsize=16384)
def polarity(sentence: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(stems of the words a negation governs directly, stems of every word inside a negation's
    scope, stems of the content words outside any), by the dependency parse; parsed once per
    sentence text and process."""
    doc = parse(sentence)
    direct: set[int] = set()
    scoped: set[int] = set()
    cues = {m.start() for m in negation_cues(sentence)}
    for tok in doc:
        if tok.lower_ not in _PARSE_NEGATORS or tok.dep_ not in ("neg", "det", "advmod", "dep"):
            continue
        if tok.idx not in cues and tok.lower_ in ("no", "not", "never"):
            continue  # names a comparison group ("people who did not exercise", "versus no antibiotics")
        if tok.lower_ == "no" and (
            _NO_GROUP.search(sentence[: tok.idx]) or _NO_TREATMENT.match(sentence, tok.idx + 2)
        ):
            continue  # "placebo or no treatment", "compared with no treatment", "with no intervention"
        beyond = doc[tok.i + 1] if tok.lower_ == "no" and tok.i + 1 < len(doc) else None
        if beyond is not None and beyond.lower_ in _BEYOND:
            # round 23: "No additional studies were found for this update." denies more studies, not
            # that studies were found ("The review found four studies.", composer draft of CD002760)
            direct.add(beyond.i)
            scoped.add(beyond.i)
            continue
        head = tok.head
        if head.i == tok.i or head.dep_ in ("relcl", "acl"):
            continue  # "feeds that do not contain lactose" names a group, it denies nothing
        if tok.dep_ == "det" and head.dep_ in ("nsubj", "nsubjpass") and head.lower_ not in _FINDINGS:
            # "No combination can be considered superior" denies the predicate, not the noun; "No
            # trial reported data on ... quality of life" denies "reported" (CD012151)
            head = head.head
            if head.dep_ != "ROOT" or head.lower_ in _CARRIERS:
                continue
        direct.add(head.i)
        if head.lower_ in _CARRIERS:
            direct.update(c.i for c in head.children if c.dep_ in _CARRIED and c.i != tok.i)
        scoped |= _scope(head)
    out: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for tok in doc:
        if not is_content_word(tok.text) or tok.lower_ in _POLARITY_SKIP or tok.lower_ in _CARRIERS:
            continue
        st = stem(tok.text.lower())
        if tok.i in direct:
            out[0].add(st)
        (out[1] if tok.i in scoped or tok.i in direct else out[2]).add(st)
    return frozenset(out[0]), frozenset(out[1]), frozenset(out[2])


def parsed_negation_flip(draft: str, source: str) -> str | None:
    """A word one side negates and the other states only plainly (by the parse), or None."""
    if not (_QUICK_NEGATOR.search(draft) or _QUICK_NEGATOR.search(source)):
        return None
    if bool(negation_cues(draft)) == bool(negation_cues(source)):
        return None  # both negate something ("few or no differences" / "no differences"), or neither
    d_direct, d_scoped, d_plain = polarity(draft)
    s_direct, s_scoped, s_plain = polarity(source)
    for st in sorted(d_direct):
        if st in s_plain and st not in s_scoped and st not in d_plain:
            return st
    for st in sorted(s_direct):
        if st in d_plain and st not in d_scoped and st not in s_plain:
            return st
    return None


_TARGET_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr"})
_NOUN_PARTS = frozenset({"compound", "amod"})


# Nouns that only measure something ("the *risk* of bleeding"): what they measure is the target.
_MEASURES = frozenset(
    """risk risks rate rates number numbers level levels chance chances odds incidence proportion
    likelihood amount duration frequency severity score scores length time""".split()
)


def _noun_stems(tok: Any) -> set[str]:
    """The stems of a noun and of the words that make its name ("muscle weakness", "dry cough");
    for a measure ("risk", "rate"), of what it measures ("the risk of *bleeding*")."""
    if tok.lower_ in _MEASURES:
        measured = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if measured:
            return set().union(*(_noun_stems(g) for g in measured if g.dep_ == "pobj"))
    words = [tok, *(c for c in tok.children if c.dep_ in _NOUN_PARTS)]
    out = {stem(w.text.lower()) for w in words if is_content_word(w.text)} - report_stems()
    # "a higher morbidity or complication rate": the direction is of every noun of the list (CD002912)
    for c in tok.children:
        if c.dep_ == "conj":
            out |= _noun_stems(c)
    return out


def _targets(tok: Any) -> set[str]:
    """What a direction word says goes up or down: the object or subject of a verb ("reduced
    *pain*", "*pain* was reduced"), the noun an adjective describes ("*lower* risk", "risk was
    *lower*"), what follows "in" or "of" ("reduction in *pain*")."""
    out: set[str] = set()
    if tok.dep_ == "amod":
        out |= _noun_stems(tok.head)
        if tok.head.dep_ in ("nmod", "compound"):  # "a higher morbidity or complication rate"
            out |= _noun_stems(tok.head.head)
    if tok.dep_ in ("acomp", "attr") and tok.head.lower_ in _CARRIERS:
        out |= {st for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for st in _noun_stems(c)}
    for c in tok.children:
        if c.dep_ in _TARGET_DEPS:
            out |= _noun_stems(c)
        elif c.dep_ == "prep" and c.lower_ in ("in", "of"):
            out |= {st for g in c.children if g.dep_ == "pobj" for st in _noun_stems(g)}
    return out


@lru_cache(maxsize=16384)
def directions(sentence: str) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(axis, direction, stems of what moves) of each direction word of the sentence, by the parse;
    a denied direction is named with a "~". A sentence without a direction word is not parsed
    (most are not: the parse was most of the score stage's time)."""
    found = [
        (axis, name + ("~" if denied else ""), m)
        for axis, (a_name, a_pat, b_name, b_pat) in enumerate(_DIRECTIONS)
        for (name, pat), denied in product(((a_name, a_pat), (b_name, b_pat)), (False, True))
        for m in _stated_directions(pat, sentence, denied)
    ]
    if not found:
        return ()
    doc = parse(sentence)
    out = []
    for axis, label, m in found:
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None or not len(tok):
            continue
        targets = _targets(tok.root) - {stem(tok.root.text.lower())}
        if targets:
            out.append((axis, label, frozenset(targets)))
    return tuple(out)


def other_things_move(draft: str, source: str) -> bool:
    """By the parse, both sentences say what goes up or down, and no thing moves in both: "patient
    satisfaction may be *greater*" beside "*reduce* unnecessary antibiotic use" are two effects,
    not one effect backwards. The whole-sentence direction check (:func:`direction_flipped`)
    stands down then; the word-by-word checks still compare what moves."""
    mine = directions(draft)
    if not mine:
        return False
    theirs = directions(source)
    if not theirs:
        return False
    return not any(a == b and t & u for a, _n, t in mine for b, _m, u in theirs)


def parsed_direction_flip(draft: str, source: str) -> str | None:
    """A direction word of the draft whose target (what goes up or down, by the parse) the
    abstract sentence gives only the other way: "*increased* the risk of *bleeding*" for
    "*reduced* the risk of *bleeding*". Returns the draft's word."""
    if not any(pat.search(draft) for _a, pat, _b, pat2 in _DIRECTIONS for pat in (pat, pat2)):
        return None
    src = directions(source)
    if not src:
        return None
    for axis, name, targets in directions(draft):
        same = any(x[0] == axis and x[1] == name and x[2] & targets for x in src)
        opposite = any(x[0] == axis and _opposite(x[1], name) and x[2] & targets for x in src)
        if opposite and not same:
            pats = _DIRECTIONS[axis]
            pat = pats[1] if name.rstrip("~") == pats[0] else pats[3]
            found = pat.search(draft)
            return found.group(0) if found else name
    return None


# The clauses of an abstract sentence for a negation: "we found no RCTs of surgical interventions,
# which remain the most widely used treatment" negates the RCTs, not the treatment's use; "reported
# no serious adverse events, while the DHC versus methadone study reported one death"; "indicated no
# improved metabolic control ... in contrast to other agents". A run-on sentence ("reported.There
# is") is two, and so is a bracket with a negator ("... (baseline heart rate was not reported)", CD003361).
_NEGATION_CLAUSE_END = re.compile(
    r"[;:]|(?-i:\.(?=[A-Z][a-z]))|,?\s+\b(?:however|but|whereas|while|although|in\s+contrast\s+to|unlike)\b|"
    r",\s+(?:which|who|where)\b|\s\((?=[^()]*\b(?:not|no|never)\b[^()]*\))",
    re.I,
)
# Set on the "mine" half of cochrane_val: a negation the draft drops must be in the abstract
# sentence's clause that the draft restates (that clause covers at least this much of the draft's
# content, numbers aside, weighted by rarity in the abstract).
NEGATION_CLAUSE_COVER = 0.4


# 19 (h19flags): a fronted concession is a clause of its own: "Although average bulk measurements
# were unable to resolve the differences ..., with a single-molecule method we were able to
# discriminate the two modes" (eLife 10319) negates the bulk measurements only.
_FRONTED_CONCESSION = re.compile(r"^\s*(?:Although|Though|While|Whereas)\b[^,;:]*,", re.I)


def _clauses(sentence: str) -> list[str]:
    fronted = _FRONTED_CONCESSION.match(sentence)
    pieces = [sentence[: fronted.end()], sentence[fronted.end() :]] if fronted else [sentence]
    return [c for piece in pieces for c in _NEGATION_CLAUSE_END.split(piece) if c and c.strip()]


def negated_clauses(sentence: str) -> list[str]:
    """The clauses of ``sentence`` that carry a negation cue."""
    return [c for c in _clauses(sentence) if negation_cues(c)]


def restates_negated_clause(draft: str, source: str, article: Article) -> bool:
    """The abstract sentence's clause that covers most of the draft sentence's content (numbers
    aside, weighted by rarity in the abstract) carries a negation and covers at least
    NEGATION_CLAUSE_COVER of it: the draft says what that clause says, so a draft without the
    negation has dropped it. A draft that restates the other clause ("The only adverse event
    reported was one death" beside "... reported no serious adverse events, while the DHC versus
    methadone study reported one death") drops nothing."""
    index = source_index(article)
    pieces = [draft]
    # A draft of two clauses may restate the abstract's two clause by clause: "Quality of life
    # information was routinely collected ..., but where toxicity was assessed ..." for "... was not
    # routinely collected ..., but where toxicity was assessed ..." (CD011430); a draft clause
    # without a negation then restates the negated one.
    draft_clauses = _clauses(draft)
    if len(draft_clauses) > 1:
        pieces += [c for c in draft_clauses if not negation_cues(c)]
    for piece in pieces:
        weights = {s: index.weight(s) for s in content_stems(piece) if not s[:1].isdigit()}
        total = math.fsum(weights.values())
        if not total:
            if piece is draft:
                return True
            continue
        covers = [
            (
                math.fsum(w for s, w in weights.items() if s in content_stems(clause)) / total,
                bool(negation_cues(clause)),
            )
            for clause in _clauses(source)
        ]
        best = max(c for c, _ in covers)
        if any(negated and c >= NEGATION_CLAUSE_COVER and c >= best for c, negated in covers):
            return True
    return False


# An abstract sentence that says two groups did the same ("was similar", "comparable") states "no
# difference" without a negation; a draft that says it with one ("did not differ", "no
# difference", "did not increase") restates it.
_SIMILAR = re.compile(
    # "had the same levels of treatment satisfaction and quality of life as those cared for as
    # inpatients" (22, h28flags: eval part A CD004026.pub2) says it as "the same as" does
    r"\b(?:similar(?:ly)?|comparable|equivalent|the\s+same\s+(?:(?:levels?|amounts?|rates?|numbers?)\s+of\s+"
    r"(?:[\w-]+\s+){0,6}?as|as|in|for|between))\b",
    re.I,
)


# A result whose 95 % confidence interval includes no effect (1 for a ratio, 0 for a difference):
# "RR 0.90, 95% CI 0.70 to 1.20", "MD 0.30; 95% CI -1.54 to 2.14". An abstract sentence that gives
# only such results and names no direction states "no clear difference", as "similar" does.
_ESTIMATE = re.compile(
    r"\b(?:(?P<ratio>a?[RHOI]RR?|OR|HR|RR|(?:risk|odds|hazard|rate)\s+ratio)|"
    r"(?P<diff>W?S?MD|RD|ARD|(?:standardi[sz]ed\s+|weighted\s+)?mean\s+difference|risk\s+difference))\b",
    re.I,
)
_INTERVAL = re.compile(
    r"95\s*%\s*(?:CI|confidence\s+interval)(?:\s*\(CI\))?\)?\s*[:=,]?\s*\(?\s*"
    r"(?P<lo>[-−–]?\s?\d+(?:\.\d+)?)\s*(?:to|-|–|,)\s*(?P<hi>[-−–]?\s?\d+(?:\.\d+)?)",
    re.I,
)


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace("–", "-").replace(" ", ""))


def null_intervals(sentence: str) -> list[str] | None:
    """The 95 % intervals of ``sentence`` when it gives at least one and every one includes no
    effect (each read against the estimate named before it: a ratio's null is 1, a difference's
    0); None when it gives none, one excludes the null or one has no estimate named."""
    out: list[str] = []
    for m in _INTERVAL.finditer(sentence):
        named = list(_ESTIMATE.finditer(sentence[max(0, m.start() - 80) : m.start()]))
        if not named:
            return None
        null = 1.0 if named[-1].group("ratio") else 0.0
        lo, hi = _number(m.group("lo")), _number(m.group("hi"))
        if not min(lo, hi) <= null <= max(lo, hi):
            return None
        out.append(f"{m.group('lo')} to {m.group('hi')}")
    return out or None


def null_interval_claim(draft: str, source: str) -> str | None:
    """The draft sentence states a direction of effect ("reduced", "improved"), plainly, where its
    abstract sentence names none and gives only results whose 95 % interval includes no effect:
    the draft's direction word, or None. (A known miss of negation_flip 12, round 16: "RR 0.9, 95%
    CI 0.7 to 1.2" said as a reduction.)"""
    if negation_cues(draft) or is_hedged(draft) or null_intervals(source) is None:
        return None
    for _a, a_pat, _b, b_pat in _DIRECTIONS:
        if _stated_directions(a_pat, source) or _stated_directions(b_pat, source):
            return None
    for _a, a_pat, _b, b_pat in _DIRECTIONS:
        for pat in (a_pat, b_pat):
            found = _stated_directions(pat, draft)
            if found:
                return found[0].group(0)
    return None


# What a sentence finds or does not find: a difference, an effect, a benefit, significance. A
# paraphrase restates the finding in its own words ("We did not find any differences" for "The
# meta-analysis did not demonstrate any significant differences"; "there was no difference in ulcer
# healing" for "no significantly different effect on ulcer healing"), so the word pairs around the
# negator differ and only the finding itself can be compared.
_FINDING_STEMS = frozenset(
    stem(w) for w in "difference different differ effect effective benefit significant significance".split()
)


_SIDE_EFFECTS = re.compile(r"\b(?:side|adverse|harmful|unwanted|undesirable|toxic)\s+effects?\b", re.I)


def finding_flip(draft: str, source: str) -> str | None:
    """The abstract sentence denies a finding (a negation's scope has "difference", "effect",
    "benefit", "significant", ...) that it nowhere states plainly, and the draft sentence, which
    negates nothing, states it: "We did find any differences between the two therapies" for "The
    meta-analysis did not demonstrate any significant differences" (round 14, CD002007). Returns
    the finding's stem."""
    if negation_cues(draft) or not negation_cues(source):
        return None
    # report words kept: "effect" is a report word, and "had little effect on physical activity"
    # is a denied finding (CD007651)
    denied = frozenset().union(*negation_scopes(source, report=True)) & _FINDING_STEMS
    if not denied:
        return None
    plain = {t.stem for c in _clauses(source) if not negation_cues(c) for t in tokens(c)} & _FINDING_STEMS
    # "side effects" are harms, not a finding of effect (CD003410: "a not statistically significant
    # protective effect ..., but it exposes at a greater risk of adverse events" / "side effects")
    stated = {t.stem for t in tokens(_SIDE_EFFECTS.sub(" ", draft))}
    for st in sorted(denied - plain):
        if st in stated:
            return st
    return None


# One word of the abstract sentence swapped for its opposite, the words around it kept: "the harm
# of local cooling treatments" for "the effectiveness of local cooling treatments", "an worsened
# patient referral strategy" for "an enhanced ...", "there is enough trial evidence" for "there is
# insufficient RCT evidence", "could be reliably assessed" for "could not be reliably assessed" (round
# 16, mine half). A restatement that keeps two words on each side of the edit as the abstract has
# them says the same claim, so the opposite word there turns it round; a paraphrase changes the
# words around too and is left to the checks above. Words by their lowercase form; "n't" and
# "cannot" give "not".
_SWAP_WORD = re.compile(r"[a-z]+(?:[-'’][a-z]+)*|\d+(?:[.,]\d+)*")
_SWAP_CLASSES: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (axis, name, frozenset(words.split()))
    for axis, name, words in (
        (
            "amount",
            "up",
            "increase increases increased increasing higher greater raise raised rises rose elevated more",
        ),
        (
            "amount",
            "down",
            "decrease decreases decreased decreasing reduce reduces reduced reducing reduction reductions "
            "lower lowered fewer less decline declined fell",
        ),
        (
            "value",
            "better",
            "improve improves improved improving improvement improvements better benefit benefits "
            "beneficial efficacy effectiveness enhanced gains superior",
        ),
        (
            "value",
            "worse",
            "worse worsen worsens worsened worsening harm harms harmful deteriorated inferior",
        ),
        ("enough", "enough", "enough sufficient adequate conclusive"),
        ("enough", "lacking", "insufficient inadequate inconclusive"),
        ("negation", "denied", "no not never"),
        ("negation", "stated", "a an any some"),
    )
)
_ENOUGH = frozenset("enough sufficient adequate conclusive".split())
SWAP_CONTEXT = 2  # words kept as the abstract has them on each side of the swapped word


def _swap_words(text: str) -> list[str]:
    words: list[str] = []
    for w in _SWAP_WORD.findall(text.lower().replace("’", "'")):
        if w == "cannot":
            words += ["can", "not"]
        elif w.endswith("n't") and len(w) > 3:
            words += [w[:-3] if w != "can't" else "can", "not"]
        elif words and words[-1] == "not" and w in _ENOUGH:
            words[-1] = (
                "insufficient"  # "not enough evidence" says "insufficient evidence" (the drafter's swap)
            )
        else:
            words.append(w)
    return words


def _swap_class(word: str) -> tuple[str, str] | None:
    for axis, name, words in _SWAP_CLASSES:
        if word in words:
            return axis, name
    return None


def swapped_word_flip(draft: str, source: str) -> tuple[str, str, str] | None:
    """The draft sentence keeps the abstract sentence's words but for one (or two) swapped for a
    word of the opposite meaning, or a "no" / "not" dropped or added, with SWAP_CONTEXT words kept
    on each side: (axis, the abstract's word, the draft's word), "" for a word dropped or added."""
    d = _swap_words(draft)
    s = _swap_words(source)
    d_stems, s_stems = [stem(w) for w in d], [stem(w) for w in s]
    ops = SequenceMatcher(a=s_stems, b=d_stems, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal" or max(i2 - i1, j2 - j1) > 2:
            continue
        before = ops[k - 1] if k > 0 else None
        after = ops[k + 1] if k + 1 < len(ops) else None
        if not (
            before is not None
            and before[0] == "equal"
            and before[2] - before[1] >= SWAP_CONTEXT
            and after is not None
            and after[0] == "equal"
            and after[2] - after[1] >= SWAP_CONTEXT
        ):
            continue
        old, new = s[i1:i2], d[j1:j2]
        if op in ("delete", "insert"):
            gone = old or new
            if len(gone) == 1 and _swap_class(gone[0]) == ("negation", "denied"):
                return "negation", " ".join(old), " ".join(new)
            continue
        if len(old) != len(new) and any(_swap_class(w) == ("negation", "denied") for w in old + new):
            continue  # "not superior" / "inferior": a negator in an uneven swap may say it the same way
        for o, n in zip(old, new, strict=False) if len(old) == len(new) else product(old, new):
            oc, nc = _swap_class(o), _swap_class(n)
            if oc and nc and oc[0] == nc[0] and oc[1] != nc[1]:
                return oc[0], o, n
    return None


# Round 23: "more likely to X" and "less likely to Y" say which way the chance of an event goes,
# and the event is what follows "to" (past a light verb): "less likely to experience *fever*" beside
# "more likely to experience ongoing cyclical *bleeding*" (CD004993.pub3), "more likely to *take*
# their treatment for longer" beside "less likely to be *withdrawn*" (CD012065.pub3) are two events,
# not one backwards.
_LIKELY_TO = re.compile(r"\b(more|less)\s+likely\s+to\s+((?:[\w-]+\s+){0,6})", re.I)
_LIGHT_VERBS = frozenset(
    stem(w) for w in "be been being have has had experience get develop suffer undergo need require".split()
)


def likely_events(text: str) -> dict[str, set[str]]:
    """The event ("more" / "less" likely to happen) of each "more/less likely to ..." of ``text``:
    the stem of the first content word after "to" that is no light verb."""
    out: dict[str, set[str]] = {"more": set(), "less": set()}
    for m in _LIKELY_TO.finditer(text + " "):
        event = next(
            (t.stem for t in tokens(m.group(2)) if is_content_word(t.text) and t.stem not in _LIGHT_VERBS),
            None,
        )
        if event is not None:
            out[m.group(1).lower()].add(event)
    return out


def another_event_likely(draft: str, source: str, word: str | None) -> bool:
    """``word`` (the draft's flipped direction) is "more likely" or "less likely", and the events the
    draft says it of are none of those the abstract sentence gives the other way."""
    said = re.fullmatch(r"(more|less)\s+likely", word or "", re.I)
    if said is None:
        return False
    way = said.group(1).lower()
    mine = likely_events(draft)[way]
    theirs = likely_events(source)["less" if way == "more" else "more"]
    return bool(mine) and bool(theirs) and not mine & theirs


# Round 23: what a claim is compared with, named after "compared to/with", "versus", "in contrast
# to": a claim against placebo (or sham, no treatment) is not the claim against an active treatment.
# "When compared to placebo treatment sitagliptin and vildagliptin improved metabolic control" is not
# the abstract's "comparisons with active comparators ... indicated no improved metabolic control ...
# in contrast to other hypoglycaemic agents" (CD006739.pub2), so it neither flips nor keeps it. Two
# active comparators said in other words ("compared to conventional ART" for "compared to IVF",
# CD006606.pub4) are left to the other checks.
_COMPARED_WITH = re.compile(
    r"\b(?:compared\s+(?:to|with)|comparisons?\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|vs\.?|"
    r"in\s+contrast\s+to)\s+((?:[\w-]+\s*){1,3})",
    re.I,
)
_INACTIVE = re.compile(r"\b(?:placebos?|sham|dummy|no\s+(?:treatment|intervention|therapy))\b", re.I)


def _against_inactive(text: str) -> bool | None:
    """Whether ``text`` compares with an inactive treatment (placebo, sham, none) only, or with
    active ones only; None when it names no comparison or both kinds ("increased in the active
    pacing group compared to the placebo group and ... active pacing versus trancoronary ablation",
    CD008523.pub2)."""
    kinds = {_INACTIVE.search(m.group(1)) is not None for m in _COMPARED_WITH.finditer(text)}
    return kinds.pop() if len(kinds) == 1 else None


def other_comparison(draft: str, source: str) -> bool:
    """One sentence compares with an inactive treatment and the other with an active one, naming no
    inactive one anywhere."""
    mine, theirs = _against_inactive(draft), _against_inactive(source)
    if mine is None or theirs is None or mine == theirs:
        return False
    active = source if mine else draft
    return _INACTIVE.search(active) is None


# Round 23: a sentence that says only what the studies measured states no result to turn round: "In
# this review, the studies measured caesarean section rate." beside "There was no difference in
# caesarean section rate between groups" (composer draft of CD004909.pub3). Where the abstract
# sentence uses the same verb ("No studies measured X"), the measuring itself is what it negates.
_MEASURED_ONLY = re.compile(
    r"^\s*(?:in\s+this\s+review,?\s+)?(?:the\s+|these\s+|this\s+|all\s+)?(?:included\s+)?"
    r"(?:stud(?:y|ies)|trials|review|researchers|authors)\s+(?:also\s+|all\s+)?"
    r"(?P<verb>measured|assessed|looked\s+at|recorded|examined|evaluated)\b",
    re.I,
)


# 14 -> 15 (h25flags): a sentence that only says what the study aimed at or looked at ("The aim was to
# increase precursor supply.", "This study looked at a vocabulary of ancient peptides.", composer
# drafts of bmc s13036-019-0156-5 and eLife 09410) states no claim, so it drops no hedge of one.
_AIM_ONLY = re.compile(
    r"^\s*(?:the|our|this|its)\s+(?:main\s+)?(?:aims?|objectives?|purpose|goal)\s+(?:of\s+[\w\s-]{0,40}?)?"
    r"(?:was|were|is|are)\s+to\b|"
    # "This study set out to discover ...", "This study asked if ..." (bmc s13058-018-0949-3, eLife 07834)
    r"^\s*(?:this|the)\s+(?:study|review|work|researchers|authors)\s+(?:set\s+out|aimed|sought|wanted|"
    r"asked|tested)\s+(?:to|whether|if)\b",
    re.I,
)
_CLAIM_AFTER = re.compile(
    r"\b(?:found|find|finds|showed|shows|shown|reveal\w*|suggest\w*|that|which)\b", re.I
)


def says_aim_only(draft: str) -> bool:
    """``draft`` only says what the study aimed at (_AIM_ONLY) or looked at (_MEASURED_ONLY), with no
    finding joined to it ("and found ...", "showed", "that ...")."""
    said = _AIM_ONLY.match(draft) or _MEASURED_ONLY.match(draft)
    return said is not None and _CLAIM_AFTER.search(draft, said.end()) is None


def says_what_was_measured(draft: str, source: str) -> bool:
    """``draft`` only says what the studies measured (_MEASURED_ONLY, no negation, no direction word)
    with a verb the abstract sentence does not use."""
    said = _MEASURED_ONLY.match(draft)
    if said is None or negation_cues(draft):
        return False
    if any(pat.search(draft) for axis in _DIRECTIONS for pat in (axis[1], axis[3])):
        return False
    return re.search(rf"\b{said.group('verb')}\b", source, re.I) is None


# 17 -> 18 (h24flags): an abstract sentence that asks, aims or reports a belief states no finding, so
# the answer a text gives is no flip of it: "To investigate if fetal gender (1) affects the risk of
# having an emergency department (ED) visit for asthma" beside "Fetal gender does not affect the risk
# of having an ED visit for asthma", "we sought to analyze whether the simultaneous use of an
# endoscope could in fact increase the infection rate" beside "did not increase the risk of surgical
# infection", "Induction of multifollicular growth is considered to improve pregnancy outcome"
# (PubMedQA PQA-L conclusions read against their abstracts, pubmed_abstracts/ori_pqal.json). Only
# where the abstract sentence has no negation of its own: "It is unclear whether X reduces Y" beside
# "X reduces Y" is still read.
_AIMS_PATTERN = (
    r"\b(?:determine|assess|evaluate|investigate|examine|explore|test|analy[sz]e|know|confirm|establish|"
    r"clarify|ascertain|ask)\w*\s+(?:[\w-]+\s+){0,2}?(?:whether|if)\b|\bhypothes[ie][sz]\w*|"
    r"\bquestions?\s+(?:of\s+)?(?:whether|if)\b|"
    r"\b(?:sought|wanted|set\s+out|designed|aim(?:s|ed)?)\s+to\b|"
    r"\b(?:the|our|this|its)\s+(?:aims?|objectives?|purpose|goal)\s+(?:of|was|were|is|are)\b|"
    r"^\s*(?:to\s+)?(?:determine|investigate|evaluate|assess|examine|explore|test|analy[sz]e)\b"
)
_ASKS = re.compile(
    _AIMS_PATTERN + r"|\b(?:has|have)\s+been\s+(?:proposed|suggested|claimed|hypothesi[sz]ed)\b|"
    r"\b(?:is|are)\s+(?:considered|thought|believed|claimed)\s+to\b|"
    # negation_flip 21 (h27flags): what earlier work found is reported as a belief is: the study's own
    # result may turn it round ("previous investigations have provided circumstantial evidence that
    # natural selection has acted to lower noise levels", eLife 05856, whose digest says the study's
    # finding, "natural selection can favor an increase in noise levels", and was an error). Only in
    # the perfect tense: "an earlier Israeli study showed improvement" is one of a review's studies
    # (cochrane_val CD001728.pub6, whose injected flip the first form of this rule missed).
    r"\b(?:previous|prior|earlier|past)\s+(?:[\w-]+\s+){0,2}?(?:investigations|studies|work|research|"
    r"reports|findings|experiments|analyses)\s+(?:have|has|had)\s+(?:provided|suggested|shown|found|"
    r"reported|indicated|proposed)\b",
    re.I,
)
# hedge_kept 16 (h26flags): an abstract sentence that only asks or states an aim claims nothing, so
# a hedge in it ("To evaluate whether SxS could predict in-hospital outcomes ...", "To assess whether
# it is possible for an experienced laparoscopic surgeon to perform ...": PubMedQA 24671913,
# 18439500, their conclusions read against their abstracts) qualifies no claim a text could restate.
# A reported belief ("is considered to improve") is a claim: stated as fact, its qualifier is dropped.
_AIMS = re.compile(_AIMS_PATTERN, re.I)


# any "whether" but "irrespective / regardless of whether" asks ("Thirteen studies looked at whether ...")
_WHETHER = re.compile(r"(?<!irrespective of )(?<!regardless of )\bwhether\b", re.I)


def asks_only(draft: str, source: str) -> bool:
    """The abstract sentence asks, aims or reports a belief (_ASKS) and negates nothing itself, and
    the draft sentence answers it: a draft that asks too ("Further research is needed to confirm
    whether ... is not associated with ...") is read against it (the question changed)."""
    asks_too = _ASKS.search(draft) or _WHETHER.search(draft)
    return _ASKS.search(source) is not None and not negation_cues(source) and not asks_too


# 18 -> 19 (h25flags): a sentence the abstract says word for word turns nothing round, whichever
# abstract sentence it aligns to: "This is not so in Physcomitrella." (eLife 06808's composer draft,
# a clause of "Although PIN-mediated ... in flowering plants, this is not so in Physcomitrella, where
# ..."), aligned to another sentence about Physcomitrella, was a "negation added" error.
_VERBATIM_MIN_WORDS = 4


def said_word_for_word(draft: str, article: Article) -> bool:
    """The draft sentence (its end mark aside, at least _VERBATIM_MIN_WORDS words) is in the
    abstract as it stands, case and spacing aside, as a sentence or clause of its own (after a
    sentence's start or a mark): "evidence was available for ..." is not said in "No evidence was
    available for ..." (a bench injection into cochrane_val CD009530.pub4's draft, mine half)."""
    words = draft.strip().rstrip(".!?").split()
    if len(words) < _VERBATIM_MIN_WORDS:
        return False
    said = re.compile(r"(?:^|[.,;:!?(]\s*)" + re.escape(" ".join(words)) + r"(?!\w)", re.I)
    return any(said.search(" ".join(s.text.split())) for s in article.sections)


# 21 (h27flags): a negation that says what was not done before the study ("many of the fragments of viral
# genomes that have been identified have not yet been linked to their host microbes", eLife 08490's
# digest) denies no finding of it ("identify 12,498 high-confidence viral genomes linked to their
# microbial hosts"): "not yet", "not previously", "not until now". The bench's injected negations
# ("have not been linked") have no such word.
_GAP_BEFORE = re.compile(r"not\s+(?:\w+\s+)?(?:yet|previously|before\s+now|until\s+now)\b", re.I)


# 22 (h28flags): a sentence that opens on "Neither" or "None" denies its whole clause, verb and all,
# so a sentence that says the same with "not" beside the verb moves the negation, it adds none:
# "The outcomes of time to improvement of symptoms and changes in sleep quality were not measured in
# the included trial." for "Neither of our pre-defined outcomes of 'time to improvement of symptoms'
# or 'changes in sleep quality', were measured in the included trial." (eval part A CD012943.pub2).
# Only when each side negates once: a "not" dropped or added beside such a sentence still counts.
_OPENS_NEGATED = re.compile(r"^\W*(?:neither|none)\b", re.I)
_NO_DIFFERENCE = re.compile(
    r"\b(?:no|little\s+or\s+no|not)\s+(?:\w+\s+){0,3}?(?:differ\w*|effect)\b|\bdid\s+not\s+differ", re.I
)


def _moved_negation(
    draft: str, source: str, cues: list[re.Match[str]], source_cues: list[re.Match[str]]
) -> bool:
    if len(cues) != 1 or len(source_cues) != 1:
        return False
    return bool(_OPENS_NEGATED.match(draft)) != bool(_OPENS_NEGATED.match(source))


def flip_reason(draft: str, source: str, score: float, article: Article) -> str | None:
    """Why the draft sentence (or clause) turns round the abstract sentence it aligns to at
    ``score``: "direction flipped: ...", "negation dropped: ..." or "negation added: ...", or None."""
    if (
        other_comparison(draft, source)
        or says_what_was_measured(draft, source)
        or asks_only(draft, source)
        or said_word_for_word(draft, article)
    ):
        return None
    if _moved_negation(draft, source, negation_cues(draft), negation_cues(source)):
        return None
    swapped = swapped_word_flip(draft, source)
    if swapped is not None:
        axis, was, now = swapped
        if axis in ("amount", "value"):
            return f"direction flipped: {now!r}, but the abstract says the opposite here"
        if was in ("no", "not", "never", "insufficient", "inadequate", "inconclusive"):
            return "negation dropped: the abstract negates this claim"
        return "negation added: the abstract states this claim without a negation"
    # The parse-based stand-down is asked only of a flip the whole-sentence check found.
    word = direction_flipped(draft, source) if score >= DIRECTION_ALIGNED_THRESHOLD else None
    if word is not None and other_things_move(draft, source):
        word = None
    if word is None and score >= LOCAL_ALIGNED_THRESHOLD:
        word = local_direction_flip(draft, source)
    if word is None and score >= DIRECTION_ALIGNED_THRESHOLD:
        word = parsed_direction_flip(draft, source)
    if word is not None and another_event_likely(draft, source, word):
        word = None
    if word is not None:
        return f"direction flipped: {word!r}, but the abstract says the opposite here"
    if score >= DIRECTION_ALIGNED_THRESHOLD:
        word = null_interval_claim(draft, source)
        if word is not None:
            return (
                f"direction added: {word!r}, but the abstract's 95% CI "
                f"({'; '.join(null_intervals(source) or [])}) includes no effect"
            )
    cues, source_cues = negation_cues(draft), negation_cues(source)
    if cues and not source_cues and all(_GAP_BEFORE.match(draft, m.start()) for m in cues):
        return None  # 21: "have not yet been linked" is the state before the study, which did the linking
    if (
        cues
        and not source_cues
        and (_SIMILAR.search(source) or null_intervals(source) is not None)
        and not _SIMILAR.search(draft)  # "was not similar" denies it
    ):
        # "did not increase the risk" restates "the risk was similar", and "There was no difference"
        # restates "MD 0.30; 95% CI -1.54 to 2.14" (CD008523.pub2): no change either way
        return None
    if source_cues and not cues and _SIMILAR.search(draft) and _NO_DIFFERENCE.search(source):
        # 22 (h28flags): the converse: "Patients treated in the day hospital had the same levels of
        # treatment satisfaction and quality of life as those cared for as inpatients" restates "there
        # is no difference between day hospital care and inpatient care ... for quality of life"
        # (eval part A CD004026.pub2)
        return None
    both = None
    if cues and source_cues and score >= SPLIT_ALIGNED_THRESHOLD:
        both = split_pair_flip(draft, source)
    # A denied finding stated plainly is checked by itself, not by the clause it stands in: a
    # list run on with semicolons ("in terms of lung function; symptom scores; ...") puts
    # the draft's words in clauses after the negated one.
    finding = finding_flip(draft, source) if score >= FINDING_ALIGNED_THRESHOLD else None
    if (
        both is not None
        or finding is not None
        or local_negation_flip(draft, source)
        or (score >= FLIP_ALIGNED_THRESHOLD and negation_flipped(draft, source))
        or (score >= PARSE_ALIGNED_THRESHOLD and parsed_negation_flip(draft, source))
    ):
        source_negates = both == "dropped" if both is not None else bool(source_cues)
        if source_negates and finding is None and not restates_negated_clause(draft, source, article):
            return None  # the negation is in a clause of the abstract sentence the draft does not restate
        return (
            "negation dropped: the abstract negates this claim"
            if source_negates
            else "negation added: the abstract states this claim without a negation"
        )
    return None


@metric("negation_flip", "22", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def negation_flip(text: str, article: Article) -> MetricResult:
    """Draft sentences that assert what their abstract sentence negates, or the reverse, or that
    give the opposite direction of an effect ("increased" for "decreased")."""
    flags: list[Flag] = []
    sections = tuple(s.text for s in article.sections)
    for a in align_sentences(text, article):
        if a.source is None or a.score < LOCAL_ALIGNED_THRESHOLD:
            continue
        if fact_statement(a.draft_text, sections) is not None:
            continue  # the drafters' fixed wording of a study fact ("The study has not been done yet")
        if is_comparison_heading(a.draft_text):
            continue
        reason = flip_reason(a.draft_text, a.source.text, a.score, article)
        if reason is None:
            continue
        flags.append(
            Flag(
                "negation_flip",
                reason,
                "error",
                draft_span=(a.draft_start, a.draft_end),
                draft_text=a.draft_text,
                source_span=a.source_span,
            )
        )
    return MetricResult(float(len(flags)), flags)


# ---------------------------------------------------------------------------------------------
# Hedges kept


# The clauses of a sentence: a hedge qualifies the claim of its own clause ("There may be little
# or no difference in complications; however, corticosteroids increase the risk of weakness": the
# weakness is not hedged). A rating in brackets ("(low-quality evidence)") belongs to its clause.
# A sentence run into the next ("No adverse effects were reported.There is low quality evidence that
# ...") is two clauses.
_HEDGE_CLAUSE_END = re.compile(
    r"[;:]|(?-i:\.(?=[A-Z][a-z]))|,?\s+\b(?:however|but|whereas|while|although|and(?=\s+probably))\b", re.I
)  # round 13: "... and probably increase the risk of X": the clause keeps its "probably" (CD002243)
_BRACKETED = re.compile(r"\(([^()]*)\)")
# Set on the "mine" half of cochrane_val: 0.4 keeps 30 % recall on human summaries (32 % before)
# and 76 % on drafts (80 %) while false alarms on clean human summaries fall from 14 % to 10 %.
HEDGE_CLAUSE_COVER = 0.4


# A certainty rating stated in other words than the hedge pattern reads: "the quality of the
# evidence was low", "our certainty in the evidence ... is also very low".
# 16 (h26flags): or before it, as a range or a moderate rating that the hedge pattern (which reads
# "low certainty" only) misses: the composer's own "The evidence ranged from low to moderate
# certainty." for "outcome results ranged from moderate to low quality" (mine CD001912.pub4,
# CD008322.pub2, clean drafts warned), "low- to moderate-quality evidence", "moderate-certainty
# evidence"; and the confidence Cochrane's newer summaries rate ("We are moderately confident").
_RATING_STATED = re.compile(
    r"\b(?:quality|certainty)\b(?:\s+\w+){0,16}?\s+(?:is|was|were|are|be|been|as)\s+(?:\w+\s+){0,2}?"
    r"(?:very\s+)?(?:low|moderate)\b|"
    r"\b(?:very\s+)?(?:low|moderate)(?:-?\s+(?:to|or|and)\s+(?:very\s+)?(?:low|moderate))*[- ](?:certainty|quality)\b|"
    r"\b(?:(?:moderately|fairly|somewhat)\s+|not\s+(?:very\s+)?)confident\b|\b(?:little|low|limited|moderate)\s+confidence\b",
    re.I,
)


# Uncertainty stated as missing evidence: "there is a lack of evidence to draw any conclusions",
# "No clear evidence emerged", "The evidence does not support ...", "more evidence is needed";
# round 15: "The weak research does not enable ..." (for "The weak evidence base").
_EVIDENCE_LACKING = re.compile(
    # 18 (h28flags): "no evidence that it was effective" says what the evidence does not show, as
    # "insufficient evidence ... to determine the effect" does (eval part A CD012197.pub2); a bare
    # "no evidence of a difference" stays a finding
    r"\b(?:(?:lack|absence)\s+of\s+(?:\w+\s+)?evidence|no\s+(?:clear|good|strong|firm|reliable|convincing)\s+evidence|"
    r"no\s+evidence\s+(?:that|to\s+(?:show|support|suggest))|"
    r"not\s+enough\s+(?:\w+\s+)?evidence|evidence\s+(?:does|did)\s+not\s+(?:support|show)|"
    r"(?:more|further|better)\s+(?:\w+\s+)?(?:evidence|data|studies|trials)\s+(?:is|are)\s+needed|"
    r"(?:weak|poor|limited|insufficient)\s+(?:quality\s+)?(?:research|data|studies))\b",
    re.I,
)


def keeps_a_hedge(sentence: str) -> bool:
    """The sentence carries a hedge, states a low or moderate certainty rating, or says that
    the evidence is lacking."""
    return (
        is_hedged(sentence)
        or _RATING_STATED.search(sentence) is not None
        or _EVIDENCE_LACKING.search(sentence) is not None
    )


def rating_only(sentence: str) -> bool:
    """The sentence's only hedge is a certainty rating in brackets ("... lower in the SET group (OR
    0.03, ..., low quality evidence)"): the claim itself is stated plainly."""
    flat = sentence
    while (shorter := _BRACKETED.sub(" ", flat)) != flat:  # "(mean difference (MD) -0.86, ...)"
        flat = shorter
    return is_hedged(sentence) and not is_hedged(flat)


# A fronted reason or concession ("As almost all the women were recruited after 12 weeks, it is unclear whether
# ...") and a relative clause set off by a comma ("... these studies where, despite adjustment,
# selection bias was still likely") are clauses of their own: the hedge of the main clause does not
# qualify them, nor the reverse.
# 17 (h27flags): and a fronted contrast ("While most peptides generated from lncRNAs may be highly
# unstable byproducts without function, ~9% of the peptides are conserved ...", eLife 08890, whose
# key finding restates the main clause and was warned).
_FRONTED_REASON = re.compile(
    r"^\s*(?:As|Because|Since|Given\s+that|Although|Though|While|Whereas)\b[^,;:]*,", re.I
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|where)\b|\s+where,", re.I)
# 17 (h27flags): an appositive set off by commas after the sentence's subject is a clause of its own,
# and the subject with its predicate another: "Transgenics, an unusual approach for wheat improvement,
# still represents a potential tool" (BMC s41065-019-0093-9: the research summary "Transgenics are an
# unusual method for wheat improvement." drops no hedge); "A vesicle, possibly a precursor of the
# phagophore, contains translocated m-IL-1β and later turns into an autophagosome ..." (eLife 11205:
# the hedge qualifies the appositive only). Clean composer drafts of eLife and BMC, warned at 66781ea.
_APPOSITIVE = re.compile(
    r"^(?P<subject>\s*[A-Z][^,;:()]{0,60}?),\s+"
    r"(?P<apposition>(?:(?:possibly|probably|presumably|perhaps|likely)\s+)?(?:an?|the)\s+[^,;:()]{2,90}?),\s+"
    r"(?=(?!(?:and|or|nor)\b)[a-z])"
)
# not an appositive: a subject that is an opening phrase ("In this trial, the drug may reduce pain,
# and ..."), or a subject or noun phrase with a verb in it (a list: "Music interventions may be
# beneficial for gait, the timing of upper extremity function, communication outcomes, ...",
# cochrane_val CD006787.pub3, whose injected drop the first form of this rule missed)
_NOT_APPOSED = re.compile(
    r"^\s*(?:in|at|on|for|with|after|before|during|by|from|among|overall|however|here|thus|moreover|"
    r"furthermore|finally|first|second|third|also|then|therefore|together|in\s+addition)\b|"
    r"\b(?:may|might|could|can|will|would|should|must|is|are|was|were|be|been|has|have|had|"
    r"do|does|did|not)\b",
    re.I,
)


def _hedge_clauses(sentence: str) -> list[str]:
    flat = _BRACKETED.sub(lambda m: " " + m.group(1) + " ", sentence)
    pieces: list[str] = []
    apposed = _APPOSITIVE.match(flat)
    if apposed and not _NOT_APPOSED.search(apposed.group(0)):
        pieces.append(apposed.group("apposition"))
        flat = apposed.group("subject") + " " + flat[apposed.end() :]
    for piece in _HEDGE_CLAUSE_END.split(flat):
        if not piece:
            continue
        fronted = _FRONTED_REASON.match(piece)
        if fronted:
            pieces.append(piece[: fronted.end()])
            piece = piece[fronted.end() :]
        pieces.extend(_RELATIVE_CLAUSE.split(piece))
    return [p for p in pieces if p and p.strip()]


# Round 15: words of the hedge pattern that qualify no claim: a risk-of-bias rating ("unclear
# risk of bias", "unclear to high risk"), studies not yet judged ("nine potential studies"), what
# the review could do ("22 trials could be included") and what was not done ("blinding ... was not
# possible"). A clause with only these states its claim plainly. Round 16: a comparison of chances
# ("a direct contact is more likely to be present when ...", "were less likely to ...") is a
# result, not a hedge.
_NOT_A_HEDGE = re.compile(
    r"\bunclear(?=\s+(?:(?:or|to)\s+(?:high|low)\s+)?risk\b)|\b(?:high|low)\s+or\s+unclear\b|"
    r"\bunclear\s+for\s+(?:about\s+|around\s+)?\d|"
    r"\bpotential(?:ly)?\s+(?:(?:relevant|eligible|new)\s+)?(?:stud(?:y|ies)|trials?|records|articles|reports|papers)\b|"
    r"\bcould\s+be\s+(?:included|identified|found|located|retrieved)\b|"
    r"\b(?:not|im)\s*possible\b|"
    r"\b(?:more|less|most|least|equally|as)\s+likely\b|"
    # 19 (h19flags): a capacity named, not a claim qualified: "including stem cell *potential*." (eLife
    # 06104); an uncertainty a mechanism lowers: "to reduce noise and minimize *uncertainty*" (eLife 03977)
    r"\bpotential(?=\s*(?:[.;:,)]|$))|\b(?:minimi[sz]\w*|reduc\w*|lower\w*|resolv\w*)\s+(?:the\s+)?uncertaint(?:y|ies)\b|"
    # 17 (h27flags): a capacity of a thing, named by what it does: "the genome-destabilizing potential of RNA"
    # (eLife 00505, a clean key finding restating the sentence's other half was warned)
    r"\b[\w-]+ing\s+potential\b",
    re.I,
)
# Round 15: a clause run on with "and" and a new subject ("..., and the evidence was mostly
# very low quality"; "... and there was no evidence of a difference"), and a participle clause
# of interpretation ("We found only one study suggesting that ...", which keeps its "suggesting").
# Round 16: "..., and both computational and in vivo approaches suggest that ..." (eLife 05005).
_RUN_ON_CLAUSE = re.compile(
    r",?\s+and\s+(?=(?:the|this|these|those|there|it|its|most|all|none|both|heterogeneity|they|we)\s)|,?\s+(?=suggesting\s+that\b)|"
    r",\s+(?=(?:suggesting|indicating|highlighting|implying|providing|leading)\b)|"
    r"\s+and\s+(?=(?:may|might|could|appeared|suggests?|ha(?:s|ve)\s+(?:the\s+)?potential)\s)|"
    r",\s+so\s+(?=\w+\s+(?:may|might)\s)|"
    # 15 (h25flags): "..., probably recognized by ..., were predicted ..., and a Fur binding site ... was
    # verified by ..." (bmc 1471-2180-7-96): a new subject with "a" after a comma
    r",\s+and\s+(?=an?\s)",
    re.I,
)  # 17 (h27flags): "... greatly expands the capacity of yeast to use plant cell wall-derived sugars and has
# the potential to increase the efficiency of ... biofuel production" (eLife 05896: the key finding
# restating the claim before "and has the potential" was warned); "and could" as "and may".
# 18: a hedged participle or verb phrase after the claim is a clause of its own: "These key stages are
# consistently reported in the nine guidance documents, suggesting consensus on ...", "... were produced
# in a good accordance with the Mendelian ratio and appeared normal at birth" (bmc_sample)


def _all_clauses(sentence: str) -> list[str]:
    return [piece for c in _hedge_clauses(sentence) for piece in _RUN_ON_CLAUSE.split(c) if piece.strip()]


def hedged_clauses(sentence: str) -> list[str]:
    """The clauses of ``sentence`` that carry a hedge (one that qualifies a claim)."""
    return [c for c in _all_clauses(sentence) if is_hedged(_NOT_A_HEDGE.sub(" ", c))]


PLAIN_CLAUSE_COVER = 0.8


# 14 -> 15 (h25flags): a hedge after "and" qualifies what follows it, not the claim "and" joins it
# to: "Phenotypic characterization of the MMU2 panel confirmed the segregation of multiple growth and
# obesity QTL and strongly suggested that a subset of these loci modify ..." (bmc 1471-2164-7-102),
# "Some sRNA biogenesis genes were located in distant-sQTL hotspots and showed correspondence ...
# suggesting their important roles" (eLife 03913): a draft sentence that restates the part before
# that "and" (the part covers PLAIN_CLAUSE_COVER of what the whole clause covers of it: "quantitative
# trait loci" for "QTL" also meets the hedged part's "these loci") drops no hedge. The hedge warnings on the composer's BMC and eLife drafts, read in
# round 25: 5 of 12 were such.
# The "and" joins a predicate: a content word follows it, after an adverb or not ("and strongly
# suggested", "and showed"), not "and because of the very low certainty in the evidence" (a reason
# qualifying the whole sentence, cochrane_val CD013106.pub2). A certainty rating qualifies the
# whole sentence wherever it stands.
_JOINED = re.compile(r",?\s+and\s+(?:\w+ly\s+)?(?P<next>[\w-]+)", re.I)
_RATING_CUE = re.compile(r"certainty|quality|evidence", re.I)


def claim_before_hedge(clause: str) -> str | None:
    """The words of ``clause`` before the last "and" that joins a predicate ahead of its first
    hedge, or None when there is none (or the hedge is a certainty rating)."""
    blanked = _NOT_A_HEDGE.sub(lambda m: " " * len(m.group(0)), clause)
    cue = HEDGE.search(blanked)
    if cue is None or _RATING_CUE.search(cue.group(0)):
        return None
    joins = [m for m in _JOINED.finditer(clause, 0, cue.end()) if is_content_word(m.group("next"))]
    return clause[: joins[-1].start()] if joins else None


def restates_hedged_clause(draft: str, source: str, article: Article) -> bool:
    """Some hedged clause of ``source`` covers at least HEDGE_CLAUSE_COVER of the draft sentence's
    content (numbers aside, weighted by rarity in the abstract)."""
    index = source_index(article)
    weights = {s: index.weight(s) for s in content_stems(draft) if not s[:1].isdigit()}
    total = math.fsum(weights.values())
    if not total or not set(weights) - report_stems():
        return False  # 13 (h22flags): report words only, "This was a review." (the composer's research
        # summary of CD002195 and CD003822.pub2, mine half, aligned to the hedged conclusion): no claim
    hedged = hedged_clauses(source)

    def cover_of(part: str) -> float:
        stems = index.stems_with_long_forms(part)  # 15: "total intravenous anaesthesia" for "TIVA"
        return math.fsum(w for s, w in weights.items() if s in stems) / total

    best = 0.0
    for clause in hedged:
        plain = claim_before_hedge(clause)
        cover = cover_of(clause)
        if plain is not None and cover_of(plain) >= PLAIN_CLAUSE_COVER * cover:
            continue  # 15: it restates the plain claim "and" joins to the hedged one
        best = max(best, cover)
    if best < HEDGE_CLAUSE_COVER:
        return False
    # 18: a clause of the source without a hedge that covers the draft sentence well, and better,
    # is the one it restates ("In contrast, close to the critical transition the same perturbation
    # can cause many cells to switch ..." restates the clause after "whereas", eLife 07935)
    for clause in _all_clauses(source):
        if clause in hedged:
            continue
        stems = index.stems_with_long_forms(clause)
        cover = math.fsum(w for s, w in weights.items() if s in stems) / total
        if cover >= PLAIN_CLAUSE_COVER and cover > best:
            return False
    return True


# A certainty the abstract does not give. An abstract that rates its evidence (low, very low or
# moderate certainty or quality) and never high gives no sentence a "high-certainty evidence" or
# "the evidence was of high quality" to restate, whichever abstract sentence it aligns to (the
# composer's "The evidence was of very low to low certainty, depending on the outcome." aligns to
# none). "No high-quality evidence", "high-quality trials are needed" claim no rating. 18
# (h18support), mine half: see hedge_kept.
_HIGH_RATING = re.compile(
    r"\bhigh(?:er)?[- ]?(?:certainty|quality)\b(?=\s*(?:of\s+(?:the\s+)?)?evidence\b|\s*\)|\s*[.;,]|\s*$)|"
    r"\b(?:certainty|quality)\b(?:\s+of\s+(?:the\s+)?evidence)?\s+(?:is|was|were|are|as|be|been)\s+(?:rated\s+|judged\s+)?(?:as\s+)?high\b",
    re.I,
)
_LOWER_RATING = re.compile(
    r"\b(?:low|moderate)[- ]?(?:to[- ](?:\w+[- ])?)?(?:certainty|quality)\b|"
    r"\b(?:certainty|quality)\b(?:\s+\w+){0,16}?\s+(?:is|was|were|are|be|been|as)\s+(?:\w+\s+){0,2}?(?:very\s+)?(?:low|moderate)\b",
    re.I,
)
_NO_RATING_CLAIMED = re.compile(
    # "neither"/"none"/"nor" deny as "no" does: "Neither provided any high-quality evidence for either
    # possible benefits or harms." (18, h28flags: eval part A CD010528.pub4, read as certainty raised)
    r"\b(?:no|not|neither|nor|none|never|insufficient|lack|lacking|absence|without|more|further|future|until|"
    r"larger|better)\b[^.;:,]{0,30}$",
    re.I,
)
_RATING_WANTED = re.compile(
    r"\b(?:need|needs|needed|required|warranted|should|would|could|must|means?|meaning)\b", re.I
)  # "High-quality evidence means that we are very confident in the results." defines the grade


def high_rating_claimed(sentence: str) -> str | None:
    """The words by which ``sentence`` rates the evidence high ("high-certainty evidence", "the
    evidence was of high quality"), or None: a rating of evidence, not of studies ("the trials
    were of high quality"), that nothing before it in its clause denies or wants."""
    for clause in _hedge_clauses(sentence):
        if _RATING_WANTED.search(clause) or not re.search(r"\b(?:evidence|certainty)\b", clause, re.I):
            continue
        for m in _HIGH_RATING.finditer(clause):
            if not _NO_RATING_CLAIMED.search(clause[: m.start()]):
                return m.group(0)
    return None


def rates_below_high(article: Article) -> str | None:
    """The abstract's first rating of its evidence when it rates it and never high, else None."""
    text = " ".join(s.text for s in article.sections)
    if _HIGH_RATING.search(text):
        return None
    lower = _LOWER_RATING.search(text)
    return lower.group(0) if lower else None


# A hedge swapped for certain words in a sentence that keeps the abstract's words around it ("...
# may be no different" -> "... will be no different", "screening probably reduces the" ->
# "screening reduces the", "The data available suggest some advantage" -> "... show ..."): the
# hedge word sits at the edge of an edit with HEDGE_SWAP_CONTEXT words (one a content word) kept
# as the abstract has them on that side and at least one on the other, and the draft sentence keeps
# no hedge. The words around show it restates the same claim even where a plain rewrite of the
# rest lowers its alignment below HEDGE_ALIGNED_THRESHOLD (30 of the 36 missed drops on the mine
# half's drafts aligned at 0.3 to 0.65). "could", "potential", "unclear" are left out: "data could
# not be pooled" -> "data were not pooled" drops no hedge of a claim.
_SWAP_HEDGES = frozenset(
    "may might probably possibly likely suggest suggests suggested suggesting appear appears appeared "
    "seem seems seemed".split()
)
_COMPARED_CHANCE = frozenset("more less most least equally as".split())
HEDGE_SWAP_CONTEXT = 3
HEDGE_SWAP_SIDE = (
    2  # and on the other side where the hedge is only dropped, else one (the sentence's start will do)
)
HEDGE_SWAP_WORDS = 3  # at most this many words in the edit, each side ("HLA-B*57:01 probably reduces
# severe ..." -> "HLA-B*57:01 is known to be key in developing severe ...", CD010891, says another thing)
_SEEMED = re.compile(
    r"\bseemed\b", re.I
)  # a hedge the shared pattern lacks ("seemed to be improved", CD005511)
_CERTAIN_WORDS = frozenset(
    "will is are was were be been does do did can show shows showed shown demonstrate demonstrates "
    "demonstrated prove proves proved proven confirm confirms confirmed clearly definitely certainly".split()
)
HEDGE_SWAP_ALIGNED = 0.3


def swapped_hedge(draft: str, source: str) -> str | None:
    """The abstract's hedge word that the draft sentence swaps for certain words (or drops) while
    keeping the words around it, or None."""
    hedged = keeps_a_hedge(draft) or _SEEMED.search(draft) is not None
    # "moderate-certainty" as two words, so that "high-certainty" keeps one of them
    s, d = _swap_words(source.replace("-", " ")), _swap_words(draft.replace("-", " "))
    ops = SequenceMatcher(a=[stem(w) for w in s], b=[stem(w) for w in d], autojunk=False).get_opcodes()

    def kept(k: int, least: int) -> bool:
        if least <= HEDGE_SWAP_SIDE and k < 0:
            return True  # the edit starts the sentence ("This suggests that" -> "The results show that")
        if not 0 <= k < len(ops) or ops[k][0] != "equal":
            return False
        words = s[ops[k][1] : ops[k][2]]
        return len(words) >= least and (least < HEDGE_SWAP_CONTEXT or any(is_content_word(w) for w in words))

    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal" or i1 == i2 or max(i2 - i1, j2 - j1) > HEDGE_SWAP_WORDS:
            continue
        rated = k + 1 < len(ops) and ops[k + 1][0] == "equal" and s[ops[k + 1][1]] in ("certainty", "quality")
        if rated and "high" in d[j1:j2] and {"low", "moderate"} & set(s[i1:i2]) and kept(k - 1, 1):
            return " ".join(s[i1 : ops[k + 1][1] + 1])  # "(low certainty evidence)" -> "(high ...)"
        if hedged:  # a raised rating is an error beside any other hedge; a dropped hedge is not
            continue
        side = HEDGE_SWAP_SIDE if j1 == j2 else 1  # "stage may make" -> "stage makes the" (eLife 01569)
        for i in (i1, i2 - 1):
            w = s[i]
            if w not in _SWAP_HEDGES or (w == "likely" and i > 0 and s[i - 1] in _COMPARED_CHANCE):
                continue
            # the hedge next to the kept words on one side, some kept words on the other, and in
            # its place nothing or a word that states the claim as certain (16, h26flags: not a
            # denial, "Several studies have suggested a protective effect" -> "Our study does not
            # show a protective effect", PubMedQA 17051586: another claim, no qualifier dropped)
            if any(x in _NEGATORS or x.endswith(("n't", "n’t")) for x in d[j1:j2]):
                continue
            if (
                i == i2 - 1
                and kept(k + 1, HEDGE_SWAP_CONTEXT)
                and kept(k - 1, side)
                and (j1 == j2 or d[j2 - 1] in _CERTAIN_WORDS)
            ) or (
                i == i1
                and kept(k - 1, HEDGE_SWAP_CONTEXT)
                and kept(k + 1, side)
                and (j1 == j2 or d[j1] in _CERTAIN_WORDS)
            ):
                return w
    return None


@metric("hedge_kept", "18", higher_is_better=True, fields=DRAFT_TEXT_FIELDS[:-1])
def hedge_kept(text: str, article: Article) -> MetricResult:
    """Share of the draft's sentences restating a hedged abstract sentence that keep a hedge.

    A draft sentence restates a hedged claim when its best abstract sentence covers at least
    HEDGE_ALIGNED_THRESHOLD of its content and the hedged clause of that sentence (the clause
    with the "may", or with the bracketed certainty rating) covers HEDGE_CLAUSE_COVER of it: a
    sentence restating the unhedged half of "There may be little or no difference in X; however,
    Y increases Z" keeps nothing it should. Dropping every hedge ("may",
    "probably", "low-certainty evidence", "limited evidence") states as certain what the
    abstract does not; a certainty rating in other words ("the quality of the evidence was low")
    keeps it, and so does saying that the evidence is lacking ("there is a lack of evidence to
    draw any conclusions"). An abstract sentence whose only hedge is a bracketed certainty rating
    ("(very low-quality evidence)") states its claim plainly: a summary gives the rating once, in
    a sentence of its own, so restating the claim without it drops nothing (on the "mine" half 11
    of the 24 flags on clean human summaries were such, and 5 of the 96 injected drops it caught). A
    comparison heading ("• X versus Y.") states no claim. A dropped qualifier is a warning (human summaries often carry the uncertainty in another sentence,
    so this is not certain enough to fail the gate).

    18: two more warnings, each counted as a restated claim not kept. "Certainty raised": a
    sentence that rates the evidence high where the abstract rates it low or moderate and never
    high (high_rating_claimed, rates_below_high), whatever it aligns to. A hedge swapped in the
    abstract's own words (swapped_hedge: "may be no different" -> "will be no different",
    "moderate-certainty" -> "high-certainty") at an alignment of HEDGE_SWAP_ALIGNED or more, where
    the rule above does not read the sentence as restating a hedged clause.
    """
    restated = kept = 0
    flags: list[Flag] = []
    below = rates_below_high(article)
    sections = tuple(s.text for s in article.sections)

    def warn(a: Alignment, reason: str, source: bool = True) -> None:
        flags.append(
            Flag(
                "hedge_kept",
                reason,
                "warning",
                draft_span=(a.draft_start, a.draft_end),
                draft_text=a.draft_text,
                source_span=a.source_span if source else None,
            )
        )

    for a in align_sentences(text, article):
        raised = high_rating_claimed(a.draft_text) if below else None
        if raised:
            restated += 1
            warn(
                a,
                f"certainty raised: {raised!r}, but the abstract rates its evidence {below!r} and never high",
                False,
            )
            continue
        if a.source is None:
            continue
        if (
            a.score >= HEDGE_ALIGNED_THRESHOLD
            and is_hedged(a.source.text)
            and not rating_only(a.source.text)
            and not is_comparison_heading(a.draft_text)
            and fact_statement(a.draft_text, sections) is None  # fixed wording ("Evidence still limited.")
            and not says_aim_only(a.draft_text)
            and not _AIMS.search(a.source.text)
            and restates_hedged_clause(a.draft_text, a.source.text, article)
        ):
            restated += 1
            # 15: a rating raised in the abstract's own words is dropped beside any other hedge kept
            # ("probably ... high-certainty evidence" for "probably ... moderate-certainty evidence",
            # CD002243.pub4, which the long forms of "RR" and "CI" now align as a restated claim)
            raised = swapped_hedge(a.draft_text, a.source.text) if keeps_a_hedge(a.draft_text) else None
            if keeps_a_hedge(a.draft_text) and raised is None:
                kept += 1
                continue
            if raised:
                warn(a, f"qualifier dropped: the abstract says {raised!r} here, in the same words around it")
                continue
            cue = HEDGE.search(a.source.text)
            warn(a, f"qualifier dropped: the abstract says {cue.group(0) if cue else 'may'!r} here")
            continue
        # 16 (h26flags): a text or abstract sentence that asks or states an aim claims nothing
        # ("Future research should examine ... whether a broader range of social and economic
        # policies affect health" for "... policies might substantially affect health", PubMedQA 18307476)
        asks = any(_AIMS.search(t) or _WHETHER.search(t) for t in (a.draft_text, a.source.text))
        swapped = (
            swapped_hedge(a.draft_text, a.source.text) if a.score >= HEDGE_SWAP_ALIGNED and not asks else None
        )
        if swapped:
            restated += 1
            warn(a, f"qualifier dropped: the abstract says {swapped!r} here, in the same words around it")
    return MetricResult(kept / restated if restated else 1.0, flags)


# ---------------------------------------------------------------------------------------------
# Term support


def looks_medical(word: str) -> bool:
    """A medical-looking word: a clinical prefix/suffix, or a rare long word no dictionary lists."""
    lw = word.lower()
    if len(lw) >= 5 and (_MEDICAL_PREFIX.match(lw) or _MEDICAL_SUFFIX.search(lw)):
        return True
    return is_rare(lw) and not in_pronouncing_dict(lw)


def _is_term_candidate(word: str, sentence_initial: bool, glossary: Glossary) -> bool:
    """A word that names something: acronym, mid-sentence name or medical-looking term.

    Glossary terms are not candidates by themselves: the CDC list has many general words.
    """
    if word.isupper() and len(word) >= 2:
        return True
    if not is_content_word(word):
        return False
    if word[0].isupper() and not sentence_initial:
        return True
    return looks_medical(word)


def _close_stem(stem_: str, vocabulary: frozenset[str]) -> bool:
    """The stem, or a long shared prefix with one ("cirrhosis"/"cirrhotic"), is in the vocabulary."""
    if stem_ in vocabulary:
        return True
    if len(stem_) < 6:
        return False
    need = max(6, int(0.75 * len(stem_)))
    return any(len(v) >= need and v[:need] == stem_[:need] for v in vocabulary)


def unsupported_terms(text: str, article: Article) -> list[tuple[int, int, str]]:
    """Draft terms found neither in the title/abstract nor among glossary plain alternatives, outside
    the drafters' fixed wording (enrich.wording.fact_statement: 3, h25flags, a glossary definition's
    "DNA" in "Sequencing means reading the letters of DNA or RNA.", bmc s12859-019-2912-4)."""
    glossary = load_glossary()
    index = source_index(article)
    vocabulary = index.vocabulary | index.long_forms
    spans = sentence_spans(text)
    initial = {start for start, _ in spans}
    sections = tuple(s.text for s in article.sections)
    fixed = [(a, b) for a, b in spans if fact_statement(text[a:b], sections) is not None]
    out: list[tuple[int, int, str]] = []
    for tok in tokens(text):
        if any(a <= tok.start < b for a, b in fixed):
            continue
        if not _is_term_candidate(tok.text, tok.start in initial, glossary):
            continue
        word = _POSSESSIVE.sub("", tok.text)
        parts = [p for p in word.split("-") if len(p) > 3] or [word]
        if all(_close_stem(stem(p), vocabulary) or stem(p) in glossary.plain_stems for p in parts):
            continue
        out.append((tok.start, tok.end, tok.text))
    return out


@metric("term_support", "3", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def term_support(text: str, article: Article) -> MetricResult:
    """Share of the draft's medical-looking terms and names that the abstract supports."""
    glossary = load_glossary()
    initial = {start for start, _ in sentence_spans(text)}
    candidates = [t for t in tokens(text) if _is_term_candidate(t.text, t.start in initial, glossary)]
    if not candidates:
        return MetricResult(1.0)
    missing = unsupported_terms(text, article)
    flags = [
        Flag(
            "term_support",
            f"added claim: {word!r} is not in the abstract",
            "warning",
            draft_span=(start, end),
            draft_text=word,
        )
        for start, end, word in missing
    ]
    return MetricResult(1 - len(missing) / len(candidates), flags)
