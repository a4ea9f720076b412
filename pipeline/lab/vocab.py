"""Jargon left in the lay fields of drafted pages: rare words not explained, short forms not written out.

Read over the simple explanation and key findings of the pages ``plainsci eval --drafts`` wrote:

- **rare words** are content words used less than once per million words of English
  (``pipeline.text.words.is_rare``, Zipf < 3.0), names and acronyms aside (a capital inside a
  sentence), the way ``pipeline.score.jargon`` finds them; one is **explained** when a bracket
  follows it ("pruritus (itching)") or it stands in a bracket after its plain wording
  ("itching (pruritus)");
- **short forms** are tokens of two or more capitals (a plural "s" and a "non-" prefix allowed)
  that the abstract also has, "BMI" and the forms readers know (``rewrite.KEEP_ABBREVIATIONS``)
  aside, and names with a digit (genes, strains: BRCA1) and Roman numerals, split by whether the abstract defines them ("psychostimulants (PS)") or not.

    python -m pipeline.lab.vocab DATASET.jsonl DRAFTS.jsonl [--top 40]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.draft import rewrite as rw
from pipeline.lab import lexicon
from pipeline.lab.datasets import load_pairs, pair_to_article
from pipeline.lab.lexicon import Doc
from pipeline.text.readability import sentence_spans
from pipeline.text.words import is_content_word, is_rare, tokens

_SHORT = re.compile(r"(?<![\w'’′/.-])(?:[Nn]on-)?([A-Z][A-Z0-9&-]*[A-Z][A-Z0-9]*)s?(?![\w'’′-])")
_ROMAN = re.compile(r"[IVX]+")
# ISO 4217 codes of currencies ("EUR 36,500", "USD 3600"): a unit every reader of a cost knows, not a
# short form to write out; INR (also the blood-clotting ratio) and others with a second sense aside
CURRENCIES = frozenset({"EUR", "USD", "GBP", "CHF", "JPY", "CNY", "RMB", "AUD", "CAD", "SEK", "DKK", "NOK"})
_LEFT_ALONE = frozenset({"BMI"}) | rw.KEEP_ABBREVIATIONS | CURRENCIES


@dataclass
class PageVocab:
    """The jargon left on one page's simple explanation and key findings."""

    page_id: str
    rare: list[str] = field(default_factory=list)  # rare words not explained, lowercase, every use
    defined: list[str] = field(default_factory=list)  # short forms the abstract defines
    undefined: list[str] = field(default_factory=list)  # short forms the abstract uses undefined
    # short forms of the lay fields (two or more capitals, or mixed case as "BtA", "cART"; digits
    # allowed) that no field of the page writes out: round 12's page share
    not_written_out: list[str] = field(default_factory=list)


def lay_text(record: dict[str, object]) -> str:
    """The simple explanation and key findings of a ``--drafts`` record, one text."""
    findings = record.get("key_findings") or []
    parts = [str(record.get("simple_explanation") or ""), *(str(f) for f in findings)]  # type: ignore[attr-defined]
    return "\n".join(p for p in parts if p)


def rare_words(text: str) -> list[str]:
    """The rare content words of ``text`` that are not explained by a bracket beside them."""
    initial = {start for start, _ in sentence_spans(text)}
    out = []
    for tok in tokens(text):
        if tok.text.isupper() or (tok.text[0].isupper() and tok.start not in initial):
            continue
        if not (is_content_word(tok.text) and is_rare(tok.text)):
            continue
        after = text[tok.end : tok.end + 2]
        inside = text[max(0, tok.start - 2) : tok.start] == " (" and text[tok.end : tok.end + 1] == ")"
        if after == " (" or inside:
            continue
        out.append(tok.text.lower())
    return out


def short_forms(text: str, abstract: str) -> tuple[list[str], list[str]]:
    """(defined, undefined): the short forms of ``text`` that ``abstract`` uses, split by whether
    the abstract writes them out in a bracket definition."""
    defined_here = set(rw.find_abbreviations(abstract))
    bracketed = set(re.findall(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)", abstract))
    defined, undefined = [], []
    for m in _SHORT.finditer(text):
        short = m.group(1)
        if (
            short in _LEFT_ALONE
            or _ROMAN.fullmatch(short)
            or any(c.isdigit() for c in short)  # a gene, strain or cell line name (BRCA1, C57BL/6)
            or not re.search(rf"(?<![\w-]){re.escape(short)}", abstract)
        ):
            continue
        if short in defined_here or short in bracketed or f"{short}s" in bracketed:
            defined.append(short)
        else:
            undefined.append(short)
    return defined, undefined


# a short form as the page-share measure counts it: a token with two or more capitals ("TENS",
# "cART", "BtA", "CD4"), a plural "s" allowed; Roman numerals and the forms readers know aside
_ANY_SHORT = re.compile(
    r"(?<![\w'’′/.-])(?:[Nn]on-)?([A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w'’′])"
)


def page_text(record: dict[str, object]) -> str:
    """Every text field of a ``--drafts`` record, one text."""
    parts: list[str] = []
    for key, value in record.items():
        if key == "id":
            continue
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(str(v) for v in value)
    return "\n".join(parts)


def not_written_out(text: str, page: str, abstract: str) -> list[str]:
    """The short forms of ``text`` (the lay fields) that ``page`` never writes out: neither a
    bracket after its long form ("erythema nodosum leprosum (ENL)") nor the long form the abstract
    or the reviewed list gives it anywhere on the page."""
    long_forms = rw.article_abbreviations(abstract)
    out = []
    for m in _ANY_SHORT.finditer(text):
        short = m.group(1)
        stem = short[:-1] if short.endswith("s") and short[-2].isupper() else short
        if stem in _LEFT_ALONE or _ROMAN.fullmatch(stem):
            continue
        if re.search(rf"\w[\w\s-]*\((?:{re.escape(stem)}s?)\)", page):
            continue
        long_form = long_forms.get(stem) or long_forms.get(short)
        if long_form and long_form.lower() in page.lower():
            continue
        out.append(stem)
    return out


def page_vocab(record: dict[str, object], abstract: str) -> PageVocab:
    text = lay_text(record)
    defined, undefined = short_forms(text, abstract)
    missing = not_written_out(text, page_text(record), abstract)
    return PageVocab(str(record["id"]), rare_words(text), defined, undefined, missing)


def read_pages(dataset: Path, drafts: Path) -> list[PageVocab]:
    """Every drafted page of ``drafts`` with the abstract of its pair in ``dataset``."""
    abstracts = {p.id: pair_to_article(p).abstract_plain for p in load_pairs(dataset, require_summary=False)}
    pages = []
    for line in drafts.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            pages.append(page_vocab(record, abstracts.get(str(record["id"]), "")))
    return pages


def summary(pages: Iterable[PageVocab], top: int = 40) -> dict[str, object]:
    """Per page means and the commonest words, each with its uses and pages."""
    pages = list(pages)
    n = max(len(pages), 1)
    uses: Counter[str] = Counter()
    on: defaultdict[str, set[str]] = defaultdict(set)
    shorts: Counter[str] = Counter()
    for p in pages:
        uses.update(p.rare)
        for w in p.rare:
            on[w].add(p.page_id)
        shorts.update(f"{s} (defined)" for s in p.defined)
        shorts.update(f"{s} (undefined)" for s in p.undefined)
    return {
        "pages": len(pages),
        "rare_per_page": round(sum(len(p.rare) for p in pages) / n, 3),
        "pages_with_rare": sum(1 for p in pages if p.rare),
        "short_defined_per_page": round(sum(len(p.defined) for p in pages) / n, 3),
        "short_undefined_per_page": round(sum(len(p.undefined) for p in pages) / n, 3),
        "rare_top": [(w, c, len(on[w])) for w, c in uses.most_common(top)],
        "short_top": shorts.most_common(top),
        "pages_short_not_written_out": sum(1 for p in pages if p.not_written_out),
        "pages_short_not_written_out_no_digit": sum(
            1 for p in pages if any(not any(c.isdigit() for c in s) for s in p.not_written_out)
        ),
        "not_written_out_top": Counter(
            s for p in pages for s in dict.fromkeys(p.not_written_out)
        ).most_common(top),
    }


@dataclass
class TermEvidence:
    """How the lay writers of the mining documents treat ``term`` in the sentences aligned with
    abstract sentences that have it: ``kept`` keep the term, ``reworded`` do not, and ``hits``
    of those use each plain wording; ``example``: one abstract sentence with the term."""

    term: str
    kept: int = 0
    reworded: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    example: str = ""


def term_evidence(term: str, plains: Iterable[str], docs: list[Doc] | None = None) -> TermEvidence:
    """``TermEvidence`` for ``term`` over the aligned sentences of ``pipeline.lab.lexicon``'s mining
    documents (elife_dev and biolaysumm_dev without reserved subjects, cochrane's mining half)."""
    documents = docs if docs is not None else lexicon.load_docs()
    out = TermEvidence(term, hits={p: 0 for p in plains})
    pattern = re.compile(rf"(?<![\w-]){re.escape(term.lower())}", re.I)
    for doc in documents:
        for abstract, lay, sentence in lexicon.aligned_pairs(doc):
            a_text, l_text = " ".join(abstract), " ".join(lay)
            if not pattern.search(a_text):
                continue
            out.example = out.example or sentence
            if pattern.search(l_text):
                out.kept += 1
                continue
            out.reworded += 1
            for plain in out.hits:
                out.hits[plain] += bool(re.search(rf"(?<![\w-]){re.escape(plain.lower())}", l_text))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, nargs="?")
    parser.add_argument("drafts", type=Path, nargs="?")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--evidence", nargs="+", metavar="TERM=PLAIN[,PLAIN]", help="lay writers' evidence for these terms"
    )
    args = parser.parse_args(argv)
    if args.evidence:
        docs = lexicon.load_docs()
        for item in args.evidence:
            term, _, plains = item.partition("=")
            ev = term_evidence(term, [p for p in plains.split(",") if p], docs)
            print(json.dumps(ev.__dict__, ensure_ascii=False))
        return
    if args.dataset is None or args.drafts is None:
        parser.error("give DATASET and DRAFTS, or --evidence")
    print(json.dumps(summary(read_pages(args.dataset, args.drafts), args.top), indent=1))


if __name__ == "__main__":
    main()
