"""Readability values equal textstat's; length limits flag long fields and items."""

from __future__ import annotations

import pytest
import textstat

from pipeline.score import readability as r
from pipeline.score.base import METRICS
from tests.score.conftest import load_pairs, make_article


def _texts(n: int = 60) -> list[str]:
    pairs = load_pairs()[:n]
    return [p["abstract"] for p in pairs] + [p["plain_summary"] for p in pairs]


def test_values_equal_textstat_on_real_texts() -> None:
    for text in _texts():
        s = r.text_stats(text)
        assert r.fkgl_value(s) == pytest.approx(textstat.flesch_kincaid_grade(text), abs=1e-9)
        assert r.dale_chall_value(s) == pytest.approx(textstat.dale_chall_readability_score(text), abs=1e-9)
        assert r.coleman_liau_value(s) == pytest.approx(textstat.coleman_liau_index(text), abs=1e-9)
        assert r.smog_value(s) == pytest.approx(textstat.smog_index(text), abs=1e-9)
        assert s.words_per_sentence == pytest.approx(textstat.words_per_sentence(text), abs=1e-9)
        assert s.polysyllables == textstat.polysyllabcount(text)
        assert s.syllables == textstat.syllable_count(text)
        assert s.sentences == textstat.sentence_count(text)
        assert s.words == textstat.lexicon_count(text)


def test_metric_functions_match_textstat() -> None:
    text = load_pairs()[0]["plain_summary"]
    art = make_article("unused")
    assert r.fkgl(text, art).value == pytest.approx(textstat.flesch_kincaid_grade(text))
    assert r.dale_chall(text, art).value == pytest.approx(textstat.dale_chall_readability_score(text))
    assert r.coleman_liau(text, art).value == pytest.approx(textstat.coleman_liau_index(text))
    assert r.smog(text, art).value == pytest.approx(textstat.smog_index(text))
    share = textstat.polysyllabcount(text) / textstat.lexicon_count(text)
    assert r.polysyllable_share(text, art).value == pytest.approx(share)


def test_hand_checked_counts() -> None:
    # 2 sentences, 10 words, all one syllable except "became" (2) and "unhappy" (3): 13 syllables.
    s = r.text_stats("The cat sat on the mat. Then it became unhappy.")
    assert (s.sentences, s.words, s.syllables, s.polysyllables) == (2, 10, 13, 1)
    assert r.fkgl_value(s) == pytest.approx(0.39 * 5 + 11.8 * 1.3 - 15.59)
    assert r.smog_value(s) == pytest.approx(1.043 * (30 * 1 / 2) ** 0.5 + 3.1291)


def test_empty_text_is_zero_and_stats_are_cached() -> None:
    assert r.fkgl_value(r.text_stats("")) == 0.0
    assert r.text_stats("Same text here.") is r.text_stats("Same text here.")


def test_sentence_spans_keep_abbreviations_and_decimals() -> None:
    text = "Smith et al. found a mean of 1.5 mg, e.g. in adults. Hepatitis C. Next one? Yes!"
    assert [text[a:b] for a, b in r.sentence_spans(text)] == [
        "Smith et al. found a mean of 1.5 mg, e.g. in adults.",
        "Hepatitis C.",
        "Next one?",
        "Yes!",
    ]


def test_sentence_spans_keep_species_names_whole() -> None:
    # bmc_sample 10.1186/s13071-019-3813-0 and 10.1186/s12864-019-5831-x (CC BY, see PROVENANCE.md)
    ticks = (
        "One I. persulcatus female contained Rickettsia helvetica, and one nymph contained Rickettsia sp. "
        "Of the 277 ticks analysed, all were negative for A. phagocytophilum, Babesia spp., "
        "Borrelia miyamotoi, N. mikurensis and TBE virus."
    )
    assert [ticks[a:b] for a, b in r.sentence_spans(ticks)] == [
        "One I. persulcatus female contained Rickettsia helvetica, and one nymph contained Rickettsia sp.",
        "Of the 277 ticks analysed, all were negative for A. phagocytophilum, Babesia spp., "
        "Borrelia miyamotoi, N. mikurensis and TBE virus.",
    ]
    genome = "Some regions are unique for P. carotovorum subsp. brasiliense. Vitamin D. Next."
    assert len(r.sentence_spans(genome)) == 3


def test_length_limits() -> None:
    art = make_article("unused")
    long_field = " ".join(["Word"] * 130) + "."
    res = METRICS["length_simple_explanation"].fn(long_field, art)
    assert res.value == 130 and len(res.flags) == 1 and "limit 120" in res.flags[0].reason
    findings = "Pain fell in the treated group. " + " ".join(["word"] * 35) + "."
    res = METRICS["length_key_findings"].fn(findings, art)
    assert res.value == 35 and len(res.flags) == 1
    assert res.flags[0].draft_span is not None and res.flags[0].draft_span[0] > 0
    assert METRICS["length_limitations"].fn("Small sample. Short follow-up", art).flags == []


def test_sentence_spans_are_found_once_per_text_and_each_caller_gets_its_own_list() -> None:
    """The score stage asks for the spans of the same text per mention and per number: kept per
    text (round 16, h16speed), a fresh list each call, abbreviations still ending no sentence."""
    from pipeline.text import readability as tr

    # cochrane_val CD001323, the abstract's last two sentences
    text = (
        "It can be used in any clinic that is currently carrying out ECCE with IOL. Further research "
        "is needed to compare the longer term outcomes of these procedures e.g. PCO and corneal damage."
    )
    tr._sentence_spans.cache_clear()
    first = tr.sentence_spans(text)
    assert [text[s:e] for s, e in first][1].endswith("e.g. PCO and corneal damage.") and len(first) == 2
    first.append((0, 1))
    assert tr.sentence_spans(text) == first[:2] and tr._sentence_spans.cache_info().hits == 1
