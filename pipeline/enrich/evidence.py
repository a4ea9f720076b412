"""Evidence level from the study design, on the Oxford CEBM 2011 Levels of Evidence.

The CEBM 2011 table ranks designs per clinical question; an abstract rarely says which question
it answers, so we use the "does this intervention help / harm?" column, which fits most papers
the site covers, and write every level the same way: ``Level N (design)``.

| design                                   | level written                                   |
|------------------------------------------|-------------------------------------------------|
| systematic review (and/or meta-analysis) | Level 1 (systematic review of trials)  when the |
|                                          | text says the included studies are trials;      |
|                                          | Level 1 (systematic review of diagnostic        |
|                                          | accuracy studies) when it reports sensitivity   |
|                                          | and specificity (those studies are not trials,  |
|                                          | whatever "larger trials" it calls for);         |
|                                          | Level 3 (systematic review of non-randomised    |
|                                          | studies) when its studies are named as NRS,     |
|                                          | cohort or before-after studies and no randomised|
|                                          | trial is named (CEBM: the level of its studies);|
|                                          | Level 1 (systematic review) otherwise; a review |
|                                          | that found one study gives what that study      |
|                                          | gives: Level 2 (systematic review of one        |
|                                          | randomised trial), else Not specified           |
| meta-analysis                            | Level 1 (meta-analysis)                         |
| randomised controlled trial              | Level 2 (randomised controlled trial)           |
| non-randomised controlled trial          | Level 3 (non-randomised controlled trial)       |
| prospective / retrospective cohort       | Level 3 (prospective cohort) etc.               |
| diagnostic accuracy                      | Level 3 (diagnostic accuracy study): CEBM puts  |
|                                          | cross-sectional studies with a consistently     |
|                                          | applied reference standard at 2, but an abstract|
|                                          | cannot show that, so we take the lower level    |
| case-control                             | Level 4 (case-control)                          |
| cross-sectional                          | Level 4 (cross-sectional): no follow-up, ranked |
|                                          | with other uncontrolled observational designs   |
| case series                              | Level 4 (case series)                           |
| case report                              | Level 4 (case report): the weakest Level 4 kind |
| validation study                         | Level 4 (validation study): CEBM's diagnosis /  |
|                                          | monitoring column ranks a measure tested in one |
|                                          | sample with no independent reference standard   |
|                                          | at 4 (a questionnaire's structure, validity or  |
|                                          | test-retest reliability: cross-sectional work)  |
| qualitative, protocol, animal,           | Not specified: CEBM 2011 does not rank them (a  |
| in vitro / laboratory, genomic /         | protocol has no results yet; lab and animal     |
| computational, unknown design            | work is mechanism-based reasoning, not clinical |
|                                          | evidence), so the page says "Not specified"     |

Reference: OCEBM Levels of Evidence Working Group, "The Oxford 2011 Levels of Evidence",
Oxford Centre for Evidence-Based Medicine.
"""

from __future__ import annotations

import re

from pipeline.domain import NOT_SPECIFIED, Fact
from pipeline.enrich import design as d

LEVELS: dict[str, tuple[int, str]] = {
    d.SR_MA: (1, "systematic review"),
    d.SR: (1, "systematic review"),
    d.MA: (1, "meta-analysis"),
    d.RCT: (2, "randomised controlled trial"),
    d.NRCT: (3, "non-randomised controlled trial"),
    d.PROSPECTIVE: (3, "prospective cohort"),
    d.RETROSPECTIVE: (3, "retrospective cohort"),
    d.COHORT: (3, "cohort study"),
    d.DIAGNOSTIC: (3, "diagnostic accuracy study"),
    d.CASE_CONTROL: (4, "case-control"),
    d.CROSS_SECTIONAL: (4, "cross-sectional"),
    d.CASE_SERIES: (4, "case series"),
    d.CASE_REPORT: (4, "case report"),
    d.VALIDATION: (4, "validation study"),
}

_TRIALS = re.compile(r"\b(trials|RCTs|randomi[sz]ed)\b", re.I)  # read on the text without "non-randomised"
# A review whose studies are named non-randomised ("We included six NRS with 1,563,820
# participants. Five were large retrospective cohort studies", cochrane CD010357; "20 controlled
# before-after (CBA) studies", CD010415) and that names no randomised trial: its evidence is that of
# its studies, CEBM's Level 3, never "systematic review of trials" ("all of which were
# non-randomized" is no trial).
_NON_RANDOMISED_STUDIES = re.compile(
    rf"\b(?:NRS|NRSIs?|{d.NON_RANDOMISED} (?:controlled )?stud(?:y|ies)|observational studies|"
    r"(?:prospective |retrospective )?cohort studies|retrospective studies|case-control studies|"
    r"controlled before-(?:and-)?after (?:\(CBA\) )?studies|interrupted time series)\b",
    re.I,
)
_RANDOMISED_NAMED = re.compile(r"\b(?:randomi[sz]ed|RCTs?)\b", re.I)  # on the text without "non-randomised"
# A review of test accuracy reports both; "confirmatory trials" in its conclusion does not make
# its studies trials (cochrane CD012669, point-of-care sonography for chest and abdominal trauma).
_SENSITIVITY = re.compile(r"\bsensitivit(?:y|ies)\b", re.I)
_SPECIFICITY = re.compile(r"\bspecificit(?:y|ies)\b", re.I)
# A review that kept one study ("Only one trial involving 21 participants was included", "We
# identified one trial that satisfied the inclusion criteria", "We did identify a RCT"; cochrane
# CD008088, CD006341, CD006325) is that study's evidence, not a "systematic review of trials".
_ONE_STUDY = re.compile(
    r"\b(?:only one|only 1|one|a single|only a single|an?(?= (?:RCT|randomi[sz]ed)))\s+(?:[\w,-]+\s+){0,4}?"
    r"(?:trial|study|RCT)\b(?!-)",
    re.I,
)
_INCLUSION = re.compile(
    r"\b(?:included|identif(?:y|ied)|available|met|satisf(?:ied|ying)|fulfill?(?:ed|ing)|eligible|found|selected)\b",
    re.I,
)
_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty"
)
_MANY_STUDIES = re.compile(
    rf"\b(?:\d+|{_NUMBER_WORDS})\s+(?:[\w-]+\s+){{0,3}}?(?:trials|studies|RCTs)\b", re.I
)
_RANDOMISED = re.compile(r"\b(?:randomi[sz]ed|RCT)\b", re.I)


# Randomised trials a review found none of or asks for: "There were no RCTs or prospective non-RCTs
# identified ... We found 11 retrospective studies ... randomised controlled trials should be performed"
# (cochrane CD007565.pub2 was a "systematic review of trials").
_NONE_RANDOMISED = re.compile(
    r"\bno (?:RCTs|randomi[sz]ed (?:controlled )?trials)\b|\bnon-RCTs?\b|"
    r"\b(?:RCTs|randomi[sz]ed (?:controlled )?trials) (?:should|must|are (?:needed|required|warranted))\b",
    re.I,
)


def _randomised_only(text: str) -> str:
    """``text`` without its "non-randomised" words (design.NON_RANDOMISED_RE, every spelling) nor
    the randomised trials it found none of, so that "randomised" found in it names randomised
    studies."""
    return _NONE_RANDOMISED.sub(" ", d.NON_RANDOMISED_RE.sub(" ", text))


def one_study(text: str) -> bool:
    """A review that says it kept a single study and counts no more than one anywhere."""
    if _MANY_STUDIES.search(text):
        return False
    return any(_ONE_STUDY.search(s) and _INCLUSION.search(s) for s in re.split(r"(?<=[.!?])\s+", text))


def evidence_label(design: str, text: str = "") -> str:
    """The ``Level N (design)`` label for a design, or NOT_SPECIFIED when CEBM gives none."""
    level = LEVELS.get(design)
    if level is None:
        return NOT_SPECIFIED
    number, name = level
    if design in (d.SR, d.SR_MA, d.MA) and one_study(text):
        return (
            "Level 2 (systematic review of one randomised trial)"
            if _RANDOMISED.search(_randomised_only(text))
            else NOT_SPECIFIED
        )
    if (
        design in (d.SR, d.SR_MA)
        and _NON_RANDOMISED_STUDIES.search(text)
        and not _RANDOMISED_NAMED.search(_randomised_only(text))
    ):
        return "Level 3 (systematic review of non-randomised studies)"
    if design in (d.SR, d.SR_MA) and _SENSITIVITY.search(text) and _SPECIFICITY.search(text):
        name = "systematic review of diagnostic accuracy studies"
    elif design in (d.SR, d.SR_MA) and _TRIALS.search(_randomised_only(text)):
        name = "systematic review of trials"
    return f"Level {number} ({name})"


def evidence_fact(design: Fact, text: str = "") -> Fact:
    """Evidence level as a Fact that shares the design's span; ``text`` is the abstract."""
    label = evidence_label(design.value, text)
    if label == NOT_SPECIFIED:
        return Fact(NOT_SPECIFIED, None, {"design": design.value, "scale": "OCEBM 2011"})
    return Fact(label, design.span, {"design": design.value, "scale": "OCEBM 2011"})
