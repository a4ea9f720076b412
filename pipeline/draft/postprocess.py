"""Turn generated model text into draft fields: paragraphs, lists and titled points.

Models write lists in many shapes (bullets, "1." / "(2)" numbering, one item per line, items
separated by semicolons, or plain sentences). T5's SentencePiece vocabulary has no newline, so
one-line outputs are the common case and every shape is accepted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.domain import PracticalPoint

# Sentencepiece/BPE leftovers a random or weak model can emit.
_ARTIFACTS = re.compile(r"<(?:pad|unk|s|/s|mask|extra_id_\d+)>")
_WS = re.compile(r"[ \t\f\v]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_BULLET_LINE = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s))\s*")
# Inline numbering: "1. a 2. b", "(1) a (2) b", "1) a 2) b" (a number followed by . or ) and a space).
_INLINE_NUMBER = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]\s+")
_INLINE_BULLET = re.compile(r"\s+[\u2022*]\s+|\s+-\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_TITLED = re.compile(r"^\s*\**(?P<title>[^:.!?]{2,60}?)\**\s*[:\u2013\u2014]\s+(?P<text>\S.*)$", re.S)
_MIN_ITEM_CHARS = 3
_TITLE_WORDS = 6


def clean_text(text: str) -> str:
    """Drop special-token leftovers, collapse spaces, tidy spacing around punctuation."""
    text = _ARTIFACTS.sub(" ", text)
    lines = [_WS.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip()


def to_paragraph(text: str) -> str:
    """One paragraph: list items are joined as sentences."""
    items = split_items(text)
    if len(items) <= 1:
        return clean_text(text).replace("\n", " ")
    return " ".join(_as_sentence(item) for item in items)


def split_items(text: str) -> list[str]:
    """Split model output into list items (bullets, numbering, lines, semicolons, sentences)."""
    text = clean_text(text)
    if not text:
        return []
    lines = text.split("\n")
    if len(lines) > 1:
        items = [_BULLET_LINE.sub("", line, count=1) for line in lines]
    elif len(_INLINE_NUMBER.findall(text)) >= 2:
        items = _INLINE_NUMBER.split(text)
    elif len(_INLINE_BULLET.findall(text)) >= 1 and _BULLET_LINE.match(text):
        items = _INLINE_BULLET.split(_BULLET_LINE.sub("", text, count=1))
    elif ";" in text:
        items = text.split(";")
    else:
        items = _SENTENCE_END.split(_BULLET_LINE.sub("", text, count=1))
    return _dedupe(item.strip(" \t-;,") for item in items)


def split_points(text: str) -> list[PracticalPoint]:
    """Titled points ("Title: text"); an untitled item gets its first words as the title."""
    points: list[PracticalPoint] = []
    for item in split_items(text):
        match = _TITLED.match(item)
        if match and match.group("text").strip():
            title, body = match.group("title").strip(" *"), match.group("text").strip()
        else:
            title, body = derive_title(item), item
        points.append(PracticalPoint(title=title[:1].upper() + title[1:], text=_as_sentence(body)))
    return points


def derive_title(item: str) -> str:
    """A short title from an item's first words (up to the first comma or six words)."""
    head = re.split(r"[,;:.]", item, maxsplit=1)[0]
    words = head.split()[:_TITLE_WORDS]
    return " ".join(words).strip(" -")


def merge_texts(parts: list[str]) -> str:
    """Merge the outputs of one field generated for several parts of a long abstract."""
    return " ".join(_as_sentence(p) for p in (clean_text(p).replace("\n", " ") for p in parts) if p)


def _as_sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:] if text else text


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = re.sub(r"\W+", " ", item).strip().lower()
        if len(key) < _MIN_ITEM_CHARS or key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out
