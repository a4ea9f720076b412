"""pipeline.lab.vocab: the jargon left in a page's lay fields, as the round 10 counts read it."""

from __future__ import annotations

from pipeline.lab import vocab
from pipeline.lab.datasets import cochrane_half


def _abstract(review: str) -> str:
    return next(p.abstract for p in cochrane_half("mine") if review in p.id)


def test_rare_words_explained_in_a_bracket_are_not_counted() -> None:
    """CD004993's draft sentence: "hysterectomy" is rare (Zipf < 3) until a bracket explains it."""
    plain = "Blood loss was lower during subtotal hysterectomy when compared with total hysterectomy."
    assert vocab.rare_words(plain) == ["subtotal", "hysterectomy", "hysterectomy"]
    explained = plain.replace("subtotal hysterectomy", "subtotal hysterectomy (removal of the womb)")
    assert vocab.rare_words(explained) == ["subtotal", "hysterectomy"]
    # a name is not a word to explain (a capital inside a sentence): "aureus" is counted, as the
    # jargon metric counts it, "Staphylococcus" is not
    assert vocab.rare_words("Fewer children had isolates of Staphylococcus aureus.") == ["aureus"]


def test_short_forms_split_by_whether_the_abstract_defines_them() -> None:
    """CD006266 defines "Naltrexone (NTX)" and never writes out GHB; genes and Roman numerals are
    not short forms to write out."""
    abstract = _abstract("CD006266")
    defined, undefined = vocab.short_forms(
        "GHB was better than NTX and Disulfiram. Stage II disease was rare.", abstract
    )
    assert defined == ["NTX"] and undefined == ["GHB"]


def test_short_forms_never_written_out_on_the_page() -> None:
    """cochrane_val CD004001 (mine half): "SCS" is never defined in the abstract, so a page that
    says "the SCS group" leaves it unexplained; mixed case ("BtA", "cART") counts too, and a short
    form the page writes out anywhere, as a bracket or as the abstract's long form, does not."""
    abstract = "Limb salvage after 12 months was significantly higher in the SCS group."
    text = "Limb salvage after 12 months was higher in the SCS group."
    assert vocab.not_written_out(text, text, abstract) == ["SCS"]
    assert vocab.not_written_out("Responses to BtA were poor.", "", "") == ["BtA"]
    assert vocab.not_written_out("Both compared starting cART.", "", "") == ["cART"]
    page = "Spinal cord stimulation (SCS) was studied.\n" + text
    assert vocab.not_written_out(text, page, abstract) == []
    abstract = "Transcutaneous electrical nerve stimulation (TENS) eased pain. TENS was safe."
    page = "Transcutaneous electrical nerve stimulation eased pain.\nTENS was safe."
    assert vocab.not_written_out("TENS was safe.", page, abstract) == []
    assert vocab.not_written_out("DNA and HIV were measured in CD4 cells.", "", "") == ["CD4"]


def test_currency_codes_are_no_short_forms() -> None:
    """cochrane_val CD004001 (mine half): "costs ... were EUR 36,500 (SCS group)": EUR is a currency
    every reader of a cost knows (round 12 counted it as a short form never written out)."""
    abstract = _abstract("CD004001")
    assert "EUR 36,500" in abstract
    text = "The costs at two years were EUR 36,500 in the SCS group."
    assert vocab.not_written_out(text, text, abstract) == ["SCS"]
    assert vocab.short_forms(text, abstract)[1] == ["SCS"]
