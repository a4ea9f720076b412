"""Round 24 (h24bmc): a cut that left two clauses without their "and" (bmc s12934-019-1167-0); failed on babdb1d."""

from __future__ import annotations


def test_a_method_cut_keeps_the_and_that_joins_the_next_clause() -> None:
    from pipeline.draft.composer.compress import _subtree_span
    from pipeline.draft.composer.simplify import _parse
    from pipeline.settings import Settings

    # "The promoter sequences were selected using transcriptional analysis and several of them were
    # found ..." read "The promoter sequences were selected several of them were found ..." in the
    # research summary: the parse hangs "and" on "analysis", inside the method's subtree
    doc = _parse(
        "The promoter sequences were selected using transcriptional analysis and several of them were found "
        "to drive expression bidirectionally.",
        Settings().spacy_model,
    )
    using = next(t for t in doc if t.lower_ == "using")
    start, end = _subtree_span(using)
    assert doc[start:end].text == "using transcriptional analysis"
