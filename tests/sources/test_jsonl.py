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
