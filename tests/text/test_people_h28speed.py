"""Round 28 (h28speed, code debt): one list of the nouns that say who took part (pipeline.text.people),
read by the review plan, the people tails and the result test, each through its own subset."""

from __future__ import annotations

import re

from pipeline.draft.composer import plan, shorten
from pipeline.text import people, results


def test_every_use_reads_the_one_list() -> None:
    assert set(people.COUNTED) | set(people.IN_TAILS) | set(people.IN_EVENTS) <= set(people.PEOPLE_NOUNS)
    assert set(people.KINDS) <= set(people.COUNTED) and set(people.IN_BRACKETS) <= set(people.KINDS)
    assert shorten.PEOPLE_NOUNS.pattern == people.alternation(people.IN_TAILS)
    assert results._PEOPLE == people.alternation(people.IN_EVENTS)
    assert people.alternation(people.IN_BRACKETS) in plan._BRACKET_PEOPLE_STUDIES.pattern
    assert people.alternation((*people.COUNTED, "pregnant women")) in plan._PEOPLE.pattern
    assert {k: v for k, v in plan._KIND_NOUN.items() if k != "pregnancies"} == people.PLAIN_KIND
    # no noun starts another, so a group's order never changes a match
    assert not [
        (a, b) for a in people.PEOPLE_NOUNS for b in people.PEOPLE_NOUNS if a != b and b.startswith(a)
    ]


def test_the_uses_still_differ_where_they_did() -> None:
    # cochrane CD001071: "746 preterm infants" are babies, a count and a kind
    m = plan._PEOPLE_KIND.search("Five trials involving 746 preterm infants were included.")
    assert m and plan._KIND_NOUN[m.group("noun").lower()] == "babies"
    # eLife.04490's individual plants: "individuals" is never a people tail, but counts in a review
    assert not shorten.PEOPLE_NOUNS.fullmatch("individuals")
    assert plan._PEOPLE.search("The review included 3 studies with 120 individuals.")
    # shorten's "in veterans" tail is a tail only: a review does not count veterans as its people
    assert shorten.PEOPLE_NOUNS.fullmatch("Veterans") and not plan._PEOPLE.search("with 120 veterans")
    # cochrane CD007137.pub5: an outcome's bracket that counts every study and its people
    bracket = "(typical RR 0.65, 95% CI 0.5 to 0.8; six studies, 1041 participants; low-quality evidence)"
    assert plan._BRACKET_PEOPLE_STUDIES.search(bracket.replace("six", "6"))
    # results: "3 of 40 women had ..." counts events in people; "subjects" are not among them
    assert re.search(results._PEOPLE, "women") and not re.fullmatch(results._PEOPLE, "subjects")
