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
    sp.clear_caches()


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
    """One TableRuler over every text: its per-token plans, cached by the token's tested attribute
    values (tag, lower, dep, whitespace), must give each token spaCy's own annotations."""
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


def test_the_table_lemmatizer_lemmatizes_exactly_as_spacys_lemmatizer() -> None:
    """TableLemmatizer keeps each lemma by (word, POS, morphology): every token of real abstracts,
    lemmatized from the table (words seen before and new ones alike), gets spaCy's own lemma, and a
    lemma the attribute ruler set is kept."""
    from pipeline.enrich.nlp import get_nlp, table_lemmatizer

    nlp = get_nlp(Settings().spacy_model)
    table = table_lemmatizer(nlp)
    assert table is not None  # the bundled model lemmatizes by rule
    texts = [s for r in read_jsonl(BMC)[:6] for s in r["abstract"].split(". ")]
    texts += ["They gave it to me and I wasn't sure.", "The mice were fed and the rats ate less."]
    real = list(nlp.pipe(texts, disable=["ner"]))
    # the table is shared by the process (an earlier test may have filled it): count what these
    # texts add. Twice over the same texts: the second time every lemma comes from the table.
    sizes = [len(table._lemmas)]
    for _ in range(2):
        ours = [table(doc) for doc in nlp.pipe(texts, disable=["lemmatizer", "ner"])]
        for a, b in zip(real, ours, strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text
        sizes.append(len(table._lemmas))
    assert sizes[1] - sizes[0] < sum(len(doc) for doc in real)  # one entry per distinct key
    assert sizes[2] == sizes[1]  # the second pass found every key in the table
    assert sizes[1] > 0


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


def _annotations(doc: Any) -> list[tuple[str, str, str, int, str, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.pos_, t.lemma_) for t in doc]


def test_a_stored_tagging_is_parsed_on_to_exactly_a_fresh_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text tagged first (the finite-verb check) and parsed later (compression) runs tok2vec and
    the tagger once; the parse goes on from the stored tagging and equals a parse from scratch."""
    from pipeline.enrich.nlp import get_nlp

    model = Settings().spacy_model
    texts = [
        " ".join(s.split()) + "." for r in read_jsonl(BMC)[:3] for s in r["abstract"].split(". ") if s.strip()
    ]
    sp.clear_caches()
    fresh = [_annotations(doc) for doc in sp._analyse(texts, model, sp._PARSE_PIPES)]

    tok2vec = get_nlp(model).get_pipe("tok2vec")
    seen: list[int] = []
    predict = tok2vec.predict

    def counting(docs: list[Any]) -> Any:
        seen.extend(len(doc) for doc in docs)
        return predict(docs)

    monkeypatch.setattr(tok2vec, "predict", counting)
    sp.clear_caches()
    tagged = sp._analyse(texts, model, sp._TAG_PIPES)
    assert all(doc is not None and not doc.has_annotation("DEP") for doc in tagged)
    parsed = [
        sp._parse(text, model) for text in texts
    ]  # the key holds the components: a parse, not the tagging
    assert [_annotations(doc) for doc in parsed] == fresh
    assert len(seen) == len(texts)  # tok2vec ran once per text, not again for the parse
    # a tagging asked for after the parse is answered by the stored parse, with the tagger's tags
    again = sp._analyse(texts, model, sp._TAG_PIPES)
    assert [[t.tag_ for t in doc] for doc in again if doc is not None] == [[a[1] for a in f] for f in fresh]
    assert len(seen) == len(texts)


def test_stored_analyses_are_kept_apart_by_model() -> None:
    """The same model loaded from its directory is another pipeline: its parse is its own, not
    the one stored for the package name (and a model that is not installed is an error)."""
    from pipeline.enrich import nlp as shared

    model = Settings().spacy_model
    other = str(shared.get_nlp(model).path)
    sentence = "The researchers measured blood pressure in 40 adults."
    sp.clear_caches()
    try:
        first = sp._parse(sentence, model)
        second = sp._parse(sentence, other)
        assert second is not first and second.vocab is shared.get_nlp(other).vocab
        assert _annotations(second) == _annotations(first)
    finally:
        shared._CACHE.pop(other, None)
        sp.clear_caches()
    with pytest.raises(ConfigError, match="no_such_spacy_model"):
        sp._analyse([sentence], "no_such_spacy_model", sp._PARSE_PIPES)


def test_a_gated_out_text_is_stored_as_tagged_and_a_gate_on_a_stored_parse_reads_its_tags() -> None:
    model = Settings().spacy_model
    plain = "The trial had no control group."  # no parse operation could apply
    coordinated = "The drug lowered blood pressure in most patients and the placebo had no effect on it."
    sp.clear_caches()
    assert sp._analyse([plain, coordinated], model, sp._PARSE_PIPES, sp._may_restructure) == [
        None,
        sp._analyse([coordinated], model, sp._PARSE_PIPES)[0],
    ]
    assert sp._DOCS[(model, plain)][1] == sp._TAG_PIPES  # kept as tagged, for a later parse or tagging
    assert sp._parse(plain, model).has_annotation("DEP")
    assert sp._DOCS[(model, plain)][1] == sp._PARSE_PIPES


def test_a_sentence_is_compressed_once_per_length_limit_for_every_field() -> None:
    """Realiser keeps each compression by (text, limit): the fields asking with other word limits
    reuse it, and a different compression limit is compressed again (the second-tier cuts differ)."""
    from pipeline.draft.composer.compress import compress

    model = Settings().spacy_model
    sentence = (
        "The researchers conclude that SKN-1 plays a direct role in maintaining lipid homeostasis "
        "in which it is activated by lipids."
    )
    realiser = sp.Realiser({}, None, frozenset(), [], model)
    loose = realiser.lay(sentence, 40, compress=40)
    assert loose == realiser.lay(sentence, 30, compress=40) and len(realiser._squeezed) == 1
    tight = realiser.lay(sentence, 40, compress=10)
    assert loose[0].startswith("The researchers conclude that SKN-1")
    assert tight[0] == compress(realiser._prepared(sentence, False) or "", model, 10).text
    assert tight[0].startswith("SKN-1 plays a direct role")


def test_the_rules_read_a_parse_whose_tokens_are_made_once_and_read_as_spacys() -> None:
    """The rules' view of a stored parse (simplify._Tokens, round 16 h16speed): iterating it or
    indexing it gives the same Token objects every time (spaCy makes a new one per step), with
    exactly the annotations of a fresh parse; ``text`` is the text parsed; slices and the rest are
    the doc's own."""
    model = Settings().spacy_model
    # bmc_sample 10.1186/s12891-022-05070-w, its conclusion's first sentence
    sentence = (
        "Among individuals with arthrogryposis, gait speed per the 10-m Walk Test, as well as non-linear "
        "walking and dynamic balance assessment per the Figure-of-8 Walk and 360 Degree Turn Tests, have "
        "adequate test-retest reliability enabling evaluation of individual patient changes."
    )
    sp.clear_caches()
    fresh = _annotations(sp._analyse([sentence], model, sp._PARSE_PIPES)[0])
    sp.clear_caches()
    doc = sp._parse(sentence, model)
    assert _annotations(doc) == fresh
    assert next(iter(doc)) is next(iter(doc)) and doc[3] is doc[3] and doc[-1] is list(doc)[-1]
    assert sp._parse(sentence, model) is doc  # the same view while the stored analysis is the same
    assert doc.text == sentence == doc[0 : len(doc)].text and len(doc) == len(fresh)
    assert doc[2:4].text == "with arthrogryposis" and doc[3].doc is doc[2:4].doc
    assert [s.text for s in doc.sents] == [sentence] and doc.has_annotation("DEP")
    tagged = sp._analysis(sentence, model, sp._TAG_PIPES)  # a tagging is answered by the same parse
    assert tagged is doc
    # a text spaCy gives a whitespace token is not stored, and its view is its own doc's
    spaced = "Gait  speed was measured."
    assert [t.is_space for t in sp._parse(spaced, model)] == [False, True, False, False, False, False]
    assert (model, spaced) not in sp._DOCS


def test_a_sentences_identifiers_are_found_once() -> None:
    """``_lay_text`` compares the identifiers before and after the short forms are written out (up
    to four asks per sentence): they are kept per text (round 16, h16speed)."""
    # bmc_sample 10.1186/1471-2180-7-96: "Y. pestis" stays, no identifier
    sentence = "The analysis used 12 strains of Y. pestis and the IL-6 response."
    sp.clear_caches()
    assert sp._identifiers(sentence) == frozenset({"IL-6"})  # "12" has no letter
    sp._lay_text(sentence, {}, False)
    assert sp._identifiers.cache_info().hits >= 1
