"""Key findings and research summary (composer 13, h13fields), on real abstracts.

A key finding of primary research says its result without the method or the researchers before it;
a review's design is said with the summary's next sentence, not alone. Each test fails on composer 12.
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.draft.composer.fields import without_method_frame
from tests.conftest import BMC, COCHRANE, read_jsonl
from tests.conftest import article_from_record as bmc_article
from tests.draft.conftest import cochrane_article, compose_fields


def _bmc(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    return dict(zip(ids, compose_fields([bmc_article(records[i]) for i in ids]), strict=True))


def test_a_method_frame_is_no_part_of_a_primary_research_finding() -> None:
    """bmc s12864-019-5719-9: "The researchers experimentally show that Tempo scales efficiently
    ..." is "Tempo scales efficiently ..."; bmc s12870-019-1708-z: "The chromosome-based synteny
    analysis showed that the I. trifida shared ..." says what was shared. A frame that counts or
    limits what it reports, a hedge, a claim that opens on a clause or a pointer, stays."""
    assert (
        without_method_frame(
            "The researchers experimentally show that Tempo scales efficiently with the size of network as well "
            "as the number of time points."
        )
        == "Tempo scales efficiently with the size of network as well as the number of time points."
    )
    assert without_method_frame(
        "Immunohistochemical studies showed that protein levels were variably reduced."
    ).startswith("Protein levels were variably reduced")
    for kept in (
        "Subgroup analyses showed that steroid alone had no helpful effects.",  # cochrane mine half
        "Two studies showed that placebo was not as good as active treatment in resolving the spasms.",
        "The results suggest that reduced synaptic inhibition can lead to increased anxiety-like behavior.",
        "The researchers later showed that this mutation confers predictable fitness improvements.",
        "The results showed that while over 60.0 % of the people agreed, the use of protective equipment would "
        "never prevent a breach.",
        "The researchers found that mr-s protein fused to GAL4 DNA-binding domain functions as a repressor.",
    ):
        assert without_method_frame(kept) == kept, kept
    drafts = _bmc("10.1186/s12864-019-5719-9", "10.1186/s12870-019-1708-z")
    tempo, sweetpotato = drafts.values()
    assert any(f.startswith("Tempo scales efficiently") for f in tempo.key_findings), tempo.key_findings
    assert not any("synteny analysis showed" in f for f in sweetpotato.key_findings), sweetpotato.key_findings
    assert any("shared conserved karyotype" in f for f in sweetpotato.key_findings)


def test_a_method_lead_in_is_cut_but_not_in_whom() -> None:
    """bmc 1471-2202-6-30 "Behaviorally, knockdown mice displayed ...", bmc s13015-015-0062-4 "In
    benchmark analysis, HIA outperformed ...", bmc 1471-213X-6-15 "In the luciferase assays, we
    found that ...": how the result was got, cut; never a species, cells, in vitro, or a subgroup."""
    from pipeline.draft.composer.compress import compress
    from pipeline.settings import Settings

    model = Settings().spacy_model
    cut = {
        "Behaviorally, knockdown mice displayed improved anxiety-like behaviors on the higher plus maze and "
        "forced novelty exploration tests.": "Knockdown mice displayed",
        "In benchmark analysis, HIA outperformed in mapping speed compared with the other aligners, without "
        "significant loss of mapping accuracy.": "HIA outperformed",
        "In the luciferase assays, the researchers found that mr-s protein fused to GAL4 DNA-binding domain "
        "functions as a transcriptional repressor.": "The researchers found",
    }
    for text, start in cut.items():
        assert compress(text, model, 16).text.startswith(start), text
    for text in (
        "In mouse experiments, the inhibitor reduced the tumour size in the lung by half within a week.",
        "In subgroup analyses, the drug reduced pain more in women than in men after the first month.",
        "In vitro assays, the compound blocked the growth of all three strains within two days.",
        # bmc s12864-019-6192-1: a result on simulated data is not one on the 49,792 people
        "In comprehensive simulations, the researchers found that, compared to statistical analysis, Cox "
        "regression had greater power at equivalent Type I error.",
    ):
        assert compress(text, model, 16).text == text, text
    drafts = _bmc("10.1186/1471-2202-6-30", "10.1186/s13015-015-0062-4")
    mice, aligner = drafts.values()
    assert any(f.startswith("Knockdown mice displayed") for f in mice.key_findings), mice.key_findings
    assert any(f.startswith("HIA outperformed") for f in aligner.key_findings), aligner.key_findings


def test_a_review_design_is_said_with_the_next_sentence() -> None:
    """Cochrane mine half: "This was a review." as the research summary's whole first sentence
    (117 pages, composer 12); CD001802.pub3 "This was a review. Two studies in children reported
    ..." is "In this review, two studies in children reported ..."; a sentence with its own
    lead-in ("Of three studies using beraprost sodium, ...", CD000986) is left after the design."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    ids = ("10.1002/14651858.CD001802.pub3", "10.1002/14651858.CD000986.pub3")
    tonsils, beraprost = compose_fields([cochrane_article(records[i]) for i in ids])
    # composer 18 (h18fields): a review's summary first says what its studies measured
    assert tonsils.research_summary.startswith("In this review, the studies measured analgesics consumption.")
    assert "Two studies in children reported that there was" in tonsils.research_summary
    assert "This was a review." not in tonsils.research_summary
    # composer 15 (h15fields): the summary now says what the trials compared before any result, and
    # the lead-in guard still holds ("In this review, of three studies ..." is never written)
    assert "In this review, of three" not in beraprost.research_summary
    assert "compared prostaglandin E1 with placebo" in beraprost.research_summary, beraprost.research_summary


def test_the_authors_own_work_is_no_background_in_an_unlabelled_abstract() -> None:
    """elife_dev eLife.00467 (Neuroscience): "Here, we explore how the primate retina balances ..."
    was a background sentence by its place, so the research summary said the field's background
    ("Adaptation is a salient property of sensory processing."); "By utilizing FRET ..., we
    examined ..." (eLife.00278) opens the methods too. "Here we show that ..." stays where its place
    puts it (made a result, the key findings take it and the summary is left the background)."""
    from pipeline.domain import Article, Section
    from pipeline.draft.sentences import _infer_kind
    from tests.conftest import SHARED_DATA

    assert _infer_kind(
        "By utilizing FRET to monitor protein-DNA interactions, we examined assembly of the human holoenzyme.",
        0.3,
        8,
    ) == ("methods")
    assert _infer_kind(
        "Here, we explore how the primate retina balances the need to change gain.", 0.5, 5
    ) == ("methods")
    assert _infer_kind("Adaptation is a salient property of sensory processing.", 0.0, 5) == "background"
    records = {r["id"]: r for r in read_jsonl(SHARED_DATA / "elife_dev" / "pairs.jsonl")}
    record = records["10.7554/eLife.00467"]
    article = Article(
        source="test",
        source_id=record["id"],
        title=record["title"],
        sections=[Section(None, record["abstract"])],
    )
    (fields,) = compose_fields([article])
    assert "salient property" not in fields.research_summary
    assert "primate retina" in fields.research_summary


def test_a_call_for_research_or_the_review_itself_is_not_said_after_in_this_review() -> None:
    """Cochrane mine half, composer 13 first draft: "In this review, large randomised trials are
    needed to settle the question of pre-surgical biliary stenting." (CD006001.pub2, a call for
    research read as the review's finding) and "In this review, the major limitation of this review
    lies in ..." (CD009594.pub2): the design stays its own sentence before these."""
    from pipeline.draft.composer.fields import _NOT_MERGED

    for text in (
        "Large randomised trials are needed to settle the question of pre-surgical biliary stenting.",
        "The major limitation of this review lies in the variability between the included trials.",
        "Hypomania as a potential side effect needs to be considered.",
    ):
        assert _NOT_MERGED.search(text), text
    # a result that says what people needed is said after "In this review," (CD mine half)
    assert not _NOT_MERGED.search(
        "Fewer people needed rescue medicine with ibuprofen + oxycodone combination."
    )
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD009594.pub2"])])
    assert "In this review, the major limitation of this review" not in fields.research_summary
