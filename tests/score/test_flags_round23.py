"""Round 23 (h23flags, issue 16 item 1): misreads of the flags on clean cochrane_val human summaries
(mine half, and the two eval-half misses the round-22 notes named), each beside an error of the same
shape that the flag still finds."""

from __future__ import annotations

from pipeline.domain import Article
from pipeline.lab.datasets import Pair, pair_to_article
from pipeline.score import claims, faithfulness
from pipeline.score.numbers import number_faithfulness
from pipeline.text.numbers import find_numbers
from tests.score.conftest import load_pairs

NATAMYCIN = "10.1002/14651858.CD004241.pub4"  # eval half
BRACHYTHERAPY = "10.1002/14651858.CD007563.pub3"  # eval half
GHB = "10.1002/14651858.CD006266.pub2"
HYSTERECTOMY = "10.1002/14651858.CD004993.pub3"
EPILEPSY = "10.1002/14651858.CD012065.pub3"
GLIPTINS = "10.1002/14651858.CD006739.pub2"
PACING = "10.1002/14651858.CD008523.pub2"


def _pair(pair_id: str) -> tuple[Article, str]:
    raw = next(p for p in load_pairs() if p["id"] == pair_id)
    pair = Pair(raw["id"], raw["abstract"], raw["plain_summary"], 0)
    return pair_to_article(pair), pair.plain_summary


def _reasons(flags: list) -> list[str]:
    return [f.reason for f in flags if f.severity in ("error", "warning")]


def test_one_arms_people_are_no_whole_count() -> None:
    """The abstract's "clinical cure ... was reported in all 15 people allocated to natamycin" counts
    one arm: the human summary's "12 randomised controlled trials that included 981 people" is a
    number from the full review (a warning), not the whole count changed from 15 (an error)."""
    article, summary = _pair(NATAMYCIN)
    reasons = _reasons(number_faithfulness(summary, article).flags)
    assert "number not in the source: 981 (check it against the full review)" in reasons
    assert not [r for r in reasons if r.startswith("number differs")]
    arm = "In one trial all 15 people allocated to natamycin were cured."
    assert not claims.counts_whole_review(arm, find_numbers(arm)[0])
    group = "In one trial 30 participants in the control group were cured."
    assert not claims.counts_whole_review(group, find_numbers(group)[0])
    whole = "We included 12 trials in which 981 people were randomised to natamycin or voriconazole."
    assert claims.counts_whole_review(whole, find_numbers(whole)[1])


def test_parts_that_add_up_to_the_abstracts_count_are_no_wrong_count() -> None:
    """ "We included three randomised controlled trials and one quasi-randomised controlled trial."
    counts the abstract's "Four studies" in two parts; parts that add up to another total are still
    a wrong count."""
    article, summary = _pair(BRACHYTHERAPY)
    assert _reasons(claims.study_claims(summary, article).flags) == []
    five = "We included three randomised controlled trials and two quasi-randomised controlled trials."
    assert _reasons(claims.study_claims(five, article).flags)


def test_a_smaller_count_after_the_stated_whole_is_a_part() -> None:
    """ "Thirteen randomised controlled trials ... were included in this review. Six trials with a
    total of 286 participants evaluated ... withdrawal syndrome." : the six are a part of the
    thirteen. Without the whole said, six trials "with a total of" people read as the review's whole
    is still a wrong count, and so is a smaller count the text says it found."""
    article, summary = _pair(GHB)
    assert _reasons(claims.study_claims(summary, article).flags) == []
    alone = "Six trials with a total of 286 participants were included in this review."
    assert _reasons(claims.study_claims(alone, article).flags)
    # people are not read so: a changed count of an arm's or a subgroup's people stays a wrong count
    article, _ = _pair("10.1002/14651858.CD009771.pub3")  # "four studies ... 3323 participants"
    people = (
        "We included four studies with 3323 participants. In the trials of children, 10 participants took "
        "part."
    )
    assert [f.draft_text for f in claims.study_claims(people, article).flags] == ["10"]
    # a smaller count that the text says it found is no part: the abstract's 16 trials, of which two
    # larger ones, said as "also found 12 larger trials" (a composer draft of CD001770.pub3, changed)
    article, _ = _pair("10.1002/14651858.CD001770.pub3")
    found = (
        "The researchers found 16 small trials (fewer than 100 patients signed up). The researchers also "
        "found 12 larger trials (more than 100 patients signed up)."
    )
    assert [f.draft_text for f in claims.study_claims(found, article).flags] == ["12"]


def test_more_likely_to_one_event_is_no_flip_of_less_likely_to_another() -> None:
    """ "less likely to experience fever ... but are more likely to have long term ongoing menstrual
    bleeding" restates "more likely to experience ongoing cyclical bleeding"; "more likely to take
    their treatment for longer" restates "less likely to be withdrawn". The same event the other way
    is a flip."""
    for pair_id in (HYSTERECTOMY, EPILEPSY):
        article, summary = _pair(pair_id)
        assert _reasons(faithfulness.negation_flip(summary, article).flags) == [], pair_id
    article, _ = _pair(HYSTERECTOMY)
    flipped = (
        "Women are less likely to experience ongoing cyclical bleeding up to a year after surgery with "
        "subtotal hysterectomy compared to total hysterectomy."
    )
    assert _reasons(faithfulness.negation_flip(flipped, article).flags)
    article, _ = _pair(EPILEPSY)
    flipped = (
        "For individuals with focal onset seizures, carbamazepine is more likely to be withdrawn than "
        "topiramate."
    )
    assert _reasons(faithfulness.negation_flip(flipped, article).flags)


def test_a_claim_against_placebo_is_not_the_claim_against_active_treatments() -> None:
    """ "When compared to placebo treatment sitagliptin and vildagliptin improved metabolic control."
    aligns to "Data on comparisons with active comparators ... indicated no improved metabolic control
    ... in contrast to other hypoglycaemic agents": another comparison, no dropped negation. The same
    active comparison without its "no" is one; a sentence naming both kinds ("compared to the placebo
    group and ... versus trancoronary ablation") is still compared with the active one."""
    article, summary = _pair(GLIPTINS)
    assert _reasons(faithfulness.negation_flip(summary, article).flags) == []
    dropped = (
        "Data on comparisons with active comparators indicated improved metabolic control following DPP-4 "
        "intervention in contrast to other hypoglycaemic agents."
    )
    assert _reasons(faithfulness.negation_flip(dropped, article).flags)
    article, summary = _pair(PACING)
    assert any("increased" in r for r in _reasons(faithfulness.negation_flip(summary, article).flags))


def test_round_23_clean_draft_sentences_that_turn_nothing_round() -> None:
    """Clean composer drafts of the mine half that failed the gate on a negation_flip error: "No
    additional studies were found for this update." denies more studies, not that the review found
    its four (CD002760); "When compared with no screening" names the comparison group (CD009259.pub2);
    "the studies measured caesarean section rate" states no result beside "There was no difference
    in caesarean section rate" (CD004909.pub3). Each claim turned round is still a flip."""
    cases = {
        "10.1002/14651858.CD002760": (
            "The review found four studies.",
            "Additional studies were found for this update.",
        ),
        "10.1002/14651858.CD009259.pub2": (
            "When compared with no screening, colorectal cancer mortality was lower with flexible "
            "sigmoidoscopy and faecal occult blood test.",
            "When compared with no screening, colorectal cancer mortality was not lower with flexible "
            "sigmoidoscopy and faecal occult blood test.",
        ),
        "10.1002/14651858.CD004909.pub3": (
            "In this review, the studies measured caesarean section rate.",
            "There was a difference in caesarean section rate between groups.",
        ),
    }
    for pair_id, (clean, flipped) in cases.items():
        article, _ = _pair(pair_id)
        assert _reasons(faithfulness.negation_flip(clean, article).flags) == [], pair_id
        assert _reasons(faithfulness.negation_flip(flipped, article).flags), pair_id
