"""Round 21 (h21bmc): a BMC / eLife page an editor can publish. Each test is on a sentence of the
tuning sets (dataset and id in a comment) and failed on the round's start commit (124b4c7)."""

from __future__ import annotations

from pipeline.domain import Article, DraftFields
from pipeline.draft.composer.fields import _title_claim
from pipeline.draft.rewrite import find_abbreviations
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields


def test_a_long_form_whose_words_spell_the_short_form() -> None:
    # bmc s12888-018-1871-z: the letters alone spell "people with Mental Illness" (the second "p" inside
    # "People"); the words' first letters, "towards" and "with" aside, spell the whole name
    text = (
        "To address these shortcomings, we sought to develop a new measure, the Prejudice towards People "
        "with Mental Illness (PPMI) scale, based on an improved conceptualization."
    )
    assert find_abbreviations(text)["PPMI"] == "Prejudice towards People with Mental Illness"


def test_each_word_a_letter_keeps_the_shortest_long_form() -> None:
    # cochrane mine CD006606: "in vitro fertilisation" spells IVF word by word; the words' initials with
    # "in" skipped would reach back to "IVM before in vitro fertilisation"
    text = "IVM before in vitro fertilisation (IVF) was compared with IVF alone."
    assert find_abbreviations(text)["IVF"] == "in vitro fertilisation"


def test_a_name_in_capitals_keeps_its_first_capital() -> None:
    # cochrane mine CD008919: a scale's name, said "positive and Negative Syndrome Scale" before
    text = (
        "Short-term data for this outcome (measured as at least 20% improvement in scores on Positive and "
        "Negative Syndrome Scale (PANSS)) were similar."
    )
    assert find_abbreviations(text)["PANSS"] == "Positive and Negative Syndrome Scale"
    # bmc s13063-014-0529-5
    text = "Guidelines by the Centers for Disease Control (CDC) recommend that surgical wounds be covered."
    assert find_abbreviations(text)["CDC"] == "Centers for Disease Control"


# ----- pages of the round-21 read (pick20 seed 431), each composed from its real abstract -----------------


def _pages(*dois: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in dois]
    return dict(zip(dois, compose_fields(articles), strict=True))


def test_work_measured_in_the_lab_needs_no_checking_in_the_lab() -> None:
    pages = _pages(
        # wheat peroxidase genes: predictions validated by qRT-PCR and confocal microscopy
        "10.1186/s12864-019-6006-5",
        # Zymomonas promoters: predicted from data, then measured with a dual reporter-gene system
        "10.1186/s13068-019-1399-6",
    )
    for fields in pages.values():
        assert "Needs confirmation in lab or clinic" not in fields.limitations
        assert not any("checking in the lab" in p.text for p in fields.practical_implications)
        assert not fields.research_summary.startswith("The work was done by computer.")
    # a computer study that measured nothing keeps its caveat (SCOP/ASTRAL interface in python)
    (tool,) = _pages("10.1186/1471-2105-7-10").values()
    assert "Needs confirmation in lab or clinic" in tool.limitations


def test_a_small_sample_a_method_copes_with_is_no_limitation() -> None:
    # LLCT: "small number of subjects" in the background, "even when the sample size is small" in the results
    (fields,) = _pages("10.1186/s12859-019-3221-7").values()
    assert "Small sample size" not in fields.limitations


def test_a_narrative_review_is_no_single_study() -> None:
    # "Here, we review the literature on mathematical models of metabolism"
    (fields,) = _pages("10.1186/s40170-015-0140-6").values()
    titles = [p.title for p in fields.practical_implications]
    assert "One Study So Far" not in titles
    assert any("brings together earlier research" in p.text for p in fields.practical_implications)


def test_participants_counted_in_brackets_and_no_period_of_indexed_records() -> None:
    pages = _pages(
        # "In-depth interviews were conducted with (n = 18) staff, recruited from seven centres"
        "10.1186/1745-6215-16-3",
        # interviews with trialists; "trial reports randomly sampled from 14,758 indexed on PubMed over the
        # 12-month period from August 2007 to July 2008" dates the reports, not the study
        "10.1186/s13063-014-0536-6",
    )
    assert pages["10.1186/1745-6215-16-3"].participants == "18 staff"
    trialists = pages["10.1186/s13063-014-0536-6"]
    assert "2007" not in trialists.study_duration
    assert "2007" not in trialists.research_summary


def test_a_claim_title_with_switches_and_a_question_clause_that_is_none() -> None:
    model = Settings().spacy_model
    # elife_dev eLife.12223: the claim was said as the Basic Research topic ("This research on EGF-dependent
    # re-routing of vesicular recycling switches ... adds to basic knowledge")
    assert _title_claim(
        "EGF-dependent re-routing of vesicular recycling switches spontaneous phosphorylation suppression "
        "to EGFR signaling",
        model,
    )
    # elife_dev eLife.00882, eLife.03779
    assert _title_claim(
        "A Meier-Gorlin syndrome mutation in a conserved C-terminal helix of Orc6 impedes origin recognition "
        "complex formation",
        model,
    )
    assert _title_claim(
        "TORC2-dependent protein kinase Ypk1 phosphorylates ceramide synthase to stimulate synthesis of "
        "complex sphingolipids",
        model,
    )
    # elife_dev eLife.07641: a question's clause is a topic ("looked at how ..."), never "asked if how ..."
    assert not _title_claim("How scent and nectar influence floral antagonists and mutualists", model)
    # the nouns stay nouns
    assert not _title_claim("Molecular switches in plant development", model)


def test_a_small_study_an_unlabelled_review_names_stays_a_limitation() -> None:
    # cochrane mine CD010826: "However, these results are based on one small study involving 752 women."
    # (no section labels: the sentence is no background, whatever its place)
    from pipeline.domain import Section

    text = (
        "We included one trial that randomised 752 primiparous women with clinically detectable second-degree "
        "perineal tears to either further assessment with EAUS prior to perineal repair or standard care. "
        "There is some evidence to suggest that EAUS prior to perineal repair is associated with reduced risk "
        "of severe anal incontinence. However, these results are based on one small study involving 752 women."
    )
    article = Article(source="test", source_id="CD010826", title="", sections=[Section(None, text)])
    (fields,) = compose_fields([article])
    assert "Small sample size" in fields.limitations
