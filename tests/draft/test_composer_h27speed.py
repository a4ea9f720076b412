"""Round 27 (h27speed): fewer spaCy parses and calls for the composer, the same drafts (real BMC abstracts).

A text no compression rule may cut (read from its words) is not parsed for compression; the title
claim and compress.split_shared_subject parse only after the tagger finds the finite verbs they need;
a round's taggings, parses and gated parses go to spaCy in one call. Each shortcut must give what the
parse it skips would give.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.draft.base import make_backend
from pipeline.draft.composer import compress, fields
from pipeline.draft.composer import simplify as sp
from pipeline.draft.extractive import get_segmenter
from pipeline.enrich.nlp import get_nlp, lemma_forms
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import facts_for


@pytest.fixture(scope="module")
def model() -> str:
    return Settings().spacy_model


@pytest.fixture(scope="module")
def sentences(model: str) -> list[str]:
    nlp = get_segmenter(model, "rule")
    out: list[str] = []
    for record in read_jsonl(BMC)[:40]:
        article = bmc_article(record)
        for doc in nlp.pipe([s.text for s in article.sections]):
            out += [s.text.strip() for s in doc.sents if len(s.text.split()) >= 8]
    return out


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], Any]]:
    calls: list[tuple[list[str], Any]] = []
    analyse = sp._analyse

    def counting(texts: list[str], model: str, pipes: Any, gate: Any = None) -> list[Any]:
        calls.append((list(texts), pipes))
        return analyse(texts, model, pipes, gate)

    monkeypatch.setattr(sp, "_analyse", counting)
    return calls


def test_a_text_no_rule_may_cut_is_not_parsed_for_compression(
    model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bmc 1472-6831-8-11 (a key finding's limit, 16 words): START parsed this sentence for compression
    # alone, which cut nothing
    text = "All links were significant and in the expected direction."
    sp.clear_caches()
    calls = _counting(monkeypatch)
    out = compress.compress(text, model, 16)
    assert (out.text, out.rules) == (text, ())
    assert calls == []
    # the parse the check skips finds no cut either
    monkeypatch.setattr(compress, "_may_find", lambda *args: True)
    parsed = compress.compress(text, model, 16)
    assert (parsed.text, parsed.rules) == (text, ())
    assert calls  # (and it did parse)


def test_a_rule_the_text_rules_out_finds_no_cut(model: str, sentences: list[str]) -> None:
    ruled_out = 0
    for text in sentences:
        low = text.lower()
        doc = sp._parse(text, model)
        lowers = frozenset(t.lower_ for t in doc)
        for name, rule, _tier in compress.RULES:
            if not compress._may_find(name, text, low, model):
                ruled_out += 1
                assert not compress._may_cut(name, doc, lowers) or rule(doc) == [], (name, text)
    assert ruled_out > 1000


def test_compression_is_the_same_with_and_without_the_check(
    model: str, sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [
        (t, w, skip)
        for t in sentences[:150]
        for w in (12, 25)
        for skip in (frozenset(), frozenset({"purpose"}))
    ]
    checked = [compress.compress(t, model, w, skip=skip) for t, w, skip in cases]
    monkeypatch.setattr(compress, "_may_find", lambda *args: True)
    assert checked == [compress.compress(t, model, w, skip=skip) for t, w, skip in cases]
    assert sum(c.rules != () for c in checked) > 10


def test_every_word_lemmatised_to_a_method_verb_or_frame_noun_is_listed(
    model: str, sentences: list[str]
) -> None:
    nlp = get_nlp(model)
    found = 0
    for lemmas in (compress._METHOD_VERBS, compress._FRAME_NOUNS):
        words = lemma_forms(nlp, lemmas)
        assert words is not None
        for text in sentences:
            for token in sp._parse(text, model):
                if token.lemma_.lower() in lemmas:
                    found += 1
                    assert token.lower_ in words, (token.text, token.lemma_)
    assert found > 50


def test_a_title_without_a_finite_verb_is_only_tagged(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # bmc 1471-2180-7-96: START parsed the title to find it states no claim
    title = "Comparative transcriptomics in Yersinia pestis"
    sp.clear_caches()
    assert fields._parsed_claim(title, model) is False
    doc, level = sp._stored(model, title, sp._PARSE_PIPES)
    assert doc is not None and level == 2  # tok2vec and tagger only


def test_the_gated_parses_answer_as_the_full_parse(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    titles = [bmc_article(r).title for r in read_jsonl(BMC)]
    halves = [
        t
        for r in read_jsonl(BMC)[:60]
        for s in bmc_article(r).sections
        for t in s.text.split(". ")
        if " and " in t
    ]
    gated = (
        [fields._parsed_claim(t, model) for t in titles],
        [compress.split_shared_subject(t, model) for t in halves],
    )
    ungated = lambda text, name, gate: sp._analysis(text, name, sp._PARSE_PIPES)  # noqa: E731
    monkeypatch.setattr(fields, "parsed_if", ungated)
    monkeypatch.setattr(sp, "parsed_if", ungated)
    full = (
        [fields._parsed_claim(t, model) for t in titles],
        [compress.split_shared_subject(t, model) for t in halves],
    )
    assert gated == full
    assert 5 < sum(gated[0]) < len(titles) - 50 and any(gated[1])


def test_one_call_answers_taggings_parses_and_gated_parses(model: str) -> None:
    plain = "The samples were stored at room temperature."
    coordinated = "The mice were smaller and they died earlier."
    sp.clear_caches()
    out = sp._analyse(
        [plain, plain, coordinated, coordinated],
        model,
        [sp._TAG_PIPES, sp._PARSE_PIPES, sp._PARSE_PIPES, sp._PARSE_PIPES],
        [None, sp._may_restructure, sp._may_restructure, None],
    )
    assert out[1] is None  # its gate turns the tagging down ...
    assert out[0] is not None and [t.tag_ for t in out[0]] == [t.tag_ for t in sp._parse(plain, model)]
    assert out[2] is out[3]  # ... a text asked twice is analysed once
    sp.clear_caches()
    alone = sp._analyse([coordinated], model, sp._PARSE_PIPES)[0]
    assert alone is not None and out[2] is not None
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in out[2]] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in alone
    ]


def test_a_round_sends_its_taggings_and_parses_together(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [bmc_article(r) for r in read_jsonl(BMC)[:4]]
    items = list(zip(articles, facts_for(articles), strict=True))
    backend = make_backend(Settings(), "composer")
    sp.clear_caches()
    calls = _counting(monkeypatch)
    results = backend.draft_batch(items)
    assert not any(isinstance(r, Exception) for r in results)
    # START sent each kind of analysis in a call of its own: none held a tagging and a parse
    assert any(
        isinstance(pipes, list) and sp._TAG_PIPES in pipes and sp._PARSE_PIPES in pipes for _, pipes in calls
    )
