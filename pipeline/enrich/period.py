"""Study period: a year range ("2006 to 2012") or a follow-up duration ("12 months").

Regular expressions over the section text (no parse needed). Numbers are copied as written;
a range is written "Y1 to Y2" whatever the source's punctuation. Background sections are not
read: the years there usually belong to other studies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.domain import NOT_SPECIFIED, Fact, Section, Span
from pipeline.text import roles

_YEAR = r"(?:19|20)\d{2}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_MONTH = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?"
_NUM_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|eighteen|twenty|twenty-four|thirty|thirty-six|forty-eight|sixty"
)
_AMOUNT = rf"(?P<n>\d+(?:\.\d+)?|(?:{_NUM_WORDS}))"
_UNIT = r"(?P<u>days?|weeks?|months?|years?)"

# (kind, rank, pattern): lower rank wins; year ranges are what the page's Study Duration shows.
PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("year_range", 0, re.compile(rf"\bbetween\s+{_DAY_MONTH}(?P<y1>{_YEAR})\s+and\s+{_DAY_MONTH}(?P<y2>{_YEAR})\b", re.I)),
    ("year_range", 0, re.compile(
        rf"\bfrom\s+{_DAY_MONTH}(?P<y1>{_YEAR})\s+(?:to|until|till|through)\s+{_DAY_MONTH}(?P<y2>{_YEAR})\b", re.I)),
    ("year_range", 1, re.compile(rf"(?<![\d/.-])(?P<y1>{_YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{_YEAR})(?![\d/.-])")),
    ("month_range", 2, re.compile(
        rf"\b(?:from|during|between)\s+(?P<m1>{_MONTH})\s+(?:to|and|until|through|-|–)\s+(?P<m2>{_MONTH})\s+(?P<y1>{_YEAR})\b",
        re.I)),
    ("follow_up", 3, re.compile(rf"\b{_AMOUNT}[\s-]+{_UNIT}(?:\s+of)?\s+(?:post-?\w*\s+)?follow[\s-]?ups?\b", re.I)),
    ("follow_up", 3, re.compile(
        rf"\bfollow[\s-]?up\s+(?:period\s+|duration\s+)?(?:of|was|for|lasting|lasted)\s+(?:a\s+|an\s+)?"
        rf"(?:(?:median|mean|average|minimum|maximum)\s+)?(?:of\s+)?(?:at\s+least\s+)?{_AMOUNT}\s+{_UNIT}\b", re.I)),
    # the study's own length: "The overall objective of this 5-year study is to evaluate ..." (bmc
    # 10.1186/s13063-014-0524-x, a protocol), "In a 2-year field study" (elife 00007)
    ("study_length", 3, re.compile(
        rf"\b(?:this|the|a|an|our)\s+{_AMOUNT}[\s-]+(?P<u>day|week|month|year)(?:[\s-]+long)?\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:study|trial|project|programme|program)\b", re.I)),
    ("follow_up", 3, re.compile(
        rf"\bfollowed(?:\s+up)?\s+for\s+(?:a\s+)?(?:(?:median|mean|average)\s+)?(?:of\s+)?(?:up\s+to\s+)?"
        rf"(?:(?:\d+|{_NUM_WORDS})\s*(?:to|-|–)\s*)?{_AMOUNT}\s+{_UNIT}\b",
        re.I)),
)  # fmt: skip

# A publication year range dates the reports, not the study ("Six of the included trials were
# published between 1977 and 1988", cochrane CD002007; "Years of publication ranged from 1971 to
# 2011", CD003464).
# Records indexed in a database over a period date the records too ("trial reports randomly sampled
# from 14,758 indexed on PubMed over the 12-month period from August 2007 to July 2008", bmc
# s13063-014-0536-6, an interview study whose page said "The study ran from 2007 to 2008").
_PUBLISHED = re.compile(r"\bpublish|\bpublication|\bindexed\b", re.I)
# In a review of several studies, the years said of one of them are that study's, not the review's: "The
# trial included 1356 people, who were recruited from 11 primary care practices in the US between 2000 and
# 2001." (cochrane mine CD012352.pub2, a review of two studies, said "2000 to 2001"; EXTRACTOR_VERSION 16).
# A review of one study keeps them (its one study's years are all it has).
_ONE_STUDY = re.compile(
    r"\b(?:the|this|that|one|each|a|an|the (?:first|second|third|other|largest|smallest|only))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:trial|study|RCT)\b(?!s)",
    re.I,
)
_ONLY_ONE = re.compile(
    r"\b(?:only|single|one)\s+(?:[\w-]+\s+){0,3}?(?:trial|study|RCT)\s+(?:was|met|is|fulfilled|were)\b|"
    r"\b(?:included|identified|found)\s+(?:only\s+)?(?:one|a single|1)\s+(?:[\w-]+\s+){0,3}?(?:trial|study|RCT)\b",
    re.I,
)
# 28 (h28coch): ... and so are the years of a sentence in a run about one of them, opened by "The second study
# was a pilot study for a cluster-RCT ..." a few sentences before: "Study duration was three years (1998 to
# 2001), and outcomes were measured at the screening clinics during these three years." (cochrane mine
# CD012352.pub2, a review of two studies, said "1998 to 2001"; EXTRACTOR_VERSION 17)
_STUDY_TURN = re.compile(
    r"(?:^|[.;]\s+)(?:The|In the) (?:first|second|third|fourth|fifth|other|last|remaining) (?:[\w-]+\s+){0,3}?"
    r"(?:study|trial|RCT)\b(?!s)",
    re.I,
)
_MANY = re.compile(r"\b(?:studies|trials|RCTs|review)\b", re.I)


def _about_one_study(text: str, start: int, sentence: str) -> bool:
    """The sentence around ``start`` belongs to a run about one study: one of the six sentences before it
    opens on "The second study ..." and the sentence names no studies of its own."""
    if _MANY.search(sentence):
        return False
    before = text[:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    window = before[ends[-7] if len(ends) >= 7 else 0 :]
    return bool(_STUDY_TURN.search(window))


# A review's follow-up is its studies' when it is averaged or a range over them ("Median follow-up
# was eight weeks", CD008919); one trial's or one outcome's time point is not the review's ("Two
# trials had a follow-up of nine months, and three trials a follow-up of 31 to 70 months",
# CD011668; "at two-year follow-up", CD003067).
_AVERAGED = re.compile(r"\b(?:median|mean|average|averaged)\b", re.I)
# The start of a range whose end the follow-up pattern matched: "followed for six to 12 months"
# (CD003286) is "six to 12 months", never "12 months".
_RANGE_START = re.compile(rf"(?P<n0>\b\d+(?:\.\d+)?|\b(?:{_NUM_WORDS}))\s*(?:to|-|–)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.](?=\s+[A-Z(])|;")

ROLE_RANK = {
    roles.METHODS: 0,
    roles.CASE: 1,
    roles.UNLABELLED: 1,
    roles.RESULTS: 1,
    roles.OTHER: 2,
    roles.CONCLUSIONS: 3,
}
MAX_YEARS = 60


@dataclass(frozen=True)
class PeriodMatch:
    """A period found in one section."""

    value: str
    kind: str
    rank: tuple[int, int, int, int]
    span: Span


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or the clause between semicolons) of ``text`` around ``start:end``."""
    first = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    last = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return text[first:last]


def _value(kind: str, match: re.Match[str], text: str, review: bool) -> str | None:
    """The normalized value of a match, or None when it is not a plausible period of the study."""
    groups = match.groupdict()
    sentence = _sentence(text, match.start(), match.end())
    if kind in ("year_range", "month_range") and _PUBLISHED.search(sentence):
        return None
    if (
        kind in ("year_range", "month_range")
        and review
        and (_ONE_STUDY.search(sentence) or _about_one_study(text, match.start(), sentence))
        and not _ONLY_ONE.search(text)
    ):
        return None
    if kind == "year_range":
        y1, y2 = int(groups["y1"]), int(groups["y2"])
        if not 0 < y2 - y1 <= MAX_YEARS:
            return None
        return f"{groups['y1']} to {groups['y2']}"
    if kind == "month_range":
        return f"{groups['m1']} to {groups['m2']} {groups['y1']}"
    before = _RANGE_START.search(text[max(0, match.start("n") - 24) : match.start("n")])
    if before is not None:
        return f"{before.group('n0').strip()} to {groups['n']} {groups['u']}"
    if review and not _AVERAGED.search(sentence):
        return None
    if kind == "study_length":  # "5-year" is "5 years", "one-month" is "one month"
        one = groups["n"].lower() in ("1", "one")
        return f"{groups['n']} {groups['u'].lower()}{'' if one else 's'}"
    return f"{groups['n']} {groups['u']}"


def find_periods(section_index: int, section: Section, review: bool = False) -> list[PeriodMatch]:
    """Every period-like match in one section that is read at all (not Background)."""
    role = roles.section_role(section.label)
    if role not in ROLE_RANK:
        return []
    found = []
    for kind, rank, pattern in PATTERNS:
        for match in pattern.finditer(section.text):
            value = _value(kind, match, section.text, review)
            if value is not None:
                span = Span(section_index, match.start(), match.end(), match.group(0))
                found.append(
                    PeriodMatch(value, kind, (rank, ROLE_RANK[role], section_index, match.start()), span)
                )
    return found


def period_fact(sections: list[Section], review: bool = False) -> Fact:
    """The study period as a Fact (year range before follow-up; Methods before Results).

    ``review``: the article is a review, whose follow-up is only an averaged or ranged one.
    """
    found = [m for i, s in enumerate(sections) for m in find_periods(i, s, review)]
    if not found:
        return Fact(NOT_SPECIFIED, None, {})
    best = min(found, key=lambda m: m.rank)
    return Fact(best.value, best.span, {"kind": best.kind})
