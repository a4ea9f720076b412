"""Round 26 (h26speed, issue 17; issue 14 speed target): searches that cannot match left out, with
the same drafts."""

from __future__ import annotations

import re

import pytest

from pipeline.draft import rewrite as rw
from pipeline.text import swaps as sw
from pipeline.text.readability import sentence_spans
from tests.conftest import article_from_record, load_bmc_records


def _texts(record_id: str) -> list[str]:
    """The first three sections of a BMC abstract, as the page's fields in reading order."""
    article = next(article_from_record(r) for r in load_bmc_records() if r["id"] == record_id)
    return [s.text for s in article.sections][:3]


def _sentence(term: str, define: str, article: str) -> str:
    return f"{(article + ' ' + term).strip().capitalize()} is {define}."


def _sentences(records: int) -> list[str]:
    out = []
    for rec in load_bmc_records()[:records]:
        text = article_from_record(rec).abstract_plain
        out += [text[s:e] for s, e in sentence_spans(text)]
    return out


def _kept_terms() -> list[str]:
    """The plain wordings explain_first_use may look for: every glossary term with a definition."""
    return sorted({r.plain.lower() for r in sw.load_lexicon().rules if r.define and r.cased is None})


def test_explain_first_use_searches_only_for_terms_whose_words_a_text_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bmc s13045-017-0462-7 says "hormones", "mutation", "receptor" and "signaling": four of the ~70
    kept terms every page wants. START searched every text for all of them (213 searches of this
    page's three texts); now only for the terms whose words a text holds, with the same texts written
    and the same explanations recorded as with every term searched."""
    texts = _texts("10.1186/s13045-017-0462-7")
    calls = {"n": 0}
    first_sayable_use = sw._first_sayable_use

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return first_sayable_use(*args, **kwargs)

    monkeypatch.setattr(sw, "_first_sayable_use", counted)
    out, explained = sw.explain_first_use(texts, [], sentence=_sentence, sentences=1)
    searched = calls["n"]
    assert [e.after for e in explained] == [
        "Hormones is chemical messengers in the body.",
        "mutation (a change in the DNA)",
        "receptor (a protein that picks up signals)",
        "signaling (sending messages in and between cells)",  # h26se's wording
    ]
    assert searched < 30
    monkeypatch.setattr(sw, "_may_use", lambda lowered, plain: True)  # every term searched, as START did
    calls["n"] = 0
    assert sw.explain_first_use(texts, [], sentence=_sentence, sentences=1) == (out, explained)
    assert calls["n"] > 200


def test_a_term_is_searched_wherever_its_pattern_matches() -> None:
    """``_may_use`` is False only where the term's pattern finds nothing: every kept term against
    the sentences of 40 BMC abstracts, and the characters re.IGNORECASE folds to ASCII letters that
    str.lower does not (İ and ı for i, ſ for s, KELVIN SIGN for k)."""
    terms = _kept_terms()
    for text in _sentences(40):
        lowered = sw._searchable_lower(text)
        for plain in terms:
            if sw._first_use_pattern(plain).search(text):
                assert sw._may_use(lowered, plain), (plain, text)
    for text, plain in (
        ("The İnfection rose.", "infection"),
        ("Proteın levels fell.", "protein"),
        ("Cell ſignaling was lost.", "signaling"),
        ("\u212aidney disease", "kidney disease"),
    ):
        assert sw._first_use_pattern(plain).search(text)
        assert sw._may_use(sw._searchable_lower(text), plain)
    assert not sw._may_use(sw._searchable_lower("Kidney function fell."), "kidney disease")
    assert sw._may_use(sw._searchable_lower("Kidney-disease rates"), "kidney disease")


def test_strip_statistics_skips_the_inline_patterns_only_where_no_digit_is_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each of ``_INLINE_STATS`` matches a digit, so a text with none is not searched by them: the
    same text out as with every pattern tried, on the sentences of 40 BMC abstracts (bmc
    s12864-018-4726-6 among them, and the digit-free ones of those)."""
    sentences = _sentences(40)
    digit_free = [s for s in sentences if not re.search(r"\d", s)]
    assert len(digit_free) > len(sentences) // 4
    now = [rw.strip_statistics(s) for s in sentences]
    monkeypatch.setattr(rw, "_A_DIGIT", re.compile(""))  # START: every pattern tried on every text
    assert [rw.strip_statistics(s) for s in sentences] == now
    for pattern in rw._INLINE_STATS:
        assert not any(pattern.search(s) for s in digit_free)
