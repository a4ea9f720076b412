"""Round 28 (h28speed): compression asks the tagger before the parse, the same drafts (real BMC abstracts).

A text whose words let a compression rule look (``compress._may_find``) but whose tags rule out every
cut is not parsed for compression (``compress._tag_gate``). Each tag check must pass wherever its rule
finds a cut on the parse.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.draft.composer import compress
from pipeline.draft.composer import simplify as sp
from tests.draft import test_composer_h27speed as h27

# the fixtures of round 27's tests: the spaCy model, the sentences (8 words or more) of 40 BMC abstracts
model = h27.model
sentences = h27.sentences


def _parsed(text: str, model: str) -> bool:
    doc, _ = sp._stored(model, text, sp._PARSE_PIPES)
    return doc is not None and doc.has_annotation("DEP")


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        # bmc 1471-2180-11-174 (a key finding): "associated" holds "as" and "estimated" a method verb,
        # so the words let method_phrase look; no token is "as" (START parsed it for nothing)
        ("Both mean lysis time and its associated standard deviation were estimated.", 16),
        # bmc 1471-2180-7-96: the participle after the comma is "probably", not a VBN or VBG; no "to"
        # before a VB, no "using", no outcome-list noun (START parsed it for compression alone)
        (
            "Several regulatory DNA motifs, probably recognized by the regulatory protein Fur, PurR, or Fnr, "
            "were predicted from the clustered genes.",
            12,
        ),
    ],
)
def test_a_text_whose_tags_rule_out_every_cut_is_not_parsed(
    text: str, limit: int, model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sp.clear_caches()
    out = compress.compress(text, model, limit)
    assert (out.text, out.rules) == (text, ())
    assert not _parsed(text, model)
    # the parse the gate skips finds no cut either
    monkeypatch.setattr(compress, "_tag_gate", lambda model, names: lambda doc: True)
    sp.clear_caches()
    parsed = compress.compress(text, model, limit)
    assert (parsed.text, parsed.rules) == (text, ())
    assert _parsed(text, model)


def test_every_cut_a_rule_finds_passes_its_tag_check(model: str, sentences: list[str]) -> None:
    """On the tagging alone (no parse: no dependency labels), each rule's check passes wherever the
    rule finds a cut on the parse; and the checks turn down most of what they are asked."""
    sp.clear_caches()
    tagged = sp._analyse(sentences, model, sp._TAG_PIPES)
    checks = [
        {
            name: compress._tags_may_cut(name, sp._view(model, text, doc), model)
            for name, _, _ in compress.RULES
        }
        for text, doc in zip(sentences, tagged, strict=True)
        if doc is not None
    ]
    assert all(not doc.has_annotation("DEP") for doc in tagged if doc is not None)
    sp.clear_caches()
    parsed = sp._analyse(sentences, model, sp._PARSE_PIPES)
    found = turned_down = 0
    for text, doc, check in zip(sentences, parsed, checks, strict=True):
        assert doc is not None
        view = sp._view(model, text, doc)
        for name, rule, _tier in compress.RULES:
            if rule(view):
                found += 1
                assert check[name], (name, text)
            turned_down += not check[name]
    assert found > 50 and turned_down > 1000


def test_compression_is_the_same_with_the_gate_off(
    model: str, sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def each(limit: int) -> list[Any]:
        sp.clear_caches()
        return [compress.compress(text, model, limit) for text in sentences]

    gated = [each(limit) for limit in (8, 20)]
    monkeypatch.setattr(compress, "_tag_gate", lambda model, names: lambda doc: True)
    assert [each(limit) for limit in (8, 20)] == gated
    assert sum(c.rules != () for c in gated[0]) > 20
