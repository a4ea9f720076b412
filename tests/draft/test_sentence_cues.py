"""Sentence cues and content words are computed once per text (sentences._cued, content_words are
cached): the cached answers must be those of each purpose and text, never another's."""

from __future__ import annotations

from pipeline.draft import sentences
from pipeline.draft.sentences import Sentence, content_words
from tests.conftest import BMC, read_jsonl


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, 0, "results", 0.0, True, True, content_words(text))


def test_cues_are_cached_per_purpose_and_text() -> None:
    sentences._cued.cache_clear()
    aim = _sentence("The aim of this study was to assess sleep in nurses.")
    found = _sentence("Mean sleep duration was significantly lower in night-shift nurses.")
    assert aim.cue("aim") and not aim.cue("finding")
    assert found.cue("finding") and not found.cue("aim")
    # the same answers with every one of them cached, on real abstract sentences too
    texts = [s for r in read_jsonl(BMC)[:5] for s in r["abstract"].split(". ")]
    purposes = ("background", "aim", "method", "measure", "finding", "conclusion", "implication")
    first = [[_sentence(t).cue(p) for p in purposes] for t in texts]
    assert [[_sentence(t).cue(p) for p in purposes] for t in texts] == first
    assert first == [[bool(sentences._CUES[p].search(t)) for p in purposes] for t in texts]
    assert any(any(row) for row in first) and not all(all(row) for row in first)


def test_content_words_are_those_of_the_text_asked_for() -> None:
    a = content_words("Patients with asthma used inhalers.")
    b = content_words("Mice without receptors gained weight.")
    assert a == frozenset({"patient", "asthma", "inhaler"}) and a != b
    assert content_words("Patients with asthma used inhalers.") is a
