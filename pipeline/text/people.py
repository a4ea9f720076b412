"""The plural nouns that say who took part ("120 participants", "in adults", "3 of 40 women"): one list
for every rule that reads them.

28 (h28speed, code debt): the composer's review plan (counts of people, who they were, a result's
bracket of studies and people), its people tails (shorten) and the result test (results) each kept a
list of its own, the same core with different edges. ``PEOPLE_NOUNS`` is the one list; each use reads
a subset of it, named below with why it is narrower, and :func:`alternation` makes its pattern.
"""

from __future__ import annotations

from collections.abc import Iterable

# Every noun, the core first (those a review's result bracket counts, ``IN_BRACKETS``).
PEOPLE_NOUNS: tuple[str, ...] = (
    "participants", "patients", "people", "women", "men", "children", "infants", "adults", "babies",
    "neonates", "subjects",
    "individuals", "newborns", "mothers", "smokers", "persons", "adolescents", "volunteers", "residents",
    "girls", "boys", "couples", "families", "carers", "caregivers",
    "teenagers", "survivors", "users", "drinkers", "workers", "students", "athletes", "veterans",
    "inpatients", "outpatients",
)  # fmt: skip

# Who a claim's tail names (shorten.split_people_tail), never a review's count: the plan does not count them.
_TAIL_ONLY = frozenset(
    "teenagers survivors users drinkers workers students athletes veterans inpatients outpatients".split()
)

# A count of people in a review's sentences (plan: "120 participants", "(N = 26,795) in ... adults").
COUNTED: tuple[str, ...] = tuple(n for n in PEOPLE_NOUNS if n not in _TAIL_ONLY)

# A count said with who they were (plan's people kind): not the groups (couples, families), residents
# or carers, whose count is of people the review did not treat.
KINDS: tuple[str, ...] = tuple(
    n for n in COUNTED if n not in {"residents", "couples", "families", "carers", "caregivers"}
)

# What a page says for a kind: patients, participants and the like are "people"
PLAIN_KIND: dict[str, str] = {
    **{n: n for n in KINDS},
    "participants": "people", "patients": "people", "subjects": "people", "individuals": "people",
    "persons": "people", "volunteers": "people", "infants": "babies", "newborns": "newborn babies",
    "neonates": "newborn babies", "adolescents": "teenagers",
}  # fmt: skip

# A result's bracket that counts a review's studies and people ("six studies, 1041 participants").
IN_BRACKETS: tuple[str, ...] = PEOPLE_NOUNS[:11]

# People a claim is limited to in its tail ("... in adults"): never "individuals" or "subjects"
# (eLife.04490's individual plants), nor volunteers or the groups.
IN_TAILS: tuple[str, ...] = tuple(
    n for n in PEOPLE_NOUNS if n not in {"subjects", "individuals", "volunteers", "couples", "families"}
)

# The people of a count of events (results: "3 of 40 women had ..."): the core without the clinical
# words (neonates, subjects), with girls, boys and mothers.
IN_EVENTS: tuple[str, ...] = tuple(
    n for n in PEOPLE_NOUNS if n in IN_BRACKETS[:9] or n in {"girls", "boys", "mothers"}
)


def alternation(nouns: Iterable[str]) -> str:
    """``nouns`` as one group of a pattern, "(?:a|b|...)". No noun is another's start, so the order
    never changes what a pattern with a word boundary after the group matches."""
    return "(?:" + "|".join(nouns) + ")"
