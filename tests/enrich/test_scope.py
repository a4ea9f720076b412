"""Scope: the bundled sample's volcano paper is out of scope, every health paper is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.domain import Article, Facts
from pipeline.enrich.facts import extract_facts_batch
from pipeline.enrich.scope import IN_SCOPE, OUT_OF_SCOPE, scope_fact
from pipeline.settings import Settings
from pipeline.sources.files import FilesSource

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
VOLCANO = "10.1038/s41598-018-31293-w"  # Seismic imaging and petrology ... Merapi Volcano


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    source = FilesSource(Settings(samples_dir=str(SAMPLES)))
    articles: list[Article] = []
    for item in source.fetch():
        articles += source.parse_all(item)[0]
    return articles


def test_volcano_out_every_health_paper_in(sample_articles: list[Article]) -> None:
    assert len(sample_articles) == 45
    verdicts = {a.source_id: scope_fact(a) for a in sample_articles}
    assert verdicts[VOLCANO].value == OUT_OF_SCOPE
    reason = verdicts[VOLCANO].detail["reason"]
    assert "not health or biomedical research" in reason and "geoscience" in reason and "seismic" in reason
    assert [sid for sid, f in verdicts.items() if f.value != IN_SCOPE] == [VOLCANO]


def test_out_of_scope_facts_have_no_health_category(sample_articles: list[Article]) -> None:
    volcano = next(a for a in sample_articles if a.source_id == VOLCANO)
    imaging = next(a for a in sample_articles if a.source_id == "29374459")  # BMC medical imaging
    vf, hf = extract_facts_batch([volcano, imaging])
    assert vf.scope.value == OUT_OF_SCOPE and vf.out_of_scope_reason
    assert vf.categories == [] and vf.relevance == 0.0  # was "Medical Imaging"
    assert hf.scope.value == IN_SCOPE and hf.out_of_scope_reason is None and hf.categories
    again = Facts.from_dict(vf.to_dict())
    assert again.out_of_scope_reason == vf.out_of_scope_reason
    old = vf.to_dict()
    del old["scope"]  # facts stored before the scope fact read as in scope until re-enriched
    assert Facts.from_dict(old).out_of_scope_reason is None
