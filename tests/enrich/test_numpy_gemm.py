"""Round 19 (h19speed): the shared spaCy pipeline's layers multiply matrices with numpy's BLAS,
not blis's generic kernel (a fifth of the composer's CPU), and analyse text exactly as before."""

from __future__ import annotations

from typing import Any

from pipeline.enrich import facts as F
from pipeline.enrich.nlp import UNUSED_COMPONENTS, disabled_components, numpy_gemm


def _layers(nlp: Any) -> list[Any]:
    models = [getattr(c, "model", None) for _, c in nlp.components]
    return [node for m in models if hasattr(m, "walk") for node in m.walk()]


def test_the_shared_pipeline_multiplies_with_numpy(nlp) -> None:  # type: ignore[no-untyped-def]
    from thinc.api import NumpyOps

    layers = [node for node in _layers(nlp) if isinstance(node.ops, NumpyOps)]
    assert layers, "no CPU layers found"
    assert all(not node.ops.use_blis for node in layers)


def test_numpys_product_gives_blis_own_analyses(nlp, bmc_articles) -> None:  # type: ignore[no-untyped-def]
    """bmc 10.1186/s12891-022-05070-w (arthrogryposis test-retest study), every section enrich
    parses in full: each token's tag, POS, morphology, lemma, dependency, head and sentence start
    as the same model gives them with thinc's default blis product."""
    import spacy
    from thinc.api import NumpyOps

    blis_nlp = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=list(UNUSED_COMPONENTS))
    assert any(getattr(n.ops, "use_blis", False) for n in _layers(blis_nlp))
    article = bmc_articles["10.1186/s12891-022-05070-w"]
    texts = list(F._plan(article, F.PARSED_ROLES).full_texts())
    assert len(texts) > 1

    def analyses(model: Any) -> list[list[tuple[Any, ...]]]:
        docs = model.pipe(texts, disable=disabled_components(model))
        return [
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in d]
            for d in docs
        ]

    before = analyses(blis_nlp)
    assert analyses(nlp) == before
    numpy_gemm(blis_nlp)
    assert all(not n.ops.use_blis for n in _layers(blis_nlp) if type(n.ops) is NumpyOps)
    assert analyses(blis_nlp) == before
