"""Promotion writes new prompt versions and sets, and never edits an existing prompt file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.draft.prompts import load_prompt_file, load_prompt_set, load_prompts
from pipeline.errors import PromptError
from pipeline.lab.grid import Variant
from pipeline.lab.promote import promote, read_evaluation
from pipeline.settings import REPO_ROOT, load_settings

BASE = [9.0, 11.5, 7.25, 12.0, 8.0, 10.5]


@pytest.fixture
def prompts_dir(tmp_path: Path) -> Path:
    dest = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", dest)
    return dest


@pytest.fixture
def lab_settings(tmp_path: Path, prompts_dir: Path):  # type: ignore[no-untyped-def]
    return load_settings(data_dir=tmp_path / "var", prompts_dir=prompts_dir)


@pytest.fixture
def frame() -> pd.DataFrame:
    rows = []
    for variant, shift in (("seq2seq/m", 0.0), ("seq2seq/m/num_beams=2", -1.0)):
        for i, v in enumerate(BASE):
            rows.append(
                {
                    "variant": variant,
                    "id": f"p{i}",
                    "error": None,
                    "cached": False,
                    "fkgl": v + shift,
                    "rouge1": 30.0 + i,
                    "words": 60.0,
                }
            )
    df = pd.DataFrame(rows)
    df.attrs["variants"] = {
        "seq2seq/m": Variant("seq2seq/m", "seq2seq", {"model": "m"}).to_dict(),
        "seq2seq/m/num_beams=2": Variant(
            "seq2seq/m/num_beams=2", "seq2seq", {"model": "m", "generation": {"num_beams": 2}}
        ).to_dict(),
    }
    return df


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_promote_writes_a_new_version_and_set_and_leaves_existing_files(
    frame, lab_settings, prompts_dir
) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(prompts_dir)
    result = promote(
        frame,
        "seq2seq/m/num_beams=2",
        "seq2seq/m",
        lab_settings,
        dataset="cochrane_val[:6]",
        tasks=["simple_explanation"],
        n_boot=200,
        today=date(2025, 1, 2),
        set_name="lab_beams",
    )
    after = _snapshot(prompts_dir)
    assert {k: after[k] for k in before} == before  # no existing byte changed
    new = set(after) - set(before)
    assert new == {"simple_explanation.v2.md.j2", "sets/lab_beams.yaml"}
    prompt = load_prompt_file(prompts_dir / "simple_explanation.v2.md.j2")
    parent = load_prompt_file(prompts_dir / "simple_explanation.v1.md.j2")
    assert prompt.version == 2 and prompt.generation == {**parent.generation, "num_beams": 2}
    assert prompt.template_source.strip() == parent.template_source.strip()
    evaluation = read_evaluation(prompt)
    assert evaluation is not None and evaluation == prompt.evaluation  # its own front-matter key
    assert evaluation["dataset"] == "cochrane_val[:6]" and evaluation["n"] == 6
    assert evaluation["date"] == "2025-01-02" and evaluation["parent"] == "simple_explanation.v1"
    assert evaluation["baseline"] == "seq2seq/m"
    fkgl = evaluation["metrics"]["fkgl"]
    assert fkgl["diff"] == pytest.approx(-1.0) and fkgl["ci"] == [pytest.approx(-1.0), pytest.approx(-1.0)]
    assert fkgl["verdict"] == "better" and fkgl["mean"] == pytest.approx(sum(BASE) / 6 - 1, abs=1e-4)
    assert result.evaluation["metrics"]["rouge1"]["ci"] == [0.0, 0.0]
    pset = load_prompt_set(prompts_dir, "lab_beams")
    assert pset.prompts["simple_explanation"].version == 2
    assert pset.prompts["key_findings"].version == 1
    assert load_prompt_set(prompts_dir, "default").prompts["simple_explanation"].version == 1
    assert len(load_prompts(prompts_dir)) == len([k for k in before if k.endswith(".md.j2")]) + 1


def test_promote_refuses_to_overwrite_and_cleans_up(frame, lab_settings, prompts_dir) -> None:  # type: ignore[no-untyped-def]
    promote(
        frame,
        "seq2seq/m/num_beams=2",
        "seq2seq/m",
        lab_settings,
        dataset="d",
        tasks=["simple_explanation"],
        n_boot=50,
        set_name="lab_beams",
    )
    before = _snapshot(prompts_dir)
    with pytest.raises(PromptError, match="already exists"):
        promote(
            frame,
            "seq2seq/m/num_beams=2",
            "seq2seq/m",
            lab_settings,
            dataset="d",
            tasks=["simple_explanation"],
            n_boot=50,
            set_name="lab_beams",
        )
    assert _snapshot(prompts_dir) == before  # the v3 file it had written is gone again
    # A stray file with the next version number is never overwritten either.
    stray = prompts_dir / "key_findings.v2.md.j2"
    stray.write_text("not a prompt", encoding="utf-8")
    with pytest.raises(PromptError):
        promote(
            frame,
            "seq2seq/m/num_beams=2",
            "seq2seq/m",
            lab_settings,
            dataset="d",
            tasks=["key_findings"],
            n_boot=50,
            set_name="other",
        )
    assert stray.read_text(encoding="utf-8") == "not a prompt"


def test_promote_to_default_changes_only_the_version_numbers(frame, lab_settings, prompts_dir) -> None:  # type: ignore[no-untyped-def]
    default = prompts_dir / "sets" / "default.yaml"
    old = default.read_text(encoding="utf-8")
    prompt_bytes = {p.name: p.read_bytes() for p in prompts_dir.glob("*.md.j2")}
    promote(
        frame,
        "seq2seq/m/num_beams=2",
        "seq2seq/m",
        lab_settings,
        dataset="d",
        tasks=["simple_explanation", "limitations"],
        n_boot=50,
        promote_to_default=True,
    )
    new = default.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.split("\n"), new.split("\n"), strict=True) if a != b]
    assert changed == [
        ("  simple_explanation: 1", "  simple_explanation: 2"),
        ("  limitations: 1", "  limitations: 2"),
    ]
    pset = load_prompt_set(prompts_dir, "default")
    assert pset.prompts["simple_explanation"].version == 2 and pset.prompts["limitations"].version == 2
    assert all((prompts_dir / name).read_bytes() == data for name, data in prompt_bytes.items())


def test_promote_refuses_an_extractive_variant(frame, lab_settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PromptError, match="no prompt files"):
        promote(frame, Variant("ex", "extractive", {"findings": 2}), "seq2seq/m", lab_settings, dataset="d")
