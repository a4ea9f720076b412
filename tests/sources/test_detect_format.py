"""Format sniffing from the first bytes of a payload."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from pipeline.errors import ParseError
from pipeline.sources.parsers import FORMATS, detect_format

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b'{"resultList": {"result": []}}', "europepmc_json"),
        (b'\xef\xbb\xbf  [{"title": "x"}]', "europepmc_json"),
        (b"PMID- 16403221\nOWN - NLM\n", "medline_txt"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD" "a.dtd">\n<article>', "jats_xml"),
        (b'<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?>\n<response><records>', "jats_xml"),
        (b"<PubmedArticle>\n<MedlineCitation>", "pubmed_xml"),
        (b"<!-- comment -->\n<PubmedArticleSet>", "pubmed_xml"),
        (
            b"<?xml version='1.0'?>\n<!DOCTYPE art SYSTEM 'http://www.biomedcentral.com/xml/article.dtd'>\n<art>",
            "bmc_xml",
        ),
        (gzip.compress(b'<?xml version="1.0"?>\n<MedlineCitationSet>\n'), "pubmed_xml"),
    ],
)
def test_detects_format(payload: bytes, expected: str) -> None:
    assert detect_format(payload, "payload") == expected
    assert expected in FORMATS


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty file"),
        (b"<html><body>", "unrecognised XML root <html>"),
        (b"hello", "unrecognised format"),
    ],
)
def test_unknown_payloads_raise_parse_error_naming_the_file(payload: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        detect_format(payload, "odd.bin")
    assert err.value.record == "odd.bin"
    assert err.value.reason.startswith(reason)


def test_every_bundled_sample_is_recognised() -> None:
    names = {p.name: detect_format(p.read_bytes(), p.name) for p in SAMPLES.iterdir() if p.suffix != ".md"}
    assert names["medline16n0902_bmc_excerpt.xml.gz"] == "pubmed_xml"
    assert names["springer_openaccess_jats_redacted.xml"] == "jats_xml"
    # every source format is in the sample; JSON Lines is our own import format, not a source's
    assert set(names.values()) == set(FORMATS) - {"plainsci_jsonl"}
