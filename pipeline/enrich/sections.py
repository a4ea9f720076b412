"""Section roles: what an abstract section label says about the text under it."""

from __future__ import annotations

import re

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
    (SKIP, re.compile(r"registration|funding|keyword|abbreviation|trial number", re.I)),
    (CASE, re.compile(r"\bcase", re.I)),
    (METHODS, re.compile(r"method|design|patients|participants|subjects|setting|material|population", re.I)),
    (RESULTS, re.compile(r"result|finding|outcome", re.I)),
    (CONCLUSIONS, re.compile(r"conclu|discussion|interpretation|limitation|implication", re.I)),
    (BACKGROUND, re.compile(r"background|introduction|objective|aim|purpose|context|rationale", re.I)),
)


def section_role(label: str | None) -> str:
    """Map a section label (None for an unstructured abstract) to a role name."""
    if label is None or not label.strip():
        return UNLABELLED
    for role, pattern in _RULES:
        if pattern.search(label):
            return role
    return OTHER
