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
