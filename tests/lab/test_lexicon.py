"""The mined lexicon: cochrane_val's fixed halves, reserved eLife subjects left out, substitutions
found in aligned sentences, and data/lexicon/swaps.tsv rebuilt exactly from the shared data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.lab import lexicon as lx
from pipeline.lab.datasets import SHARED_DATA, cochrane_half, load_pairs
from pipeline.text.swaps import LEXICON_DIR, MINED_FILE, read_mined, swap_plain_words

pytestmark = pytest.mark.skipif(
    not (SHARED_DATA / "cochrane_val" / "pairs.jsonl").exists(), reason="shared data not found"
)


def test_cochrane_halves_are_fixed_and_disjoint() -> None:
    everything = sorted(load_pairs(SHARED_DATA / "cochrane_val" / "pairs.jsonl"), key=lambda p: p.id)
    mine, held = cochrane_half("mine"), cochrane_half("eval")
    assert [p.id for p in mine] == [p.id for p in everything[0::2]]
    assert [p.id for p in held] == [p.id for p in everything[1::2]]
    assert not {p.id for p in mine} & {p.id for p in held}
    assert len(mine) + len(held) == len(everything) == 411


def test_reserved_subjects_never_mined() -> None:
    docs = lx.load_docs()
    ids = {d.id for d in docs}
    reserved = []
    for name, key in (("elife_dev", "subjects"), ("biolaysumm_dev", "keywords")):
        for line in (SHARED_DATA / name / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if any(lx.RESERVED_SUBJECTS.search(s) for s in lx._subjects(row.get(key))):
                reserved.append(row["id"])
    assert reserved  # biolaysumm_dev has immunology/microbiology/medicine articles
    assert not ids & set(reserved)
    assert {p.id for p in cochrane_half("eval")}.isdisjoint(ids)


def test_substitutions_between_unchanged_words() -> None:
    abstract = lx._words("In the intervention group, adverse events were rare.")
    lay = lx._words("In the intervention group, side effects were rare.")
    assert lx.substitutions(abstract, lay) == [("adverse events", "side effects")]
    # an inflection change or a number is not a swap
    assert (
        lx.substitutions(
            lx._words("The trial enrolled 40 people."), lx._words("The trial enrolls 40 people.")
        )
        == []
    )


def test_rebuild_reproduces_the_committed_lexicon(tmp_path: Path) -> None:
    out = tmp_path / "swaps.tsv"
    figures = lx.rebuild(out=out)
    assert out.read_text(encoding="utf-8") == (LEXICON_DIR / MINED_FILE).read_text(encoding="utf-8")
    pairs = read_mined(out)
    assert figures["kept"] == len(pairs) >= 1
    for row in (LEXICON_DIR / MINED_FILE).read_text(encoding="utf-8").splitlines()[2:]:
        cols = row.split("\t")
        assert float(cols[6]) >= lx.MIN_PRECISION and int(cols[5]) >= lx.MIN_HELD_OUT
    term = pairs[0]
    text, swaps = swap_plain_words(f"Ten {term.term} provided data.", define=False)
    assert text == f"Ten {term.plain} provided data." and swaps[0].origin == term.origin
