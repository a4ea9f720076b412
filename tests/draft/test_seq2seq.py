"""The seq2seq backend end to end on tiny random T5 and BART models, torch and CTranslate2 runtimes."""

# The tiny-model fixtures are imported from tests.draft.tiny_models and used as parameters.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from pipeline.domain import Article, Fact, Facts, PracticalPoint, Section
from pipeline.draft import postprocess
from pipeline.draft.base import DraftResult, make_backend
from pipeline.draft.seq2seq import Placement, Seq2SeqBackend, generate_batched, resolve_placement
from pipeline.errors import ConfigError, DraftError, ModelNotFound
from tests.draft.tiny_models import bmc_records, model_settings, tiny_models_dir  # noqa: F401

# Short outputs keep the tests fast; min_new_tokens makes a random model's output non-empty.
GEN = {"num_beams": 1, "max_new_tokens": 8, "min_new_tokens": 4, "no_repeat_ngram_size": 0}


def _article(rec: dict) -> Article:
    return Article(
        source="bmc",
        source_id=rec["id"],
        title=rec["title"],
        sections=[Section(s.get("label"), s["text"]) for s in rec["sections"]],
        doi=rec.get("doi"),
    )


def _facts() -> Facts:
    return Facts(
        design=Fact("cohort study"),
        evidence_level=Fact("Level 3"),
        participants=Fact("38 adults"),
        study_period=Fact("2 days"),
        categories=["Musculoskeletal"],
        relevance=0.7,
    )


@pytest.fixture(scope="module")
def items() -> list[tuple[Article, Facts]]:
    recs = sorted(bmc_records(40), key=lambda r: sum(len(s["text"]) for s in r["sections"]))
    return [(_article(r), _facts()) for r in recs[:3]]


@pytest.fixture
def backend(model_settings) -> Seq2SeqBackend:  # type: ignore[no-untyped-def]
    b = make_backend(model_settings, "seq2seq", model="tiny-t5", generation=GEN)
    assert isinstance(b, Seq2SeqBackend)
    return b


def _assert_filled(result: DraftResult | Exception) -> DraftResult:
    assert isinstance(result, DraftResult), result
    f = result.fields
    assert f.simple_explanation.strip() and f.research_summary.strip()
    assert f.key_findings and all(x.strip() for x in f.key_findings)
    assert f.limitations and all(x.strip() for x in f.limitations)
    assert f.practical_implications and all(p.title and p.text for p in f.practical_implications)
    assert (f.study_duration, f.participants, f.evidence_level, f.categories) == (
        "2 days",
        "38 adults",
        "Level 3",
        ["Musculoskeletal"],
    )
    return result


def test_t5_drafts_every_field_with_provenance(backend: Seq2SeqBackend, items) -> None:  # type: ignore[no-untyped-def]
    results = backend.draft_batch(items)
    for r in results:
        _assert_filled(r)
    prov = backend.provenance
    assert prov.backend == "seq2seq" and prov.model_id == "tiny-t5"
    assert prov.model_revision and prov.model_revision.startswith("sha256:")
    assert (prov.prompt_id, prov.prompt_version) == ("default", "1-1-1-1-1")
    assert prov.params["runtime"] == "torch" and len(prov.params["prompt_hash"]) == 64
    kf = prov.params["prompts"]["key_findings"]
    assert kf["id"] == "key_findings" and kf["version"] == 1 and len(kf["prompt_hash"]) == 64
    assert kf["generation"]["max_new_tokens"] == 8  # explicit override > prompt > models.yaml
    assert prov.cache_key("fp") == make_backend(
        backend.settings, "seq2seq", model="tiny-t5", generation=GEN
    ).provenance.cache_key("fp")


def test_deterministic(backend: Seq2SeqBackend, items) -> None:  # type: ignore[no-untyped-def]
    first = backend.draft_batch(items[:2])
    second = backend.draft_batch(items[:2])
    assert [r.fields for r in first] == [r.fields for r in second]  # type: ignore[union-attr]


def test_one_failing_item_does_not_fail_the_batch(backend: Seq2SeqBackend, items) -> None:  # type: ignore[no-untyped-def]
    empty = Article(source="bmc", source_id="empty", title=" ", sections=[])
    results = backend.draft_batch([items[0], (empty, _facts()), items[1]])
    assert isinstance(results[1], DraftError) and "no title or abstract text" in str(results[1])
    _assert_filled(results[0])
    _assert_filled(results[2])


def test_generation_failure_is_isolated_to_its_item(backend: Seq2SeqBackend, items, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gen = backend.generator
    real = gen.generate_ids
    poison = backend.encode(
        backend.prompt_set.prompts["simple_explanation"].render(items[1][0], items[1][1], model_family="t5")
    )

    def flaky(batch, params):  # type: ignore[no-untyped-def]
        if poison in batch:
            raise RuntimeError("out of memory")
        return real(batch, params)

    monkeypatch.setattr(gen, "generate_ids", flaky)
    results = backend.draft_batch(items)
    assert isinstance(results[1], RuntimeError)
    _assert_filled(results[0])
    _assert_filled(results[2])


def test_long_abstract_is_split_by_section_and_merged(model_settings, items) -> None:  # type: ignore[no-untyped-def]
    short = make_backend(model_settings, "seq2seq", model="tiny-t5-short", generation=GEN)
    article = items[2][0]
    result = _assert_filled(short.draft_batch([(article, _facts())])[0])
    assert any("split by section and merged" in w and "tiny-t5-short" in w for w in result.warnings)
    # one unlabelled section that is too long on its own: truncated, with a warning
    huge = Article(
        source="bmc",
        source_id="huge",
        title=article.title,
        sections=[Section(None, " ".join(s.text for s in article.sections) * 2)],
    )
    result = _assert_filled(short.draft_batch([(huge, _facts())])[0])
    assert any("truncated to 160 tokens" in w for w in result.warnings)


def test_bart_drafts_every_field(model_settings, items) -> None:  # type: ignore[no-untyped-def]
    bart = make_backend(model_settings, "seq2seq", model="tiny-bart", generation=GEN)
    for r in bart.draft_batch(items[:2]):
        _assert_filled(r)
    assert bart.provenance.params["family"] == "bart"


def test_generate_batched_sorts_and_restores_order() -> None:
    seen: list[list[int]] = []

    def echo(batch: list[list[int]], params: dict) -> list[list[int]]:
        seen.append([len(x) for x in batch])
        return [x[:1] for x in batch]

    inputs = [[1] * n for n in (3, 9, 1, 7, 5)]
    assert generate_batched(echo, inputs, {}, 2) == [[1]] * 5
    assert seen == [[9, 7], [5, 3], [1]]


def test_ct2_needs_an_explicit_conversion(model_settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelNotFound, match="plainsci models convert tiny-bart"):
        make_backend(model_settings, "seq2seq", model="tiny-bart", runtime="ct2", quantization="int16")


@pytest.mark.parametrize("alias", ["tiny-t5", "tiny-bart"])
def test_ct2_runtime_matches_torch_and_drafts(model_settings, items, alias: str) -> None:  # type: ignore[no-untyped-def]
    from pipeline.draft.ct2 import convert_alias

    out = convert_alias(alias, model_settings, "float32")
    assert (out / "model.bin").exists() and convert_alias(alias, model_settings, "float32") == out
    torch_backend = make_backend(model_settings, "seq2seq", model=alias, generation=GEN)
    ct2_backend = make_backend(
        model_settings, "seq2seq", model=alias, runtime="ct2", quantization="float32", generation=GEN
    )
    prompt = torch_backend.prompt_set.prompts["research_summary"]
    ids = [torch_backend.encode(prompt.render(a, f, model_family=torch_backend.family)) for a, f in items[:2]]
    params = {"num_beams": 1, "max_new_tokens": 10, "min_new_tokens": 5}
    assert ct2_backend.generator.generate_ids(ids, params) == torch_backend.generator.generate_ids(
        ids, params
    )
    assert ct2_backend.provenance.params["runtime"] == "ct2"
    assert ct2_backend.provenance.cache_key("x") != torch_backend.provenance.cache_key("x")
    if alias == "tiny-t5":
        convert_alias(alias, model_settings)  # int8, the default
        int8 = make_backend(model_settings, "seq2seq", model=alias, runtime="ct2", generation=GEN)
        assert int8.provenance.params["quantization"] == "int8"
        for r in int8.draft_batch(items[:2]):
            _assert_filled(r)


def _has_gpu() -> bool:
    import torch

    return bool(torch.cuda.is_available())


def test_placement_auto_is_the_gpu_when_there_is_one_else_the_cpu() -> None:
    place = resolve_placement("auto")
    if _has_gpu():
        assert place == Placement("cuda:0", "float32") and place.kind == "cuda"
    else:
        assert place == Placement("cpu", "float32") and place.kind == "cpu"
    assert resolve_placement(" CPU ") == Placement("cpu", "float32")
    assert resolve_placement("cpu", "bfloat16") == Placement("cpu", "bfloat16")


@pytest.mark.parametrize(
    ("device", "dtype", "message"),
    [
        ("tpu", "float32", "Unknown seq2seq device 'tpu'"),
        ("cuda:x", "float32", "Unknown seq2seq device"),
        ("cpu", "int8", "Unknown seq2seq dtype 'int8'"),
        ("cpu", "float16", "float16 but the model runs on the CPU"),
        ("cuda:7", "float32", "PLAINSCI_SEQ2SEQ_DEVICE is 'cuda:7'"),
    ],
)
def test_placement_errors_name_the_setting_and_what_to_do(device: str, dtype: str, message: str) -> None:
    import torch

    if device == "cuda:7" and torch.cuda.device_count() > 7:
        pytest.skip("this machine has 8 GPUs")
    with pytest.raises(ConfigError, match=message) as err:
        resolve_placement(device, dtype)
    assert err.value.hint


def test_asking_for_a_gpu_without_one_is_a_config_error_before_any_weights(model_settings) -> None:  # type: ignore[no-untyped-def]
    if _has_gpu():
        pytest.skip("this machine has a GPU")
    gpu = model_settings.model_copy(update={"seq2seq_device": "cuda"})
    with pytest.raises(ConfigError, match="sees no CUDA GPU") as err:
        make_backend(gpu, "seq2seq", model="tiny-t5", generation=GEN)
    assert "auto or cpu" in (err.value.hint or "")
    with pytest.raises(ConfigError, match="ct2 runtime runs on the CPU"):
        make_backend(gpu, "seq2seq", model="tiny-t5", runtime="ct2", generation=GEN)


def test_precision_is_in_the_provenance_and_the_cache_key(model_settings, items) -> None:  # type: ignore[no-untyped-def]
    cpu = make_backend(
        model_settings.model_copy(update={"seq2seq_device": "cpu"}),
        "seq2seq",
        model="tiny-t5",
        generation=GEN,
    )
    bf16 = make_backend(
        model_settings.model_copy(update={"seq2seq_device": "cpu", "seq2seq_dtype": "bfloat16"}),
        "seq2seq",
        model="tiny-t5",
        generation=GEN,
    )
    assert (cpu.provenance.params["device"], cpu.provenance.params["dtype"]) == ("cpu", "float32")
    assert bf16.provenance.params["dtype"] == "bfloat16"
    assert bf16.provenance.cache_key("fp") != cpu.provenance.cache_key("fp")  # other weights, other drafts
    assert str(next(bf16.generator.model.parameters()).dtype) == "torch.bfloat16"  # type: ignore[attr-defined]
    for r in bf16.draft_batch(items[:2]):
        _assert_filled(r)


@pytest.mark.skipif("not __import__('torch').cuda.is_available()", reason="needs a CUDA GPU")
def test_gpu_float32_generates_what_the_cpu_generates(model_settings, items) -> None:  # type: ignore[no-untyped-def]
    cpu = make_backend(
        model_settings.model_copy(update={"seq2seq_device": "cpu"}),
        "seq2seq",
        model="tiny-t5",
        generation=GEN,
    )
    gpu = make_backend(model_settings, "seq2seq", model="tiny-t5", generation=GEN)  # auto: the GPU
    assert gpu.provenance.params["device"] == "cuda"
    assert str(next(gpu.generator.model.parameters()).device) == "cuda:0"  # type: ignore[attr-defined]
    prompt = cpu.prompt_set.prompts["simple_explanation"]
    ids = [cpu.encode(prompt.render(a, f, model_family=cpu.family)) for a, f in items]
    params = {"num_beams": 1, "max_new_tokens": 12, "min_new_tokens": 6}
    assert gpu.generator.generate_ids(ids, params) == cpu.generator.generate_ids(ids, params)
    assert gpu.provenance.cache_key("fp") != cpu.provenance.cache_key("fp")
    bf16 = make_backend(
        model_settings.model_copy(update={"seq2seq_dtype": "bfloat16"}),
        "seq2seq",
        model="tiny-t5",
        generation=GEN,
    )
    for r in bf16.draft_batch(items):
        _assert_filled(r)


def test_backend_needs_a_model(settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="PLAINSCI_MODEL"):
        make_backend(settings, "seq2seq")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "- Blood pressure fell.\n- Fewer strokes.\n* Walking helped",
            ["Blood pressure fell.", "Fewer strokes.", "Walking helped"],
        ),
        (
            "1. Blood pressure fell. 2. Fewer strokes. 3) Walking helped.",
            ["Blood pressure fell.", "Fewer strokes.", "Walking helped."],
        ),
        (
            "blood pressure fell by 5 mmHg; fewer strokes; fewer strokes",
            ["blood pressure fell by 5 mmHg", "fewer strokes"],
        ),
        (
            "Blood pressure fell by 5.2 mmHg. Strokes were rarer.",
            ["Blood pressure fell by 5.2 mmHg.", "Strokes were rarer."],
        ),
        ("<pad> one finding </s>", ["one finding"]),
        ("", []),
    ],
)
def test_split_items(text: str, items: list[str]) -> None:
    assert postprocess.split_items(text) == items


def test_split_points_and_paragraphs() -> None:
    points = postprocess.split_points(
        "For patients: walk daily; **Doctors**: check blood pressure; more exercise helps older adults"
    )
    assert points == [
        PracticalPoint("For patients", "Walk daily."),
        PracticalPoint("Doctors", "Check blood pressure."),
        PracticalPoint("More exercise helps older adults", "More exercise helps older adults."),
    ]
    assert postprocess.to_paragraph("- walking helps\n- so does sleep") == "Walking helps. So does sleep."
    assert postprocess.to_paragraph("It  works .") == "It works."
