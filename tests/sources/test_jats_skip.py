"""JATS parsing cuts the full text (<body>), back matter and floats out unparsed: the same
articles come out as from a parse of every byte, and the cut is the same however the bytes
arrive in chunks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pipeline.domain import Article
from pipeline.sources.parsers.common import collect, xml_root
from pipeline.sources.parsers.jats import (
    SkippingReader,
    article_from_jats,
    find_articles,
    parse_jats_records,
    skip_unread,
)
from pipeline.sources.parsers.stream import iter_jats_records
from tests.conftest import REPO, SHARED_DATA
from tests.sources.conftest import HTTP_FIXTURES

SAMPLES = REPO / "data" / "samples"
JATS_FILES = [
    *sorted(SAMPLES.glob("pmc_*.nxml")),
    SAMPLES / "europepmc_fulltextxml_PMC2231364.xml",
    *sorted(HTTP_FIXTURES.glob("**/openaccess_jats_*.xml")),  # a Springer API response, many records
    *sorted((SHARED_DATA / "bmc_sample" / "raw").glob("*jats*.xml")),
]


def _full_parse(data: bytes, ref: str) -> list[Article]:
    """Every byte parsed: the tree parse the cut replaces."""
    return collect(((ref, a) for a in find_articles(xml_root(data, ref))), article_from_jats)[0]


@pytest.mark.parametrize("path", JATS_FILES, ids=lambda p: p.name)
def test_same_articles_as_a_parse_of_every_byte(path: Path) -> None:
    data = path.read_bytes()
    expected = _full_parse(data, path.name)
    assert expected
    assert parse_jats_records(data, path.name)[0] == expected
    streamed = [r for r in iter_jats_records(io.BytesIO(data), path.name) if isinstance(r, Article)]
    assert streamed == expected
    cut = b"".join(skip_unread([data]))
    assert b"<body" not in cut and len(cut) < len(data) / 3  # the full text really is left out


@pytest.mark.parametrize("size", [1, 5, 63, 64, 65, 4096])
def test_the_cut_does_not_depend_on_chunk_boundaries(size: int) -> None:
    data = (SAMPLES / "pmc_1465-9921-6-73.nxml").read_bytes()
    whole = b"".join(skip_unread([data]))
    assert b"".join(skip_unread(data[i : i + size] for i in range(0, len(data), size))) == whole
    reader = SkippingReader(io.BytesIO(data), chunk_size=size)
    assert b"".join(iter(lambda: reader.read(37), b"")) == whole


def test_only_whole_elements_named_body_back_or_floats_are_cut() -> None:
    doc = (
        b'<a><front><p>keep<bodyguard x="1">me</bodyguard></p></front><body/>'
        b'<j:body xmlns:j="urn:x"><p>gone</p></j:body>'
        b"<back><back-matter>gone</back-matter><p>gone</p></back >"
        b"<floats-group><fig/></floats-group><sub-article>kept</sub-article></a>"
    )
    assert b"".join(skip_unread([doc])) == (
        b'<a><front><p>keep<bodyguard x="1">me</bodyguard></p></front><sub-article>kept</sub-article></a>'
    )


def test_a_document_cut_short_inside_the_body_is_still_malformed() -> None:
    data = (SAMPLES / "pmc_1471-2407-4-85.nxml").read_bytes()
    truncated = data[: data.index(b"<body") + 500]
    records = list(iter_jats_records(io.BytesIO(truncated), "truncated.nxml"))
    assert len(records) == 1 and not isinstance(records[0], Article)
    assert "malformed XML" in str(records[0])


def test_corrupt_gzip_data_ends_a_jats_stream_with_one_parse_error() -> None:
    """As for PubMed streams: a gzip stream cut short is a ParseError naming it, not a crash."""
    import gzip

    data = gzip.compress((SAMPLES / "pmc_1471-2407-4-85.nxml").read_bytes())
    records = list(iter_jats_records(io.BytesIO(data[: len(data) // 2]), "cut.nxml.gz"))
    assert len(records) == 1 and not isinstance(records[0], Article)
    assert "corrupt gzip data" in str(records[0]) and "cut.nxml.gz" in str(records[0])
