"""Vocabulary in composed drafts (issue 14, round 8): abbreviations and words about people."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.lab.datasets import SHARED_DATA, load_pairs, pair_to_article
from tests.conftest import article_from_record, load_bmc_records
from tests.draft.conftest import compose_fields


@pytest.fixture(scope="module")
def drafts() -> dict[str, DraftFields]:
    """bmc_sample 1471-2407-5-141 and elife_dev eLife.01569, drafted in one batch."""
    path = SHARED_DATA / "elife_dev" / "pairs.jsonl"
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    bmc = article_from_record(next(r for r in load_bmc_records() if r["id"].endswith("1471-2407-5-141")))
    elife = pair_to_article(next(p for p in load_pairs(path, None) if p.id.endswith("eLife.01569")))
    return dict(zip(("bmc", "elife"), compose_fields([bmc, elife]), strict=True))


def test_who_took_part_writes_out_an_abbreviation_the_abstract_defines(
    drafts: dict[str, DraftFields],
) -> None:
    """bmc_sample 1471-2407-5-141 defines "bronchogenic carcinoma (BC)"; the simple explanation said
    "25 BC people took part." (the participants fact went in without the abbreviation written out),
    then "25 bronchogenic cancer people took part." (composer 9: the disease said as their kind)."""
    simple = drafts["bmc"].simple_explanation
    assert "25 with bronchogenic cancer took part" in simple, simple
    assert "25 BC" not in simple, simple


def test_individuals_in_an_animal_study_are_not_people(drafts: dict[str, DraftFields]) -> None:
    """elife_dev eLife.01569 (fruit flies): "We follow individuals from moult to moult" became "The
    researchers follow people from moult to moult"."""
    fields = drafts["elife"]
    lay = " ".join([fields.simple_explanation, *fields.key_findings, fields.research_summary])
    assert "follow individuals from moult to moult" in lay, lay
    assert "follow people" not in lay, lay
