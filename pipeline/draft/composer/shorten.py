"""The simple explanation's last step: each of its sentences made short, keeping what it says.

Every simple-explanation sentence (topic, who, answer, further result, caveat, from a template or
a realised source sentence) passes through :func:`shorten`. A sentence longer than the field's
aim (``simple_words``; 12-15 words is the aim) first loses its claim-free parts (a framing
adverbial, how it was measured, a list of examples: :func:`pipeline.draft.composer.compress.compress`,
which never removes a negation, a hedge or a number), then is split at a clause boundary where
both sides read as sentences ("X, which Y" -> "X. This Y"; "A rose, and B fell" -> "A rose. B
fell": the dependency-parse operations of :func:`pipeline.draft.composer.simplify.restructure`,
then the split points of :func:`~pipeline.draft.composer.simplify.split_clauses`). Nothing is clipped: a sentence that cannot be split stays whole. A hedge that
frames what follows it ("These results suggest that A, whereas B" says both halves are
suggested; "In contrast, B." alone would state B as proven) keeps the sentence whole unless the
next piece has a hedge of its own or is the authors' "But ..."; a modal ("A may X, but B") hedges
only its own clause, and no piece may lose a
name, a number or a negation: a split keeps every word in one piece or another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.draft import rewrite as rw
from pipeline.draft.composer.compress import compress
from pipeline.draft.composer.plan import PERSON
from pipeline.draft.composer.simplify import _FINITE_TAGS, _parse, is_sentence, restructure, split_clauses
from pipeline.text.hedges import is_hedged

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipeline.draft.composer.simplify import Realiser


# A hedge that frames what follows it ("These results suggest that A, whereas B"): a split after
# it must not leave B stated as proven. "But" starts the authors' own contrast ("..., but no such
# protein has been found").
_FRAME = re.compile(
    r"\b(?:suggests?|suggested|suggesting|appears?|appeared|seems?|(?:is|are|was|were) (?:likely|unlikely|"
    r"possible|probable|unclear|uncertain|not clear)|evidence)\s+(?:\w+\s+)?(?:that|whether)\b",
    re.I,
)


# compress rules the simple explanation does without: a "to ..." purpose clause is its aim or, when
# the tagger reads a noun as a verb, its object ("were highly linked to tumor progression" lost
# "to tumor progression").
_UNSAFE_CUTS = frozenset({"purpose"})


# A relative clause that a following "and" may continue.
_RELATIVE = re.compile(r",\s+(?:where|which|who|whom|whose|when)\s")


def shorten(texts: list[str], realiser: Realiser, max_words: int) -> list[str]:
    """Each of ``texts`` as one or more sentences of at most ``max_words`` words where it can be
    split without changing what it says (see the module's docstring)."""
    return [piece for text in texts for piece in shorten_sentence(text, realiser, max_words)]


def shorten_sentence(text: str, realiser: Realiser, max_words: int) -> list[str]:
    """``text`` without its claim-free parts, split at clause boundaries while longer
    than ``max_words``; ``[text]`` when no split keeps every piece a sentence and every hedge over
    what it framed."""
    if rw.word_count(text) <= max_words:
        return [text]
    text = unframed(text, realiser.tagger)
    if rw.word_count(text) <= max_words:
        return [text]
    model = realiser.spacy_model
    if model:  # claim-free parts first: framing, method phrases, examples (composer/compress.py)
        squeezed = compress(text, model, max_words, realiser.tagger)
        if not _UNSAFE_CUTS.intersection(squeezed.rules):
            text = squeezed.text
        if rw.word_count(text) <= max_words:
            return [text]
    parts = restructure(text, model, split_above=max_words) if model else (text,)
    if model and len(parts) == 1:
        parts = tuple(split_shared_subject(text, model) or parts)
    pieces = [_clean(p) for part in parts for p in split_clauses(part, max_words)]
    if len(pieces) == 1:
        pieces = _split_but(text)
    if len(pieces) == 1:
        return [text]
    if not all(reads_as_sentence(p, realiser.tagger) and rw.word_count(p) >= 4 for p in pieces):
        return [text]
    if any(_RELATIVE.search(p) for p in pieces[:-1]):
        return [text]  # "countries, where A is high, and B is common": the "and" goes on the relative clause
    for before, piece in zip(pieces, pieces[1:], strict=False):
        if _FRAME.search(before) and not is_hedged(piece) and not piece.startswith("But "):
            return [text]  # "suggest that A, whereas B": B is suggested too, keep them together
    return pieces


# A report frame that adds words but no hedge: "The data show that X" says X ("suggest that" is a
# hedge and stays); the claim after it is said on its own.
_REPORT_FRAME = re.compile(
    r"^(?:(?:Overall|Together|Taken together|In summary|In conclusion),? )?(?:the |these |this |our )?"
    r"(?:current |available |present |pooled |main |overall )?(?:evidence|review|results?|data|findings|"
    r"analys[ie]s|study|trial|experiments?|work|researchers|review authors|authors)(?: (?:from|of|in) (?:this|the) "
    r"(?:review|study|trial|analysis))? (?:shows?|showed|has shown|have shown|demonstrates?|demonstrated|"
    r"has demonstrated|have demonstrated|reveals?|revealed|found|finds?) that (?P<claim>\S.+)$",
    re.I,
)
# "the use of X" after a word that takes X itself: "to support the use of X" says "to support X".
_USE_OF = re.compile(
    r"\b(support|supports|supporting|supported|from|favou?r|favou?rs|against|for) the use of (?=[a-z])"
)


def unframed(text: str, tagger: Callable[[str], bool] | None = None) -> str:
    """``text`` without a report frame that adds no hedge ("The current evidence shows that X" ->
    "X") and with "the use of X" said as "X" after "support", "from", "for" ("no evidence to
    support the use of any cream" -> "no evidence to support any cream"); ``text`` itself when the
    claim would not read as a sentence. Negations, hedges and numbers are never in what goes."""
    m = _REPORT_FRAME.match(text)
    if m and not is_hedged(text[: m.start("claim")]):
        claim = _clean(m.group("claim"))
        if reads_as_sentence(claim, tagger) and rw.word_count(claim) >= 4:
            text = claim
    return _USE_OF.sub(r"\1 ", text)


def split_shared_subject(text: str, model: str) -> list[str] | None:
    """ "Two trials were analysed for mortality and were not found to yield any benefit." ->
    "Two trials were analysed for mortality. They were not found to yield any benefit.": two
    verbs of one subject, the second with its own finite verb or auxiliary (so a shared "may" or
    "did not" is never cut from the verb it governs), the subject said again as "They" or "It"
    (never "It" for a person). None when the parse shows no such pair."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subject is None:
        return None
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or not _finite(conj):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue  # a clause of its own: restructure's coordination split
        cc = doc[conj.left_edge.i - 1] if conj.left_edge.i > root.i + 1 else None
        if cc is None or cc.dep_ != "cc" or cc.lower_ != "and" or conj.right_edge.i < len(doc) - 2:
            continue
        commas = sum(t.text == "," for t in doc[root.i : cc.i])
        if any(c.dep_ == "conj" and c.i < conj.i for c in root.children) or commas > 1:
            continue  # a list ("lacked A, B, and had C"): its items stay together
        if doc[cc.i - 1].tag_ in ("IN", "TO", "DT", "CC"):
            continue  # "have shown the potential of and illuminated X": the object is shared
        pronoun = _pronoun(subject)
        if pronoun is None:
            return None
        left = doc[: cc.i].text.rstrip(" ,")
        right = f"{pronoun} {doc[conj.left_edge.i :].text}"
        if rw.word_count(left) < 5 or rw.word_count(right) < 4:
            return None
        return [_clean(left), _clean(right)]
    return None


def _pronoun(subject: Token) -> str | None:
    """ "They" for a plural subject, "It" for a singular thing; None for one person ("The patient")."""
    if subject.lower_ in ("they", "it", "he", "she"):
        return subject.text.capitalize()
    words = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    if subject.tag_ in ("NNS", "NNPS") or re.search(r"\band\b", words) and subject.pos_ != "PRON":
        return "They"
    if subject.tag_ in ("NN", "NNP") and not PERSON.search(words):
        return "It"
    return None


def _finite(verb: Token) -> bool:
    """A finite verb, or one with its own finite auxiliary ("was found", "can intercept")."""
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children
    )


_BUT = re.compile(r",\s+but\s+")
# How a clause after "but" starts: its subject.
_SUBJECT_START = re.compile(
    r"the|this|these|those|that|there|it|they|he|she|its|their|his|her|all|both|no|none|most|many|some|"
    r"each|every|few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|only|neither|either|other|such"
)


def _split_but(text: str) -> list[str]:
    """ "A may X, but B was Y." -> "A may X. But B was Y." at its one ", but" (split_clauses makes
    no "But ..." piece: is_sentence reads a leading "But" as leaning on the sentence before, which
    in the simple explanation it does, on purpose)."""
    found = list(_BUT.finditer(text))
    if len(found) != 1 or rw._open_brackets(text[: found[0].start()]):
        return [text]
    m = found[0]
    right = text[m.end() :]
    first = right.split(" ", 1)[0]
    if not (_SUBJECT_START.fullmatch(first) or first[:1].isupper() or first[:1].isdigit()):
        return [text]  # "A is used, but much less often, and ...": no clause of its own after "but"
    if first.isalpha() and first[:1].isupper() and first[1:].islower():
        right = right[0].lower() + right[1:]
    return [_clean(text[: m.start()]), _clean("But " + right)]


def reads_as_sentence(piece: str, tagger: Callable[[str], bool] | None = None) -> bool:
    """A sentence of its own (:func:`~pipeline.draft.composer.simplify.is_sentence`), a leading
    "But" aside: in the simple explanation a "But ..." piece follows the sentence it was split from."""
    if piece.startswith("But "):
        piece = rw.capitalize_first(piece[4:])
    return is_sentence(piece, tagger)


def _clean(text: str) -> str:
    return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))
