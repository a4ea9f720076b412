"""Key findings (up to three results in plain words) and the research summary paragraph."""

from __future__ import annotations

from pipeline.domain import NOT_SPECIFIED
from pipeline.draft import rewrite as rw
from pipeline.draft.extractive.context import Context, fitted_pieces, similar
from pipeline.enrich.wording import design_label, design_statement


def _first_fitting(pieces: list[str], lo: int, hi: int) -> str | None:
    """The first piece whose length is within [lo, hi] words."""
    return next((p for p in pieces if lo <= rw.word_count(p) <= hi), None)


def key_findings(ctx: Context) -> list[str]:
    """Up to three results in plain words, 8-25 words each, in source order."""
    p = ctx.params
    pool = ctx.ranked("finding", ("results",))
    concluding = [s for s in ctx.ranked("finding", ("conclusions",)) if not s.is_future]
    # Conclusions that read as implications are kept for the practical points when possible.
    pool += [s for s in concluding if not s.cue("conclusion")] + [
        s for s in concluding if s.cue("conclusion")
    ]
    # No results or conclusions (a resource description, a case report): the best
    # non-background sentences stand in rather than leaving the field empty.
    pool += [s for s in ctx.ranked("finding", ("methods",)) if not s.is_future]
    # Unlabelled prose that reads as neither (some journals): any sentence, best first.
    pool += [s for s in ctx.ranked("finding") if s not in pool and not s.is_future]
    chosen: list[tuple[int, str]] = []
    fallback: list[tuple[int, str]] = []
    for sentence in pool:
        pieces = fitted_pieces(ctx, sentence.text, p.finding_max_words)
        text = _first_fitting(pieces, p.finding_min_words, p.finding_max_words)
        if text is None:
            short = [x for x in pieces if 5 <= rw.word_count(x) <= p.finding_max_words]
            if short:
                fallback.append((sentence.index, short[0]))
            continue
        if any(similar(text, t) for _, t in chosen):
            continue
        chosen.append((sentence.index, text))
        if len(chosen) == p.findings:
            break
    for item in fallback:
        if len(chosen) >= p.findings:
            break
        if not any(similar(item[1], t) for _, t in chosen):
            chosen.append(item)
    if len(chosen) < p.findings:
        ctx.warnings.append(f"only {len(chosen)} key findings: the abstract has few result sentences")
    return [t for _, t in sorted(chosen)]


def research_summary(ctx: Context) -> str:
    """One paragraph of about three sentences: design, what was measured, main result."""
    p = ctx.params
    out: list[str] = []
    design = ctx.fact("design")
    who = ctx.fact("participants")
    used: set[int] = set()
    if design != NOT_SPECIFIED:
        label = design_label(design)
        if who != NOT_SPECIFIED and ctx.grounded(who) and rw.word_count(who) <= 16:
            out.append(f"This {label} included {rw.expand_abbreviations(who, ctx.abbreviations)}.")
        else:
            out.append(design_statement(label))
    else:
        method = ctx.ranked("method", ("methods", "results"))
        if method:
            out.append(ctx.technical(method[0].text))
            used.add(method[0].index)
    measure = [s for s in ctx.ranked("measure", ("methods",)) if s.index not in used and s.cue("measure")]
    if measure:
        out.append(ctx.technical(measure[0].text))
        used.add(measure[0].index)
    findings = [s for s in ctx.ranked("finding", ("results",)) if s.index not in used]
    findings = findings or [s for s in ctx.ranked("finding") if s.index not in used]
    for s in findings[: 3 - len(out) if len(out) < 2 else 1]:
        out.append(ctx.technical(s.text))
    out = [s for s in out if ctx.grounded(s)]
    out = _shorten(out, p.summary_max_words, p.max_sentence_words)
    return rw.join_sentences(out)


def _shorten(sentences: list[str], max_words: int, split_words: int) -> list[str]:
    """Keep a paragraph under ``max_words`` by keeping the first clause of long sentences."""
    if rw.word_count(" ".join(sentences)) <= max_words:
        return sentences
    short = [rw.split_long_sentence(s, split_words)[0] for s in sentences]
    return short
