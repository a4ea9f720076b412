"""Format parsers: raw payload bytes -> Articles, one small module per source format.

Every ``parse_<format>(payload, ref)`` is a pure function that returns Articles or raises
pipeline.errors.ParseError; ``parse_payload`` is the lenient entry point for multi-record
files, returning the good articles and one ParseError per bad record.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.domain import Article
from pipeline.errors import ParseError
from pipeline.registry import Registry
from pipeline.sources.parsers.bmc_xml import parse_bmc_xml, parse_bmc_xml_records
from pipeline.sources.parsers.common import DEFAULT_MAX_DECOMPRESSED, gunzip
from pipeline.sources.parsers.detect import (
    BMC_XML,
    EUROPEPMC_JSON,
    JATS_XML,
    MEDLINE_TXT,
    PLAINSCI_JSONL,
    PUBMED_XML,
    detect_format,
)
from pipeline.sources.parsers.europepmc_json import parse_europepmc_json, parse_europepmc_json_records
from pipeline.sources.parsers.jats import parse_jats, parse_jats_records
from pipeline.sources.parsers.jsonl import parse_jsonl_records
from pipeline.sources.parsers.medline_txt import parse_medline_txt, parse_medline_txt_records
from pipeline.sources.parsers.pubmed_xml import parse_pubmed_xml, parse_pubmed_xml_records

RecordsParser = Callable[[bytes, str], tuple[list[Article], list[ParseError]]]

# format -> lenient parser (articles, per-record errors); a new format registers its parser here
FORMATS: Registry[RecordsParser] = Registry("parser format")
for _name, _parser in (
    (EUROPEPMC_JSON, parse_europepmc_json_records),
    (JATS_XML, parse_jats_records),
    (PUBMED_XML, parse_pubmed_xml_records),
    (MEDLINE_TXT, parse_medline_txt_records),
    (BMC_XML, parse_bmc_xml_records),
    (PLAINSCI_JSONL, parse_jsonl_records),
):
    FORMATS.register(_name)(_parser)


def parse_payload(
    payload: bytes, ref: str, fmt: str | None = None, *, max_decompressed: int = DEFAULT_MAX_DECOMPRESSED
) -> tuple[list[Article], list[ParseError]]:
    """Good articles and per-record errors; a file-level failure is one error and no articles.

    A gzip payload is decompressed first, to at most ``max_decompressed`` bytes (beyond that the
    file is one ParseError: quarantined with its name and the cap).
    """
    try:
        fmt = fmt or detect_format(payload, ref)
        if fmt not in FORMATS:
            raise ParseError(ref, f"unknown format {fmt!r} (known: {', '.join(FORMATS.names())})")
        return FORMATS.get(fmt)(gunzip(payload, ref, max_decompressed), ref)
    except ParseError as exc:
        return [], [exc]


__all__ = [
    "FORMATS",
    "detect_format",
    "parse_bmc_xml",
    "parse_europepmc_json",
    "parse_jats",
    "parse_medline_txt",
    "parse_payload",
    "parse_pubmed_xml",
]
