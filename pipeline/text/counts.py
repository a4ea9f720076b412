"""Is a count of people the whole count, or a part? One reading for every count reader.

The composer's review size (``draft.composer.plan``, regexes over a sentence) and the participants
fact (``enrich.participants``, spaCy tokens) both ask of a number followed by a people noun
("221 patients", "1119 eligible participants") whether it counts everyone the work studied, or
only a part: one arm, a control group, one study of several, the end of a range of study sizes, a
bound, the pool people were drawn from, one result's sample in its bracket, people counted with
units of them ("patients or episodes"). :func:`part_of_whole` answers from the sentence text and the count's character span
(its number through its noun), so both readers say the same count.
"""

from __future__ import annotations

import re

_NUM = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_STUDY = r"(?:trials?|studies|study|RCTs?|cohorts?)"

# A bound, not a count: "16 small RCTs (fewer than 100 patients enrolled)", "up to 40 children";
# the end of a range of study sizes: "samples ranging from 12 to 653 participants" (CD013069),
# "between 42 and 158 participants" (CD009369), "a minimum of 40, and a maximum of 73
# participants" (CD009901); a rate's base: "9 per 1000 people", "in a virtual population of 1000
# patients" (CD012669)
_BOUND_BEFORE = re.compile(
    r"\b(?:fewer|less|more|greater|larger|smaller) than\s+$|\b(?:over|under|up to|per|every)\s+$|"
    r"\b\d[\d,]*\s*(?:to|-|–)\s*$|\bbetween\s+\d[\d,]*\s+and\s+$|"
    r"\b(?:minimum|maximum|range|median|mean|average) of\s+$|"
    r"\b(?:virtual|hypothetical|notional) (?:population|cohort|group) of\s+$|"
    # "1 in 3 participants withdrew" (CD011605): a rate
    r"\b\d+\s+in\s+$",
    re.I,
)
# One of a list: "randomised 47, 80, 49 and 141 participants respectively": the last is one study's
_ONE_OF_A_LIST = re.compile(r"\d[\d,]*,\s+(?:\d[\d,]*,\s+)*\d[\d,]*,?\s+and\s+$")
# "Two trials of 30 and 48 hypothyroid women respectively" (CD007752): each count is one study's
_RESPECTIVELY = re.compile(r"^[^.;]*?\brespectively\b", re.I)
# One arm's count ("221 patients randomized to calcitonin and 220 to placebo", CD001983): the
# total is their sum, which the abstract does not state ("1354 participants randomised to either
# vitamin B ... or placebo", CD009403, is the total)
_ARM_AFTER = re.compile(
    r"\s+(?:were\s+)?(?:randomi[sz]ed|allocated|assigned)\s+to\s+(?!either\b)[^.;]*?"
    r"\band\s+\d[\d,]*\s+(?:[A-Za-z-]+\s+){0,2}?to\b",
    re.I,
)
# A control group: "32 control participants" (CD005372)
_CONTROL_WORD = re.compile(r"\bcontrols?\b", re.I)
# People from a part of the studies: "1119 eligible participants from five out of 11 trials",
# "1151 of 1239 eligible individuals from two of three eligible studies" (CD012065)
_FROM_SOME_STUDIES = re.compile(
    rf"^[^.;]*?\b(?:from|in)\s+(?:only\s+)?{_NUM}\s+(?:out\s+)?of\s+(?:the\s+|these\s+)?(?:{_NUM}\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_STUDY}\b",
    re.I,
)
# ... or said before them in the clause: "Five of the 11 trials (1119 participants) reported ...",
# "IPD were available for 26 of these trials and our analyses are based on 8447 participants"
# (CD011430)
_SOME_STUDIES_BEFORE = re.compile(
    rf"\b{_NUM}\s+(?:out\s+)?of\s+(?:(?:the\s+|these\s+)?(?:{_NUM}\s+)?(?:[\w-]+\s+){{0,3}}?{_STUDY}\b|"
    rf"(?:them|these|which)\b)[^.;]*$",
    re.I,
)
# "one comparing X in 185 women and one trial comparing Y in 40 women": each trial's own size
_EACH_TRIAL = re.compile(
    r"\bone (?:trial |study |RCT )?(?:compar|evaluat|assess|examin|investigat)\w*\b", re.I
)
_ASIDE = re.compile(r"\([^()]*\)")
# One study's size: "All studies were of small size with the largest, van Wassenaer 1997, enrolling 200
# infants." (CD001070)
_LARGEST_BEFORE = re.compile(r"\b(?:largest|smallest|biggest|largest one)\b[^.;]*$", re.I)
# The pool people were drawn from: "Of 258 participants who underwent open-label titration, 163
# were 'responders' and entered the randomised withdrawal phase" (CD011605): the count of a
# sentence-opening "Of N ..., M ..." is those screened, invited or treated before the study's own
_POOL_OPENING = re.compile(r"(?:^|[;:]\s*)(?:Of|From|Among)\s+(?:the\s+|all\s+|these\s+)?$", re.I)
_THEN_COUNT = re.compile(r"^[^.;]*?,\s*(?:only\s+)?\d[\d,]*\b", re.I)
# "500 patients were screened/invited/approached": the pool, not who took part
_POOL_AFTER = re.compile(
    r"^\s+(?:were|was)\s+(?:\w+\s+)?(?:screened|invited|approached|contacted|assessed for eligibility)\b",
    re.I,
)


# People counted together with units of them: "Fourteen trials and 2782 patients or episodes were
# included" (CD003914.pub4: "with 2782 people"): a count of episodes is no count of people ("1,200
# eyes of 640 people": the people are 640, a count of its own)
_UNITS_AFTER = re.compile(
    r"^\s+(?:or|and/or|/)\s+(?:[\w-]+\s+)?(?:episodes|eyes|teeth|lesions|cycles|procedures|limbs|ulcers|"
    r"wounds|operations|admissions|infections|embryos|implants|catheters|pregnancies)\b",
    re.I,
)

# One result's sample, in that result's bracket: "(... 8 studies, 1242 patients; moderate-quality data)"
# (CD003914.pub4), "(RR 0.76, 95% CI ...; 2 studies; 204 women)"
_RESULT_WORDS = re.compile(
    r"\b(?:CI|RR|OR|HR|MD|SMD|WMD|RD|I2|NNTB?|[Pp]\s*[<=>])\b|\b(?:[Rr]isk|[Oo]dds|[Hh]azard) ratio\b|"
    r"\bconfidence interval|\b(?:quality|certainty)(?: of)?(?: the)?\s+(?:evidence|data)\b|"
    r"-(?:quality|certainty) (?:evidence|data)\b"
)


# One source of several, each counted in its own bracket: "Smokers were recruited through mailed
# invitations from three primary care practices (62 participants) and one National Health Stop
# Smoking Service (SSS) database (31 participants)" (bmc 10.1186/1745-6215-16-1: 99 took part, with
# "Six other participants" recruited otherwise); the total is a sum the abstract does not state
_BRACKETED_COUNT = re.compile(rf"\(\s*(?:n\s*=\s*)?{_NUM}\s+((?:[\w-]+\s+){{0,2}}?[\w-]+)\s*\)", re.I)
_ONLY_BEFORE = re.compile(r"\bonly\s+$", re.I)
_ONE_SOURCE_AFTER = re.compile(
    r"^\s+(?:were|was)\s+(?:\w+\s+)?(?:recruited|enrol+ed|referred|identified)\s+(?:through|via|from|by)\b",
    re.I,
)
_TO_ONE = re.compile(r"\bto\s+[a-z]+\s+$")
_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|altogether|in all)\b[^().;]*\($", re.I)
# People added to others: "Six other participants were recruited via ...", "20 more patients"
_MORE_WORDS = re.compile(r"^\s*(?:other|more|additional|further)\b", re.I)


def _one_of_bracketed(text: str, start: int, end: int) -> bool:
    """The count is one of two or more bracketed counts of the same noun in its sentence."""
    if not (text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")):
        return False
    if _TOTAL_BEFORE.search(text[max(0, start - 80) : start]):
        return False  # "This updated review includes a total of 15 trials (3490 women); three trials
        # were added for this update (152 women)" (cochrane CD008991.pub3): 3490 is the whole
    nouns = [m.group(1).lower().split()[-1] for m in _BRACKETED_COUNT.finditer(text)]
    own = text[start:end].lower().split()[-1]
    return nouns.count(own) > 1


def in_result_bracket(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (a count of people or of studies) stands in the bracket of one result:
    the bracket around it, nested ones included ("(risk ratio (RR) 0.40; ... six studies; 653
    women)"), states a statistic or a GRADE level."""
    opening = _unmatched(text, range(start - 1, -1, -1), "(", ")")
    if opening is None:
        return False
    closing = _unmatched(text, range(end, len(text)), ")", "(")
    return _RESULT_WORDS.search(text[opening : len(text) if closing is None else closing]) is not None


def _unmatched(text: str, positions: range, bracket: str, other: str) -> int | None:
    """The first ``bracket`` along ``positions`` that no ``other`` met on the way closes (the
    bracket around a span, read outwards from it in either direction)."""
    depth = 0
    for i in positions:
        if text[i] == other:
            depth += 1
        elif text[i] == bracket:
            if depth == 0:
                return i
            depth -= 1
    return None


# A whole said as an approximation is still the whole, with its word: "Six studies comprising nearly 450
# patients were included" is "nearly 450 people", never "450 people" (27, h27coch: cochrane mine CD004001.pub3);
# the plain word for the abstract's ("approximately" is "about"). Bounds ("more than", "up to") are parts above.
_ABOUT_BEFORE = re.compile(
    r"\b(?P<b>nearly|almost|about|around|approximately|roughly|at least|some)\s+$",
    re.I,
)
_ABOUT_WORD = {"approximately": "about", "around": "about", "roughly": "about", "almost": "nearly"}


def approximation_before(text: str, start: int) -> str | None:
    """The plain approximation word said right before the count at ``start`` ("nearly", "about",
    "at least"), None when the count is said exactly."""
    about = _ABOUT_BEFORE.search(text, max(0, start - 20), start)
    if about is None:
        return None
    word = about.group("b").lower()
    return _ABOUT_WORD.get(word, word)


def part_of_whole(text: str, start: int, end: int) -> str | None:
    """Why the count ``text[start:end]`` (its number through its people noun) is a part of the
    people a study or review counted, not the whole; None when nothing says it is a part.

    ``text`` is the count's sentence (or a longer text: only the count's clause is read)."""
    before, inside, after = text[:start], text[start:end], text[end:]
    number_end = re.match(r"[\d,]*\d|\S+", inside)
    words = inside[number_end.end() if number_end else 0 :]
    if _BOUND_BEFORE.search(before):
        return "bound"
    if _UNITS_AFTER.match(after):
        return "units"
    if in_result_bracket(text, start, end):
        return "one result"
    if _ONE_OF_A_LIST.search(before) or _RESPECTIVELY.match(after) or _one_of_bracketed(text, start, end):
        return "one of a list"
    if _MORE_WORDS.match(words):
        return "more of them"
    if _ONLY_BEFORE.search(before) and _ONE_SOURCE_AFTER.match(after):
        return "one source"  # "Only six participants were recruited through a wide variety of other
        # community-based approaches" (bmc 1745-6215-16-1): the few that one route brought
    if _TO_ONE.search(before) and re.match(r"(?:one|1)\s", inside, re.I):
        return "bound"  # a cost per person: "researcher time to recruit one participant" (bmc 1745-6215-16-1)
    if _CONTROL_WORD.search(words.rsplit(None, 1)[0] if " " in words.strip() else ""):
        return "control group"
    if _ARM_AFTER.match(after):
        return "one arm"
    if _FROM_SOME_STUDIES.match(after):
        return "some studies"
    # "We included five trials (one of which was quasi-randomised) that reported results for 368
    # people" (CD010513): a closed aside is no subset of the count's studies
    clause = _ASIDE.sub("", re.split(r"[.;]\s", before)[-1])
    if _SOME_STUDIES_BEFORE.search(clause):
        return "some studies"
    if _LARGEST_BEFORE.search(clause):
        return "one study"
    each = list(_EACH_TRIAL.finditer(text))
    if len(each) > 1 and each[0].start() < start:
        return "one study"
    if _POOL_OPENING.search(before) and _THEN_COUNT.match(after):
        return "pool"
    if _POOL_AFTER.match(after):
        return "pool"
    return None
