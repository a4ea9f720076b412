"""The composer's batched spaCy analyses (simplify.run_batched): drafts exactly as one at a time.

The composer drafts a batch with every article's sentence parses (restructure) and taggings
(is_sentence's unclear cases) gathered into one nlp.pipe call per round; a draft must not change
by being drafted in a batch, and an analysis that fails must fail only the drafts that asked.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.draft.base import make_backend
from pipeline.draft.composer import ComposerBackend, compose
from pipeline.draft.composer import simplify as sp
from pipeline.errors import ConfigError
from pipeline.settings import Settings
from pipeline.text.swaps import swaps_in_fields
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import facts_for


def _clear_caches() -> None:
    for cached in (sp._parse, sp._restructurable, sp.tagged_finite, sp.restructure):
        cached.cache_clear()


def test_a_batch_drafts_exactly_what_one_article_at_a_time_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [bmc_article(r) for r in read_jsonl(BMC)[:6]]
    items = list(zip(articles, facts_for(articles), strict=True))
    backend = make_backend(Settings(), "composer")
    assert isinstance(backend, ComposerBackend)

    _clear_caches()  # one at a time, outside any batch: each parse is its own nlp() call
    alone = []
    for article, facts in items:
        docs = list(backend.nlp.pipe([s.text for s in article.sections]))
        alone.append(
            compose(article, facts, docs, backend.templates, backend.glossary, backend.settings.spacy_model)
        )

    calls: list[int] = []
    analyse = sp._analyse

    def counting(texts: list[str], model: str, pipes: tuple[str, ...], gate: Any = None) -> list[Any]:
        calls.append(len(texts))
        return analyse(texts, model, pipes, gate)

    monkeypatch.setattr(sp, "_analyse", counting)
    _clear_caches()
    batched = backend.draft_batch(items)
    for (fields, warnings, swaps), result in zip(alone, batched, strict=True):
        assert not isinstance(result, Exception), result
        assert result.fields == fields
        assert result.warnings == warnings
        assert result.swaps == swaps_in_fields(swaps, fields.to_dict())
        assert result.duration_ms is not None and result.duration_ms > 0
    # the parses were gathered: fewer spaCy calls than texts, some call with many articles' texts
    assert len(calls) < sum(calls)
    assert max(calls) >= 3


def test_a_failing_analysis_fails_only_the_calls_that_asked() -> None:
    model = Settings().spacy_model

    def parse(text: str, name: str) -> Any:
        try:
            return [t.dep_ for t in sp._parse(text, name)]
        except ConfigError as exc:
            return exc

    sentence = "The researchers measured blood pressure in 40 adults."
    results = sp.run_batched(
        [
            lambda: parse(sentence, model),
            lambda: parse("The trial had no control group.", "no_such_spacy_model"),
            lambda: parse(sentence, model) + parse("Most patients were women.", model),
        ]
    )
    assert results[0] == [t.dep_ for t in sp._analyse([sentence], model, sp._PARSE_PIPES)[0]]
    assert isinstance(results[1], ConfigError) and "no_such_spacy_model" in str(results[1])
    assert results[2][: len(results[0])] == results[0] and "nsubj" in results[2][len(results[0]) :]


def test_the_table_ruler_annotates_exactly_as_spacys_attribute_ruler() -> None:
    from pipeline.enrich.nlp import get_nlp, table_ruler

    nlp = get_nlp(Settings().spacy_model)
    table = table_ruler(nlp)
    assert table is not None  # the bundled model's patterns are all ones the table matches
    texts = [s for r in read_jsonl(BMC)[:6] for s in r["abstract"].split(". ")]
    # the rarer patterns: object pronouns, contractions, whitespace tokens, "nothin'", "y'"
    texts += [
        "I don't think it helped them or you.",
        "They gave it to me  and I wasn't sure.\n\nNothin' y' know.",
    ]
    parse = [p for p in nlp.pipe_names if p not in ("attribute_ruler", "lemmatizer", "ner")]
    real = list(nlp.pipe(texts, disable=["ner"]))
    ours = [table(doc) for doc in nlp.pipe(texts, disable=[p for p in nlp.pipe_names if p not in parse])]
    ours = list(nlp.get_pipe("lemmatizer").pipe(ours))
    for a, b in zip(real, ours, strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in a] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_) for t in b
        ], a.text


def test_a_sentence_is_left_unparsed_only_when_no_parse_operation_could_apply() -> None:
    """restructure skips the parser when the tagger's output rules every operation out
    (``_may_restructure``): every sentence an operation does restructure must pass it."""
    model = Settings().spacy_model
    texts = [s.strip() + "." for r in read_jsonl(BMC)[:8] for s in r["abstract"].split(". ") if s.strip()]
    texts += [
        "CYP11A1, a gene of the P450 family, encodes an enzyme that cleaves cholesterol.",
        "The protein has conserved domains, which include a kinase domain and a binding site.",
        "Higher expression was observed in ovary tissues during brooding.",
        "The drug lowered blood pressure in most patients and the placebo had no effect on it.",
    ]
    parsed = sp._analyse(texts, model, sp._PARSE_PIPES)
    tagged = sp._analyse(texts, model, sp._TAG_PIPES)
    fired = set()
    for text, doc, tags in zip(texts, parsed, tagged, strict=True):
        assert doc is not None and tags is not None
        ops = [op.__name__ for op in sp._OPERATIONS if op(doc)]
        if ops:
            assert sp._may_restructure(tags), (text, ops)
        fired.update(ops)
    assert fired == {op.__name__ for op in sp._OPERATIONS}
    skipped = [
        t for t, tags in zip(texts, tagged, strict=True) if tags is not None and not sp._may_restructure(tags)
    ]
    assert skipped  # some sentences are never parsed
