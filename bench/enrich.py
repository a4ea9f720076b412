"""Enrich benchmark: facts for real BMC abstracts with every section parsed in full (the previous
behaviour) beside ours, where only the sections participants read get spaCy's trained pipeline.

Both variants run in this process on the same articles with the same loaded spaCy pipeline, pinned
to one core when taskset-like affinity is available, alternating for ``--repeat`` rounds (best of):

  all sections   title and every section through tagger, parser, attribute ruler and lemmatizer,
                 participants looked for everywhere (``extract_facts_batch(..., parsed_roles=ALL)``)
  ours           title, methods, results, case, unlabelled and other sections parsed in full;
                 background and conclusions only tokenized and split into sentences (they vote
                 on the design only)

Printed: abstracts/s of each, the ratio, and how many facts differ between the two (with the
records). Run: .venv/bin/python bench/enrich.py [--n 200] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BMC = REPO.parent / "shared" / "data" / "bmc_sample" / "abstracts.jsonl"

from pipeline.enrich import facts as F  # noqa: E402
from pipeline.enrich.nlp import get_nlp  # noqa: E402
from pipeline.sources.parsers.jsonl import parse_jsonl_records  # noqa: E402
from pipeline.text import roles  # noqa: E402

ALL_ROLES = frozenset(
    {
        roles.METHODS,
        roles.RESULTS,
        roles.CASE,
        roles.UNLABELLED,
        roles.OTHER,
        roles.BACKGROUND,
        roles.CONCLUSIONS,
    }
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="abstracts (the BMC sample has 200; repeated beyond)")
    ap.add_argument("--repeat", type=int, default=2, help="alternating rounds; the best of each is kept")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    sample, _ = parse_jsonl_records(BMC.read_bytes(), str(BMC))  # the files source's reading of it
    articles = [sample[i % len(sample)] for i in range(args.n)]
    nlp = get_nlp()
    F.extract_facts_batch(articles[:8], nlp)  # matchers built, caches warm for both variants
    F.extract_facts_batch(articles[:8], nlp, ALL_ROLES)
    best = {"all sections": float("inf"), "ours": float("inf")}
    results = {}
    for _ in range(args.repeat):
        for name, parsed in (("all sections", ALL_ROLES), ("ours", F.PARSED_ROLES)):
            start = time.perf_counter()
            results[name] = F.extract_facts_batch(articles, nlp, parsed)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{args.n} BMC abstracts, one core, best of {args.repeat}")
    for name, seconds in best.items():
        print(f"  {name:<13} {seconds:7.2f} s  {args.n / seconds:7.1f} abstracts/s")
    print(f"ratio ours / all sections: {best['all sections'] / best['ours']:.2f}x")
    unique = len({a.doi for a in articles})
    for field in ("design", "evidence_level", "participants", "study_period", "categories"):
        differ = {
            a.doi: (getattr(old, field), getattr(new, field))
            for a, old, new in zip(articles, results["all sections"], results["ours"], strict=True)
            if getattr(old, field) != getattr(new, field)
        }
        print(f"  {field:<15} differs on {len(differ)} of {unique} abstracts")
        for doi, (old, new) in differ.items():
            print(f"    {doi}: {getattr(old, 'value', old)!r} -> {getattr(new, 'value', new)!r}")


if __name__ == "__main__":
    main()
