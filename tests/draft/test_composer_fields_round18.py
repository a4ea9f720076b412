"""Counts and research summaries (composer 18, h18fields), on real abstracts.

A count of people with a space between thousands ("13 451 participants") is one count, never its
last three digits; a review's results that open on their size said with what the studies evaluated
("Forty six RCTs evaluated ... in 13 451 participants") state the review's size and people. Each
test fails on composer 18's start (7f42a91).
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def test_a_size_said_with_what_the_studies_evaluated_and_a_spaced_count() -> None:
    """cochrane CD003822.pub2 (mine half): "Forty six RCTs evaluated the dose-related trough BP
    lowering efficacy of 9 ARBs in 13 451 participants with a baseline BP of 156/101 mm Hg." had
    participants "Not specified" and no size in any field."""
    page = _cochrane("10.1002/14651858.CD003822.pub2")["10.1002/14651858.CD003822.pub2"]
    assert page.participants == "13 451 people in forty six studies"
    assert "451 people" not in page.participants.replace("13 451", "")


def test_a_reviews_summary_says_what_its_studies_measured() -> None:
    """cochrane CD000066.pub2 (mine half): "This review included six studies with 800 people." was the
    whole summary; its results name what the trials measured ("no statistically significant average
    difference in the development of stretch marks", "... in the severity of stretch marks")."""
    page = _cochrane("10.1002/14651858.CD000066.pub2")["10.1002/14651858.CD000066.pub2"]
    assert page.research_summary.startswith("This review included six studies with 800 people. ")
    # the second outcome would make the sentence longer than summary_sentence_words (12)
    assert page.research_summary.endswith(" The studies measured the development of stretch marks.")


def test_outcomes_are_named_whole_or_not_at_all() -> None:
    from pipeline.draft.composer.plan import review_outcomes
    from pipeline.draft.sentences import Sentence

    def outcomes(text: str) -> list[str]:
        return review_outcomes([Sentence(text, 0, 0, "results", 0.0, True, True, frozenset())])

    # CD009771.pub3 (mine half): a risk of bias is no outcome, cut short or whole
    assert outcomes("There was a high risk of selection and performance bias in two trials.") == []
    # CD006100.pub2 (mine half): the same outcome said twice is listed once, with its article
    assert outcomes(
        "There was a reduction in the risk of hospital admission which was not significant. There was no "
        "difference in hospital admission between the groups."
    ) == ["the risk of hospital admission"]
    # CD003183 (mine half): an abbreviation is not cut off ("clearance of serum")
    assert outcomes("There was no significant difference in clearance of serum HCV RNA.") == []
    # CD009892.pub2 (mine half): a sentence that says some data were missing names no outcome
    # (here "degrees celsius" would have been one)
    assert (
        outcomes(
            "There was no effect on mean temperature difference in degrees celsius at 60 minutes (MD=0.18°C, "
            "95% CI=-0.10 to 0.46; moderate quality evidence), and no data were available in relation to "
            "major cardiovascular complications."
        )
        == []
    )
    # CD000986.pub3 (mine half): "in a dose-dependent manner" names no outcome
    assert (
        outcomes(
            "In one study using three different dosages of iloprost, PFWD and MWD appeared to increase in a "
            "dose-dependent manner; iloprost was associated with headache, pain, nausea and diarrhoea."
        )
        == []
    )


def test_one_outcome_said_once() -> None:
    from pipeline.draft.composer.plan import review_outcomes
    from pipeline.draft.sentences import Sentence

    # CD004909.pub3 (mine half): "caesarean section rate" and "the incidence of caesarean section" were
    # both listed ("The studies measured caesarean section rate and the incidence of caesarean section.")
    texts = (
        "There was no difference in caesarean section rate between groups.",
        "There was no difference between the groups in the incidence of caesarean section.",
    )
    sentences = [Sentence(t, i, 0, "results", 0.0, True, True, frozenset()) for i, t in enumerate(texts)]
    assert review_outcomes(sentences) == ["caesarean section rate"]


def test_a_lower_case_outcome_the_tagger_calls_a_name() -> None:
    """cochrane CD008125.pub2 (mine half): "... and an increase in serum prolactin (n=70, 1 RCT, ...)":
    the tagger reads "prolactin" as a proper noun, and the summary said only the review's size."""
    page = _cochrane("10.1002/14651858.CD008125.pub2")["10.1002/14651858.CD008125.pub2"]
    # (h19fields: outcomes before a bracket are read too, so its list goes on: "..., the incidence of
    # hypersalivation and global state.")
    assert " The studies measured serum prolactin" in page.research_summary
