"""Claims about who and what was studied: the population, the number of studies and people, and
whether results were pooled.

``population_match``: a draft that names a group of people (children, adults, women, men, older
or young people) the abstract does not name, while the abstract names the opposite group, has
swapped the population ("children" for "adults").

``study_claims``: a count of studies ("12 trials") or of people ("1,234 participants") must be a
count of the same kind in the abstract when the abstract gives any (a smaller count may be a
subset, a number the abstract lacks altogether is number_faithfulness's, a total of the
abstract's groups counted in one sentence is theirs, people of an imagined group ("would") are
compared with the abstract's own such people only); a review of one study cannot
have pooled results ("meta-analysis", "pooled") unless the abstract says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.text.numbers import NumberMention, find_numbers, value_match
from pipeline.text.readability import sentence_spans

# ---------------------------------------------------------------------------------------------
# Population


@dataclass(frozen=True)
class Axis:
    """Two groups of people that exclude each other, each a regex of the words that name it."""

    name: str
    groups: tuple[tuple[str, re.Pattern[str]], tuple[str, re.Pattern[str]]]


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


_AXES = (
    Axis(
        "age",
        (
            (
                "children",
                _words(
                    r"child(?:ren|hood)?|kids?|infan(?:ts?|cy)|bab(?:y|ies)|newborns?|neonat\w*|preterm|"
                    r"adolescen\w*|teen(?:age|ager)?s?|youths?|p(?:a)?ediatric\w*|schoolchildren|"
                    r"school-?age\w*|girls?|boys?|juvenile|minors?|toddlers?|under\s+(?:the\s+age\s+of\s+)?1[0-8]"
                ),
            ),
            ("adults", _words(r"adults?|elderly|older\s+(?:people|adults|persons|patients|women|men)")),
        ),
    ),
    Axis(
        "sex",
        (
            (
                "women",
                _words(
                    r"wom[ae]n|girls?|mothers?|maternal|females?|pregnan\w*|postpartum|postmenopausal|"
                    r"menopaus\w*|breastfeeding|gynaecolog\w*|gynecolog\w*"
                ),
            ),
            ("men", _words(r"m[ae]n|boys?|fathers?|paternal|males?|prostat\w*")),
        ),
    ),
    Axis(
        "older",
        (
            (
                "older people",
                _words(r"elderly|older\s+(?:people|adults|persons|patients|women|men)|aged\s+(?:6|7|8)\d"),
            ),
            ("young people", _words(r"young(?:er)?\s+(?:people|adults|persons|patients|women|men)")),
        ),
    ),
)


# 2 -> 3 (h27flags): "female" or "male" before a noun that is not of people or animals names a part or a
# kind of thing, not a group studied: "the female reproductive tract" (eLife 01009), "an adult female
# scale insect" (a fossil, eLife 05447), "the female gametophyte" (a plant's, eLife 06587); their
# clean eLife digests ("male fertility", "males", "male and female cells") were read as swapped
# populations. "female participants", "male mice", "females." still name a group. Such a mention
# still names the sex, so a draft naming it swaps nothing ("female pheromones" in an abstract about
# male mice, eLife 03025; "male and female gamete nuclei", eLife 04501).
_SEX_OF_A_THING = re.compile(
    r"\b(?:fe)?male(?=[ -]+(?!(?:participants?|patients?|subjects?|volunteers?|adults?|children|infants?|"
    r"adolescents?|students?|workers?|athletes?|smokers?|veterans?|partners?|survivors?|nurses?|doctors?|"
    r"physicians?|residents?|individuals?|persons?|people|population|youths?|teens?|and|or|to|sex|gender|"
    r"versus|vs|than|mice|mouse|rats?|animals?|dogs?|cats?|pigs?|sheep|cows?|monkeys?|primates?|"
    r"macaques?|flies|fish|birds?|offspring|siblings?|twins?|cases?|controls?|groups?)\b)[a-z])",
    re.I,
)


@lru_cache(maxsize=2048)
def _source_groups(source: str, studied: bool = False) -> frozenset[str]:
    """The groups of people an abstract names; with ``studied``, only those it names as people or
    animals (not "the female reproductive tract")."""
    if studied:
        source = _SEX_OF_A_THING.sub(" ", source)
    return frozenset(name for axis in _AXES for name, pattern in axis.groups if pattern.search(source))


def _source_text(article: Article) -> str:
    return " ".join([article.title or "", *(s.text for s in article.sections)])


# Round 22 (h22flags): a group named as one the review has no studies or data of, or cannot speak
# for, is not one it studied: "there were no adult studies", "No data for children were
# available", "we can not comment on the use of these drugs in adults" (clean human summaries of
# CD001912.pub4 and CD008115.pub3, mine half, whose abstracts are about the other group). Only
# these: a finding denied for a group ("did not prevent stretch marks in the women", "There was no
# clear difference in BMI between men ...") still names the group studied (the bench's swaps).
_NO_STUDIES_OF = re.compile(
    r"\b(?:no|not\s+any|none\s+of\s+the)\s+(?:[\w-]+\s+)?(?:stud(?:y|ies)|trials?|RCTs?|data|information)\s+"
    r"(?:(?:were\s+|was\s+)?(?:for|in|of|on|with|about|involving|including|included)\s+)(?:[\w-]+\s+)?$",
    re.I,
)
_NO_BEFORE_STUDIES = re.compile(r"\b(?:no|not\s+any)\s+$", re.I)
_STUDIES_AFTER = re.compile(r"\s*(?:stud(?:y|ies)|trials?|RCTs?|data)\b", re.I)
_CANNOT_SPEAK_FOR = re.compile(
    r"\b(?:can\s*not|can['’]t|could\s+not|unable\s+to|not\s+possible\s+to)\s+"
    r"(?:comment|say|tell|conclude|generali[sz]e|extrapolate)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s|\b(?:but|however|whereas|while|although|though)\b", re.I)


def _lacked_group(text: str, start: int, end: int) -> bool:
    """The group at ``start:end`` is one the review lacks: "no adult studies", "no data for
    children", or after "cannot comment on / say / conclude" in its clause."""
    head = text[:start]
    clause = head[max((m.end() for m in _CLAUSE_BREAK.finditer(head)), default=0) :]
    return bool(
        _NO_STUDIES_OF.search(clause)
        or (_NO_BEFORE_STUDIES.search(clause) and _STUDIES_AFTER.match(text[end:]))
        or _CANNOT_SPEAK_FOR.search(clause)
    )


def population_swaps(text: str, article: Article) -> list[tuple[int, int, str, str]]:
    """(start, end, words, the abstract's group) of each draft mention of a group the abstract
    does not name, on an axis where the abstract names the other group; a group named as one the
    review lacks ("there were no adult studies", _lacked_group) is none."""
    named = _source_groups(_source_text(article))
    studied = _source_groups(_source_text(article), studied=True)
    out = []
    for axis in _AXES:
        (a_name, a_pat), (b_name, b_pat) = axis.groups
        for mine, pattern, other in ((a_name, a_pat, b_name), (b_name, b_pat, a_name)):
            if mine in named or other not in studied:
                continue
            out += [
                (m.start(), m.end(), m.group(0), other)
                for m in pattern.finditer(text)
                if not _lacked_group(text, m.start(), m.end())
                # 3 -> 4 (h28flags): "female"/"male" before a thing names no group in the text either:
                # "male factor infertility" among the causes of the women's IVF (eval part A CD005999.pub2)
                and not _SEX_OF_A_THING.match(text, m.start())
            ]
    return sorted(set(out))


@metric("population_match", "4", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def population_match(text: str, article: Article) -> MetricResult:
    """Mentions of a group of people the abstract does not study (it names the opposite group)."""
    swaps = population_swaps(text, article)
    flags = [
        Flag(
            "population_match",
            f"population swapped: {words!r} is not in the abstract, which is about {other}",
            "error",
            draft_span=(start, end),
            draft_text=words,
        )
        for start, end, words, other in swaps
    ]
    return MetricResult(float(len(flags)), flags)


# ---------------------------------------------------------------------------------------------
# Study and participant counts; pooled results


_KINDS = {
    "studies": _words(r"stud(?:y|ies)|trials?|RCTs?|cohorts?|reports?"),
    "people": _words(
        r"participants?|people|persons?|patients?|wom[ae]n|m[ae]n|children|adults?|infants?|bab(?:y|ies)|"
        r"newborns?|neonates?|subjects?|individuals?|volunteers?|mothers?|pregnan(?:cies|t\s+women)|"
        r"adolescents?|girls|boys|residents|smokers|workers|students|eyes|families|couples|nurses|doctors"
    ),
}
# Words between a number and what it counts: "12 randomised controlled trials", "171 adult patients".
_COUNT_GAP = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}?$")
_NOT_A_COUNT_BEFORE = re.compile(r"(?:aged|age|of|over|than|under|after|for|at|to|per|in)\s*$", re.I)


# Round 14: the counts of a results line ("(n = 253, 2 RCTs)", "participants = 104; studies = 3",
# "(total N=221)") and of people in brackets ("(170 enrolled)"; not "six randomised, double-blind
# trials"): counts the words after them do not name.
_LABEL_BEFORE = {
    "people": re.compile(
        r"(?:\b[nN]|\b(?:participants|patients|people|women|men|children|infants|subjects))\s*=\s*$"
    ),
    "studies": re.compile(r"\b(?:studies|trials|RCTs)\s*=\s*$", re.I),
}
_ENROLLED_AFTER = re.compile(r"\s+(?:were\s+)?(?:enrolled|randomi[sz]ed|recruited)\s*\)", re.I)
_TOTAL_OF = re.compile(r"\b(?:total|sample|cohort)\s+(?:number\s+|size\s+)?of\s*$", re.I)
# Round 17: a count after "of" / "for" in the clause that says what the review included is its
# people: "We included 15 trials (two cluster-RCTs) of 4377 adult and child participants"
# (CD004389.pub3), "We included five trials (...) that reported results for 368 people who had
# PFPS" (CD010513.pub2). Unread, the abstract had no such count, and the composer's "The review
# found 15 studies with 4377 people in all." was a wrong count.
_INCLUDED_CLAUSE = re.compile(
    r"\b(?:includ|identifi|found)\w*\s+(?:[\w-]+\s+){0,4}?(?:stud(?:y|ies)|trials?|RCTs?)\b[^.;:]*$", re.I
)
# Round 15: a verb between the number and the noun makes the number the subject, not a count of
# the noun: "and eight only included participants undergoing vascular surgery" and "Five studies
# involved only children, two only adults" count studies (what includes those people), "52
# people from 253 left the study early" counts no studies.
_INCLUDES_PEOPLE_GAP = re.compile(r"\b(?:includ(?:ed|es|ing)|involv(?:ed|es|ing)|only|both)\b", re.I)
_LEFT_STUDY_GAP = re.compile(
    r"\b(?:left|completed|finished|entered|joined|withdr[ae]w|dropped|quit|leaving|completing|finishing|entering|"
    r"joining|withdrawing|dropping)\b",
    re.I,
)  # round 18: "182 randomised participants with 162 completing the trials" (CD005604.pub3) counts people


# Round 28 (h28flags): a count of reports of a number of studies counts the reports, not the studies:
# "based on 17 reports representing 11 unique studies" (eval part A CD009467.pub2, whose abstract
# counts 11 studies, read as a wrong count of studies); the studies' count after it is read as one.
_REPORTS_OF_STUDIES = re.compile(
    r"reports?\s+(?:of|representing|describing|from|on|about)\s+[\w,]+\s+(?:[\w-]+\s+){0,2}?"
    r"(?:stud(?:y|ies)|trials?|RCTs?)\b",
    re.I,
)


def counted_kind(text: str, m: NumberMention, words_before: bool = True) -> str | None:
    """What ``m`` counts ("studies", "people"), by the words just after it, whatever its value:
    "2007 patients" counts people though its value could be a year; or by a results line's label
    before it ("n = 253", "studies = 3") or "enrolled" after it ("(170 enrolled)"). With
    ``words_before`` false the words before it are not read ("aged 65 people" is otherwise no
    count; "a total of 536 people" is one either way)."""
    if m.unit is not None or m.decimals or m.value < 2:
        return None
    head = text[max(0, m.start - 16) : m.start]
    for kind, label in _LABEL_BEFORE.items():
        if label.search(head):
            return kind
    window = text[m.end : m.end + 60]
    found = []
    for kind, pattern in _KINDS.items():
        f = pattern.search(window)
        if f is None or _COUNT_GAP.fullmatch(window[: f.start()]) is None:
            continue
        if kind == "studies" and _LEFT_STUDY_GAP.search(window[: f.start()]):
            continue
        if kind == "studies" and _REPORTS_OF_STUDIES.match(text, m.end + f.start()):
            continue
        if kind == "people" and _INCLUDES_PEOPLE_GAP.search(window[: f.start()]):
            kind = "studies"
        found.append((f.start(), kind))
    if not found:
        return "people" if _ENROLLED_AFTER.match(window) else None
    kind = min(found)[1]  # the nearest: "592 participants from seven studies" counts people
    if (
        words_before
        and kind == "people"
        and _NOT_A_COUNT_BEFORE.search(head[-12:])
        and not _TOTAL_OF.search(text[max(0, m.start - 24) : m.start])
        and not (
            re.search(r"\b(?:of|for)\s*$", head)
            and _INCLUDED_CLAUSE.search(text[max(0, m.start - 120) : m.start])
        )
    ):
        return None
    return kind


def count_mentions(text: str) -> list[tuple[NumberMention, str]]:
    """Numbers that count studies or people, with the kind they count (a value that could be a
    year, 1900 to 2099, is left out)."""
    out = []
    for m in find_numbers(text):
        if 1900 <= m.value <= 2099:
            continue
        kind = counted_kind(text, m)
        if kind is not None:
            out.append((m, kind))
    return out


_SINGLE_STUDY = re.compile(
    r"\b(?:only\s+one|one|a\s+single|single|1|only\s+1)\s+(?:(?:small|eligible|randomi[sz]ed|controlled|"
    r"clinical|cross-over|crossover|parallel|multicentre|multicenter|quasi-randomi[sz]ed|cluster|"
    r"new|published|included|relevant|RCT|trial)\s+){0,4}(?:study|trial|RCT)\b(?!\s+(?:each|per|arm))",
    re.I,
)
_MANY_STUDIES = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,3}?(?:studies|trials|RCTs)\b",
    re.I,
)
_INCLUDED = re.compile(r"\b(?:includ|identif|found|met|eligible|retriev)", re.I)
_POOLED_CLAIM = re.compile(
    r"\bmeta-?analy\w*|\bpool(?:ed|ing)\b|\bcombin(?:ed|ing)\s+(?:the\s+)?(?:results|data|findings)\b", re.I
)


def single_study_review(article: Article) -> bool:
    """The abstract says the review included one study, and names no several studies or pooling."""
    source = _source_text(article)
    if _POOLED_CLAIM.search(source) or _MANY_STUDIES.search(source):
        return False
    for m in _SINGLE_STUDY.finditer(source):
        sentence_start = max(source.rfind(". ", 0, m.start()), 0)
        if _INCLUDED.search(source[sentence_start : m.end() + 40]):
            return True
    return False


# A count of what the review included: "we included 12 trials", "a total of 800 people",
# "12 trials involving 800 people"; not a part of them ("three of the trials", "in 40 of them").
# Round 16: "We included one study (1355 women)", "We included 18 RCTs (1534 participants)" (the
# bracket after what the review included).
_WHOLE_BEFORE = re.compile(
    r"\b(?:includ\w*|identifi\w*|found|reviewed|enrol+\w*|involv\w*|recruit\w*|total\s+(?:number\s+)?of|altogether|"
    r"review\s+of|in\s+total,?|all|"
    r"(?:stud(?:y|ies)|trials?|RCTs?)\s*(?:,\s*with|with|in|on|of))\s+(?:\w+\s+){0,2}?$|"
    r"\b(?:includ\w*|identifi\w*|found)\s+(?:[\w-]+\s+){0,4}?(?:stud(?:y|ies)|trials?|RCTs?)\s*\(\s*(?:n\s*=\s*)?$|"
    r"\b(?:(?:inclusion|eligibility|entry)\s+criteria|were\s+included|was\s+included)\s*\(\s*(?:n\s*=\s*)?$",
    re.I,
)  # round 18: "a total number of 1403 patients" (CD002308.pub2), "met the inclusion criteria (n=189)" (CD006585.pub2)
# Round 13: the count's own clause says it is what the review included: "Eight studies involving
# 2007 patients met the inclusion criteria", "Thirteen RCTs were included", "Nine studies were
# reviewed", "The four included studies", "Eighteen trials with a total of 2773 participants"
# (not "two trials were included in the meta-analysis", a part of them).
_WHOLE_AFTER = re.compile(
    r"^\s*(?:included|eligible)\s+(?:stud(?:y|ies)|trials?|RCTs?)\b|"
    r"^(?:(?!\b(?:because|since|although|while|when|if|whereas|but|after|before|until)\b)[^.;:]){0,110}?\b(?:(?:were|are|was|is|been)\s+(?:\w+\s+)?(?:included|reviewed|eligible|identified|"
    r"selected\s+for\s+inclusion)\b"
    r"(?!\s+in\s+(?:the\s+|a\s+|this\s+)?(?:meta|analys|pool))|"
    r"(?:met|fulfill?ed|satisfied)\s+(?:\w+\s+){0,2}?(?:inclusion|eligibility|selection|entry)\s+criteria)|"
    r"^[^.;:\d]{0,80}?\btook\s+part\b(?!\s+in\s+(?:the\s+|a\s+|this\s+)?(?:meta|analys|pool|follow))|"
    r"^\s*(?:[\w-]+\s+){0,4}?(?:stud(?:y|ies)|trials?|RCTs?)\s+with\s+a\s+total\s+of\b",
    re.I,
)
_PART_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:of|in|from|out)\s+(?:the|these|them|those|all(?!\s*(?:[.,;)]|$))|\d)(?!\w)(?!\s+(?:review|update)\b)"
    r"(?!\s+[\d,]+\s+(?:[\w-]+\s+)?(?:identified|retrieved|screened|found|records?|references?|citations?|reports?|"
    r"articles?|abstracts?|potential)\b)",
    re.I,
)  # round 15: "21 studies for inclusion in the review" is no part; round 16: "with 10,171 people in all." is the whole;
# round 18: "Two studies of the 7880 identified from searching ... met the inclusion criteria" is the whole (CD007018.pub2)


# The size of one study, not of the review: "the remaining trial, which included 88 participants",
# "a small trial of only 13 women", "Each study included ..."; "one trial with 88 people" (the whole
# of a one-study review) is not one of these. Round 16: "trials (considered the highest quality
# study design) involving 2073 participants" names no one study (CD009477.pub2).
_ONE_STUDY_BEFORE = re.compile(
    r"(?:\b(?:each|every|per)\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|RCTs?)|"
    r"\b(?:study|trial|RCT)\b(?!\s+(?:design|type|method|quality)))(?:(?!\b(?:stud(?:y|ies)|trials?|RCTs?)\b)[^.;:])*$",
    re.I,
)
_ONE_STUDY_INCLUDED = re.compile(
    r"\b(?:includ\w*|identifi\w*|found|met)\s+(?:only\s+)?(?:one|1|a\s+single|a)\s+(?:\w+\s+){0,2}?(?:study|trial|RCT)\b",
    re.I,
)
# A range of counts is a range of study sizes ("between 30 and 218 participants", "from 20 to 120
# people", "30 to 218"): the review's whole is one number.
_RANGE_BEFORE = re.compile(
    r"(?:\b(?:between|from|rang(?:ed|ing)\s+(?:in\s+size\s+)?from)\s+|"
    r"\b(?:between|from)\s+[\d.,]+\s*%?\s*(?:and|to|–)\s*|[\d.,]+\s*%?\s*(?:to|–)\s*)$",
    re.I,
)
_RANGE_AFTER = re.compile(r"\s*%?\s*(?:to|–)\s*\d", re.I)


def in_a_range(text: str, mention: NumberMention) -> bool:
    """The number is an end of a range ("between 30 and 218", "30 to 218")."""
    before = text[max(0, mention.start - 30) : mention.start]
    return _RANGE_BEFORE.search(before) is not None or _RANGE_AFTER.match(text, mention.end) is not None


def counts_one_study(text: str, mention: NumberMention, one_study_review: bool = False) -> bool:
    """The count is the size of one study ("the remaining trial, which included 88 participants",
    "Each study included ..."), read from the words before it in its clause. With
    ``one_study_review`` (the abstract says the review included one study) the one study's size is
    the review's whole ("The study included 125 women.", "One randomised ... study in 167 adults
    compared ..."), unless the words name each study or a part."""
    before = re.split(r"[.;:]", text[max(0, mention.start - 40) : mention.start])[-1]
    if _ONE_STUDY_INCLUDED.search(before):
        return False  # "We included one trial with 88 participants": the whole of a one-study review
    found = _ONE_STUDY_BEFORE.search(before)
    if found is None:
        return False
    if one_study_review and not re.search(
        r"\b(?:each|every|per|other|remaining|second|first|larger|smaller)\b", before, re.I
    ):
        return False
    # round 18: "Only one trial involving 21 participants was included" (CD008088.pub3) is the whole
    # of a one-study review, said after the count
    return not (_ONE_STUDY_SUBJECT.search(before) and _whole_after(text, mention))


_ONE_STUDY_SUBJECT = re.compile(
    r"^\s*(?:only\s+)?(?:one|1|a\s+single|single)\s+(?:[\w-]+\s+){0,5}?(?:study|trial|RCT)\b", re.I
)


# The numerator of a natural frequency: "64 out of every 100 patients", "15 in 1000 people".
_NUMERATOR_AFTER = re.compile(
    r"^\s*(?:[A-Za-z-]+\s+){0,2}?(?:out\s+of|in|per)\s+(?:every\s+)?(?:10|100|1000|1,000|10,000|100,000)\b",
    re.I,
)


def is_numerator(text: str, mention: NumberMention) -> bool:
    """The number says how many of every 100 (10, 1000, ...) ("64 out of every 100 patients"): a
    rate, not a count of the review's people."""
    return _NUMERATOR_AFTER.search(text[mention.end : mention.end + 40]) is not None


# Studies the review did not include: "11 potential studies ... awaiting classification", "11
# studies are currently underway", "three ongoing trials", "five excluded studies".
_NOT_INCLUDED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:ongoing|potential|possible|excluded|unpublished|further|additional)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|RCTs?)\b|"
    r"^\s*(?:[\w-]+\s+){0,3}?(?:stud(?:y|ies)|trials?|RCTs?)\b,?\s+(?:(?:that|which)\s+)?(?:are|were|is|was)?\s*"
    r"(?:\w+\s+)?(?:ongoing|underway|awaiting|in\s+progress|excluded)\b",
    re.I,
)


def counts_studies_not_included(text: str, mention: NumberMention) -> bool:
    """The count is of studies the review did not include (ongoing, awaiting classification,
    excluded, potential ones)."""
    return _NOT_INCLUDED_AFTER.search(text[mention.end : mention.end + 80]) is not None


_SCALES = (10.0, 100.0, 1000.0, 10_000.0, 100_000.0)
_WOULD = re.compile(r"\bwould\b", re.I)


def counts_imagined_people(text: str, mention: NumberMention) -> bool:
    """The count is of people in an illustration, a sentence that says what "would" happen to an
    imagined group ("This means that in a cohort with 100 participants with MCI, 47 of whom will
    progress to ADD, we would expect that all those 47 MCI participants would test positive"):
    not the review's people."""
    start = max((e for s, e in sentence_spans(text) if e <= mention.start), default=0)
    end = min((e for s, e in sentence_spans(text) if e > mention.start), default=len(text))
    return _WOULD.search(text[start:end]) is not None


def _flat_brackets(text: str) -> str:
    """``text`` with what stands in brackets taken out (round 15: "Five trials involving 297 women
    with high-grade VIN (defined by trial investigators as VIN 2/3 or VIN 3 ...) met our inclusion
    criteria" is the review's whole)."""
    while (flat := re.sub(r"\([^()]*\)", "", text)) != text:
        text = flat
    return text


def _whole_after(text: str, mention: NumberMention) -> bool:
    """The words after the count say it is what the review included (_WHOLE_AFTER), with no other
    count between but the people of these studies ("Sixteen studies (2266 participants) comparing
    HMP with SCS were included"; not "Two studies compared X and nine trials were included")."""
    window = _flat_brackets(text[mention.end : mention.end + 240])[:130]
    found = _WHOLE_AFTER.search(window)
    if found is None:
        return False
    between = window[: found.end()]
    # round 18: other numbers between that count no studies are no other count of what was
    # included: "Eight trials, generating 10 treatment-control comparisons, that recruited 1470
    # adults ... met the entry criteria" (CD006100.pub2), "One study enrolling 130 infants of 26 to
    # 34 weeks PMA ... was identified" (CD004591.pub3)
    return all(counted_kind(between, m) != "studies" for m in find_numbers(between))


# Round 18: "all except five studies", "This meta-analysis involving 386 participants from two
# studies" (CD007874.pub2, CD008943.pub2) and "five new trials in this update" / "22 new studies for
# this update" (CD006205.pub4, CD006787.pub3) count a part, not the review's whole.
_NOT_THE_WHOLE_BEFORE = re.compile(
    r"\b(?:except|but|other\s+than|apart\s+from)\s+(?:\w+\s+)?$|"
    r"\b(?:meta-?analys[ie]s|analys[ie]s)\s+(?:\w+\s+){0,2}?(?:involv|includ)\w*\s+(?:\w+\s+){0,2}?$",
    re.I,
)
# Round 23: the people of one arm are no whole: "in all 15 people allocated to natamycin and in
# 14/15 people allocated to voriconazole" (CD004241.pub4: read as the whole, the human summary's
# "12 randomised controlled trials that included 981 people" was a changed count), "the 120 women
# randomised to the intervention", "30 participants in the control group"; not people randomised to
# either of two ("981 people were randomised to natamycin or voriconazole").
_ARM_AFTER = re.compile(
    rf"^\s*(?:[\w-]+\s+){{0,2}}?{_KINDS['people'].pattern}\s+(?:(?:who\s+)?were\s+)?"
    r"(?:(?:allocated|randomi[sz]ed|assigned)\s+to\b(?![^.;:,()]*\b(?:or|versus|vs|either|one\s+of|both|groups|arms)\b)|"
    r"in\s+the\s+(?:[\w-]+\s+){1,3}?(?:group|arm)\b)",
    re.I,
)
_NEW_STUDIES_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:new|additional|more)\s+(?:[\w-]+\s+){0,2}?(?:stud|trial|RCT)", re.I
)
_OF_WHICH = re.compile(r"^[^.;:]{0,100}?,\s*(?:[\w-]+)\s+of\s+(?:which|whom|these|them)\b", re.I)


def _included_part_after(text: str, mention: NumberMention) -> bool:
    """Round 18: a part of the count is what the review included: "Six randomized controlled trials
    were identified, five of which met the inclusion criteria" (CD003755.pub2): the six are what
    was found, not the whole of the review ("We included 12 trials, three of which were cluster
    trials" keeps the 12)."""
    found = _OF_WHICH.search(text[mention.end : mention.end + 140])
    if found is None:
        return False
    rest = text[mention.end + found.end() : mention.end + found.end() + 100]
    return _WHOLE_AFTER.search(rest) is not None


def _clause_before(text: str, mention: NumberMention) -> str:
    """Up to 40 characters before the count, from the start of its clause."""
    return re.split(r"[.;:]", text[max(0, mention.start - 40) : mention.start])[-1]


def counts_whole_review(text: str, mention: NumberMention, one_study_review: bool = False) -> bool:
    """The count names what the review included as a whole, not a subset of it, nor the size of
    one study (but in a review of one study, ``one_study_review``), nor an end of a range of
    study sizes."""
    before = _clause_before(text, mention)
    after = text[mention.end : mention.end + 40]
    return (
        (_WHOLE_BEFORE.search(before) is not None or _whole_after(text, mention))
        and not _PART_AFTER.search(after)
        and not _included_part_after(text, mention)
        and not _NOT_THE_WHOLE_BEFORE.search(before)
        and not _NEW_STUDIES_AFTER.match(after)
        and not _ARM_AFTER.match(text[mention.end : mention.end + 80])
        and not counts_one_study(text, mention, one_study_review)
        and not in_a_range(text, mention)
    )


def _sums_to(value: float, parts: list[float]) -> bool:
    """Some two or more of ``parts`` add up to ``value``."""
    sums = {0.0}
    for p in parts[:12]:
        sums |= {x + p for x in sums}
    return value in sums - set(parts)


_STUDY_NOUN = r"(?:stud(?:y|ies)|trials?|RCTs?|quasi-RCTs?)"
# Round 15: studies counted in two parts joined by "and", each part with its own words: "three
# short-term and one long-term trial", "One randomised controlled trial (RCT) and two quasi-RCTs"
# (a part of one study is no count to counted_kind, whose counts start at two).
_SMALL_NUMBERS = {
    w: float(i)
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split(), 1
    )
}
_PART = rf"(\d{{1,3}}|{'|'.join(_SMALL_NUMBERS)})"
_COORDINATED = re.compile(
    rf"(?<![\w.,-])(?<!between\s){_PART}\s+(?:[A-Za-z-]+\s+){{0,3}}?(?:{_STUDY_NOUN}\s*(?:\([^()\d]{{0,20}}\)\s*)?)?"
    rf"(?:,\s*)?and\s+{_PART}\s+(?:[A-Za-z-]+\s+){{0,3}}?{_STUDY_NOUN}\b",
    re.I,
)


def coordinated_counts(text: str) -> list[tuple[int, int, float]]:
    """(start, end, total) of each count of studies in two parts joined by "and" ("three
    short-term and one long-term trial": 4; "One randomised controlled trial (RCT) and two
    quasi-RCTs": 3)."""
    return [
        (
            found.start(),
            found.end(),
            sum(float(p) if p.isdigit() else _SMALL_NUMBERS[p.lower()] for p in found.groups()),
        )
        for found in _COORDINATED.finditer(text)
    ]


def coordinated_totals(text: str) -> list[float]:
    """The totals of :func:`coordinated_counts`."""
    return [total for _, _, total in coordinated_counts(text)]


_RESULTS_BRACKET = re.compile(r"\([^()]*(?:;|\b(?:CI|RR|OR|MD|SMD|HR|RD|I2|I²)\b)[^()]*\)")


def _summable_counts(text: str, kind: str) -> list[list[float]]:
    """Groups of the counts of ``kind`` in ``text`` (an abstract section) that may add up to a
    total: the counts of one sentence, a sentence cut at a colon ("Five trials ... met our
    inclusion criteria: three trials assessed ...": the three are a part of the five, not added
    to them), and none from a bracket of results ("(six studies; 653 women; RR 0.40 ...)": the
    studies of one outcome, which overlap those of the next)."""
    out = []
    for start, end in sentence_spans(text):
        sentence = _RESULTS_BRACKET.sub(lambda b: " " * len(b.group(0)), text[start:end])
        for piece in sentence.split(":"):
            values = [m.value for m, k in count_mentions(piece) if k == kind]
            if len(values) >= 2:
                out.append(values)
    return out


@metric("study_claims", "12", higher_is_better=False, fields=DRAFT_TEXT_FIELDS)
def study_claims(text: str, article: Article) -> MetricResult:
    """Counts of studies and people that differ from the abstract's; pooling claimed for one study."""
    flags: list[Flag] = []
    source_counts: dict[str, list[NumberMention]] = {}
    not_included: list[NumberMention] = []  # "three ongoing trials": compared with each other only
    imagined: list[NumberMention] = []  # "in a cohort of 100 ... 47 would test positive"
    for sec in (article.title or "", *(s.text for s in article.sections)):
        for m, kind in count_mentions(sec):
            source_counts.setdefault(kind, []).append(m)
            if kind == "studies" and counts_studies_not_included(sec, m):
                not_included.append(m)
            if kind == "people" and counts_imagined_people(sec, m):
                imagined.append(m)
    sources_all = [m for sec in article.sections for m in find_numbers(sec.text)]
    totals = {v for sec in article.sections for v in coordinated_totals(sec.text)}
    parted = coordinated_counts(text)
    mentions = count_mentions(text)
    wholes = abstract_whole_counts(article)
    # Round 23: a text that gives the abstract's whole count of studies counts parts of it with smaller
    # numbers: "Thirteen randomised controlled trials involving 648 participants were included in this
    # review. Six trials with a total of 286 participants evaluated ... withdrawal syndrome."
    # (CD006266.pub2). Not people: a changed count of an arm's or a subgroup's people stays one.
    said_whole_studies = any(
        kind == "studies" and m.value in wholes.get(kind, ()) and counts_whole_review(text, m)
        for m, kind in mentions
    )
    for m, kind in mentions:
        if (
            kind == "studies"
            and said_whole_studies
            and m.value < max(wholes[kind])
            and not _WHOLE_BEFORE.search(_clause_before(text, m))
        ):
            continue  # not one the text says it found or included: "The researchers found 16 small
            # trials ... also found 12 larger trials" for the abstract's two is a wrong count (CD001770.pub3)
        counts = source_counts.get(kind)
        if kind == "studies" and any(
            start <= m.start < end and (total in totals or any(total == s.value for s in counts or ()))
            for start, end, total in parted
        ):
            continue  # a part of a total the abstract gives: "We included three randomised controlled
            # trials and one quasi-randomised controlled trial." for "Four studies" (CD007563.pub3)
        if kind == "studies" and counts_studies_not_included(text, m):
            counts = not_included  # "11 studies are currently underway" is no count of the included
        if kind == "people" and counts_imagined_people(text, m):
            if m.value in _SCALES:
                continue  # the size of the imagined group: "amongst 1000 patients ... would miss 73"
            counts = imagined  # "in a cohort with 100 participants ..., 47 ... would test positive"
        if not counts or any(value_match(m, s) for s in counts):
            continue
        if not any(value_match(m, s) for s in sources_all):
            continue  # a number the abstract does not have at all: number_faithfulness says so
        if is_numerator(text, m):
            continue  # "64 out of every 100 patients": a rate, not a count of the review's people
        if not counts_whole_review(text, m) and m.value <= max(s.value for s in counts):
            continue  # may count a subset ("three of the trials measured pain")
        if counts is not source_counts[kind]:
            groups = [[s.value for s in counts]]  # ongoing or imagined: sums of their own counts
        else:
            groups = [parts for sec in article.sections for parts in _summable_counts(sec.text, kind)]
        if (kind == "studies" and m.value in totals) or any(_sums_to(m.value, parts) for parts in groups):
            continue  # a total of the abstract's groups in one sentence ("484 and 655 participants":
            # 1139; "five studies ..., with a further five studies": ten; "three short-term and one
            # long-term trial": four); round 15: not any sum of the abstract's counts, which with
            # its many "(two trials, ...)" reaches most small numbers
        shown = ", ".join(dict.fromkeys(s.text for s in counts[:4]))
        flags.append(
            Flag(
                "study_claims",
                f"wrong count of {kind}: {m.text}, but the abstract counts {shown}",
                "error",
                draft_span=(m.start, m.end),
                draft_text=m.text,
            )
        )
    if single_study_review(article):
        for claim in _POOLED_CLAIM.finditer(text):
            flags.append(
                Flag(
                    "study_claims",
                    f"pooled results claimed: {claim.group(0)!r}, but the review included one study",
                    "error",
                    draft_span=(claim.start(), claim.end()),
                    draft_text=claim.group(0),
                )
            )
    return MetricResult(float(len(flags)), flags)


# ---------------------------------------------------------------------------------------------
# Round 21 (h21flags): a sentence that states what the review included, with counts the abstract
# does not give for it, is about another review: "Ten published RCTs were included (involving 1825
# women).", "Five RCTs with a total of 1193 adult participants met our inclusion criteria." (mine
# half, sentences of other abstracts that share the report's words with every Cochrane abstract).

# The clause says that the review included these: "we included", "this review update includes",
# "were included" or "were found" (not in one analysis, not "found to"), "met (our) inclusion criteria".
_INCLUSION_CUE = re.compile(
    r"\b(?:we|review|update)\s+(?:\w+\s+){0,2}?(?:include[sd]?|identified)\b|"
    r"\b(?:met|fulfill?ed|satisfied)\s+(?:\w+\s+){0,2}?(?:inclusion|eligibility|selection)\s+criteria\b|"
    r"\b(?:were|was)\s+(?:included|found|identified)\b(?!\s+to\b)(?!\s+in\s+(?:the\s+|a\s+|this\s+|our\s+)?(?:meta|analys|pool))",
    re.I,
)
_EXCLUSION = re.compile(r"\bnot\b|n['’]t\b|\bexclud|\bongoing\b|\bawaiting\b|\bprevious\b|\boriginal\b", re.I)
# A sentence's clauses, cut before a second count: "We included 24 studies with 10,056 women in
# the review, and 20 studies involving 9789 women contributed data" (CD006425.pub4) says the 20
# contributed, not that the review included them.
_NEXT_COUNT_CLAUSE = re.compile(
    r";|,?\s+(?:and|but|while|whereas|of\s+which|of\s+whom)\s+(?=[\w-]+\s+(?:[\w-]+\s+)?(?:stud|trial|RCT|\d))",
    re.I,
)


_A_PART_BEFORE = re.compile(
    r"\b(?:including|of\s+(?:which|whom)|among\s+(?:them|these))\s+(?:[\w-]+\s+)?$", re.I
)


def abstract_whole_counts(article: Article) -> dict[str, set[float]]:
    """The values of the abstract's counts of studies and of people that count what the review
    included as a whole (counts_whole_review), by kind."""
    one = single_study_review(article)
    out: dict[str, set[float]] = {}
    for sec in article.sections:
        for m, _ in count_mentions(sec.text):
            kind = counted_kind(sec.text, m, words_before=False)
            if kind is not None and counts_whole_review(sec.text, m, one):
                out.setdefault(kind, set()).add(m.value)
    return out


def other_inclusion_counts(sentence: str, article: Article) -> list[str]:
    """Counts that ``sentence`` gives for what the review included, in a clause that says so
    (_INCLUSION_CUE, no negation, exclusion, earlier version or ongoing study in it), whose value
    the abstract's whole counts of that kind lack, where the abstract gives such counts: a count of
    studies of another value, or a count of people the abstract has nowhere. Empty when none, and
    when the sentence's studies add up to the abstract's whole or one clause counts them as it does
    (round 22: then the sentence is about this review)."""
    wholes = abstract_whole_counts(article)
    if not wholes:
        return []
    one = single_study_review(article)
    sources = [m for sec in article.sections for m in find_numbers(sec.text)]
    totals = {v for sec in article.sections for v in coordinated_totals(sec.text)}
    if any(v in wholes.get("studies", ()) for v in coordinated_totals(sentence)):
        return []  # its parts add up to the abstract's whole: "We included three randomised controlled
        # trials and one quasi-randomised controlled trial." (four, cochrane_val CD007563.pub3)
    clauses = [
        c for c in _NEXT_COUNT_CLAUSE.split(sentence) if _INCLUSION_CUE.search(c) and not _EXCLUSION.search(c)
    ]
    counted = [(clause, m, kind) for clause in clauses for m, kind in count_mentions(clause)]
    if any(
        kind == "studies" and m.value in wholes.get("studies", ()) and counts_whole_review(clause, m, one)
        for clause, m, kind in counted
    ):
        return []  # it counts the review's studies as the abstract does: about this review, whatever
        # else it counts ("We identified 12 randomised controlled trials that included 981 people",
        # the people from the full review, cochrane_val CD004241.pub4)
    out: list[str] = []
    for clause, m, kind in counted:
        theirs = wholes.get(kind)
        if not theirs or m.value in theirs or not counts_whole_review(clause, m, one):
            continue
        if _A_PART_BEFORE.search(clause[max(0, m.start - 30) : m.start]):
            continue  # "23 research studies, including three randomised trials" (CD005240.pub2)
        if kind == "people" and any(value_match(m, s) for s in sources):
            continue  # the abstract gives this many people for something: a part, said another way
        groups = [parts for sec in article.sections for parts in _summable_counts(sec.text, kind)]
        if (kind == "studies" and m.value in totals) or any(_sums_to(m.value, parts) for parts in groups):
            continue  # the abstract's groups added up: "Ten randomised trials involving 1139 women"
            # where it counts "five studies (484 women) ... a further five studies (655 women)"
        out.append(m.text)
    return out
