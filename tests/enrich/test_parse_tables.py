"""Round 18 (h18speed): enrich parses the abstracts with the attribute ruler and the lemmatizer
run from their tables (the Matcher was a third of the stage's CPU), with the same annotations."""

from __future__ import annotations

from typing import Any

from pipeline.enrich import facts as F
from pipeline.enrich.nlp import disabled_components


class _Recording:
    """The shared spaCy pipeline, recording the components each nlp.pipe call switched off."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.disabled = nlp, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        self.disabled.append(sorted(kwargs.get("disable", ())))
        return self.nlp.pipe(texts, **kwargs)


def test_enrich_parses_with_the_tables_and_gets_spacys_own_annotations(nlp, bmc_articles) -> None:  # type: ignore[no-untyped-def]
    """bmc 10.1186/s12891-022-05070-w (arthrogryposis test-retest study), every section enrich
    parses in full: each token's tag, POS, morphology, lemma, dependency and head as spaCy's full
    pipeline gives them, but the attribute ruler and lemmatizer are not run as components."""
    article = bmc_articles["10.1186/s12891-022-05070-w"]
    texts = list(F._plan(article, F.PARSED_ROLES).full_texts())
    assert len(texts) > 1
    recording = _Recording(nlp)
    ours = F._parse(texts, recording)  # type: ignore[arg-type]
    assert recording.disabled == [sorted([*disabled_components(nlp), "attribute_ruler", "lemmatizer"])]
    real = list(nlp.pipe(texts, disable=disabled_components(nlp)))
    for a, b in zip(real, ours, strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in a] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in b
        ], a.text
