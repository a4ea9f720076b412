"""Shared text cleaning for every parser: inline markup to clean text, headings to sections.

Sources mark up abstracts in different ways (JATS italics and MathML, Europe PMC HTML headings,
inline "BACKGROUND:" labels); every parser turns them into plain text here, so that the same
article reads the same whichever source it came from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator

from lxml import etree
from lxml import html as lxml_html

from pipeline.domain import Section

MML_NS = "http://www.w3.org/1998/Math/MathML"

# Elements whose text is a second rendering of content already present (TeX beside MathML).
_SKIP_TAGS = frozenset({f"{{{MML_NS}}}annotation", f"{{{MML_NS}}}annotation-xml", "annotation", "tex-math"})
# Block elements: their text is separated from the neighbours' text by a space.
_BLOCK_TAGS = frozenset(
    "p sec title st list list-item li div br h1 h2 h3 h4 h5 h6 disp-formula table-wrap caption def-item term def".split()
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
_HEADING_WORDS = frozenset(
    """abstract aim aims analysis and approach availability background case cases clinical conclusion
    conclusions consideration considerations context data description design discussion evaluation
    experimental final finding findings goal goals hypothesis implementation implications importance
    interpretation introduction intervention interventions key limitation limitations main measure
    measurements measures method methodology methods objective objectives outcome outcomes participants
    patients presentation primary principal purpose rationale registration report result results
    review scope setting settings significance study summary trial""".split()
)
_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[.!?)\]])\s+)"  # start of the text or right after a sentence end
    r"(?P<label>[A-Z][A-Za-z]*(?:(?:\s+|\s*[/&]\s*)[A-Za-z]+){0,4})"
    r":\s*"
)


def collapse_ws(text: str) -> str:
    """Collapse every run of (Unicode) whitespace to one space and strip the ends."""
    return " ".join(text.split())


def _local(tag: object) -> str:
    """Local name of an lxml tag ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _alternative(el: etree._Element) -> etree._Element | None:
    """The one rendering of a JATS <alternatives> to keep: MathML first, else the first child."""
    children = [c for c in el if isinstance(c.tag, str)]
    for child in children:
        if _local(child.tag) == "math":
            return child
    return children[0] if children else None


def _pieces(el: etree._Element) -> Iterator[str]:
    """Text pieces of an element in document order, inline markup flattened."""
    if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
        return
    block = _local(el.tag) in _BLOCK_TAGS
    if block:
        yield " "
    if _local(el.tag) == "alternatives":
        keep = _alternative(el)
        if keep is not None:
            yield from _pieces(keep)
    else:
        if el.text:
            yield el.text
        for child in el:
            yield from _pieces(child)
            if child.tail:
                yield child.tail
    if block:
        yield " "


def element_text(el: etree._Element | None) -> str:
    """Clean text of an XML element: tags dropped, MathML flattened, whitespace collapsed."""
    if el is None:
        return ""
    if (
        len(el) == 0
        and isinstance(el.tag, str)
        and el.tag not in _SKIP_TAGS
        and _local(el.tag) != "alternatives"
    ):
        # a leaf (most PubMed fields: names, MeSH terms, dates) needs no tree walk
        return collapse_ws(el.text or "")
    return collapse_ws("".join(_pieces(el)))


def html_to_text(fragment: str) -> str:
    """Clean text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed)."""
    if not _TAG.search(fragment):
        return collapse_ws(html.unescape(fragment))
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    return element_text(root)


def sentence_case(label: str) -> str:
    """'CASE PRESENTATION' -> 'Case presentation'; labels with lower-case letters are kept as printed."""
    label = collapse_ws(label).rstrip(":").strip()
    if label and label == label.upper():
        return label[:1] + label[1:].lower()
    return label


def clean_label(label: str | None) -> str | None:
    """A section label as stored: sentence case, no trailing colon, None when empty."""
    if label is None:
        return None
    label = sentence_case(label)
    return label or None


def _is_heading(label: str) -> bool:
    """Whether an inline 'Label:' is a section heading rather than a colon inside a sentence."""
    words = [w for w in re.split(r"[\s/&]+", label.lower()) if w]
    if all(w in _HEADING_WORDS for w in words):
        return True
    # Unknown upper-case headings (RATIONALE:) count too, but not short acronyms (DNA:).
    letters = re.sub(r"[^A-Za-z]", "", label)
    return label == label.upper() and (len(words) > 1 or len(letters) >= 5)


def split_inline_labels(text: str) -> list[Section]:
    """Split 'BACKGROUND: ... RESULTS: ...' text into labelled sections (one unlabelled if none)."""
    text = collapse_ws(text)
    marks = [m for m in _INLINE_LABEL.finditer(text) if _is_heading(m.group("label"))]
    return sections_at(text, marks, clean_label)


def sections_at(text: str, marks: list[re.Match[str]], label: Callable[[str], str | None]) -> list[Section]:
    """``text`` cut at its heading ``marks`` (matches with a group ``label``): the text before the
    first heading is an unlabelled section, each heading's section (labelled ``label(heading)``)
    runs to the next heading; empty sections are left out. No marks: one unlabelled section."""
    if not marks:
        return [Section(None, text)] if text else []
    sections: list[Section] = []
    head = text[: marks[0].start()].strip()
    if head:
        sections.append(Section(None, head))
    for mark, nxt in zip(marks, [*marks[1:], None], strict=True):
        body = text[mark.end() : nxt.start() if nxt else len(text)].strip()
        sections.append(Section(label(mark.group("label")), body))
    return [s for s in sections if s.text]


def split_html_headings(fragment: str) -> list[Section]:
    """Split an HTML abstract with <h3>/<h4> headings (Europe PMC) into labelled sections."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    sections: list[tuple[str | None, list[str]]] = [(None, [root.text or ""])]
    for child in root:
        if _local(child.tag) in {"h2", "h3", "h4", "h5", "h6"}:
            sections.append((clean_label(element_text(child)), [child.tail or ""]))
            continue
        sections[-1][1].append("".join(_pieces(child)))
        sections[-1][1].append(child.tail or "")
    out = [Section(label, collapse_ws("".join(parts))) for label, parts in sections]
    return [s for s in out if s.text]


def abstract_sections(fragment: str) -> list[Section]:
    """Sections of a text/HTML abstract: HTML headings if present, else inline labels."""
    if re.search(r"<h[2-6][\s>]", fragment, flags=re.I):
        return split_html_headings(fragment)
    return split_inline_labels(html_to_text(fragment))


def join_nonempty(parts: Iterable[str | None], sep: str = " ") -> str:
    """Join the non-empty parts with ``sep``."""
    return sep.join(p for p in parts if p)
