"""Readability scoring benchmark: the score stage's metrics against a naive per-call textstat loop.

10,000 drafts, each with the five text fields of a page, built from real plain-language
summaries (cochrane_val and biolaysumm_dev references, split into sentences and recombined so
that every draft's texts are distinct). Both variants run side by side in this process, pinned
to one core:

  naive   what a user writes by hand: for every field, call textstat's flesch_kincaid_grade,
          dale_chall_readability_score, coleman_liau_index, smog_index, avg_sentence_length and
          polysyllabcount / lexicon_count (each call re-counts the text)
  ours    pipeline.score: the six registered readability metrics, which share one count of
          sentences, words and syllables per text (caches cleared before the run)

The values of both are checked to agree. Goal: at least 500 drafts/s for the readability
metrics on one core. Run: .venv/bin/python bench/score.py [--n 10000]

With ``--stage N``: the score stage's own work instead, every registered metric (faithfulness,
numbers, claims, jargon, readability) on the composer's drafts of the first N BMC abstracts (45:
the small run's size), pinned to one core, per-text caches cleared before each of ``--repeat``
runs, best by CPU time. Compare two commits by running it on each, alternately.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"

import textstat  # noqa: E402

from pipeline.domain import Article, DraftFields, PracticalPoint, Section  # noqa: E402
from pipeline.score import readability  # noqa: E402
from pipeline.score.base import score_draft  # noqa: E402

READABILITY = ["fkgl", "dale_chall", "coleman_liau", "smog", "mean_sentence_words", "polysyllable_share"]


def sentences() -> list[str]:
    out: list[str] = []
    for name in ("cochrane_val/pairs.jsonl", "biolaysumm_dev/pairs.jsonl"):
        for line in (SHARED / name).read_text(encoding="utf-8").split("\n"):
            if line.strip():
                rec = json.loads(line)
                text = rec.get("plain_summary") or rec.get("lay_summary") or ""
                out += [s.strip() + "." for s in text.split(". ") if len(s.split()) >= 5]
    return out


def make_drafts(n: int) -> list[DraftFields]:
    pool = sentences()
    k = len(pool)
    drafts = []

    def pick(i: int, j: int, count: int) -> list[str]:
        # the stride changes every round through the pool, so no two drafts share a text
        stride = 17 + 2 * (i // k)
        return [pool[(i + j * 131 + c * stride) % k] for c in range(count)]

    for i in range(n):
        drafts.append(
            DraftFields(
                simple_explanation=" ".join(pick(i, 0, 4)),
                key_findings=pick(i, 1, 3),
                research_summary=" ".join(pick(i, 2, 3)),
                practical_implications=[PracticalPoint("Point", s) for s in pick(i, 3, 3)],
                limitations=pick(i, 4, 2),
            )
        )
    return drafts


def naive(drafts: list[DraftFields]) -> list[dict[str, float]]:
    out = []
    for d in drafts:
        for text in d.field_texts().values():
            words = textstat.lexicon_count(text)
            out.append(
                {
                    "fkgl": textstat.flesch_kincaid_grade(text),
                    "dale_chall": textstat.dale_chall_readability_score(text),
                    "coleman_liau": textstat.coleman_liau_index(text),
                    "smog": textstat.smog_index(text),
                    "mean_sentence_words": textstat.avg_sentence_length(text),
                    "polysyllable_share": textstat.polysyllabcount(text) / words if words else 0.0,
                }
            )
    return out


def ours(drafts: list[DraftFields], article: Article) -> list[dict[str, float]]:
    out = []
    for d in drafts:
        by_field: dict[str, dict[str, float]] = {}
        for row in score_draft(d, article, names=READABILITY):
            by_field.setdefault(row.field, {})[row.metric] = row.value or 0.0
        out.extend(by_field.values())
    return out


def stage(n: int, repeat: int) -> None:
    """Every metric on the composer's drafts of ``n`` BMC abstracts: the score stage's work."""
    from draft import clear_text_caches, load_articles

    from pipeline.draft.base import DraftResult, make_backend
    from pipeline.enrich.facts import extract_facts_batch
    from pipeline.settings import load_settings

    articles = load_articles(n)
    results = make_backend(load_settings(), "composer").draft_batch(
        list(zip(articles, extract_facts_batch(articles), strict=True))
    )
    items = [(r.fields, a) for r, a in zip(results, articles, strict=True) if isinstance(r, DraftResult)]
    score_draft(*items[0])  # import and register metrics, load the models and word lists
    best = float("inf")
    for run in range(repeat):
        clear_text_caches()
        c0 = time.process_time()
        rows = sum(len(score_draft(fields, article)) for fields, article in items)
        cpu = time.process_time() - c0
        best = min(best, cpu)
        print(f"run {run + 1}: {len(items)} drafts, {rows} score rows, CPU {cpu:.2f} s", flush=True)
    print(
        f"score stage, every metric, one core: best CPU {best:.2f} s = {len(items) / best:.1f} drafts/s"
        f"   (load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--stage", type=int, default=0, help="every metric on N composer drafts instead")
    ap.add_argument("--repeat", type=int, default=3, help="with --stage: runs, best by CPU time")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    if args.stage:
        stage(args.stage, args.repeat)
        return
    drafts = make_drafts(args.n)
    distinct = len({t for d in drafts for t in d.field_texts().values()})
    article = Article(source="bench", source_id="b", title="t", sections=[Section(None, "x")])
    ours(drafts[:2], article)  # import and register metrics, load word lists: once per process
    readability.text_stats.cache_clear()
    readability.syllables.cache_clear()

    t0 = time.perf_counter()
    base = naive(drafts)
    t_naive = time.perf_counter() - t0
    t0 = time.perf_counter()
    mine = ours(drafts, article)
    t_ours = time.perf_counter() - t0

    assert len(base) == len(mine)
    worst = 0.0
    for a, b in zip(base, mine, strict=True):
        for key in ("fkgl", "dale_chall", "coleman_liau", "smog"):
            worst = max(worst, abs(round(a[key], 2) - round(b[key], 2)))
    print(
        f"{args.n} drafts x 5 fields x {len(READABILITY)} readability metrics, one core "
        f"({distinct} distinct field texts)"
    )
    print(f"naive textstat loop : {args.n / t_naive:8.0f} drafts/s ({t_naive:.1f} s)")
    print(f"pipeline.score      : {args.n / t_ours:8.0f} drafts/s ({t_ours:.1f} s)")
    print(f"ratio ours / naive  : {t_naive / t_ours:.2f}x   largest difference in values: {worst:.2f}")
    rate = args.n / t_ours
    print(f"goal >= 500 drafts/s: {'MET' if rate >= 500 else 'NOT MET'} ({rate:.0f})")


if __name__ == "__main__":
    main()
