"""The "rule" segmenter built on the already-loaded full spaCy pipeline (round 12, h12ops: no
second load of the model) splits text exactly as the segmenter loaded alone from disk did."""

from __future__ import annotations

import pipeline.enrich.nlp as enrich_nlp
from pipeline.draft.extractive.segmenter import _load_segmenter
from pipeline.enrich.nlp import get_nlp
from pipeline.settings import Settings
from tests.conftest import BMC, read_jsonl
from tests.conftest import article_from_record as bmc_article


def _split(nlp, texts: list[str]) -> list[list[list[str]]]:  # type: ignore[no-untyped-def]
    return [[[t.text for t in sent] for sent in doc.sents] for doc in nlp.pipe(texts)]


def test_the_shared_segmenter_splits_as_one_loaded_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    model = Settings().spacy_model
    full = get_nlp(model)
    shared = _load_segmenter(model, "rule")
    # the tokenizer and vocabulary are the full pipeline's own: nothing was read from disk again
    assert shared.tokenizer is full.tokenizer and shared.vocab is full.vocab
    assert shared.pipe_names == ["sentencizer"]
    monkeypatch.setattr(enrich_nlp, "loaded_nlp", lambda name: None)
    alone = _load_segmenter(model, "rule")
    assert alone.vocab is not full.vocab
    # real BMC abstracts (abbreviations such as "et al.", "vs.", "95% CI", numbers with decimals)
    texts = [s.text for r in read_jsonl(BMC)[:40] for s in bmc_article(r).sections]
    texts.append(
        "Patients (n = 42) vs. controls, i.e. 3.5 mg/kg b.i.d.; see Smith et al. 2010. Fig. 2 shows it."
    )
    assert _split(shared, texts) == _split(alone, texts)
