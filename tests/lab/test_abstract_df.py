"""The document-frequency table of word stems over research abstracts (data/lexicon/abstract_df.tsv)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.lab import abstract_df


def test_each_abstract_counts_a_stem_once_and_the_digit_mask_is_no_word(tmp_path: Path) -> None:
    # two sentences of PubMed abstracts of ../shared/data/pubmed_abstracts (pubmedqa_21645374) and a
    # SumPubMed-style masked one: "differences" and "difference" are one stem, counted once each.
    rows = {
        "a.jsonl": [
            {
                "sections": [
                    {
                        "text": "Programmed cell death (PCD) is the regulated death of cells within an organism."
                    }
                ]
            },
            {"sections": [{"text": "There were no differences. The difference was small."}]},
        ],
        "b.jsonl": [{"sections": [{"text": "we found <dig> differences in <dig> cell lines"}]}],
    }
    for name, recs in rows.items():
        (tmp_path / name).write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    texts = abstract_df.abstract_texts(tmp_path / "a.jsonl")
    df = abstract_df.document_frequency(texts)
    assert df["differ"] == 1 and df["death"] == 1 and df["cell"] == 1
    old = abstract_df.SOURCES, abstract_df.MIN_DOCUMENTS
    try:
        abstract_df.SOURCES, abstract_df.MIN_DOCUMENTS = ("a.jsonl", "b.jsonl"), 1
        out = tmp_path / "df.tsv"
        assert abstract_df.build(tmp_path, out)[0] == 3
    finally:
        abstract_df.SOURCES, abstract_df.MIN_DOCUMENTS = old
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# documents\t2\t1"
    table = {line.split("\t")[0]: line.split("\t")[1:] for line in lines[1:]}
    assert table["cell"] == ["1", "1"] and table["differ"] == ["1", "1"]
    assert "dig" not in table


def test_the_shipped_table_tells_report_words_from_topic_words() -> None:
    lines = abstract_df.OUT.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# documents\t1000\t2500"
    table = {line.split("\t")[0]: [int(c) for c in line.split("\t")[1:]] for line in lines[1:]}
    assert min(table["differ"][0] / 1000, table["differ"][1] / 2500) > 0.4
    assert "dehisc" not in table  # "dehiscence": a word of one topic
