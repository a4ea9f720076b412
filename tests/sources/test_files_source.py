"""The `files` source over the bundled sample and over bad inputs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.errors import ParseError, SourceError
from pipeline.settings import Settings
from pipeline.sources.base import SOURCES, make_source
from pipeline.sources.files import FilesSource

REPO = Path(__file__).parents[2]
SAMPLES = REPO / "data" / "samples"
BAD = REPO / "tests" / "fixtures" / "samples_bad"


def _source(path: Path) -> FilesSource:
    return FilesSource(Settings(samples_dir=path))


def test_registered_as_files() -> None:
    assert "files" in SOURCES
    assert isinstance(make_source("files", Settings(samples_dir=SAMPLES)), FilesSource)


def test_bundled_sample_yields_articles_in_every_format_with_unique_dois() -> None:
    source = _source(SAMPLES)
    items = list(source.fetch())
    assert [i.request for i in items] == sorted(i.request for i in items)
    assert not {"README.md", "PROVENANCE.md"} & {i.request for i in items}
    per_format: Counter[str] = Counter()
    articles = []
    for item in items:
        assert item.source == "files" and item.payload == (SAMPLES / item.request).read_bytes()
        parsed = source.parse(item)
        assert parsed, item.request
        per_format[item.content_type or ""] += len(parsed)
        articles += parsed
        assert source.watermark(item, parsed) is None
    assert len(articles) >= 36
    assert set(per_format) == {"europepmc_json", "jats_xml", "pubmed_xml", "medline_txt", "bmc_xml"}
    dois = [a.doi for a in articles]
    assert all(dois) and len(set(dois)) == len(dois)
    assert sum(d.startswith("10.1186/") for d in dois) >= 36  # type: ignore[union-attr]
    assert all(a.source == "files" and a.sections and a.title for a in articles)


def test_limit_stops_early() -> None:
    assert len(list(_source(SAMPLES).fetch(limit=3))) == 3


def test_missing_samples_dir_is_a_clear_source_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(SourceError) as err:
        list(_source(missing).fetch())
    assert str(missing) in str(err.value)
    assert "PLAINSCI_SAMPLES_DIR" in str(err.value)


def test_malformed_xml_raises_parse_error_naming_file_and_reason() -> None:
    item = next(i for i in _source(BAD).fetch() if i.request == "malformed_jats.xml")
    assert item.content_type == "jats_xml"
    with pytest.raises(ParseError) as err:
        _source(BAD).parse(item)
    assert err.value.record == "malformed_jats.xml"
    assert err.value.reason.startswith("malformed XML")
    assert "malformed_jats.xml" in str(err.value)


def test_json_without_abstract_raises_no_abstract() -> None:
    item = next(i for i in _source(BAD).fetch() if i.request == "no_abstract.json")
    with pytest.raises(ParseError) as err:
        _source(BAD).parse(item)
    assert err.value.record == "no_abstract.json#10.1186/example-no-abstract"
    assert err.value.reason == "no abstract"


def test_one_bad_record_does_not_drop_the_others(tmp_path: Path) -> None:
    good = (SAMPLES / "pubmed_35123456.xml").read_bytes()
    start, end = good.index(b"<PubmedArticle>"), good.index(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    record = good[start:end]
    broken = (
        record.replace(b"<Abstract>", b"<!--")
        .replace(b"</Abstract>", b"-->")
        .replace(b"35123456</PMID>", b"1</PMID>")
        .replace(b"10.1186/s12891-022-05070-w</ELocationID>", b"10.1186/none</ELocationID>")
    )
    broken = broken.replace(b'"doi">10.1186/s12891-022-05070-w<', b'"doi">10.1186/none<')
    (tmp_path / "two.xml").write_bytes(b"<PubmedArticleSet>" + record + broken + b"</PubmedArticleSet>")
    source = _source(tmp_path)
    (item,) = source.fetch()
    articles, errors = source.parse_all(item)
    assert [a.doi for a in articles] == ["10.1186/s12891-022-05070-w"]
    assert [(e.record, e.reason) for e in errors] == [("two.xml#10.1186/none", "no abstract")]
    assert source.parse(item) == articles


def test_unrecognised_file_is_archived_then_quarantined(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("just notes", encoding="utf-8")
    source = _source(tmp_path)
    (item,) = source.fetch()
    assert item.content_type is None
    with pytest.raises(ParseError, match="notes.txt"):
        source.parse(item)


def _gzip_bomb(path: Path, expanded_mib: int) -> None:
    """A small gzip file of a PubMed XML root followed by ``expanded_mib`` MiB of blanks."""
    import gzip

    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'<?xml version="1.0"?>\n<PubmedArticleSet>')
        for _ in range(expanded_mib):
            fh.write(b" " * (1024 * 1024))
        fh.write(b"</PubmedArticleSet>\n")


def test_a_gzip_bomb_is_quarantined_by_name_with_bounded_memory(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import tracemalloc

    from sqlalchemy import select

    from pipeline.settings import load_settings
    from pipeline.stages.ingest import run_ingest
    from pipeline.store import models as m

    folder = tmp_path / "in"
    folder.mkdir()
    _gzip_bomb(folder / "bomb.xml.gz", expanded_mib=48)
    assert (folder / "bomb.xml.gz").stat().st_size < 100 * 1024
    source = FilesSource(load_settings(samples_dir=folder, max_decompressed_mb=2))
    (item,) = list(source.fetch())
    tracemalloc.start()
    try:
        articles, errors = source.parse_all(item)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not articles and [e.record for e in errors] == ["bomb.xml.gz"]
    assert "more than 2 MB" in errors[0].reason and "PLAINSCI_MAX_DECOMPRESSED_MB" in errors[0].reason
    assert peak < 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB while refusing a 48 MiB expansion"
    counts = run_ingest(store, source)
    assert counts["quarantined"] == 1 and counts["new"] == 0
    with store.session() as s:
        q = s.scalars(select(m.Quarantine)).one()
    assert q.record == "bomb.xml.gz" and "more than 2 MB" in q.reason


def test_gzip_files_of_every_format_parse_like_the_plain_ones(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gzip

    monkeypatch.setenv("PLAINSCI_MAX_DECOMPRESSED_MB", "1")
    plain = _source(SAMPLES)
    folder = tmp_path / "gz"
    folder.mkdir()
    expected = {}
    for item in plain.fetch():
        if len(item.payload) > 1024 * 1024 or item.payload.startswith(b"\x1f\x8b"):
            continue  # over the 1 MiB cap set above, or gzip already
        name = item.request.replace("/", "_") + ".gz"
        (folder / name).write_bytes(gzip.compress(item.payload))
        expected[name] = [a.doi for a in plain.parse(item)]
    from pipeline.settings import load_settings

    zipped = FilesSource(load_settings(samples_dir=folder))
    assert zipped.max_decompressed == 1024 * 1024
    got = {i.request: [a.doi for a in zipped.parse(i)] for i in zipped.fetch()}
    assert got == expected and len(got) >= 5
