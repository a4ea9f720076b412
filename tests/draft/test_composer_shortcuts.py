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
