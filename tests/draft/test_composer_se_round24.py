"""The simple explanation's long noun-phrase subject said as its own short sentence (composer 24, h24se).

``shorten.split_long_subject``: a sentence over ``simple_words`` whose subject is a long noun phrase
opening it is said as "The researchers looked at <subject>." and the claim of "This/These <head
noun>". Sentences are composer 23 simple explanations (start commit babdb1d); each test of the split
fails on that commit.
"""

from __future__ import annotations

import pytest

from pipeline.draft.composer.shorten import shorten, split_long_subject
from pipeline.draft.composer.simplify import Realiser
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def realiser() -> Realiser:
    return Realiser({}, None, frozenset(), [], Settings().spacy_model)


def test_long_subject_said_as_what_was_looked_at(realiser: Realiser) -> None:
    for text, pieces in (
        (
            # cochrane CD010010.pub3 (mine half): a name opens the subject and stays as written
            "NTHi oral vaccination of people with recurrent flare-ups of long-term bronchitis or chronic "
            "obstructive pulmonary disease does not yield a significant reduction in the number and severity of "
            "flare-ups.",
            [
                "The researchers looked at NTHi oral vaccination of people with recurrent flare-ups of long-term "
                "bronchitis or chronic obstructive pulmonary disease.",
                "This vaccination does not yield a significant reduction in the number and severity of flare-ups.",
            ],
        ),
        (
            # bmc 1471-213X-4-16: a plural-free technique, "This technique"
            "The new multi-embryo magnetic resonance imaging technique enables large-scale identification of "
            "mouse models for human congenital cardiopulmonary malformations at high spatial resolution.",
            [
                "The researchers looked at the new multi-embryo magnetic resonance imaging technique.",
                "This technique enables large-scale identification of mouse models for human congenital "
                "cardiopulmonary malformations at high spatial resolution.",
            ],
        ),
        (
            # cochrane CD009858.pub2 (mine half): the hedge stays on the claim (27, h27se: the arm it was
            # compared with is said apart first, shorten.split_compared_tail, and the subject stays)
            "Rubber dam usage in dental direct restorative treatments may lead to a lower failure rate of the "
            "restorations, compared with the failure rate for cotton roll usage.",
            [
                "Rubber dam usage in dental direct restorative treatments may lead to a lower failure rate of the "
                "restorations.",
                "This was compared with the failure rate for cotton roll usage.",
            ],
        ),
    ):
        assert shorten([text], realiser, 15) == pieces


@pytest.mark.parametrize(
    "text",
    [
        # cochrane CD000270.pub2: a comparison is the result, not what was looked at
        "Clearly fewer people in the CMHT group were not satisfied with services compared with those receiving "
        "usual care.",
        # bmc 1471-2180-11-174: "a large fraction of X" is a share, not a thing looked at
        "A large fraction of λ lysis time stochasticity is the result of random events following the expression "
        "and diffusion of the holin protein.",
        # cochrane CD012964: the condition ("when given into a vein") belongs to the claim
        "Tranexamic acid when given into a vein reduces deaths due to bleeding in women with primary postpartum "
        "haemorrhage, and without increasing the risk of thromboembolic events.",
        # cochrane CD006739.pub2: two drugs are no "This therapy"
        "Sitagliptin and vildagliptin therapy compared with placebo led to a HbA1c reduction of about 0.7% and "
        "0.6%, in that order.",
        # cochrane CD012352.pub2: the second clause has its own subject ("51.5% were men")
        "The average age of people attending the skin screening clinics was 46.5 years, and 51.5% were men.",
        # cochrane CD004417.pub5: the verb ("was") does not agree with the plural head ("These antibiotics")
        "Delayed antibiotics for people with acute breathing infection reduced antibiotic use compared to "
        "immediate antibiotics, but was not shown to be different to no antibiotics in symptom control.",
        # a frame, not a topic (cochrane eval-half wording): "This research is inadequate" would say nothing
        "The research for this comparison is inadequate to support the use of these types of behavioural "
        "advice to reduce smoking.",
    ],
)
def test_subject_that_is_no_topic_is_not_split(realiser: Realiser, text: str) -> None:
    assert split_long_subject(text, realiser.spacy_model) is None


def test_key_findings_and_summary_never_say_what_was_looked_at(realiser: Realiser) -> None:
    # bmc 1471-2180-11-174 (research summary at babdb1d): the split is the simple explanation's only;
    # a key finding or the research summary (fields._short) says what was done, never a sentence of
    # what the researchers looked at
    from pipeline.draft.composer.shorten import shorten_sentence

    text = (
        "The new multi-embryo magnetic resonance imaging technique enables large-scale identification of "
        "mouse models for human congenital cardiopulmonary malformations at high spatial resolution."
    )
    assert shorten_sentence(text, realiser, 15) == [text]
    assert len(shorten_sentence(text, realiser, 15, looked_at=True)) == 2


def test_genes_defined_in_short_words() -> None:
    # the definition 37 simple explanations of the b0 sets say (bmc 1471-2180-7-96, elife_dev pages that keep
    # "genes"): "Genes are stretches of DNA that carry instructions for cells." read at grade 7.2; a
    # definition every such page pays for is said at grade 6 or below, and still said after the
    # sentence that uses the term (a definition over EXPLANATION_SENTENCE_WORDS, or one whose content
    # words the page already says, would be dropped)
    from pipeline.draft.composer.fields import explanation
    from pipeline.draft.composer.templates import load_templates
    from pipeline.lab.measures import _fkgl
    from pipeline.text.swaps import explain_first_use

    def say(term: str, define: str, article: str) -> str | None:
        return explanation(load_templates(Settings().prompts_dir), term, define, article)

    # the bundled sample's MED:29566768 (golden snapshot at babdb1d)
    said = (
        "This study set out to discover phosphatase and tensin homolog synthetic-sick or synthetic-lethal genes "
        "present in a broad spectrum of breast cancers."
    )
    after = "The work was done on cells in the lab."
    out = explain_first_use([f"{said} {after}"], [], sentence=say)[0][0]
    assert out.startswith(said) and out.endswith(after)
    definition = out[len(said) : -len(after)].strip()
    assert definition.startswith("Genes are ")
    assert _fkgl(definition) <= 6


def test_subject_the_topic_already_said_is_not_split_off(realiser: Realiser) -> None:
    # bmc s12864-019-6070-x: the fallback answer, shortened after the topic was kept; "The researchers
    # looked at De novo Assembly Quality Evaluation Tool quality score." repeats the topic and was dropped,
    # which left "This score is reliable ..." with nothing for "This" to point at
    topic = "This study looked at de novo Assembly Quality Evaluation Tool."
    text = (
        "De novo Assembly Quality Evaluation Tool quality score is reliable for benchmarking quality assessment "
        "of genome assemblies."
    )
    assert len(shorten([text], realiser, 15)) == 2
    assert shorten([text], realiser, 15, said=[topic]) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # cochrane CD004909.pub3 (mine half, se2): "This nature did not allow blinding" says nothing looked at
        "The nature of the treatment measured did not allow blinding of people and doctors in the studies.",
        # cochrane CD003361 (mine half, se2): a method note, not a topic ("This risk meant that ...")
        "The risk of a carry-over effect into the second arm meant that the results were not analysed.",
        # bmc s12920-019-0566-8 (se2): a passive's subject is what the researchers made, not looked at
        "A predictive model with 89.6% accuracy was found using 6 network-central and differently expressed "
        "genes.",
        # elife_dev eLife.10111 (se2): the parser's head "body" is part of "Whole-body" ("This body improved ...")
        "Whole-body in vivo treatment with Gαs-coupled G-protein receptors agonists improved excitatory synapses "
        "on direct pathway striatal spiny projection neurons.",
        # elife_dev eLife.01883 (se2): "Misfolded" may be a name's capital; "looked at Misfolded proteins"
        "Misfolded proteins of the endoplasmic reticulum remain confined into the mother compartment of budding "
        "yeast cells.",
        # elife_dev eLife.05224 (se2): an indefinite subject brings in what it says, nothing looked at
        "A marked paucity of trans-eQTL suggests that the widespread expression differences do not propagate "
        "through the embryonic gene regulatory network.",
        # bmc s12920-018-0417-z (se2): "looked at the success of X"
        "The success of Extended Aligned Residual Association Discovery and Disentanglement shows its great "
        "potential to proteomic research.",
    ],
)
def test_abstract_or_passive_subject_is_not_split(realiser: Realiser, text: str) -> None:
    assert split_long_subject(text, realiser.spacy_model) is None


def test_what_was_looked_at_said_once_a_page(realiser: Realiser) -> None:
    # bmc s12896-019-0509-7 (se2 split both answer sentences: "The researchers looked at" twice); here two
    # answers each split alone (bmc 1471-213X-4-16, bmc 1471-2407-14-367)
    texts = [
        "The new multi-embryo magnetic resonance imaging technique enables large-scale identification of "
        "mouse models for human congenital cardiopulmonary malformations at high spatial resolution.",
        "The fusion of 16E7SH to the Zera peptide improved the immune responses, presumably by means of a more "
        "efficient antigen presentation through the protein bodies.",
    ]
    assert all(len(shorten([t], realiser, 15)) == 2 for t in texts)
    out = shorten(texts, realiser, 15)
    assert sum(p.startswith("The researchers looked at") for p in out) == 1
