"""The JSON Lines format of the files source, on real abstracts from shared/data."""

from __future__ import annotations

import json

from pipeline.sources.parsers import detect_format, parse_payload
from tests.conftest import SHARED_DATA


def test_shared_abstracts_jsonl_parses_every_record() -> None:
    payload = (SHARED_DATA / "bmc_sample" / "abstracts.jsonl").read_bytes()
    assert detect_format(payload, "abstracts.jsonl") == "plainsci_jsonl"
    articles, errors = parse_payload(payload, "abstracts.jsonl")
    assert not errors and len(articles) == 200
    first = json.loads(payload.splitlines()[0])
    assert articles[0].doi == first["doi"].lower()
    assert [s.text for s in articles[0].sections] == [s["text"] for s in first["sections"]]


def test_bad_lines_are_named_and_the_rest_survive() -> None:
    good = {"id": "x1", "title": "A trial", "abstract": "Pain fell by 20% in 40 adults."}
    payload = "\n".join(
        [json.dumps(good), "{not json", json.dumps({"id": "x2", "title": "No abstract"})]
    ).encode()
    articles, errors = parse_payload(payload, "batch.jsonl")
    assert [a.source_id for a in articles] == ["x1"]
    assert [(e.record, e.reason) for e in errors] == [
        ("batch.jsonl:2", errors[0].reason),
        ("batch.jsonl:3", "no abstract"),
    ]
    assert errors[0].reason.startswith("invalid JSON")


def test_unicode_line_separators_inside_strings_do_not_split_records() -> None:
    rec = {"id": "x", "title": "T", "abstract": "First part.\u2028Second part with 12 patients."}
    payload = json.dumps(rec, ensure_ascii=False).encode() + b"\n"
    articles, errors = parse_payload(payload, "u.jsonl")
    assert not errors and "12 patients" in articles[0].sections[0].text


def test_a_line_with_invalid_utf8_is_quarantined_by_line_and_the_rest_ingests(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from pipeline.settings import Settings
    from pipeline.sources.files import FilesSource
    from pipeline.stages.ingest import run_ingest
    from pipeline.store import models as m

    lines = (SHARED_DATA / "bmc_sample" / "abstracts.jsonl").read_bytes().split(b"\n")[:3]
    # Latin-1 bytes in the middle record's title: not UTF-8, must not become U+FFFD
    lines[1] = lines[1].replace(b'"title": "', b'"title": "Caf\xe9 \xff ', 1)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "batch.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    articles, errors = parse_payload((folder / "batch.jsonl").read_bytes(), "batch.jsonl")
    assert len(articles) == 2 and not any("\ufffd" in a.title for a in articles)
    assert [e.record for e in errors] == ["batch.jsonl:2"]
    assert errors[0].reason.startswith("invalid UTF-8")
    counts = run_ingest(store, FilesSource(Settings(samples_dir=folder)))
    assert counts["new"] == 2 and counts["quarantined"] == 1
    with store.session() as s:
        q = s.scalars(select(m.Quarantine)).one()
        assert q.record == "batch.jsonl:2" and "invalid UTF-8" in q.reason
