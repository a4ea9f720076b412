"""plainsci's copy of NLTK's Porter stemmer stems exactly as NLTK's own class does."""

from __future__ import annotations

import re

from nltk.stem.porter import PorterStemmer as NltkPorter

from pipeline.text.porter import PorterStemmer
from pipeline.text.words import stem
from tests.conftest import COCHRANE, load_bmc_records, read_jsonl


def _words() -> set[str]:
    """Every distinct word of the BMC sample abstracts and the Cochrane abstracts and summaries."""
    texts: list[str] = []
    for rec in load_bmc_records():
        texts.append(str(rec.get("title") or ""))
        texts.extend(str(s.get("text") or "") for s in rec.get("sections") or [])
    for rec in read_jsonl(COCHRANE):
        texts.extend(str(v) for v in rec.values() if isinstance(v, str))
    return {w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)}


def test_the_copy_stems_every_sample_word_as_nltk_does() -> None:
    words = _words()
    assert len(words) > 10_000  # the whole vocabulary of the samples, not a handful
    ours, theirs = PorterStemmer(), NltkPorter()
    for mode in (ours.NLTK_EXTENSIONS, ours.ORIGINAL_ALGORITHM, ours.MARTIN_EXTENSIONS):
        ours, theirs = PorterStemmer(mode), NltkPorter(mode)
        differ = [w for w in words if ours.stem(w) != theirs.stem(w)]
        assert differ == [], f"{mode}: {differ[:10]}"
    assert stem("Randomised") == theirs.stem("randomised") == "randomis"
