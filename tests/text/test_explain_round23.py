"""Terms the simple explanations keep most often, explained in a short sentence of their own (round 23,
h23se; issue 14 items 1-2). The texts are simple explanations the composer wrote at round 23's start
(a7effd3) for the pages named; each test fails there, where the glossary had no definition for the
term and the page explained nothing."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.fields import explanation
from pipeline.draft.composer.templates import load_templates
from pipeline.settings import Settings
from pipeline.text.swaps import explain_first_use


def _say(term: str, define: str, article: str) -> str | None:
    return explanation(load_templates(Settings().prompts_dir), term, define, article)


def _explain(text: str) -> str:
    return explain_first_use([text], [], sentence=_say)[0][0]


@pytest.mark.parametrize(
    ("se", "after", "sentence"),
    [
        (
            # cochrane mine half CD004417.pub5
            "The review found 11 studies with 3555 people in all. Delayed antibiotics for people with acute "
            "breathing infection reduced antibiotic use compared to immediate antibiotics. The evidence ranged "
            "from low to moderate certainty.",
            "compared to immediate antibiotics.",
            "Antibiotics are medicines that kill bacteria or stop their growth.",
        ),
        (
            # cochrane mine half CD008671.pub3
            "The review found nine studies with 655 people in all. Combined cataract and glaucoma surgery may "
            "result in better eye pressure control at one year compared with cataract surgery alone. The "
            "evidence is weak (low certainty), so new studies may change it.",
            "cataract surgery alone.",
            "Cataract means clouding of the lens in the eye.",
        ),
        (
            # cochrane mine half CD003183
            "The review found ten studies with 517 people in all. There is no firm evidence of benefit of any "
            "medicinal herbs for hepatitis C virus infection. The herbs were linked to side effects.",
            "hepatitis C virus infection.",
            "Hepatitis means liver swelling, often caused by a virus.",
        ),
        (
            # bmc_sample s12896-019-0568-9
            "This study isolated promoters from Corynebacterium ammoniagenes ATCC 6871 and application. 20 "
            "putative DNA promoters derived from genes with high transcription levels were found.",
            "ATCC 6871 and application.",
            "Promoters are DNA stretches that switch genes on.",
        ),
        (
            # bmc_sample 1471-2202-7-19
            "This study looked at problems in spatial learning and motor coordination in ADAM11-deficient mice. "
            "The results suggest that ADAM11 mutation does not affect cell migration and differentiation during "
            "development, but affects learning and motor coordination. Results in mice may not be the same in "
            "people.",
            "learning and motor coordination.",
            "Mutation is a change in the DNA.",
        ),
    ],
)
def test_a_kept_term_is_explained_after_the_sentence_that_uses_it(se: str, after: str, sentence: str) -> None:
    assert f"{after} {sentence}" in _explain(se)


def test_a_use_in_another_sense_is_not_explained() -> None:
    # cochrane mine half CD005022.pub3: anecortave, an "antiangiogenic steroid", is made to have no
    # anti-inflammatory action; the glossary's "steroids" (not_before) are the anti-inflammatory medicines
    se = (
        "The review found three studies with 809 people in all. The researchers found no evidence that "
        "antiangiogenic steroids prevent visual loss in patients with neovascular age-related macular "
        "degeneration. There may still be an effect, but the studies did not show one."
    )
    assert _explain(se) == se
    # ... while the medicines are explained where the page means them (cochrane mine half CD008115.pub3)
    assert "Steroids are medicines that reduce inflammation in the body." in _explain(
        "The review found five studies with 1193 people in all. Oral steroids alone appear to be ineffective "
        "for adult patients with clinically diagnosed acute sinusitis."
    )


def test_a_virus_genome_is_not_called_dna() -> None:
    # biolaysumm elife-28652-v1 (influenza, an RNA virus): "Genome means all the DNA of a living thing." was
    # said after "the nature of selection on the influenza genome" (lead, read after the round-23 merges)
    text = (
        "Both the nature of selection on the influenza genome and the accessibility of specific mutational "
        "trajectories are impacted by host proteostasis."
    )
    said = _explain(text)
    assert "genetic instructions" in said
    assert "DNA" not in said
