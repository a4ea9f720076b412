"""The command line prints stored strings literally: no Rich markup applied, control characters escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app, literal

EVIL = "[bold red]evil[reverse] \x1b[2J\x1b]0;owned\x07.xml"


def test_literal_escapes_control_characters_and_keeps_the_rest() -> None:
    assert literal(EVIL) == "[bold red]evil[reverse] \\x1b[2J\\x1b]0;owned\\x07.xml"
    assert literal("tab\there\u202e") == "tab\\there\\u202e"
    assert literal(literal(EVIL)) == literal(EVIL)


def test_quarantine_prints_a_hostile_file_name_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = tmp_path / "in"
    samples.mkdir()
    (samples / EVIL).write_bytes(b"<art><broken")
    monkeypatch.setenv("PLAINSCI_SAMPLES_DIR", str(samples))
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest"])
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.output)["quarantined"] == 1
    shown = runner.invoke(app, ["quarantine"])
    assert shown.exit_code == 0, shown.output
    assert "\x1b" not in shown.output and "\x07" not in shown.output
    assert "files:[bold red]evil[reverse] \\x1b[2J\\x1b]0;owned\\x07.xml" in shown.output, shown.output
    assert "[ingest]" in shown.output


def test_a_missing_data_directory_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "not" / "yet" / "there"
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(target))
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (target / "plainsci.db").is_file()


def test_a_data_directory_that_cannot_be_created_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "some" / "long-enough-name-to-wrap-a-narrow-terminal" / "var"
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(target))
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 1
    out = result.output.strip()
    assert len(out.splitlines()) == 1 and "Traceback" not in out, out
    assert f"Data directory {target} cannot be created" in out and "PLAINSCI_DATA_DIR" in out
