"""Prompt files: loading, validation errors with file and line, hashes, frozen versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.domain import DRAFT_TEXT_FIELDS, Article, Fact, Facts, Section
from pipeline.draft.prompts import (
    check_frozen,
    load_prompt_file,
    load_prompt_set,
    load_prompts,
    recorded_prompt_hashes,
    verify_against_store,
)
from pipeline.errors import PromptError
from pipeline.settings import REPO_ROOT

PROMPTS = REPO_ROOT / "prompts"

GOOD = """---
id: key_findings
version: 1
task: key_findings
model_families: [t5]
generation:
  max_new_tokens: 64
notes: test prompt
---
Findings of {{ title }}:
{% for s in sections %}
{{ s.text }}
{% endfor %}
"""


def _article() -> Article:
    return Article(
        source="t",
        source_id="a1",
        title="Walking and blood pressure",
        sections=[
            Section("Background", "Walking may lower blood pressure."),
            Section("Results", "Blood pressure fell by 5 mmHg in 120 adults."),
        ],
    )


def _facts() -> Facts:
    return Facts(
        design=Fact("randomised controlled trial"),
        evidence_level=Fact("Level 2"),
        participants=Fact("120 adults"),
        study_period=Fact("12 weeks"),
        categories=["Cardiology"],
        relevance=0.8,
    )


@pytest.fixture
def prompt_dir(tmp_path: Path) -> Path:
    """A copy of the repo's prompts that a test may break."""
    return Path(shutil.copytree(PROMPTS, tmp_path / "prompts"))


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_repo_prompts_load_and_default_set_covers_every_task() -> None:
    library = load_prompts(PROMPTS)
    assert {p.task for p in library.values()} == set(DRAFT_TEXT_FIELDS)
    pset = load_prompt_set(PROMPTS, "default")
    assert list(pset.prompts) == list(DRAFT_TEXT_FIELDS)
    assert pset.version == "1-1-1-1-1"
    for task, prompt in pset.prompts.items():
        assert prompt.task == task and len(prompt.hash) == 64
        assert {"max_new_tokens", "num_beams", "no_repeat_ngram_size"} <= set(prompt.generation)
        assert prompt.supports("t5") and prompt.supports("bart")


def test_render_uses_sections_facts_and_family() -> None:
    pset = load_prompt_set(PROMPTS, "default")
    t5 = pset.prompts["limitations"].render(_article(), _facts(), model_family="t5")
    assert "Walking and blood pressure" in t5 and "5 mmHg" in t5
    assert "randomised controlled trial" in t5 and "List two to four limitations" in t5
    bart = pset.prompts["limitations"].render(_article(), _facts(), model_family="bart")
    assert "List" not in bart and bart.startswith("Walking and blood pressure")
    # key findings puts results first so a truncated input keeps them
    kf = pset.prompts["key_findings"].render(_article(), _facts(), model_family="bart")
    assert kf.index("Results:") < kf.index("Background:")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("task: key_findings", "task: [key_findings"), 5, "not valid YAML"),
        (
            GOOD.replace("notes: test prompt", "notes: test prompt\ntemperature: 0.7"),
            9,
            "unknown front-matter key 'temperature'",
        ),
        (GOOD.replace("model_families: [t5]\n", ""), 1, "missing 'model_families'"),
        (GOOD.replace("version: 1", "version: one"), 3, "'version' must be a whole number"),
        (GOOD.replace("task: key_findings", "task: abstract"), 4, "'task' must be one of"),
        (GOOD.replace("  max_new_tokens: 64", "  do_sample: true"), 6, "unknown parameter 'do_sample'"),
        (GOOD.replace("{% endfor %}", "{% endfor"), 13, "Jinja syntax error"),
        (
            GOOD.replace("{{ s.text }}", "{{ s.text }} {{ journal }}"),
            12,
            "unknown template variable 'journal'",
        ),
        (GOOD.replace("---\nFindings", "Findings"), 1, "not closed"),
        ("id: key_findings\n", 1, "must start with a '---' line"),
    ],
)
def test_invalid_prompt_file_names_file_and_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = _write(tmp_path, "key_findings.v1.md.j2", text)
    with pytest.raises(PromptError) as err:
        load_prompt_file(path)
    message = str(err.value)
    assert f"{path}:{line}:" in message, message
    assert fragment in message


def test_file_name_must_match_id_and_version(tmp_path: Path) -> None:
    path = _write(tmp_path, "key_findings.v2.md.j2", GOOD)
    with pytest.raises(
        PromptError, match=r"key_findings\.v2\.md\.j2:2: file name must be key_findings\.v1\.md\.j2"
    ):
        load_prompt_file(path)


def test_every_file_is_validated_at_load(prompt_dir: Path) -> None:
    """A broken prompt that the set does not use still stops loading: errors surface early."""
    _write(
        prompt_dir,
        "limitations.v9.md.j2",
        GOOD.replace("key_findings", "limitations")
        .replace("version: 1", "version: 9")
        .replace("{% endfor %}", "{% endif %}"),
    )
    with pytest.raises(PromptError, match=r"limitations\.v9\.md\.j2:13: Jinja syntax error"):
        load_prompt_set(prompt_dir, "default")


def test_prompt_set_errors_name_file_and_line(prompt_dir: Path) -> None:
    sets = prompt_dir / "sets"
    _write(sets, "broken.yaml", "name: broken\nprompts:\n  simple_explanation: 1\n  key_findings: 7\n")
    with pytest.raises(
        PromptError, match=r"broken\.yaml:4: task 'key_findings' names prompt key_findings\.v7"
    ):
        load_prompt_set(prompt_dir, "broken")
    _write(sets, "typo.yaml", "name: typo\nprompts:\n  simple_explanation: 1\n  lay_summary: 1\n")
    with pytest.raises(PromptError, match=r"typo\.yaml:4: unknown task 'lay_summary'"):
        load_prompt_set(prompt_dir, "typo")
    _write(sets, "mixed.yaml", "prompts:\n  limitations: key_findings.v1\n")
    with pytest.raises(
        PromptError, match=r"mixed\.yaml:2: prompt key_findings\.v1 is for task 'key_findings'"
    ):
        load_prompt_set(prompt_dir, "mixed")
    with pytest.raises(PromptError, match="Known prompt sets: .*default"):
        load_prompt_set(prompt_dir, "nope")


def test_prompt_set_can_name_another_prompt_id(prompt_dir: Path) -> None:
    _write(prompt_dir, "findings_short.v1.md.j2", GOOD.replace("id: key_findings", "id: findings_short"))
    _write(prompt_dir / "sets", "short.yaml", "name: short\nprompts:\n  key_findings: findings_short.v1\n")
    pset = load_prompt_set(prompt_dir, "short")
    assert pset.prompts["key_findings"].id == "findings_short"
    assert pset.version == "0-1-0-0-0"


def test_hash_ignores_notes_but_not_template_or_params(tmp_path: Path) -> None:
    base = load_prompt_file(_write(tmp_path, "key_findings.v1.md.j2", GOOD)).hash
    notes = load_prompt_file(
        _write(tmp_path, "key_findings.v1.md.j2", GOOD.replace("test prompt", "clearer notes"))
    ).hash
    template = load_prompt_file(
        _write(tmp_path, "key_findings.v1.md.j2", GOOD.replace("Findings of", "Results of"))
    ).hash
    params = load_prompt_file(_write(tmp_path, "key_findings.v1.md.j2", GOOD.replace("64", "65"))).hash
    assert base == notes
    assert len({base, template, params}) == 3


def test_check_frozen_refuses_a_changed_used_prompt(tmp_path: Path) -> None:
    original = load_prompt_file(_write(tmp_path, "key_findings.v1.md.j2", GOOD))
    check_frozen(original, {original.key: original.hash})  # unchanged: fine
    check_frozen(original, {("other", 1): "abc"})  # never used: fine
    edited = load_prompt_file(
        _write(tmp_path, "key_findings.v1.md.j2", GOOD.replace("Findings of", "Results of"))
    )
    with pytest.raises(PromptError) as err:
        check_frozen(edited, {original.key: {original.hash}})
    message = str(err.value)
    assert "key_findings v1 changed after stored drafts used it" in message
    assert "key_findings.v2.md.j2" in message and original.hash[:12] in message


def test_verify_against_store(settings, prompt_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.store import models as m
    from pipeline.store.db import Store

    pset = load_prompt_set(prompt_dir, "default")
    params = {"prompt_hash": "x", "prompts": pset.provenance_params()}
    assert recorded_prompt_hashes(params)[("key_findings", 1)] == pset.prompts["key_findings"].hash
    store = Store(settings)
    try:
        with store.session() as s:
            art = m.Article(source="t", source_id="a1", title="T", sections=[], fingerprint="f" * 64)
            s.add(art)
            s.flush()
            s.add(
                m.Draft(
                    article_id=art.id,
                    version=1,
                    fields={},
                    backend="seq2seq",
                    model_id="tiny",
                    prompt_id="default",
                    prompt_version=pset.version,
                    params=params,
                    input_fingerprint="i",
                    cache_key="k",
                )
            )
            s.add(
                m.Draft(
                    article_id=art.id,
                    version=2,
                    fields={},
                    backend="extractive",
                    params={},
                    input_fingerprint="i",
                    cache_key="k2",
                )
            )
        with store.session() as s:
            assert verify_against_store(s, prompt_dir) == {"drafts": 1, "prompt_versions": 5}
        path = prompt_dir / "key_findings.v1.md.j2"
        path.write_text(path.read_text(encoding="utf-8") + "\nBe brief.\n", encoding="utf-8")
        with (
            store.session() as s,
            pytest.raises(PromptError, match="key_findings v1 changed after stored drafts"),
        ):
            verify_against_store(s, prompt_dir)
        path.unlink()
        with store.session() as s, pytest.raises(PromptError, match="key_findings.v1.md.j2 is missing"):
            verify_against_store(s, prompt_dir)
    finally:
        store.dispose()
