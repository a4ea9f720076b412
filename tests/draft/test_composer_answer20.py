"""Round 20 (h20cochse): the review's answer said short and plainly (issue 14 items 1 and 4);
cochrane_val mine-half pages."""

from __future__ import annotations

from functools import cache

from pipeline.domain import DraftFields
from pipeline.draft.composer.shorten import unframed
from pipeline.draft.composer.simplify import plain_words
from pipeline.text.glossary import load_glossary
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields

_PAGES = ("CD003067.pub4", "CD009308", "CD001070", "CD008671.pub3")


@cache
def _pages() -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    drafts = compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in _PAGES])
    return dict(zip(_PAGES, drafts, strict=True))


def test_evidence_suggesting_superiority_is_said_as_may_be_better() -> None:
    """CD003067.pub4: "We found some low-quality evidence suggesting the superiority of resin-based fissure
    sealants over fluoride varnish applications for preventing occlusal caries in permanent molars, and
    other low-quality evidence for benefits of resin-based sealant and fluoride varnish over fluoride
    varnish alone." was the answer, 40 words, with "superiority" and a second claim."""
    se = _pages()["CD003067.pub4"].simple_explanation
    assert "Resin-based fissure sealants may be better than fluoride varnish applications" in se, se
    assert "superiority" not in se and "other low-quality evidence" not in se, se
    assert "low certainty" in se, se  # the evidence's level is still said


def test_a_review_frame_before_found_that_is_dropped() -> None:
    """CD009308: "In this Cochrane review we found that the effects of family-based prevention
    interventions are small but ..." (26 words as "In this Cochrane review the researchers found that")."""
    se = _pages()["CD009308"].simple_explanation
    assert "The effects of family-based prevention interventions are small" in se, se
    assert "In this Cochrane review" not in se, se
    assert (
        unframed("In this review, the researchers found that the effects were small.")
        == "The effects were small."
    )
    # a frame that hedges keeps it
    hedged = "In this review the data suggest that the effects were small."
    assert unframed(hedged) == hedged


def test_the_use_of_before_a_purpose_stays() -> None:
    """CD001070: "This review does not support the use of thyroid hormones in preterm infants to reduce
    neonatal mortality, ..." was said "does not support thyroid hormones in premature babies to reduce
    ...", as if the hormones were what is not supported."""
    se = _pages()["CD001070"].simple_explanation
    assert "does not support the use of thyroid hormones" in se, se
    assert unframed("There is no evidence to support the use of antibiotics for sore throat.") == (
        "There is no evidence to support antibiotics for sore throat."
    )


def test_a_participle_after_a_masked_name_is_no_past_tense() -> None:
    """CD001070: "... no significant difference in the Bayley MDI or PDI performed at 7-12 months." gave
    "PDI did at 7-12 months" in the research summary: "PDI" is masked as a name, so the word before
    "performed" looked like "or" and the participle was read as a past tense."""
    summary = _pages()["CD001070"].research_summary
    assert "PDI did" not in summary, summary
    glossary = load_glossary()
    text = "Pooled analysis of two studies found no significant difference in the Bayley MDI or PDI performed at 7-12 months."
    assert "PDI performed at 7-12 months" in plain_words(text, glossary)[0]
    assert plain_words("They performed the surgery.", glossary)[0] == "They did the surgery."


def test_a_stated_level_before_a_hedged_claim_is_said_by_the_certainty_step() -> None:
    """CD008671.pub3: "There is low quality evidence that combined cataract and glaucoma surgery may result in
    better eye pressure control at one year compared with cataract surgery alone." (26 words): the claim
    keeps its own "may"; the level is said by the certainty sentence."""
    se = _pages()["CD008671.pub3"].simple_explanation
    assert "Combined cataract and glaucoma surgery may result in better eye pressure control" in se, se
    assert "There is low quality evidence that" not in se, se
    assert "low certainty" in se, se
