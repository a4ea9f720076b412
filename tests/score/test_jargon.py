"""Jargon: glossary terms with their plainer words, rare long words, the rate."""

from __future__ import annotations

import json

import pytest

from pipeline.score import jargon as j
from tests.score.conftest import make_article


def test_glossary_term_flagged_with_plainer_alternative() -> None:
    res = j.jargon_rate("The abdomen hurt after an adverse event.", make_article("x"))
    reasons = [f.reason for f in res.flags]
    assert "jargon: abdomen; plainer: stomach, stomach area, belly, tummy" in reasons
    assert any(r.startswith("jargon: adverse event; plainer:") for r in reasons)
    assert all(f.severity == "note" for f in res.flags)
    first = res.flags[0]
    assert first.draft_span == (4, 11) and first.draft_text == "abdomen"


def test_inflections_match_but_other_words_do_not() -> None:
    g = j.load_glossary()
    found = [text[s:e] for text in ["Infections spread."] for s, e, _ in g.find(text)]
    assert found == ["Infections"]
    assert "participants" not in j.inflections("participate")


def test_rare_words_by_english_frequency() -> None:
    assert j.is_rare("aminotransferases")
    assert j.is_rare("randomised") and j.is_rare("eclampsia") and j.is_rare("Fluoroquinolones")
    assert j.is_rare("pre-eclampsia")  # one rare part is enough
    # Words the Dale-Chall list lacks but every adult reads: no longer flagged.
    for word in ("hospital", "patients", "evidence", "participants", "included", "quality", "surgery"):
        assert not j.is_rare(word), word
    assert not j.is_rare("follow-up")
    assert not j.is_rare("fillings")  # rarer than "filling", which is common: the base form counts
    assert j.zipf("fillings") >= 4.0 > j.RARE_ZIPF  # "filling" is listed 4.2
    assert j.zipf("qxzvbnm") == 0.0


def test_base_forms_undo_regular_inflection() -> None:
    assert j.base_forms("studies") == ["studies", "study", "studi", "studie", "studie"]
    assert "trial" in j.base_forms("trials") and "dose" in j.base_forms("dosed")
    assert j.base_forms("was") == ["was"]  # too short to strip


def test_jargon_flags_on_a_human_plain_summary_are_few() -> None:
    """On a real Cochrane plain-language summary only the words a lay reader may not know are rare."""
    from tests.conftest import SHARED_DATA, read_jsonl

    pairs = read_jsonl(SHARED_DATA / "cochrane_val" / "pairs.jsonl")
    summary = pairs[0]["plain_summary"]
    rare = {t.text.lower() for t in j.tokens(summary) if j.is_content_word(t.text) and j.is_rare(t.text)}
    content = [t for t in j.tokens(summary) if j.is_content_word(t.text)]
    assert len(rare) <= len(content) // 10, sorted(rare)
    text = "Kids ate lunch at home with their mother."
    assert j.jargon_rate(text, make_article("x")).value == 0.0


def test_rate_is_share_of_content_words() -> None:
    # content words: interferon, clears, virus -> "interferon" is rare (3+ syllables, not familiar)
    res = j.jargon_rate("Interferon clears the virus.", make_article("x"))
    assert res.value == pytest.approx(1 / 3)
    assert [f.reason for f in res.flags] == ["jargon: Interferon (rare word)"]


def test_parse_glossary_splits_variants() -> None:
    lines = [
        json.dumps({"term": "intravenous (IV)", "plain_alternative": "into your vein"}),
        json.dumps({"term": "ova/ovum", "plain_alternative": "eggs"}),
        json.dumps({"term": "bone marrow", "plain_alternative": "soft inside of bones"}),
        json.dumps({"term": "nothing", "plain_alternative": ""}),
    ]
    g = j.parse_glossary(lines)
    assert {"intravenous", "iv", "ova", "ovum"} <= set(g.by_word)
    assert "nothing" not in g.by_word
    assert [e.term for _, _, e in g.find("Bone  marrow was taken.")] == ["bone marrow"]
    assert j.stem("vein") in g.plain_stems


def test_everyday_glossary_words_are_not_flagged_but_less_common_ones_are() -> None:
    g = j.load_glossary()
    everyday = "The treatment reduced the risk in this review of clinical control groups."
    assert {text[s:e].lower() for text in [everyday] for s, e, _ in g.find(text)} >= {"treatment", "risk"}
    assert j.find_jargon(everyday, g) == []  # listed in the thesaurus, but every reader knows them
    hard = "Chronic pain in the abdomen and hypertension were common."
    flagged = [h.text for h in j.find_jargon(hard, g)]
    assert flagged == ["Chronic", "abdomen", "hypertension"]
    assert all(h.plainer for h in j.find_jargon(hard, g))


def test_names_and_acronyms_are_not_rare_words() -> None:
    text = "Interferon was tested in Sulaimaniyah and Merapi. Patients with HBV took interferon."
    assert [h.text for h in j.find_jargon(text, j.load_glossary())] == ["Interferon", "interferon"]
