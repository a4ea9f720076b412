"""Number faithfulness: every number (with its unit) in a draft must occur in the source.

How numbers, units and ranges are read is pipeline/text/numbers.py (shared with the drafter
and the lab); this module registers the metric.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.score.claims import (
    coordinated_totals,
    count_mentions,
    counted_kind,
    counts_one_study,
    counts_studies_not_included,
    counts_whole_review,
    in_a_range,
    is_numerator,
    single_study_review,
)
from pipeline.score.faithfulness import content_stems, report_stems, source_index
from pipeline.text.numbers import NumberMention as NumberMention
from pipeline.text.numbers import SourceNumber as SourceNumber
from pipeline.text.numbers import best_support as best_support
from pipeline.text.numbers import find_numbers as find_numbers
from pipeline.text.numbers import source_numbers as source_numbers
from pipeline.text.numbers import spelled_value as spelled_value
from pipeline.text.numbers import value_match as value_match
from pipeline.text.readability import sentence_spans
from pipeline.text.words import is_content_word, stem, tokens

_CLAUSE_END = re.compile(r"[;:()\[\]]|[.,](?!\d)")
_ANCHOR_CHARS = 40  # how far either side of a number its anchor words are read
_ANCHOR_WORDS = 2
# Set on the "mine" half of cochrane_val: a changed number must stand in a sentence that restates
# the abstract sentence of the number it differs from (its content, numbers aside, at least this
# much covered by it). 0.4: clean human summaries with a "number differs" 43 -> 17 of 206; 0.3
# keeps 27, 0.5 loses recall (drafts 86 % -> 78 %) for 4 fewer.
QUANTITY_COVER = 0.4
# Round 13, mine half: a sentence this close to one abstract sentence restates it number for
# number, so a number it gives that the abstract sentence lacks has changed one there.
CLOSE_COVER = 0.8
# Round 14, mine half: a count whose only words in common with the abstract number are what both
# count ("Ten of these *studies* compared ..." beside "the three *studies* that recruited ...") may
# count another part of the review: it has changed that number only where its sentence restates
# the abstract sentence this closely (a count of a part from the full review is a "not in the
# source" note, which the editor checks there).
CLASS_ONLY_COVER = 0.6
# Words that name the same thing counted: "12 trials" restates "12 RCTs", "300 people" restates
# "300 participants".
_ANCHOR_CLASSES = {
    **{w: "<studies>" for w in ("studi", "studies", "study", "trial", "rct", "rcts", "report", "cohort")},
    **{
        w: "<people>"
        for w in (
            "particip", "peopl", "person", "patient", "subject", "individu", "volunt", "women",
            "woman", "men", "man", "children", "child", "adult", "infant", "babi", "neonat", "newborn",
        )
    },
}  # fmt: skip


def _source_span(article: Article, src: SourceNumber) -> dict[str, object] | None:
    """Section-relative span of a source number (None for the title)."""
    if src.section is None:
        return None
    m = src.mention
    return {"section": src.section, "start": m.start, "end": m.end, "text": m.text}


_DENOMINATOR_HEAD = re.compile(r"(?:\bper|\bout of|\bin|\bevery|\bof every)\s+$", re.I)


def is_denominator(text: str, mention: NumberMention) -> bool:
    """100, 1000, ... as the scale of a natural frequency ("15 in 100 people", "per 1000")."""
    scale = mention.unit is None and mention.value in (10, 100, 1000, 10_000, 100_000)
    return scale and _DENOMINATOR_HEAD.search(text[max(0, mention.start - 12) : mention.start]) is not None


def is_year(mention: NumberMention) -> bool:
    """A four-digit year ("up to March 2016", "between 1985 and 1996"): the date of a search or
    of a publication, which summaries take from the full review rather than from the abstract."""
    return (
        mention.unit is None
        and mention.decimals == 0
        and 1900 <= mention.value <= 2099
        and mention.text.strip().isdigit()
    )


_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?{_MONTH}\b\.?,?\s+(?:19|20)\d\d\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")


def is_date_year(text: str, mention: NumberMention) -> bool:
    """A year (is_year) that counts nothing: "2007 patients" and "1974 participants" are counts;
    "in May 2017 and found three trials" is a date (another number stands before the noun)."""
    if not is_year(mention):
        return False
    following = [m.start for m in find_numbers(text) if m.start > mention.start]
    return counted_kind(text[: min(following, default=len(text))], mention, words_before=False) is None


def is_day_of_date(text: str, mention: NumberMention) -> bool:
    """The day of a written date ("up to 13 April 2016", "1st August 2014", "May 8, 2017"): part
    of a search or publication date, like the year after it."""
    if mention.unit is not None or mention.decimals or not 1 <= mention.value <= 31:
        return False
    if _MONTH_AFTER.match(text, mention.end):
        return True
    return (
        _MONTH_BEFORE.search(text[max(0, mention.start - 12) : mention.start]) is not None
        and re.match(r",?\s+(?:19|20)\d\d\b", text[mention.end : mention.end + 7]) is not None
    )


def anchors(text: str, mention: NumberMention) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems just before and just after a number, inside its clause: what the number
    counts or measures ("*included* 12 *trials*", "*mortality* 8% *lower*"). Number words are
    left out, so that the next number of a list is no anchor."""
    before = text[max(0, mention.start - _ANCHOR_CHARS) : mention.start]
    stops = list(_CLAUSE_END.finditer(before))
    before = before[stops[-1].end() :] if stops else before
    after = text[mention.end : mention.end + _ANCHOR_CHARS]
    stop = _CLAUSE_END.search(after)
    after = after[: stop.start()] if stop else after

    def stems(piece: str) -> list[str]:
        return [
            _ANCHOR_CLASSES.get(t.stem, t.stem)
            for t in tokens(piece)
            if is_content_word(t.text) and not find_numbers(t.text)
        ]

    return frozenset(stems(before)[-_ANCHOR_WORDS:]), frozenset(stems(after)[:_ANCHOR_WORDS])


def part_of_a_name(text: str, mention: NumberMention) -> bool:
    """The digits are part of a name, written on to letters: "HLA-B*5701", "IL-6", "H1N1"."""
    before = text[max(0, mention.start - 2) : mention.start]
    return bool(before) and (
        before[-1].isalpha() or before[-1] == "*" or re.fullmatch(r"[A-Za-z]-", before) is not None
    )


# The end of a scale ("on a 100 point scale", "a scale of 0 to 100", "0-10 scale") defines the
# scale: a score on it ("a mean score of 63") is another quantity, never this one changed.
_SCALE_AFTER = re.compile(r"\s*-?\s*(?:points?\s+|cm\s+|mm\s+)?(?:visual\s+analogue\s+)?scale\b", re.I)
_SCALE_BEFORE = re.compile(r"\bscale\s+(?:of|from)\s+(?:\d+\s*(?:to|-|–)\s*)?$", re.I)


def is_scale_bound(text: str, mention: NumberMention) -> bool:
    """``mention`` is an end of a rating scale ("100 point scale", "scale of 0 to 100")."""
    if _SCALE_AFTER.match(text, mention.end) or _SCALE_BEFORE.search(
        text[max(0, mention.start - 30) : mention.start]
    ):
        return True
    low = re.search(r"\b0\s*(?:to|-|–)\s*$", text[max(0, mention.start - 8) : mention.start])
    return low is not None and _SCALE_AFTER.match(text, mention.end) is not None


def _source_mentions(article: Article) -> list[SourceNumber]:
    """The abstract's numbers that state a quantity: the ends of a rating scale are left out."""
    return [
        s
        for s in source_numbers(article)
        if s.section is None or not is_scale_bound(article.sections[s.section].text, s.mention)
    ]


# 18 (h28flags): a percentage in brackets just after a natural frequency says that frequency again:
# "detects around seven out of every 10 (68%) pregnancies affected by Down's" (eval part A
# CD011975) is no changed "5%" of the abstract's "seven out of 10 ... for a fixed 5% FPR".
_FREQUENCY_BEFORE = re.compile(r"\b([\w.]+)\s+(?:out\s+)?of\s+(?:every\s+)?([\w,]+)\s*\(\s*$", re.I)
_FREQUENCY_SLACK = 10  # percentage points between "seven out of 10" and the "(68%)" that rounds it


def restates_frequency(text: str, mention: NumberMention) -> bool:
    """``mention`` is a percentage in brackets right after "N out of (every) M" of about N/M."""
    if mention.unit != "%":
        return False
    m = _FREQUENCY_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
    if m is None:
        return False
    part, whole = find_numbers(m.group(1)), find_numbers(m.group(2))
    if len(part) != 1 or len(whole) != 1 or not whole[0].value:
        return False
    return abs(100 * part[0].value / whole[0].value - mention.value) <= _FREQUENCY_SLACK


def differing_source(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """The abstract number that says the same thing as ``mention`` with another value: the same
    unit and the same words on each side where both have words ("12 *trials*" where
    the abstract has "15 *trials*", "*reduced pain by* 30%" where it has "*reduced pain by* 20%").
    None when no abstract number stands in the same place: the number is then not in the abstract
    at all (a figure from the full text, or made up), not a changed one."""
    if part_of_a_name(text, mention) or restates_frequency(text, mention):
        return None
    dimension = _DIMENSIONS.get(mention.unit or "")
    for src in _source_mentions(article):
        if src.section is None or src.mention.unit == mention.unit or dimension is None:
            continue
        if (
            _DIMENSIONS.get(src.mention.unit or "") == dimension
            and value_match(mention, src.mention) == "exact"
            and restates_source_sentence(text, mention, article, src)
        ):
            return src  # the same value with another unit of the same kind: "12 months" for "12 weeks"
    whole = _whole_count_source(text, mention, article) or _stated_whole_changed(text, mention, article)
    if whole is not None:
        return whole
    close = _close_restatement_source(text, mention, article)
    if close is not None:
        return close
    before, after = anchors(text, mention)
    if not before and not after:
        return None
    return (
        _same_words_source(text, mention, article, before, after)
        or _sibling_source(text, mention, article)
        or _same_count_source(text, mention, article, after)
        or _next_to_sibling_source(text, mention, article)
        or _pair_changed(text, mention, article)
    )


def _whole_count_source(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """The abstract's count of everything the review included, of the kind ``mention`` counts,
    when ``mention`` also counts the whole ("The review found 27 studies" where the abstract says
    "We included 18 RCTs"): the same quantity with another value, whatever the words around it."""
    kind = _count_kind(text, mention)
    one = single_study_review(article)
    if kind is None or not counts_whole_review(text, mention, one):
        return None
    for src in source_numbers(article):
        if src.section is None or not _comparable(text, mention, article, src, one_study_review=one):
            continue
        sec = article.sections[src.section].text
        if _count_kind(sec, src.mention) == kind and counts_whole_review(sec, src.mention, one):
            return src
    return None


def _whole_counts(article: Article, kind: str) -> set[float]:
    """The values of the abstract's counts of ``kind`` that count what the review included as a
    whole."""
    return {src.mention.value for src in _whole_count_sources(article, kind)}


def _whole_count_sources(article: Article, kind: str) -> list[SourceNumber]:
    """The abstract's counts of ``kind`` that count what the review included as a whole (in a
    review of one study, that study's size)."""
    one = single_study_review(article)
    return [
        src
        for src in source_numbers(article)
        if src.section is not None
        and _count_kind(article.sections[src.section].text, src.mention) == kind
        and counts_whole_review(article.sections[src.section].text, src.mention, one)
    ]


def _whole_count_changed(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """Round 16: the abstract's whole count of the kind ``mention`` counts, when ``mention`` counts
    the whole too, beside the review's whole count of the other kind, and its value is one the
    abstract gives only for something else ("The review found 18 studies with 15 people in all"
    where the abstract's one whole is "18 RCTs (1534 participants)" and "15 participants" is one
    study's): the value is in the abstract, but not as this count. Several whole counts of a kind
    ("We identified 45 trials, of which eight ... were included") or none beside it ("All 1356
    participants were asked ...") say nothing."""
    kind = _count_kind(text, mention)
    if kind is None or not counts_whole_review(text, mention, single_study_review(article)):
        return None
    other = "people" if kind == "studies" else "studies"
    wholes, partners = _whole_counts(article, kind), _whole_counts(article, other)
    if len(wholes) != 1 or len(partners) != 1 or mention.value in wholes:
        return None
    start, end = _sentence_of(text, mention.start)
    if not any(k == other and m.value in partners for m, k in count_mentions(text[start:end])):
        return None
    for src in source_numbers(article):
        if src.section is None or not value_match(mention, src.mention):
            continue
        sec = article.sections[src.section].text
        theirs = _count_kind(sec, src.mention)
        if theirs is None or (
            theirs == kind and not counts_one_study(sec, src.mention) and not in_a_range(sec, src.mention)
        ):
            return None  # the value may count the same thing in the abstract ("five of which met ...")
    return _whole_count_source(text, mention, article)


# Round 18: a sentence that says only what the review included, as a whole: "The review found 6
# studies.", "This review included four studies with 2540 people.", "The review found only one
# study, with 65 people.", "We included 12 trials (1200 participants).", "501 adults with long-term
# lung disease took part."; in a review of one study also "The study included 162 women." Nothing
# but the count, its noun and the people of these studies: no subset, outcome or comparison.
_PEOPLE_NOUN = (
    r"(?:people|persons|participants|patients|women|men|children|adults|infants|babies|newborns|neonates|"
    r"girls|boys|adolescents|individuals|volunteers|subjects)"
)
_A_COUNT = r"[\w,-]+"
_STATED_WHOLE = re.compile(
    rf"^\s*(?:in\s+this\s+review,\s+)?(?:(?:the|this|our)\s+(?:review|update)|we)\s+(?:found|included|identified)\s+"
    rf"(?:only\s+)?(?P<studies>{_A_COUNT})\s+(?:[A-Za-z-]+\s+){{0,3}}?(?:stud(?:y|ies)|trials?|RCTs?)"
    rf"(?:,?\s+(?:with|involving|including|of)\s+(?:a\s+total\s+of\s+)?(?P<people>{_A_COUNT})\s+(?:[A-Za-z-]+\s+){{0,2}}?"
    rf"{_PEOPLE_NOUN}(?:\s+in\s+(?:all|total))?|\s*\(\s*(?:n\s*=\s*)?(?P<bracket>{_A_COUNT})\s+{_PEOPLE_NOUN}\s*\))?"
    rf"\s*[.!]?\s*$|"
    rf"^\s*(?P<part>{_A_COUNT})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE_NOUN}\b[^.;:()\d]{{0,60}}?\btook\s+part\s*[.!]?\s*$",
    re.I,
)  # fmt: skip
_STATED_STUDY_SIZE = re.compile(
    rf"^\s*(?:in\s+this\s+review,\s+)?the\s+(?:study|trial)\s+(?:included|involved|enrolled|recruited)\s+"
    rf"(?P<one>{_A_COUNT})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE_NOUN}\s*[.!]?\s*$",
    re.I,
)


def states_whole_only(text: str, mention: NumberMention, one_study_review: bool = False) -> bool:
    """``mention`` is a count in a sentence that says only what the review included as a whole
    (_STATED_WHOLE; with ``one_study_review`` also "The study included 162 women.")."""
    start, end = _sentence_of(text, mention.start)
    sentence = text[start:end]
    at = mention.start - start
    found = _STATED_WHOLE.match(sentence) or (
        _STATED_STUDY_SIZE.match(sentence) if one_study_review else None
    )
    if found is None:
        return False
    starts = {found.start(g) for g in found.groupdict() if found.group(g)}
    numbers = {m.start for m in find_numbers(sentence)}
    return at in starts and starts <= numbers  # "five trials of ITNs in pregnant women" counts no people


def _stated_whole_changed(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """Round 18: ``mention`` counts the whole in a sentence that says only that
    (:func:`states_whole_only`), and the abstract's one whole count of that kind has another value:
    "The review found 2 studies." where the abstract's whole is "Seventeen trials (1151
    participants) were included" and its "two trials" count one outcome's (CD002806.pub2). The
    value may be in the abstract for something else; where the abstract gives several whole
    counts of the kind, or none, nothing is said."""
    kind = _count_kind(text, mention)
    one = single_study_review(article)
    if kind is None or not states_whole_only(text, mention, one):
        return None
    wholes = {src.mention.value: src for src in _whole_count_sources(article, kind)}
    if len(wholes) != 1:
        return None
    src = next(iter(wholes.values()))
    if not _comparable(text, mention, article, src, one_study_review=one):
        return None  # "three studies with 385 people" beside "Two studies with 150 individuals compared ..."
    if kind == "studies" and any(
        mention.value == total for sec in article.sections for total in coordinated_totals(sec.text)
    ):
        return None  # "three short-term and one long-term trial" may be said as four
    return src


# Round 17: a count of studies and a count of people that are one pair, "N studies with M people",
# "N trials (M participants)", "15 trials (two cluster-RCTs) of 4377 ... participants": nothing
# but the words of the pair between them (a bracket that does not hold the second count aside).
_PAIR_GAP = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:stud(?:y|ies)|trials?|RCTs?)\s*(?:\(\s*(?:n\s*=\s*)?|,?\s*(?:with|of|involving|"
    r"including|enrolling|randomi[sz]ing|that\s+(?:\w+\s+){0,3}?(?:for|of))\s+(?:a\s+total\s+of\s+)?)$",
    re.I,
)


def _count_pairs(text: str) -> list[tuple[NumberMention, NumberMention]]:
    """(studies, people) count pairs of ``text``: the people just after the studies, one pair."""
    out = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        counts = count_mentions(sentence)
        for (a, ka), (b, kb) in zip(counts, counts[1:], strict=False):
            if ka != "studies" or kb != "people":
                continue
            gap = re.sub(r"\([^()]*\)", "", sentence[a.end : b.start])
            if _PAIR_GAP.match(gap) and not find_numbers(gap):
                out.append((a, b))
    return out


def _pair_changed(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """Round 17: ``mention`` is one count of a pair ("The review found 2 studies with 356 people in
    all.") whose other count the abstract pairs, in one pair only, with another value ("eight
    trials (356 participants)"): the count of that pair has changed, even where the abstract has
    the value for something else ("two trials" of one outcome)."""
    mine = next(((s, p) for s, p in _count_pairs(text) if mention in (s, p)), None)
    if mine is None:
        return None
    side = 0 if mine[0] == mention else 1
    partner = mine[1 - side]
    theirs: dict[float, SourceNumber] = {}
    for i, sec in enumerate(article.sections):
        for pair in _count_pairs(sec.text):
            if value_match(partner, pair[1 - side]) == "exact":
                theirs[pair[side].value] = SourceNumber(pair[side], i)
    if len(theirs) != 1 or any(value_match(mention, src.mention) for src in theirs.values()):
        return None
    return next(iter(theirs.values()))


def _close_restatement_source(
    text: str, mention: NumberMention, article: Article, support: SourceNumber | None = None
) -> SourceNumber | None:
    """The one number of an abstract sentence that the text's sentence restates closely (it covers
    CLOSE_COVER of its content) that the sentence does not state, when it could state the same
    thing as ``mention``: "We included 85 studies, 123 of which (10,350 participants) were
    eligible" restating "We included 85 studies, 82 of which (10,350 participants) were
    eligible ..." has changed the 82, whatever words stand beside it. With ``support`` (an
    abstract number of the same value elsewhere): only when no closely restated sentence has the
    value ("(RR 0.43, ...; 11 trials, 50,227 participants)" restating "(...; two trials, 50,227
    participants)", where the abstract's 11 counts something else)."""
    cover = sentence_cover(text, mention.start, article)
    close = {key for key, c in cover.items() if c >= CLOSE_COVER}
    if not close or _only_report_words(text, mention.start):
        return None
    if support is not None:  # a value the abstract gives elsewhere: "11 trials" where it has 11 RCTs
        values = [s for s in _source_mentions(article) if value_match(mention, s.mention)]
        if any(cover.get(_sentence_key(article, s) or (-1, -1), 0.0) >= QUANTITY_COVER for s in values):
            return None  # a sentence the text restates gives this value ("the sensitivity was 0.86")
    start, end = _sentence_of(text, mention.start)
    stated = [m for m in find_numbers(text[start:end]) if m.start + start != mention.start]
    found = [
        src
        for src in _source_mentions(article)
        if _sentence_key(article, src) in close
        and _comparable(text, mention, article, src)
        and not any(value_match(m, src.mention) for m in stated)
    ]
    return found[0] if len(found) == 1 else None


def _only_report_words(text: str, at: int) -> bool:
    """The sentence around ``at`` has no content word but numbers and report words ("Nineteen
    studies included more than 100 participants."): any abstract sentence about studies and
    participants covers it, so it restates none closely."""
    start, end = _sentence_of(text, at)
    sentence = text[start:end]
    numbers = content_stems(" ".join(m.text for m in find_numbers(sentence)))
    return not {s for s in content_stems(sentence) - numbers - report_stems() if not s[:1].isdigit()}


def _same_count_source(
    text: str, mention: NumberMention, article: Article, after: frozenset[str]
) -> SourceNumber | None:
    """The one abstract count of the same kind named by the same words after it, one of them a
    word of its own ("The 8 *trials* in *sub-Saharan* Africa" where the abstract has "four *trials*
    from *sub-Saharan* Africa"), in whatever sentence: the count of the same thing."""
    kind = _count_kind(text, mention)
    own = {w for w in after if not w.startswith("<")} - report_stems()  # not "compared", "included"
    if kind is None or not own:
        return None
    found = {}
    for src in _source_mentions(article):
        if src.section is None or not _comparable(text, mention, article, src):
            continue
        sec = article.sections[src.section].text
        if _count_kind(sec, src.mention) != kind:
            continue
        s_before, s_after = anchors(sec, src.mention)
        if own & s_after:
            found[src.mention.value] = src
    return next(iter(found.values())) if len(found) == 1 else None


def _studies_before(text: str, at: int) -> list[NumberMention]:
    """Counts of studies in the sentence around ``at``, before it."""
    start, _ = _sentence_of(text, at)
    return [m for m, k in count_mentions(text[start:at]) if k == "studies"]


def _people_of_other_studies(text: str, mention: NumberMention, article: Article, src: SourceNumber) -> bool:
    """The people that ``mention`` counts are those of a number of studies, before them in the
    sentence, that the abstract sentence of ``src`` does not give: "Twenty-four studies involved
    2672 adults having heart surgery" beside "We included 47 trials with 17,039 participants"
    counts the people of another set of studies. ("We included eight trials with a total of 536
    people" beside "45 trials, of which eight trials (356 participants) ..." does not.)"""
    mine = _studies_before(text, mention.start)
    if not mine or src.section is None:
        return False
    sec = article.sections[src.section].text
    start, end = _sentence_of(sec, src.mention.start)
    theirs = [m for m, k in count_mentions(sec[start:end]) if k == "studies"]
    return bool(theirs) and not any(value_match(mine[-1], t) for t in theirs)


def sentence_cover(text: str, at: int, article: Article) -> dict[tuple[int, int], float]:
    """How much of the content of the text's sentence around ``at`` (its numbers and their units
    aside) each
    abstract sentence covers, keyed by (section, start) of the abstract sentence."""
    start, end = _sentence_of(text, at)
    index = source_index(article)
    sentence = text[start:end]
    numbers = content_stems(" ".join(m.text for m in find_numbers(sentence)))  # "12 months": no content
    weights = {s: index.weight(s) for s in content_stems(sentence) - numbers if not s[:1].isdigit()}
    total = math.fsum(weights.values())
    if not total:
        return {}
    return {
        (sent.section, sent.start): math.fsum(w for s, w in weights.items() if s in sent.expanded) / total
        for sent in index.sentences
    }


def states_same_quantity(text: str, mention: NumberMention, article: Article, src: SourceNumber) -> bool:
    """``src`` gives the quantity that ``mention`` gives: a word on one side of it names the same
    thing ("12 *trials*" and "12 *RCTs*", "*mortality* 8%"), or the text's sentence restates the
    abstract sentence of ``src``."""
    if src.section is None:
        return False
    before, after = anchors(text, mention)
    s_before, s_after = anchors(article.sections[src.section].text, src.mention)
    return bool(before & s_before or after & s_after) or restates_source_sentence(text, mention, article, src)


def _sentence_key(article: Article, src: SourceNumber) -> tuple[int, int] | None:
    if src.section is None:
        return None
    sec = article.sections[src.section].text
    return (src.section, _sentence_of(sec, src.mention.start)[0])


def restates_source_sentence(text: str, mention: NumberMention, article: Article, src: SourceNumber) -> bool:
    """The text's sentence around ``mention`` says what the abstract sentence of ``src`` says: that
    sentence covers at least QUANTITY_COVER of its content, numbers aside."""
    key = _sentence_key(article, src)
    return key is not None and sentence_cover(text, mention.start, article).get(key, 0.0) >= QUANTITY_COVER


def _restates_closely(text: str, mention: NumberMention, article: Article, src: SourceNumber) -> bool:
    """The abstract sentence of ``src`` covers CLASS_ONLY_COVER of the content of the text's
    sentence around ``mention`` (numbers aside), and that content is more than report words."""
    key = _sentence_key(article, src)
    if key is None or _only_report_words(text, mention.start):
        return False
    return sentence_cover(text, mention.start, article).get(key, 0.0) >= CLASS_ONLY_COVER


# Units of one kind: the same value with another of them is a swapped unit ("12 months" for "12
# weeks"); "16 weeks" beside "16%" is another quantity.
_DIMENSIONS = {
    **{u: "time" for u in ("year", "month", "week", "day", "hour", "minute", "second")},
    **{u: "mass" for u in ("mg", "mcg", "g", "kg")},
    **{u: "length" for u in ("mm", "cm", "km")},
}


def _count_kind(text: str, mention: NumberMention) -> str | None:
    """What the number counts ("studies", "people"), if it counts studies or people: by the
    words after it only ("a total of 536 people" counts people)."""
    return counted_kind(text, mention, words_before=False)


def _comparable(
    text: str,
    mention: NumberMention,
    article: Article,
    src: SourceNumber,
    any_decimals: bool = False,
    one_study_review: bool = False,
) -> bool:
    """An abstract number that could state the same thing as ``mention`` with another value: the
    same unit, both whole numbers or both not ("Eight trials" is no changed "0.64"), and not
    counts of different things ("1173 participants" is no changed "two trials")."""
    if (
        src.section is None
        or src.mention.unit != mention.unit
        or value_match(mention, src.mention)
        # a year is no count ("1977" is not "14 authors"); "2007 patients" is one
        or is_date_year(article.sections[src.section].text, src.mention) != is_date_year(text, mention)
        or (
            not (any_decimals and mention.unit is not None)
            and (mention.decimals == 0) != (src.mention.decimals == 0)
        )
        or is_scale_bound(article.sections[src.section].text, src.mention)
    ):
        return False
    sec = article.sections[src.section].text
    if in_a_range(text, mention) != in_a_range(sec, src.mention):
        return False  # "between 30 and 218 participants" gives study sizes, not the review's 651
    if counts_one_study(text, mention, one_study_review) and not counts_one_study(
        sec, src.mention, one_study_review
    ):
        return False  # "the remaining trial, which included 88 participants" is no total changed
    if counts_studies_not_included(text, mention) != counts_studies_not_included(sec, src.mention):
        return False  # "11 potential studies ... awaiting classification" are not the 85 included
    if is_numerator(text, mention) != is_numerator(sec, src.mention):
        return False  # "64 out of every 100 patients" is a rate, not the review's 11,107 patients
    mine = _count_kind(text, mention)
    theirs = _count_kind(article.sections[src.section].text, src.mention)
    if mine == "people" and _people_of_other_studies(text, mention, article, src):
        return False  # "Twenty-four studies involved 2672 adults" where the abstract has 47 studies
    return mine is None or theirs is None or mine == theirs


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentence_spans(text) if s <= at < e), (0, len(text)))


_OF_A_NUMBER = re.compile(r"\s*(?:of|out\s+of)\s+\d")
# Round 15: a part of the number before it ("There were five studies, four of which ...").
_PART_OF = re.compile(r"\s+of\s+(?:which|whom|these|them|those|the)\b", re.I)


def _other_count(text: str, mention: NumberMention, sec: str, src: NumberMention) -> bool:
    """``mention`` and ``src`` have the same value but count different things: both are counts
    of different kinds ("Twenty-two trials" and "22 excluded children"), or the count ``mention``
    is a part of a number in the abstract ("Seven trials" and "7 of 11 patients")."""
    mine, theirs = _count_kind(text, mention), _count_kind(sec, src)
    if mine is None:
        return False
    return (theirs is not None and theirs != mine) or _OF_A_NUMBER.match(sec, src.end) is not None


# 17 -> 18 (h28flags): the statistic a number is ("mean", "median", "average") says nothing of what
# it measures, so it alone makes no two numbers one quantity: "a mean duration of 4.5 years" beside
# the abstract's "(mean age 73.4 years)" (eval part A CD000028.pub3, read as a number that differs).
# "total" stays an anchor: "a total of 1900 participants" for the abstract's total of 1300 is the
# same count changed (mine CD004302.pub2, the bench's injection, missed when it was left out).
_STATISTIC_STEMS = frozenset(stem(w) for w in ("mean", "median", "average"))


def _sibling_source(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """The abstract number that stands beside the same other number: the sentence also states a
    number the abstract supports, and the abstract sentence of that number has one number with
    the unit and the nearest words of ``mention`` that the text does not state ("thirteen studies
    with *533* people" where the abstract says "Thirteen RCTs ... involving *1066* participants").
    A sentence that restates the abstract's sentence number for number but one has changed that
    one."""
    start, end = _sentence_of(text, mention.start)
    sources = source_numbers(article)
    here = [m for m in find_numbers(text[start:end]) if m.start + start != mention.start]
    before, after = anchors(text, mention)
    mine = before | after
    found: list[SourceNumber] = []
    for m in here:
        support = best_support(m, sources)
        if (
            support is None
            or support[1].section is None
            or (is_date_year(text[start:end], m) and not is_date_year(text, mention))
        ):
            continue
        sib, section = support[1], support[1].section
        sec = article.sections[section].text
        if _other_count(text[start:end], m, sec, sib.mention):
            continue  # "Seven trials" is not the "7 of 11 patients" of the abstract: no sibling
        if _PART_OF.match(text, start + m.end) and not _PART_OF.match(sec, sib.mention.end):
            continue  # "five studies, four of which ..." is not the "four types of intervention"
        s_start, s_end = _sentence_of(sec, sib.mention.start)
        for src in sources:
            if src.section != section or not s_start <= src.mention.start < s_end or src is sib:
                continue
            if not _comparable(text, mention, article, src) or any(
                value_match(n, src.mention) for n in find_numbers(text)
            ):
                continue
            s_before, s_after = anchors(sec, src.mention)
            if (mine & (s_before | s_after)) - _STATISTIC_STEMS:
                found.append(src)
    unique = {(f.section, f.mention.start): f for f in found}
    return next(iter(unique.values())) if len(unique) == 1 else None


_NEIGHBOUR_GAP = 40  # characters between a number and the next one of its list or bracket
_GAP_END = re.compile(r"[.!?]\s")


def _neighbour(text: str, mentions: Sequence[NumberMention], i: int, step: int) -> NumberMention | None:
    """The number next to ``mentions[i]`` on the side ``step`` (-1 before, +1 after) in the same
    sentence, at most _NEIGHBOUR_GAP characters away."""
    j = i + step
    if not 0 <= j < len(mentions):
        return None
    a, b = (mentions[j], mentions[i]) if step < 0 else (mentions[i], mentions[j])
    gap = text[a.end : b.start]
    return mentions[j] if len(gap) <= _NEIGHBOUR_GAP and not _GAP_END.search(gap) else None


def _next_to_sibling_source(text: str, mention: NumberMention, article: Article) -> SourceNumber | None:
    """Round 17: the abstract number that stands next to the same other number as ``mention``, on
    the same side: "from 4% to 12.0%" where the abstract says "from 6.4% to 12.0%", "(n=759, 2
    trials, RR 1.10 ...)" for "(n=253, 2 RCTs, RR 1.10 ...)", "58.1% and 62% of patients" for
    "58.1% and 31.5% of patients", "5356 people; 38 studies" for "5356 participants; 25 studies".
    The neighbour must be in the abstract with the same value (a number of at least two digits
    or a unit, not a bare small count), and the abstract number of the same unit (a percentage
    may have other decimals) that the text does not state anywhere: a list or bracket restated
    number for number but one has changed that one. Only for a value the abstract lacks."""
    start, end = _sentence_of(text, mention.start)
    here = find_numbers(text[start:end])
    index = next((i for i, m in enumerate(here) if m.start + start == mention.start), None)
    if index is None:
        return None
    sources = source_numbers(article)
    stated = find_numbers(text)
    found: dict[tuple[int, int], SourceNumber] = {}
    for step in (-1, 1):
        near = _neighbour(text[start:end], here, index, step)
        if near is None or (near.unit is None and near.value < 10 and not near.decimals):
            continue
        for sib in sources:
            if sib.section is None or value_match(near, sib.mention) != "exact":
                continue
            sec = article.sections[sib.section].text
            theirs = find_numbers(sec)
            k = next(i for i, m in enumerate(theirs) if m.start == sib.mention.start)
            other = _neighbour(sec, theirs, k, -step)
            if other is None:
                continue
            src = SourceNumber(other, sib.section)
            if _comparable(text, mention, article, src, any_decimals=True) and not any(
                value_match(n, other) for n in stated
            ):
                found[(sib.section, other.start)] = src
    return next(iter(found.values())) if len(found) == 1 else None


def _same_words_source(
    text: str, mention: NumberMention, article: Article, before: frozenset[str], after: frozenset[str]
) -> SourceNumber | None:
    """The abstract number with the same words on each side where both have words."""
    for src in _source_mentions(article):
        if not _comparable(text, mention, article, src) or src.section is None:
            continue
        sec = article.sections[src.section].text
        s_before, s_after = anchors(sec, src.mention)
        if not restates_source_sentence(text, mention, article, src):
            continue
        sides = [(mine, theirs) for mine, theirs in ((before, s_before), (after, s_after)) if mine and theirs]
        if not sides or not all(mine & theirs for mine, theirs in sides):
            continue
        shared = set().union(*(mine & theirs for mine, theirs in sides))
        if (
            mention.unit is None
            and all(w.startswith("<") for w in shared - report_stems())
            and not _restates_closely(text, mention, article, src)
        ):
            continue  # "Fifty-eight trials compared ..." beside "...; 50 studies; ...": another part
        return src
    return None


# 16 -> 17 (h25flags): the abstract sentences' cover (sentence_cover) counts the long forms of their
# short forms (faithfulness.SourceSentence.expanded): "platelet-rich plasma" restates "PRP".
@metric("number_faithfulness", "18", higher_is_better=True, fields=DRAFT_TEXT_FIELDS)
def number_faithfulness(text: str, article: Article) -> MetricResult:
    """Share of the draft's numbers (with units) that occur in the title or abstract.

    A number that the abstract contradicts is an error: the abstract gives the same quantity
    another value. The same quantity is the same words beside it in a sentence that restates the
    abstract's sentence (QUANTITY_COVER), the same other number beside it, the review's whole
    count of studies or people ("The review found 27 studies" for "We included 18 RCTs"), the
    same value with another unit of the same kind in a restating sentence ("12 months" for "12
    weeks"), the one number missing from an abstract sentence that the sentence restates almost
    word for word (CLOSE_COVER; also when the abstract has the value elsewhere), or the one
    abstract count named by the same words of its own after it ("The 8 trials in sub-Saharan
    Africa" for "four trials from sub-Saharan Africa"), and (round 16) a whole count beside the
    review's other whole count whose value the abstract gives only for something else ("18
    studies with 15 people in all", :func:`_whole_count_changed`). Where the only words in common are what
    both count ("Fifty-eight *trials* compared ..." beside "...; 50 *studies*; ..."), the sentence
    must restate the abstract sentence more closely (CLASS_ONLY_COVER), and a sentence of numbers
    and report words only ("Nineteen studies included more than 100 participants") restates none
    closely. A count of a subset ("Six of these trials were in the USA") or of another kind, a
    whole number beside a ratio, the end of a rating scale, digits of a name ("HLA-B*5701"), a
    range of study sizes, one study's size, the people of another number of studies, the
    numerator of a natural frequency ("64 out of every 100 patients") and studies the review did not
    include ("11 studies are currently underway") (:func:`_comparable`) are no such quantity. A number the abstract does not mention at
    all is a warning (it does not fail the gate): a figure from the full review, which an editor
    checks there, or a made-up one; human summaries quote such figures, so this is most of the
    flag's false alarms on them, kept because a drafter's changed number is usually one the
    abstract does not have. A year that is not there is a note too (a search or publication date); the
    scale of a natural frequency ("in 100 people") is no claim; a rounded number is a note."""
    drafts = find_numbers(text)
    if not drafts:
        return MetricResult(1.0)
    sources = source_numbers(article)
    flags: list[Flag] = []
    supported = 0
    for d in drafts:
        found = best_support(d, sources)
        other: SourceNumber | None = None
        if found is None and is_denominator(text, d):
            supported += 1  # "15 in 100 people": the reader's scale, not a claim
            continue
        if found is None and (is_date_year(text, d) or is_day_of_date(text, d)):
            supported += 1
            flags.append(
                Flag(
                    "number_faithfulness",
                    f"date not in the abstract: {d.text} (check it against the full text)",
                    "note",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                )
            )
            continue
        stated_only = False  # the round-18 whole-count rule alone found it
        if (
            found is not None
            and found[0] == "exact"
            and not is_date_year(text, d)
            and not restates_frequency(text, d)
        ):
            other = (
                _close_restatement_source(text, d, article, found[1])
                or _whole_count_changed(text, d, article)
                or _pair_changed(text, d, article)
            )
            if other is None:
                other = _stated_whole_changed(text, d, article)
                stated_only = other is not None
            if other is not None:  # "(RR 0.43 ...; 11 trials, ...)" for "(... two trials, ...)"
                found = None
        if found is None:
            other = other if other is not None else differing_source(text, d, article)
            reason = (
                f"number differs from the abstract: {d.text} (the abstract says {other.mention.text} here)"
                if other is not None
                else f"number not in the source: {d.text} (check it against the full review)"
            )
            flags.append(
                Flag(
                    "number_faithfulness",
                    reason,
                    # the whole-count rule alone is a warning: on the eval half's clean drafts half of
                    # what it found was right ("The review found 54 studies." for "In total, we
                    # extracted data from 54 studies", CD004376; "11 studies" for "bringing the number
                    # of eligible studies to 11", CD008462) and half wrong ("seven studies" for 17
                    # controlled before-after studies, CD004728; "three studies" for five, CD010323)
                    "error" if other is not None and not stated_only else "warning",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                    source_span=_source_span(article, other) if other is not None else None,
                )
            )
            continue
        supported += 1
        kind, src = found
        if kind == "rounded":
            flags.append(
                Flag(
                    "number_faithfulness",
                    f"rounded: {d.text} (source: {src.mention.text})",
                    "note",
                    draft_span=(d.start, d.end),
                    draft_text=d.text,
                    source_span=_source_span(article, src),
                )
            )
    return MetricResult(supported / len(drafts), flags)
