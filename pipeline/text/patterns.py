"""Regular expressions built for speed, with the matches of the patterns they are made from.

Python's ``re`` has no literal prefix to scan for in a pattern that opens with ``\\b``, so it tries
every branch of an alternation at every position of the text: 26 phrases joined as
``(?i:\\bin order to\\b)|(?i:\\bprior to\\b)|...`` cost 26 tries per character. With the word
boundary tested once for a run of such branches (``\\b(?:(?i:in order to\\b)|(?i:prior to\\b)|...)``)
a position inside a word (most) fails at once; at a boundary the branches are tried in the same
order as before, so the same match is found.

Under ``re.IGNORECASE`` ``re`` cannot skip an alternative by its first character either (it does so
for case-sensitive literals and sets only), so at each word boundary it tries every word of
``\\b(?:further|more|future|...)``. ``gated`` adds before such a group a lookahead of the characters
a match can begin with (``\\b(?=(?i:[fm...]))(?:further|more|...)``): one test where there were as many
as the group has words. The lookahead is read off the parsed pattern and holds wherever the group
can match (each letter under the same case flag as in the group, so ``re`` folds both alike: ``K``
KELVIN SIGN for ``k``, ``ſ`` long s for ``s``); a position where it fails is one where the group fails,
so every search, match and group is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

try:  # re's own parser, a private module (Python 3.11+): what a pattern will match
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without it: nothing is gated (see _parser_reads)
    sre = sre_parse = None

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


def _tokens(pattern: str) -> Iterator[tuple[int, str]]:
    """``pattern``'s tokens with their positions: an escape (``\\b``), a whole character class
    (``[^.;]``, where ``|``, ``(`` and ``\\b`` mean other things), or one character."""
    i = 0
    while i < len(pattern):
        start = i
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":  # "[]...]": a first "]" is a member
                i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
        else:
            i += 1
        yield start, pattern[start:i]


def branches(pattern: str) -> list[str]:
    """``pattern``'s top-level alternatives (split at each ``|`` outside every group and class)."""
    out: list[str] = []
    depth, start = 0, 0
    for i, token in _tokens(pattern):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
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
    return gated(re.compile("|".join(out)))


# What may come first in a match, for a gate: classes a first character is in, or the text's start.
_CATEGORIES = {
    getattr(sre, f"CATEGORY_{name}", None): chars
    for name, chars in (
        ("DIGIT", r"\d"),
        ("NOT_DIGIT", r"\D"),
        ("SPACE", r"\s"),
        ("NOT_SPACE", r"\S"),
        ("WORD", r"\w"),
        ("NOT_WORD", r"\W"),
    )
}
_WIDTHS = {r"\d": 10, r"\s": 6}  # a gate with \w, \W, \S or \D in it would let most characters through
_MOST_CHARACTERS = 20  # a gate that lets more through saves less than it costs (measured)
_FEWEST_ALTERNATIVES = 3  # before one or two, the gate's own test costs about what it saves (measured)
_Parsed = list[tuple[Any, Any]]  # re's parse of a pattern: (opcode, argument) pairs
_ZERO_WIDTH = tuple(getattr(sre, name, None) for name in ("AT", "ASSERT", "ASSERT_NOT"))
_REPEATS = tuple(getattr(sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
# Each gated pattern's original, for the tests that compare them and bench/draft.py's A/B.
UNGATED: dict[re.Pattern[str], re.Pattern[str]] = {}
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


class _Unread(Exception):
    """A construct whose first character is not worked out (``.``, ``[^...]``, a backreference)."""


@dataclass
class _Openings:
    """Where a match can begin: at the text's start (``^`` without MULTILINE), or on a character of
    one of ``chars``' class members, keyed by (after a word boundary, under ``re.IGNORECASE``)."""

    at_start: bool = False
    chars: dict[tuple[bool, bool], set[str]] = field(default_factory=dict)

    def add(self, bounded: bool, caseless: bool, members: Iterable[str]) -> None:
        if caseless:  # one case of an ASCII letter stands for all that re folds to it
            members = (m.lower() if len(m) == 1 else m for m in members)
        self.chars.setdefault((bounded, caseless), set()).update(members)

    def lookahead(self, *, bounded: bool) -> str | None:
        """A zero-width test that holds wherever such a match can begin (``bounded``: where a word
        boundary is known to hold); None where it would let most characters through."""
        if not any(caseless for _, caseless in self.chars):
            return None  # re skips a case-sensitive alternative by its first character itself
        if sum(_width(m) for ms in self.chars.values() for m in ms) > _MOST_CHARACTERS:
            return None
        tests = [r"\A"] if self.at_start else []
        for after_boundary in (True, False) if not bounded else (None,):
            classes = [
                f"(?{'i' if caseless else '-i'}:[{''.join(sorted(members))}])"
                for (boundary, caseless), members in sorted(self.chars.items())
                if after_boundary is None or boundary == after_boundary
            ]
            if classes:
                tests.append(("\\b" if after_boundary else "") + "(?=" + "|".join(classes) + ")")
        if not tests:
            return None
        return tests[0] if len(tests) == 1 else "(?:" + "|".join(tests) + ")"


def _width(member: str) -> int:
    """How many characters a class member stands for (a letter under IGNORECASE counted once)."""
    if "-" in member:
        low, high = (ord(m) if len(m) == 1 else int(m[2:], 16) for m in member.split("-"))
        return high - low + 1
    if member.startswith("\\") and len(member) == 2:
        return _WIDTHS.get(member, _MOST_CHARACTERS + 1)
    return 1


def _member(code: int) -> str:
    """One character as a class member: ASCII letters and digits as they are, others escaped."""
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _class_members(items: _Parsed) -> list[str]:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_member(av))
        elif op is sre.RANGE:
            low, high = av
            out.append(f"{_member(low)}-{_member(high)}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE ("[^...]") and the rest
            raise _Unread(op)
    return out


def _openings(seq: _Parsed, flags: int, bounded: bool, out: _Openings) -> bool:
    """Add to ``out`` where a match of the parsed ``seq`` can begin (``bounded``: a word boundary
    tested there already); True if it can match the empty string (then what follows it can begin the
    match too)."""
    for op, av in seq:
        if op is sre.LITERAL:
            out.add(bounded, bool(flags & re.I), [_member(av)])
            return False
        if op is sre.IN:
            out.add(bounded, bool(flags & re.I), _class_members(av))
            return False
        if op is sre.AT and av in (sre.AT_BEGINNING_STRING, sre.AT_BEGINNING) and not flags & re.M:
            out.at_start = True
            return False
        if op is sre.AT and av is sre.AT_BOUNDARY:
            bounded = True
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre.SUBPATTERN:
            _, add_flags, del_flags, body = av
            if not _openings(body, (flags | add_flags) & ~del_flags, bounded, out):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _openings(av, flags, bounded, out):
                return False
        elif op is sre.BRANCH:
            empty = [_openings(alternative, flags, bounded, out) for alternative in av[1]]
            if not any(empty):
                return False
        elif op in _REPEATS:
            least, _, body = av
            if not _openings(body, flags, bounded, out) and least > 0:
                return False
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS
            raise _Unread(op)
    return True


def _gate(text: str, flags: int, *, after_boundary: bool) -> str | None:
    """The zero-width test that holds wherever ``text`` (a regular expression under ``flags``) can
    match; None where it cannot be read or would let most characters through, and ``after_boundary``
    (a word boundary tested just before) where the match opens with one character test already."""
    try:
        seq = sre_parse.parse(text, flags)
        out = _Openings()
        if _openings(seq, flags, after_boundary, out):
            return None  # it can match the empty string
    except (_Unread, re.error):  # a backreference to a group before ``text``, ...
        return None
    if after_boundary and _alternatives(seq) < _FEWEST_ALTERNATIVES:
        return None
    return out.lookahead(bounded=after_boundary)


def _alternatives(seq: _Parsed) -> int:
    """How many alternatives the parsed ``seq`` opens with (1 for a character or anything else)."""
    for op, av in seq:
        if op is sre.BRANCH:
            return len(av[1])
        if op is sre.SUBPATTERN:
            return _alternatives(av[3])
        if op not in _ZERO_WIDTH:
            return 1
    return 1


def _alternative_end(pattern: str, start: int) -> int:
    """Where the alternative that goes on at ``start`` ends: its ``|``, its group's ``)`` or the end."""
    depth = 0
    for i, token in _tokens(pattern[start:]):
        if token == "(":
            depth += 1
        elif token == ")" or (token == "|" and depth == 0):
            if depth == 0:
                return start + i
            depth -= 1
    return len(pattern)


def compile_gated(text: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)``, gated (the same matches, found with fewer tries)."""
    return gated(re.compile(text, flags))


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of the characters a match can begin with after each word
    boundary that opens alternatives (``\\b(?:may|might|...)``) and, for a pattern of several
    alternatives, before them all; each lookahead holds wherever what follows it can match, so the
    matches and their groups are ``pattern``'s. A verbose pattern is returned as it is, and so is
    every pattern where ``re``'s private parser is missing or reads otherwise (:func:`_parser_reads`)."""
    text, flags = pattern.pattern, pattern.flags
    # (a verbose pattern's spaces and comments would be read as pattern text)
    if flags & re.VERBOSE or not _parser_reads():
        return pattern
    body = _gated_text(text, flags)
    if body == text:
        return pattern
    faster = re.compile(body, flags)
    UNGATED[faster] = pattern
    return faster


def _gated_text(text: str, flags: int) -> str:
    """The text of :func:`gated`'s pattern for the pattern ``text`` under ``flags``."""
    out, last = [], 0
    for i, token in _tokens(text):
        if token == _BOUNDARY and not text.startswith("(?=", i + len(token)):  # not gated already
            after = i + len(token)
            gate = _gate(text[after : _alternative_end(text, after)], flags, after_boundary=True)
            if gate is not None:
                out += [text[last:after], gate]
                last = after
    body = "".join(out) + text[last:]
    several = len(branches(text)) >= _FEWEST_ALTERNATIVES
    whole = _gate(text, flags, after_boundary=False) if several else None
    if whole is not None:
        inline = _GLOBAL_FLAGS.match(body)  # "(?i)" must stay first
        cut = inline.end() if inline else 0
        body = f"{body[:cut]}{whole}(?:{body[cut:]})"
    return body


# Patterns with each construct _openings reads (a literal; a class with a range; \d; a group with
# its own case flag; nested and top-level alternatives; optional parts; ^ and \b), and the gated
# text written for them with re's parser of Python 3.11 to 3.13.
_KNOWN_GATES = (
    (
        r"^(?:further|more)|\bno(?:ne)?\b|\b(?-i:[A-C])\d|(?:\d+\s)?trials?",
        re.IGNORECASE,
        r"(?:\A|\b(?=(?-i:[A-C])|(?i:[n]))|(?=(?i:[\dt])))"
        r"(?:^(?:further|more)|\bno(?:ne)?\b|\b(?-i:[A-C])\d|(?:\d+\s)?trials?)",
    ),
    (
        r"\b(?:[Ss]tud(?:y|ies)|(?i:trials?)|\d+ reviews?)",
        0,
        r"\b(?=(?-i:[S\ds])|(?i:[t]))(?:[Ss]tud(?:y|ies)|(?i:trials?)|\d+ reviews?)",
    ),
)


@lru_cache(maxsize=1)
def _parser_reads() -> bool:
    """``re``'s private parser is there and parses as :func:`_openings` reads it: each of
    ``_KNOWN_GATES`` gets the gate recorded for it. Where not (a Python that moved the module or
    changed the shape of its parse), :func:`gated` gates nothing: slower searches, the same matches."""
    if sre_parse is None:
        return False
    try:
        return all(_gated_text(text, flags) == known for text, flags, known in _KNOWN_GATES)
    except Exception:  # noqa: BLE001 - a parse of another shape, read wrongly: no gate anywhere
        return False
