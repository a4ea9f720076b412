"""Practical implications and limitations a strict editor read on bmc_sample pages (round 20, h20bmcread:
pick20 seed 419), each on its real abstract. Each test fails on composer 20's start (6b56364).

Basic research in no people (plants, enzymes, DNA, a method) said "One Study So Far: These are the results
of a single study"; biofuel strains were told "It may point to new treatments" because of "an antibiotic
resistance gene" used for selection; how a mouse model was made was titled "What This Could Mean"; "further
research" the work contributes to was a limitation; a title's apposition was left open mid-sentence.
"""

from __future__ import annotations

from pipeline.domain import Article, DraftFields
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields


def _pages(*dois: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    articles: list[Article] = [bmc_article(records[doi]) for doi in dois]
    return dict(zip(dois, compose_fields(articles), strict=True))


def _titles(fields: DraftFields) -> list[str]:
    return [p.title for p in fields.practical_implications]


def test_basic_research_in_no_people_is_no_single_study_of_care() -> None:
    pages = _pages(
        # isopimaric acid made in Nicotiana benthamiana leaves: no people, animals, cells or microbes named
        "10.1186/s13036-015-0022-z",
        # a DNA assembly method (OLMA) in its title: a resource for researchers
        "10.1186/s13036-015-0021-0",
    )
    plant = pages["10.1186/s13036-015-0022-z"]
    assert _titles(plant) == ["Basic Research"]
    assert "adds to basic knowledge" in plant.practical_implications[0].text
    method = pages["10.1186/s13036-015-0021-0"]
    assert _titles(method) == ["A Tool for Researchers"]
    for fields in pages.values():
        assert not any("single study" in p.text for p in fields.practical_implications)


def test_a_lab_tool_or_exposure_points_to_no_treatment() -> None:
    pages = _pages(
        # Clostridium strains for biofuels: "an antibiotic resistance gene (for the selection of the first
        # crossing-over)" is a lab tool
        "10.1186/s13068-019-1364-4",
        # mouse tolerance to inhaled zinc oxide: "good targets for additional studies" are genes to study
        "10.1186/1465-9921-6-73",
    )
    for fields in pages.values():
        assert not any("new treatments" in p.text for p in fields.practical_implications)
    # a target of a treatment still is one ("a potential molecular target for cancer treatment", BAG-1 in mice)
    (bag1,) = _pages("10.1186/1471-2407-4-85").values()
    assert any("new treatments" in p.text for p in bag1.practical_implications)


def test_how_a_model_was_made_is_no_implication() -> None:
    # "A Crx mutant strain of mice was created to serve as a model for LCA and to provide more insight into
    # Crx's function." was "What This Could Mean: The researchers say that a Crx mutant strain ..."
    (fields,) = _pages("10.1186/1471-2202-6-5").values()
    assert not any("was created" in p.text for p in fields.practical_implications)
    assert fields.practical_implications  # the animal template still says what it means


def test_further_research_the_work_contributes_to_is_no_limitation() -> None:
    # "... thus greatly contributing to further research in metabolic regulation, synthetic biology and
    # molecular breeding in this species": no need for more research is stated
    pages = _pages("10.1186/s12864-019-6000-y", "10.1186/s12874-018-0545-3")
    assert "More research is needed" not in pages["10.1186/s12864-019-6000-y"].limitations
    # a stated need still is one: "Further research to determine the suitability of using the same process of literature searching ... is indicated"
    assert "More research is needed" in pages["10.1186/s12874-018-0545-3"].limitations


def test_a_title_apposition_is_closed_in_an_implication() -> None:
    # "NeoMutate: an ensemble machine learning framework for the prediction of somatic mutations in cancer."
    (fields,) = _pages("10.1186/s12920-019-0508-5").values()
    text = fields.practical_implications[0].text
    assert "NeoMutate, an ensemble machine learning framework, gives researchers" in text


def test_a_title_list_is_no_apposition() -> None:
    # "TACITuS: transcriptomic data collector, integrator, and selector on big data platform.": no comma
    # closes a list ("... selector on big data platform, gives researchers" read as a broken sentence)
    (fields,) = _pages("10.1186/s12859-019-2912-4").values()
    assert not any("platform, gives" in p.text for p in fields.practical_implications)


def test_a_title_that_calls_on_the_reader_is_no_topic() -> None:
    # "Mind the gaps: overlooking inaccessible regions confounds statistical testing in genome analysis."
    # gave "This research on mind the gaps adds to basic knowledge." once basic research had its template
    (fields,) = _pages("10.1186/s12859-018-2438-1").values()
    assert not any("mind the gaps" in p.text.lower() for p in fields.practical_implications)
