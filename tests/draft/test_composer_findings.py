"""Key findings and the research summary of the composer, on real abstracts (cochrane_val, bmc_sample).

Each test is a bug a read of composer 6 drafts found; each fails on composer 6.
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.draft import rewrite as rw
from pipeline.draft.composer.fields import _COUNTED, same_finding
from tests.conftest import BMC, COCHRANE, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import cochrane_article, compose_fields

_draft = compose_fields


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return _draft([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])


def test_a_follow_up_is_never_said_as_when_the_study_ran() -> None:
    """ "follow-up was 29.7 days on average" became "The study ran from 29.7 days." (CD010871, a
    review: its follow-up is its trials'); "6 months follow-up" of a trial became "The study ran
    from 6 months." (bmc_sample)."""
    (review,) = _cochrane("CD010871.pub2")
    assert "ran from" not in review.research_summary
    record = next(r for r in read_jsonl(BMC) if r["id"] == "10.1186/s13063-014-0531-y")
    (trial,) = _draft([bmc_article(record)])
    assert "ran from 6 months" not in trial.research_summary
    # round 23 (h23bmc): this trial is a protocol still recruiting, so its follow-up is a plan
    assert "Follow-up will last 6 months." in trial.research_summary


def test_key_findings_never_say_one_result_twice() -> None:
    """ "Pentoxifylline generally was well tolerated; the most commonly reported side effects ..."
    and "Pentoxifylline was shown to be generally well tolerated." were two of the three key
    findings (CD005262); what the studies compared is no finding either."""
    (fields,) = _cochrane("CD005262.pub3")
    findings = fields.key_findings
    assert sum("well tolerated" in f for f in findings) <= 1, findings
    # said once on the page: since composer 11 the simple explanation says it ("Pentoxifylline was
    # generally well tolerated.", without "was shown to be") and the key findings leave it out
    assert sum("well tolerated" in f for f in [*findings, fields.simple_explanation]) == 1, fields
    assert not any(f.startswith("Seventeen studies compared") for f in findings), findings
    for i, a in enumerate(findings):
        assert not any(same_finding(a, b) for b in findings[i + 1 :]), findings


def test_an_expanded_abbreviation_takes_the_right_article() -> None:
    """ "compared a UCT with a CCT" became "compared a unconditional cash transfer" (CD011135)."""
    abbreviations = rw.find_abbreviations("Unconditional cash transfers (UCTs) were given. A UCT was paid.")
    text = rw.expand_abbreviations("All studies compared a UCT with no UCT. A UCT was paid.", abbreviations)
    assert text == (
        "All studies compared an unconditional cash transfer with no unconditional cash transfer. "
        "An unconditional cash transfer was paid."
    )
    (fields,) = _cochrane("CD011135.pub2")
    assert "a unconditional" not in " ".join([fields.research_summary, *fields.key_findings]).lower()


def test_a_split_result_takes_one_slot_and_a_reviews_size_none() -> None:
    """Two halves of one split sentence ("An eighth trial in adults was at high risk of bias." /
    "... did not provide any data for analysis.") took two of three slots in place of the pooled
    result (CD001802); "Eight trials with 870 patients were included." was a finding (CD003573)."""
    surgery, home = _cochrane("CD001802.pub3", "CD003573.pub2")
    assert any("10.6 days fewer" in f for f in surgery.key_findings), surgery.key_findings
    assert sum(f.startswith("An eighth trial") for f in surgery.key_findings) <= 1
    # neither half is a result while results are left: one says the trial's risk of bias, the
    # other that it gave no data (seen once the simple explanation took a different claim)
    assert not any(f.startswith("An eighth trial") for f in surgery.key_findings), surgery.key_findings
    assert not any(f.endswith("were included.") for f in home.key_findings), home.key_findings


def test_a_stripped_interval_never_glues_a_percent_to_the_next_word() -> None:
    """ "sensitivity of 85.6%; 95% confidence interval (CI) 83.3 to 87.6 and a summary specificity"
    became "85.6%and", which the draft's number check refused: the page was not drafted
    (cochrane_val CD010502)."""
    record = next(r for r in read_jsonl(COCHRANE) if r["id"] == "10.1002/14651858.CD010502.pub2")
    sentence = next(s for s in record["abstract"].split(". ") if "85.6%" in s)
    assert "85.6% and a summary specificity of 95.4%" in rw.strip_statistics(sentence)


def test_a_reviews_size_counts_both_kinds_of_trial_it_names() -> None:
    """ "Three randomised trials and one quasi-randomised trial ... were included with a total of
    253 participants" was said as "three studies with 253 people" (CD012293, the blind read of
    composer 7): both counts are said as written, since their sum is not in the abstract."""
    (review,) = _cochrane("CD012293.pub2")
    # said once, in the research summary (the simple explanation keeps its answer)
    assert "three randomised and one quasi-randomised studies with 253 people" in review.research_summary
    assert "three studies" not in review.simple_explanation.lower()
    assert review.research_summary.startswith(
        "This review included three randomised and one quasi-randomised"
    )


def test_a_reviews_size_is_the_studies_it_kept_not_those_its_searches_found() -> None:
    """ "The searches identified 157 studies, of which eight cross-over studies (data from 96
    participants) met the inclusion criteria" was said as "The review found 157 studies with 96
    people in total" (CD001401, the blind read of composer 8, seed 31): a factual error."""
    (review,) = _cochrane("CD001401.pub3")
    assert "eight studies with 96 people" in review.simple_explanation, review.simple_explanation
    assert "157" not in review.simple_explanation + review.research_summary  # said once: in the SE


def test_a_bound_on_study_size_is_no_count_of_people_and_the_summary_says_the_size_once() -> None:
    """CD001770 ("mine" half): "16 small RCTs (fewer than 100 patients enrolled) and 2 larger RCTs"
    was said as "16 studies with 100 people", a bound read as a count and the two larger trials
    lost; CD001323: the research summary said the size twice ("This review included 17 studies
    with 9627 people. The researchers identified 17 trials that randomised 9627 people.")."""
    bounded, twice = _cochrane("CD001770.pub3", "CD001323.pub2")
    # h14counts: its total is said two sentences on ("These 18 studies looked at a total of 916 patients")
    assert (
        "The review found 16 small and 2 larger studies with 916 people in all." in bounded.simple_explanation
    )
    assert "100 people" not in bounded.simple_explanation + bounded.research_summary
    assert twice.research_summary.count("9627") == 1, twice.research_summary


def test_a_reviews_size_is_no_screening_count_and_names_quasi_randomised_trials() -> None:
    """Found by h9main's read (round 9, mine half). CD007651: "302 studies were assessed for
    eligibility, and 26 studies were included in the review" (in the original review) was said as
    "The review found 302 studies"; CD012137: "One randomised controlled trial (RCT) and two
    quasi-RCTs contributed data on 1779 women" was said as "The review found only one study". Both
    factual errors."""
    update, quasi = _cochrane("CD007651.pub2", "CD012137.pub2")
    assert "302" not in update.simple_explanation + update.research_summary
    assert "26 studies" not in update.simple_explanation
    assert "only one study" not in quasi.simple_explanation, quasi.simple_explanation
    both = quasi.simple_explanation + " " + quasi.research_summary  # the size is said in one of them
    assert "one randomised controlled and two quasi-randomised studies" in both, both


def test_no_new_studies_in_an_update_is_no_empty_review() -> None:
    """ "No new trials were included for the 2017 update" (CD002057, mine half) and "No new trials
    were found" (CD004302) made the page say "Evidence Gap: No studies answered this question", a
    factual error on reviews of three and two trials (found on an eval-half page, CD007563, in the
    round-9 blind read; these are its mine-half look-alikes)."""
    for page in _cochrane("CD002057.pub4", "CD004302.pub2"):
        texts = [p.text for p in page.practical_implications] + [page.simple_explanation]
        assert not any("No studies answered" in t for t in texts), texts


def test_a_further_result_that_says_the_answer_again_is_left_out() -> None:
    """CD003416 (mine half) answered "Single embryo transfer is linked to much lower rates of
    multiple pregnancy than other embryo transfer policies." and then said it again as its further
    result ("The multiple pregnancy rate was significantly lower in the single versus repeated
    multiple embryo transfer group."); the round-9 blind read found the same on an eval page
    (an increased risk of vomiting said twice). Since round 21 the answer is the authors' first
    conclusion, on the primary outcome ("In a single fresh IVF cycle, single embryo transfer is associated
    with a lower live birth rate than double embryo transfer.", read as background before: h21main and the
    lead's _VERDICT_IS); the multiple-pregnancy result is still not said twice."""
    (page,) = _cochrane("CD003416.pub4")
    assert "lower live birth rate than double embryo transfer" in page.simple_explanation, (
        page.simple_explanation
    )
    assert "multiple pregnancy rate was significantly lower" not in page.simple_explanation


def test_the_certainty_said_is_the_answers_own_grade() -> None:
    """CD003573 ("mine" half): the answer states "evidence of moderate quality", but the simple
    explanation said "very low certainty", the lowest level stated anywhere in the abstract (for
    another outcome), a certainty the answer does not have."""
    (page,) = _cochrane("CD003573.pub2")
    assert "moderate quality" in page.simple_explanation, page.simple_explanation
    assert "(moderate certainty)" in page.simple_explanation and "very low" not in page.simple_explanation


def _elife(*ids: str) -> list[DraftFields]:
    from pipeline.lab.datasets import load_pairs, pair_to_article

    pairs = {p.id: p for p in load_pairs(COCHRANE.parent.parent / "elife_dev" / "pairs.jsonl")}
    return _draft([pair_to_article(pairs[f"10.7554/{i}"]) for i in ids])


def test_a_result_the_authors_state_in_the_present_tense_is_a_key_finding() -> None:
    """eLife abstracts say their results as "Using siRNA knockdown experiments, we find that
    Arfrp1 and AP-1 are required for Vangl2 transport" (eLife.00160): the plan reads the method
    phrase and no past-tense result word, so the page had one key finding, and the research
    summary took its main result."""
    (fields,) = _elife("eLife.00160")
    # composer 9: the simple explanation says it as the headline (h9main), so a key finding need not
    said = [*fields.key_findings, fields.simple_explanation]
    assert any("Arfrp1" in f and "needed for Vangl2 transport" in f for f in said), fields
    assert len(fields.key_findings) >= 2


def test_what_was_found_counted_is_a_finding() -> None:
    """ "Eight small-effect QTL controlling CIA severity were identified." (bmc ar2108) reads as a
    method ("were identified"), but it is what the work found: the page had one key finding, a
    method ("Second, the researchers detected gene activity patterns ...")."""
    record = next(r for r in read_jsonl(BMC) if r["id"] == "10.1186/ar2108")
    (fields,) = _draft([bmc_article(record)])
    assert any(f.startswith("Eight small-effect quantitative trait loci") for f in fields.key_findings), (
        fields
    )
    # the studies a search found are no finding (CD007458, bmc 10.1186/s12874-018-0545-3)
    cochrane = next(r for r in read_jsonl(COCHRANE) if r["id"] == "10.1002/14651858.CD007458.pub3")
    for text in (
        "Four of these studies were newly identified during this update.",
        "Nine guidance documents were identified",
    ):
        assert text in cochrane["abstract"] + BMC.read_text(encoding="utf-8")
        assert not _COUNTED.match(text)


def test_a_long_finding_is_said_in_short_sentences() -> None:
    """A 27-word key finding of two clauses (CD004009) is two sentences in one finding, the
    authors' "But" kept with what it contrasts (round 22, h22coch: the authors' first conclusion, it is now
    the simple explanation's answer, said the same way)."""
    (fields,) = _cochrane("CD004009.pub3")
    assert (
        "The researchers found no difference in the effect on parasites and clinical illness for "
        "intrarectal quinine. But most trials were small."
    ) in fields.simple_explanation


def test_the_research_summary_splits_no_sentence_into_a_wrong_subject_or_a_fragment() -> None:
    """Research summary sentences are split like the simple explanation's, except where the split
    would invent a subject ("... was studied in J82 cells and immortalized normal UROtsa cells" ->
    "It immortalized normal bladder urothelial UROtsa cells.", bmc 1472-6882-9-6) or leave a
    condition as a sentence ("But only when native Geocoris spp. predators reduced ...",
    eLife.00007); background is never a summary of the research once its kind is said (eLife.01350:
    "Rat or mouse whiskers are conical ...")."""
    record = next(r for r in read_jsonl(BMC) if r["id"] == "10.1186/1472-6882-9-6")
    (bmc,) = _draft([bmc_article(record)])
    assert "It immortalized" not in bmc.research_summary
    assert "Frankincense oil-induced cell viability was studied in human bladder cancer J82 cells and" in (
        bmc.research_summary
    )
    record = next(r for r in read_jsonl(BMC) if r["id"] == "10.1186/s12864-019-5831-x")
    (genome,) = _draft([bmc_article(record)])  # "..., which were isolated" -> "This were isolated"
    assert "This were" not in genome.research_summary
    assert "other pathogenic bacteria belonging to the Pectobacterium genus" in genome.research_summary
    grass, whiskers = _elife("eLife.00007", "eLife.01350")
    assert "But only when" not in grass.research_summary
    assert "twice as many buds and flowers" in grass.research_summary
    assert "are conical" not in whiskers.research_summary  # the background's "Rodent whiskers are conical"
    # composer 11: what the researchers did is said in the background's place ("Here we use ...")
    assert "analyze interactions of mouse whiskers with objects" in whiskers.research_summary
    assert whiskers.research_summary.startswith("This was a study in mice.")


def test_a_reviews_size_is_said_once_in_the_research_summary() -> None:
    """ "The review found 21 studies with 1,092,877 people in total." in the simple explanation and
    "This review included 21 studies with 1,092,877 people." in the research summary (the eval
    half, composer 8; here CD012293 of the "mine" half): the size is said once, by the research
    summary, while the simple explanation keeps its answer and stays at least ``simple_min_words``
    long; a short one keeps the size and the summary says the design (CD001401: its answer alone is
    too short), or the size after all when it would say nothing else (CD001323)."""
    from pipeline.draft.composer.templates import load_templates
    from pipeline.settings import Settings

    min_words = load_templates(Settings().prompts_dir).params["simple_min_words"]
    long_one, short, bare = _cochrane("CD012293.pub2", "CD001401.pub3", "CD001323.pub2")
    assert "253 people" in long_one.research_summary, long_one.research_summary
    assert "253 people" not in long_one.simple_explanation, long_one.simple_explanation
    assert rw.word_count(long_one.simple_explanation) >= min_words, long_one.simple_explanation
    size = "The review found eight studies with 96 people in all."
    assert size in short.simple_explanation, short.simple_explanation
    assert rw.word_count(short.simple_explanation.replace(size, "")) < min_words, short.simple_explanation
    # (the design said alone or with the summary's next sentence: "In this review, the studies measured ...")
    assert short.research_summary.startswith(("This was a review. ", "In this review, ")), (
        short.research_summary
    )
    assert "96 people" not in short.research_summary, short.research_summary
    assert "17 studies with 9627 people" in bare.simple_explanation
    assert bare.research_summary == "This review included 17 studies with 9627 people.", bare.research_summary
    # nor does the summary say the size again in the abstract's words once it leaves its own out
    # ("Two studies of the 7880 found ... met the entry rules.", "The researchers identified 35 trials")
    searched, counted = _cochrane("CD007018.pub2", "CD011430")
    assert "7880" not in searched.research_summary, searched.research_summary
    assert "35 trials" not in counted.research_summary, counted.research_summary


def test_a_method_with_a_cut_off_a_web_address_and_a_correlation_are_no_key_findings() -> None:
    """bmc_sample, composer 8: "Vascular pedicle width measurements were compared with ... diameter
    greater than or equal to 2 cm and variability less than 15 %." was a key finding (a method: its
    cut-offs read as a result); "... lung comet score, Pearson's r = 0.12, fluid balance, Pearson's
    r = 0.3, and ..." kept its statistics; "R package of long-term linear combination test is
    available at: https://github.com/..." was a key finding."""
    records = {r["id"]: r for r in read_jsonl(BMC)}
    width, package = _draft(
        [bmc_article(records[f"10.1186/{i}"]) for i in ("s40560-015-0121-4", "s12859-019-3221-7")]
    )
    assert not any("were compared with" in f for f in width.key_findings), width.key_findings
    assert any(f.startswith("Poor correlations were seen") for f in width.key_findings), width.key_findings
    assert not any("Pearson" in f for f in width.key_findings), width.key_findings
    assert package.key_findings and not any("github" in f for f in package.key_findings), package.key_findings
    assert "github" not in package.research_summary, package.research_summary  # nor the summary's


def test_a_finding_never_opens_with_a_word_that_points_back() -> None:
    """bmc_sample, composer 8: "Both were significantly enriched in the short-fiber group and
    long-fiber group." (5986-5) and "This was supported by the conserved functions of BdSLR1 and
    BdSLRL1 in GA pathway." (5985-6) were key findings whose subject is in a sentence the page does
    not say; "This suggests that reduced synaptic inhibition can lead to ..." (1471-2202-6-30) says
    its result once "This" is named: "The results suggest that ..."."""
    records = {r["id"]: r for r in read_jsonl(BMC)}
    ids = ("s12864-019-5986-5", "s12864-019-5985-6", "1471-2202-6-30")
    pages = _draft([bmc_article(records[f"10.1186/{i}"]) for i in ids])
    for page in pages:
        assert page.key_findings, page
        assert not any(f.startswith(("Both were", "This was", "This suggests")) for f in page.key_findings), (
            page.key_findings
        )
    assert any(
        f.startswith("The results suggest that reduced synaptic inhibition") for f in pages[2].key_findings
    ), pages[2].key_findings
    # nor is the left-over sentence the research summary's
    assert "This was supported by" not in pages[1].research_summary, pages[1].research_summary


def test_a_counted_significant_finding_is_found_by_the_anchored_pattern() -> None:
    """``_COUNTED_SIGNIFICANT`` is anchored at the start (round 16, h16speed: ``search`` tried its
    two look-aheads from every position, a scan of the rest each time); it finds exactly what the
    unanchored pattern found."""
    import re

    from pipeline.draft.composer import fields as fm

    assert fm._COUNTED_SIGNIFICANT.pattern.startswith("\\A")
    unanchored = re.compile(fm._COUNTED_SIGNIFICANT.pattern[2:], re.I | re.S)
    # bmc s12864-019-6102-6 (the rule's own example), then sentences without a count or without "significant"
    for text in (
        "In total, 2413 significantly raised genes were found in the treated leaves.",
        "Several hundred genes were significantly changed.",
        "Gene expression was significantly raised.",
        "In total, 2413 genes were raised.",
    ):
        assert bool(fm._COUNTED_SIGNIFICANT.search(text)) == bool(unanchored.search(text))
    assert fm._COUNTED_SIGNIFICANT.search("Several hundred genes were significantly changed.")
