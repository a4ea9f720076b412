"""The variant grid: one row per (variant, item), every metric, and an on-disk cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.domain import Article, DraftFields, Facts, PracticalPoint
from pipeline.draft.base import DraftResult, Provenance
from pipeline.lab.datasets import Pair, load_pairs
from pipeline.lab.grid import (
    DraftCache,
    Variant,
    grid_variants,
    items_from_articles,
    items_from_pairs,
    metric_columns,
    run_grid,
)

COCHRANE = Path(__file__).resolve().parents[3] / "shared" / "data" / "cochrane_val" / "pairs.jsonl"


class CountingBackend:
    """Copies the first two sentences of the abstract; counts how many items it drafted."""

    name = "counting"

    def __init__(self, tag: str = "a", fail_ids: frozenset[str] = frozenset()) -> None:
        self.tag, self.fail_ids = tag, fail_ids
        self.calls = 0
        self.items = 0

    @property
    def provenance(self) -> Provenance:
        return Provenance(backend="counting", prompt_id="copy", prompt_version="1", params={"tag": self.tag})

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        self.calls += 1
        self.items += len(items)
        out: list[DraftResult | Exception] = []
        for art, _facts in items:
            if art.source_id in self.fail_ids:
                out.append(RuntimeError("model exploded"))
                continue
            sents = art.abstract_plain.split(". ")
            out.append(
                DraftResult(
                    DraftFields(
                        simple_explanation=". ".join(sents[:2]).rstrip(".") + ".",
                        key_findings=[sents[-1]],
                        research_summary=sents[0],
                        practical_implications=[PracticalPoint("Point", sents[-1])],
                        limitations=["Small study"],
                    )
                )
            )
        return out


@pytest.fixture
def pairs() -> list[Pair]:
    if not COCHRANE.exists():
        pytest.skip("../shared/data/cochrane_val is not present")
    return load_pairs(COCHRANE, limit=4)


def test_second_run_uses_the_cache_and_calls_the_backend_zero_times(settings, pairs: list[Pair]) -> None:  # type: ignore[no-untyped-def]
    backend = CountingBackend()
    variants = [Variant("copy")]
    first = run_grid(variants, pairs, settings, backends={"copy": backend}, progress=False)
    assert backend.items == 4 and not first["cached"].any()
    again = CountingBackend()
    second = run_grid(variants, pairs, settings, backends={"copy": again}, progress=False)
    assert again.calls == 0 and again.items == 0
    assert second["cached"].all()
    cols = ["id", "text", *metric_columns(first)]
    assert second[cols].equals(first[cols])
    # The cache lives under data_dir/lab_cache, keyed by the provenance cache key.
    key = first["cache_key"].iloc[0]
    assert (Path(settings.data_dir) / "lab_cache" / "drafts" / key[:2] / f"{key}.json").is_file()
    # Another parameter is another cache key: only that variant drafts.
    other = CountingBackend(tag="b")
    third = run_grid(
        [Variant("copy"), Variant("other")],
        pairs,
        settings,
        backends={"copy": CountingBackend(), "other": other},
        progress=False,
    )
    assert other.items == 4
    assert third.groupby("variant")["cached"].all().to_dict() == {"copy": True, "other": False}


def test_long_frame_has_every_metric_and_reference_metrics_only_with_a_reference(settings, pairs) -> None:  # type: ignore[no-untyped-def]
    items = items_from_pairs(pairs[:2]) + items_from_articles([pairs_article(pairs[2])])
    frame = run_grid([Variant("copy")], items, settings, backends={"copy": CountingBackend()}, progress=False)
    assert len(frame) == 3
    metrics = metric_columns(frame)
    for name in (
        "rouge1",
        "sari",
        "fkgl",
        "number_faithfulness",
        "page_sentence_support",
        "page_jargon_rate",
        "page_flags",
    ):
        assert name in metrics
    with_ref = frame[frame["has_reference"]]
    assert with_ref["rouge1"].between(0, 100).all() and with_ref["sari"].notna().all()
    assert frame.loc[~frame["has_reference"], "rouge1"].isna().all()
    assert frame["fkgl"].notna().all()
    # Numbers copied from the abstract are all found in it.
    assert (frame["number_faithfulness"] == 1.0).all()
    assert frame.attrs["variants"]["copy"]["backend"] == "extractive"


def pairs_article(pair: Pair) -> Article:
    from pipeline.lab.datasets import pair_to_article

    return pair_to_article(pair, source="sample")


def test_failed_items_are_rows_with_an_error_and_are_not_cached(settings, pairs) -> None:  # type: ignore[no-untyped-def]
    bad = pairs[1].id
    frame = run_grid(
        [Variant("copy")],
        pairs,
        settings,
        backends={"copy": CountingBackend(fail_ids=frozenset({bad}))},
        progress=False,
    )
    row = frame.set_index("id").loc[bad]
    assert "model exploded" in row["error"] and row["fkgl"] != row["fkgl"]  # NaN
    retry = CountingBackend()
    run_grid([Variant("copy")], pairs, settings, backends={"copy": retry}, progress=False)
    assert retry.items == 1  # only the failed item is drafted again


def test_extractive_parameter_variants_are_distinct_cache_entries(settings, pairs) -> None:  # type: ignore[no-untyped-def]
    variants = [Variant("extractive"), Variant("extractive/short", "extractive", {"simple_max_words": 60})]
    frame = run_grid(variants, pairs[:2], settings, progress=False)
    assert frame.groupby("variant").size().to_dict() == {"extractive": 2, "extractive/short": 2}
    keys = frame.pivot(index="id", columns="variant", values="cache_key")
    assert (keys["extractive"] != keys["extractive/short"]).all()
    assert frame["error"].isna().all()


def test_grid_variants_is_a_named_cross_product() -> None:
    vs = grid_variants("seq2seq", models=["m1", "m2"], generations=[None, {"num_beams": 2}])
    assert [v.name for v in vs] == [
        "seq2seq/m1",
        "seq2seq/m1/num_beams=2",
        "seq2seq/m2",
        "seq2seq/m2/num_beams=2",
    ]
    assert vs[1].options == {"model": "m1", "generation": {"num_beams": 2}}
    assert vs[1].generation == {"num_beams": 2}


def test_run_grid_refuses_duplicate_names(settings, pairs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unique"):
        run_grid([Variant("a"), Variant("a")], pairs, settings, progress=False)


def test_cache_ignores_a_corrupt_entry(tmp_path: Path) -> None:
    cache = DraftCache(tmp_path)
    cache.put("drafts", "abcdef", {"x": 1})
    assert cache.get("drafts", "abcdef") == {"x": 1}
    (tmp_path / "drafts" / "ab" / "abcdef.json").write_text("{not json", encoding="utf-8")
    assert cache.get("drafts", "abcdef") is None
    assert cache.get("drafts", "missing") is None
