"""Deletion-based sentence compression on the dependency parse, for key findings and the research summary.

A sentence is shortened only by deleting whole constituents that hold no claim, as in the classic
tree-pruning compressors (Filippova & Strube 2008, "Dependency tree based sentence compression";
Clarke & Lapata 2008, "Global inference for sentence compression: an integer linear programming
approach"): the constraints of the latter are kept as hard rules. A cut never removes the root, its
subject or object (a cut is a run of whole subtrees whose tokens nothing outside depends on), and
never a token that carries the claim: negation ("not", "no", "without"), a hedge ("may", "suggest",
"likely"), a number, a direction or comparison word ("increased", "reduced", "higher", "than"),
"significant" or "only". What is left must still read as a sentence (finite verb, capital, full
stop), or the cut is not made.

Rules, each with the name it has in :data:`RULES`:

- ``lead_frame``: a leading framing adverbial ending in a comma ("Consistent with prior analyses of
  these data,", "Using RNA-seq,", "In this modelling framework,", "Taken together,", a lone "So,"
  or "Ultimately,").
- ``regardless``: "regardless of ..." / "irrespective of ...".
- ``method_phrase``: how it was done: "(by) using X", "by means of X", "as measured by X" (not when
  the sentence compares methods, nor after a verb of effect: "reduced by using an inhibitor" names the cause).
- ``participial_method``: a participle saying how a thing was detected: "compounds detected using
  GC-MS were ..." -> "compounds were ...".
- ``frame_phrase``: "in this study / in the present analysis / within this framework" anywhere.
- ``filler``: adverbs that carry no claim ("also", "then", "additionally", "indeed", "however").
- ``aside``: a bracketed aside with no number (the research summary keeps its statistics).

Only while the sentence is still longer than the field allows (second tier, in this order):

- ``report_frame``: "The researchers conclude that X" -> "X" ("suggest", "indicate" stay: hedges).
- ``comma_participle``: a participle between commas after a noun (", induced by adding KCN ...,").
- ``as_well_as``: "..., as well as Y" after the verb.
- ``examples``: ", such as X, Y and Z" / ", including X and Y" after the verb.
- ``purpose``: a trailing "to compare ..." purpose clause of the main verb.
- ``outcome_list``: the outcomes listed after the first in a result's list of three or more ("no
  differences in A, B, or C" -> "no differences in A").

:func:`states_result` is the companion test the key findings use: a sentence that says what was
done ("Yeast two-hybrid screens were carried out to identify ..."), what a method is ("This method
allows ..."), or what the work could offer ("... will benefit ...") is not a finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pipeline.draft import rewrite as rw
from pipeline.draft.composer import simplify
from pipeline.text.hedges import HEDGE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["RULES", "Compressed", "compress", "split_shared_subject", "states_result"]

# ---------------------------------------------------------------------------------------------
# What a cut may never remove
# ---------------------------------------------------------------------------------------------

_NEGATION = frozenset(
    "not no never nor none neither without cannot n't nothing nobody only lack lacked lacking absent".split()
)
_DIRECTION = re.compile(
    r"^(?:increas|decreas|reduc|rais|rise|rose|risen|fall|fell|declin|improv|worsen|lower|higher|greater|"
    r"less|lesser|more|most|least|fewer|better|worse|best|worst|enhanc|inhibit|suppress|promot|elevat|"
    r"diminish|attenuat|exacerbat|accelerat|delay|prevent|protect|impair|restor|block|activat|induc|"
    r"up-?regulat|down-?regulat|gain|loss|lost|drop|doubl|tripl|halv|exceed|outperform|superior|inferior|"
    r"than|versus|vs|compar|differ(?:s|ed|ing|ences?|ential(?:ly)?)?$|similar|equal|significan|associat|correlat|link|predict|depend|"
    r"independent|effect|benefi|harm|risk|odds|shorter|longer|faster|slower|stronger|weaker|larger|smaller)",
    re.I,
)


def _protected(tok: Token) -> bool:
    """The token carries the claim: negation, hedge, number, direction or comparison."""
    low = tok.lower_
    if low in _NEGATION or tok.dep_ == "neg":
        return True
    if tok.like_num or any(c.isdigit() for c in tok.text):
        return True
    if tok.tag_ in ("JJR", "RBR", "JJS", "RBS"):
        return True
    if (
        low == "different"
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].lower_ in ("from", "between", "in")
    ):
        return True  # "different from": a comparison; "different time points" is not
    return bool(HEDGE.fullmatch(low) or _DIRECTION.match(low))


# ---------------------------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cut:
    rule: str
    start: int  # first token
    end: int  # one past the last token


def _root(doc: Doc) -> Token | None:
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def _closed(doc: Doc, start: int, end: int) -> bool:
    """No token outside [start, end) depends on one inside (the span is whole subtrees), and the span
    holds neither the root nor a protected token."""
    if start >= end:
        return False
    for tok in doc[start:end]:
        if tok.dep_ == "ROOT" or _protected(tok):
            return False
    for tok in doc:
        if (tok.i < start or tok.i >= end) and start <= tok.head.i < end and not tok.is_punct:
            return False
    after = doc[end] if end < len(doc) else None
    if (
        after is not None
        and after.tag_ in ("VBZ", "VBP", "VBD", "VBN", "VBG")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in after.children)
    ):
        return False  # "... of cDNA ends" (a noun tagged as a verb), "... chamber mounted on a microscope"
        # (the deleted noun's modifier): the cut would strand a subjectless verb
    return True


def _with_commas(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The span with the comma before it (", regardless of ...") or, at the start, the one after."""
    if start > 0 and doc[start - 1].text == ",":
        return start - 1, end
    if start == 0 and end < len(doc) and doc[end].text == ",":
        return start, end + 1
    return start, end


def _subtree_span(tok: Token) -> tuple[int, int]:
    sub = list(tok.subtree)
    end = sub[-1].i + 1
    if end - sub[0].i > 1 and sub[-1].dep_ == "cc" and end < len(tok.doc) and not tok.doc[end].is_punct:
        # 24 (h24bmc): an "and" the parse hung on the method joins the clause after it: "were selected
        # using transcriptional analysis and several of them were found ..." (bmc s12934-019-1167-0)
        # was "were selected several of them were found ..."
        end -= 1
    return sub[0].i, end


_COMPARES = re.compile(
    r"\b(?:than|compared|comparison|versus|vs|relative to|outperform\w*|superior|inferior|better|worse)\b",
    re.I,
)

_LEAD_FRAME = re.compile(
    # a connective alone before the comma ("So,", "Ultimately,"): it points back to what the abstract
    # said before, which the field does not say ("So far," is a time and stays)
    r"^(?:(?:ultimately|accordingly|so|(?:more|most) importantly)(?=,|$)|consistent with|in (?:line|keeping|agreement|accordance) with|similar to (?:previous|prior|earlier)|"
    r"(?:by )?using|based on|with the use of|by means of|through (?:the use of )?|via|"
    r"in (?:this|the present|the current|our|their|the researchers'?) (?:[\w-]+ ){0,3}?"
    r"(?:framework|study|analysis|work|paper|report|approach|paradigm|review|investigation)|"
    r"in addition|to (?:our|their|the researchers'?) knowledge|for the first time|here|taken together|"
    r"overall|collectively|in summary|in conclusion|notably|importantly|interestingly|specifically|"
    r"moreover|furthermore|additionally|of note|as expected|as (?:hypothesi[sz]ed|predicted)|"
    r"in this context|in particular|finally|first|second|third|lastly|together|altogether)\b",
    re.I,
)


# A claim that rests on one study says so: never cut as a frame.
ONE_STUDY_BASIS = re.compile(
    r"^(?:based on|according to|from) (?:the (?:results|data) (?:of|from) )?(?:this same|the same|one|a single|"
    r"this|that|one small|a small) (?:study|trial|rct)\b",
    re.I,
)


# The whole text before the comma is how the result was got, not in whom: a domain adverb alone
# ("Behaviorally, knockdown mice displayed ...", bmc 1471-2202-6-30; "Mechanistically,") or the
# assay or analysis it came from ("In the luciferase assays, ...", bmc 1471-213X-6-15; "In
# benchmark analysis, ...", bmc s13015-015-0062-4). Never what limits who or what the result is
# about: a species, cells or tissue, in vivo or in vitro, a subgroup or an adjusted analysis, nor
# "In comprehensive simulations," (bmc s12864-019-6192-1: simulated data, not the people who took part).
_METHOD_LEAD = re.compile(
    r"(?:behaviou?rally|mechanistically|functionally|histologically|biochemically|experimentally|"
    r"computationally|further|in (?:the |these |this |both |all |further |additional )?"
    r"(?:[\w-]+ ){0,2}?(?:assays?|experiments?|screens?|benchmark(?:ing| analys[ie]s| tests?)?|"
    r"analys[ie]s))",
    re.I,
)
_NOT_METHOD_LEAD = re.compile(
    r"\b(?:vivo|vitro|vitro|silico|mice|mouse|rats?|humans?|patients?|people|animals?|cells?|tissues?|"
    r"plants?|yeast|flies|fish|zebrafish|subgroup|sensitivity|adjusted|unadjusted|multivariate|"
    r"multivariable|univariate|stratified|pooled|secondary|post-?hoc|per-protocol|interim|"
    r"exploratory|\d+)\b",
    re.I,
)


def _lead_frame(doc: Doc) -> list[Cut]:
    root = _root(doc)
    if root is None:
        return []
    for comma in (t for t in doc if t.text == "," and 0 < t.i < root.i):
        lead = doc[: comma.i].text
        if ONE_STUDY_BASIS.match(lead):
            return []  # "Based on this same study, X is likely" (cochrane CD009306): one study's word
        method = _METHOD_LEAD.fullmatch(lead) is not None and not _NOT_METHOD_LEAD.search(lead)
        if not method and not _LEAD_FRAME.match(lead):
            continue
        if _closed(doc, 0, comma.i):
            return [Cut("lead_frame", 0, comma.i + 1)]
    return []


_COMPARED_WITH = frozenset("with versus vs against than compared".split())


def _regardless(doc: Doc) -> list[Cut]:
    out = []
    for tok in doc:
        if (
            tok.lower_ in ("regardless", "irrespective")
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].lower_ == "of"
        ):
            start, end = _subtree_span(tok)
            if start != tok.i or end <= tok.i + 2:
                continue  # "regardless of which glass ionomer material was used": the parse hung the
                # clause elsewhere, and the cut would leave it after the groups (25, h25coch: cochrane CD003067.pub4)
            if any(t.lower_ in _COMPARED_WITH for t in doc[start + 2 : end]):
                continue  # "compared X regardless of Y with Z": the parse put the comparison inside it
            if _closed(doc, start, end):
                out.append(Cut("regardless", *_with_commas(doc, start, end)))
    return out


_REPORTERS = re.compile(
    r"^(?:the researchers|the authors|the (?:results|data|findings|analysis|analyses)|these (?:results|data|"
    r"findings)|this (?:study|analysis|review|work)|the (?:study|review|trial))\s+(?:\w+ly\s+|also\s+)?"
    r"(?:found|find|show|shows|showed|demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|observed|"
    r"conclude|concludes|concluded|report|reports|reported|confirm|confirms|confirmed|established|noted)\s+that\s",
    re.I,
)


def _report_frame(doc: Doc) -> list[Cut]:
    """ "The researchers conclude that X ..." -> "X ..." (the frame is not the finding; "suggest" and
    "indicate" are hedges and stay)."""
    m = _REPORTERS.match(doc.text)
    if not m:
        return []
    that = next((t for t in doc if t.lower_ == "that" and t.idx >= m.end() - 6), None)
    if that is None or that.i + 3 >= len(doc):
        return []
    verb = that.head
    if verb.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    if list(verb.subtree)[0].i != that.i or list(verb.subtree)[-1].i < len(doc) - 2:
        return []  # the clause after "that" must run to the end
    if any(_protected(t) for t in doc[: that.i + 1]):
        return []
    return [Cut("report_frame", 0, that.i + 1)]


def _comma_participle(doc: Doc) -> list[Cut]:
    """ "Results from premature lysis, induced by adding KCN at different time points, showed ..." ->
    "Results from premature lysis showed ..." (a participle between commas after a noun)."""
    out = []
    for tok in doc:
        if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBG") or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        start, end = _subtree_span(tok)
        if start != tok.i or end >= len(doc) or doc[end].text != ",":
            continue
        if _closed(doc, start, end):
            out.append(Cut("comma_participle", start - 1, end + 1))
    return out


_METHOD_VERBS = frozenset(
    "detect identify measure assess determine obtain quantify analyse analyze estimate evaluate calculate "
    "observe record collect generate perform conduct confirm validate verify examine investigate test "
    "screen sequence characterize characterise profile map image visualize visualise reveal".split()
)
_HOW = frozenset({"using", "by", "with", "via", "through"})
_EFFECT_VERB = re.compile(
    r"^(?:increas|decreas|reduc|rais|improv|worsen|lower|enhanc|inhibit|suppress|promot|elevat|diminish|"
    r"attenuat|exacerbat|accelerat|delay|prevent|protect|impair|restor|block|activat|induc|cause|caus|"
    r"rescu|abolish|abrogat|alter|affect|modulat|regulat|trigger|stimulat|kill|cure|treat|alleviat|"
    r"ameliorat|mitigat)",
    re.I,
)


# A rank the words after it restrict ("the first using X", "the only one using Y").
_RANKS = frozenset({"first", "only", "last", "second", "third", "one"})


_ONLY_THIS_WAY = frozenset({"alone", "only", "solely", "exclusively"})
_CLAUSE_FRAME = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "punct"})


def _method_is_the_point(doc: Doc, verb: Token, span: tuple[int, int]) -> bool:
    """25 (h25bmc): the method says what the claim is about, and its verb says nothing without it:
    a negated verb or a method said as the only one ("... and could not be identified using
    clinical parameters alone", bmc s40697-015-0090-5, read "... and could not be found."), or a
    relative clause whose verb is all that is left ("networks from the DREAM4 challenge that were
    generated using the gene expression simulator GeneNetWeaver (GNW)", bmc s12918-018-0635-1, read
    "... that were made.")."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if any(t.lower_ in _ONLY_THIS_WAY for t in doc[span[0] : span[1]]):
        return True
    return verb.dep_ == "relcl" and all(
        child.dep_ in _CLAUSE_FRAME or span[0] <= child.i < span[1] for child in verb.children
    )


_LIST_POS = frozenset({"NOUN", "PROPN", "ADJ", "PUNCT", "CCONJ", "DET", "NUM", "X", "SYM"})


def _list_tail_end(doc: Doc, end: int) -> int:
    """Where a method's list ends when the parse hung its last items elsewhere: a comma after the
    span, then only nouns and their words up to the sentence's last mark, with an "and" or "or"
    among them. 25 (h25bmc): "... in Qinchuan cattle using various strategies, including PCR-RFLP
    (Restriction Fragment Length Polymorphism), qPCR (...), TA cloning, DNA sequencing and
    bioinformatics analysis." (bmc s40104-015-0059-3: the parse made "qPCR" an apposition of
    "study", and the summary read "... in Qinchuan cattle, qPCR, TA cloning, ... analysis.")"""
    last = len(doc) - 1 if doc[-1].is_punct else len(doc)
    if end >= last or doc[end].text != ",":
        return end
    tail, depth = doc[end + 1 : last], 0
    for tok in tail:  # inside brackets anything goes: "(Quantitative Real-time quantitative PCR)"
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        elif depth == 0 and tok.pos_ not in _LIST_POS and tok.tag_ != "VBG":
            return end
    return last if any(t.pos_ == "CCONJ" for t in tail) else end


def _method_phrase(doc: Doc) -> list[Cut]:
    if _COMPARES.search(doc.text):
        return []  # "better using X than Y": the method is what is compared
    out = []
    for tok in doc:
        span: tuple[int, int] | None = None
        if tok.lower_ == "using" and tok.tag_ == "VBG":
            if tok.i and (doc[tok.i - 1].lower_ in _RANKS or doc[tok.i - 1].tag_ == "JJS"):
                continue  # 23 (h23bmc): "the first using a taste-salient assay to map ..." (bmc
                # 1471-2156-6-32) is what makes them first: cut, "These studies are the first."
            head = tok.head
            if head.lower_ == "by" and head.dep_ == "prep":
                span, verb = _subtree_span(head), head.head
            elif tok.dep_ in ("advcl", "xcomp", "pcomp", "prep", "acl") and head.pos_ in ("VERB", "AUX"):
                span, verb = _subtree_span(tok), head
            else:
                continue
        elif tok.lower_ == "by" and doc[tok.i + 1 : tok.i + 3].text.lower() == "means of":
            span, verb = _subtree_span(tok), tok.head
        elif tok.lower_ == "as" and tok.dep_ == "mark" and tok.head.tag_ == "VBN":
            if tok.head.lemma_.lower() not in _METHOD_VERBS:
                continue
            span, verb = _subtree_span(tok.head), tok.head.head
            if span[0] != tok.i:
                continue
        else:
            continue
        if (tok.lower_ != "as" and _EFFECT_VERB.match(verb.lower_)) or span[1] - span[0] < 2:
            continue  # "was reduced by using an inhibitor": the inhibitor is the cause
        if _method_is_the_point(doc, verb, span):
            continue
        span = (span[0], _list_tail_end(doc, span[1]))
        if (
            verb.i == span[0] - 1
            and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl"))
            and verb.lemma_.lower() in _METHOD_VERBS
            and doc[verb.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS")
        ):
            span = (verb.i, span[1])  # "acid detected using GC-MS": the participle goes with its method
        if _closed(doc, *span):
            out.append(Cut("method_phrase", *_with_commas(doc, *span)))
    return out


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _participial_method(doc: Doc) -> list[Cut]:
    """ "Twenty compounds detected using GC-MS were ..." (the parse often takes the participle for the
    root, so this rule reads the tags): NOUN + VBN(method) + using/by/with ... up to the finite verb."""
    out = []
    for tok in doc:
        participle = tok.tag_ == "VBN" or (  # the tagger often reads "acid detected using" as a past tense
            tok.tag_ == "VBD"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
        )
        if tok.i == 0 or not participle or tok.lemma_.lower() not in _METHOD_VERBS:
            continue
        before = doc[tok.i - 1]
        if before.tag_ not in ("NN", "NNS", "NNP", "NNPS", ",") or tok.i + 1 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ not in _HOW:
            continue
        end = tok.i + 2
        while end < len(doc) and doc[end].tag_ not in _FINITE_TAGS and doc[end].text not in (",", ".", ";"):
            if doc[end].tag_.startswith("V") and doc[end].tag_ != "VBN":
                break
            end += 1
        if end >= len(doc) or (doc[end].tag_ not in _FINITE_TAGS and doc[end].text not in (",", ".")):
            continue
        start = tok.i
        if before.text == ",":
            if doc[end].text != ",":
                continue
            start, end = tok.i - 1, end  # ", detected using X," -> keep the closing comma out
        if any(_protected(t) for t in doc[start:end]):
            continue
        out.append(Cut("participial_method", start, end))
    return out


_FRAME_NOUNS = frozenset(
    "framework study analysis work paper report approach paradigm review investigation article".split()
)


def _frame_phrase(doc: Doc) -> list[Cut]:
    out = []
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ not in ("in", "within", "under") or tok.i == 0:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _FRAME_NOUNS:
            continue
        dets = [c for c in obj.children if c.dep_ in ("det", "poss")]
        if not dets or dets[0].lower_ not in ("this", "the", "our", "their", "these"):
            continue
        mods = [c for c in obj.children if c.i < obj.i and c.dep_ not in ("det", "poss")]
        if any(m.lower_ not in ("present", "current") for m in mods):
            continue  # "in the original review", "in the pilot study": which work, not a frame
        start, end = _subtree_span(tok)
        if end - start > 6 or any(c.dep_ == "prep" for c in obj.children):
            continue  # "in the analysis of ...": says what was analysed
        if tok.head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.head.children):
            continue  # "the genomes included in this study": the phrase says which ones
        if tok.head.pos_ == "PRON":
            # "airline passengers similar to those in this review" (cochrane CD004002): the phrase
            # says who "those" are
            continue
        if _closed(doc, start, end):
            out.append(Cut("frame_phrase", *_with_commas(doc, start, end)))
    return out


_FILLER = frozenset(
    "also then additionally furthermore moreover indeed subsequently thus therefore hence finally herein "
    "however successfully clearly notably importantly interestingly surprisingly remarkably consequently".split()
)


_JOINING = frozenset("however thus therefore hence consequently".split())


def _clause_follows(doc: Doc, i: int) -> bool:
    """A subject and its verb start at token ``i`` ("their results could ...")."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "csubj") and t.head.i > t.i for t in doc[i : i + 4])


def _finite_both(doc: Doc, start: int, end: int) -> bool:
    """A finite verb before ``doc[start]`` and another after ``doc[end]``: two clauses."""
    finite = simplify._FINITE_TAGS
    return any(t.tag_ in finite for t in doc[:start]) and any(t.tag_ in finite for t in doc[end + 1 :])


def _filler(doc: Doc) -> list[Cut]:
    out = []
    for tok in doc:
        if tok.lower_ not in _FILLER or tok.dep_ not in ("advmod", "cc") or list(tok.children):
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ == "but":
            continue  # "not only A but also B"
        if tok.head.pos_ in ("ADJ", "ADV"):
            continue  # "remarkably different": a degree, not a filler
        if tok.lower_ == "clearly" and tok.i > 0 and doc[tok.i - 1].lower_ in ("not", "n't", "never"):
            continue  # "did not clearly differ" is not "did not differ" (19, cochrane CD006849.pub3)
        start, end = tok.i, tok.i + 1
        left = start > 0 and doc[start - 1].text == ","
        right = end < len(doc) and doc[end].text == ","
        if (
            left
            and right
            and tok.lower_ in _JOINING
            and (_clause_follows(doc, end + 1) or _finite_both(doc, start, end))
        ):
            # "... priorities for breeding this cereal, however, new objectives are arising" (bmc
            # s41065-019-0093-9), "X has high financial costs, therefore, clearly showing its DTA
            # and standardising ... are important" (cochrane CD012883): it joins two clauses, and
            # without it the comma splices them or runs them together
            continue
        if left and right:
            start, end = start - 1, end + 1  # "The drug was, however, well tolerated": both commas go
        elif start == 0 and right:
            end += 1
        elif left or right:
            continue  # ", then" or "also," alone: a clause boundary, leave it
        elif start > 0 and tok.lower_ in _JOINING and _clause_follows(doc, end):
            continue  # "... on vision however their results could not be pooled": it joins two
            # clauses, and without it the sentence runs on
        out.append(Cut("filler", start, end))
    return out


def _aside(doc: Doc) -> list[Cut]:
    out = []
    for tok in doc:
        if tok.text != "(":
            continue
        close = next((t.i for t in doc[tok.i + 1 :] if t.text in ("(", ")")), None)
        if close is None or doc[close].text != ")":
            continue
        if any(_protected(t) for t in doc[tok.i : close + 1]):
            continue  # a statistic (the research summary keeps it) or a claim: "(edema, lower BMI)"
        out.append(Cut("aside", tok.i, close + 1))
    return out


def _as_well_as(doc: Doc) -> list[Cut]:
    root = _root(doc)
    out = []
    for tok in doc:
        i = tok.i
        if tok.lower_ != "as" or root is None or i <= root.i or doc[i : i + 3].text.lower() != "as well as":
            continue
        if doc[i - 1].text != ",":
            continue  # "a humoral as well as cell mediated response": the words coordinate inside a phrase
        end = i + 3
        while end < len(doc) and doc[end].text not in (",", ".", ";") and doc[end].tag_ not in _FINITE_TAGS:
            end += 1
        if end >= len(doc) or doc[end].text not in (",", ".", ";"):
            continue
        start = i - 1
        if any(_protected(t) for t in doc[i:end]):
            continue
        out.append(Cut("as_well_as", start, end))
    return out


def _examples(doc: Doc) -> list[Cut]:
    root = _root(doc)
    out = []
    for tok in doc:
        if root is None or tok.i <= root.i + 1 or doc[tok.i - 1].text != ",":
            continue
        if not (tok.lower_ == "including" or doc[tok.i : tok.i + 2].text.lower() == "such as"):
            continue
        head = tok if tok.lower_ == "including" else doc[tok.i + 1]
        start, end = _subtree_span(head)
        start = min(start, tok.i)
        if end < len(doc) and doc[end].text not in (",", ".", ";"):
            continue
        if end + 1 < len(doc) and doc[end].text == "," and tok.head.i < tok.i < end < tok.head.head.i:
            # 23 (h23bmc): the examples set off between a subject and its verb go with both commas:
            # "marine isolates, including those from the Red Sea, are more enriched ..." (bmc
            # s12864-019-6065-7) was "marine isolates, are more enriched ..."
            end += 1
        if _closed(doc, start, end):
            out.append(Cut("examples", start - 1, end))
    return out


# 18 (kf): the outcomes a result is about, listed after its first: "There were no significant
# differences overall in hypoglycaemic episodes, hyperglycaemic incidents, or hospital admissions."
# (cochrane CD003286) -> "... in hypoglycaemic episodes." A list of three or more nouns after "in",
# "on", "to" or "of" whose head is an effect, a difference or a risk, or the object of an effect verb
# ("reduced A, B and C"); what is true of each outcome
# stays true of the first. Never a comparison's arms ("between A, B and C"), a list with a number,
# a direction or a negation in it (the cut's own guard), nor one that goes on past its last noun.
_LIST_HEADS = frozenset(
    "difference differences effect effects benefit benefits impact change changes improvement improvements "
    "reduction reductions increase increases risk risks rate rates".split()
)


_OUTCOME_PREPS = ("in", "on", "to", "of", "for")
_OF_HEADS = frozenset({"risk", "risks", "rate", "rates"})
_LIST_VERBS = frozenset(
    "reduce increase improve lower raise affect change alter decrease impair enhance worsen prevent".split()
)


def _about_outcomes(prep: Token) -> bool:
    """The preposition's phrase says what an effect, difference or risk was in, directly ("no
    difference in A") or through up to two nouns ("no clear difference between groups in loss of A",
    cochrane CD010826)."""
    for _ in range(3):
        head = prep.head
        if head.lower_ in _LIST_HEADS:
            # "the relative effects of provider, contract or other patient referral methods" (CD002843):
            # "of" after an effect names what was compared; after a risk or rate, the outcomes
            return prep.lower_ != "of" or head.lower_ in _OF_HEADS
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return False
        prep = head.head
    return False


def _outcome_list(doc: Doc) -> list[Cut]:
    out = []
    for pobj in doc:
        if pobj.pos_ not in ("NOUN", "PROPN"):
            continue
        if pobj.dep_ == "dobj":  # "... reduced A, B and C": the object of an effect verb
            if pobj.head.lemma_.lower() not in _LIST_VERBS:
                continue
        elif pobj.dep_ != "pobj" or pobj.head.lower_ not in _OUTCOME_PREPS or not _about_outcomes(pobj.head):
            continue
        chain = []
        tok = pobj
        while True:
            nxt = next((c for c in tok.children if c.dep_ == "conj"), None)
            if nxt is None:
                break
            chain.append(nxt)
            tok = nxt
        if len(chain) < 2 or any(c.pos_ not in ("NOUN", "PROPN") for c in chain):
            continue
        # each outcome a short noun phrase: a long last one may hold what the effect was of ("quality of
        # life of the addition of methotrexate to treatment of children ...", CD006325)
        later = [{t.i for t in c.subtree} for c in chain]
        own = [
            [
                t
                for t in c.subtree
                if not t.is_punct and t.dep_ != "cc" and all(t.i not in x for x in later[k + 1 :])
            ]
            for k, c in enumerate(chain)
        ]
        if any(len(words) > 5 for words in own):
            continue
        # the cut: from the comma or conjunction after the first outcome to the end of the last one
        start = chain[0].left_edge.i
        while start > pobj.i and doc[start - 1].text in (",", "and", "or"):
            start -= 1
        firsts = [t for t in pobj.subtree if t.i < start]
        if not firsts or firsts[-1].i != start - 1:
            continue  # a word of the first outcome after the list began
        end = chain[-1].right_edge.i + 1
        if pobj.right_edge.i + 1 != end or (end < len(doc) and doc[end].text not in (".", ";", ",")):
            continue  # the list goes on ("..., or hospital admissions between groups"): whole or not at all
        if _closed(doc, start, end):
            out.append(Cut("outcome_list", start, end))
    return out


# Verbs whose "to" is a preposition ("were linked to tumor progression"), never a purpose clause.
_TO_VERBS = frozenset(
    "link associate relate attribute compare contribute lead respond expose bind adhere correlate "
    "limit restrict confine apply refer add react return switch convert shift change move".split()
)


def _is_verb(word: str) -> bool:
    """The word can be a verb at all ("tumor", tagged VB after "to", cannot)."""
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


def _purpose(doc: Doc) -> list[Cut]:
    root = _root(doc)
    if root is None:
        return []
    if root.lemma_.lower() in _TO_VERBS:
        return []  # "linked to tumor progression": "to" is the verb's own preposition
    out = []
    for tok in root.children:
        if tok.dep_ != "advcl" or tok.i <= root.i or tok.tag_ != "VB" or not _is_verb(tok.lower_):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue
        if any(c.dep_ == "ccomp" or c.lower_ in ("that", "how", "whether") for c in tok.children):
            # 26 (h26bmc): "... to show that the squid Doryteuthis pealeii recodes proteins ..." (elife
            # 05198) is the claim, no purpose: "The researchers employ a new bioinformatic method with
            # extensive validation." was left
            continue
        start, end = _subtree_span(tok)
        if end < len(doc) - 1 or doc[start].lower_ not in ("to", "in"):
            continue  # only a trailing purpose clause
        if _closed(doc, start, end):
            out.append(Cut("purpose", *_with_commas(doc, start, end)))
    return out


# The rules, first tier (always) then second tier (only while too long), in order.
RULES = (
    ("lead_frame", _lead_frame, 1),
    ("regardless", _regardless, 1),
    ("participial_method", _participial_method, 1),
    ("method_phrase", _method_phrase, 1),
    ("frame_phrase", _frame_phrase, 1),
    ("filler", _filler, 1),
    ("aside", _aside, 1),
    ("report_frame", _report_frame, 2),
    ("comma_participle", _comma_participle, 2),
    ("as_well_as", _as_well_as, 2),
    ("examples", _examples, 2),
    ("purpose", _purpose, 2),
    ("outcome_list", _outcome_list, 2),
)


# A word (token, lower case) that each rule needs to find anything: a text without any of them is
# not searched by that rule (the same cuts, fewer walks over the tokens); lead_frame also needs its
# frame at the start of the text (a frame that matches before a comma matches the whole text).
_NEEDS: dict[str, frozenset[str]] = {
    "lead_frame": frozenset({","}),
    "regardless": frozenset({"regardless", "irrespective"}),
    "participial_method": _HOW,
    "method_phrase": frozenset({"using", "by", "as"}),
    "frame_phrase": frozenset({"in", "within", "under"}),
    "filler": _FILLER,
    "aside": frozenset({"("}),
    "comma_participle": frozenset({","}),
    "as_well_as": frozenset({"well"}),
    "examples": frozenset({"including", "such"}),
    "purpose": frozenset({"to"}),
    "outcome_list": frozenset({","}),
}


@lru_cache(maxsize=16)
def _lemma_words(model: str, lemmas: frozenset[str], after: str = "") -> re.Pattern[str] | None:
    """A search for the words ``model`` could lemmatize to one of ``lemmas`` (as substrings of a
    lower-cased text), followed by ``after`` (a pattern); None when its tables cannot say (then
    every text may hold one)."""
    from pipeline.enrich.nlp import get_nlp, lemma_forms

    words = lemma_forms(get_nlp(model), lemmas)
    if words is None:
        return None
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words)) + ")" + after)


def _has_lemma(model: str, lemmas: frozenset[str], low: str, after: str = "") -> bool:
    pattern = _lemma_words(model, lemmas, after)
    return pattern is None or pattern.search(low) is not None


_AFTER_METHOD = " ?(?:" + "|".join(sorted(_HOW)) + ")"  # participial_method: the next token (no space or one)
_ASIDE_FREE = re.compile(r"\([^)\d]*\)")  # "(" ... the first ")" after it, no digit between


def _may_find(name: str, text: str, low: str, model: str) -> bool:
    """27 (h27speed): whether the text itself allows rule ``name`` a cut, read before any parse: what
    each rule (with :func:`_may_cut`) needs in the words of the text, a token's lower case being a
    substring of ``low`` (``text.lower()``) and its whitespace at most one space. A text no rule may
    cut is not parsed for compression: of the 962 texts compressed for 100 BMC abstracts, 822 lost
    nothing, and 216 were parsed for compression alone (round 27's profile).

    lead_frame: a comma and the frame at the start (as :func:`_may_cut`); regardless: its word;
    participial_method: a word whose lemma is a method verb, then one of ``_HOW``; method_phrase: no
    comparison (``_COMPARES``) and "using", "means of", or "as" with a method verb; frame_phrase:
    "in"/"within"/"under" and a word whose lemma is a frame noun; filler: one of its words; aside: a
    bracket whose words hold no digit (a digit is protected); report_frame: ``_REPORTERS`` at the
    start; the other rules: the words ``_NEEDS`` lists."""
    if name == "lead_frame":
        return "," in text and (_LEAD_FRAME.match(text) is not None or _METHOD_LEAD.match(text) is not None)
    if name == "participial_method":
        return _has_lemma(model, _METHOD_VERBS, low, _AFTER_METHOD)
    if name == "method_phrase":
        return _COMPARES.search(text) is None and (
            "using" in low or "means of" in low or ("as" in low and _has_lemma(model, _METHOD_VERBS, low))
        )
    if name == "frame_phrase":
        return ("in" in low or "under" in low) and _has_lemma(model, _FRAME_NOUNS, low)
    if name == "aside":
        return _ASIDE_FREE.search(text) is not None
    if name == "report_frame":
        return _REPORTERS.match(text) is not None
    if name == "as_well_as":
        return "as well as" in low
    if name == "examples":
        return "including" in low or "such as" in low
    needs = _NEEDS.get(name)
    return needs is None or any(word in low for word in needs)


def _may_cut(name: str, doc: Doc, lowers: frozenset[str]) -> bool:
    """Rule ``name`` can find a cut in ``doc`` (whose tokens in lower case are ``lowers``)."""
    needs = _NEEDS.get(name)
    if needs is not None and needs.isdisjoint(lowers):
        return False
    return (
        name != "lead_frame"
        or _LEAD_FRAME.match(doc.text) is not None
        or _METHOD_LEAD.match(doc.text) is not None
    )


# 28 (h28speed): what each rule needs of the tagger's output, read before the parse. Of 164 texts
# parsed for compression alone (100 BMC abstracts, round 27's count), 61 gave no rule a cut: their
# words passed ``_may_find``, but the tags rule the cut out (no VBN/VBG after a comma, no VB after
# "to", no "using" tagged VBG, no noun an outcome list hangs on). Each check is a condition the rule
# itself tests on the parse, on words and tags only (a tag the tagger gives is the parse's: the
# attribute ruler re-tags whitespace tokens only, which no check takes as evidence against a cut);
# a rule without a check (report_frame) always passes. So a text the gate turns down is one no rule
# cuts, and compress returns it unchanged without the parser, the attribute ruler and the lemmatizer.


def _tag_protected(tok: Token) -> bool:
    """:func:`_protected` as the tagged doc tells it: never a whitespace token (its tag changes)."""
    return not tok.is_space and _protected(tok)


def _tag_finite(tok: Token) -> bool:
    return tok.tag_ in _FINITE_TAGS and not tok.is_space


@lru_cache(maxsize=16)
def _lemma_set(model: str, lemmas: frozenset[str]) -> frozenset[str] | None:
    """The words (lower case) ``model`` could lemmatize to one of ``lemmas``; None when its tables
    cannot say (see :func:`_lemma_words`)."""
    from pipeline.enrich.nlp import get_nlp, lemma_forms

    return lemma_forms(get_nlp(model), lemmas)


def _in_forms(low: str, forms: frozenset[str] | None) -> bool:
    return forms is None or low in forms


def _tags_lead_frame(doc: Doc, model: str) -> bool:
    """A comma after the first token whose lead is a frame with no protected word (``_lead_frame``)."""
    for comma in doc:
        if comma.text != "," or comma.i == 0:
            continue
        lead = doc[: comma.i].text
        method = _METHOD_LEAD.fullmatch(lead) is not None and not _NOT_METHOD_LEAD.search(lead)
        if (method or _LEAD_FRAME.match(lead)) and not any(_tag_protected(t) for t in doc[: comma.i]):
            return True
    return False


def _tags_regardless(doc: Doc, model: str) -> bool:
    return any(
        t.lower_ in ("regardless", "irrespective") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"
        for t in doc
    )


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _tags_participial_method(doc: Doc, model: str) -> bool:
    """A method verb's form tagged VBN or VBD after a noun or comma and before "using/by/with/..."."""
    forms = _lemma_set(model, _METHOD_VERBS)
    return any(
        tok.tag_ in ("VBN", "VBD")
        and 0 < tok.i < len(doc) - 1
        and (doc[tok.i - 1].tag_ in _NOUN_TAGS or doc[tok.i - 1].tag_ == ",")
        and doc[tok.i + 1].lower_ in _HOW
        and _in_forms(tok.lower_, forms)
        for tok in doc
    )


def _tags_method_phrase(doc: Doc, model: str) -> bool:
    """ "using" tagged VBG, "by means of", or "as" before a method verb's form tagged VBN."""
    forms = _lemma_set(model, _METHOD_VERBS)
    seen_as = False
    for tok in doc:
        low = tok.lower_
        if low == "using" and tok.tag_ == "VBG":
            return True
        if low == "by" and doc[tok.i + 1 : tok.i + 3].text.lower() == "means of":
            return True
        if seen_as and tok.tag_ == "VBN" and _in_forms(low, forms):
            return True
        seen_as = seen_as or low == "as"
    return False


_FRAME_DETS = frozenset({"this", "the", "our", "their", "these"})


def _tags_frame_phrase(doc: Doc, model: str) -> bool:
    """ "in/within/under" after the first token, a frame noun's form and one of its determiners."""
    forms = _lemma_set(model, _FRAME_NOUNS)
    lowers = [t.lower_ for t in doc]
    return (
        any(w in ("in", "within", "under") for w in lowers[1:])
        and any(w in _FRAME_DETS for w in lowers)
        and any(_in_forms(w, forms) for w in lowers)
    )


def _tags_filler(doc: Doc, model: str) -> bool:
    """A filler word not after "but" (nor "clearly" after a negation) with a comma on neither side,
    on both, or only after it at the start (``_filler``)."""
    n = len(doc)
    for tok in doc:
        i, low = tok.i, tok.lower_
        if low not in _FILLER:
            continue
        before = doc[i - 1].lower_ if i > 0 else ""
        if before == "but" or (low == "clearly" and before in ("not", "n't", "never")):
            continue
        left = i > 0 and doc[i - 1].text == ","
        right = i + 1 < n and doc[i + 1].text == ","
        if left == right or (i == 0 and right):
            return True
    return False


def _tags_aside(doc: Doc, model: str) -> bool:
    """A bracket closed before another opens, with no protected token (``_aside``)."""
    for tok in doc:
        if tok.text != "(":
            continue
        close = next((t.i for t in doc[tok.i + 1 :] if t.text in ("(", ")")), None)
        if close is not None and doc[close].text == ")":
            if not any(_tag_protected(t) for t in doc[tok.i : close + 1]):
                return True
    return False


def _tags_comma_participle(doc: Doc, model: str) -> bool:
    """A VBN or VBG after a comma (not the first two tokens), a comma after it (``_comma_participle``)."""
    commas = [t.i for t in doc if t.text == ","]
    return any(
        tok.tag_ in ("VBN", "VBG") and tok.i >= 2 and doc[tok.i - 1].text == "," and commas[-1] > tok.i
        for tok in doc
    )


def _tags_as_well_as(doc: Doc, model: str) -> bool:
    """ ", as well as ..." up to a comma, full stop or semicolon before any finite verb, with no
    protected token (``_as_well_as``)."""
    n = len(doc)
    for tok in doc:
        i = tok.i
        if (
            tok.lower_ != "as"
            or i == 0
            or doc[i - 1].text != ","
            or doc[i : i + 3].text.lower() != "as well as"
        ):
            continue
        end = i + 3
        while end < n and doc[end].text not in (",", ".", ";") and not _tag_finite(doc[end]):
            end += 1
        if end < n and doc[end].text in (",", ".", ";") and not any(_tag_protected(t) for t in doc[i:end]):
            return True
    return False


def _tags_examples(doc: Doc, model: str) -> bool:
    return any(
        tok.i >= 2
        and doc[tok.i - 1].text == ","
        and (tok.lower_ == "including" or doc[tok.i : tok.i + 2].text.lower() == "such as")
        for tok in doc
    )


def _tags_purpose(doc: Doc, model: str) -> bool:
    """ "to" and a word that can be a verb tagged VB (the purpose clause's verb, ``_purpose``)."""
    return any(t.lower_ == "to" for t in doc) and any(t.tag_ == "VB" and _is_verb(t.lower_) for t in doc)


def _tags_outcome_list(doc: Doc, model: str) -> bool:
    """The noun a list of outcomes hangs on (``_LIST_HEADS``, ``_about_outcomes``) or a form of a
    verb whose object it is (``_LIST_VERBS``)."""
    forms = _lemma_set(model, _LIST_VERBS)
    return any(t.lower_ in _LIST_HEADS or _in_forms(t.lower_, forms) for t in doc)


_TAG_NEEDS: dict[str, Callable[[Doc, str], bool]] = {
    "lead_frame": _tags_lead_frame,
    "regardless": _tags_regardless,
    "participial_method": _tags_participial_method,
    "method_phrase": _tags_method_phrase,
    "frame_phrase": _tags_frame_phrase,
    "filler": _tags_filler,
    "aside": _tags_aside,
    "comma_participle": _tags_comma_participle,
    "as_well_as": _tags_as_well_as,
    "examples": _tags_examples,
    "purpose": _tags_purpose,
    "outcome_list": _tags_outcome_list,
}


def _tags_may_cut(name: str, doc: Doc, model: str) -> bool:
    """Rule ``name`` may find a cut in ``doc`` as far as its tagging tells (True without a check)."""
    check = _TAG_NEEDS.get(name)
    return check is None or check(doc, model)


@cache
def _tag_gate(model: str, names: tuple[str, ...]) -> Callable[[Doc], bool]:
    """The gate of a compression that only rules ``names`` may cut: one function per set of rules,
    so that a round's requests with the same rules are analysed as one."""

    def gate(doc: Doc) -> bool:
        return any(_tags_may_cut(name, doc, model) for name in names)

    return gate


@dataclass(frozen=True)
class Compressed:
    text: str
    rules: tuple[str, ...]  # the rules that cut something, in order


def _render(doc: Doc, drop: set[int]) -> str:
    parts: list[str] = []
    gap = False  # a dropped token had a space after it: the kept neighbours keep one between them
    for t in doc:
        if t.i in drop:
            gap = gap or bool(t.whitespace_)
            continue
        if gap and parts and not parts[-1].endswith(" "):
            parts.append(" ")
        gap = False
        parts.append(t.text_with_ws)
    text = "".join(parts).lstrip()
    if text.startswith("~"):  # "~ 50% and ~ 15% of genes" opening a sentence: "About 50% and about 15%"
        text = re.sub(r"(?<!\S)~\s*(?=\d)", "about ", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r",\s*([,.;])", r"\1", text)
    text = re.sub(r"^\s*[,;]\s*", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return rw.ensure_period(rw.capitalize_first(text)) if text else ""


def _claim_tokens(text: str) -> list[str]:
    """The claim-bearing words of a text, for the final check that a compression kept them all."""
    words = re.findall(r"[\w'’-]+", text.lower())
    return sorted(w for w in words if w in _NEGATION or HEDGE.fullmatch(w) or any(c.isdigit() for c in w))


def compress(
    text: str,
    model: str,
    max_words: int,
    tagger: Callable[[str], bool] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Compressed:
    """``text`` with the claim-free constituents deleted (second-tier rules only while it is longer
    than ``max_words``; never the rules named in ``skip``). Every cut keeps a sentence; the claim
    words (negation, hedges, numbers) all survive, or the text comes back unchanged."""
    if rw.word_count(text) < 8:  # a leading frame may be what keeps it from reading as a sentence
        return Compressed(text, ())
    # 27 (h27speed): no parse where no rule may cut. The second tier runs only while the text is
    # longer than ``max_words``: a cut never adds a word, except "about" for each "~" (``_render``).
    low = text.lower()
    tier2 = rw.word_count(text) + text.count("~") > max_words
    allowed = tuple(
        name
        for name, _, tier in RULES
        if name not in skip and (tier == 1 or tier2) and _may_find(name, text, low, model)
    )
    if not allowed:
        return Compressed(text, ())
    # 28 (h28speed): nor where the tagging rules out every cut (``_tag_gate``)
    doc = simplify.parsed_if(text, model, _tag_gate(model, allowed))
    if doc is None:
        return Compressed(text, ())
    lowers = frozenset(t.lower_ for t in doc)
    dropped: set[int] = set()
    used: list[str] = []
    current = text
    for name, rule, tier in RULES:
        if tier == 2 and rw.word_count(current) <= max_words:
            break
        if name in skip or not _may_cut(name, doc, lowers):
            continue
        for cut in rule(doc):
            span = set(range(cut.start, cut.end))
            if span & dropped:
                continue
            candidate = _render(doc, dropped | span)
            if (
                rw.word_count(candidate) < 4
                or not simplify.is_sentence(candidate, tagger)
                or _claim_tokens(candidate) != _claim_tokens(current)
            ):
                continue
            dropped |= span
            current = candidate
            if name not in used:
                used.append(name)
            if tier == 2 and rw.word_count(current) <= max_words:
                break
    return Compressed(current, tuple(used))


# ---------------------------------------------------------------------------------------------
# Two findings in one sentence
# ---------------------------------------------------------------------------------------------

_SUBJECT_WORDS = 7
_LEANING_SUBJECT = frozenset("this these that those it they its their such both".split())


def split_shared_subject(text: str, model: str) -> tuple[str, ...]:
    """ "ADAM11-deficient mice were apparently normal, and survived more than one year ..." ->
    "ADAM11-deficient mice were apparently normal." + "ADAM11-deficient mice survived more than one
    year ...": two verbs of one short subject joined by "and" become two sentences, the subject
    said again (no "They" that leans on the sentence before). () when the sentence is not so made."""
    if "and" not in text.lower():
        return ()  # no "and" to split at: not worth a parse
    # 27 (h27speed): nor without two finite verbs or auxiliaries (the root's or its auxiliary's, and
    # the second verb's or its auxiliary's), which the tagger tells before the parse
    doc = simplify.parsed_if(text, model, simplify.two_finite_tags)
    if doc is None:
        return ()
    root = _root(doc)
    if root is None or root.pos_ not in ("VERB", "AUX") or root.tag_ not in _FINITE_TAGS | {"VBN", "JJ"}:
        return ()
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if (
        subject is None
        or subject.left_edge.i != 0
        or subject.right_edge.i - subject.left_edge.i >= _SUBJECT_WORDS
    ):
        return ()
    if doc[0].lower_ in _LEANING_SUBJECT or subject.pos_ == "PRON":
        return ()  # "This approach enabled ..." said again leans on the sentence before
    if not any(
        c.tag_ in _FINITE_TAGS for c in [root, *root.children] if c.dep_ in ("ROOT", "aux", "auxpass")
    ):
        return ()
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < root.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue  # its own subject: restructure splits two main clauses
        finite = conj.tag_ in _FINITE_TAGS or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in conj.children
        )
        if not finite:
            continue
        said_of = subject
        if {root.tag_, conj.tag_} == {"VBZ", "VBP"} and not any(
            c.dep_ in ("aux", "auxpass") for c in conj.children
        ):
            # 28 (h28kf): a present verb of the other number is the second verb of the clause the root
            # frames (the parse's misread), said of that clause's subject or not split: "The researchers
            # show that persistent HGF treatment stimulates ..., and leads to the expression of basal cell
            # characteristics ..." gave the key finding "The researchers leads to the expression ..."
            # (elife_dev eLife.06104); "The researchers experimentally show that Tempo scales ... and
            # generates ..." keeps its split (bmc s12864-019-5719-9)
            clause = next((c for c in root.children if c.dep_ == "ccomp" and c.tag_ == conj.tag_), None)
            own = (
                next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if clause
                else None
            )
            if own is None or own.right_edge.i - own.left_edge.i >= _SUBJECT_WORDS:
                continue
            said_of = own
        cc = doc[conj.left_edge.i - 1]
        if cc.lower_ != "and" or cc.dep_ != "cc" or list(conj.subtree)[-1].i < len(doc) - 2:
            continue
        if any(c.dep_ == "conj" and c.i != conj.i for c in root.children):
            continue  # "A, B and C": a list of three verbs
        end = cc.i - 1 if doc[cc.i - 1].text == "," else cc.i
        left = _render(doc, set(range(end, len(doc))) - {len(doc) - 1})
        subject_text = doc[said_of.left_edge.i : said_of.right_edge.i + 1].text
        rest = doc[conj.left_edge.i :].text
        right = rw.ensure_period(rw.capitalize_first(f"{subject_text} {rest}".replace(" .", ".")))
        if all(simplify.is_sentence(x) and rw.word_count(x) >= 5 for x in (left, right)):
            return (left, right)
    return ()


# ---------------------------------------------------------------------------------------------
# Is it a result?
# ---------------------------------------------------------------------------------------------

# What was done, said by the authors: "The researchers propose / developed / present X".
_AUTHOR_METHOD_VERBS = frozenset(
    "propose present develop describe introduce design build construct implement establish create "
    "devise formulate outline apply use employ perform conduct undertake recruit enrol enroll collect "
    "test evaluate compare examine investigate assess analyse analyze measure study explore screen "
    "sequence characterize characterise profile generate validate carried applied scanned scan "
    # what was done, said plainly by the simplifier ("looked at", "did structured observations")
    "look do did extract interview survey review search simulate".split()
)
_AUTHORS = re.compile(
    r"^(?:the researchers|this (?:study|paper|work|article|report)|the (?:study|paper))\b", re.I
)
# Procedures in the passive: "Screens were then carried out to identify ...".
_PASSIVE_METHOD = re.compile(
    r"\b(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+|then\s+|also\s+|first\s+)?"
    r"(?:carried out|performed|conducted|undertaken|done|run|applied|employed|used|implemented|developed|"
    r"constructed|built|designed|collected|recruited|enrolled|administered|sequenced|genotyped|established|"
    r"created|generated|introduced|proposed|estimated|calculated|measured|assessed|checked|evaluated|"
    r"examined|investigated|tested|analy[sz]ed|quantified|determined|recorded|screened|compared|explored|"
    r"characteri[sz]ed|profiled|validated|verified|modell?ed|simulated|fitted|computed|obtained)\b"
    r"(?!\s+(?:than|to (?:be|have)))",
    re.I,
)
# What a method is or does: "This method allows transitions ...", "The tool combines ...".
_METHOD_NOUN = re.compile(
    r"^(?:this|the|our|their|a|an|the new|this new|the proposed)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:method|approach|tool|framework|algorithm|software|pipeline|package|technique|platform|procedure|"
    r"protocol|program|programme|application|app|server|database|strategy|workflow|system|resource)s?\s+"
    r"(?:allows?|enables?|permits?|uses?|takes?|combines?|consists?|relies|rely|requires?|provides?|includes?|"
    r"incorporates?|integrates?|supports?|offers?|implements?|employs?|addresses|handles?|works?|makes?|lets?|"
    r"is (?:based|designed|built|implemented|available|freely)|are (?:based|designed|built|implemented|available)|"
    r"can be (?:used|applied|run|downloaded|accessed))\b",
    re.I,
)
# What the work could offer, not what it found.
_OUTLOOK = re.compile(
    r"\b(?:will (?:be|provide|help|facilitate|enable|allow|serve|benefit|contribute|pave|open|promote|advance|"
    r"aid|guide|inform|support)|future|paves?|paved|sheds? light|insights? into|basis for|foundation for|"
    r"(?:be|been) (?:of )?benefit|not only (?:be )?(?:benefit|useful|helpful)|valuable (?:resource|tool|reference)|"
    r"promising (?:tool|approach|strategy|candidate|target)|new avenues?|open(?:s|ed)? (?:up )?(?:new|the way)|"
    r"useful (?:tool|resource|reference)|(?:can|could) be (?:used|applied|extended)|freely available|"
    r"^(?:the|these|this|their) (?:results|data|findings|study|work|analysis|analyses) "
    r"(?:provides?|offers?|represents?|constitutes?|presents?)\b(?! (?:\w+ )?(?:evidence|support)))",
    re.I,
)
_RESULT_WORD = re.compile(
    r"\b(?:found|show(?:s|ed|n)?|demonstrat\w+|reveal\w*|was associated|were associated|significant\w*|"
    r"higher|lower|greater|fewer|less|more|(?:increas|decreas|reduc|improv)(?:ed|es|ing)|outperform\w*|"
    r"than|no difference|did not|not differ)\b",
    re.I,
)


# A procedure in a subordinate clause ("... may be missed when filtering was applied") is not what
# the sentence says.
_SUBORDINATE = re.compile(r"\b(?:when|after|before|if|once|until|while|which|that|where|whether)\b", re.I)
# Where and when a method ran, and on how many: no result value ("were collected from 46
# informants from 2012 to 2014").
_NOT_A_VALUE = re.compile(
    r"\b(?:from|in|on|of)\s+[\d,]+\s+(?:\w+\s+)?(?:informants|participants|patients|people|persons|subjects|"
    r"individuals|respondents|volunteers|women|men|children|adults|households|farmers|villagers|animals|mice|rats)\b"
    r"|\b(?:from|between|in|during)\s+(?:19|20)\d\d\b(?:\s*(?:to|and|-|–)\s*(?:19|20)\d\d\b)?"
    # a cut-off the method used ("diameter greater than or equal to 2 cm and variability less than 15 %")
    r"|\b(?:greater|more|less|lower|higher|fewer)\s+than(?:\s+or\s+equal\s+to)?\s+[\d.,]+\s*(?:%|[a-zµ]+\b)?"
    r"|[≥≤<>]\s*[\d.,]+\s*(?:%|[a-zµ]+\b)?",
    re.I,
)
# "The prevalence was estimated at 12%": a procedure's verb that reports a value is a result.
_VALUE = re.compile(r"\b(?:at|as|to be|of|from)\s+(?:about |around |approximately )?[\d.,]+|\d\s*%")


# Not this work's result: an aim, or what earlier work showed.
_NOT_THIS_WORK = re.compile(
    r"\b(?:aim(?:ed|s)? (?:was |were |is )?to|aim of|objectives? (?:was|were|is|of)|purpose (?:was|is|of)|"
    r"goal (?:was|is|of)|sought to|set out to)\b|^(?:further|more|future) (?:research|studies|work)\b|"
    r"^this (?:work|study|project|research) (?:was|is) (?:part of|funded|supported)\b|"
    # what was known before ("Till now a single protein ... has been identified", bmc s12860-019-0231-2)
    r"^(?:till|until|up to) now\b|^to date\b|"
    r"^(?:many|several|previous|prior|earlier|recent|other|some) "
    r"(?:studies|reports|works?|research|trials|investigations)\b|^it (?:is|has been) (?:well )?(?:known|"
    r"established|reported)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def states_result(text: str) -> bool:
    """A result, not what was done ("were carried out to identify", "The researchers propose X"),
    what a method is ("This method allows ..."), or what the work could offer ("... will benefit")."""
    t = text.strip()
    if _NOT_THIS_WORK.search(t):
        return False
    lead = _AUTHORS.match(t)
    if lead:
        words = [w.lower() for w in t[lead.end() :].split()[:3]]
        skip = ("further", "also", "then", "first", "next", "have", "has", "had")
        while words and (words[0].endswith("ly") or words[0] in skip):
            words.pop(0)
        if words[:2] in (["did", "not"], ["do", "not"], ["does", "not"]):
            words = words[2:]  # "The researchers did not find any differences ..." (CD012065) is a result
        word = words[0].strip(",") if words else ""
        if word in ("will", "would", "aim", "aimed", "intend", "plan"):
            return False  # what the authors will do is no result
        stem = re.sub(r"(?:ed|d|s)$", "", word)
        if stem in _AUTHOR_METHOD_VERBS or word in _AUTHOR_METHOD_VERBS or f"{stem}e" in _AUTHOR_METHOD_VERBS:
            if not re.search(r"\bthat\b", t[lead.end() : lead.end() + 60]):
                return False  # "The researchers report that X rose" is a result; "propose X" is not
    if _METHOD_NOUN.match(t) and not _RESULT_WORD.search(t):
        return False
    main = [m for m in _PASSIVE_METHOD.finditer(t) if not _SUBORDINATE.search(t[: m.start()])]
    if main:
        rest = _NOT_A_VALUE.sub(" ", _PASSIVE_METHOD.sub(" ", t))
        if not _RESULT_WORD.search(rest) and not _VALUE.search(rest):
            return False
    if re.search(
        r"\bnot (?:enough|sufficient)\b|\bno (?:evidence|difference|effect)\b|\bevidence\b", t, re.I
    ):
        return True  # "There is not enough evidence that X can be used ...": a finding about the evidence
    return not (
        _OUTLOOK.search(t) and not re.search(r"\d", t) and not _RESULT_WORD.search(_OUTLOOK.sub(" ", t))
    )
