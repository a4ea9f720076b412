"""Section roles: what an abstract section label says about the text under it.

One table for the whole project: the fact extractors (enrich) read ``section_role`` and the
drafter reads ``section_kind``, its coarser view (five kinds) of the same role.
"""

from __future__ import annotations

import re
from typing import Literal

TITLE = "title"
METHODS = "methods"
RESULTS = "results"
CASE = "case"
UNLABELLED = "unlabelled"
BACKGROUND = "background"
CONCLUSIONS = "conclusions"
OTHER = "other"
SKIP = "skip"

# First matching rule wins, so "Methods/Design" is methods and "Results and conclusion" results.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (SKIP, re.compile(r"registration|funding|keyword|abbreviation|trial number|clinicaltrials", re.I)),
    (CASE, re.compile(r"\bcase", re.I)),
    (
        METHODS,
        re.compile(
            r"method|design|patient|participant|subjects|setting|material|population|intervention|"
            r"measure|data description|description|search|selection|data collection|sample",
            re.I,
        ),
    ),
    (RESULTS, re.compile(r"result|finding|outcome", re.I)),
    (
        CONCLUSIONS,
        re.compile(
            r"conclu|discussion|interpretation|limitation|implication|final consideration|summary", re.I
        ),
    ),
    (
        BACKGROUND,
        re.compile(
            r"background|introduc|objective|aim|purpose|context|rationale|importance|hypothes|question", re.I
        ),
    ),
)


def section_role(label: str | None) -> str:
    """Map a section label (None for an unstructured abstract) to a role name."""
    if label is None or not label.strip():
        return UNLABELLED
    for role, pattern in _RULES:
        if pattern.search(label):
            return role
    return OTHER


Kind = Literal["background", "methods", "results", "conclusions", "other"]

# The drafter's five kinds: a case presentation is read as methods, a skipped section as other.
_KIND_OF_ROLE: dict[str, Kind] = {
    METHODS: "methods",
    CASE: "methods",
    RESULTS: "results",
    CONCLUSIONS: "conclusions",
    BACKGROUND: "background",
    TITLE: "background",
}


def section_kind(label: str | None) -> Kind | None:
    """Kind of a labelled section; None for an unlabelled one (decided per sentence)."""
    role = section_role(label)
    if role == UNLABELLED:
        return None
    return _KIND_OF_ROLE.get(role, "other")
