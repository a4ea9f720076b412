"""Word-level diff of the current text against the model's draft, as escaped HTML (<ins>/<del>):
inline (one text with both) or side by side (the old text with <del>, the new with <ins>)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from pipeline.domain import DraftFields

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldDiff:
    field: str
    html: Markup
    changed: bool
    old_html: Markup = Markup("")
    new_html: Markup = Markup("")


def words(text: str) -> list[str]:
    """Words and the whitespace between them (joined back they give ``text``)."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> Markup:
    """``new`` with inserted words in <ins> and removed ones in <del>; every piece escaped."""
    a, b = words(old), words(new)
    out: list[Markup] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(Markup("<del>{}</del>").format("".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(Markup("<ins>{}</ins>").format("".join(b[j1:j2])))
    return Markup("").join(out)


def split_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """``old`` with removed words in <del>, ``new`` with inserted words in <ins> (side by side)."""
    a, b = words(old), words(new)
    left: list[Markup] = []
    right: list[Markup] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(escape("".join(a[i1:i2])))
            right.append(escape("".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(Markup("<del>{}</del>").format("".join(a[i1:i2])))
        if j2 > j1:
            right.append(Markup("<ins>{}</ins>").format("".join(b[j1:j2])))
    return Markup("").join(left), Markup("").join(right)


def diff_texts(f: DraftFields) -> dict[str, str]:
    """Each field as one text for diffing; list items on their own lines, facts included."""
    return {
        "simple_explanation": f.simple_explanation,
        "key_findings": "\n".join(f.key_findings),
        "research_summary": f.research_summary,
        "practical_implications": "\n".join(f"{p.title}: {p.text}" for p in f.practical_implications),
        "limitations": "\n".join(f.limitations),
        "participants": f.participants,
        "study_duration": f.study_duration,
        "evidence_level": f.evidence_level,
        "categories": ", ".join(f.categories),
    }


def field_diffs(model: DraftFields, current: DraftFields) -> list[FieldDiff]:
    old, new = diff_texts(model), diff_texts(current)
    return [
        FieldDiff(
            name, word_diff(old[name], new[name]), old[name] != new[name], *split_diff(old[name], new[name])
        )
        for name in new
    ]
