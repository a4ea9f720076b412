"""Format sniffing: which parser a payload needs, from its first bytes (and name as a tie-breaker)."""

from __future__ import annotations

import gzip
import io
import re
import zlib

from pipeline.errors import ParseError

EUROPEPMC_JSON = "europepmc_json"
JATS_XML = "jats_xml"
PUBMED_XML = "pubmed_xml"
MEDLINE_TXT = "medline_txt"
BMC_XML = "bmc_xml"
PLAINSCI_JSONL = "plainsci_jsonl"

_ROOTS = {
    "article": JATS_XML,
    "pmc-articleset": JATS_XML,
    "response": JATS_XML,  # Springer Nature OA API (JATS records inside)
    "records": JATS_XML,
    "PubmedArticleSet": PUBMED_XML,
    "PubmedArticle": PUBMED_XML,
    "MedlineCitationSet": PUBMED_XML,
    "MedlineCitation": PUBMED_XML,
    "art": BMC_XML,
}
# The first element's name, after the XML declaration, DOCTYPE, comments and processing instructions.
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S)
_HEAD = 64 * 1024


def _head(payload: bytes, ref: str) -> bytes:
    """The first bytes of the payload, decompressing gzip."""
    if not payload.startswith(b"\x1f\x8b"):
        return payload[:_HEAD]
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(payload)) as fh:
            return fh.read(_HEAD)
    except (OSError, EOFError, zlib.error) as exc:
        raise ParseError(ref, f"corrupt gzip data ({exc})") from None


def xml_root_name(head: bytes) -> str | None:
    """Name of the root element of an XML document (None if the text does not look like XML)."""
    rest = head[_PROLOG.match(head).end() :]  # type: ignore[union-attr]
    match = _FIRST_TAG.match(rest)
    return match.group(1).decode("ascii", "replace").split(":")[-1] if match else None


def detect_format(payload: bytes, name: str) -> str:
    """The parser format of a payload (europepmc_json, jats_xml, pubmed_xml, medline_txt, bmc_xml)."""
    head = _head(payload, name).lstrip(b"\xef\xbb\xbf").lstrip()
    if not head:
        raise ParseError(name, "empty file")
    if name.lower().endswith(".jsonl") and head[:1] == b"{":
        return PLAINSCI_JSONL
    if head[:1] in (b"{", b"["):
        return EUROPEPMC_JSON
    if re.match(rb"PMID- ?\d", head):
        return MEDLINE_TXT
    if head.startswith(b"<"):
        root = xml_root_name(head)
        if root in _ROOTS:
            return _ROOTS[root]
        raise ParseError(
            name, f"unrecognised XML root <{root}> (expected one of {', '.join(sorted(_ROOTS))})"
        )
    suffix = name.lower().rsplit(".", 1)[-1]
    if suffix in {"txt", "nbib", "medline"} and b"PMID-" in head:
        return MEDLINE_TXT
    raise ParseError(
        name, "unrecognised format (not Europe PMC JSON, JATS, PubMed/MEDLINE XML or text, BMC XML)"
    )
