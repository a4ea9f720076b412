"""Broken sentences in a lay field (issue 16 item 3): a sentence an editor cannot publish as it
stands, whatever the abstract says. Four shapes, each a warning that names it:

- a fragment with no verb ("Y22 with high heterozygosity."): the tagger finds no verb and the
  parser no subject of any clause;
- a dependent clause standing alone ("As are 74% of pseudogene peptides, 24% of uORF peptides
  and 32% of dORF peptides.", eLife 08890's key finding, composer 26): the sentence's main verb
  is itself introduced by "as", "because", "although" ...;
- a bracket opened and never closed ("(95% CI 0.5 to 0.9; 3 studies.");
- a sentence starting with a lower-case word ("phase-amplitude coupling indeed supports ...",
  biolaysumm elife-07886-v2's simple explanation, composer 26): cut from a longer sentence.

The sentences are those of ``readability.sentence_spans`` (the spans every flag shows), but a
span after a one-letter or taxonomic short form is read with the one before it: that splitter
cuts "I. trifida var. Y22 with high heterozygosity." after "var." and "in N. Sweden." after
"N.", and the pieces are no fragments of the draft (BMC s12870-019-1708-z, eLife 06620).
Limitations are short phrases by design ("Small sample size"), so they are not read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pipeline.domain import DRAFT_TEXT_FIELDS, Article
from pipeline.score.base import Flag, MetricResult, metric
from pipeline.text.readability import sentence_spans

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# A word that makes its clause depend on another ("As are ...", "Because the trials were small.").
_SUBORDINATORS = frozenset(
    "as because although though whereas while since unless if when once until after before".split()
)
# The splitter's cut after a short form: a one-letter initial or genus ("N.", "H.") or a taxonomic
# abbreviation ("sp.", "var."); the next span belongs to the same sentence.
_SHORT_FORM_END = re.compile(r"(?:(?<![A-Z])[A-Z]|\b(?:spp|sp|subsp|ssp|var|cv|sv|pv|str|al))\s?\.$")
_FIRST_WORD = re.compile(r"[^\w(]*([A-Za-z][\w'’-]*)")
# Cheap pass before the parse: a sentence with one of these has a finite verb.
_COMMON_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|may|might|can|could|will|would|should|must|did|does|do)\b", re.I
)


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text``, a span after a short form joined to the one before it."""
    out: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        if out and _SHORT_FORM_END.search(text[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@lru_cache(maxsize=1)
def _nlp() -> Any:
    from pipeline.enrich.nlp import get_nlp

    return get_nlp()


_TAG_OFF = ("attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=4096)
def _tagged(sentence: str) -> Any:
    """Tags and dependency parse of one sentence, once per sentence text and process."""
    nlp = _nlp()
    doc = nlp.make_doc(sentence)
    for name, component in nlp.pipeline:  # the shared pipeline is not changed
        if name not in _TAG_OFF:
            doc = component(doc)
    return doc


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmatizer's verb lemmas and its irregular verb forms ("abode", "began")."""
    lookups = _nlp().get_pipe("lemmatizer").lookups
    return frozenset(lookups.get_table("lemma_index")["verb"]), frozenset(
        lookups.get_table("lemma_exc")["verb"]
    )


_FINITE_ENDINGS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""))


def _could_be_finite(tok: Any, previous: Any) -> bool:
    """A word the small tagger may have read as a noun that can be a finite verb here: a verb's
    "-s" or "-ed" form or an irregular form ("moves", "inserts", "adds"), or its base form after a
    noun ("the chromosomes line up", "the cell change shape")."""
    lemmas, irregular = _verb_forms()
    word = tok.lower_
    if not word.isalpha():
        return False
    if word in irregular or any(
        word.endswith(end) and word[: len(word) - len(end)] + new in lemmas for end, new in _FINITE_ENDINGS
    ):
        return True
    return word in lemmas and previous is not None and previous.tag_ in ("NN", "NNS", "NNP", "NNPS")


def verbless(sentence: str) -> bool:
    """No verb by the tagger, no subject of any clause by the parser, and no word after the first
    that could be a finite verb the tagger missed: the small model reads "adds", "binds" or
    "moves" as plural nouns in eLife digests that are whole sentences ("However, guangxitoxin
    moves deeper into the interior of the membrane.", eLife 06774)."""
    if _COMMON_FINITE.search(sentence):
        return False
    doc = _tagged(sentence)
    if any(t.tag_ in _VERB_TAGS or t.dep_ in _SUBJECTS for t in doc):
        return False
    return not any(_could_be_finite(t, doc[t.i - 1]) for t in doc[1:])


def dependent_only(sentence: str) -> str | None:
    """The subordinating word of a sentence whose main verb is itself subordinate ("As are ...",
    "Because the trials were small."), or None. A question is left alone."""
    first = _FIRST_WORD.match(sentence)
    if not first or first.group(1).lower() not in _SUBORDINATORS or sentence.rstrip().endswith("?"):
        return None
    doc = _tagged(sentence)
    for tok in doc:
        if tok.dep_ == "ROOT":
            marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in _SUBORDINATORS]
            if not marks or marks[0].i != 0:
                return None
            # the parser roots some long sentences in their fronted clause ("If the social status
            # and the physical position of the photograph match, the chimpanzee ... can quickly
            # identify ...", eLife 00932's digest) or in its main verb with the fronted clause's
            # "If": a finite verb after a comma is the main clause
            comma = next((t.i for t in doc if t.text == ","), None)
            if comma is not None and any(t.tag_ in _FINITE_TAGS for t in doc[comma:]):
                return None
            return str(marks[0].text)
    return None


def unclosed_bracket(sentence: str) -> bool:
    """A "(" or "[" that no ")" or "]" after it closes (a numbered list's "1)" closes nothing
    and opens nothing)."""
    depth = 0
    for ch in sentence:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth > 0


def lower_case_start(sentence: str) -> str | None:
    """The first word when it is all lower case letters ("phase-amplitude"); a gene, unit or
    name written with a capital or a digit inside ("mRNA", "p53", "eLife") is how it is spelt."""
    m = _FIRST_WORD.match(sentence)
    if not m:
        return None
    word = m.group(1)
    return word if word[0].islower() and not any(c.isupper() or c.isdigit() for c in word) else None


def broken_reasons(sentence: str) -> list[str]:
    """Why a sentence is broken, one reason per shape it has (empty: it is not)."""
    reasons = []
    if verbless(sentence):
        reasons.append("broken sentence: no verb (a fragment, not a sentence)")
    else:
        word = dependent_only(sentence)
        if word:
            reasons.append(
                f"broken sentence: it starts with '{word}' and has no main clause (a part of a longer sentence)"
            )
    if unclosed_bracket(sentence):
        reasons.append("broken sentence: a bracket is opened and never closed")
    word = lower_case_start(sentence)
    if word:
        reasons.append(
            f"broken sentence: it starts with a lower-case word ('{word}'), as if cut from another"
        )
    return reasons


@metric("sentence_form", "1", higher_is_better=False, fields=DRAFT_TEXT_FIELDS[:-1])
def sentence_form(text: str, article: Article) -> MetricResult:
    """Broken sentences in a lay field (a fragment with no verb, a dependent clause alone, an
    unclosed bracket, a lower-case start), each a warning; the value is how many sentences."""
    flags: list[Flag] = []
    broken = 0
    for start, end in sentences(text):
        piece = text[start:end]
        reasons = broken_reasons(piece)
        broken += bool(reasons)
        flags += [
            Flag("sentence_form", r, "warning", draft_span=(start, end), draft_text=piece) for r in reasons
        ]
    return MetricResult(float(broken), flags)
