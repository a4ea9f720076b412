"""Inline markup to clean text, and abstract headings to sections."""

from __future__ import annotations

from lxml import etree

from pipeline.domain import Section
from pipeline.sources.markup import (
    abstract_sections,
    element_text,
    html_to_text,
    sentence_case,
    split_html_headings,
    split_inline_labels,
)


def _xml(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_italic_and_whitespace_are_flattened() -> None:
    el = _xml("<p>Growth of <italic>Yersinia pestis </italic>is\n   critical <italic>in vitro</italic>.</p>")
    assert element_text(el) == "Growth of Yersinia pestis is critical in vitro."


def test_sub_and_superscripts_keep_their_characters() -> None:
    el = _xml("<p>Dose 10 mg/m<sup>2</sup>, CO<sub>2</sub> and H-2<sup>q </sup>haplotype</p>")
    assert element_text(el) == "Dose 10 mg/m2, CO2 and H-2q haplotype"


def test_mathml_is_flattened_and_tex_annotation_dropped() -> None:
    el = _xml(
        '<p xmlns:mml="http://www.w3.org/1998/Math/MathML">where '
        "<inline-formula><mml:math><mml:semantics><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup>"
        '<mml:annotation encoding="application/x-tex">x^2</mml:annotation></mml:semantics></mml:math>'
        "</inline-formula> grows</p>"
    )
    assert element_text(el) == "where x2 grows"


def test_jats_alternatives_keep_one_rendering() -> None:
    el = _xml(
        '<p xmlns:mml="http://www.w3.org/1998/Math/MathML">p <alternatives><tex-math>\\lt</tex-math>'
        "<mml:math><mml:mo>&lt;</mml:mo></mml:math></alternatives> 0.05</p>"
    )
    assert element_text(el) == "p < 0.05"


def test_entities_and_nbsp_become_plain_text() -> None:
    el = _xml("<p>13&#x2009;years &#8211; &#x003bb; phage&#160;I &amp; II</p>")
    assert element_text(el) == "13 years \u2013 \u03bb phage I & II"
    assert (
        html_to_text("Beta &beta; &lt; 5&nbsp;% <b>bold</b> <i>italic</i>") == "Beta \u03b2 < 5 % bold italic"
    )


def test_paragraphs_are_separated_by_a_space() -> None:
    assert element_text(_xml("<sec><p>First.</p><p>Second.</p></sec>")) == "First. Second."


def test_bare_less_than_is_not_taken_for_a_tag() -> None:
    assert html_to_text("accuracies: <\u200971% and \u2264 82%") == "accuracies: < 71% and \u2264 82%"


def test_sentence_case_only_for_upper_case_labels() -> None:
    assert sentence_case("CASE PRESENTATION") == "Case presentation"
    assert sentence_case("METHODS/DESIGN") == "Methods/design"
    assert sentence_case("Methods/Design") == "Methods/Design"
    assert sentence_case("Background:") == "Background"


def test_inline_labels_split_into_sections() -> None:
    text = "BACKGROUND:Stroke is common. METHODS: We compared 82 patients. RESULTS:miRNA:mRNA pairs differed. CONCLUSIONS:Useful."
    assert split_inline_labels(text) == [
        Section("Background", "Stroke is common."),
        Section("Methods", "We compared 82 patients."),
        Section("Results", "miRNA:mRNA pairs differed."),
        Section("Conclusions", "Useful."),
    ]


def test_colons_inside_sentences_are_not_headings() -> None:
    text = "We tested [Formula: see text]-dependent steps. DNA: protein ratios rose. Available at: https://x.org."
    assert split_inline_labels(text) == [Section(None, text)]


def test_mixed_case_labels_split_too() -> None:
    got = split_inline_labels("Background:Wheat matters. Final consideration:Breeding goes on.")
    assert got == [
        Section("Background", "Wheat matters."),
        Section("Final consideration", "Breeding goes on."),
    ]


def test_html_headings_split_into_sections() -> None:
    html = (
        "<h4>Background</h4>Hydrogen sulfide (H<sub>2</sub>S) matters.<h4>Methods</h4><p>We   measured.</p>"
    )
    assert split_html_headings(html) == [
        Section("Background", "Hydrogen sulfide (H2S) matters."),
        Section("Methods", "We measured."),
    ]
    assert abstract_sections(html) == split_html_headings(html)


def test_unstructured_abstract_is_one_unlabelled_section() -> None:
    assert abstract_sections("Plain   text, no headings.") == [Section(None, "Plain text, no headings.")]
