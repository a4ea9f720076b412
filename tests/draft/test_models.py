"""Model registry: models.yaml, finding weights on disk or in the HF cache, clear missing-model errors."""

# The tiny-model fixtures are imported from tests.draft.tiny_models and used as parameters.
# ruff: noqa: F811

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.draft import models
from pipeline.draft.models import list_models, load_models, model_revision, resolve
from pipeline.errors import ConfigError, ModelNotFound
from pipeline.settings import REPO_ROOT
from tests.draft.tiny_models import model_settings, tiny_models_dir, write_models_yaml  # noqa: F401

COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def _no_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolving must never reach the hub: any snapshot_download that may download fails the test."""
    import huggingface_hub

    real = huggingface_hub.snapshot_download

    def guarded(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not kwargs.get("local_files_only"):
            pytest.fail("snapshot_download called without local_files_only=True")
        return real(*args, **kwargs)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", guarded)


def test_repo_models_yaml() -> None:
    registry = load_models(REPO_ROOT / "models" / "models.yaml")
    assert {"flan-t5-base", "flan-t5-large", "bart-large-cnn"} <= set(registry)
    assert registry["flan-t5-base"].source == "google/flan-t5-base" and registry["flan-t5-base"].is_hf_id
    assert registry["bart-large-cnn"].family == "bart" and registry["bart-large-cnn"].max_input_tokens == 1024
    for spec in registry.values():
        assert spec.license and spec.generation.get("num_beams")


def test_resolve_local_folder_and_revision(model_settings) -> None:  # type: ignore[no-untyped-def]
    found = resolve("tiny-t5", model_settings)
    assert found.path == Path(model_settings.models_dir) / "tiny-t5"
    assert found.spec.family == "t5" and found.where == "models_dir"
    assert (
        found.revision.startswith("sha256:") and found.revision == resolve("tiny-t5", model_settings).revision
    )
    # a path works too, with the family read from config.json
    direct = resolve(str(found.path), model_settings)
    assert direct.spec.family == "t5" and direct.revision == found.revision


def test_revision_changes_with_the_weights(tmp_path: Path, tiny_models_dir: Path) -> None:
    copy = Path(shutil.copytree(tiny_models_dir / "tiny-t5", tmp_path / "copy"))
    before = model_revision(copy)
    assert before == model_revision(tiny_models_dir / "tiny-t5")
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert model_revision(copy) != before


def test_resolve_from_hf_cache_uses_the_snapshot_commit(model_settings, tiny_models_dir: Path) -> None:  # type: ignore[no-untyped-def]
    repo = Path(models.hf_cache_dir()) / "models--example-org--not-downloaded"
    snapshot = repo / "snapshots" / COMMIT
    shutil.copytree(tiny_models_dir / "tiny-t5", snapshot)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(COMMIT)
    found = resolve("missing-hf", model_settings)
    assert found.where == "hf cache" and found.path.name == COMMIT
    assert found.revision == COMMIT


def test_missing_model_names_every_place_and_the_pull_command(model_settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelNotFound) as err:
        resolve("missing-hf", model_settings)
    message = str(err.value)
    models_dir = Path(model_settings.models_dir)
    assert str(models_dir / "missing-hf") in message
    assert str(models_dir / "example-org--not-downloaded") in message
    assert str(Path(models.hf_cache_dir()) / "models--example-org--not-downloaded") in message
    assert "`plainsci models pull missing-hf`" in message
    assert err.value.code == "E041"


def test_unknown_alias_lists_known_ones(model_settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelNotFound, match="Known aliases: missing-hf, tiny-bart, tiny-t5"):
        resolve("flan-t5-xxl", model_settings)


def test_local_source_missing_says_where_to_put_it(tmp_path: Path, model_settings) -> None:  # type: ignore[no-untyped-def]
    models_file = write_models_yaml(
        tmp_path / "m" / "models.yaml", {"ours": {"source": "./ours-finetuned", "family": "t5"}}
    )
    settings = model_settings.model_copy(update={"models_file": models_file, "models_dir": tmp_path / "m"})
    with pytest.raises(ModelNotFound, match=r"Put the model folder .* at .*ours-finetuned"):
        resolve("ours", settings)


def test_invalid_models_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(
        "models:\n  good:\n    source: a/b\n    family: t5\n  bad:\n    source: c/d\n    family: gpt\n"
    )
    with pytest.raises(ConfigError, match=r"models\.yaml:5: model 'bad': family must be one of"):
        load_models(path)
    path.write_text("models:\n  bad:\n    source: c/d\n    family: t5\n    weights: x\n")
    with pytest.raises(ConfigError, match=r"models\.yaml:2: model 'bad' has unknown key 'weights'"):
        load_models(path)


def test_list_models(model_settings) -> None:  # type: ignore[no-untyped-def]
    status = {s.spec.alias: s for s in list_models(model_settings)}
    assert status["tiny-t5"].path is not None
    assert status["missing-hf"].path is None and "not on this machine" in status["missing-hf"].looked_in[0]


def test_pull_refuses_local_and_unknown_models(model_settings) -> None:  # type: ignore[no-untyped-def]
    # Only the error paths: a real pull needs the network and is never run in tests.
    with pytest.raises(ModelNotFound, match="nothing to download"):
        models.pull("tiny-t5", model_settings)
    with pytest.raises(ModelNotFound, match="Unknown model alias"):
        models.pull("nope", model_settings)
