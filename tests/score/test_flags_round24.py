"""Round 24 (h24flags, issue 16 item 1): misreads of the flags on clean cochrane_val human summaries
(mine half), each beside an error of the same shape that the flag still finds."""

from __future__ import annotations

from pipeline.domain import Article
from pipeline.lab.datasets import Pair, pair_to_article
from pipeline.score import faithfulness
from tests.score.conftest import load_pairs, make_article

SONOGRAPHY = "10.1002/14651858.CD012669.pub2"
FUNDING = "10.1002/14651858.CD002243.pub4"


def _pair(pair_id: str) -> tuple[Article, str]:
    raw = next(p for p in load_pairs() if p["id"] == pair_id)
    pair = Pair(raw["id"], raw["abstract"], raw["plain_summary"], 0)
    return pair_to_article(pair), pair.plain_summary


def _warned(text: str, article: Article) -> list[str]:
    return [
        f.draft_text or ""
        for f in faithfulness.sentence_support(text, article).flags
        if f.severity in ("error", "warning")
    ]


def test_a_percentage_of_the_abstracts_proportion_is_no_new_number() -> None:
    """The abstract gives "sensitivity and specificity were 0.74 ... and 0.96"; the human summary says
    "a sensitivity ... of 74% and a specificity ... of 96%": the same figures, so the sentence is
    supported. Percentages of proportions the abstract does not give are still new."""
    article, summary = _pair(SONOGRAPHY)
    assert _warned(summary, article) == []
    said = "of 74% and a specificity (i.e. the ability to exclude a person without the disease) of 96%."
    assert said in summary
    other = summary.replace(said, said.replace("74%", "71%").replace("96%", "93%"))
    assert any("71%" in w for w in _warned(other, article))


def test_counts_that_split_the_reviews_whole_are_no_new_numbers() -> None:
    """ "Three trials were funded by a drug company, 27 by public organizations ..., and six by both
    ...; 25 did not declare the source of funding." splits the abstract's "We included 61 trials"
    (3 + 27 + 6 + 25): about this review. Parts that add up to another count (3 + 29 + 6 + 25) are still new."""
    article, summary = _pair(FUNDING)
    assert "We included 61 trials" in article.sections[0].text
    assert _warned(summary, article) == []
    other = summary.replace(", 27 by public", ", 29 by public")
    assert other != summary
    assert any("29 by public" in w for w in _warned(other, article))


def test_remains_to_be_done_denies_as_not_done() -> None:
    """The eLife 05463 digest (elife_dev) says its abstract's "the macroevolutionary potential of
    plastic traits remains to be objectively tested" as "this potential had not previously been
    tested"; negation_flip 17 read "remains to be" as no negation and called it "negation added".
    Saying it was tested is still a flip."""
    article = make_article(
        "Developmental plasticity has been proposed to facilitate phenotypic diversification in plants and "
        "animals, but the macroevolutionary potential of plastic traits remains to be objectively tested."
    )
    for same in (
        "However, this potential had not previously been tested.",
        "The potential of plastic traits has yet to be objectively tested.",
    ):
        assert faithfulness.negation_flip(same, article).flags == [], same
    dropped = "The macroevolutionary potential of plastic traits has been objectively tested."
    assert [f.reason.split(":")[0] for f in faithfulness.negation_flip(dropped, article).flags] == [
        "negation dropped"
    ]


def test_an_abstract_sentence_that_asks_states_no_finding_to_flip() -> None:
    """PubMedQA PQA-L conclusions (pubmed_abstracts/ori_pqal.json 16809243, 27989969, 8200238) read
    against their abstracts: the abstract's aim or question states no finding, so the conclusion's
    answer is no flip of it. An abstract sentence that states the finding is still read, and so is
    one that asks with a negation of its own."""
    aim = make_article(
        "To investigate if fetal gender (1) affects the risk of having an emergency department (ED) visit for "
        "asthma; and (2) is associated with adverse pregnancy outcomes among women who had at least one visit "
        "to the ED for asthma during pregnancy."
    )
    answer = (
        "Fetal gender does not affect the risk of having an ED visit for asthma during pregnancy, and it is not "
        "associated with adverse pregnancy outcomes among women who had an asthma-related ED during pregnancy."
    )
    assert faithfulness.negation_flip(answer, aim).flags == []
    whether_or_not = make_article(
        "This prospective, randomized study was designed to evaluate whether or not early postoperative "
        "feeding (claimed as a unique benefit of laparoscopic surgery) is possible after laparotomy and "
        "colorectal resection."
    )
    assert (
        faithfulness.negation_flip(
            "Early oral intake is possible after laparotomy and colorectal resection.", whether_or_not
        ).flags
        == []
    )
    finding = make_article(
        "Fetal gender affected the risk of having an emergency department (ED) visit for asthma during pregnancy."
    )
    assert faithfulness.negation_flip(
        "Fetal gender does not affect the risk of having an ED visit for asthma during pregnancy.", finding
    ).flags
    unclear = "It is unclear whether early postoperative feeding is possible after colorectal resection."
    assert not faithfulness.asks_only("Early feeding is possible after colorectal resection.", unclear)
    # a question changed is read (bench injection into CD011192.pub3's human summary, mine half), and
    # "irrespective of whether" asks nothing (CD011430's abstract)
    question = (
        "Further research is needed to confirm whether initiating calcium supplementation pre- or in early "
        "pregnancy is associated with a reduction in adverse pregnancy outcomes for mother and baby."
    )
    assert not faithfulness.asks_only(question.replace("is associated", "is not associated"), question)
    looked = (
        "Thirteen studies looked at whether lithium is not more effective than antipsychotic drugs alone."
    )
    assert not faithfulness.asks_only(looked, question)
    assert not faithfulness.asks_only(
        "Results show the clear harm of adjuvant chemotherapy.",
        "Results demonstrate the clear benefit of adjuvant chemotherapy for these patients, irrespective of "
        "whether chemotherapy was given in addition to surgery.",
    )
