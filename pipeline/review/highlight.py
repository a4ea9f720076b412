"""Safe server-side highlighting: escape the text, then wrap flagged character ranges in <mark>.

Offsets always refer to the *unescaped* text, so escaping and marking happen together, segment
by segment; no text from the store ever reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pipeline.score.base import severity_of

SEVERITIES = ("note", "warning", "error")  # least serious first: the top mark of an overlap wins


def severity_class(severity: object) -> str:
    """The flag severity (pipeline.score.base.severity_of: a stored "info" is a note, unknown
    values count as warnings), used as a CSS class suffix."""
    return severity_of({"severity": severity})


@dataclass(frozen=True)
class Mark:
    """Highlight ``text[start:end]`` for flag ``flag_id`` with ``severity``; ``reason`` is the tooltip."""

    start: int
    end: int
    severity: str
    flag_id: int
    reason: str = ""

    @property
    def rank(self) -> int:
        return SEVERITIES.index(severity_class(self.severity))


def clip(marks: list[Mark], length: int) -> list[Mark]:
    """Marks limited to ``[0, length]``; empty or inverted ranges are dropped."""
    out = []
    for m in marks:
        start, end = max(0, m.start), min(length, m.end)
        if start < end:
            out.append(Mark(start, end, m.severity, m.flag_id, m.reason))
    return out


def _boundaries(marks: list[Mark], length: int) -> list[int]:
    points = {0, length}
    for m in marks:
        points.update((m.start, m.end))
    return sorted(points)


def _wrap(segment: str, covering: list[Mark]) -> Markup:
    if not covering:
        return escape(segment)
    top = max(covering, key=lambda m: (m.rank, -m.flag_id))
    ids = " ".join(f"flag-{m.flag_id}" for m in sorted(covering, key=lambda m: m.flag_id))
    title = "; ".join(dict.fromkeys(m.reason for m in covering if m.reason))
    return Markup('<mark class="sev-{}" data-flags="{}" title="{}">{}</mark>').format(
        severity_class(top.severity), ids, title, segment
    )


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each covered range in a <mark>; overlaps show the most severe flag."""
    marks = clip(marks, len(text))
    if not marks:
        return escape(text)
    points = _boundaries(marks, len(text))
    parts = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        parts.append(_wrap(text[start:end], covering))
    return Markup("").join(parts)


def shift(marks: list[Mark], offset: int) -> list[Mark]:
    """Marks moved by ``-offset``: map offsets in a joined text onto one of its parts."""
    return [Mark(m.start - offset, m.end - offset, m.severity, m.flag_id, m.reason) for m in marks]
