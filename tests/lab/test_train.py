"""Fine-tuning a tiny random T5 for a few steps on real Cochrane pairs with Seq2SeqTrainer."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from pipeline.draft.models import load_models, resolve
from pipeline.errors import ConfigError
from pipeline.lab.train import _split, register_model, registry_entry, train
from pipeline.settings import REPO_ROOT, load_settings
from tests.draft.tiny_models import SHARED_DATA, build_tiny_t5

COCHRANE = SHARED_DATA / "cochrane_val" / "pairs.jsonl"


@pytest.fixture(scope="module")
def tiny_t5(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_t5(tmp_path_factory.mktemp("base") / "tiny-t5")


@pytest.fixture
def lab(tmp_path: Path, tiny_t5: Path):  # type: ignore[no-untyped-def]
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    models_file = models_dir / "models.yaml"
    shutil.copy(REPO_ROOT / "models" / "models.yaml", models_file)
    with models_file.open("a", encoding="utf-8") as fh:
        fh.write(f"\n  tiny-t5:\n    source: {tiny_t5}\n    family: t5\n    max_input_tokens: 256\n")
    settings = load_settings(
        data_dir=tmp_path / "var", models_dir=models_dir, models_file=models_file, torch_threads=2
    )
    return settings


@pytest.mark.skipif(not COCHRANE.exists(), reason="../shared/data/cochrane_val is not present")
def test_train_a_few_steps_saves_evaluates_and_registers(lab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip(
        "accelerate", reason="transformers' Trainer needs accelerate (add it to the dependencies)"
    )
    models_file = Path(lab.models_file)
    before = models_file.read_bytes()
    out = Path(lab.models_dir) / "tiny-t5-lay"
    result = train(
        COCHRANE,
        "tiny-t5",
        out,
        lab,
        max_steps=3,
        limit=20,
        batch_size=4,
        eval_fraction=0.1,
        max_target_tokens=24,
    )
    assert result["steps"] == 3 and result["n_train"] == 18 and result["n_eval"] == 2
    assert math.isfinite(result["eval_loss"]) and result["eval_loss"] > 0
    assert 0.0 <= result["eval_rouge1"] <= 100.0
    for name in ("config.json", "model.safetensors", "tokenizer_config.json", "plainsci_training.json"):
        assert (out / name).is_file(), name
    record = json.loads((out / "plainsci_training.json").read_text(encoding="utf-8"))
    assert record["params"]["max_steps"] == 3 and len(record["held_out_ids"]) == 2
    assert record["dataset"]["sha256"] and record["metrics"]["eval_loss"] == result["eval_loss"]
    # models.yaml: appended only (comments and entries kept), the new alias resolves to the folder.
    after = models_file.read_bytes()
    assert after.startswith(before)
    registry = load_models(models_file)
    assert registry["tiny-t5-lay"].family == "t5" and registry["tiny-t5-lay"].source == "./tiny-t5-lay"
    assert registry["tiny-t5-lay"].max_input_tokens == 256
    assert set(load_models(REPO_ROOT / "models" / "models.yaml")) < set(registry)
    assert resolve("tiny-t5-lay", lab).path == out
    # The same split again: the held-out ids are the seeded ones.
    from pipeline.lab.datasets import load_pairs

    _, held = _split(load_pairs(COCHRANE, limit=20), 0.1, 0)
    assert [p.id for p in held] == record["held_out_ids"]
    # Training into a registered alias is refused before any work.
    with pytest.raises(ConfigError, match="already has a model 'tiny-t5-lay'"):
        train(COCHRANE, "tiny-t5", tmp_path / "elsewhere" / "tiny-t5-lay", lab, max_steps=1, limit=4)


def test_register_model_appends_and_restores_on_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "models.yaml"
    good.write_text("# header comment\nmodels:\n  a:\n    source: x/y\n    family: t5\n", encoding="utf-8")
    register_model(good, "b", registry_entry("b", "./b", "bart", 1024, base="a"))
    text = good.read_text(encoding="utf-8")
    assert text.startswith("# header comment\nmodels:\n  a:\n") and set(load_models(good)) == {"a", "b"}
    with pytest.raises(ConfigError, match="already has"):
        register_model(good, "a", registry_entry("a", "./a", "t5", 512, base="a"))
    bad = tmp_path / "other.yaml"
    original = "models:\n  a: {source: x/y, family: t5}\nother_key: 1\n"
    bad.write_text(original, encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any failure must leave the file as it was
        register_model(bad, "b", registry_entry("b", "./b", "t5", 512, base="a"))
    assert bad.read_text(encoding="utf-8") == original
    empty = tmp_path / "new.yaml"
    register_model(empty, "c", registry_entry("c", "./c", "t5", 512, base="a"))
    assert set(load_models(empty)) == {"c"}


def test_split_holds_out_at_least_one_pair() -> None:
    from pipeline.lab.datasets import Pair

    pairs = [Pair(f"p{i}", "a", "b", i + 1) for i in range(5)]
    train_part, held = _split(pairs, 0.1, 0)
    assert len(held) == 1 and len(train_part) == 4
    assert {p.id for p in train_part} | {p.id for p in held} == {p.id for p in pairs}
    with pytest.raises(Exception, match="at least 2"):
        _split(pairs[:1], 0.1, 0)
