"""The flag benchmark's injections (bench/flags.py) make only errors the abstract can show, on
real cochrane_val summaries: a number changed is one the abstract gives for that quantity and
keeps its unit; a dropped qualifier leaves the sentence without any hedge; a changed count is one
the abstract gives."""

from __future__ import annotations

import difflib
import json
import random
import re

from bench import flags as bench
from pipeline.score import numbers as n
from pipeline.score.faithfulness import keeps_a_hedge
from tests.score.conftest import load_pairs, make_article


def _pair(pair_id: str) -> dict[str, str]:
    return next(p for p in load_pairs() if p["id"] == f"10.1002/14651858.{pair_id}")


def _changed_sentence(clean: str, changed: str) -> str:
    """The sentence of ``changed`` that differs from ``clean``."""
    old = bench.sentence_spans(clean)
    olds = {clean[s:e] for s, e in old}
    return next(changed[s:e] for s, e in bench.sentence_spans(changed) if changed[s:e] not in olds)


def test_a_number_the_abstract_gives_for_another_quantity_is_not_changed() -> None:
    """CD007651.pub2: "No two school-based physical activity promotion programs had the same
    combination of interventions" has a two the abstract also has, for something else; changing
    it ("No 7 ... programs") is no error an abstract check can see, so the injection leaves it.
    "17 randomised controlled trials" (CD001323.pub2) is the abstract's "17 trials"."""
    pair = _pair("CD007651.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    two = next(
        m for m in n.find_numbers(text) if text[m.start : m.start + 30] == "two school-based physical acti"
    )
    sources = n.source_numbers(article)
    assert any(n.value_match(two, s.mention) for s in sources)  # the abstract has a 2 ...
    assert not any(n.states_same_quantity(text, two, article, s) for s in sources)  # ... not this one
    for seed in range(10):
        changed = bench.inject_number(text, article, bench.Context([], 0), random.Random(seed))
        assert changed is None or "No two school-based" in changed
    pair = _pair("CD001323.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    seventeen = next(m for m in n.find_numbers(text) if m.value == 17)
    assert any(
        n.value_match(seventeen, s.mention) and n.states_same_quantity(text, seventeen, article, s)
        for s in n.source_numbers(article)
    )


def test_a_changed_spelled_number_keeps_its_unit() -> None:
    """CD000006.pub2: "less pain in the first three days after delivery" became "in the first 4
    after delivery" (the unit went with the number word); now only the number word changes."""
    pair = _pair("CD000006.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    three = next(m for m in n.find_numbers(text) if m.text == "three days")
    assert bench._number_width(three) == len("three")
    units = sorted(m.unit or "" for m in n.find_numbers(text))
    for seed in range(30):
        changed = bench.inject_number(text, article, bench.Context([], 0), random.Random(seed))
        if changed is not None:
            assert sorted(m.unit or "" for m in n.find_numbers(changed)) == units, changed


def test_a_dropped_qualifier_leaves_no_hedge_in_its_sentence() -> None:
    """CD004248.pub2: "appear to be safe and may be beneficial" lost only its "may be", which
    left "appear to be safe and beneficial", still hedged. Every changed sentence now carries no
    hedge at all."""
    pair = _pair("CD004248.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    assert "appear to be safe and may be beneficial" in text
    made = 0
    for seed in range(30):
        changed = bench.inject_qualifier(text, article, bench.Context([], 0), random.Random(seed))
        if changed is None:
            continue
        made += 1
        assert not keeps_a_hedge(_changed_sentence(text, changed)), changed
        assert "safe and beneficial" not in changed or "appear" not in _changed_sentence(text, changed)
    assert made


def test_a_dropped_qualifier_is_replaced_by_fluent_certain_wording() -> None:
    """Cutting the qualifier out made broken sentences a writer never writes ("Catgut increase
    short-term pain", "There little or no effect", "Both treatments be safe", "The results if 36%
    of women ...") and read the month May as the verb. Each is now the certain wording a writer
    would use instead: real sentences of the mine half (human summaries and composer drafts)."""
    cases = {
        # CD000006.pub2 (draft)
        "Catgut may increase short-term pain compared with synthetic stitches": "Catgut will increase short-term pain compared with synthetic stitches",
        # CD002243.pub4 (human summary)
        "There may be little or no effect of corticosteroids on risk of gastroduodenal bleeding": "There will be little or no effect of corticosteroids on risk of gastroduodenal bleeding",
        # CD004217.pub2 (draft)
        "Both treatments appear to be safe for use in newborns.": "Both treatments are safe for use in newborns.",
        # CD001925.pub2 (draft)
        "Aspirin appears to reduce stroke and major vascular events": "Aspirin reduces stroke and major vascular events",
        # CD002243.pub4 (draft)
        "Moderate-certainty evidence suggests that steroids probably reduce 28-day and hospital deaths": "High-certainty evidence shows that steroids reduce 28-day and hospital deaths",
        # CD001876.pub3 (human summary)
        "Corticosteroids may increase the risk of adverse events (low certainty evidence)": "Corticosteroids will increase the risk of adverse events (high certainty evidence)",
        # CD004417.pub5 (human summary)
        "However, patient satisfaction may be greater when a delayed prescribing strategy is used": "However, patient satisfaction will be greater when a delayed prescribing strategy is used",
        # "There does not appear to be clear clinical benefit" (draft, mine half)
        "There does not appear to be clear clinical benefit from two days of cervical preparation": "There is not clear clinical benefit from two days of cervical preparation",
        # "Current but limited evidence support the use of 23-valent pneumococcal vaccine" (draft, mine half)
        "Current but limited evidence support the use of 23-valent pneumococcal vaccine": "Current evidence support the use of 23-valent pneumococcal vaccine",
        # "Low- to very low-quality evidence suggests that adjunctive treatments may not provide" (draft)
        "Low- to very low-quality evidence suggests that adjunctive treatments may not provide any additional benefit": "High-quality evidence shows that adjunctive treatments will not provide any additional benefit",
    }
    for clean, fluent in cases.items():
        assert bench.drop_qualifiers(clean) == fluent
    # CD004591.pub3 (draft): the month is no qualifier; "may or may not" is left (still hedged)
    month = "The repeat searches carried out in May 2012 did not identify any more studies for inclusion."
    assert bench.drop_qualifiers(month) == month
    both = "But this may or may not translate into better long-term results"  # CD001770.pub3 (draft)
    assert keeps_a_hedge(bench.drop_qualifiers(both))


def test_an_injected_qualifier_drop_on_a_real_summary_is_fluent() -> None:
    """CD002243.pub4's human summary: "There may be little or no effect ..." became "There little
    or no effect ..."."""
    pair = _pair("CD002243.pub4")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    made = 0
    for seed in range(30):
        changed = bench.inject_qualifier(text, article, bench.Context([], 0), random.Random(seed))
        if changed is None:
            continue
        made += 1
        sentence = _changed_sentence(text, changed)
        assert not keeps_a_hedge(sentence), changed
        assert not re.search(r"\bThere (?:little|no|a)\b", sentence), sentence
    assert made


def test_a_changed_count_is_one_the_abstract_gives() -> None:
    """CD001323.pub2: "Six of these trials suggested ..." and "Two studies compared ..." count
    trials the full review describes, not the abstract; only its "17 randomised controlled
    trials" and "9627 participants" are the abstract's counts to change."""
    pair = _pair("CD001323.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    for seed in range(30):
        changed = bench.inject_count(text, article, bench.Context([], 0), random.Random(seed))
        assert changed is not None
        removed = [d[2:] for d in difflib.ndiff(text.split(), changed.split()) if d.startswith("- ")]
        assert removed in (["17"], ["(9627"]), removed


def test_a_changed_count_is_never_a_year_of_the_abstract() -> None:
    """CD001070's composer draft "The review found nine studies." became "The review found 1997
    studies." (1997 being a study's year in the abstract): no writer makes that count, and no
    count flag reads a year as a count, so it only measured the bench."""
    pair = _pair("CD001070")
    article = make_article(pair["abstract"])
    assert "1997" in pair["abstract"]
    made = 0
    for seed in range(40):
        changed = bench.inject_count(
            "The review found nine studies.", article, bench.Context([], 0), random.Random(seed)
        )
        if changed is None:
            continue
        made += 1
        assert not re.search(r"\b(?:19|20)\d\d\b", changed), changed
    assert made


def test_an_effect_is_claimed_only_where_the_abstract_interval_includes_none() -> None:
    """Round 18: CD009695.pub2's "Psychostimulants did not reduce amphetamine use ..." restates
    an abstract sentence whose intervals all include no effect; the injection says "reduced" (the
    tense of "did"), and CD012964's "were similar for women receiving TXA" becomes "were lower" or
    "were higher". A sentence whose abstract sentence excludes the null is never changed."""
    pair = _pair("CD009695.pub2")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    made = set()
    for seed in range(20):
        changed = bench.inject_null_effect(text, article, bench.Context([], 0), random.Random(seed))
        assert changed is not None
        made.add(_changed_sentence(text, changed).strip())
    assert any(s.startswith("Psychostimulants reduced amphetamine use") for s in made), made
    pair = _pair("CD012964")
    article, text = make_article(pair["abstract"]), pair["plain_summary"]
    words = set()
    for seed in range(20):
        changed = bench.inject_null_effect(text, article, bench.Context([], 0), random.Random(seed))
        assert changed is not None
        words |= {w for w in ("were lower for women", "were higher for women") if w in changed}
    assert words == {"were lower for women", "were higher for women"}
    # CD012137.pub2: "We found a decrease in the risk of endometritis (RR 0.28, 95% CI 0.09 to 0.86)"
    # excludes the null: a sentence restating it is no place for the error
    text = "We found no difference in the risk of endometritis with antibiotics."
    article = make_article(_pair("CD012137.pub2")["abstract"])
    assert bench.inject_null_effect(text, article, bench.Context([], 0), random.Random(0)) is None


def test_stored_drafts_are_read_by_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Round 22 (h22flags): ``--drafts`` scores stored pages (``plainsci eval --drafts`` output) in
    the order of the half's pairs, so that two commits that draft alike are measured on the same
    drafts; a pair with no stored page is no draft."""
    from pipeline.domain import DraftFields
    from pipeline.lab.datasets import Pair

    pairs = [Pair("a", "A.", "", 1), Pair("b", "B.", "", 2)]
    page = {"id": "b", "simple_explanation": "Plain.", "key_findings": ["One."], "research_summary": "Sum."}
    page |= {"practical_implications": [{"title": "T", "text": "X."}], "limitations": [], "provenance": {}}
    stored = tmp_path / "drafts.jsonl"
    stored.write_text(json.dumps(page) + "\n", encoding="utf-8")
    got = bench._drafts(stored, pairs, [], None)  # type: ignore[arg-type]
    assert isinstance(got[0], LookupError)
    assert isinstance(got[1], DraftFields) and got[1].simple_explanation == "Plain."
    assert got[1].practical_implications[0].text == "X."
