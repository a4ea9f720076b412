"""The simple explanation's last step: each of its sentences made short, keeping what it says.

Every simple-explanation sentence (topic, who, answer, further result, caveat, from a template or
a realised source sentence) passes through :func:`shorten`. Each is first said in fewer words
where a rule is sure it says the same (:func:`plainer`: a report frame with no hedge, "was found
to", "significantly" beside a stated direction, "resulted in a reduction in X" -> "reduced X";
every number, identifier, negation and hedge kept). A sentence longer than the field's
aim (``simple_words``; 12-15 words is the aim) first loses its claim-free parts (a framing
adverbial, how it was measured, a list of examples: :func:`pipeline.draft.composer.compress.compress`,
which never removes a negation, a hedge or a number), then is split at a clause boundary where
both sides read as sentences ("X, which Y" -> "X. This Y"; "A rose, and B fell" -> "A rose. B
fell": the dependency-parse operations of :func:`pipeline.draft.composer.simplify.restructure`;
then, when those make no split, two verbs of one subject ("X may result in A and reduce B" -> "X
may result in A. It may reduce B.": a shared modal is said again), two clauses joined by a comma
alone, one report frame over two "that" claims (the frame, and so its hedge, said over each), two
objects of one verb ("X leads to A and B" -> "X leads to A. X also leads to B.", the subject said
again, never a pronoun that could point at A), a clause after ", and" that has its own subject
when parsed alone, a trailing participle of a reviewed list said as "This leads to B." with the
clause's tense (:func:`split_participle_tail`: never after a hedge, a modal or a negation unless
the participle is a hedge itself); in the simple explanation only, a long noun-phrase subject said
as "The researchers looked at X." with the claim said of "This/These <head noun>"
(:func:`split_long_subject`); then the split points of
:func:`~pipeline.draft.composer.simplify.split_clauses`). A pronoun put in agrees with its verb
("They is linked" is never written), and a verb after a passive that may be a participle of the
object ("was studied in J82 cells and immortalized normal cells") is not split off. Nothing is clipped: a sentence that cannot be split stays whole. A hedge that
frames what follows it ("These results suggest that A, whereas B" says both halves are
suggested; "In contrast, B." alone would state B as proven) keeps the sentence whole unless the
next piece has a hedge of its own or is the authors' "But ..."; a modal ("A may X, but B") hedges
only its own clause, and no piece may lose a
name, a number or a negation: a split keeps every word in one piece or another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pipeline.draft import rewrite as rw
from pipeline.draft.composer.compress import _NEGATION, _claim_tokens, compress
from pipeline.draft.composer.plan import PERSON
from pipeline.draft.composer.simplify import (
    _FINITE_TAGS,
    _TAG_PIPES,
    _analysed,
    _parse,
    has_finite_verb,
    is_sentence,
    restructure,
    split_clauses,
)
from pipeline.text.hedges import is_hedged
from pipeline.text.patterns import compile_gated
from pipeline.text.people import IN_TAILS, alternation
from pipeline.text.words import zipf

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
_UNSAFE_CUTS = frozenset({"purpose", "outcome_list"})  # 18: the simple explanation keeps its outcomes


# A relative clause that a following "and" may continue.
_RELATIVE = re.compile(r",\s+(?:where|which|who|whom|whose|when)\s")


def shorten(
    texts: list[str], realiser: Realiser, max_words: int, said: Sequence[str] = (), people: bool = False
) -> list[str]:
    """Each of ``texts`` in plainer words (:func:`plainer`), then as one or more sentences of at
    most ``max_words`` words where it can be split without changing what it says (see the module's
    docstring). A split whose piece repeats one of the other texts is not made; a subject said as
    what was looked at (:func:`split_long_subject`) is not said either where it repeats what the
    field already says (``said``): the repeat would be dropped and leave the claim without its
    subject ("This score is reliable ..." after the topic "This study looked at de novo Assembly
    Quality Evaluation Tool.", bmc s12864-019-6070-x). ``people`` (a review's simple explanation): the
    people a long sentence ends on may be said apart (:func:`split_people_tail`); the arm a claim was
    compared with is, on every page (:func:`split_compared_tail`)."""
    out: list[str] = []
    texts = [plainer(t, realiser.tagger, simple=True) for t in texts]
    # (27 h27se: a review's "There is low quality evidence that X" said as "X may ...")
    certainty = any(CERTAINTY_SAID.search(t) for t in texts)
    texts = [evidence_claim(t, realiser.spacy_model, certainty) for t in texts]
    # (28 h28se: the results' hedge said on the claim, as key findings say it since round 23)
    texts = [_hedged_on_claim(t, texts, realiser.spacy_model) for t in texts]
    looked_at = True  # once a page: "The researchers looked at" twice reads as a list (bmc s12896-019-0509-7)
    for i, text in enumerate(texts):
        pieces = shorten_sentence(
            text, realiser, max_words, looked_at=looked_at, people=people, compared=True
        )
        others = texts[:i] + texts[i + 1 :]
        if len(pieces) > 1 and _said_apart(pieces[-1], text, texts[i + 1 : i + 2], [*said, *others]):
            # (the sentence shortened as it was before the people or arm split: "the use of" still goes)
            pieces = shorten_sentence(text, realiser, max_words, looked_at=looked_at)
        split_off = pieces[0].startswith(_LOOKED_AT_START) and not text.startswith(_LOOKED_AT_START)
        if split_off:
            others = [*said, *others]
        if len(pieces) > 1 and any(
            _restated(piece, others + out + pieces[:j] + pieces[j + 1 :]) for j, piece in enumerate(pieces)
        ):
            # "..., change to a lactose-free diet may result in A and reduce treatment failure"
            # before "Lactose-free products probably reduce treatment failure by around a half.":
            # "It may reduce treatment failure." would be dropped as a repeat (fields.py's dedupe),
            # and with it the result that says how much; so would "The observations show that X
            # leads to B." after "The observations show that X leads to A."
            pieces = [text]
        elif split_off:
            looked_at = False
        out += pieces
    return out


# 28 (h28se): a simple explanation's "The results suggest that X is Y" says "X may be Y" (hedged_claim,
# the key findings' rule since round 23): the hedge stays on the claim, four or five words go, two of
# them long ("The results suggest that the FGF14b N-terminus is a potent regulator of resurgent NaV
# current ..." -> "The FGF14b N-terminus may be a potent regulator ...", elife_dev eLife.04193). The
# researchers' own proposal too ("The researchers propose that X acts as Y" -> "X may act as Y"): the
# answer step chose it as what was found. Never where the bare claim would say again what another
# sentence of the field says (the topic's question "This study asked if X ...": the dedupe would drop
# the answer, as fields.Writer._hedged keeps a key finding framed, eLife.05124).
# The simple explanation's frames also name the work itself ("This study suggests that", "This review
# suggests that", "The evidence suggests that"): the topic or the review's size says whose work it is.
_WORK_SUGGESTS = re.compile(
    r"^(?:The|This) (?:current |available )?(?:study|review|work|analysis|evidence) "
    r"(?:suggests|suggested|indicates|indicated) that,? (?P<claim>\S.+)$"
)


def _hedged_on_claim(text: str, texts: list[str], model: str | None) -> str:
    hedged = hedged_claim(text, model)
    work = _WORK_SUGGESTS.match(text)
    if hedged == text and work and model and _safe_start(work.group("claim")):
        hedged = _hedge_on(rw.capitalize_first(work.group("claim")), model) or text
    if hedged == text or _restated(hedged, [t for t in texts if t != text]):
        return text
    if _SHORT_FORM.search(_MODAL_SPLIT.split(hedged, maxsplit=1)[0]):
        # a short form in the subject is written out after the fields are chosen, its number read from
        # the verb after it: "symptom-based WAP are" became "written action plans (WAPs) are", but "WAP
        # may be" became "written action plan (WAP) may be" (cochrane CD005306.pub2)
        return text
    return hedged


_SHORT_FORM = re.compile(r"\b[A-Z]{2,}s?\b")
_MODAL_SPLIT = re.compile(r" (?:may|might|could) ")  # the subject ends at the claim's hedge


# 26 (h26se): a sentence that points back ("This may be so, but it is not yet proven.", "This result
# may change as more studies are done.") after the people said apart would point at them (cochrane
# CD006379.pub3); people another sentence of the field names ("... in people having non-cardiac
# surgery" said by the next result, CD010726.pub2; "children with non-specific cough", CD005604.pub3)
# need no sentence of their own.
_POINTS_BACK = re.compile(r"^(?:This|These|That|Those|It|They|Its|Their|Such|Both|Neither)\b")
_PEOPLE_STOP = frozenset({"in", "with", "who", "are", "is", "the", "a", "an", "of", "and", "or", "to", "at"})


def _said_apart(piece: str, text: str, following: list[str], others: list[str]) -> bool:
    """``piece`` is the people of ``text`` (:func:`split_people_tail`) or the arm its claim was compared
    with (:func:`split_compared_tail`) said apart where that would mislead or repeat: before a sentence
    that points back ("This was compared with placebo. This may be so, but ..."), or naming people
    another of ``others`` names (every word of theirs but the preposition and the people noun: "having
    non-cardiac surgery")."""
    if piece.startswith(COMPARED_TAIL_START) and not text.startswith(COMPARED_TAIL_START):
        return any(_POINTS_BACK.match(f) for f in following)
    if not (piece.startswith(PEOPLE_TAIL_START) and not text.startswith(PEOPLE_TAIL_START)):
        return False
    if any(_POINTS_BACK.match(f) for f in following):
        return True
    words = {w for w in re.findall(r"[\w'-]+", piece[len(PEOPLE_TAIL_START) :].lower())} - _PEOPLE_STOP
    named = {w for w in words if not PEOPLE_NOUNS.fullmatch(w)} or words
    return any(named <= set(re.findall(r"[\w'-]+", o.lower())) for o in others)


def _restated(piece: str, others: list[str]) -> bool:
    """``piece`` is a near-repeat of one of ``others`` by the simple explanation's own dedupe
    (fields.similar), which would drop it."""
    from pipeline.draft.composer.fields import similar  # fields imports this module

    return any(similar(piece, o) for o in others)


# The topic's question said with "if" (composer 14's topic.asked): shortened as its "whether" wording,
# which the parser reads as one question ("This study in zebrafish asked if ferritinophagy through
# NCOA4 is needed for erythropoiesis and is controlled by ..." was split into "... for
# erythropoiesis. It is controlled by ...", the question's second half said as a fact: elife_dev
# eLife.10308).
_ASKED_IF = re.compile(r"^(This [^.]*? (?:asked|will test)) if ")
_ASKED_WHETHER = re.compile(r"^(This [^.]*? (?:asked|will test)) whether ")


def shorten_sentence(
    text: str,
    realiser: Realiser,
    max_words: int,
    looked_at: bool = False,
    people: bool = False,
    compared: bool = False,
) -> list[str]:
    """``text`` without its claim-free parts, split at clause boundaries while longer
    than ``max_words``; ``[text]`` when no split keeps every piece a sentence and every hedge over
    what it framed. ``looked_at`` (the simple explanation only, :func:`shorten`): a long noun-phrase
    subject may be said as what the researchers looked at (:func:`split_long_subject`); a key finding
    or the research summary says what was found or done, never a sentence of what was looked at."""
    if rw.word_count(text) <= max_words:
        return [text]
    if _ASKED_IF.match(text):
        pieces = shorten_sentence(
            _ASKED_IF.sub(r"\1 whether ", text, count=1), realiser, max_words, looked_at, people, compared
        )
        return [_ASKED_WHETHER.sub(r"\1 if ", p, count=1) for p in pieces]
    text = unframed(text, realiser.tagger)
    if rw.word_count(text) <= max_words:
        return [text]
    model = realiser.spacy_model
    if model:  # claim-free parts first: framing, method phrases, examples (composer/compress.py)
        # 20 (h20bmcse): the unsafe rules are skipped, not the whole compression they took part in
        text = compress(text, model, max_words, realiser.tagger, skip=_UNSAFE_CUTS).text
        if rw.word_count(text) <= max_words:
            return [text]
    parts = restructure(text, model, split_above=max_words) if model else (text,)
    if model and len(parts) == 1:
        parts = tuple(
            split_shared_subject(text, model)
            or split_comma_splice(text, model)
            or split_two_claims(text)
            or split_two_objects(text, model)
            or split_and_clause(text, model, realiser.tagger)
            or split_participle_tail(text, model)
            or (split_compared_tail(text, model) if compared else None)
            or (split_means_tail(text, model) if compared else None)
            or (split_people_tail(text, model) if people else None)
            or (split_long_subject(text, model) if looked_at else None)
            or parts
        )
    pieces = [_clean(p) for part in parts for p in split_clauses(part, max_words, realiser.tagger)]
    if len(pieces) == 1:
        pieces = _split_but(text)
    if len(pieces) == 1:
        return [text]
    if not all(reads_as_sentence(p, realiser.tagger) and rw.word_count(p) >= 4 for p in pieces):
        return [text]
    if any(_RELATIVE.search(p) for p in pieces[:-1]):
        return [text]  # "countries, where A is high, and B is common": the "and" goes on the relative clause
    for before, piece in zip(pieces, pieces[1:], strict=False):
        # (the arm said apart is no claim the frame covered: "This was compared with ...")
        if (
            _FRAME.search(before)
            and not is_hedged(piece)
            and not piece.startswith(("But ", COMPARED_TAIL_START))
        ):
            return [text]  # "suggest that A, whereas B": B is suggested too, keep them together
    return pieces


# A report frame that adds words but no hedge: "The data show that X" says X ("suggest that" is a
# hedge and stays); the claim after it is said on its own.
_REPORT_FRAME = re.compile(
    r"^(?:(?:Overall|Together|Taken together|In summary|In conclusion),? )?"
    # 20 (h20cochse): "In this Cochrane review the researchers found that X" (cochrane CD009308) says X
    r"(?:In this (?:Cochrane |systematic |updated )?(?:review|study|analysis),? )?(?:the |these |this |our )?"
    r"(?:current |available |present |pooled |main |overall )?(?:evidence|review|results?|data|findings|"
    r"analys[ie]s|study|trial|experiments?|work|researchers|review authors|authors)(?: (?:from|of|in) (?:this|the) "
    r"(?:review|study|trial|analysis))? (?:shows?|showed|has shown|have shown|demonstrates?|demonstrated|"
    r"has demonstrated|have demonstrated|reveals?|revealed|found|finds?|"
    # 20 (h20bmcse): "The researchers conclude that X" says X in a long sentence, as compress's report
    # frame reads it (a hedge of the claim is the claim's own and stays with it)
    r"conclude|concludes|concluded) that (?P<claim>\S.+)$",
    re.I,
)
# 26 (h26coch): "Thus, a more objective conclusion would state that available evidence is insufficient to show
# whether nitrates ..." (cochrane mine CD010726.pub2, the answer said with its frame): the conclusion itself
_CONCLUSION_FRAME = re.compile(
    r"^(?:(?:Thus|Therefore|Hence|So),? )?(?:a|the) (?:more |most )?(?:[\w-]+ )?conclusion (?:would|should|could|"
    r"might|may|can) (?:state|be|read) that (?P<claim>\S.+)$",
    re.I,
)
# "the use of X" after a word that takes X itself: "to support the use of X" says "to support X",
# "to recommend the use of vitamin B therapy" says "to recommend vitamin B therapy" (19, cochrane
# CD009403.pub2).
_USE_OF = re.compile(
    r"\b(support|supports|supporting|supported|from|favou?r|favou?rs|against|for|recommend|recommends|recommending|"
    r"recommended|refute|refutes) the use of (?=[a-z])"  # 19: "to recommend the use of X" is "to recommend X"
)


# 26 (h26kf): a report frame over two claims ("We show that A, and that B") said without the frame is
# the two claims, each a sentence ("A. B."): "The lack of LPCAT3 leads to drastic drops in membrane
# arachidonate levels, and that LPCAT3-deficient mice are neonatally lethal ..." was no sentence
# (elife_dev eLife.06328, a key finding at 296cca4; eLife.06421 and eLife.07090 too).
_SECOND_THAT = re.compile(r",? and that,? (?=\S)")


def frame_claims(claim: str) -> str:
    """The claim of a dropped report frame, a second "and that" claim said as a sentence of its own
    (``"A, and that B."`` -> ``"A. B."``), or joined by "and" where it would not start a sentence
    (a name in lower case, a short piece); ``claim`` itself when it has no second "that" or more."""
    parts = _SECOND_THAT.split(claim)
    if len(parts) != 2 or rw._open_brackets(parts[0]) or re.search(r"\bthat\b", parts[0]):
        return claim  # "propose that A, and that B": the frame is still said, B is under it
    left, right = parts
    if rw.word_count(left) >= 4 and rw.word_count(right) >= 4 and _safe_start(right):
        return f"{_clean(left)} {_clean(right)}"
    return f"{left.rstrip(' ,')}, and {right}"


def unframed(text: str, tagger: Callable[[str], bool] | None = None) -> str:
    """``text`` without a report frame that adds no hedge ("The current evidence shows that X" ->
    "X") and with "the use of X" said as "X" after "support", "from", "for" ("no evidence to
    support the use of any cream" -> "no evidence to support any cream"); ``text`` itself when the
    claim would not read as a sentence. Negations, hedges and numbers are never in what goes."""
    m = _REPORT_FRAME.match(text) or _CONCLUSION_FRAME.match(text)
    if m and not is_hedged(text[: m.start("claim")]):
        claim = _clean(frame_claims(m.group("claim")))
        if reads_as_sentence(claim, tagger) and rw.word_count(claim) >= 4:
            text = claim
    return _USE_OF.sub(_use_of, text)


# 20 (h20cochse): "the use of X" before a purpose ("... does not support the use of thyroid hormones in
# preterm infants to reduce neonatal mortality ...", cochrane CD001070) stays: "support thyroid hormones
# ... to reduce" reads as if the hormones were supported, and "using X" is a method phrase compress cuts
_PURPOSE_AFTER = re.compile(
    r"[^,;.()]{1,80}?\s(?:in order )?to (?:reduce|improve|prevent|treat|increase|decrease|control|relieve|"
    r"manage|promote|protect|maintain|induce|enhance|lower|shorten|avoid|aid|help|stop|speed|lessen|ease)\b"
)


def _use_of(m: re.Match[str]) -> str:
    verb = m.group(1)
    if verb.lower().startswith(("support", "recommend")) and _PURPOSE_AFTER.match(m.string, m.end()):
        return m.group(0)
    return f"{verb} "


def _shared_than(left: Span, right: Span) -> bool:
    """ "PDT appears more effective and has a better cosmetic outcome than cryotherapy" (cochrane
    CD004415): the first verb's comparative takes the second's "than"; split, "PDT appears more
    effective." says more effective than nothing."""
    return (
        any(t.tag_ in ("JJR", "RBR") for t in left)
        and not any(t.lower_ == "than" for t in left)
        and any(t.lower_ == "than" for t in right)
    )


def split_shared_subject(text: str, model: str, sure: bool = False) -> list[str] | None:
    """ "Two trials were analysed for mortality and were not found to yield any benefit." ->
    "Two trials were analysed for mortality. They were not found to yield any benefit.": two
    verbs of one subject, the second with its own finite verb or auxiliary, or a bare verb under
    the first one's modal, said again with it ("X may result in A and reduce B" -> "... It may
    reduce B.", so a shared "may" is never cut from a verb it governs; a shared "did not" keeps the
    sentence whole), the subject said again as "They" or "It" (never "It" for a person). None when
    the parse shows no such pair. ``sure`` (a chosen key finding, 26 h26kf): only where the second
    verb's form cannot be read otherwise (:func:`_surely_second_verb`)."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subject is None:
        return None
    # "X may result in A and reduce B": the modal governs both verbs, so the second is said with it
    # ("It may reduce B"), never as proven; a negated first verb keeps the sentence whole
    modal = next((c for c in root.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < root.i), None)
    negated = any(c.dep_ == "neg" for c in root.children)
    for conj in root.children:
        shared = (
            modal is not None
            and not negated
            and conj.tag_ == "VB"
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in conj.children)
            and _verb_word(conj.lower_)  # "treatment of phosphatase and tensin ...": a name, not a verb
        )
        # "Duplicated genes account for 41.7% of them and play a part in ...": the tagger reads the
        # second present-tense verb of a plural subject as a bare verb (VB); after a root in the
        # present plural (VBP, no auxiliary, no negation) that form is the same finite verb. Not after
        # ", and" (a frame the source had may have been its subject: "We show that X exert ..., and
        # propose ...", elife_dev eLife.04415) and never "be" (its present plural is "are")
        plural_present = (
            root.tag_ == "VBP"
            and modal is None
            and not negated
            and conj.tag_ == "VB"
            and conj.lemma_ != "be"
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in conj.children)
            and _verb_word(conj.lower_)
            and doc[conj.left_edge.i - 2].text != ","
        )
        if (
            conj.dep_ != "conj"
            or conj.pos_ not in ("VERB", "AUX")
            or not (_finite(conj) or shared or plural_present)
        ):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue  # a clause of its own: restructure's coordination split
        cc = doc[conj.left_edge.i - 1] if conj.left_edge.i > root.i + 1 else None
        if cc is not None and any(
            c.dep_ == "dobj" and c.lemma_ == doc[cc.i - 1].lemma_ and c.pos_ == "NOUN" for c in conj.children
        ):
            # "studied in J82 cells and immortalized normal UROtsa cells": two parallel noun phrases,
            # the participle of the second read as a verb ("It immortalized ...")
            continue
        if cc is None or cc.dep_ != "cc" or cc.lower_ != "and" or conj.right_edge.i < len(doc) - 2:
            continue
        commas = sum(t.text == "," for t in doc[root.i : cc.i])
        if any(c.dep_ == "conj" and c.i < conj.i for c in root.children) or commas > 1:
            continue  # a list ("lacked A, B, and had C"): its items stay together
        if doc[cc.i - 1].tag_ in ("IN", "TO", "DT", "CC"):
            continue  # "have shown the potential of and illuminated X": the object is shared
        if doc[conj.left_edge.i].pos_ == "ADP":
            # "X in the former group was 21% and in the latter group was 25%": a comparison whose
            # second half opens with where it holds ("It in the latter group was 25%." is no sentence)
            continue
        if _shared_than(doc[root.i : cc.i], doc[cc.i :]):
            continue
        if sure and not _surely_second_verb(doc, root, conj, cc):
            return None
        pronoun = _pronoun(subject, conj)
        if pronoun is None:
            return None
        left = doc[: cc.i].text.rstrip(" ,")
        right = f"{pronoun} {doc[conj.left_edge.i :].text}"
        if shared and modal is not None:
            right = f"{pronoun} {modal.text} {doc[conj.left_edge.i :].text}"
        elif _copula_participle(root, conj):
            # "X may be as effective as Y and linked to fewer side effects": the participle is said
            # with the copula it shares ("They may be linked to ..."), never as a past tense that drops
            # the "may" ("They linked to fewer side effects.", cochrane CD008891.pub3)
            be = " ".join(c.text for c in root.children if c.dep_ == "aux" and c.i < root.i)
            right = f"{pronoun} {f'{be} ' if be else ''}{root.text} {doc[conj.left_edge.i :].text}"
        if rw.word_count(left) < 5 or rw.word_count(right) < 4:
            return None
        return [_clean(left), _clean(right)]
    return None


def _surely_second_verb(doc: Doc, root: Token, conj: Token, cc: Token) -> bool:
    """26 (h26kf): the second verb of a shared subject is surely one, so a key finding may say it
    after "It"/"They" (``fields._PUT_IN_SUBJECT`` refuses a subject the shortener put in, since the
    parse misreads a participle or a noun as the verb). Sure: a present verb of the root's own number
    ("Each mutation deleted >80% of the coding sequence, and almost certainly led to null function",
    bmc 1741-7007-5-15; "The hybrid formation in trans amplifies ... and broadens ...", elife_dev
    eLife.00505), its own auxiliary or modal, or the root's modal shared; a past tense only after a
    past-tense root that is not passive. Never a past form after a passive or present root ("was seen
    in different tissues and found in Hox proteins", eLife.06034: "It found in ..."; "Mutant muscle
    shows a persistent potassium leak and disrupted expression of ...", eLife.02923), a past form
    before a bare noun or adjective ("... on the higher plus maze and forced novelty exploration
    tests", bmc 1471-2202-6-30: "forced" names the test), a present verb of the other number
    ("TBC1D15 ... governs autophagosome biogenesis and shape downstream of ...", eLife.01612), nor
    where the first verb ends its half with nothing after it ("the researchers efficiently integrated
    and eased ...", bmc s13036-019-0218-8)."""
    if doc[cc.i - 1].i == root.i or (doc[cc.i - 1].tag_ == "RB" and doc[cc.i - 2].i == root.i):
        return False
    own = [c for c in conj.children if c.dep_ in ("aux", "auxpass") and c.i < conj.i]
    if own:
        return own[0].tag_ in _FINITE_TAGS
    if conj.tag_ == "VB":
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
    if conj.tag_ in ("VBZ", "VBP"):
        return _number(root) in (None, _number(conj)) and root.tag_ != "VBD"
    if conj.tag_ == "VBD":
        following = doc[conj.i + 1] if conj.i + 1 < len(doc) else None
        return (
            root.tag_ == "VBD"
            and not any(c.dep_ in ("aux", "auxpass") for c in root.children)
            and not (following is not None and following.tag_ in ("NN", "NNS", "NNP", "JJ", "VBN", "VBG"))
        )
    return False


def _copula_participle(root: Token, conj: Token) -> bool:
    """The second verb of "X may be A and linked to B" is a participle under the root's copula: a
    verb form that is also its past participle, with no auxiliary, subject or object of its own, read
    after a copula root that is not negated."""
    from lemminflect import getInflection

    return (
        root.lemma_ == "be"
        and not any(c.dep_ == "neg" for c in root.children)
        and conj.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("aux", "auxpass", "neg", "dobj", "nsubj", "nsubjpass") for c in conj.children)
        and conj.lower_ in getInflection(conj.lemma_, tag="VBN")
    )


# How the second clause of a comma splice starts: a determiner, a number, a pronoun, a noun or its
# adjective (never a verb or an adverb; a list of adjectives is caught by its commas).
_SUBJECT_TAGS = frozenset({"DT", "CD", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "EX", "JJ", "JJR", "JJS"})


def _verb_word(word: str) -> bool:
    """An English verb (lemminflect knows it as one)."""
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


def _verb_only(word: str) -> bool:
    """A word English uses only as a verb ("implicate", "reduced"), never as a noun ("sleep")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return "VERB" in lemmas and "NOUN" not in lemmas


def split_comma_splice(text: str, model: str) -> list[str] | None:
    """ "Sitagliptin and vildagliptin were well tolerated, no severe low blood sugar was reported
    in patients taking them." -> two sentences at the comma: two clauses, each with its own
    subject and finite verb, joined by a comma alone (the source's comma splice). None when the
    first clause is a frame ("that"), a condition ("if", "when") or does not start the sentence."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    for first in root.children:
        if first.dep_ not in ("ccomp", "parataxis") or first.i > root.i or not _finite(first):
            continue
        if first.left_edge.i != 0 or any(t.dep_ == "mark" for t in doc[: first.right_edge.i + 1]):
            continue  # "... find that, as cells are repositioned, their identities change": one sentence
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children):
            continue
        comma = first.right_edge.i + 1
        if comma >= len(doc) or doc[comma].text != ",":
            continue
        subject = next(
            (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < root.i), None
        )
        if subject is None or subject.left_edge.i != comma + 1 or subject.left_edge.tag_ not in _SUBJECT_TAGS:
            continue  # ", double-blind, placebo-controlled trials and two were ...": a list goes on
        if any(t.text == "," for t in doc[comma + 1 : subject.i]):
            continue
        if doc[comma - 1].tag_ in ("IN", "CC", "DT", "TO", "RP", "WDT") or any(
            t.dep_ == "cc" for t in doc[first.i : comma]
        ):
            continue  # "reported POCD, and of these, six studies ...": the comma is inside a phrase
        left, right = doc[:comma].text, doc[comma + 1 :].text
        if rw.word_count(left) < 5 or rw.word_count(right) < 5:
            return None
        return [_clean(left), _clean(right)]
    return None


_AND = re.compile(r",\s+and\s+(?=[a-z])")


def split_and_clause(text: str, model: str, tagger: Callable[[str], bool] | None = None) -> list[str] | None:
    """ "Platelet-rich plasma promotes stem cell growth, and platelet-derived growth factor-BB in
    platelet-rich plasma plays a major role in inducing it." -> two sentences at ", and": the part
    after it, parsed alone, is a clause that starts with its own subject and has its own finite
    verb (the whole sentence's parse often reads a lower-case noun after "and" as an object, so
    restructure's coordination split does not see it); the part before it reads as a sentence and
    opens no relative clause or list the "and" could go on. One ", and" only."""
    found = list(_AND.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    left, right = text[: m.start()], text[m.end() :]
    if rw._open_brackets(left) or _RELATIVE.search(left) or left.count(",") > 0:
        return (
            None  # "A, B, and C were ...": a list; "countries, where A is high, and B ...": a relative clause
        )
    if rw.word_count(left) < 5 or rw.word_count(right) < 5 or _verb_only(right.split(" ", 1)[0]):
        return None  # "..., and implicate X as ...": a second verb of the same subject, no clause
    doc = _parse(rw.capitalize_first(right), model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or doc[0].tag_.startswith("VB"):
        return None  # "..., and reduced B": a second verb of the same subject (split_shared_subject)
    if not _finite(root) and not (
        root.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in root.children)
    ):
        return None  # "Sleep quality improved in ...": a past verb the tagger read as a participle
    subject = next(
        (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < root.i), None
    )
    if subject is None or subject.left_edge.i != 0:
        return None
    pieces = [_clean(left), _clean(right)]
    if not all(reads_as_sentence(p, tagger) for p in pieces):
        return None
    return pieces


# A participle after a comma that says what the whole clause before it shows or causes: said as
# "This <verb>s ..." ("..., leading to weak autoinhibition" -> "This leads to weak autoinhibition.").
# A verb that is a hedge itself is said whatever the clause before it says ("raising the possibility
# that"); the others only after a clause with no hedge, modal or negation ("A may X, leading to B"
# would state B as proven). What "This" points at is the clause before, as in the source.
# 24 (h24kf): a participle after "thereby" / "thus" is what the clause before brings about, whatever its
# verb ("..., thereby promoting survival of leukemic cells", elife_dev eLife.06234); "This" says "thereby".
# ("suggesting" and "indicating" are the clause splitter's: simplify._CLAUSE_POINTS, in the present.)
_TAIL = re.compile(
    r",\s+(?:(?P<so>thereby|thus)\s+)?(?P<verb>leading|resulting|showing|raising|highlighting|confirming|"
    r"implying|revealing|demonstrating|providing|allowing|enabling|causing|(?<=thereby )[a-z]+ing|"
    r"(?<=thus )[a-z]+ing)(?P<rest>\s+\S.*)$"
)
# each verb with the words its object may start with (a participle with another object, "showing
# complex patterns", may be the subject's own act, not what the clause shows)
_ARTICLES = ("a", "an", "the")
_TAIL_LEMMAS = {
    "leading": ("lead", ("to",)),
    "resulting": ("result", ("in",)),
    "showing": ("show", ("that",)),
    "raising": ("raise", ("the possibility that",)),
    "highlighting": ("highlight", _ARTICLES),
    "confirming": ("confirm", ("that",)),
    "implying": ("imply", ("that",)),
    "revealing": ("reveal", ("that", "how", *_ARTICLES)),
    "demonstrating": ("demonstrate", ("that",)),
    "providing": ("provide", ("new", "evidence", "insight", "insights", *_ARTICLES)),
    "allowing": ("allow", ("for", *_ARTICLES)),
    "enabling": ("enable", _ARTICLES),
    "causing": ("cause", _ARTICLES),
}
# ... and after "thereby" / "thus" only: what the clause before brings about, any object
_SO_VERBS = frozenset(
    "reducing increasing decreasing preventing limiting improving promoting blocking defining making creating".split()
)
# a second participle joined to the first ("..., leading to A and suggesting that B", eLife.06119)
_SECOND_PARTICIPLE = re.compile(r"\b(?:and|or|but)\s+(?:thus\s+|thereby\s+)?[a-z]+ing\b")
# verbs whose own meaning is a hedge: the piece they start says the claim as uncertain
_TAIL_HEDGES = frozenset({"raise", "imply"})


def split_participle_tail(text: str, model: str) -> list[str] | None:
    """ "Rabex-5CC assumes an amphipathic helix which binds weakly to the GEF domain, leading to weak
    autoinhibition of the GEF activity." -> "... to the GEF domain. This leads to weak
    autoinhibition of the GEF activity." (elife_dev eLife.03036): a trailing participle of a
    reviewed list after a comma, said as "This" with the tense of the clause before (its root verb:
    "binds" -> "leads", "was" -> "led"). None when that clause is hedged, negated or has a modal
    and the participle is no hedge of its own (B would be stated as proven), when its tense is not
    plain, or when either side would not read as a sentence."""
    m = _TAIL.search(text)
    if m is None:
        return None
    verb = m.group("verb")
    rest = m.group("rest").strip()
    if verb in _TAIL_LEMMAS:
        lemma, objects = _TAIL_LEMMAS[verb]
        if not any(rest.startswith(o + " ") for o in objects):
            return None
    elif m.group("so") and verb in _SO_VERBS:
        lemma = _lemma(verb)
    else:
        return None
    left = text[: m.start()]
    if rw._open_brackets(left) or rw.word_count(left) < 6 or rw.word_count(rest) < 3:
        return None
    if _SECOND_PARTICIPLE.search(rest):
        return (
            None  # "leading to A and suggesting that B": "This leads to A and suggesting ..." is no English
        )
    if lemma not in _TAIL_HEDGES and (is_hedged(left) or _NEGATED.search(left)):
        return None
    doc = _parse(left, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if any(a.tag_ == "MD" for a in auxes) and lemma not in _TAIL_HEDGES:
        return None  # "X can change Y, leading to Z": Z is as uncertain as the "can"
    first = auxes[0] if auxes else root
    if first.tag_ == "VBD" or first.lower_ in ("was", "were", "had", "did"):
        tag = "VBD"
    elif first.tag_ in ("VBZ", "VBP") or first.lower_ in ("is", "are", "has", "have", "does", "do"):
        tag = "VBZ"
    else:
        return None
    verb = _inflect(lemma, tag)
    if verb is None:
        return None
    pieces = [_clean(left), _clean(f"This {verb} {rest}")]
    if not all(reads_as_sentence(p) for p in pieces):
        return None
    return pieces


# 24 (h24se): a long noun-phrase subject said as what the researchers looked at, the claim said of it
# with "This"/"These" and its head noun ("The researchers looked at rubber dam usage in dental direct
# restorative treatments. This usage may lead to ...", cochrane CD009858.pub2). Never a subject that is
# itself a count, a share or a frame ("No studies", "The proportion of", "The evidence"), an effect or an
# abstract noun ("the use of", "the nature of": the page says what it is about, not "This use"), a
# comparison ("Fewer people in X"), or one with a hedge, a negation or a comma of its own.
_SUBJECT_QUANTIFIERS = frozenset(
    {"no", "all", "some", "most", "many", "few", "several", "each", "every", "both", "either", "neither",
     "any", "only", "more", "fewer", "less", "none", "other", "such", "another", "much"}
)  # fmt: skip
_SUBJECT_NOT_HEADS = frozenset(
    {"evidence", "data", "result", "results", "finding", "findings", "study", "studies", "trial", "trials",
     "review", "reviews", "analysis", "analyses", "researchers", "authors", "work", "experiment",
     "experiments", "paper", "report", "fraction", "proportion", "number", "majority", "minority", "half",
     "part", "amount", "percentage", "lot", "range", "total", "presence", "use", "addition", "application",
     "administration", "effect", "effects", "impact", "role", "way", "kind", "type", "types", "lack",
     "absence", "combination", "comparison", "group", "groups", "research", "literature", "information",
     "nature", "extent", "degree", "fact", "reason", "aim", "purpose", "need", "possibility", "risk", "success",
     "importance", "potential", "paucity", "subset", "discovery",
     # (lead, after the merge) a measure or a mass that names nothing without its "of" phrase: "This body
     # does not support ..." (cochrane eval CD008366, "The body of evidence"), "This length ranged from 1 to
     # 24 months" (CD007284, "The length of follow-up"), "This reduction does not outweigh ..." (CD003480)
     "body", "length", "duration", "size", "level", "levels", "rate", "rates", "reduction", "increase",
     "decrease", "change", "changes", "difference", "quality", "frequency", "incidence", "prevalence"}
)  # fmt: skip
_SUBJECT_MIN_WORDS = 5
_COMMON_ZIPF = 2.5  # a subject's first word this common is no name
_LOOKED_AT = "The researchers looked at {subject}."
_LOOKED_AT_START = _LOOKED_AT.split("{", 1)[0]


def split_long_subject(text: str, model: str) -> list[str] | None:
    """ "Video-assisted thoracic surgery resection for solitary pulmonary nodules after computed
    tomography-guided hook wire localization is safe." -> "The researchers looked at video-assisted
    thoracic surgery resection for ... localization. This resection is safe.": a subject of at least
    ``_SUBJECT_MIN_WORDS`` words that opens the sentence, whose head is a plain common noun, said as
    what was looked at; the rest said of "This"/"These" and that noun, so no pronoun can point at the
    researchers. The verb must agree with the head noun's number. None when the parse shows no such
    subject (see ``_SUBJECT_QUANTIFIERS``, ``_SUBJECT_NOT_HEADS``)."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    # never a passive's subject: what the researchers made or chose ("A predictive model with 89.6%
    # accuracy was found using 6 ... genes", bmc s12920-019-0566-8) is no thing they looked at
    head = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if head is None or head.pos_ != "NOUN" or not (head.text.isalpha() and head.text.islower()):
        return None
    if any(c.dep_ == "auxpass" for c in root.children):
        return None
    if head.left_edge.i != 0 or head.lower_ in _SUBJECT_NOT_HEADS or doc[0].lower_ in ("a", "an"):
        # "looked at a marked paucity of X", "a similar mechanism" (elife_dev eLife.05224, .10518): what
        # the sentence brings in is no thing looked at
        return None
    if head.i and doc[head.i - 1].text == "-":
        return None  # "Whole-body in vivo treatment": the parser's head is part of a word ("This body")
    if any(c.dep_ in ("conj", "cc", "appos") for c in head.children):
        return None  # "A or B", "X, namely Y": more than one thing
    if any(t.pos_ in ("ADP", "VERB", "ADV", "CCONJ") for t in doc[: head.i]):
        # the head the parser found sits inside a phrase ("The coupling of X closer to Y"), or is one
        # of two ("Sitagliptin and vildagliptin therapy": "This therapy" would be one)
        return None
    if any(
        c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in root.children
    ):
        return None  # "The average age ... was 46.5 years, and 51.5% were men": "This age" is one clause's
    end = head.right_edge.i + 1
    if any(
        t.head.i != root.i or t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[end : root.i]
    ):
        return None
    subject, rest = doc[:end], doc[end:]
    if rw.word_count(subject.text) < _SUBJECT_MIN_WORDS or rw.word_count(rest.text) < 4:
        return None
    if doc[0].lower_ in _SUBJECT_QUANTIFIERS or doc[0].pos_ in ("NUM", "ADV"):
        return None
    if any(
        t.dep_ in ("advcl", "acl") and t.i < head.i or t.lower_ in ("when", "while", "if") for t in subject
    ):
        return None  # "Tranexamic acid when given into a vein": the condition belongs to the claim
    if is_hedged(subject.text) or any(
        t.lower_ in _NEGATION or t.tag_ in ("JJR", "RBR", "MD") or t.text in (",", ";", ":") for t in subject
    ):
        return None
    plural = head.tag_ == "NNS"
    if _number(root) not in (None, "plural" if plural else "singular"):
        return None  # "Delayed antibiotics ... was not shown": the head is not what the verb agrees with
    first = subject.text
    word = first.split(" ", 1)[0]
    part = word.split("-", 1)[0]
    if part[:1].isupper() and part[1:].islower() and part.isalpha():
        # "The", "Rubber dam usage", "Whole-body": a common word said in lower case; a capital that may
        # be a name ("Misfolded", "Shugoshin-like", elife_dev eLife.01883, .01133) keeps the sentence whole
        if zipf(part.lower()) < _COMMON_ZIPF:
            return None
        first = first[0].lower() + first[1:]  # "NTHi", "ALK5-mediated" stay as written
    pieces = [
        _clean(_LOOKED_AT.format(subject=first)),
        _clean(f"{'These' if plural else 'This'} {head.text} {rest.text}"),
    ]
    if not all(reads_as_sentence(p) for p in pieces):
        return None
    return pieces


# 26 (h26se): the people a claim is about, said in a sentence of their own when they end a long one:
# "Adding antiplatelet therapy, either dipyridamole or low-dose aspirin, to oral anticoagulation
# decreases the risk of ... or death among patients with prosthetic heart valves." -> "... decreases
# the risk of ... or death. This was in patients with prosthetic heart valves." (cochrane
# CD003464.pub2), the wording the topic's place or people take (fields.split_topic, topic_parts
# "where"). "This was in" says where the claim was found, whatever the sentence before it said (a
# result, a lack of evidence, a hedge), never that the studies took no one else: a subgroup stays one. The answer carried about half of a review's simple-explanation syllables in
# 20.7-word sentences (h26se's breakdown); 27 of the mine half's long answers end on such people.
_PEOPLE_TAIL = "This was in {people}."
PEOPLE_TAIL_START = _PEOPLE_TAIL.split("{", 1)[0]
# what a verdict's effects were of, and the "on" that says what they were on (never "add-on")
_TAIL_EFFECT_OF = re.compile(r"\b(?:effects?|impact|influence) of\b", re.I)
_ON = re.compile(r"(?<!-)\bon\b(?!-)")
_PEOPLE_PREPS = frozenset({"in", "among"})  # not "for": "the results of these traits for individuals"
# people, never "individuals" or "subjects" (eLife.04490's individual plants): a review's answer is about
# people its studies took; a primary study's "in adults" may set one of its results against another
# ("... during childhood and adolescence and an approximately maintained stem cell population in adults",
# elife_dev eLife.08687), so only a review's simple explanation splits so (fields.py, ``shorten(people=)``)
PEOPLE_NOUNS = re.compile(alternation(IN_TAILS), re.I)
# what limits the claim to these people or sets them against others: the tail is the claim's own
_PEOPLE_LIMITED = frozenset(
    {
        "not",
        "but",
        "except",
        "only",
        "and",
        "or",
        "than",
        "especially",
        "particularly",
        "mainly",
        "even",
        "notably",
        "including",
        "excluding",
        "both",
        "either",
        "nor",
        "unlike",
    }
)
# a time, dose or count inside the tail belongs to the claim ("people receiving radiotherapy to the
# head and neck in the short- to medium-term", CD012744): the tail stays
_PEOPLE_TAIL_CLAIM = re.compile(
    r"\d|\b(?:short|long|medium)(?:-| |- )term\b|\b(?:days?|weeks?|months?|years?|hours?)\b|"
    r"\b(?:compared|versus|vs|than|who (?:did|do|does|were|was) not)\b",
    re.I,
)


def _finite_clause(text: str, model: str) -> tuple[Doc, Token, int] | None:
    """``text`` parsed, its root (a finite verb) and its last word's index before the end punctuation;
    None when its root is no finite verb (the tail splits below need a main clause to keep)."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _finite(root):
        return None
    last = len(doc) - 1
    while last >= 0 and doc[last].is_punct:
        last -= 1
    return doc, root, last


def split_people_tail(text: str, model: str) -> list[str] | None:
    """ "X decreases the risk of Y among patients with prosthetic heart valves." -> "X decreases the
    risk of Y. This was in patients with prosthetic heart valves.": a phrase "in/among/for
    <people ...>" that ends the sentence after its main verb, said in a sentence of its own
    (``_PEOPLE_TAIL``). Never people the sentence points back at ("the patients", "these women"),
    a count ("38 women"), a tail led by a word that limits or contrasts ("but not in", "only in",
    "especially in"), one with a time, dose or comparison in it, nor a tail inside the subject
    ("The use of anti-histamines in children with non-specific cough has to be ..."). None when no
    such tail, or when what is left does not read as a sentence of at least six words."""
    parsed = _finite_clause(text, model)
    if parsed is None:
        return None
    doc, root, last = parsed
    for prep in doc:
        if prep.lower_ not in _PEOPLE_PREPS or prep.dep_ != "prep" or prep.i <= root.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.right_edge.i != last or not PEOPLE_NOUNS.fullmatch(obj.text):
            continue
        if obj.tag_ not in ("NNS", "NNPS") and obj.lower_ != "people":
            continue  # "a woman": one person is no group the claim applies to
        people = doc[prep.i + 1 : last + 1]
        if any(t.dep_ in ("det", "poss", "nummod") or t.like_num for t in people if t.i < obj.i):
            continue  # "the patients", "their children", "38 women": people said before
        if any(t.text in (",", ";", ":", "(", ")") for t in people) or _PEOPLE_TAIL_CLAIM.search(people.text):
            continue
        before = doc[prep.i - 1]
        if before.lower_ in _PEOPLE_LIMITED or before.is_punct:
            continue
        head = doc[: prep.i].text
        if rw.word_count(head) < 6:
            continue
        effect_of = _TAIL_EFFECT_OF.search(head)
        if effect_of and not _ON.search(head, effect_of.end()) and _ON.search(people.text):
            # 28 (lead, read of seed 388): "the comparative effects of giving propofol ... in participants
            # undergoing PS in the ED setting on adverse effects and participant satisfaction" (cochrane
            # eval CD007399.pub2): the tail's "on ..." is what the effects were on, not the people's;
            # split, it said "This was in people undergoing PS in the ED setting on side effects ..."
            continue
        pieces = [_clean(head), _clean(_PEOPLE_TAIL.format(people=people.text))]
        if not all(reads_as_sentence(p) for p in pieces):
            continue
        return pieces
    return None


# 27 (h27se): the arm a long answer's claim was compared with, said in a sentence of its own after the
# claim: "Catgut may increase short-term pain compared with synthetic stitches." -> "Catgut may increase
# short-term pain. This was compared with synthetic stitches." (the claim first, with its direction and
# hedge; the comparison after it, the wording of the people said apart above). The answer carried 40-53%
# of the simple explanation's syllables (h26se); "compared with/to" ends 27 long answers of the mine half.
# Only a "compared" that ends the sentence and is no verb of its own ("when a single cycle of double embryo
# transfer is compared with repeated SET" stays), with no number in the arm ("50 to 60% of those treated
# compared to about 15% with placebo": the numbers compare), no comma, "and that", "or that" or "but" in the
# arm, and no "than", "but", "whereas", "while" or ";" in the claim before it ("better visual result than
# ECCE but slightly inferior unaided visual acuity compared to phacoemulsification": "This" would cover
# both halves).
_COMPARED_TAIL = "This was compared {prep} {arm}."
COMPARED_TAIL_START = "This was compared "
_COMPARED_ARM_STOP = re.compile(r"\d|[,;:()]|\b(?:but|that|which|whereas|while|than)\b", re.I)
# ... nor after a negated frame ("This review has not confirmed the perception that subtotal hysterectomy
# offers improved results ...": cochrane CD004993.pub3, the comparison is the perception's), nor a word
# that needs both arms in its own sentence ("no clear difference in total deaths ... for angiotensin
# receptor blockers", CD009096.pub2; "a superiority in benefit of high-potency perphenazine", CD009369.pub2;
# "too limited to allow conclusions ... on either its benefit or safety", CD009901.pub3), nor inside a
# "how" clause ("the researchers show how marine isolates are more enriched with nonribosomal peptides
# compared to the other Virgibacillus species", bmc s12864-019-6065-7)
_COMPARED_CLAIM_STOP = re.compile(
    r"[;:]|\b(?:than|but|whereas|while|versus|vs|how)\b|^This was\b|\b(?:not|no)\b.*\bthat\b|"
    r"\b(?:differ\w*|similar\w*|superior\w*|inferior\w*|equivalen\w*|comparable|conclu\w*|advantage)\b",
    re.I,
)
_BE_HAVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"})


def split_compared_tail(text: str, model: str) -> list[str] | None:
    """ "X may increase Y compared with Z." -> "X may increase Y. This was compared with Z." (see
    above); None when the sentence does not end on such a comparison or what is left does not read as a
    sentence of at least six words."""
    parsed = _finite_clause(text, model)
    if parsed is None:
        return None
    doc, root, last = parsed
    for word in doc:
        if word.lower_ != "compared" or word.i <= root.i or word.tag_ not in ("VBN", "VBD", "IN"):
            continue
        if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in word.children):
            continue  # "when X is compared with Y": a verb with its own subject
        if word.i > 0 and doc[word.i - 1].lower_ in _BE_HAVE:
            continue
        prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
        if prep is None or prep.i != word.i + 1 or prep.right_edge.i != last:
            continue
        arm = doc[prep.i + 1 : last + 1]
        if not arm.text or _COMPARED_ARM_STOP.search(arm.text):
            continue
        start = word.i
        if start > 0 and doc[start - 1].lower_ in ("when", "as"):
            start -= 1
        head = doc[:start].text.rstrip(" ,")
        if rw.word_count(head) < 6 or _COMPARED_CLAIM_STOP.search(head) or rw._open_brackets(head):
            continue
        pieces = [_clean(head), _clean(_COMPARED_TAIL.format(prep=prep.lower_, arm=arm.text))]
        if not all(reads_as_sentence(p) for p in pieces):
            continue
        return pieces
    return None


# 27 (h27se): how a claim works ("by <verb>ing ...") said after the claim, the way eLife digests say it:
# "TrAP weakens the transcriptional gene silencing of the viral chromatin by inhibiting KYP activity ..."
# -> "TrAP weakens the transcriptional gene silencing of the viral chromatin. TrAP does this by inhibiting
# KYP activity ..." (elife_dev eLife.06671). The subject is "It"/"They" where no noun of the claim's
# object could take that pronoun, else said again where it is short (five words at most); the verb
# "do" takes the claim's tense and modal ("can generate ... by binding" -> "They can do this by binding",
# "has improved ... by evolving" -> "has done this by evolving"), so a hedge covers the means too. Only a
# "by" phrase that ends the sentence and hangs on the main verb or its object (never inside a relative
# clause: "intermediates that could compromise cell growth by stimulating autophagy", eLife.03779), after
# a subject that opens the sentence; never a negated or passive verb. 16 long eLife answers have one.
_MEANS_TAIL = "{subject} {do} this by {means}."
_MEANS_PATH_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "acomp", "oprd"})


def split_means_tail(text: str, model: str) -> list[str] | None:
    """ "X does Y by Zing W." -> "X does Y. X does this by Zing W." (see above); None where no such
    tail, or where the subject can be neither said again nor pointed at."""
    parsed = _finite_clause(text, model)
    if parsed is None or parsed[1].pos_ != "VERB":
        return None
    doc, root, last = parsed
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.dep_ != "nsubj" or subject.left_edge.i != 0:
        return None
    if any(c.dep_ in ("neg", "auxpass") for c in root.children):
        return None
    by = next((t for t in doc if t.lower_ == "by" and t.dep_ == "prep" and t.i > root.i), None)
    if by is None or by.right_edge.i != last:
        return None
    if not any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in by.children):
        return None
    head = by.head
    while head.i != root.i:  # the object's own phrases only: no verb of a relative clause between
        # (a gerund object is a noun here: "weakens the transcriptional gene silencing of ...")
        if head.dep_ not in _MEANS_PATH_DEPS or (
            head.pos_ in ("VERB", "AUX") and head.dep_ not in ("dobj", "pobj")
        ):
            return None
        head = head.head
    auxes = [c for c in root.children if c.dep_ == "aux" and c.i < root.i]
    if len(auxes) > 1:
        return None
    if auxes and auxes[0].tag_ == "MD":
        do = f"{auxes[0].lower_} do"
    elif auxes and auxes[0].lower_ in ("has", "have", "had") and root.tag_ == "VBN":
        do = f"{auxes[0].lower_} done"
    elif auxes:
        return None  # "is binding", "did show"
    else:
        do = {"VBZ": "does", "VBP": "do", "VBD": "did"}.get(root.tag_, "")
        if not do:
            return None
    if any(t.lower_ in ("that", "whether", "how", "if") for t in doc[: by.i]):
        return None  # "The results show that X mediate Y by ...": the parser may hang "by" on the frame
    subject_words = doc[: subject.right_edge.i + 1].text
    said = _pronoun(subject, root) or ""
    agrees = ("NN", "NNP") if said == "It" else ("NNS", "NNPS")
    if not said or any(t.tag_ in agrees for t in doc[root.i + 1 : by.i]):
        # "It" could be the object's noun: the subject said again where it is short
        if rw.word_count(subject_words) > 5 or _POINTING_SUBJECT.match(subject_words):
            return None
        said = subject_words
    claim = doc[: by.i].text.rstrip(" ,")
    means = doc[by.i + 1 : last + 1].text
    if rw.word_count(claim) < 6 or rw._open_brackets(claim) or rw._open_brackets(means):
        return None
    pieces = [_clean(claim), _clean(_MEANS_TAIL.format(subject=said, do=do, means=means))]
    if not all(reads_as_sentence(p) for p in pieces):
        return None
    return pieces


# "The results suggest that A, and that B": a report frame over two claims.
_TWO_THAT = re.compile(
    r"^(?P<subject>[A-Z][^,;:()]{2,60}?) (?P<verb>suggests?|suggested|shows?|showed|indicates?|indicated|"
    r"demonstrates?|demonstrated|reveals?|revealed|found|finds?|confirms?|confirmed) that (?P<first>[^;]+?),? "
    r"and that (?P<second>[^;]+)$"
)


def split_two_claims(text: str) -> list[str] | None:
    """ "This study suggests that several gene loci control arthritis, and that one of these loci
    coincides with pregnancy failure." -> "This study suggests that several gene loci control
    arthritis. This study also suggests that one of these loci coincides with pregnancy
    failure.": the frame is said again over the second claim, so its hedge ("suggests") stays on
    both. None when the text is not one frame over two "that" clauses."""
    m = _TWO_THAT.match(text)
    if m is None or rw._open_brackets(m.group("first")):
        return None
    subject, verb = m.group("subject"), m.group("verb")
    left = f"{subject} {verb} that {m.group('first')}"
    right = f"{subject} also {verb} that {m.group('second')}"
    return [_clean(left), _clean(right)]


# What may join two objects of one verb: the verb is said again over the second ("X leads to A and
# B" -> "X leads to A. X also leads to B."), with the subject repeated, never a pronoun.
_OBJECT_DEPS = frozenset({"dobj", "attr", "pobj"})


def split_two_objects(text: str, model: str) -> list[str] | None:
    """ "The observations show that pendrin dysfunction leads to a loss of KCNJ10 protein
    expression and a loss of the endocochlear potential." -> "... leads to a loss of KCNJ10
    protein expression. Pendrin dysfunction also leads to a loss of the endocochlear potential."
    (a report frame or a fronted adverbial is said again: "The observations show that pendrin
    dysfunction also leads to ..."): two objects of one verb, the second a noun phrase of its own
    running to the end, the subject short enough to say again (a pronoun could point at the first
    object), the verb's auxiliaries ("may", "was") kept. None for a negated verb ("did not improve
    A and B": "also did not" is not plain), a list ("A, B and C"), or no such pair."""
    doc = _parse(text, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    verbs = [root] + [
        c for c in root.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
    ]
    for verb in reversed(verbs):
        if (
            verb.pos_ not in ("VERB", "AUX")
            or not _finite(verb)
            or any(c.dep_ == "neg" for c in verb.children)
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subject is None or subject.pos_ == "PRON" or subject.right_edge.i - subject.left_edge.i > 4:
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
        preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i]
        objects += [o for p in preps[:1] for o in p.children if o.dep_ == "pobj"]
        for obj in objects:
            conjs = [c for c in obj.children if c.dep_ == "conj"]
            if len(conjs) != 1 or conjs[0].pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(c.dep_ in ("prep", "acl", "relcl") for c in obj.children):
                continue  # "molecular cloning and expression patterns of the gene": "of" may be shared
            if any(c.dep_ == "preconj" for c in obj.children) or doc[obj.left_edge.i].lower_ in (
                "both",
                "either",
            ):
                continue  # "both A and B" is one claim
            second = conjs[0]
            cc = doc[second.left_edge.i - 1] if second.left_edge.i > obj.i else None
            if cc is None or cc.lower_ != "and" or any(t.text == "," for t in doc[obj.i : cc.i]):
                continue  # "A, B and C" is a list, "A or B" one choice
            if second.lemma_ != obj.lemma_ and not doc[cc.i - 1].like_num:
                # "segregation of mutations and the T-DNA insert": the second may be the first's
                # "of" object; only "a loss of A and a loss of B" or "a sensitivity of 0.68 and a
                # specificity of 0.95" are surely two objects
                continue
            if second.right_edge.i < len(doc) - 2 or second.right_edge.i - second.left_edge.i < 2:
                continue  # the second object runs to the end and is a phrase, not one word
            if any(t.dep_ == "neg" or t.lower_ in ("not", "no", "never") for t in doc[: cc.i]):
                continue  # a negation anywhere before: its scope over the second object is unclear
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
            between = doc[verb.i + 1 : obj.left_edge.i].text  # "to" of "leads to", a particle
            # a report frame ("The observations show that") or a fronted adverbial ("For abdominal
            # trauma,") is said again: the second claim holds under it too
            frame = doc[: subject.left_edge.i].text
            said = _lower_plain(doc[subject.left_edge.i : subject.right_edge.i + 1].text)
            also = " ".join([a.text for a in auxes[:1]] + ["also"] + [a.text for a in auxes[1:]])
            if verb.pos_ == "AUX" and not auxes:  # "X is A and B" -> "X is also B"
                head = f"{verb.text} also"
            else:
                head = f"{also} {verb.text}"
            right = " ".join(x for x in (frame, said, head, between, doc[second.left_edge.i :].text) if x)
            left = doc[: cc.i].text
            if rw.word_count(left) < 6:
                continue
            return [_clean(left), _clean(right)]
    return None


def _lower_plain(text: str) -> str:
    """A sentence's first word lower-cased where it is a plain word ("Pendrin" stays a name only
    when it is one elsewhere: "The" -> "the", "KCNJ10" stays)."""
    first = text.split(" ", 1)[0]
    if first.isalpha() and first[:1].isupper() and first[1:].islower() and first.lower() in _DETERMINERS:
        return text[0].lower() + text[1:]
    return text


_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "a", "an", "its", "their", "each", "both"})


_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "advmod", "predet"})


def _pronoun(subject: Token, verb: Token | None = None) -> str | None:
    """ "They" for a plural subject, "It" for a singular thing; None for one person ("The
    patient"). The number is the subject's own verb's where it shows one ("was", "varies",
    "were"), else the noun's (a plural noun, or nouns joined by "and"), and ``verb`` (the second
    verb, or its first auxiliary) must agree with it: "The balance of small and large footprints
    varies by codon and is linked to ..." is "It is linked", never "They is linked" (the "and"
    inside "of small and large footprints" joins no subjects), and "Mifepristone plus misoprostol
    was ..." is "It"."""
    if subject.lower_ in ("they", "it", "he", "she"):
        return subject.text.capitalize()
    # the subject's own words: its modifiers and what follows it ("In young children ..., change to
    # a diet" parsed as one phrase names no person)
    start = min([subject.i] + [c.i for c in subject.children if c.dep_ in _MODIFIERS and c.i < subject.i])
    words = subject.doc[start : subject.right_edge.i + 1].text
    nounish = subject.tag_ in ("NN", "NNP", "NNS", "NNPS") or (
        subject.dep_ == "nsubj" and subject.tag_ in ("VBG", "VBP")  # "change to a diet may ...": a thing
    )
    if not nounish:
        return None
    number = _number(subject.head) if subject.head.pos_ in ("VERB", "AUX") else None
    if number is None:
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        number = "plural" if plural else "singular"
    if verb is not None and _number(verb) not in (None, number):
        return None
    if number == "plural":
        return "They"
    return None if PERSON.search(words) else "It"


def _number(verb: Token) -> str | None:
    """ "singular" or "plural" where ``verb`` (or its first auxiliary) shows its subject's number."""
    first = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    if first.tag_ == "VBZ" or first.lower_ == "was":
        return "singular"
    if first.tag_ == "VBP" or first.lower_ == "were":
        return "plural"
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


# After "but", a condition or a phrase, not a clause: "only when ...", "even if ...", "in mice".
_CONDITION_START = re.compile(
    r"(?:(?:only|even|not|also|just|mainly|mostly|especially)\s+)*(?:when|if|after|before|because|although|"
    r"though|while|unless|until|once|since|as|in|for|with|without|at|on|by|under|during|among|from|to)\b",
    re.I,
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
    if _CONDITION_START.match(right):
        return [text]  # "..., but only when predators reduced herbivore loads": a condition, no clause
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


# ---------------------------------------------------------------------------------------------
# Plainer words: what an editor drops from a lay headline, said the short way
# ---------------------------------------------------------------------------------------------

# A report frame with no hedge over a claim: "The researchers show that X", "NMR data show that X",
# "This study shows that X" say X. Never "suggest", "propose", "predict", "argue" (hedges, kept),
# nor a review's "The review found that" (Cochrane's own wording); the claim stands alone.
_PLAIN_FRAME = re.compile(
    r"^(?:The researchers|This (?:study|work|analysis)|The (?:(?:pooled|combined) )?(?:results?|data|findings|"
    r"observations|experiments|analys[ie]s)|(?:[A-Z][\w-]* )?(?:data|experiments|simulations|analys[ie]s|studies|measurements|"
    r"observations)) (?:(?:further|also|now|here|then) )?(?:(?:has|have) )?(?:show|shows|showed|shown|find|finds|"
    r"found|demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|confirm|confirms|confirmed)"
    r"(?:, \w+ly,)? that,? (?P<claim>\S.+)$"
)
# "X was found to reduce Y" -> "X reduced Y", "were shown to be" -> "were".
_FOUND_TO = re.compile(
    r"\b(?P<aux>is|are|was|were) (?:(?:also|further|consistently) )?(?:found|shown|observed|demonstrated|noted|"
    r"seen|confirmed) to (?P<verb>[a-z]+)\b"
)
_FOUND_TO_TAGS = {"is": "VBZ", "are": "VBP", "was": "VBD", "were": "VBD"}
# "It was observed that X" -> "X".
_IT_THAT = re.compile(
    r"^It (?:was|has been|is) (?:also )?(?:found|observed|shown|noted|demonstrated|seen|confirmed) that,? "
)
# "significantly higher" -> "higher", "a significant reduction in" -> "a reduction in": the result is
# said with its direction; a sentence with a negation keeps it ("no significant difference" is not
# "no difference", and "did not significantly change" is not "did not change").
# Only a noun that says the direction: "domains with significant effect sizes" is not "domains with
# effect sizes" (cochrane CD007502.pub2), nor are "significant differences" just "differences".
_DIRECTION_NOUNS = r"(?:increases?|decreases?|reductions?|improvements?|declines?|rises?|gains?)"
_SIGNIFICANT = re.compile(
    r"\b(?:statistically )?significantly (?=[a-z])"
    rf"|\b(?:statistically )?significant (?=(?:[a-z]+ )?{_DIRECTION_NOUNS}\b)"
    r"|,? (?:statistically )?significantly(?=[,.;]| (?:in|between|among|after|with|from|for|compared|than|when|"
    r"over|during|across|at|by)\b)"
)
# 19 (h19se): a difference that was not statistically significant said as lay reviews say it, with
# what differed as the subject: "There was no statistically significant difference in death rate
# between the vaccine and placebo groups" -> "The death rate did not clearly differ between the vaccine
# and placebo groups" (cochrane CD001269 ...); "were not significantly different" -> "did not clearly
# differ"; elsewhere "no significant difference(s)/effect" -> "no clear difference(s)/effect". What
# differed must be one noun phrase with no verb, clause or "or" in it, and the groups compared stay.
# 20 (h20kf): "There was no (clear) evidence of a difference in X between A and B" is said the same way
# ("Rates of multiple pregnancy did not clearly differ between the groups.", cochrane CD002118), and
# "no evidence of an effect" is "no clear effect".
_DIFFER_X = r"(?P<x>[a-z][^;:]*?)"
_NO_DIFFERENCE = re.compile(
    r"^There (?:was|were) (?P<neg>no|a) (?:(?<=no )(?:clear |good |strong |convincing )?evidence (?:of|for) "
    r"(?:an? |any )?(?:(?:statistically )?significant )?|(?:statistically )?significant )differences? "
    r"(?:(?P<pre>(?:between|among) [^,;()]+?) )?(?:in|for) "
    + _DIFFER_X
    + r"(?P<rest>(?: (?:between|among)\b[^,;]*)?)\.$"
)
_NOT_DIFFERENT = re.compile(
    r"\b(?:(?:was|were) not (?:statistically )?significantly different|did not (?:statistically )?significantly "
    r"differ|did not differ (?:statistically )?significantly)\b"
)
_NO_SIGNIFICANT = re.compile(
    r"\b(?P<no>[Nn]o|not an?|not (?:\w+ )?any) (?:(?P<ev>(?:clear |good |strong |convincing )?evidence (?:of|for) "
    r"(?:an? |any )?(?:(?:statistically )?significant )?)|(?:statistically )?significant )"
    r"(?P<noun>differences?|effects?|benefits?|changes?)\b"
)
# "no evidence of a difference" is "no clear difference" only where what is said is found or seen ("There
# was", "found", "showed"): "The only trial provides no evidence of benefit" is not "provides no clear
# benefit" (cochrane CD004591)
_SEEN_NO = re.compile(
    r"(?:\b[Tt]here (?:is|was|were|are)|\b(?:found|finds?|showed|shows?|reported|reports?|observed|saw|noted)) $"
)
# "did not clearly differ" says the result only for one thing measured, never a clause or a choice
_DIFFER_NOT_X = re.compile(
    r"\b(?:was|were|is|are|be|been|had|has|have|but|which|who|that|although|while|whereas|or|nor|when|how|"
    r"whether|than|not|no)\b|,\s*(?:and|but)\b"
)
# a count or measure said with its article ("The death rate", "The number of ..."); a mass noun
# ("Survival at 6 months", "Treatment failure") or a plural needs none
_NEEDS_THE = re.compile(
    r"^(?:[a-z-]+ )?(?:rate|risk|number|length|duration|incidence|proportion|percentage|level|score|frequency|"
    r"severity|mean|need|amount|time|use|rate of \w+)\b(?! (?:was|were))"
)


# "resulted in a reduction in X" -> "reduced X": a reviewed table of effect nouns and their verbs.
_NOMINAL_VERBS = {
    "increase": "increase",
    "rise": "increase",
    "decrease": "decrease",
    "reduction": "reduce",
    "decline": "reduce",
    "improvement": "improve",
}
_LED_TO = re.compile(
    r"\b(?P<verb>resulted|results|result|resulting|led|leads|lead|leading) (?:in|to) (?:a |an )?"
    r"(?:(?:statistically )?significant )?(?P<noun>increase|rise|decrease|reduction|decline|improvement) "
    r"(?:in|of) (?=[a-z])"
)
_LED_TO_TAGS = {
    "resulted": "VBD",
    "led": "VBD",
    "results": "VBZ",
    "leads": "VBZ",
    "resulting": "VBG",
    "leading": "VBG",
}
# "There was a reduction in X in Y" -> "X fell in Y" (past only; "There is" may state a general fact).
_THERE_WAS = re.compile(
    r"^There (?:was|were) (?:a |an )?(?:(?:statistically )?significant )?(?P<noun>increase|rise|decrease|"
    r"reduction|decline|improvement|fall|drop) in (?P<x>[a-z][^,;()]*?)(?P<rest>(?: (?:in|among|after|with|for|at|"
    r"between|from|over|during|following|compared|when|by|across)\b|[,;]).*|\.)$"
)
_THERE_VERBS = {
    "increase": "rose",
    "rise": "rose",
    "decrease": "fell",
    "reduction": "fell",
    "decline": "fell",
    "fall": "fell",
    "drop": "fell",
    "improvement": "improved",
}
# "The method described in this study will be ...", "The strains developed herein constitute ...": the
# page's own work named again after its noun; "The method will be ..." says the same (the topic
# sentence has said which study). Only before the sentence's verb-like next word, not at its end.
_HEREIN = re.compile(
    r"(?<=[a-z]) (?:described|reported|presented|developed|proposed|introduced|used|obtained|generated|"
    r"identified) (?:in (?:this|the present|the current) (?:study|work|paper|report|article)|here(?:in)?)"
    r"(?= [a-z])"
)
# "... in this cohort." at the end: the topic and the who sentence say which people.
_THIS_STUDY_TAIL = re.compile(
    r",? in (?:this|the present|the current|our) (?:study|cohort|population|sample|trial|series|setting)(?=\.$)"
)
# A negation anywhere: its scope over what a rule changes is not checked, so the rules that drop a
# word leave the sentence as it is.
_NEGATED = compile_gated(r"\b(?:" + "|".join(sorted(_NEGATION - {"only"})) + r"|non|fail\w*)\b|n't\b", re.I)
_IDENTIFIER = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*\d)[\w-]+")


def plainer(
    text: str,
    tagger: Callable[[str], bool] | None = None,
    finding: bool = False,
    simple: bool = False,
    keep_frame: bool = False,
) -> str:
    """``text`` said in fewer words where a rule is sure it says the same: a report frame with no
    hedge dropped ("The researchers show that X" -> "X"), "was found to reduce" -> "reduced", "It
    was observed that X" -> "X", "significantly"/"statistically significant" left out of a result
    stated with its direction (never in a sentence with a negation), "resulted in a reduction in X"
    -> "reduced X", "There was an increase in X in Y" -> "X rose in Y", a closing "in this cohort"
    dropped, "There was no significant difference in X between A and B" -> "X did not clearly differ
    between A and B" and "no significant effect" -> "no clear effect" (19). Each rewrite must keep every number, identifier, negation and hedge and read as a
    sentence, or it is not made. ``finding``: a key finding also says an effect noun as its
    direction (:data:`_FINDING_RULES`, 20); ``simple``: the simple explanation (:func:`shorten`)
    does too (:data:`_SIMPLE_RULES`, 22). The key findings' frame drop where the tagger misreads the
    claim's verb (:func:`_claim_clause`) is not the simple explanation's: on elife_dev it took
    "The researchers show that" off 5 answers, the grade fell on 3 and rose on 2 (the frame's words
    are short), and each claim was a sentence the measures' tagger reads as verbless (22, h22se).
    ``keep_frame``: the report frame stays (it says whose result: "Two studies showed that X") and
    every other rule is made (25, h25kf)."""
    out = text
    for rule in _PLAIN_RULES + (_FINDING_RULES if finding else _SIMPLE_RULES if simple else ()):
        if keep_frame and rule is _drop_frame:
            continue
        candidate = rule(out)
        if candidate != out:
            candidate = _clean(rw.fix_articles(candidate))
            if (
                _keeps_claim(out, candidate)
                and (
                    reads_as_sentence(candidate, tagger)
                    or (finding and rule is _drop_frame and _claim_clause(out, candidate, tagger))
                )
                and rw.word_count(candidate) >= 4
            ):
                out = candidate
    return out


def _claim_clause(framed: str, claim: str, tagger: Callable[[str], bool] | None) -> bool:
    """21 (h21kf): the claim of a report frame ("The researchers show that X") is a clause by its
    grammar: where the tagger misreads its verb ("BAG-1 heterozygosity in mice impairs C-Raf
    oncogene-induced lung adenoma growth.", bmc 1471-2407-4-85, "impairs" read as a noun) but reads the
    framed sentence as one, a key finding says the claim, unless nothing in it could be a finite verb."""
    return is_sentence(framed, tagger) and is_sentence(claim) and has_finite_verb(claim) is not False


def _keeps_claim(old: str, new: str) -> bool:
    """``new`` has ``old``'s numbers, identifiers, negations and hedges, each as often (the claim
    words compression keeps, :func:`~pipeline.draft.composer.compress._claim_tokens`, and the
    identifiers)."""

    def claim(text: str) -> list[str]:
        # "There was no difference in X" -> "X did not clearly differ" (19): one negation for another
        return sorted(["not" if w == "no" else w for w in _claim_tokens(text)] + _IDENTIFIER.findall(text))

    return claim(old) == claim(new)


def _safe_start(claim: str) -> bool:
    """The claim's first word may start the sentence with a capital: a word that already has one,
    a name whose case the capital leaves alone ("hTpx2", "vi-HMM"), or a common English word
    (never "mr-s", a gene, as "Mr-s")."""
    first = claim.split(" ", 1)[0].strip(",;:")
    if not first[:1].islower():
        return True
    if rw.capitalize_first(first) == first:
        return True
    if first.isalpha():
        return zipf(first) >= 1.5  # "undifferentiated", "xylose"; not "cubilin" (a gene's product)
    parts = first.split("-")
    return all(p.isalpha() and len(p) >= 3 and zipf(p) >= 3 for p in parts)  # "bio-impedance", not "mr-s"


def _drop_frame(text: str) -> str:
    m = _PLAIN_FRAME.match(text)
    if m is None or is_hedged(text[: m.start("claim")]) or not _safe_start(m.group("claim")):
        return text
    return frame_claims(m.group("claim"))


def _found_to(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        verb = m.group("verb")
        if verb == "be":
            return m.group("aux") + " "
        if not _verb_word(verb):
            return m.group(0)
        form = _inflect(verb, _FOUND_TO_TAGS[m.group("aux")])
        return form or m.group(0)

    return _FOUND_TO.sub(repl, text).replace("  ", " ")


def _it_that(text: str) -> str:
    m = _IT_THAT.match(text)
    if m is None or not _safe_start(text[m.end() :]):
        return text
    return text[m.end() :]


def _significant(text: str) -> str:
    if _NEGATED.search(text) or " whether " in text:
        return text  # "asked whether X shows significant differences": the title's own claim
    return _SIGNIFICANT.sub("", text)


def _led_to(text: str) -> str:
    negated = _NEGATED.search(text) is not None

    def repl(m: re.Match[str]) -> str:
        if negated and "significant" in m.group(0):
            # "None of the studies led to a significant reduction in harm" is not "... reduced harm"
            return m.group(0)
        base = _NOMINAL_VERBS[m.group("noun")]
        tag = _LED_TO_TAGS.get(m.group("verb"))
        form = _inflect(base, tag) if tag else base
        return f"{form} " if form else m.group(0)

    return _LED_TO.sub(repl, text)


# 20 (h20kf): "There was an increase in X in Y and a reduction in Z" has a second effect noun that
# "X rose in Y" leaves without a verb ("The use of brace stitches rose in the tranexamic acid group and a
# reduction in the need for laparotomy for bleeding.", cochrane CD012964): said as it was.
_SECOND_EFFECT = re.compile(
    r"\b(?:and|but|or|with) (?:a |an )?(?:(?:statistically )?significant )?(?:increase|rise|decrease|reduction|"
    r"decline|improvement|fall|drop)s? in\b"
)


def _there_was(text: str) -> str:
    m = _THERE_WAS.match(text)
    if (
        m is None
        or _NEGATED.search(text)
        or not _safe_start(m.group("x"))
        or _SECOND_EFFECT.search(m.group("rest"))
    ):
        return text
    rest = m.group("rest")
    return f"{m.group('x')} {_THERE_VERBS[m.group('noun')]}{'' if rest == '.' else rest}"


def _no_difference(text: str) -> str:
    m = _NO_DIFFERENCE.match(text)
    if m is not None:
        x = m.group("x")
        groups = " ".join(g for g in (m.group("pre"), m.group("rest").strip()) if g)
        # the groups compared are said, or "There was no clear difference in X" keeps it a comparison
        if groups and not _DIFFER_NOT_X.search(x) and not _DIFFER_NOT_X.search(groups) and _safe_start(x):
            if _NEEDS_THE.match(x) and not x.startswith(("the ", "a ", "an ")):
                x = "the " + x
            verb = "did not clearly differ" if m.group("neg") == "no" else "clearly differed"
            return rw.capitalize_first(f"{x} {verb} {groups}.")
    text = _NOT_DIFFERENT.sub("did not clearly differ", text)

    def clear(n: re.Match[str]) -> str:
        if n.group("ev") and not _SEEN_NO.search(text[: n.start()]):
            return n.group(0)
        no = n.group("no")
        if no.startswith("not a") and re.search(r"\bThere (?:is|was)\s*$", text[: n.start()]):
            no = "no"  # "There was not a statistically significant effect" -> "There was no clear effect"
        return f"{no} clear {n.group('noun')}"

    return _NO_SIGNIFICANT.sub(clear, text)


def _herein(text: str) -> str:
    return _HEREIN.sub("", text, count=1)


def _this_study_tail(text: str) -> str:
    return _THIS_STUDY_TAIL.sub("", text)


def _lemma(participle: str) -> str:
    from lemminflect import getLemma

    lemmas = getLemma(participle, upos="VERB")
    return lemmas[0] if lemmas else participle


def _inflect(verb: str, tag: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(verb, tag=tag)
    return forms[0] if forms else None


_PLAIN_RULES: tuple[Callable[[str], str], ...] = (
    _herein,  # first: "The data presented here show that X" then loses its frame
    _drop_frame,
    _it_that,
    _found_to,
    _no_difference,  # 19: before "significantly" is dropped beside a direction
    _significant,
    _led_to,
    _there_was,
    _this_study_tail,
)


# 20 (h20kf): a key finding says an effect noun as the direction it names, the way lay summaries
# do: "was linked to a reduction in the risk of air leak" -> "was linked to a lower risk of air leak"
# (cochrane CD000456), "showed a reduction in the rate of new cases of anaemia" (the glossary's
# "incidence") -> "showed fewer new cases of anaemia" (CD003094). Never in a sentence with a negation ("no reduction in the risk of X" is not
# "no lower risk"), never where "significant" is still said beside the noun (a negated sentence kept it).
_EFFECT_DIRECTION = {
    "reduction": ("lower", "fewer"),  # said of a rate or risk, of new cases
    "decrease": ("lower", "fewer"),
    "decline": ("lower", "fewer"),
    "fall": ("lower", "fewer"),
    "drop": ("lower", "fewer"),
    "increase": ("higher", "more"),
    "rise": ("higher", "more"),
}
_EFFECT_OF = re.compile(
    r"\b(?P<art>a|an) (?P<noun>reduction|decrease|decline|fall|drop|increase|rise) in (?:the )?"
    r"(?P<what>risk|rate|rates|odds|likelihood|chance|frequency|proportion|level|levels) of (?=[a-z])"
    r"(?P<cases>new cases of )?"
)


# 25 (h25kf): the effect noun before a measure or a count said as its direction too: "a reduction in
# readmission rates" -> "lower readmission rates" (cochrane CD003573.pub2), "a reduction in acute infective
# breathing flare-ups" -> "fewer acute infective breathing flare-ups" (CD006316.pub3). At most three words
# before the measure or count, none a function word; a measure followed by "of" is _EFFECT_OF's.
_EFFECT_ON = re.compile(
    r"\b(?P<art>a|an) (?P<noun>reduction|decrease|decline|fall|drop|increase|rise) in (?P<the>the )?"
    r"(?P<mod>(?:(?!(?:of|in|for|and|or|with|to|at|by|on|from|the|a|an|their|its|this|these)\b)[a-z-]+ ){0,3})"
    r"(?:(?P<what>risk|rates?|odds|likelihood|chances?|frequency|levels?|scores?)"
    r"|(?P<count>deaths|cases|(?:re)?admissions|infections|episodes|events|falls|visits|"
    r"hospitali[sz]ations|complications|relapses|seizures|attacks|injuries|fractures|flare-ups))\b(?! of\b)"
)


def _effect_direction(text: str) -> str:
    if _NEGATED.search(text):
        return text

    def on(m: re.Match[str]) -> str:
        lower, fewer = _EFFECT_DIRECTION[m.group("noun")]
        if m.group("count"):
            return f"{fewer} {m.group('mod')}{m.group('count')}"
        what = m.group("what")
        # "lower readmission rates", "a lower risk" (a singular measure keeps an article)
        article = "" if what.endswith("s") else "a "
        return f"{article}{lower} {m.group('mod')}{what}"

    text = _EFFECT_ON.sub(on, text)

    def of(m: re.Match[str]) -> str:
        what = m.group("what")
        if m.group("cases") and what == "rate":  # "incidence" said as "rate of new cases" (the glossary)
            return f"{_EFFECT_DIRECTION[m.group('noun')][1]} new cases of "
        adjective = _EFFECT_DIRECTION[m.group("noun")][0]
        article = "" if what.endswith("s") else "a "  # "lower rates of", "lower odds of"
        return f"{article}{adjective} {what} of "

    return _EFFECT_OF.sub(of, text)


# 21 (h21kf): a comparison whose comparative is already said takes "than", the way lay summaries say it:
# "More women in the standard synthetic suture group needed suture removal compared with those in the
# quickly absorbed group" -> "... needed suture removal than those in ..." (cochrane CD000006), "were
# lower in the CMHT group compared with usual care" -> "lower in the CMHT group than in usual care"
# (CD000270: the comparative's own "in"/"with" phrase gives the other arm its preposition). One word and
# two syllables fewer each time. Only a comparative of the same clause (no comma, "and", "but" or "which"
# between), never a superlative ("the highest number ... compared to other genomes"), never where the
# sentence already says "than", and never "compared" as a verb ("Two trials compared X with Y").
_COMPARATIVE = (
    r"more|less|fewer|lower|higher|greater|better|worse|longer|shorter|larger|smaller|faster|slower|"
    r"stronger|weaker|earlier|older|younger|bigger|wider|deeper|heavier|lighter"
)
_COMPARED_WITH = re.compile(
    rf"\b(?P<cmp>{_COMPARATIVE})\b(?P<between>[^,;:()]*?)(?:,? (?:when|as))? compared (?:with|to) (?P<arm>(?=[\w(]))",
    re.I,
)
# the comparative's own phrase before "compared", its last preposition: "in the CMHT group", "with in
# vitro maturation", "after surgery with subtotal hysterectomy" (the "with" phrase)
_ARM_PREPOSITION = re.compile(
    r"\b(?P<prep>in|with|on|among|after|during|at|of|for|to|from|by)\s+(?!(?:vitro|vivo|situ|silico)\b)"
)
# never after a participle ("treated with galantamine", "enriched with", "satisfied with services": the
# verb's own object, not the group) nor a time ("at three months"): then the arm is said alone
_ARM_PREPOSITIONS = frozenset({"in", "with", "on", "among", "after", "during"})
_PARTICIPLE_BEFORE = re.compile(r"\b\w+ed\s+$")
_NOT_ONE_CLAUSE = re.compile(r"\b(?:and|but|or|which|that|who|whereas|while|although|because|than)\b")
_PREPOSITION_FIRST = re.compile(
    r"(?:in|with|on|among|after|during|at|for|from|by|to|of|between|versus|vs)\b(?! (?:vitro|vivo|situ|silico)\b)"
)


_GROUP_ARM = re.compile(r"(?:the |a |an )?(?:[\w-]+ ){0,3}(?:group|groups|arm|arms)\b", re.I)
_GROUP_WORD = re.compile(r"\b(?:group|groups|arm|arms)\b", re.I)


def _than(text: str) -> str:
    if re.search(r"\bthan\b", text, re.I):
        return text

    def repl(m: re.Match[str]) -> str:
        between = m.group("between")
        if _NOT_ONE_CLAUSE.search(between) or re.search(
            r"\b(?:was|were|is|are|be|been|had|has|have)\s*$", between
        ):
            return m.group(0)
        arm = text[m.end("arm") :]
        prep = ""
        own = list(_ARM_PREPOSITION.finditer(between))
        if (
            own
            and own[-1].group("prep") in _ARM_PREPOSITIONS
            and not _PARTICIPLE_BEFORE.search(between[: own[-1].start()])
            and rw.word_count(between[own[-1].end() :]) <= 6
            and not _PREPOSITION_FIRST.match(arm)
            # 26 (lead, read of seed 294): a group compared with a group takes no preposition from a
            # time or condition phrase: "the NNS group had a shorter intestinal transit time during
            # gavage feeding compared to the control group" said "than during the control group" (CD001071)
            and not (_GROUP_ARM.match(arm) and not _GROUP_WORD.search(between[own[-1].end() :]))
        ):
            prep = own[-1].group("prep") + " "
        return f"{m.group('cmp')}{between} than {prep}"

    return _COMPARED_WITH.sub(repl, text)


_FINDING_RULES: tuple[Callable[[str], str], ...] = (_effect_direction, _than)
# 22 (h22se): the simple explanation's answer says an effect noun as its direction too ("linked to a
# reduction in risk of deaths around the time of birth" -> "linked to a lower risk of ...", cochrane
# CD006780.pub3; "an increase in the rate of new cases of perineal pain" -> "more new cases of perineal
# pain", CD010826.pub2): three to six syllables fewer, the same claim
_SIMPLE_RULES: tuple[Callable[[str], str], ...] = (_effect_direction,)


# ---------------------------------------------------------------------------------------------
# Key findings: two clauses said as two sentences of one finding
# ---------------------------------------------------------------------------------------------

# 22 (h22kf): where a key finding joins two clauses that each have their own subject and finite verb
# without a comma, the shortener above does not cut (its split points need one): "X did not differ
# although fewer deaths happened in A" and "Three out of five studies observed A and six out of eight
# studies observed B" (cochrane CD000270, CD000349). Said as "X did not differ. But fewer deaths
# happened in A." and "... A. Six out of eight studies observed B.": each half a sentence with its own
# subject, nothing dropped.
_FINDING_JOINS = re.compile(r",?\s+(?P<j>although|though|even though|whereas|but|and)\s+(?=\S)")
# after "and", a clause opens on its subject; a list item ("and school absenteeism") does not
_CLAUSE_SUBJECT = re.compile(
    r"(?:the|a|an|this|these|those|there|it|they|its|their|all|both|no|none|most|many|some|each|every|few|"
    r"fewer|more|one|two|three|four|five|six|seven|eight|nine|ten|neither|either|only|\d[\d,.]*%?)\s",
    re.I,
)
# before the joiner: the second member of "between/both/either/neither/from ... and", whatever follows
_PAIRED = re.compile(r"\b(?:between|both|either|neither|whether)\b(?!.*[,;])[^,;]*$", re.I)
# before "and": the end of a list ("37, 34"), one to three words after a comma
_LIST_END = re.compile(r",\s+[^,;\s]+(?:\s+[^,;\s]+){0,2}$")
# before "and": a verb inside a that-clause or a relative clause may be the left half's only one ("The
# protein that binds A and the ligand were ...")
_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|when|where|if|whether|because|since|while|whereas|although|though)\b",
    re.I,
)


# 23 (h23kf): the work's own results framed by a hedge verb ("The results suggest that X is Y", and
# "This suggests that X" once fields._results_say has named what it leans on) say the hedge on the claim
# itself, the way lay summaries do: "X may be Y" (present), "X may have been Y" / "X may have V-ed"
# (past), "X may V" (a present verb's base form); a claim that already says "may", "might" or "could" loses
# only the frame. The researchers' own proposal is said the same way ("The researchers propose that X
# acts as Y" -> "X may act as Y"), never what they set out to test ("The researchers hypothesized that
# X may be Y", biolaysumm elife-28652-v1: a hypothesis, not what was found). The hedge stays; four or five words go, two of them long. Only the generic subjects
# (results, data, findings, observations): "Qualitative feedback suggested that ..." says where the claim
# comes from. Never a claim whose main verb has another finite verb joined to it ("X binds A and
# regulates B": the second would keep its tense), a negated or "do"-supported verb, "would", "will",
# "can" or "should" (no hedge of their own: "would be between 31% and 44%" stays framed), nor a claim
# that opens with anything but its subject.
_SUGGEST_FRAME = re.compile(
    r"^(?:(?:Together|Taken together|Overall|Collectively), )?(?:(?:The|These|Our|the|these|our) "
    r"(?:results|data|findings|observations) (?:suggest|suggests|suggested|indicate|indicates|indicated)|"
    r"(?P<proposal>The (?:researchers|authors) (?:propose|proposed|suggest|suggested))) "
    r"that,? (?P<claim>\S.+)$"
)
_HEDGE_MODALS = frozenset({"may", "might", "could"})
_POINTING_SUBJECT = re.compile(r"(?:This|These|That|Those|It|They|Such|Its|Their)\b")


def hedged_claim(text: str, model: str | None, proposal: bool = True) -> str:
    """ "The results suggest that X is Y" -> "X may be Y" (see :data:`_SUGGEST_FRAME`); ``text`` as it
    was where no rule is sure; ``proposal``: "The researchers propose that X" too."""
    m = _SUGGEST_FRAME.match(text)
    if m is None or not model or not _safe_start(m.group("claim")) or (m.group("proposal") and not proposal):
        return text
    return _hedge_on(rw.capitalize_first(m.group("claim")), model) or text


def _hedge_on(claim: str, model: str, modal: str = "may") -> str | None:
    """``claim`` with ``modal`` said on its finite verb: "may" ("is" -> "may be", "reduced" -> "may have
    reduced"), "probably" ("is" -> "is probably", "reduces" -> "probably reduces") or "" (the claim as
    it is); a claim that has "may", "might" or "could" already stays as it is. None where no rule is sure
    (see :data:`_SUGGEST_FRAME`)."""
    if re.search(r"[.!?;:]\s", claim) or _POINTING_SUBJECT.match(claim):
        # a second sentence or clause the frame may cover too; a subject that points back ("this new
        # SETD2-dependent role", elife_dev eLife.02482) leans on what the frame's sentence had before it
        return None
    doc = _parse(claim, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.left_edge.i != 0:
        return None  # "In mice, X ...", "When A, B ...": the claim opens with no subject
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if any(c.dep_ == "neg" for c in root.children) or any(
        c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and c.tag_ in _FINITE_TAGS
        # "participated in A and formed B" -> "may have participated in A and formed B": a past verb
        # joined to a past root reads as its participle where the two forms are one
        and not (root.tag_ == c.tag_ == "VBD" and not auxes and _inflect(c.lemma_, "VBN") == c.lower_)
        for c in root.children
    ):
        return None
    finite = auxes[0] if auxes else root
    if finite.i != subject.right_edge.i + 1 or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in _FINITE_TAGS
        for c in root.children
        if c.dep_ == "conj"
        for a in c.children
    ):
        return None  # "X independently localize ...", "... and are connected": "may" would not reach it
    word = finite.lower_
    if word in _HEDGE_MODALS:
        return _clean(claim)
    if not modal:
        return _clean(claim) if reads_as_sentence(_clean(claim)) else None
    if finite.tag_ == "MD" or word in ("do", "does", "did", "had"):
        return None
    if modal == "probably":
        # "is probably", "has probably shown"; a verb of its own takes it before: "probably reduces"
        if word in ("is", "are", "was", "were") or (word in ("has", "have") and finite is not root):
            said = f"{finite.text} probably"
        elif finite is root and root.tag_ in ("VBZ", "VBP", "VBD") and _verb_word(root.lemma_):
            said = f"probably {finite.text}"
        else:
            return None
    elif word in ("is", "are"):
        said = "may be"
    elif word in ("was", "were"):
        said = "may have been"
    elif word in ("has", "have"):
        said = "may have"
    elif finite is root and root.tag_ in ("VBZ", "VBP") and _verb_word(root.lemma_):
        said = f"may {root.lemma_}"
    elif finite is root and root.tag_ == "VBD" and _verb_word(root.lemma_):
        participle = _inflect(root.lemma_, "VBN")
        if not participle:
            return None
        said = f"may have {participle}"
    else:
        return None
    out = _clean(claim[: finite.idx] + said + claim[finite.idx + len(finite.text) :])
    return out if reads_as_sentence(out) else None


# 27 (h27se): a review's answer framed by how good its evidence is, where the page's certainty sentence
# says that already ("The evidence is weak (low certainty), so new studies may change it."): the claim
# said with the hedge the certainty gives it, the way Cochrane's plain-language summaries say it (low:
# "may", moderate: "probably", high: as it is), and "some" or "limited" evidence as "may" on any page:
# "There is low quality evidence that such interventions may improve some results ..." -> "Such
# interventions may improve some results ..." (cochrane CD007092.pub2); "There is high quality evidence
# that both flexible sigmoidoscopy and faecal occult blood testing reduce colorectal cancer deaths ..."
# -> "Both flexible sigmoidoscopy and faecal occult blood testing reduce ..." before "The evidence for
# this is strong (high certainty)." (CD009259.pub2). Never very low certainty ("may" would say more than
# the review), no evidence, not enough evidence, evidence "of" or "to" something, nor a claim the hedge
# cannot be said on (:func:`_hedge_on`: a negated claim, a second finite verb, "can", "do"); the frame
# stays then. Five words and a long one fewer on 7 pages of the mine half.
_EVIDENCE_FRAME = re.compile(
    r"^(?:There (?:is|was) (?:now )?|(?:This|The) review (?:provides|provided|found) |The researchers found )"
    r"(?:(?P<some>(?:only )?(?:some|limited))|(?:some )?(?P<level>low|moderate|high|'low level')"
    r"(?:[- ](?:quality|certainty))?) evidence that,? (?P<claim>\S.+)$"
)
_EVIDENCE_MODAL = {"low": "may", "'low level'": "may", "moderate": "probably", "high": ""}
# the page's own certainty sentence (templates certainty.*: "(low certainty)", "ranged from low to
# moderate certainty", "(high certainty)")
CERTAINTY_SAID = re.compile(r"\bcertainty\b(?:\)|\.$)")


def evidence_claim(text: str, model: str | None, certainty_said: bool) -> str:
    """ "There is low quality evidence that X improves Y." -> "X may improve Y." where the page says the
    certainty (``certainty_said``) or the evidence was "some"; ``text`` where no rule is sure (see
    :data:`_EVIDENCE_FRAME`)."""
    m = _EVIDENCE_FRAME.match(text)
    if m is None or not model or not _safe_start(m.group("claim")):
        return text
    if re.search(r"\bevidence\b", m.group("claim"), re.I):
        # "There is high-quality evidence that A and low-quality evidence that B": the frame is two
        # levels over two claims (tests/draft/test_composer_lead20.py's CD004002.pub3)
        return text
    if m.group("some"):
        modal = "may"
    elif certainty_said:
        modal = _EVIDENCE_MODAL[m.group("level").lower()]
    else:
        return text
    return _hedge_on(rw.capitalize_first(m.group("claim")), model, modal) or text


def split_finding(text: str, realiser: Realiser) -> list[str] | None:
    """A key finding of two clauses joined without a comma, as two sentences (see above): "although",
    "though" or "but" starts "But ...", "whereas" "In contrast, ...", "and" is dropped. Only where the
    right half opens on its subject (for "and": the tagger reads a determiner, number, noun or
    adjective first and a finite verb within its first ten words, with no relative word before it),
    where the left and the right read as sentences (:func:`reads_as_sentence`, the tagger deciding),
    where the left half is no hedge frame over the right ("suggest that A and B": B would read as
    proven) and no "between/both ... and" pair or that-clause, and where the joiner is the only one
    of its kind (two "and"s: a list). None otherwise."""
    found = [m for m in _FINDING_JOINS.finditer(text) if not rw._open_brackets(text[: m.start()])]
    conceded = [m for m in found if m.group("j") != "and"]
    joined = conceded or found
    if len(joined) != 1:
        return None  # two "and"s: a list or a three-part clause; two concessions
    m = joined[0]
    joiner = m.group("j").lower()
    left, right = text[: m.start()], text[m.end() :]
    if m.group(0).startswith(",") and joiner in ("and", "but"):
        return None  # the shortener's own ", and" and ", but" split points
    if joiner == "and":
        if (
            _PAIRED.search(left)
            or _SUBORDINATE.search(left)
            # "... before 37, 34 and 28 completed weeks of gestation" (cochrane CD008991.pub3): a list's last item
            or _LIST_END.search(left)
            # "the sensitivity was 0% and the specificity was 40% for the diagnosis of ..." (cochrane CD012883):
            # a value before "and" may share the qualifier after the second one
            or re.search(r"\d%?$", left)
            or not _opens_clause(right, realiser, left)
        ):
            return None  # "Studies found that A and B were higher": "B" is the that-clause's, not a clause
    elif _CONDITION_START.match(right) or not (_CLAUSE_SUBJECT.match(right) or right[:1].isupper()):
        return None
    if _FRAME.search(left) and not is_hedged(right):
        return None
    lead = {"and": "", "whereas": "In contrast, "}.get(joiner, "But ")
    pieces = [_clean(left), _clean(lead + right)]
    if rw.word_count(pieces[0]) < 5 or rw.word_count(pieces[1]) < 5:
        return None
    if not all(_reads(p, realiser) for p in pieces):
        return None
    return pieces


_FRAGMENT_START = re.compile(
    r"(?:and|but|or|nor|which|that|who|whose|whereas|while|although|though|because|with|without|to|of|by|"
    r"than|as|compared|including|respectively)\b",
    re.I,
)


def _reads(piece: str, realiser: Realiser) -> bool:
    """:func:`reads_as_sentence`, the tagger deciding also where the word list reads the verb as a
    plural noun ("Loss of Prospero prevents entry into quiescence.": "-ents", elife_dev eLife.03363)."""
    if reads_as_sentence(piece, realiser.tagger):
        return True
    body = piece[4:] if piece.startswith("But ") else piece
    return (
        has_finite_verb(body) is False
        and realiser.spacy_model is not None
        and body[:1].isupper()
        and body.endswith(".")
        and len(body.split()) >= 4
        and not rw._open_brackets(body)
        and not _FRAGMENT_START.match(body)
        and realiser.tagger(body)
    )


_SUBJECT_FIRST = frozenset({"DT", "CD", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "PRP", "PRP$", "EX", "PDT"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


# a passive before "and": the right half may share its auxiliary ("A was induced ... and blood flow
# measured until ...", bmc 1471-2326-6-6: "Blood flow measured until the vessel occluded." is no sentence)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.I)


def _opens_clause(right: str, realiser: Realiser, left: str = "") -> bool:
    """After "and": a subject, then its finite verb within ten words, no relative word or comma
    between ("six out of eight studies observed ...", "cleavage products can trigger ..."); after a
    passive, a verb in "-ed" without its own auxiliary is the passive's participle, not a clause."""
    model = realiser.spacy_model
    if not model:
        return bool(_CLAUSE_SUBJECT.match(right))
    doc = _analysed(right, model, _TAG_PIPES)
    words = [t.text for t in doc]
    tags = [t.tag_ for t in doc]
    if not tags or tags[0] not in _SUBJECT_FIRST or words[0].lower() in ("and", "or"):
        return False
    for i, tag in enumerate(tags[:11]):
        if (
            tag in _RELATIVE_TAGS
            or tag in (",", "VBN")
            or (tag == "IN" and i < len(words) and words[i] == "that")
        ):
            return False  # "blood flow measured until ...": a participle first, its auxiliary shared or none
        if tag in _FINITE_TAGS:
            return i > 0 and not (tag == "VBD" and words[i].endswith("ed") and _PASSIVE.search(left))
    return False
