"""Loading evaluation pairs and turning them into Articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.domain import Section
from pipeline.lab.datasets import DatasetError, Pair, load_pairs, pair_to_article, split_labelled_sections

COCHRANE = Path(__file__).resolve().parents[3] / "shared" / "data" / "cochrane_val" / "pairs.jsonl"


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _line(i: int, **extra: object) -> str:
    return json.dumps(
        {"id": f"p{i}", "abstract": f"Abstract {i}.", "plain_summary": f"Summary {i}.", **extra}
    )


def test_loads_pairs_skips_blank_lines_and_limits(tmp_path: Path) -> None:
    path = _write(tmp_path, [_line(1), "", _line(2), _line(3)])
    pairs = load_pairs(path)
    assert [p.id for p in pairs] == ["p1", "p2", "p3"]
    assert pairs[1].line == 3
    assert [p.id for p in load_pairs(path, limit=2)] == ["p1", "p2"]


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, [_line(1), _line(2), '{"id": "p3", "abstract": "x", '])
    with pytest.raises(DatasetError, match=r"line 3 is not valid JSON"):
        load_pairs(path)


def test_missing_key_names_the_line_and_key(tmp_path: Path) -> None:
    path = _write(tmp_path, [_line(1), json.dumps({"id": "p2", "abstract": "A."})])
    with pytest.raises(DatasetError, match=r"line 2 lacks the key plain_summary"):
        load_pairs(path)


def test_other_bad_lines(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"line 1 is a JSON list"):
        load_pairs(_write(tmp_path, ["[1, 2]"]))
    with pytest.raises(DatasetError, match=r"line 2: 'abstract' must be a non-empty string"):
        load_pairs(
            _write(tmp_path, [_line(1), json.dumps({"id": "x", "abstract": " ", "plain_summary": "s"})])
        )
    with pytest.raises(DatasetError, match=r"line 2: id 'p1' was already used on line 1"):
        load_pairs(_write(tmp_path, [_line(1), _line(1)]))
    with pytest.raises(DatasetError, match="has no pairs"):
        load_pairs(_write(tmp_path, ["", ""]))
    with pytest.raises(DatasetError, match="Cannot read the dataset"):
        load_pairs(tmp_path / "missing.jsonl")
    with pytest.raises(DatasetError, match="at least 1"):
        load_pairs(_write(tmp_path, [_line(1)]), limit=0)


def test_bad_line_error_is_a_plainsci_error_with_code(tmp_path: Path) -> None:
    path = _write(tmp_path, ["not json"])
    with pytest.raises(DatasetError) as info:
        load_pairs(path)
    assert str(info.value).startswith("[E070]")
    assert str(path) in str(info.value)


def test_inline_labels_become_sections() -> None:
    text = "Background: Falls are common. Methods: We pooled 12 trials.\nRESULTS: Falls fell. Conclusions: It works."
    assert split_labelled_sections(text) == [
        Section("Background", "Falls are common."),
        Section("Methods", "We pooled 12 trials."),
        Section("Results", "Falls fell."),
        Section("Conclusions", "It works."),
    ]


def test_unlabelled_abstract_is_one_section_and_mid_sentence_colons_are_kept() -> None:
    text = "Fifty-four trials were included. Key results: interferon helped. Iron: no effect."
    assert split_labelled_sections(text) == [Section(None, text)]
    # Text before the first heading is kept as an unlabelled section.
    assert split_labelled_sections("Intro text. Results: good.") == [
        Section(None, "Intro text."),
        Section("Results", "good."),
    ]


def test_pair_to_article_uses_the_doi() -> None:
    article = pair_to_article(Pair("10.1002/14651858.CD000370", "Trials were found.", "We found trials.", 1))
    assert article.doi == "10.1002/14651858.cd000370"
    assert article.source_id == "10.1002/14651858.CD000370"
    assert article.sections == [Section(None, "Trials were found.")]
    assert article.title == ""
    assert pair_to_article(Pair("p1", "A.", "B.", 1)).doi is None


@pytest.mark.skipif(not COCHRANE.exists(), reason="../shared/data/cochrane_val is not present")
def test_cochrane_val_loads() -> None:
    pairs = load_pairs(COCHRANE)
    assert len(pairs) == 411
    assert len({p.id for p in pairs}) == 411
    assert all(pair_to_article(p).sections for p in pairs[:50])


BIOLAYSUMM = COCHRANE.parent.parent / "biolaysumm_dev" / "pairs.jsonl"


@pytest.mark.skipif(not BIOLAYSUMM.exists(), reason="../shared/data/biolaysumm_dev is not present")
def test_biolaysumm_lay_summary_is_the_reference() -> None:
    # biolaysumm_dev names its eLife digest "lay_summary"; it was read as an abstract-only set,
    # so `plainsci eval` scored no reference metric on it and `require_summary` refused it
    pairs = load_pairs(BIOLAYSUMM)
    assert len(pairs) == 35
    assert all(p.plain_summary.strip() for p in pairs)
    first = pairs[0]
    assert first.id == "elife-00031-v1"
    assert first.plain_summary.startswith("The ways people respond to conditions of reduced visibility")


def test_plain_summary_wins_over_lay_summary(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(
        json.dumps({"id": "a", "abstract": "A.", "plain_summary": "P.", "lay_summary": "L."}) + "\n"
    )
    assert load_pairs(path)[0].plain_summary == "P."


COCHRANE_RAW = COCHRANE.parent / "raw"


def test_parallel_files_read_as_the_same_pairs_as_jsonl() -> None:
    """Devaraj et al.'s val.source/val.target/val.doi are the pairs that pairs.jsonl was derived from."""
    parallel = load_pairs(COCHRANE_RAW / "val.source")
    jsonl = load_pairs(COCHRANE)
    assert len(parallel) == len(jsonl) == 411
    assert [(p.id, p.abstract, p.plain_summary) for p in parallel] == [
        (p.id, p.abstract, p.plain_summary) for p in jsonl
    ]
    assert [p.id for p in load_pairs(COCHRANE_RAW / "val.source", limit=3)] == [p.id for p in jsonl[:3]]


def _parallel(tmp_path: Path, source: list[str], target: list[str], ids: list[str] | None = None) -> Path:
    (tmp_path / "d.source").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "d.target").write_text("\n".join(target) + "\n", encoding="utf-8")
    if ids is not None:
        (tmp_path / "d.doi").write_text("\n".join(ids) + "\n", encoding="utf-8")
    return tmp_path / "d.source"


def test_parallel_without_ids_numbers_the_lines(tmp_path: Path) -> None:
    pairs = load_pairs(_parallel(tmp_path, ["A one.", "A two."], ["S one.", "S two."]))
    assert [(p.id, p.abstract, p.plain_summary, p.line) for p in pairs] == [
        ("1", "A one.", "S one.", 1),
        ("2", "A two.", "S two.", 2),
    ]


def test_parallel_line_count_mismatch_names_both_files(tmp_path: Path) -> None:
    path = _parallel(tmp_path, ["A one.", "A two."], ["S one."])
    with pytest.raises(DatasetError, match=r"different line counts: .*d\.source 2, .*d\.target 1"):
        load_pairs(path)


def test_parallel_missing_target_and_empty_line_are_clear(tmp_path: Path) -> None:
    (tmp_path / "lonely.source").write_text("A one.\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"Cannot read .*lonely\.target") as info:
        load_pairs(tmp_path / "lonely.source")
    assert "NAME.target" in (info.value.hint or "")
    path = _parallel(tmp_path, ["A one.", "  "], ["S one.", "S two."], ids=["x", "y"])
    with pytest.raises(DatasetError, match=r"line 2: the source is empty"):
        load_pairs(path)


def test_parallel_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    path = _parallel(tmp_path, ["A.", "B."], ["S.", "T."], ids=["10.1/x", "10.1/x"])
    with pytest.raises(DatasetError, match=r"d\.doi, line 2: id '10\.1/x' was already used on line 1"):
        load_pairs(path)


def test_parallel_digest_changes_with_the_reference(tmp_path: Path) -> None:
    from pipeline.lab.datasets import file_sha256

    path = _parallel(tmp_path, ["A."], ["S."])
    before = file_sha256(path)
    (tmp_path / "d.target").write_text("T.\n", encoding="utf-8")
    assert file_sha256(path) != before


def test_invalid_utf8_in_jsonl_is_a_one_line_eval_error_naming_file_and_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    lines = COCHRANE.read_bytes().split(b"\n")[:3]
    lines[2] = lines[2].replace(b'"abstract": "', b'"abstract": "\xff\xfe ', 1)
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(DatasetError, match="line 3: invalid UTF-8"):
        load_pairs(path)
    assert len(load_pairs(path, limit=2)) == 2  # the lines before it are fine
    result = CliRunner().invoke(app, ["eval", "--dataset", str(path), "--limit", "5"])
    assert result.exit_code == 1, result.output
    out = result.output.strip()
    assert "Traceback" not in out and len(out.splitlines()) <= 2, out
    assert f"{path}, line 3: invalid UTF-8" in " ".join(out.split())


def test_cochrane_half_splits_sorted_ids_every_second_pair(tmp_path: Path) -> None:
    from pipeline.lab.datasets import cochrane_half

    path = _write(tmp_path, [_line(i) for i in (3, 1, 4, 0, 2)])
    mine, held = cochrane_half("mine", path), cochrane_half("eval", path)
    assert [p.id for p in mine] == ["p0", "p2", "p4"] and [p.id for p in held] == ["p1", "p3"]
    with pytest.raises(DatasetError, match="Unknown cochrane half"):
        cochrane_half("train", path)


def test_abstract_only_lines_with_sections_and_title(tmp_path: Path) -> None:
    from pipeline.lab.datasets import pair_to_article

    line = json.dumps(
        {
            "id": "b1",
            "title": "T",
            "sections": [{"label": "Methods", "text": "We did it."}, {"text": "It worked."}],
        }
    )
    path = _write(tmp_path, [line])
    with pytest.raises(
        DatasetError, match="lacks the keys abstract, plain_summary|lacks the key plain_summary"
    ):
        load_pairs(path)
    (pair,) = load_pairs(path, require_summary=False)
    assert pair.plain_summary == "" and pair.abstract == "We did it. It worked."
    article = pair_to_article(pair)
    assert article.title == "T" and [s.label for s in article.sections] == ["Methods", None]


BMC_SAMPLE = COCHRANE.parent.parent / "bmc_sample" / "abstracts.jsonl"


@pytest.mark.skipif(not BMC_SAMPLE.exists(), reason="../shared/data/bmc_sample is not present")
def test_a_pair_carries_what_the_nightly_source_reads() -> None:
    """Round 22 (h22bmc): the eval's categories differed from the nightly run's on 86 of 200 BMC
    pages because a pair dropped the record's journal; bmc_sample s12859-018-2391-z ("Valection:
    design optimization for validation and verification studies.", BMC bioinformatics) had no
    category at all. A pair's article now carries what the JSONL source gives enrich."""
    from pipeline.enrich.categories import pick_categories, score_categories
    from pipeline.sources.parsers.jsonl import article_from_record

    lines = BMC_SAMPLE.read_text(encoding="utf-8").splitlines()
    records = {json.loads(line)["id"]: line for line in lines if line.strip()}
    wanted = "10.1186/s12859-018-2391-z"
    pairs = {p.id: p for p in load_pairs(BMC_SAMPLE, require_summary=False)}
    nightly = article_from_record(json.loads(records[wanted]), "bmc:174")
    article = pair_to_article(pairs[wanted])
    assert article.journal == nightly.journal == "BMC bioinformatics"
    assert article.keywords == nightly.keywords
    picked = pick_categories(score_categories(article))
    assert picked and picked == pick_categories(score_categories(nightly))


def test_a_pair_reads_keywords_as_the_jsonl_source_does(tmp_path: Path) -> None:
    # biolaysumm_dev records give "keywords" (["neuroscience"]); a non-string item is left out
    line = json.dumps({"id": "k1", "abstract": "A.", "plain_summary": "B.", "keywords": ["neuroscience", 3]})
    (pair,) = load_pairs(_write(tmp_path, [line]))
    assert pair_to_article(pair).keywords == ["neuroscience"] and pair_to_article(pair).journal is None
