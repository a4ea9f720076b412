"""Round 25 (h25flags, issue 16 items 1-2): false alarms of the flags on the composer's own drafts of
BMC and eLife abstracts (bmc_sample, elife_dev), each beside an error of the same shape that the flag
still finds. The abstracts are the datasets' own text."""

from __future__ import annotations

from pipeline.enrich.wording import fact_statement
from pipeline.score import faithfulness
from tests.score.conftest import make_article

# bmc 1471-2164-7-102 (sentences 1 and 4 of its abstract)
QTL = make_article(
    "High growth (hg) modifier and background independent quantitative trait loci (QTL) affecting growth, "
    "adiposity and carcass composition were previously identified on mouse chromosomes (MMU) 1, 2, 5, 8, 9, "
    "11 and 17. Phenotypic characterization of the MMU2 panel confirmed the segregation of multiple growth "
    "and obesity QTL and strongly suggested that a subset of these loci modify the effects of the hg deletion."
)
# bmc 1471-2180-7-96 (sentences 6 and 7)
FUR = make_article(
    "Collections of operons were predicted from the microarray data, and some of these were confirmed by "
    "reverse-transcription polymerase chain reaction (RT-PCR). Several regulatory DNA motifs, probably "
    "recognized by the regulatory protein Fur, PurR, or Fnr, were predicted from the clustered genes, and a "
    "Fur binding site in the corresponding promoter regions was verified by electrophoretic mobility shift "
    "assay (EMSA)."
)
# bmc s13036-019-0156-5 (sentences 5 and 6)
BILIVERDIN = make_article(
    "Among the candidates, hemA and hemL were overexpressed in Corynebacterium glutamicum to produce heme, "
    "precursor of biliverdin. To increase precursor supply, we suggested a novel hemQ-mediated "
    "coproporphyrin dependent pathway rather than noted hemN-mediated protoporphyrin dependent pathway in "
    "C. glutamicum."
)
# eLife 06808 (sentences 3 and 6)
MOSS = make_article(
    "We show that in gametophytic shoots of Physcomitrella, lateral branches arise by re-specification of "
    "epidermal cells into branch initials. Although PIN-mediated basipetal auxin transport regulates "
    "branching patterns in flowering plants, this is not so in Physcomitrella, where bi-directional "
    "transport is required to generate realistic branching patterns."
)
# bmc s13287-018-0851-z (sentences 1, 2 and 9)
PRP = make_article(
    "Platelet-rich plasma (PRP) is an autologous blood product that contains a high concentration of several "
    "growth factors. Platelet-derived growth factor (PDGF)-BB is a potential mitogen for human adipose-derived "
    "stem cells (hASCs). The proliferation was remarkably promoted in cells treated with either 1% PRP or "
    "10 ng/ml PDGF-BB, and both imatinib and sorafenib inhibited this proliferation. PRP-mediated hASC "
    "proliferation was blocked by inhibitors of ERK1/2, Akt, and JNK, but not by an inhibitor of p38."
)
# bmc s12864-019-6214-z (sentences 2 and 4): "SNP" undefined, a short form of the reviewed list
SNP = make_article(
    "Identifying the quantitative trait loci (QTL) for fiber quality and yield traits using the high-density "
    "SNP-based genetic maps allows for bridging genomics with cotton breeding through marker assisted and "
    "genomic selection. Molecular genetic mapping using RIL population produced a genetic map of 3129 SNPs, "
    "mapped at a density of 1.41 cM."
)
# bmc s12859-019-2912-4 (sentence 4): "NGS" (next-generation sequencing)
TACITUS = make_article(
    "TACITuS is a web-based system that supports rapid query access to high-throughput microarray and NGS "
    "repositories. The system also supports the ability to import data into Galaxy for further analysis."
)


def _hedge_warned(text: str, article: object) -> list[str]:
    return [f.draft_text or "" for f in faithfulness.hedge_kept(text, article).flags]  # type: ignore[arg-type]


def _flip_errors(text: str, article: object) -> list[str]:
    return [f.reason for f in faithfulness.negation_flip(text, article).flags]  # type: ignore[arg-type]


def test_a_hedge_after_and_does_not_qualify_the_claim_before_it() -> None:
    """The composer's key finding restates "confirmed the segregation of multiple growth and obesity
    QTL", the plain claim before "and strongly suggested that ..."; hedge_kept 14 warned. Restating
    the suggested claim as certain is still a dropped qualifier."""
    plain = (
        "Phenotypic characterization of the MMU2 panel confirmed the segregation of many growth and obesity "
        "quantitative trait loci."
    )
    assert _hedge_warned(plain, QTL) == []
    said = "Phenotypic characterization of the MMU2 panel showed that a subset of these loci modify the effects of the hg deletion."
    assert _hedge_warned(said, QTL) == [said]


def test_a_new_subject_after_comma_and_a_is_a_clause_of_its_own() -> None:
    """ "..., and a Fur binding site ... was verified by ..." is not under the first clause's
    "probably"; the motifs "recognized by Fur" without it still drop the qualifier."""
    plain = "A Fur binding site in the corresponding promoter regions was checked by electrophoretic mobility shift assay."
    assert _hedge_warned(plain, FUR) == []
    said = "Several regulatory DNA motifs were recognized by the regulatory protein Fur, PurR, or Fnr."
    assert _hedge_warned(said, FUR) == [said]


def test_a_sentence_that_says_the_aim_drops_no_hedge() -> None:
    """ "The aim was to increase precursor supply." states no claim; stating the suggested pathway
    as a finding still drops the hedge. A sentence saying what the study looked at and what it found
    is read as before."""
    assert faithfulness.says_aim_only("The aim was to increase precursor supply.")
    assert faithfulness.says_aim_only("This study set out to discover new genes.")
    assert not faithfulness.says_aim_only("This study looked at biliverdin and found a new pathway.")
    assert _hedge_warned("The aim was to increase precursor supply.", BILIVERDIN) == []
    said = "To increase precursor supply, the researchers used a novel hemQ-mediated coproporphyrin dependent pathway."
    assert _hedge_warned(said, BILIVERDIN) == [said]


def test_a_clause_the_abstract_says_word_for_word_turns_nothing_round() -> None:
    """ "This is not so in Physcomitrella." is a clause of the abstract; negation_flip 18 read it
    against the other Physcomitrella sentence ("negation added", an error). A denial the abstract
    does not make is still one, and so are words of the abstract after its negation word is cut
    ("evidence was available for ..." from "No evidence was available for ...")."""
    assert _flip_errors("This is not so in Physcomitrella.", MOSS) == []
    assert _flip_errors(
        "In Physcomitrella, lateral branches do not arise by re-specification of epidermal cells.", MOSS
    )
    # cochrane_val CD009530.pub4's abstract sentence (a bench injection, mine half)
    review = make_article("No evidence was available for adult and adolescent populations.")
    assert not faithfulness.said_word_for_word(
        "evidence was available for adult and adolescent populations.", review
    )
    assert faithfulness.said_word_for_word(
        "No evidence was available for adult and adolescent populations.", review
    )


def test_a_glossary_definition_is_the_drafters_fixed_wording() -> None:
    """The composer's "Sequencing means reading the letters of DNA or RNA." (data/glossary's
    definition) was "not in the abstract" and its "DNA" an added term; a definition in other words
    is still read as a claim."""
    said = "Sequencing means reading the letters of DNA or RNA."
    sections = tuple(s.text for s in TACITUS.sections)
    assert fact_statement(said, sections) is not None
    assert fact_statement("Sequencing means reading proteins in blood.", sections) is None
    text = f"TACITuS supports rapid query access to microarray and next-generation sequencing repositories. {said}"
    warned = [f for f in faithfulness.sentence_support(text, TACITUS).flags if f.severity == "warning"]
    assert warned == []
    assert faithfulness.unsupported_terms(text, TACITUS) == []
    assert faithfulness.unsupported_terms(text + " Sequencing reads DNA.", TACITUS)


def test_a_short_forms_long_form_is_the_abstracts_term() -> None:
    """The composer writes an abbreviation's long form: "platelet-rich plasma" where the sentence says
    "PRP", "single nucleotide polymorphisms" for the reviewed "SNP". The sentence it restates supports
    it (sentence_support 15 gave a "weakly matched" note at 0.41 and 0.45), and term_support 2 called
    "polymorphisms" an added claim. A word the abstract has in no form is still one."""
    growth = (
        "The growth was promoted in cells treated with either 1% platelet-rich plasma or 10 ng/ml "
        "platelet-derived growth factor-BB."
    )
    blocked = (
        "Platelet-rich plasma-mediated human adipose-derived stem cell growth was blocked by inhibitors of "
        "ERK1/2, Akt, and JNK, but not by an inhibitor of p38."
    )
    for said in (growth, blocked):
        (a,) = faithfulness.align_sentences(said, PRP)
        assert a.score >= faithfulness.SUPPORT_THRESHOLD, said
    snps = "Mapping produced a genetic map of 3129 single nucleotide polymorphisms."
    assert faithfulness.unsupported_terms(snps, SNP) == []
    other = snps.replace("single nucleotide polymorphisms", "microsatellites")
    assert [t for *_, t in faithfulness.unsupported_terms(other, SNP)] == ["microsatellites"]
