"""The evaluation harness: baselines, scoring, aggregation, JSON report, end to end on Cochrane pairs."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from pipeline.domain import Article, DraftFields, Facts
from pipeline.draft.base import DraftResult, Provenance
from pipeline.errors import ConfigError
from pipeline.lab import eval as ev
from pipeline.lab.datasets import Pair, pair_to_article

COCHRANE = Path(__file__).resolve().parents[3] / "shared" / "data" / "cochrane_val" / "pairs.jsonl"
needs_cochrane = pytest.mark.skipif(
    not COCHRANE.exists(), reason="../shared/data/cochrane_val is not present"
)

ABSTRACT = (
    "Dr. Smith's team pooled 12 trials with 1,520 adults. Exercise reduced falls by 23% "
    "(RR 0.77, 95% CI 0.70 to 0.85). Hip fractures were rare! Adverse events were mild? "
    "The evidence was of moderate certainty."
)


def test_lead_3_on_a_hand_example() -> None:
    # "Dr." does not end a sentence; "!" and "?" do.
    assert ev.lead_k(ABSTRACT) == (
        "Dr. Smith's team pooled 12 trials with 1,520 adults. Exercise reduced falls by 23% "
        "(RR 0.77, 95% CI 0.70 to 0.85). Hip fractures were rare!"
    )
    assert ev.lead_k(ABSTRACT, k=1) == "Dr. Smith's team pooled 12 trials with 1,520 adults."
    assert ev.lead_k("Only one sentence here") == "Only one sentence here"


def test_backend_text_is_explanation_then_findings() -> None:
    fields = DraftFields(
        "Exercise helps older people fall less", ["Falls went down by 23%.", "  "], "", [], []
    )
    assert ev.backend_text(fields) == "Exercise helps older people fall less. Falls went down by 23%."


def test_score_output_metrics_and_reference_row() -> None:
    pair = Pair("p1", ABSTRACT, "Exercise helps older adults fall less often. The evidence is moderate.", 1)
    article = pair_to_article(pair)
    copy = ev.score_output(pair.abstract, pair, article)
    assert set(copy) == set(ev.ITEM_METRICS)
    assert copy["compression"] == 1.0
    assert copy["number_faithfulness"] == 1.0
    assert 0 < copy["rouge1"] <= 100 and 0 < copy["sari"] < 100
    ref = ev.score_output(pair.plain_summary, pair, article, with_reference=False)
    assert all(math.isnan(ref[m]) for m in ev.REFERENCE_METRICS)
    assert ref["words"] == 11 and ref["fkgl"] > 0
    invented = ev.score_output("Falls went down by 40%. It helped 12 people.", pair, article)
    assert invented["number_faithfulness"] == 0.5
    empty = ev.score_output("", pair, article)
    assert empty["rouge1"] == 0.0 and empty["words"] == 0


class FakeBackend:
    """Drafts the first sentence as the explanation; fails on one chosen article."""

    name = "fake"

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on

    @property
    def provenance(self) -> Provenance:
        return Provenance("fake", model_id="none", params={"k": 1})

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        out: list[DraftResult | Exception] = []
        for article, _facts in items:
            if article.source_id == self.fail_on:
                out.append(ValueError("cannot draft this one"))
                continue
            first = ev.lead_k(article.abstract_plain, 1)
            out.append(DraftResult(DraftFields(first, [ev.lead_k(article.abstract_plain, 2)], "", [], [])))
        return out


def _use_backend(monkeypatch: pytest.MonkeyPatch, backend: Any) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_make_backend(settings: Any, name: str | None = None, **options: Any) -> Any:
        calls.append({"name": name, **options})
        return backend

    monkeypatch.setattr("pipeline.draft.base.make_backend", fake_make_backend)
    return calls


def _check_report(report: ev.EvalReport, backend: str, n: int, out: Path) -> dict[str, Any]:
    systems = [backend, f"{backend}/simple_explanation", "lead-3", "copy-abstract", "reference"]
    assert report.systems == systems
    assert list(report.table.columns) == list(ev.TABLE_COLUMNS)
    for metric in (
        "rouge1",
        "rouge2",
        "rougeL",
        "sari",
        "fkgl",
        "fkgl_median",
        "dale_chall",
        "coleman_liau",
        "number_faithfulness",
        "compression",
        "words",
    ):
        assert metric in report.table.columns
        for system in systems:
            value = report.table.at[system, metric]
            if system == "reference" and metric in ev.REFERENCE_METRICS:
                assert math.isnan(value)
            else:
                assert math.isfinite(value), (system, metric)
    assert report.table.at["copy-abstract", "compression"] == pytest.approx(1.0)
    assert report.table.at["lead-3", "n"] == n
    # ROUGE of copying the whole abstract beats lead-3 recall-wise on these long summaries.
    assert report.table.at["copy-abstract", "rouge1"] > 0

    text = report.format_table()
    assert all(s in text for s in systems) and "fkgl_median" in text
    assert report.format_markdown().startswith("| system")

    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["systems"]) == set(systems)
    assert data["systems"]["reference"]["sari"] is None
    assert data["systems"]["lead-3"]["n"] == n
    specs = data["metrics"]
    assert set(specs) == set(ev.ITEM_METRICS)
    assert all(isinstance(s["version"], str) and s["version"] for s in specs.values())
    assert specs["sari"]["higher_is_better"] is True and specs["fkgl"]["higher_is_better"] is False
    prov = data["provenance"]
    assert prov["dataset"]["sha256"] and len(prov["dataset"]["sha256"]) == 64
    assert prov["dataset"]["n_pairs"] == n and prov["dataset"]["limit"] == n
    assert prov["backend"]["backend"] == backend
    assert prov["packages"]["rouge-score"] and prov["packages"]["textstat"]
    assert "commit" in prov["git"] and prov["created_at"]
    assert len(data["items"]) == len(report.items)
    return data


@needs_cochrane
def test_run_eval_with_a_fake_backend(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> None:
    first_ids = [json.loads(line)["id"] for line in COCHRANE.read_text(encoding="utf-8").splitlines()[:20]]
    backend = FakeBackend(fail_on=first_ids[4])
    calls = _use_backend(monkeypatch, backend)
    out = tmp_path / "report.json"
    progress: list[tuple[int, int]] = []
    report = ev.run_eval(
        COCHRANE,
        settings,
        backend="fake",
        prompt="p1",
        limit=20,
        out=out,
        progress=lambda done, total: progress.append((done, total)),
    )
    assert calls == [{"name": "fake", "prompt": "p1"}]
    assert progress[-1] == (20, 20)
    # The failed item is reported and left out of the backend's rows only.
    assert report.failures == [
        {"id": first_ids[4], "line": "5", "error": "ValueError: cannot draft this one"}
    ]
    assert report.table.at["fake", "n"] == 19
    data = _check_report(report, "fake", 20, out)
    assert data["provenance"]["prompt"] == "p1"
    # The backend's explanation is its first sentence: its lead-1 ROUGE is below the lead-2+1 text's.
    assert report.table.at["fake/simple_explanation", "words"] < report.table.at["fake", "words"]


def test_option_a_backend_does_not_take_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    def strict(settings: Any, name: str | None = None) -> Any:
        return FakeBackend()

    monkeypatch.setattr("pipeline.draft.base.make_backend", strict)
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"id": "a", "abstract": "One. Two.", "plain_summary": "One."}) + "\n")
    with pytest.raises(ConfigError, match="does not take --model"):
        ev.run_eval(path, settings, backend="fake", model="bart")


def test_aggregate_mean_median_and_nan() -> None:
    import pandas as pd

    rows = [{"id": str(i), "system": "s", **{m: float(i) for m in ev.ITEM_METRICS}} for i in (1, 2, 6)] + [
        {
            "id": "1",
            "system": "r",
            **{m: (math.nan if m in ev.REFERENCE_METRICS else 4.0) for m in ev.ITEM_METRICS},
        }
    ]
    table = ev.aggregate(pd.DataFrame(rows), ["s", "r"])
    assert table.at["s", "fkgl"] == 3.0 and table.at["s", "fkgl_median"] == 2.0 and table.at["s", "n"] == 3
    assert math.isnan(table.at["r", "sari"]) and table.at["r", "words"] == 4.0


@needs_cochrane
def test_run_eval_end_to_end_with_the_extractive_backend(settings: Any, tmp_path: Path) -> None:
    out = tmp_path / "eval" / "extractive.json"
    report = ev.run_eval(COCHRANE, settings, backend="extractive", limit=20, out=out)
    assert report.failures == []
    data = _check_report(report, "extractive", 20, out)
    assert data["provenance"]["backend"]["backend"] == "extractive"
    # The extractive drafter copies numbers exactly and is shorter than the abstract.
    assert report.table.at["extractive", "number_faithfulness"] == pytest.approx(1.0)
    assert report.table.at["extractive", "compression"] < 1.0


@needs_cochrane
def test_run_eval_default_composer_writes_drafts_and_reference_free_measures(
    settings: Any, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts.jsonl"
    report = ev.run_eval(COCHRANE, settings, limit=8, out=tmp_path / "r.json", drafts_path=drafts)
    assert report.failures == [] and report.systems[0] == "composer"
    lines = [json.loads(line) for line in drafts.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8 and [r["id"] for r in lines] == [p["id"] for p in report.pages]
    assert {
        "id",
        "simple_explanation",
        "key_findings",
        "research_summary",
        "practical_implications",
        "limitations",
        "participants",
        "evidence_level",
        "study_duration",
        "categories",
    } <= set(lines[0])
    m = report.measures
    assert m["pages"] == 8 and m["we_our_us_pct"] == 0.0 and m["bad_numbers"] == 0
    assert 0 <= m["se_fkgl_le8_pct"] <= 100 and m["hedged_conclusions"] >= 1
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["measures"]["pages"] == 8 and len(data["pages"]) == 8


def test_run_eval_on_abstracts_only_reports_reference_free_measures(settings: Any, tmp_path: Path) -> None:
    path = tmp_path / "abstracts.jsonl"
    records = [
        {"id": "a1", "title": "Walking and falls", "sections": [
            {"label": "Background", "text": "Falls are common in older people and often cause injury."},
            {"label": "Methods", "text": "We randomised 120 adults aged over 70 years to walking or usual care."},
            {"label": "Results", "text": "Walking reduced falls from 30% to 18% over one year."},
            {"label": "Conclusions", "text": "Walking may reduce falls in older adults."}]},
        {"id": "a2", "abstract": "We studied 40 children with asthma. Our inhaler halved attacks. It may help."},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = ev.run_eval(path, settings, backend="composer")
    assert report.failures == [] and "reference" not in report.systems
    assert math.isnan(report.table.at["composer", "rouge1"]) and report.measures["pages"] == 2
    assert report.measures["we_our_us_pct"] == 0.0


def test_a_dataset_mixing_pairs_and_bare_abstracts_is_refused(settings: Any, tmp_path: Path) -> None:
    from pipeline.errors import DatasetError

    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "a", "abstract": "One two three.", "plain_summary": "One."})
        + "\n"
        + json.dumps({"id": "b", "abstract": "Four five six."})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match=r"line 2: pair 'b' has no plain_summary"):
        ev.run_eval(path, settings, backend="composer")
