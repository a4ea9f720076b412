"""The rule sentence splitter's fragments are merged back (pipeline/draft/sentences.py), on real text."""

from __future__ import annotations

import pytest

from pipeline.draft.extractive import get_segmenter
from pipeline.draft.sentences import split_doc
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def split():
    nlp = get_segmenter(Settings().spacy_model, "rule")
    return lambda text: split_doc(nlp(text))


def test_a_citation_bracket_after_et_al_stays_in_its_sentence(split) -> None:
    """bmc s12885-019-5829-4: the splitter keeps "(" with "Song et al." and starts the next part
    at "Song 2014)"; the methods sentence was two fragments and the summary fell back to background."""
    text = (
        "We analyzed the database of 2222 germline BRCA analyses from OC patients recently published by "
        "Song et al. (Song 2014) by applying multivariate and conditional inference regression tree-analyses. "
        "Overall, 178/2192 (8.1%) evaluable OC women showed pathogenic germline mutations in BRCA genes."
    )
    first, second = split(text)
    assert first.endswith(
        "published by Song et al. (Song 2014) by applying multivariate and conditional "
        "inference regression tree-analyses."
    )
    assert second.startswith("Overall, 178/2192 (8.1%)")


def test_et_al_before_a_year_or_a_reference_number_ends_no_sentence(split) -> None:
    """The same break before "(2019)" and "[12]" (no space is added inside the bracket)."""
    assert split("Song et al. (2019) showed that BRCA2 carriers were younger. We then tested it.") == [
        "Song et al. (2019) showed that BRCA2 carriers were younger.",
        "We then tested it.",
    ]
    assert split("Smith et al. [12] found the same gene.") == ["Smith et al. [12] found the same gene."]
    assert split("As reported by Song et al. the mutation was rare.") == [
        "As reported by Song et al. the mutation was rare."
    ]


def test_an_abbreviation_before_a_bracket_and_a_numbered_item_after_a_full_stop(split) -> None:
    """bmc s13002-015-0070-y: "Anthoxanthum odoratum coll. (including A. nipponicum)" is one
    sentence; cochrane CD004909: "... with hormone assessment. (1) Routine fetal movement counting
    versus ..." is two, the first without the "(" of the list number."""
    (one,) = split(
        "Anthoxanthum odoratum coll. (including A. nipponicum), the main source utilized in North Norway "
        "is Hierochloë odorata."
    )
    assert "coll. (including A. nipponicum), the main source" in one
    first, second = split(
        "One study compared fetal movement counting with hormone assessment. (1) Routine fetal movement "
        "counting versus mixed or undefined fetal movement counting No study reported on the primary outcome."
    )
    assert first == "One study compared fetal movement counting with hormone assessment."
    # the numbered item keeps the splitter's "1) ...": its heading is glued to the sentence after
    # it ("... versus mixed or undefined fetal movement counting No study reported ..."), and the
    # drafter does not say a sentence that opens on a bare list number
    assert second.startswith("1) Routine fetal movement counting versus")


def test_an_opening_quote_after_a_full_stop_opens_the_next_sentence(split) -> None:
    """cochrane CD004909: the splitter gives "... significant differences. '" and "Perinatal death or
    severe morbidity' was not reported.", so a key finding read "... morbidity' was not reported."."""
    assert split(
        "No other outcomes reported showed statistically significant differences. 'Perinatal death or severe "
        "morbidity' was not reported."
    ) == [
        "No other outcomes reported showed statistically significant differences.",
        "'Perinatal death or severe morbidity' was not reported.",
    ]


def test_a_genus_said_short_before_its_species_ends_no_sentence(split) -> None:
    """bmc s12864-019-6006-5: the splitter broke after "Ae." of "Ae. tauschii", and the simple
    explanation ended on "... Triticum urartu and Ae."; a lower-case word opens no sentence."""
    text = (
        "Here, we identified 374, 159 and 169 PRXs in Triticum aestivum, Triticum urartu and Ae. tauschii, "
        "respectively. Together with PRXs detected from eight other plants, they were classified into 18 "
        "subfamilies."
    )
    first, second = split(text)
    assert first.endswith("Triticum urartu and Ae. tauschii, respectively.")
    assert second.startswith("Together with PRXs")
    # a sentence that opens with a lower-case name is still a sentence of its own
    assert (
        len(
            split(
                "The predicted subcellular localizations of some TaePRXs were consistent with Dr. Li. mRNA rose."
            )
        )
        == 2
    )
