"""Mine plain equivalents of technical terms from human lay summaries aligned with their abstracts.

Inputs (``../shared/data``): elife_dev (eLife digests; articles in the reserved subjects medicine,
epidemiology, immunology and microbiology are left out), biolaysumm_dev (eLife digests; the same
subjects left out by keyword) and the mining half of cochrane_val (``cochrane_half("mine")``).

1. Each lay-summary sentence is aligned with the abstract sentence that shares most content words
   (at least ``MIN_ALIGN`` of the smaller sentence's content words).
2. In each aligned pair, a replacement of one to three abstract words by one to three lay words,
   with unchanged words on both sides, is a candidate (abstract "mortality" -> lay "death") when
   the lay wording is commoner English than the term (wordfreq) and neither side has a digit.
3. Precision is measured on held-out documents: the documents are split in two by position in
   id order; candidates found in one half (in at least ``MIN_DOCS`` documents) are checked in the
   other: of the aligned pairs whose abstract sentence has the term, in how many does the lay
   sentence use the plain wording instead of the term. A pair is kept when that held-out
   precision is at least ``MIN_PRECISION`` over at least ``MIN_HELD_OUT`` aligned pairs.
4. The deny-list (data/lexicon/deny.tsv) and the swap protections apply on top, at drafting time.

``plainsci lexicon`` (or ``make lexicon``) rebuilds data/lexicon/swaps.tsv.
"""

from __future__ import annotations

import ast
import csv
import difflib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.lab.datasets import SHARED_DATA, cochrane_half
from pipeline.text.swaps import LEXICON_DIR, MINED_FILE, read_deny_list
from pipeline.text.words import STOP_WORDS, edit_tokens, word_zipf

RESERVED_SUBJECTS = re.compile(r"medicine|epidemiolog|immunolog|microbiolog", re.I)
MIN_ALIGN = 0.3
MIN_DOCS = 2
MIN_HELD_OUT = 5
MIN_PRECISION = 0.3
MIN_LIFT = 3.0
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


@dataclass(frozen=True)
class Doc:
    dataset: str
    id: str
    abstract: str
    lay: str


@dataclass
class Candidate:
    term: str
    plain: str
    docs: set[str] = field(default_factory=set)
    datasets: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    example: str = ""


def _subjects(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str) and value.startswith("["):
        try:
            return [str(v) for v in ast.literal_eval(value)]
        except (ValueError, SyntaxError):
            return [value]
    return [str(value)] if value else []


def load_docs(shared: Path = SHARED_DATA) -> list[Doc]:
    """The mining documents: elife_dev and biolaysumm_dev without reserved subjects, cochrane's
    mining half."""
    docs: list[Doc] = []
    for line in (shared / "elife_dev" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if any(RESERVED_SUBJECTS.search(s) for s in _subjects(row.get("subjects"))):
            continue
        docs.append(Doc("elife_dev", row["id"], row["abstract"], row["plain_summary"]))
    for line in (shared / "biolaysumm_dev" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if any(RESERVED_SUBJECTS.search(s) for s in _subjects(row.get("keywords"))):
            continue
        docs.append(Doc("biolaysumm_dev", row["id"], row["abstract"], row["lay_summary"]))
    for pair in cochrane_half("mine", shared / "cochrane_val" / "pairs.jsonl"):
        docs.append(Doc("cochrane_val", pair.id, pair.abstract, pair.plain_summary))
    return sorted(docs, key=lambda d: (d.dataset, d.id))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s.strip()]


def _words(text: str) -> list[str]:
    return [w.lower() for w in edit_tokens(text)]


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if w[0].isalpha() and len(w) > 2 and w not in STOP_WORDS}


def aligned_pairs(doc: Doc) -> list[tuple[list[str], list[str], str]]:
    """(abstract words, lay words, abstract sentence) for each lay sentence's best abstract match."""
    abstract = [(s, _words(s)) for s in _sentences(doc.abstract)]
    out = []
    for lay_sentence in _sentences(doc.lay):
        lay = _words(lay_sentence)
        lay_content = _content(lay)
        best, best_score = None, 0.0
        for sentence, words in abstract:
            content = _content(words)
            if not content or not lay_content:
                continue
            score = len(content & lay_content) / min(len(content), len(lay_content))
            if score > best_score:
                best, best_score = (sentence, words), score
        if best is not None and best_score >= MIN_ALIGN:
            out.append((best[1], lay, best[0]))
    return out


def _harder(term: str, plain: str) -> bool:
    """The plain side is commoner English than the term (rarest word against rarest word)."""
    t = min(word_zipf(w) for w in term.split() if w not in STOP_WORDS)
    p_words = [w for w in plain.split() if w not in STOP_WORDS] or plain.split()
    p = min(word_zipf(w) for w in p_words)
    return p > t + 0.5


def substitutions(abstract: list[str], lay: list[str]) -> list[tuple[str, str]]:
    """(term, plain) replacements of 1-3 words by 1-3 words between unchanged words."""
    ops = difflib.SequenceMatcher(None, abstract, lay, autojunk=False).get_opcodes()
    out = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or not (1 <= i2 - i1 <= 3 and 1 <= j2 - j1 <= 3):
            continue
        left = k > 0 and ops[k - 1][0] == "equal" and ops[k - 1][2] - ops[k - 1][1] >= 1
        right = k + 1 < len(ops) and ops[k + 1][0] == "equal"
        if not (left and right):
            continue
        old, new = abstract[i1:i2], lay[j1:j2]
        if not all(w[0].isalpha() for w in old + new):
            continue
        if all(w in STOP_WORDS for w in old) or all(w in STOP_WORDS for w in new):
            continue
        term, plain = " ".join(old), " ".join(new)
        if term[:4] == plain[:4] or not _harder(term, plain):
            continue  # an inflection or spelling change, or not plainer
        out.append((term, plain))
    return out


def mine(docs: list[Doc]) -> dict[tuple[str, str], Candidate]:
    """Candidates: substitutions in aligned sentence pairs, with the documents they occur in."""
    found: dict[tuple[str, str], Candidate] = {}
    for doc in docs:
        for abstract, lay, sentence in aligned_pairs(doc):
            for term, plain in substitutions(abstract, lay):
                cand = found.get((term, plain))
                if cand is None:
                    cand = found[(term, plain)] = Candidate(term, plain, example=sentence[:200])
                cand.docs.add(doc.id)
                cand.datasets[doc.dataset] += 1
    return found


def held_out(cands: Iterable[Candidate], docs: list[Doc]) -> dict[tuple[str, str], tuple[int, int, float]]:
    """Per candidate (hits, seen, lift) over the aligned pairs of ``docs``: in ``seen`` pairs the
    abstract sentence has the term and the lay sentence reworded it (does not have it), in ``hits``
    of them the lay sentence uses the plain wording; ``lift`` is hits/seen over how often lay sentences use the plain wording when
    the abstract sentence lacks the term (a plain word editors use everywhere is no evidence)."""
    wanted = {(c.term, c.plain) for c in cands}
    by_term: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for term, plain in wanted:
        by_term[tuple(term.split())].append(tuple(plain.split()))
    counts: dict[tuple[str, str], list[int]] = {k: [0, 0, 0, 0] for k in wanted}
    pairs = [(a, lay) for doc in docs for a, lay, _ in aligned_pairs(doc)]
    for abstract, lay in pairs:
        a_text, l_text = f" {' '.join(abstract)} ", f" {' '.join(lay)} "
        for term_words, plains in by_term.items():
            has_term = f" {' '.join(term_words)} " in a_text
            for plain_words in plains:
                key = (" ".join(term_words), " ".join(plain_words))
                uses_plain = f" {' '.join(plain_words)} " in l_text
                if has_term:
                    if f" {' '.join(term_words)} " in l_text:
                        continue  # the editor kept the term: no evidence either way
                    counts[key][1] += 1
                    counts[key][0] += uses_plain
                else:
                    counts[key][3] += 1
                    counts[key][2] += uses_plain
    out = {}
    for k, (hits, seen, base_hits, base_seen) in counts.items():
        rate = hits / seen if seen else 0.0
        base = (base_hits + 1) / (base_seen + 1)
        out[k] = (hits, seen, rate / base)
    return out


def _has(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class MinedPair:
    term: str
    plain: str
    origin: str
    docs: int
    held_out_hits: int
    held_out_seen: int
    example: str

    @property
    def precision(self) -> float:
        return self.held_out_hits / self.held_out_seen if self.held_out_seen else 0.0


def build(docs: list[Doc]) -> tuple[list[MinedPair], dict[str, float]]:
    """Mine on each half, check on the other; the kept pairs and the figures for PROVENANCE.md."""
    halves = (docs[0::2], docs[1::2])
    deny = read_deny_list()
    kept: dict[tuple[str, str], MinedPair] = {}
    candidates = checked = 0
    hits_total = seen_total = 0
    for mine_half, check_half in (halves, halves[::-1]):
        cands = [c for c in mine(mine_half).values() if len(c.docs) >= MIN_DOCS]
        subs = {(t, p) for d in mine_half for a, lay, _ in aligned_pairs(d) for t, p in substitutions(a, lay)}
        cands = [c for c in cands if (c.term, c.plain) in subs]
        candidates += len(cands)
        scores = held_out(cands, check_half)
        for c in cands:
            hits, seen, lift = scores[(c.term, c.plain)]
            if seen < MIN_HELD_OUT:
                continue
            checked += 1
            if hits / seen < MIN_PRECISION or lift < MIN_LIFT:
                continue
            from pipeline.text.swaps import SwapRule

            if any(d.denies(SwapRule(c.term, c.plain, "mined")) for d in deny):
                continue
            dataset = max(c.datasets, key=lambda k: c.datasets[k])
            pair = MinedPair(c.term, c.plain, f"mined:{dataset}", len(c.docs), hits, seen, c.example)
            old = kept.get((c.term, c.plain))
            if old is None or pair.held_out_seen > old.held_out_seen:
                kept[(c.term, c.plain)] = pair
            hits_total += hits
            seen_total += seen
    # One plain wording per term: the one with the most held-out evidence.
    best: dict[str, MinedPair] = {}
    for p in kept.values():
        if p.term not in best or (p.held_out_hits, p.docs) > (best[p.term].held_out_hits, best[p.term].docs):
            best[p.term] = p
    pairs = sorted(best.values(), key=lambda p: (-p.held_out_hits, p.term))
    figures = {
        "documents": float(len(docs)),
        "candidates": float(candidates),
        "checked": float(checked),
        "kept": float(len(pairs)),
        "held_out_precision": hits_total / seen_total if seen_total else 0.0,
    }
    return pairs, figures


def eval_precision(pairs: list[MinedPair], shared: Path = SHARED_DATA) -> tuple[int, int]:
    """(hits, seen) of the kept pairs on cochrane_val's evaluation half (never mined)."""
    docs = [
        Doc("cochrane_val", p.id, p.abstract, p.plain_summary)
        for p in cochrane_half("eval", shared / "cochrane_val" / "pairs.jsonl")
    ]
    cands = [Candidate(p.term, p.plain) for p in pairs]
    scores = held_out(cands, docs)
    return sum(v[0] for v in scores.values()), sum(v[1] for v in scores.values())


HEADER = ("term", "plain", "origin", "docs", "held_out_hits", "held_out_seen", "precision", "example")


def write_tsv(pairs: list[MinedPair], path: Path | None = None) -> Path:
    path = path or LEXICON_DIR / MINED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Mined by pipeline/lab/lexicon.py (plainsci lexicon); see PROVENANCE.md. Do not edit by hand.\n"
        )
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(HEADER)
        for p in pairs:
            example = " ".join(p.example.split()).replace("\t", " ")
            w.writerow(
                [
                    p.term,
                    p.plain,
                    p.origin,
                    p.docs,
                    p.held_out_hits,
                    p.held_out_seen,
                    f"{p.precision:.2f}",
                    example,
                ]
            )
    return path


def rebuild(shared: Path = SHARED_DATA, out: Path | None = None) -> dict[str, float]:
    """Mine, check, write data/lexicon/swaps.tsv; return the figures (also for PROVENANCE.md)."""
    pairs, figures = build(load_docs(shared))
    hits, seen = eval_precision(pairs, shared)
    figures["cochrane_eval_hits"] = float(hits)
    figures["cochrane_eval_seen"] = float(seen)
    figures["cochrane_eval_precision"] = hits / seen if seen else 0.0
    write_tsv(pairs, out)
    return figures
