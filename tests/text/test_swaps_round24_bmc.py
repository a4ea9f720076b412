"""Round 24 (h24bmc): swaps and explanations that read wrong on pages of the round-24 BMC / eLife read
(pick20 seeds 449, 457); sentences of the tuning sets, ids in comments. Each failed on babdb1d."""

from __future__ import annotations

from pipeline.draft.composer.fields import explanation
from pipeline.draft.composer.simplify import plain_words
from pipeline.draft.composer.templates import load_templates
from pipeline.settings import Settings
from pipeline.text.glossary import load_glossary
from pipeline.text.swaps import explain_first_use, swap_plain_words


def test_an_adverb_before_a_participle_keeps_both_words() -> None:
    # elife 08687: "an approximately maintained stem cell population" read "an about kept stem cell population"
    out, _ = swap_plain_words("We find an approximately maintained stem cell population in adults.")
    assert "an approximately maintained stem cell population" in out
    # the swaps elsewhere stay: a number's "about", a verb's "keep"
    out, _ = swap_plain_words("It took approximately two weeks, and they maintained a steady weight.")
    assert "about two weeks" in out and "kept a steady weight" in out


def test_examined_after_the_article_is_an_adjective() -> None:
    # bmc s13071-019-3813-0: "The examined tick populations had a low diversity" read "The looked at tick populations"
    out, _ = plain_words(
        "The examined tick populations had a low diversity of tick-borne pathogens.", load_glossary()
    )
    assert out.startswith("The examined tick populations")
    out, _ = plain_words("Two trials examined pain after surgery.", load_glossary())
    assert "looked at pain" in out


def test_a_genotype_before_a_kept_word_stays() -> None:
    # bmc s40104-015-0059-3 (cattle): "individuals" is kept in an animal study, and "genotype" before it
    # read "Heterozygous genetic makeup individuals showed ..."
    out, _ = plain_words(
        "Heterozygous genotype individuals showed higher HGF expression.",
        load_glossary(),
        keep=frozenset({"individuals"}),
    )
    assert "genotype individuals" in out


def _say(term: str, define: str, article: str) -> str | None:
    return explanation(load_templates(Settings().prompts_dir), term, define, article)


def test_an_everyday_term_yields_the_definition_to_a_rarer_one() -> None:
    # elife 04970's simple explanation: "Genes are stretches of DNA ..." took the page's one definition
    # where "transcription" (the page's subject) was left unexplained
    text = (
        "This study looked at bridged filaments. The work was done on microbes in the lab. The findings provide a "
        "mechanistic rationale for H-NS stimulation of Rho-dependent termination in horizontally transferred genes "
        "and during pervasive antisense and noncoding transcription in bacteria. Results from the lab may not be "
        "the same in people."
    )
    out = explain_first_use([text], [], sentence=_say)[0][0]
    assert "Transcription means" in out
    assert "Genes are" not in out
    # with no rarer term, the everyday one is still explained (bmc s12864-019-5985-6)
    text = (
        "This study looked at genome-wide identification of GRAS genes. Systematic analyses of BdGRAS genes "
        "suggested that members of the same subfamily may play similar roles."
    )
    assert (
        "Genes are DNA stretches" in explain_first_use([text], [], sentence=_say)[0][0]
    )  # (h24se's wording)
