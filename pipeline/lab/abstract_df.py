"""Document frequency of word stems over a corpus of research abstracts (data/lexicon/abstract_df.tsv).

A word that most abstracts use ("included", "participants", "quality", "confidence") is a word
of the research report; a word that few use ("anticoagulation", "dengue", "cerclage") names the
topic of one study. ``sentence_support`` reads the table to tell the two apart: a sentence that
names topic words the abstract and the rest of the text never name comes from elsewhere.

Built from the two larger abstract sets of ../shared/data (never cochrane_val, whose halves are
tuned on and measured, nor elife_dev or bmc_sample, which the flags are checked on):
``pubmed_abstracts`` (1,000 PubMed abstracts, PubMedQA PQA-L) and ``sumpubmed_bmc_abstracts``
(2,500 BMC abstracts, SumPubMed). Each abstract counts a stem once; stems in fewer than
MIN_DOCUMENTS abstracts are left out (a stem absent from the table is a topic word).
``python -m pipeline.lab.abstract_df`` rebuilds it; data/lexicon/PROVENANCE.md has the figures.
A rebuilt table changes what ``sentence_support`` warns on: bump that metric's version with it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from pipeline.text.words import is_content_word, tokens

SOURCES = (
    "../shared/data/pubmed_abstracts/abstracts.jsonl",
    "../shared/data/sumpubmed_bmc_abstracts/abstracts.jsonl",
)
MIN_DOCUMENTS = 5
OUT = Path(__file__).resolve().parents[2] / "data" / "lexicon" / "abstract_df.tsv"


def abstract_texts(path: Path) -> list[str]:
    """The text of each abstract of a JSONL file (its sections joined)."""
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        out.append(" ".join(s["text"] for s in rec.get("sections") or []) or rec.get("abstract", ""))
    return out


def document_frequency(texts: list[str]) -> Counter[str]:
    """In how many of ``texts`` each content-word stem appears."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update({t.stem for t in tokens(text) if is_content_word(t.text)})
    return df


def build(root: Path, out: Path = OUT) -> tuple[int, int]:
    """Write the table from the SOURCES under ``root``, one count column per source (a word of
    one field, "gene" in BMC's genomics, is frequent in one set only); return (abstracts, stems
    kept). SumPubMed's digit mask ("<dig>") is no word."""
    texts = [abstract_texts(root / src) for src in SOURCES]
    dfs = [document_frequency(t) for t in texts]
    total: Counter[str] = sum(dfs, Counter())
    total.pop("dig", None)
    kept = sorted((s for s, c in total.items() if c >= MIN_DOCUMENTS), key=lambda s: (-total[s], s))
    header = "\t".join(["# documents", *(str(len(t)) for t in texts)])
    lines = [header, *("\t".join([s, *(str(df[s]) for df in dfs)]) for s in kept)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(len(t) for t in texts), len(kept)


if __name__ == "__main__":  # pragma: no cover
    n_docs, n_stems = build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    print(f"{n_docs} abstracts, {n_stems} stems -> {OUT}")
