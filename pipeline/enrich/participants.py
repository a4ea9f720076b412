"""Participants: a count and who they were, read from the dependency parse.

A candidate is a noun for people ("patients", "women", "community-ambulators") with a number
as its ``nummod``; the phrase runs from the number to the noun, plus a following "with ..."
modifier ("101 consecutive patients with hip ..."). The number is copied exactly as written.
Candidates are ranked by section (Methods first), by whether an enrolment verb governs them
("included", "recruited", "randomised") and by how sure we are the noun means people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.domain import NOT_SPECIFIED, Fact, Span
from pipeline.text import roles
from pipeline.text.counts import part_of_whole

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PEOPLE = frozenset(
    "patient participant subject individual person people volunteer woman man child adult adolescent "
    "infant neonate newborn girl boy student worker employee nurse physician doctor clinician surgeon "
    "pharmacist therapist resident respondent informant interviewee smoker user survivor veteran athlete "
    "player soldier member mother father parent caregiver carer family couple twin case control inpatient "
    "outpatient trialist youth teenager pupil staff recipient donor client ambulator amputee female male "
    "sibling proband dyad stakeholder manager practitioner dentist midwife elderly participants patients "
    "paraplegic tetraplegic quadriplegic pregnancy household".split()
)
# Nouns that a number + enrolment verb can still attach to without meaning people.
NOT_PEOPLE = frozenset(
    "study trial item citation record article paper publication document questionnaire sample specimen "
    "gene variant protein cell tissue year month week day hour minute time point site centre center "
    "hospital unit practice country region database dataset survey interview session visit measurement "
    "test tooth teeth eye limb image scan procedure operation resection dose factor predictor indicator "
    "marker parameter type theme domain stage protocol analysis group arm method tool model feature "
    # lab and field nouns with a people-like ending (-ants, -ents, -ers, -ors, -ives)
    "transformant mutant recombinant plant explant implant determinant pollutant reactant antioxidant "
    "element event segment fragment component constituent experiment treatment supplement "
    "instrument promoter cluster primer biomarker layer filter chamber buffer computer caller container "
    "linker identifier adapter inhibitor receptor regulator vector sensor activator transporter "
    "derivative alternative additive "
    # units of a person, or of a lab sample, that an abstract counts as it counts people: "12
    # different pharmaceutical agents" (cochrane CD001770.pub3), "1675 tumors" (elife 02935), "Mcm2-7
    # double hexamers" (elife 03273); "1,200 eyes of 640 people": the people are 640
    "agent tumor tumour lesion cycle episode wound ulcer embryo oocyte "
    "monomer dimer trimer tetramer pentamer hexamer heptamer octamer oligomer multimer polymer".split()
)
# People nouns that name people only where an enrolment verb governs them: "Two members of the
# pickpocket family of DEG/ENaC channel subunits" (elife 04205), "51 proteins in 12 families" (elife
# 03275), "the seven most threatened families are rays" (elife 00590), "276 I. persulcatus ticks (136
# males, 126 females and 14 nymphs)" (bmc s13071-019-3813-0), "Two experimental cases were used to
# demonstrate the capability of the method" (bmc s13036-015-0021-0); "eleven lung cancer cases" who
# were enrolled (bmc s12885-019-6313-x) are people
WEAK_PEOPLE = frozenset("family member male female case".split())
# A count of studies read onto a people noun by the parse: "one trial randomizing individuals"
# (cochrane CD003755.pub2) counts a trial
_STUDY_NOUNS = frozenset("trial study rct".split())
ENROL_VERBS = frozenset(
    "include enrol enroll recruit randomise randomize assign allocate participate interview study "
    "evaluate examine assess analyse analyze review undergo receive complete identify survey treat "
    "follow select screen divide comprise involve consist enter register sample contact".split()
)
ROLE_WEIGHTS = {
    roles.METHODS: 3.0,
    roles.RESULTS: 2.5,
    roles.CASE: 2.5,
    roles.UNLABELLED: 2.0,
    roles.OTHER: 1.5,
    roles.CONCLUSIONS: 0.5,
    roles.BACKGROUND: 0.3,
}
MAX_PHRASE_TOKENS = 16
_PERSON_SUFFIXES = ("ers", "ors", "ists", "ants", "ents", "ees", "ians", "ives")
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "old"})
_STOP_PHRASE = frozenset({",", ";", ":", "(", ")", "[", "]", "who", "which", "that"})

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i > 1
}
_DIGITS = re.compile(r"^\d{1,3}(?:[,\u2009\u202f]\d{3})+$|^\d+$")
_SPACED = re.compile(r"^\d{1,3}(?: \d{3})+$")
_AGE = re.compile(
    r"\b[Aa]n?\s+\d{1,3}[- ](?:year|month|week|day)s?[- ]old\s+(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:man|woman|male|female|boy|girl|patient|child|infant|lady|gentleman|neonate)\b"
)


@dataclass(frozen=True)
class Candidate:
    """A participants phrase with its count, place and score."""

    count: int
    section: int
    start: int
    end: int
    text: str
    score: float


def words_to_int(words: list[str]) -> int | None:
    """Parse an English number in words ("one hundred eighty-one") to an int."""
    total, current, seen = 0, 0, False
    for raw in words:
        word = raw.lower()
        if word in ("-", "and"):
            continue
        if word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_count(tokens: list[Token]) -> int | None:
    """The integer a run of number tokens stands for (digits with separators, or words)."""
    texts = [t.text for t in tokens]
    if len(texts) == 1 and _DIGITS.match(texts[0]):
        return int(re.sub(r"\D", "", texts[0]))
    if _SPACED.match(" ".join(texts)) and all(not t.whitespace_ or t.whitespace_ == " " for t in tokens[:-1]):
        # a space between thousands, two tokens to the tokenizer: "13 451 participants" (cochrane
        # CD003822.pub2) was no count at all
        return int("".join(texts))
    return words_to_int(texts)


def _number_run(head: Token) -> list[Token] | None:
    """The contiguous number tokens (e.g. 'One hundred eighty - one') modifying ``head``."""
    nums = [t for t in head.subtree if t.i < head.i and t.like_num and t.dep_ in ("nummod", "compound")]
    if not nums:
        return None
    doc = head.doc
    start = end = nums[0].i
    while start > 0 and (
        doc[start - 1].like_num
        or (doc[start - 1].text in ("-", "and") and start > 1 and doc[start - 2].like_num)
    ):
        start -= 1
    while end + 1 < head.i and (doc[end + 1].like_num or doc[end + 1].text in ("-", "and")):
        end += 1
    while doc[end].text in ("-", "and"):
        end -= 1
    run = list(doc[start : end + 1])
    return run if not _is_excluded_number(run) else None


def _interrupted(last: Token, head: Token) -> bool:
    """Punctuation between the number and its noun ('11 (5.9%) patients') breaks the phrase."""
    return any(t.is_punct and t.text not in ("-", "–") for t in last.doc[last.i + 1 : head.i])


def _is_excluded_number(run: list[Token]) -> bool:
    """Years, ages ('70-year-old'), percentages, decimals and ratios are not head counts."""
    last, doc = run[-1], run[-1].doc
    following = [t.lower_ for t in doc[last.i + 1 : last.i + 3]]
    if following and following[0] in ("%", "/", "per", "percent"):
        return True
    if len(following) == 2 and following[0] == "-" and following[1] in _AGE_UNITS:
        return True
    text = run[0].text
    if len(run) == 1 and re.fullmatch(r"(19|20)\d{2}", text):
        return True
    return bool(re.search(r"[./]", text))


def _enrolled(token: Token) -> bool:
    """Whether an enrolment verb ('included', 'recruited', ...) governs ``token``."""
    return any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in ENROL_VERBS for a in token.ancestors)


def _person_like(token: Token) -> bool:
    """A plural noun that names people by its ending (ambulators, informants, trialists)."""
    return token.tag_ in ("NNS", "NNPS") and token.lower_.endswith(_PERSON_SUFFIXES)


def _phrase_end(head: Token) -> int:
    """Index after the phrase: the head noun, or the end of its 'with ...' modifier."""
    end = head.i + 1
    with_pp = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "with"), None)
    if with_pp is None:
        return end
    doc = head.doc
    stop = with_pp.right_edge.i + 1
    for i in range(with_pp.i + 1, stop):
        if doc[i].lower_ in _STOP_PHRASE:
            return i
    return stop


def _one_part(run: list[Token], head: Token) -> bool:
    """A count that is not the whole (one arm, a control group, a bound, one study's size: the
    reading ``pipeline.text.counts`` gives the composer's review size too), read in its sentence."""
    sent = head.sent
    start = run[0].idx - sent.start_char
    end = head.idx + len(head.text) - sent.start_char
    return part_of_whole(sent.text, start, end) is not None


def _candidate(head: Token, section: int, role: str) -> Candidate | None:
    """A participants candidate for a people noun, or None."""
    lemma = head.lemma_.lower()
    core = lemma in PEOPLE or head.lower_ in PEOPLE
    enrolled = _enrolled(head)
    if not core and (not enrolled or lemma in NOT_PEOPLE or not _person_like(head)):
        return None
    if lemma in WEAK_PEOPLE and not enrolled:
        return None
    run = _number_run(head)
    if run is None or _interrupted(run[-1], head) or _one_part(run, head):
        return None
    if any(
        t.lemma_.lower() in _STUDY_NOUNS and not (t.dep_ == "compound" and t.head == head)
        for t in head.doc[run[-1].i + 1 : head.i]
    ):
        return None  # "36,593 study participants" (cochrane CD007651.pub2) are people
    if not enrolled and run[0].i > 0 and head.doc[run[0].i - 1].lower_ == "only":
        # "Only one patient was proposed by the PI, and none by the CRA" (bmc s13063-014-0535-7):
        # a result about a few of them, not who took part ("Only 12 patients were enrolled" is)
        return None
    count = parse_count(run)
    if count is None or count < 1:
        return None
    end = min(_phrase_end(head), run[0].i + MAX_PHRASE_TOKENS)
    span = head.doc[run[0].i : max(end, head.i + 1)]
    score = ROLE_WEIGHTS.get(role, 1.0) + (2.0 if enrolled else 0.0) + (1.5 if core else 0.0)
    return Candidate(count, section, span.start_char, span.end_char, span.text, score)


def _bracketed(head: Token, section: int, role: str) -> Candidate | None:
    """A people noun after its count in brackets: "In-depth interviews were conducted with (n = 18)
    staff" (bmc 10.1186/1745-6215-16-3) is "18 staff", no nummod to the parse."""
    doc, i = head.doc, head.i
    if i < 5 or (head.lemma_.lower() not in PEOPLE and head.lower_ not in PEOPLE):
        return None
    if not (
        doc[i - 1].text == ")"
        and doc[i - 3].text == "="
        and doc[i - 4].lower_ == "n"
        and doc[i - 5].text == "("
        and _DIGITS.match(doc[i - 2].text)
    ):
        return None
    count = int(re.sub(r"\D", "", doc[i - 2].text))
    if count < 1:
        return None
    score = ROLE_WEIGHTS.get(role, 1.0) + (2.0 if _enrolled(head) else 0.0) + 1.5
    return Candidate(
        count, section, doc[i - 5].idx, head.idx + len(head.text), f"{doc[i - 2].text} {head.text}", score
    )


def candidates(doc: Doc, section: int, role: str) -> list[Candidate]:
    """Every participants candidate in one section doc."""
    found = []
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN") and token.tag_ != "NNP":
            cand = _candidate(token, section, role) or _bracketed(token, section, role)
            if cand is not None:
                found.append(cand)
    return found


def _single_case(section_docs: list[tuple[int, str, Doc]]) -> Candidate | None:
    """'A 70-year-old Korean male' in a case report: one participant."""
    for index, role, doc in section_docs:
        if role in (roles.CASE, roles.METHODS, roles.UNLABELLED, roles.RESULTS):
            match = _AGE.search(doc.text)
            if match:
                return Candidate(1, index, match.start(), match.end(), match.group(0), 0.0)
    return None


# "24 non-BC and 25 BC individuals": a first group counted before "and", its noun shared
_COORDINATED = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})*|\d+)((?:\s+[\w-]+){1,3}?)\s+and\s+$")


def _with_coordinated(best: Candidate, doc: Doc) -> Candidate:
    """``best`` with a first group that shares its noun ("24 non-BC and 25 BC individuals" is 49
    people): the number before "and" counts only when the words between it and "and" are nouns or
    adjectives (no verb: "3 patients died and 5 patients ..." is no group list)."""
    before = doc.text[max(0, best.start - 60) : best.start]
    m = _COORDINATED.search(before)
    if m is None:
        return best
    start = best.start - len(before) + m.start()
    words = doc.char_span(
        start + len(m.group(1)), best.start - len(before) + m.end(2), alignment_mode="expand"
    )
    if words is None or any(
        t.pos_ in ("VERB", "AUX", "ADP", "NUM")
        or t.tag_ in ("NNS", "NNPS")
        or t.lemma_.lower() in PEOPLE | NOT_PEOPLE
        for t in words
    ):
        return best  # "120 children and 80 adults", "15 studies and 1,414 patients": each has its noun
    first = int(m.group(1).replace(",", ""))
    text = doc.text[start : best.end]
    return Candidate(best.count + first, best.section, start, best.end, text, best.score)


# 23 (h23bmc): "blood samples from 82 stroke patients and 68 controls" (bmc s12920-019-0566-8) is 150
# people, the page said "82 stroke patients": a second group of people counted right after "and"
_FOLLOWING = re.compile(r"^\s+and\s+(\d{1,3}(?:,\d{3})*|\d+)((?:\s+[a-z-]+){0,2}?\s+([a-z]+))(?=[\s,.;)])")


def _with_following(best: Candidate, doc: Doc) -> Candidate:
    """``best`` with a second group of people counted after it ("82 stroke patients and 68
    controls"): only a plural people noun ("controls", "healthy volunteers"), never a part of the
    whole ("and 20 of them") nor a thing ("and 12 months")."""
    m = _FOLLOWING.match(doc.text[best.end : best.end + 60])
    if m is None:
        return best
    noun = m.group(3)
    if not noun.endswith("s") or noun.rstrip("s") not in PEOPLE and noun not in PEOPLE:
        return best
    end = best.end + m.end()
    if part_of_whole(doc.text, best.end + m.start(1), end) is not None:
        return best
    count = int(m.group(1).replace(",", ""))
    return Candidate(
        best.count + count, best.section, best.start, end, doc.text[best.start : end], best.score
    )


def participants_fact(
    section_docs: list[tuple[int, str, Doc]], single_case: bool = False
) -> tuple[Fact, int | None]:
    """The best participants phrase as a Fact, with its count (NOT_SPECIFIED, None when absent)."""
    found = [c for index, role, doc in section_docs for c in candidates(doc, index, role)]
    best = min(found, key=lambda c: (-c.score, c.section, c.start), default=None)
    if best is None and single_case:
        best = _single_case(section_docs)
    if best is None:
        return Fact(NOT_SPECIFIED, None, {}), None
    docs = {index: doc for index, _, doc in section_docs}
    if best.section in docs:
        best = _with_following(_with_coordinated(best, docs[best.section]), docs[best.section])
    span = Span(best.section, best.start, best.end, best.text)
    return Fact(best.text, span, {"count": best.count, "score": best.score}), best.count
