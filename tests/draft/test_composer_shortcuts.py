"""The composer's speed shortcuts give what the work they skip would give (real BMC abstracts).

A compression rule is not run on a text without a word it needs (compress._NEEDS), and a plan
works out a sentence's main-claim score and detail test once (plan._per_sentence). Both must be
exact: a rule skipped would have found no cut, and a kept answer is the one the method gives.
A rule whose needs are written wrong (or a plan method that starts reading ``claimed``) fails here.
"""

from __future__ import annotations

import pytest

from pipeline.draft.composer import compress
from pipeline.draft.composer.plan import Plan, build_plan
from pipeline.draft.composer.simplify import _parse
from pipeline.draft.extractive import get_segmenter
from pipeline.draft.sentences import build_sentences, centrality, rank
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article


@pytest.fixture(scope="module")
def model() -> str:
    return Settings().spacy_model


@pytest.fixture(scope="module")
def plans(model: str) -> list[Plan]:
    articles = [bmc_article(r) for r in read_jsonl(BMC)[:12]]
    nlp = get_segmenter(model, "rule")
    out = []
    for article in articles:
        docs = list(nlp.pipe([s.text for s in article.sections]))
        sentences = build_sentences([s.label for s in article.sections], docs)
        out.append(build_plan(article, None, sentences, centrality(sentences, article.title)))
    return out


def test_a_rule_skipped_for_a_missing_word_finds_no_cut(model: str, plans: list[Plan]) -> None:
    skipped = 0
    for plan in plans:
        for sentence in plan.sentences:
            doc = _parse(sentence.text, model)
            lowers = frozenset(t.lower_ for t in doc)
            for name, rule, _tier in compress.RULES:
                if not compress._may_cut(name, doc, lowers):
                    skipped += 1
                    assert rule(doc) == [], (name, sentence.text)
    assert skipped > 200  # the shortcut is taken (most rules, most sentences)


def test_a_plans_kept_scores_are_the_methods_own(plans: list[Plan]) -> None:
    checked = 0
    for plan in plans:
        conclusion_ids = {s.index for s in plan.conclusions}
        for sentence in plan.sentences:
            for labelled in (True, False):
                first = plan.main_claim_score(sentence, conclusion_ids, labelled)
                plan.claim(sentence, "simple_explanation")  # what is claimed changes nothing
                assert plan.main_claim_score(sentence, conclusion_ids, labelled) == first
                assert first == Plan.main_claim_score.__wrapped__(plan, sentence, conclusion_ids, labelled)  # type: ignore[attr-defined]
            assert plan.detail(sentence) == Plan.detail.__wrapped__(plan, sentence)  # type: ignore[attr-defined]
            checked += 1
        plan.claimed.clear()
        for purpose in ("finding", "conclusion"):
            plan.ranked(purpose)  # kept; then one sentence is claimed
            plan.claim(plan.sentences[-1], "key_findings")
            fresh = rank(plan.sentences, purpose, plan.central)
            assert plan.ranked(purpose) == [s for s in fresh if s.index != plan.sentences[-1].index]
            plan.claimed.clear()
    assert checked > 60


# Cochrane review abstracts of the mine half (unlabelled results + conclusions, with statistics)
_REVIEWS = (
    "10.1002/14651858.CD000006.pub2",
    "10.1002/14651858.CD000066.pub2",
    "10.1002/14651858.CD000270.pub2",
    "10.1002/14651858.CD000349",
)


def test_a_plans_statistics_are_searched_once(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``last_statistics`` and ``quantitative`` give what a search of every sentence gives, and
    the search runs once per plan: ``parallel_to_earlier`` asks ``last_statistics`` for each earlier
    sentence of each claim scored (18,000 times per 100 abstracts, 8% of drafting, round 15)."""
    from pipeline.draft.composer import plan as plan_module
    from tests.conftest import COCHRANE

    from .conftest import cochrane_article

    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    nlp = get_segmenter(model, "rule")
    searched: list[str] = []
    stats = plan_module.STATS

    class Counting:
        def search(self, text: str):  # type: ignore[no-untyped-def]
            searched.append(text)
            return stats.search(text)

    seen_statistics = 0
    for rid in _REVIEWS:
        article = cochrane_article(records[rid])
        docs = list(nlp.pipe([s.text for s in article.sections]))
        sentences = build_sentences([s.label for s in article.sections], docs)
        plan = build_plan(article, None, sentences, centrality(sentences, article.title))
        expected = max((s.index for s in plan.sentences if stats.search(s.text)), default=-1)
        expected = -1 if expected >= plan.sentences[-1].index else expected
        monkeypatch.setattr(plan_module, "STATS", Counting())
        searched.clear()
        assert plan.last_statistics == expected, rid
        quantitative = plan.quantitative
        assert quantitative == any(stats.search(s.text) for s in plan.sentences), rid
        first = len(searched)
        assert first <= len(plan.sentences), rid
        for _ in range(5):
            assert plan.last_statistics == expected
            assert plan.quantitative == quantitative
        assert len(searched) == first, rid  # asked again: no sentence searched again
        monkeypatch.setattr(plan_module, "STATS", stats)
        seen_statistics += expected >= 0
    assert seen_statistics >= 2  # reviews whose conclusions follow their statistics
