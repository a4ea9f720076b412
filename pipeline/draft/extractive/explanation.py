"""The simple explanation: the problem, what the study did, what it found, why it matters."""

from __future__ import annotations

import re

from pipeline.domain import NOT_SPECIFIED
from pipeline.draft import rewrite as rw
from pipeline.draft.extractive.context import Context, ExtractiveParams, similar
from pipeline.draft.sentences import Sentence
from pipeline.enrich.wording import DESIGN_PLAIN, PROTOCOL_STATEMENT, design_statement

_AIM_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^(?:the )?(?:main |primary )?(?:aims?|purposes?|objectives?|goals?) (?:of|in) (?:this|the|our|the "
            r"present) (?:study|trial|review|work|paper|analysis|project)\s+(?:was|were|is|are) (?:to )?",
            re.I,
        ),
        "This study set out to ",
    ),
    (
        re.compile(r"^(?:in this (?:study|paper|work),? )?we (?:aimed|sought|set out|wanted) to ", re.I),
        "The researchers set out to ",
    ),
    (
        re.compile(r"^this (?:study|trial|review|paper) (?:aimed|aims|sought) to ", re.I),
        "This study set out to ",
    ),
    (re.compile(r"^(?:our|the) (?:aim|objective|purpose) was to ", re.I), "This study set out to "),
)


def aim_sentence(text: str) -> str | None:
    """ "The aim of this study was to X" -> "This study set out to X"; None if not an aim sentence."""
    for pattern, replacement in _AIM_PATTERNS:
        if pattern.search(text):
            return pattern.sub(replacement, text, count=1)
    return None


def _participants_phrase(ctx: Context) -> str | None:
    value = ctx.fact("participants")
    if value == NOT_SPECIFIED or not ctx.grounded(value) or rw.word_count(value) > 16:
        return None
    text = rw.expand_abbreviations(value, ctx.abbreviations)
    text = rw.apply_glossary(text, ctx.glossary, define=False, swaps=ctx.swaps)
    first = text.split(" ", 1)[0]
    if first in ("A", "An", "The") or (first[:1].isupper() and first[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def study_sentence_plain(ctx: Context) -> str | None:
    """What the study did, from the design and participants facts, in plain words."""
    design = ctx.fact("design")
    who = _participants_phrase(ctx)
    if design == "protocol":
        return PROTOCOL_STATEMENT
    noun = DESIGN_PLAIN.get(design.lower()) if design != NOT_SPECIFIED else None
    if noun and who:
        return f"{design_statement(noun)} It included {who}."
    if noun:
        return design_statement(noun)
    if who:
        return f"The study included {who}."
    return None


def _dedupe(texts: list[str]) -> list[str]:
    out: list[str] = []
    for t in texts:
        if not any(similar(t, o, 0.85) for o in out):
            out.append(t)
    return out


def simple_explanation(ctx: Context) -> str:
    """3-5 plain sentences: the problem, what the study did, what it found, why it matters."""
    p = ctx.params
    defined: set[str] = set()
    parts: list[tuple[int, str]] = []  # (priority: lower is kept first, text) in page order

    def plain(sentence: Sentence) -> list[str]:
        return ctx.plain(
            sentence.text, max_words=p.simple_split_words, define=True, defined=defined, simplest=True
        )

    background = ctx.ranked("background", ("background",))
    if background and not background[0].cue("aim"):
        parts += [(2 + i, t) for i, t in enumerate(plain(background[0])[:2])]
    aim = next((s for s in ctx.ranked("aim", ("background", "methods")) if s.cue("aim")), None)
    aim_text = aim_sentence(aim.text) if aim else None
    if aim_text:
        parts += [
            (3, t)
            for t in ctx.plain(
                aim_text, max_words=p.simple_split_words, define=True, defined=defined, simplest=True
            )[:1]
        ]
    study = study_sentence_plain(ctx)
    if study:
        parts += [(1, s) for s in _sentences_of(study)]
    elif not aim_text:
        method = ctx.ranked("method", ("methods", "results"))
        if method:
            parts += [(3, t) for t in plain(method[0])[:1]]
    findings = _shortest_good(
        ctx.ranked("finding", ("results",)) or ctx.ranked("finding"), top=5, rank_weight=1.5
    )
    concluding = ctx.ranked("conclusion", ("conclusions",)) or ctx.ranked("conclusion")
    cued = [s for s in concluding if s.cue("conclusion")]
    # Only sentences that read as conclusions compete on readability for the "why it matters" slot.
    conclusions = _shortest_good(cued, top=3, rank_weight=2.5) + [s for s in concluding if s not in cued]
    if findings:
        parts += [(2 + i * 3, t) for i, t in enumerate(plain(findings[0])[:2])]
    if conclusions and (not findings or conclusions[0] is not findings[0]):
        parts += [(0 + i * 2, t) for i, t in enumerate(plain(conclusions[0])[:2])]
    texts = _prune_long(_fit_budget(parts, p.simple_min_words, p.simple_max_words), parts, p)
    if rw.word_count(" ".join(texts)) < p.simple_min_words:
        extras = [t for extra in findings[1:4] + conclusions[1:3] for t in plain(extra)[:1]]
        for text in sorted(extras, key=rw.estimate_grade):
            if any(similar(text, t, 0.75) for t in texts):
                continue
            texts.append(text)
            if rw.word_count(" ".join(texts)) >= p.simple_min_words:
                break
        texts = _trim(texts, p.simple_max_words)
    return rw.join_sentences(_dedupe(texts))


def _prune_long(texts: list[str], parts: list[tuple[int, str]], p: ExtractiveParams) -> list[str]:
    """Drop the hardest, least important sentences while the text stays above its minimum.

    The conclusion (priority 0) and the study sentence (priority 1) are always kept.
    """
    priority = {t: pr for pr, t in parts}
    while len(texts) > 3:
        hard = [t for t in texts if rw.estimate_grade(t) > 8.0 and priority.get(t, 9) > 1]
        if not hard:
            break
        worst = max(hard, key=lambda t: (priority.get(t, 9), rw.estimate_grade(t)))
        if rw.word_count(" ".join(texts)) - rw.word_count(worst) < p.simple_min_words:
            break
        texts = [t for t in texts if t is not worst]
    return texts


def _shortest_good(candidates: list[Sentence], top: int = 4, rank_weight: float = 2.0) -> list[Sentence]:
    """Re-order the best few candidates so that an easier one of them comes first."""
    head = candidates[:top]
    head = sorted(
        head, key=lambda s: candidates.index(s) * rank_weight + rw.estimate_grade(rw.strip_statistics(s.text))
    )
    return head + candidates[top:]


def _sentences_of(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if s.strip()]


def _fit_budget(parts: list[tuple[int, str]], lo: int, hi: int) -> list[str]:
    """Keep parts in page order, dropping the least important until the word budget fits."""
    kept = list(parts)
    while len(kept) > 3 and rw.word_count(" ".join(t for _, t in kept)) > hi:
        worst = max(range(len(kept)), key=lambda i: (kept[i][0], i))
        kept.pop(worst)
    return [t for _, t in kept]


def _trim(texts: list[str], hi: int) -> list[str]:
    while len(texts) > 3 and rw.word_count(" ".join(texts)) > hi:
        texts = texts[:-1]
    return texts
