"""The simple explanation in round 15 (h15se): the topic and answer sentences, which the composer
reuses from the abstract and which carry the primary-research grade, said in fewer words where a
rule is sure it says the same. Each case is a sentence of a BMC sample or eLife page that changed.
"""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.shorten import plainer, shorten_sentence
from pipeline.draft.composer.simplify import Realiser
from pipeline.settings import Settings
from pipeline.text.readability import text_stats
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import compose_fields

_BMC = (
    "10.1186/s12864-019-5918-4",  # "Genomic reconstruction of σ54 regulons in Clostridiales."
    "10.1186/s12864-019-6023-4",  # "Comparative transcription analysis of ... eggplants to identify genes ..."
    "10.1186/s12864-019-5985-6",  # "Genome-wide identification of GRAS genes in B. distachyon and ..."
    "10.1186/s12864-019-5831-x",  # "Comparative genomic analysis of ... SX309 provides new insights into ..."
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    articles = [bmc_article(r) for r in read_jsonl(BMC) if r["id"] in _BMC]
    return {a.source_id: f for a, f in zip(articles, compose_fields(articles), strict=True)}


@pytest.fixture(scope="module")
def realiser() -> Realiser:
    return Realiser({}, None, frozenset(), [], Settings().spacy_model)


def _topic(page: DraftFields) -> str:
    return page.simple_explanation.split(". ")[0] + "."


def test_a_methods_name_with_its_modifiers_is_not_the_topic(pages: dict[str, DraftFields]) -> None:
    # bmc s12864-019-5918-4: "This study looked at genomic reconstruction of σ54 regulons in
    # Clostridiales." (2.0 syllables a word in "genomic reconstruction"): the regulons were studied
    topic = _topic(pages["10.1186/s12864-019-5918-4"])
    assert topic == "This study looked at σ54 regulons in Clostridiales.", topic
    # bmc s12864-019-6023-4: "comparative transcription analysis of" was four words of method
    topic = _topic(pages["10.1186/s12864-019-6023-4"])
    assert topic.startswith("This study looked at photosensitive and non-photosensitive eggplants"), topic
    assert "analysis" not in topic


def test_a_lead_kept_where_the_topic_would_get_longer(pages: dict[str, DraftFields]) -> None:
    # bmc s12864-019-5985-6: without "Genome-wide identification of" no cut leaves three words before
    # "in", so the topic would say the whole title (15 words, was 9): the lead stays
    topic = _topic(pages["10.1186/s12864-019-5985-6"])
    assert topic == "This study looked at genome-wide identification of GRAS genes.", topic


def test_a_title_that_claims_keeps_its_subject(pages: dict[str, DraftFields]) -> None:
    # bmc s12864-019-5831-x: the title claims ("... analysis of SX309 provides new insights into ...");
    # "This study looked at Pectobacterium ... provides new insights" would be no sentence
    topic = _topic(pages["10.1186/s12864-019-5831-x"])
    assert topic.startswith("This study asked if comparative genomic analysis of Pectobacterium"), topic


def test_a_second_present_verb_of_a_plural_subject_is_its_own_sentence(
    pages: dict[str, DraftFields], realiser: Realiser
) -> None:
    # bmc s12864-019-5985-6: the tagger reads "play" (after "account", present plural) as a bare verb,
    # so the shared-subject split did not see it; "They play a part ..." also needed the sentence check
    # to ask the tagger (no "-s" or "-ed" word in it)
    text = "Duplicated genes account for 41.7% of them and play a part in the expansion of this gene family."
    assert shorten_sentence(text, realiser, 15) == [
        "Duplicated genes account for 41.7% of them.",
        "They play a part in the expansion of this gene family.",
    ]
    # 24 (h24bmc): the page no longer says the pieces: "41.7% of them" needs the 48 genes it never says
    assert "of them" not in pages["10.1186/s12864-019-5985-6"].simple_explanation
    # elife_dev eLife.01228: the hedge stays with its own verb
    text = (
        "The results show a new non-nuclear function for retinoblastoma protein and suggest a potential "
        "mechanism of TNF-α-induced disruption of sarcomeric organization."
    )
    assert shorten_sentence(text, realiser, 15) == [
        "The results show a new non-nuclear function for retinoblastoma protein.",
        "They suggest a potential mechanism of TNF-α-induced disruption of sarcomeric organization.",
    ]


def test_no_split_after_a_comma_and(realiser: Realiser) -> None:
    # elife_dev eLife.04415: the source said "We show that cis-expressed ligands exert ..., and propose
    # ..."; with its frame gone, "They propose" would say the ligands propose
    text = (
        "Cis-expressed ligands exert their repressive effect on Notch signaling in cases of "
        "trans-ligand-independent activation, and propose a new function of cis-inhibition which buffers "
        "cells against accidental Notch activity."
    )
    assert shorten_sentence(text, realiser, 15) == [text]


def test_the_pages_own_work_is_not_named_again() -> None:
    # bmc s13068-019-1364-4 and 1471-2164-7-102: "described in this study", "developed herein" after
    # the noun say which work the topic sentence already named
    before = (
        "The method described in this study will be useful for functional genomic studies and for the "
        "development of industrial strains for the production of biofuels and bulk chemicals."
    )
    after = plainer(before)
    assert after.startswith("The method will be useful for functional genomic studies"), after
    assert text_stats(after).words == text_stats(before).words - 4
    before = (
        "The speed congenic strains developed herein constitute an invaluable genomic resource and provide "
        "the foundation to find the specific nature of genetic variation influencing growth and obesity."
    )
    assert plainer(before).startswith("The speed congenic strains constitute an invaluable"), plainer(before)
    # not when it ends the sentence, nor without a noun before it
    assert plainer("We tested the method described here.") == "We tested the method described here."


def test_a_genus_keeps_its_capital_once_the_lead_goes() -> None:
    # elife_dev eLife.06967 ("Mapping and analysis of Caenorhabditis elegans transcription factor
    # sequence specificities."): without its lead the topic starts on the genus, which the abstract
    # writes with a capital only at a sentence's start, and short as "C. elegans"
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.conftest import SHARED_DATA

    pairs = {p.id: p for p in load_pairs(SHARED_DATA / "elife_dev" / "pairs.jsonl")}
    (page,) = compose_fields([pair_to_article(pairs["10.7554/eLife.06967"])])
    assert _topic(page).startswith("This study looked at Caenorhabditis elegans transcription factor"), (
        _topic(page)
    )
