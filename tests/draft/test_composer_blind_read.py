"""The factual errors of the composer 10 blind read (cochrane_val eval half, seed 59), each on its
page: read once, fixed after the read (no mine-half page has either pattern), so the next blind
read takes a new seed."""

from __future__ import annotations

from pipeline.draft.composer.compress import compress
from pipeline.settings import Settings
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _article(doi: str):  # type: ignore[no-untyped-def]
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return cochrane_article(records[doi])


def test_the_last_of_a_list_of_trial_sizes_is_not_the_review_total() -> None:
    # "randomised 47, 80, 49 and 141 participants respectively": "four studies with 141 people"
    article = _article("10.1002/14651858.CD009306.pub2")
    assert "47, 80, 49 and 141 participants respectively" in article.abstract_plain
    (fields,) = compose_fields([article])
    assert "141 people" not in fields.simple_explanation
    assert "The review found four studies" in fields.simple_explanation


def test_regardless_of_is_kept_when_the_parse_puts_the_comparison_inside_it() -> None:
    # "compared initiation of cART regardless of ... conditions with deferred initiation until CD4
    # dropped" was cut to "compared initiation of cART until per cent CD4 dropped" (CD010309)
    text = (
        "One trial was the pilot study for the larger second trial and both compared initiation of cART "
        "regardless of clinical-immunological conditions with deferred initiation until per cent CD4 "
        "dropped to <15%."
    )
    assert text in _article("10.1002/14651858.CD010309.pub2").abstract_plain
    assert "with deferred initiation" in compress(text, Settings().spacy_model, 12).text
