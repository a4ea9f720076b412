"""Round 22 (h22bmc): participants, study length and categories of BMC / eLife pages read as an editor
(pick20 seed 433). Each test is on real text (dataset and id in a comment) and failed on 8f795d0."""

from __future__ import annotations

from pipeline.domain import Article
from pipeline.enrich.categories import pick_categories, score_categories
from pipeline.text.counts import part_of_whole


def _elife(*ids: str) -> list[Article]:
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl", require_summary=False)}
    return [pair_to_article(pairs[f"10.7554/eLife.{i}"]) for i in ids]


def _categories(article: Article) -> list[str]:
    return pick_categories(score_categories(article))


# bmc 10.1186/1745-6215-16-1: 62 + 31 + 6 smokers were recruited; the page said "62 participants" and
# "62 people took part"
_SOURCES = (
    "Smokers were recruited through mailed invitations from three primary care practices (62 participants) "
    "and one National Health Stop Smoking Service (SSS) database (31 participants)."
)
_OTHERS = "Six other participants were recruited via a variety of other community-based approaches."
_ONLY = (
    "Only six participants were recruited through a wide variety of other community-based approaches, "
    "with an associated researcher time of 469 minutes to recruit one participant."
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_one_of_several_bracketed_counts_is_a_part() -> None:
    assert part_of_whole(_SOURCES, *_span(_SOURCES, "62 participants")) is not None
    assert part_of_whole(_SOURCES, *_span(_SOURCES, "31 participants")) is not None
    assert part_of_whole(_OTHERS, *_span(_OTHERS, "Six other participants")) is not None
    assert part_of_whole(_ONLY, *_span(_ONLY, "six participants")) is not None
    assert part_of_whole(_ONLY, *_span(_ONLY, "one participant")) is not None


def test_a_single_bracketed_count_is_still_the_whole() -> None:
    # cochrane mine CD004002 kind: one bracket is the trial's people ("(n = 18) staff", bmc 1745-6215-16-3)
    text = "In-depth interviews were conducted with (n = 18) staff."
    assert part_of_whole(text, *_span(text, "18) staff")) is None


def test_the_recruitment_trial_gets_no_one_source_count(bmc_articles, nlp) -> None:
    from pipeline.enrich.facts import extract_facts

    facts = extract_facts(bmc_articles["10.1186/1745-6215-16-1"], nlp)
    assert facts.participant_count not in (62, 31, 6, 1)


def test_this_5_year_study_is_the_study_length(bmc_articles) -> None:
    from pipeline.enrich.period import period_fact

    # bmc 10.1186/s13063-014-0524-x (a protocol): "The overall objective of this 5-year study is ..."
    fact = period_fact(bmc_articles["10.1186/s13063-014-0524-x"].sections)
    assert fact.value == "5 years"
    assert fact.detail["kind"] == "study_length"
    # elife 00007: "In a 2-year field study, HIPV-emitting N. attenuata plants produced ..."
    assert period_fact(_elife("00007")[0].sections).value == "2 years"


def test_a_review_gets_no_length_of_one_of_its_studies() -> None:
    from pipeline.domain import Section
    from pipeline.enrich.period import period_fact

    # cochrane mine CD012352.pub2: one included trial's programme, not the review's length
    text = (
        "This pilot trial included 63,035 adults aged over 30 years. The three-year programme involved "
        "community education, an education and support component for medical practitioners, and the "
        "provision of skin screening services."
    )
    assert period_fact([Section("Main results", text)], review=True).value == "Not specified"
    assert period_fact([Section("Main results", text)], review=False).value == "three years"


def test_bacteria_and_yeasts_are_microbiology(bmc_articles) -> None:
    # bmc s12864-019-6188-x (Salmonella genomes), 1471-2180-7-96 (Yersinia pestis): Genetics only
    for doi in ("10.1186/s12864-019-6188-x", "10.1186/1471-2180-7-96"):
        assert "Microbiology" in _categories(bmc_articles[doi]), doi


def test_neurotransmitter_inputs_are_neuroscience() -> None:
    # elife 09275 "Morphine disinhibits glutamatergic input to VTA dopamine neurons": Pain Management first
    assert _categories(_elife("09275")[0])[0] == "Neuroscience"


def test_tissue_morphogenesis_is_cell_biology() -> None:
    # elife 07090 (Drosophila pupal wing: cell divisions, cell shape changes): "General Medicine"
    assert _categories(_elife("07090")[0]) == ["Cell & Molecular Biology"]


def test_an_organ_in_a_list_and_a_word_in_an_enzyme_name_name_no_field(bmc_articles) -> None:
    import dataclasses

    # bmc s40104-015-0053-9 (goose CYP11A1): "the cholesterol side chain cleavage enzyme (CYP11A1) gene"
    # in the title and "the heart, liver, glandular stomach, lung, ..." gave "Cardiology" (eval: no journal)
    goose = dataclasses.replace(bmc_articles["10.1186/s40104-015-0053-9"], journal=None)
    assert "Cardiology" not in _categories(goose)
    # bmc bcr1632: "the estrogen–insulin-like growth factor-1 signaling" is no diabetes
    sirt1 = dataclasses.replace(bmc_articles["10.1186/bcr1632"], journal=None)
    assert "Endocrinology & Diabetes" not in _categories(sirt1)


def test_a_named_condition_outside_a_molecule_name_still_counts() -> None:
    from pipeline.domain import Section
    from pipeline.enrich.categories import category_score, load_taxonomy

    # cochrane mine CD004700.pub2: "tumour control" is no molecule's name, so it is still Oncology's
    text = (
        "Local tumour control was not significantly different between early and late chest radiotherapy, "
        "nor the incidence of severe pneumonitis or severe oesophagitis."
    )
    article = Article(source="test", source_id="x", title="", sections=[Section(None, text)])
    oncology = next(c for c in load_taxonomy() if c.label == "Oncology")
    assert category_score(oncology, article) > 0


def test_bioinformatics_journals_are_genetics(bmc_articles) -> None:
    # bmc s12859-018-2391-z (Valection, BMC Bioinformatics): "General Medicine" with its journal
    assert _categories(bmc_articles["10.1186/s12859-018-2391-z"]) == ["Genetics & Genomics"]


def test_a_bracketed_total_stays_the_whole() -> None:
    # cochrane mine CD008991.pub3: the review's total, then the update's part
    text = (
        "This updated review includes a total of 15 trials (3490 women); three trials were added for this "
        "update (152 women)."
    )
    assert part_of_whole(text, *_span(text, "3490 women")) is None
    assert part_of_whole(text, *_span(text, "152 women")) is not None
    # cochrane mine CD002760: three reports' people, then one report's (194 + 120 in all)
    text = (
        "Three reports (194 participants) compared dihydrocodeine with placebo and one (120 participants) "
        "compared dihydrocodeine (30 mg or 60 mg) with ibuprofen 400 mg."
    )
    assert part_of_whole(text, *_span(text, "194 participants")) is not None
