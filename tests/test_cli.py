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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    samples = tmp_path / "in"
    samples.mkdir()
    (samples / EVIL).write_bytes(b"<art><broken")
    monkeypatch.setenv("PLAINSCI_SAMPLES_DIR", str(samples))
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    with caplog.at_level("WARNING"):
        ingested = runner.invoke(app, ["ingest"])
    assert ingested.exit_code == 0, ingested.output
    assert "quarantined" in caplog.text and "\x1b" not in caplog.text  # the log line escapes it too
    assert json.loads(ingested.stdout)["quarantined"] == 1
    shown = runner.invoke(app, ["quarantine"])
    assert shown.exit_code == 0, shown.output
    assert "\x1b" not in shown.output and "\x07" not in shown.output
    assert "files:[bold red]evil[reverse] \\x1b[2J\\x1b]0;owned\\x07.xml" in shown.output, shown.output
    assert "[ingest]" in shown.output


def test_the_run_summary_prints_failure_records_literally(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import print_summary

    print_summary(
        {
            "run_id": 7,
            "status": "completed with failures",
            "summary": {"read": 1, "quarantined": 1},
            "errors": [{"stage": "ingest", "record": EVIL, "reason": "malformed XML [red]x[/red]"}],
        }
    )
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "ingest [bold red]evil[reverse] \\x1b[2J" in out and "malformed XML [red]x[/red]" in out


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


def _one_clear_line(result, *needles: str) -> str:  # type: ignore[no-untyped-def]
    out = result.output.strip()
    assert result.exit_code != 0, out
    assert "Traceback" not in out and len(out.splitlines()) == 1, out
    for needle in needles:
        assert needle in out, out
    return out


@pytest.mark.parametrize(
    ("toml", "command", "needles"),
    [
        (b'port = "not-a-number"\n', ["serve"], ["port = 'not-a-number'", "config file", "valid integer"]),
        (b'gate_max_fkgl = "eight"\n', ["nightly"], ["gate_max_fkgl = 'eight'", "valid number"]),
        (
            b'[plainsci]\nbackend = "caf\xe9"\n',
            ["nightly"],
            ["plainsci.toml is not UTF-8", "Save it as UTF-8"],
        ),
    ],
)
def test_a_bad_config_file_is_one_line_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: bytes, command: list[str], needles: list[str]
) -> None:
    (tmp_path / "plainsci.toml").write_bytes(toml)
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    _one_clear_line(CliRunner().invoke(app, command), *needles)
    assert not (tmp_path / "var").exists()  # nothing was started


@pytest.mark.parametrize(
    ("env", "command", "needles"),
    [
        ({"PLAINSCI_PORT": "abc"}, ["serve"], ["PLAINSCI_PORT = 'abc'", "valid integer"]),
        ({"PLAINSCI_SOURCES": "[files"}, ["nightly"], ["PLAINSCI_SOURCES = '[files'", "JSON list"]),
        ({"PLAINSCI_BACKEND": "nope"}, ["nightly"], ["Unknown backend 'nope'", "extractive"]),
        ({"PLAINSCI_BACKEND": "nope"}, ["backfill", "--since", "2024-01-01"], ["Unknown backend 'nope'"]),
        ({}, ["redraft", "1", "--backend", "nope"], ["Unknown backend 'nope'", "extractive"]),
        ({"PLAINSCI_MAX_DECOMPRESSED_MB": "0"}, ["ingest"], ["PLAINSCI_MAX_DECOMPRESSED_MB = '0'"]),
    ],
)
def test_a_bad_setting_in_the_environment_or_option_is_one_line_before_any_work(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    command: list[str],
    needles: list[str],
) -> None:
    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _one_clear_line(CliRunner().invoke(app, command), *needles)
    assert not (tmp_path / "var").exists()  # no store opened, nothing ingested


def test_a_misspelt_key_warns_with_the_closest_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from pipeline.settings import load_settings

    (tmp_path / "plainsci.toml").write_text('bakend = "seq2seq"\ngate_max_fkgl = 9\n', encoding="utf-8")
    monkeypatch.setenv("PLAINSCI_TASK_RUNER", "sequential")
    with caplog.at_level("WARNING", logger="pipeline.settings"):
        settings = load_settings()
    assert settings.backend == "composer" and settings.gate_max_fkgl == 9
    warnings = [r.getMessage() for r in caplog.records]
    assert any("'bakend'" in w and "did you mean 'backend'?" in w for w in warnings), warnings
    assert any("PLAINSCI_TASK_RUNER" in w and "PLAINSCI_TASK_RUNNER" in w for w in warnings), warnings


def test_runs_show_prints_the_report_and_every_recorded_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.runtime import get_store
    from pipeline.settings import load_settings
    from pipeline.store import models as m

    monkeypatch.setenv("PLAINSCI_DATA_DIR", str(tmp_path / "var"))
    settings = load_settings(secret_key="do-not-show", model="flan-t5-small")
    drafting = {
        "backend": "seq2seq",
        "model_id": "google/flan-t5-small",
        "prompt_id": "default",
        "params": {},
    }
    with get_store(settings).session() as s:
        run = m.Run(
            flow="nightly",
            status="completed",
            counts={},
            settings={**settings.redacted(), "drafting": drafting},
        )
        s.add(run)
        s.flush()
        run_id = run.id
    shown = CliRunner().invoke(app, ["runs", "--show", str(run_id)])
    assert shown.exit_code == 0, shown.output
    assert "drafted with: backend seq2seq, model_id google/flan-t5-small, prompt_id default" in shown.output
    assert "- model: flan-t5-small" in shown.output and "- gate_max_fkgl: 8.0" in shown.output
    assert '"prompts_dir"' in shown.output and '"secret_key": "***"' in shown.output
    assert "do-not-show" not in shown.output
    listed = CliRunner().invoke(app, ["runs"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "composer flan-t5-small" in listed.output, listed.output
    missing = CliRunner().invoke(app, ["runs", "--show", str(run_id + 1)])
    assert missing.exit_code == 1 and f"No run {run_id + 1}" in missing.output
