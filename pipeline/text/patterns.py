"""Regular expressions built for speed, with the matches of the patterns they are made from.

Python's ``re`` has no literal prefix to scan for in a pattern that opens with ``\\b``, so it tries
every branch of an alternation at every position of the text: 26 phrases joined as
``(?i:\\bin order to\\b)|(?i:\\bprior to\\b)|...`` cost 26 tries per character. With the word
boundary tested once for a run of such branches (``\\b(?:(?i:in order to\\b)|(?i:prior to\\b)|...)``)
a position inside a word (most) fails at once; at a boundary the branches are tried in the same
order as before, so the same match is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BOUNDARY = r"\b"


def _flags(pattern: re.Pattern[str]) -> str:
    """The inline flags that give ``pattern``'s own flags inside a group of another pattern."""
    if pattern.flags & re.VERBOSE:  # its spaces and comments would be read as pattern text
        raise ValueError(f"verbose pattern {pattern.pattern!r} cannot be joined")
    return "".join(
        letter
        for flag, letter in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
        if pattern.flags & flag
    )


def branches(pattern: str) -> list[str]:
    """``pattern``'s top-level alternatives (split at each ``|`` outside every group and class)."""
    out: list[str] = []
    depth, i, start, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": a first "]" is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where the first of ``patterns`` to match does (their alternation,
    each with its own flags), a run of them that opens with ``\\b`` testing the boundary once.

    For a test of whether any matches (``search``): the patterns must not use backreferences or
    named groups, since they are joined into one."""
    out: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            out.append(_BOUNDARY + "(?:" + "|".join(run) + ")")
            run.clear()

    for pattern in patterns:
        flags = _flags(pattern)
        for branch in branches(pattern.pattern):  # "A|B|C" tried as A, then B, then C
            if branch.startswith(_BOUNDARY):
                run.append(f"(?{flags}:{branch[len(_BOUNDARY) :]})")
                continue
            close_run()
            out.append(f"(?{flags}:{branch})")
    close_run()
    return re.compile("|".join(out))
