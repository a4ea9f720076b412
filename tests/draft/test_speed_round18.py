"""Round 18 (h18speed): plumbing that makes drafting cheaper without changing a draft."""

from __future__ import annotations

from pipeline.draft import rewrite as rw


def _mine(review: str) -> str:
    from pipeline.lab.datasets import cochrane_half

    return next(p.abstract for p in cochrane_half("mine") if review in p.id)


def test_the_plural_subject_pattern_is_compiled_only_for_a_sentence_that_can_match() -> None:
    """CD005306 (mine half): "symptom-based WAP are superior" still gets its plural; a sentence
    without "WAP are", "WAP were" or "WAP have" is not searched with the 161-look-behind pattern,
    which was compiled anew for every short form of every text (re's cache overflows) and took a
    fifth of the small run's draft stage."""
    found = rw.article_abbreviations(_mine("CD005306"))
    rw._plural_subject.cache_clear()
    # CD005306's sentence with its "WAPs" made "WAP": WAP, but not as the subject of "are", "were", "have"
    other = (
        "Children using symptom-based WAP had lower risk of exacerbations which required an acute care visit."
    )
    assert "written action plan had lower risk" in rw.expand_abbreviations(other, found)
    assert rw._plural_subject.cache_info().currsize == 0
    sentence = "The evidence suggests that symptom-based WAP are superior to peak flow WAP for preventing acute care visits."
    out = rw.expand_abbreviations(sentence, found)
    assert "symptom-based written action plans are superior to peak flow written action plans for" in out
    assert rw._plural_subject.cache_info().currsize == 1
