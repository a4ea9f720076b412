"""Round 28 (h28speed, code debt): the composer's twin vocabularies made one, the same drafts.

The cause lead-ins of fields.py (a practice sentence's set-aside lead, the claim's cause lead with and
without its comma, a cause before "it is") read one list of cause words; the key findings' last resort
reads a ratio's bare value from the plan's statistics patterns. Real sentences of the cochrane mine half.
"""

from __future__ import annotations

from pipeline.draft.composer import fields


def test_the_cause_leads_read_one_list_of_cause_words() -> None:
    for pattern in (fields._SET_ASIDE_LEAD, fields._BARE_CAUSE_LEAD, fields._CAUSE_BEFORE_IT):
        assert fields._CAUSE_WORDS in pattern.pattern
    assert all(cause in fields._CAUSE_LEAD.pattern for cause in fields._CAUSES)
    assert (
        fields._REASONABLE_TO in fields._DUMMY_IT.pattern
        and fields._REASONABLE_TO in fields._SET_ASIDE_LEAD.pattern
    )
    # cochrane mine CD003467: a cause with no comma before "it is impossible": both leads read it, and
    # the bare one reads it from where the other's cause starts
    text = (
        "Due to lack of evidence it is impossible to determine whether amantadine is a safe and effective form "
        "of treatment for levodopa-induced dyskinesias in patients with Parkinson's disease."
    )
    moved = fields._CAUSE_BEFORE_IT.match(text)
    assert moved and moved.group("cause") == "Due to lack of evidence"
    assert fields._BARE_CAUSE_LEAD.match(text, moved.start("cause"))
    # CD008831.pub3 ("Owing to heterogeneity, ..."): a cause lead with its comma
    assert fields._CAUSE_LEAD.match("Owing to heterogeneity, we could not carry out a meta-analysis.")
    # CD001802.pub3 ("Given the short duration of follow-up ..., we considered ..."): set aside
    lead = fields._SET_ASIDE_LEAD.match(
        "Given the short duration of follow-up and the differences between studies, we considered the evidence "
        "for adults to be of low quality."
    )
    assert lead and lead.group(0).endswith("studies, ")


def test_the_last_resort_reads_a_ratios_bare_value_from_the_statistics_patterns() -> None:
    from pipeline.text import results

    assert fields.RATIO_VALUE is results.RATIO_VALUE and results.RATIO_NAME in results._STATISTIC.pattern
    # cochrane mine CD004302.pub2: a ratio's value with what it compares lost
    assert results.RATIO_VALUE.search("The risk ratio was 1.07 (95% confidence interval 0.81 to 1.41).")
    assert results._STATISTIC.search("The risk ratio was 1.07 (95% confidence interval 0.81 to 1.41).")
    # lower case as the inline pattern was: "Risk ratios were ..." opening a sentence is the plan's
    assert not results.RATIO_VALUE.search("Risk ratios were 0.95 and 0.93.")
