"""The field writers: each realises its part of the plan, in the order its template file gives.

Simple explanation: what was studied (and why) -> who and how many -> what was found, with its
hedge -> how sure / the main caveat. Key findings: three distinct results. Research summary:
design, population, period, what was measured, one further result (statistics kept). Practical
implications: what the result could mean (no advice, no copy of a finding). Limitations: the
design's caveats plus those the abstract states. A source sentence goes to one field only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline.domain import NOT_SPECIFIED, PracticalPoint
from pipeline.draft import rewrite as rw
from pipeline.draft.composer.compress import ONE_STUDY_BASIS, split_shared_subject, states_result
from pipeline.draft.composer.plan import (
    _ANIMAL_PLURAL,
    _BRACKETS,
    _GRADED,
    _NO_VERDICT,
    _PART_LEAD,
    LEAD_IN,
    NARRATIVE,
    OBSERVATIONAL,
    PERSON,
    STATS,
    Plan,
    about_statistics,
    appraises_the_work,
    certainties,
    claim_head,
    claim_text,
    counts_only,
    describes_people,
    is_count_sentence,
    no_conclusion,
    no_result_kind,
    only_about_quality,
    recommends,
    review_outcomes,
    states_finding,
)
from pipeline.draft.composer.shorten import (
    COMPARED_TAIL_START,
    PEOPLE_NOUNS,
    PEOPLE_TAIL_START,
    frame_claims,
    hedged_claim,
    plainer,
    reads_as_sentence,
    shorten,
    shorten_sentence,
    split_finding,
)
from pipeline.draft.composer.shorten import _safe_start as safe_start
from pipeline.draft.composer.shorten import split_shared_subject as split_two_verbs
from pipeline.draft.composer.simplify import (
    _FINITE_TAGS,
    Realiser,
    _parse,
    drops_qualifier,
    has_finite_tag,
    has_finite_verb,
    is_sentence,
    led_sentence,
    parsed_if,
    tagged_finite,
    word_tags,
)
from pipeline.draft.composer.templates import ComposerTemplates, fill
from pipeline.draft.sentences import Kind, Purpose, Sentence, content_words, same_words
from pipeline.enrich import design as d
from pipeline.enrich.wording import (
    ANY_LIMITATION_CUE,
    DESIGN_CAVEATS,
    LIMITATION_CUES,
    NO_LIMITATIONS_STATED,
    design_label,
)
from pipeline.text import roles
from pipeline.text.hedges import HEDGE, is_hedged
from pipeline.text.numbers import spelled_value
from pipeline.text.patterns import compile_gated
from pipeline.text.readability import sentence_spans
from pipeline.text.results import RATIO_VALUE, reports_result

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POOLED = re.compile(r"\bpool\w*|\bmeta-?analy\w*|\bcombined (?:data|results)", re.I)
_AIM = re.compile(
    r"(?:\b(?:aims?|aimed|objectives?|purposes?|goals?)\b[^.]*?\b(?:was|were|is|are)\s+to|"
    r"\b(?:we|researchers|study|review|trial)\s+(?:aimed|sought|set out|wanted|aims)\s+to|^to)\s+(?P<x>.+)$",
    re.I,
)
# A title's head that calls on the reader ("Mind the gaps: ...", bmc s12859-018-2438-1): no topic
_CALLS_ON_READER = re.compile(r"[A-Z][a-z]+(?<!ing) (?:the|your|our|their|this|these)\b")

# The aim's verb picks the topic template: "to assess X" -> "This study looked at X".
_AIM_VERBS = (
    (
        re.compile(
            r"^(?:evaluate|assess|examine|investigate|explore|analy[sz]e|review|study|describe|characteri[sz]e|"
            r"look at)\b\s*",
            re.I,
        ),
        "looked_at",
    ),
    (re.compile(r"^(?:determine|establish|ascertain|find out)\b\s*", re.I), "find_out"),
    (re.compile(r"^compare\b\s*", re.I), "compared"),
)
_QUESTION = re.compile(r"(?:whether|if|how|what|which|why|when|where|who)\b", re.I)
# The conclusion's hedge word picks the sentence that says it (certainty.<key> in the templates).
_HEDGE_KEYS = (
    ("hedged_may", re.compile(r"may|might|could|possibl|perhaps|potential", re.I)),
    ("hedged_suggest", re.compile(r"suggest|appear|seem", re.I)),
    ("hedged_likely", re.compile(r"likely|probabl", re.I)),
    ("hedged_unclear", re.compile(r"uncertain|unclear|not (?:clear|certain|sure)|tentative", re.I)),
    ("hedged_evidence", re.compile(r"limited|insufficient|little|weak|low", re.I)),
    ("hedged_research", re.compile(r"more|further", re.I)),
)


# A title's nominal lead: "Evaluation of X" -> "looked at X"; "Comparison of X and Y" -> "compared X and Y";
# "Identification of X" -> "looked at X"; a pair of them too ("Identification and functional analysis of
# X", "Cloning and characterization of X" -> "looked at X"; composer 7 said "looked at identification
# and functional analysis of the BIM interactome").
_LEAD_NOUNS = (
    r"evaluation|assessment|analysis|analyses|investigation|examination|exploration|study|characteri[sz]ation|"
    r"comparison|comparative study|review|identification|description"
)
_TITLE_LEAD = re.compile(
    rf"^(?:an? |the )?(?:({_LEAD_NOUNS})|cloning|molecular cloning)"
    rf"(?: and (?:functional |molecular |structural |biochemical |genetic |expression )?(?:{_LEAD_NOUNS}))? of ",
    re.I,
)
# The same lead with the method's own modifiers ("Comparative genomic analysis of X", "Genome-wide
# identification of X", "Gene expression analysis of X", "Genomic reconstruction of X", "Prediction and
# characterization of X"): the method's name is no part of what was studied, and at 2-3 syllables a
# word it raised the topic sentence's grade most (round 15, h15se). Said "looked at X" only when the
# whole title states no claim ("Comparative genomic analysis of X provides new insights into Y" is
# asked as a question, its subject whole).
_LEAD_MODIFIERS = (
    r"comparative|systematic|genomic|genome-wide|genome-scale|transcriptomic|transcriptional|transcriptome|transcription|"
    r"transcriptome-wide|proteomic|metabolomic|functional|molecular|structural|biochemical|genetic|"
    r"phenotypic|quantitative(?: trait)?|phylogenetic|phylogenomic|computational|bioinformatic|"
    r"bioinformatics|integrated|integrative|global|large-scale|comprehensive|detailed|"
    r"(?:gene )?expression|in silico|histological|morphological|statistical"
)
_LEAD_PAIR_FIRST = r"[a-z]+(?:ion|ing|sis)|genomic|phenotypic|functional|molecular|structural"
_TITLE_LEAD_MODIFIED = re.compile(
    rf"^(?:an? |the )?(?:(?:{_LEAD_MODIFIERS}),? (?:and )?){{1,3}}({_LEAD_NOUNS}|reconstruction|profiling)"
    rf"(?: and (?:functional |molecular |structural |biochemical |genetic |expression )?(?:{_LEAD_NOUNS}))? of "
    rf"|^(?:{_LEAD_PAIR_FIRST})(?: and (?:functional |molecular |structural |biochemical |genetic |"
    rf"expression )?(?:{_LEAD_NOUNS})) of ",
    re.I,
)
# What a result means (for patients, clinicians or the next research step): a sentence that says so.
_MEANS = compile_gated(
    r"\b(?:could|may|might|can|will|would)\s+(?:\w+\s+){0,3}?(?:help\w*|be used|serve|provide|improve|guide|"
    r"inform|aid|facilitate|contribute|lead|offer|benefit|enable|support|prove|represent|become|prevent|"
    r"allow|assist|open|pave|be (?:a |an )?(?:useful|valuable|important|promising|effective|potential|"
    r"considered|beneficial|relevant|novel|new|good|suitable))\b|"
    r"\bpotential(?:ly)?\s+(?:\w+\s+){0,2}?(?:targets?|biomarkers?|markers?|therap\w*|treatments?|tools?|uses?|"
    r"roles?|value|applications?|candidates?|strateg\w*|agents?|benefits?)\b|"
    r"\b(?:therapeutic|treatment|drug) (?:targets?|options?|strateg\w*|implications?)\b|\bimplications?\b|"
    r"\bclinical (?:practice|use|utility|relevance|decision\w*|management|care|application\w*)\b|\bclinicians?\b|"
    r"\bshould (?:be |also )?(?:considered|used|offered|encouraged|given|included|assessed|screened|monitored|"
    # 17: "randomised controlled trials should be performed to determine whether ..." (CD007565)
    r"performed|conducted|undertaken|carried out|"
    r"aware|take|focus|consider|include|target|explore|investigate|address|examine|evaluate|assess)\b|"
    r"\bpromising\b|\buseful\b|\bvaluable\b|\bcandidates? for\b|\bnew avenues?\b|\bbasis for\b|"
    r"\bpaves? the way\b|\bsheds? (?:new )?light\b|\b(?:provides?|offers?|gives?) (?:\w+ ){0,3}?(?:insights?|"
    r"basis|guidance|framework|resource|starting point)\b|\bbetter understand\w*|\bapplicable\b|"
    r"\b(?:help|aid|assist)s? (?:\w+ ){0,3}?(?:in|to)\b|\benabl(?:e|es|ing) (?:\w+ ){0,3}?(?:evaluation|"
    r"detection|diagnosis|treatment|design|discovery|use|monitoring|selection|identification)\b|"
    r"\b(?:further|future|larger|more) (?:\w+ )?(?:research|studies|trials|work|investigation)\b",
    re.I,
)
# What a result means for care, in a conclusion's own words ("does not support the use of thyroid
# hormones in preterm infants", "cannot be recommended", "an acceptable alternative to standard wound
# closure", "should not be used outside randomised clinical trials"): a practical implication.
_PRACTICE = re.compile(
    r"\b(?:is|are) not recommended\b|\bcannot (?:yet )?be recommended\b|\brecommend(?:ed|ation|ations)?\b|"
    r"\broutine use\b|\b(?:support|supports|justify|justifies) (?:the |its |their )?(?:routine )?use\b|"
    r"\bin (?:clinical |routine )?practice\b|\b(?:an? )?(?:reasonable|acceptable|suitable|effective|safe|valid|"
    r"good) (?:option|alternative|choice|treatment)\b|\bshould (?:not )?(?:be )?(?:used|offered|given|avoided|"
    r"considered|continued|discussed|use|offer|avoid)\b|\b(?:is|are|seems?|appears?) (?:to be )?(?:justified|"
    r"warranted|appropriate|indicated)\b|"
    # round 16: "heroin prescription should remain a treatment for people who ..." (CD003410.pub4),
    # "positive POCS findings are helpful for guiding treatment decisions" (CD012669.pub2)
    r"\bshould remain\b|\b(?:is|are) helpful (?:for|in)\b|"
    # 18 (lead): "because of the low cost and absence of adverse effects it is reasonable to consider
    # autoinflation whilst awaiting natural resolution" (cochrane CD006285)
    r"\bit (?:is|seems|may be|would be) (?:reasonable|appropriate|sensible|justified) to (?:consider|use|offer|try|give)\b|"
    # 17 (h17main): what must be weighed with the answer ("The benefits of SCS must be considered against
    # the possible harm of relatively mild complications and the costs.", CD004001; "Hypomania as a
    # potential adverse effect needs to be considered.", CD004050)
    r"\b(?:must|needs? to|ha(?:s|ve) to) be (?:considered|weighed|taken into account|balanced)\b|"
    # 27 (lead, read of seed 315): how care may be given ("Where resources are limited, iron can be
    # administered without screening for anaemia or for iron deficiency, as long as malaria prevention or
    # management services are provided efficiently.", cochrane eval CD006589, whose only implication was
    # "As Strong as Its Studies")
    r"\b(?:can|could|may) (?:safely )?be (?:administered|given|offered|used|prescribed|stopped|withheld|omitted)"
    r"(?= [^.]*\b(?:without|as long as|provided that|where|when|if|instead of|rather than)\b)|"
    # 28 (h28coch): how care must be given or may not be pressed ("The use of alemtuzumab requires careful
    # monitoring so that potentially serious adverse events can be treated early and effectively.", cochrane
    # mine CD010968.pub2; "the individual trials that showed a significant benefit of the vaccine are too
    # small to advocate widespread oral vaccination of people with COPD", CD010010.pub3; "TXA is effective if
    # given as early as possible", CD012964): each was left for "As Strong as Its Studies"
    r"\b(?:requires?|needs?) (?:careful|close|regular|long-term) (?:monitoring|checking|supervision|follow-up)\b|"
    r"\b(?:to|cannot|not) advocate\b|\b(?:if|when) (?:given|started|used) (?:as early|as soon) as possible\b",
    re.I,
)
# 28 (h28coch): a review's answer that is its verdict for care (fields.py answer_for_care): against routine use
# ("do not support the use of", "an absence of evidence to recommend", "insufficient evidence to support
# routine cryopreservation", "is not recommended") or for it ("an acceptable alternative to", "a useful
# addition to clinical pathways")
_CARE_AGAINST = re.compile(
    r"\b(?:do(?:es)? not|did not|cannot|(?:insufficient|no|not enough|an absence of|a lack of) evidence to) "
    r"(?:support|recommend|justify|advocate)\b|\b(?:is|are) not recommended\b|\bcannot (?:yet )?be recommended\b|"
    r"\bshould not be (?:used|offered|given|recommended)\b",
    re.I,
)
# ... a support the answer itself doubts ("There is some evidence to support the use of massage therapy ...",
# cochrane mine CD007502.pub2, whose authors want further studies "before massage therapy can be strongly recommended")
_CARE_DOUBT = re.compile(
    r"\b(?:not|no|cannot|insufficient|unclear)\b|\b(?:some|limited|weak|little|low[- ]quality|very low[- ]quality) evidence\b",
    re.I,
)
_CARE_FOR = re.compile(
    r"\b(?:reasonable|acceptable|suitable|valid|good) (?:option|alternative|choice)\b|\buseful addition\b|"
    r"\b(?:supports?|justif(?:y|ies)) (?:the )?(?:routine )?use\b|\bcan (?:safely )?be (?:offered|recommended)\b",
    re.I,
)
# a condition said first, set off by its comma ("Where resources are limited, ...", "If X is unavailable, ...")
_CONDITION_FIRST = re.compile(r"^(?:Where|In (?:settings|areas|countries|places) where)\b[^,;]{3,80},")
_CONTRAST_START = re.compile(r"^(?:However|Nevertheless|Nonetheless),?\s+(?=[A-Za-z])")
# A bare count whose sentence names what it counts ("All were cross-over studies", "Five were large
# retrospective cohort studies"): the design of the studies, fit for a research summary.
_NAMED_AS_STUDIES = re.compile(r"^\w+ (?:were|was) (?:[\w-]+ ){0,4}(?:studies|trials|RCTs)\b", re.I)
# ... and as the glossary says it ("Nevertheless, new evidence suggests ..." -> "Still, new evidence
# suggests ...", a key finding of cochrane CD002884): a finding stands alone, without the contrast
# ... or the likeness (24, h24coch: "Similarly, one trial suggested lower incontinence rates after open
# retropubic colposuspension compared to anticholinergic treatment.", cochrane mine CD002912.pub7)
_CONTRAST_LEAD = re.compile(
    r"^(?:(?:However|Nevertheless|Nonetheless),?|(?:Still|Yet|Similarly|Likewise),)\s+(?=[A-Za-z])"
)
# A key finding stands alone: "Thus, the researchers found no evidence relating to hospital stay ..."
# (24, lead: cochrane CD010891, mine half) infers from nothing said before it
_INFERENCE_LEAD = re.compile(r"^(?:Thus|Therefore|Hence|Consequently),\s+(?=[A-Za-z])")
# 28 (h28speed, code debt): the words of a cause said first and of what it is reasonable to do after a
# dummy "it", one list for the lead-ins below (_DUMMY_IT, _SET_ASIDE_LEAD, _CAUSE_LEAD, _BARE_CAUSE_LEAD,
# _CAUSE_BEFORE_IT) where they overlap
_CAUSES = ("due to", "because of", "owing to")
_CAUSE_WORDS = "(?:" + "|".join((*_CAUSES, "given")) + ")"
_REASONABLE_TO = r"(?:is|seems|may be|would be) (?:reasonable|appropriate|sensible|justified) to\b"
# 17 (h17main): "It would be beneficial for future trials in this area to include a quality-of-life
# assessment." (CD006849): a dummy "it", no sentence before it leant on
_DUMMY_IT = re.compile(
    r"^It (?:would|will|may|might|is|could) (?:also )?be (?:beneficial|useful|helpful|important|valuable|desirable|"
    r"advisable|worthwhile|necessary|essential) (?:for|to)\b|"
    rf"^It {_REASONABLE_TO}"  # CD006285
)
# The tail of a list cut from its head, then the sentence's main clause (cochrane CD006379.pub3: "Because of
# the scarcity of trials with ..., placebo control, and adequate concealment of allocation, it is clear that
# further research is needed ..." gave "Placebo control, and adequate concealment ..., it is clear that ...")
_LIST_TAIL = re.compile(r"^[^,]+, and [^,]+, (?:it|there|this|we|they|the researchers)\b")
# A lead-in a practice sentence can lose: a contrast with other people or a cause (fields.py implication_text)
_SET_ASIDE_LEAD = re.compile(
    # 28 (h28coch): "Taken together with the reliable evidence of the effect of TXA in trauma patients, the
    # evidence suggests that TXA is effective if given as early as possible." (cochrane mine CD012964)
    rf"^(?:(?:However|Nevertheless|Nonetheless),?\s+)?(?:In contrast to|Unlike|Contrary to|{_CAUSE_WORDS}|Taken together with)\b"
    r"(?:[^,;]{3,120},\s+|"
    # 18 (lead): "However, because of the low cost and absence of adverse effects it is reasonable to
    # consider autoinflation ..." (cochrane CD006285): no comma before the dummy "it"
    rf"[^,;]{{3,120}}?\s+(?=it {_REASONABLE_TO}))"
    r"(?=[A-Za-z])",
    re.I,
)
# A piece that only says what was done (no meaning of its own).
_METHOD_ONLY = re.compile(
    r"^The researchers (?:extracted|analy[sz]ed|collected|used|measured|studied|examined)\b|"
    r"\b(?:was|were) (?:done|performed|carried out|conducted|used|applied) to (?:show|test|assess|identify|find)\b|"
    # 20 (h20bmcread): what a model was made for is a method ("A Crx mutant strain of mice was created to
    # serve as a model for LCA and to provide more insight into Crx's function", bmc 1471-2202-6-5)
    r"\b(?:was|were) (?:created|generated|constructed|engineered|bred) to\b"
)
# A sentence stating the study's own limitation (not the limits of earlier work or of a treatment).
_STATED_LIMITATION = compile_gated(
    r"\b(?:(?:main|major|key|important|potential|several|study|our) )?limitations? (?:of (?:this|the|our) "
    r"(?:study|work|analysis|trial|review)|include|was|were|is|are)\b|\b(?:this|the|our) (?:study|analysis|"
    r"trial|work|review) (?:was|is) limited by\b|\blimited by (?:the|its|a|our)\b|\bshortcomings? of (?:this|the|our)",
    re.I,
)
# A number that is a result ("54%", "2.3 times"), not part of a name (HER2, IL-6, C57BL/6J).
_QUANTITY = re.compile(r"(?<![\w/+-])\d+(?:[.,]\d+)?(?![\w/+-])")
_NEXT_STEP = "Next Steps for Research"
# 28 (h28bmc): a result the work reports ("Finally, our results revealed that L321 could serve as an
# efficient chassis for the production of polyketides", bmc s12934-019-1055-7, a Results sentence) is a
# finding, not what it means, though it says "could serve": outside the conclusion it gives no
# implication ("What This Could Mean: The results showed that L321 could serve ..."); "we showed that the
# γ2 knockdown mouse line can be used to create ..." (1471-2202-6-30) says what the work gives researchers
_REPORTED_THAT = re.compile(
    r"\b(?:our|the) (?:results|data|findings|experiments)\s+"
    r"(?:\w+ly\s+|also\s+|further\s+)?(?:showed|revealed|demonstrated|found|confirmed|show|reveal|demonstrate|"
    r"confirm)\s+that\b",
    re.I,
)
_FOR_CARE = "What It Means for Care"
# A sentence that leans on the one before ("It is ...", "This probably needs ...").
_LEANS = re.compile(
    r"^(?:(?:It|They|This|That|These|Such|Both) (?:\w+ly )?(?:is|are|was|were|has|have|had|may|might|could|can|"
    r"will|would|probably|also|needs?|should|must|suggests?|shows?|indicates?|remains?|seems?|appears?)\b|"
    r"The same\b|Its\b|(?:It|This|That) (?:allowed|allows|led|leads|made|makes|enabled|enables)\b)"
)
# A review the plan could not size ("The review authors ...", "trials were included"): never "a single study".
_REVIEWISH = re.compile(
    r"\b(?:this|the) review\b|\breview authors\b|\b(?:studies|trials|RCTs) (?:were|was) included\b|"
    r"\bincluded (?:\w+ ){0,3}(?:studies|trials|RCTs)\b",
    re.I,
)
# A background sentence that points back to something the simple explanation never said.
_BACKGROUND_POINTS_BACK = re.compile(
    r"\b(?:this|these|those|such|the same|the former|the latter)\b|^(?:In spite of|Despite|However|Yet|But|"
    r"Thus|Therefore|Moreover|Furthermore|Also|Again|Similarly|Likewise|Hence)\b",
    re.I,
)
_ADVICE = re.compile(r"\b(?:should|must|recommend\w*|ought)\b", re.I)
# The authors' own work said in a background section ("To elucidate ..., we employed gene targeting",
# "Secondly, the coregenome variants ... were detected": a step of their procedure).
# "The aim of this study was to investigate ...": what the study set out to do is this research too.
# What a narrative review's own paper does ("Here, we review ...", "The researchers will show how
# ...", "We discuss herein ..."): its scope, said in the research summary, never a key finding.
_SCOPE = re.compile(
    rf"{NARRATIVE.pattern}|\b(?:we|this review|the authors) (?:will )?(?:highlight|focus|discuss|review|"
    r"describe|summari[sz]e|outline|present|propose|consider)\b|\bwe will\b|\bwill be (?:discussed|reviewed|"
    r"described|presented|highlighted|summari[sz]ed)\b",
    re.I,
)
# 23 (h23kf): never a review's pooled analysis ("Pooled analysis showed that extended prophylaxis was no
# more effective than placebo ...", cochrane CD011088.pub2): all its studies' result, so the claim says it
_WHOSE_FRAME = re.compile(
    r"^(?!The\b|This\b|(?:Pooled|Combined) (?:data|analys[ie]s|results) (?!of\b))[A-Z][\w-]* (?:\w+ )?(?:data|experiments?|simulations?|analys[ie]s|stud(?:y|ies)|trials?|"
    r"RCTs?|reviews?|measurements|observations)\b"
)
# Primary research: a method or the researchers said before what they found ("Immunohistochemical
# studies showed that X", "The chromosome-based synteny analysis showed that X", "The researchers
# later showed that X", bmc): the finding is X. Never a hedge ("suggest", "indicate"), nor a
# subject that counts or limits ("Two experiments", "Subgroup analyses", "In men, ...": which of
# them, or in whom, must stay), nor one that names a tool or a source of its own ("DeepResolve shows").
_METHOD_FRAME = re.compile(
    r"^(?:(?:Further|Furthermore|Moreover|Additionally|In addition|Finally|Here|Notably|Importantly|"
    r"Interestingly), )?(?:(?:[Tt]he|[Tt]hese|[Tt]his|[Ss]uch|[Aa]dditional) )?(?P<subject>(?:[\w/-]+ ){0,3}?(?i:data|experiments?|"
    r"simulations?|analys[ie]s|studies|measurements|observations|assays?|results|findings|tests|screens?|"
    r"staining|imaging|researchers|structures?|maps|search|microscopy|sequencing|recordings|"
    r"mutagenesis|approaches|methods|comparisons|profiling|tracking)"
    # 16 (h16kf): with what it was done ("Experiments with exogenous Ca2+ chelators show that ...",
    # elife_dev eLife.04057), never in whom (checked by the caller); never "A simple network model showed
    # that X" (eLife.03697): a model's result is no observation
    r"(?: (?:with|using) [^,;]{2,60}?)?)"
    r"(?:,? (?!only\b)(?:\w+ly|further|also|now|here|then|later|first|next|together)[,]?)? "
    r"(?:(?:has|have) )?(?:(?:were|was) able to )?(?:show|shows|showed|shown|find|finds|found|demonstrate|"
    r"demonstrates|demonstrated|reveal|reveals|revealed|confirm|confirms|confirmed|establish|established)"
    r" that,? (?P<claim>\S.+)$"
)
# 16 (h16kf): how the researchers found it, said before "the researchers showed that" ("By examining
# nerve cell activities at a population level, the researchers showed that, unlike ...", "By screening a
# chemical library, the researchers find that ...", elife_dev eLife.00312, eLife.03683): an observing
# verb or a tool only ("By knocking down X, ... found that cells died" keeps its cause), never in whom
# (``_IN_WHOM``); and "The researchers screened for X and found that Y" (eLife.03648): what they looked
# at, then the finding Y.
_HOW_LEAD = re.compile(
    r"^(?:By|Through) (?:(?:systematically|carefully|directly|further|then|also) )?(?:examining|analy[sz]ing|"
    r"screening|comparing|measuring|imaging|tracking|studying|sequencing|mapping|modell?ing|searching|"
    r"surveying|profiling|recording|monitoring|combining|applying|using|quantifying|visuali[sz]ing|"
    r"characteri[sz]ing|investigating|assessing|testing|looking at)\b[^,;]{2,100}?, (?=the researchers \S)"
    r"|^Using [^,;]{2,100}?\b(?:data|experiments?|simulations?|analys[ie]s|assays?|screens?|imaging|"
    r"microscopy|sequencing|recordings?|models?|modell?ing|approach(?:es)?|methods?|techniques?|tools?|"
    r"spectroscopy|crystallography|tomography|datasets?|mutagenesis|profiling|tracking|genetics|"
    r"measurements|maps?|mapping), (?=the researchers \S)"
)
_LOOKED_AND_FOUND = re.compile(
    r"^The researchers (?:(?:\w+ly|also|then|further|first) )?(?:examined|analy[sz]ed|screened|compared|"
    r"measured|imaged|tracked|studied|sequenced|mapped|modell?ed|searched|surveyed|profiled|recorded|"
    r"monitored|quantified|visuali[sz]ed|characteri[sz]ed|investigated|assessed|looked)\b(?P<what>[^,;]{2,120}?) "
    r"and (?:(?:then|also|further) )?(?:found|showed|show|find|demonstrated|revealed|confirmed|established) "
    r"that,? (?P<claim>\S.+)$"
)
# in whom, in what or how many a result holds: never dropped with how it was found
_IN_WHOM = re.compile(
    r"\b(?:vivo|vitro|silico|mice|mouse|rats?|humans?|patients?|people|participants?|children|women|men|"
    r"animals?|cells?|tissues?|plants?|yeast|flies|fish|zebrafish|worms?|bacteria|strains?|"
    + "|".join(sorted(re.escape(k) for k in _ANIMAL_PLURAL if k.isalpha()))
    + r")\b",
    re.I,
)
# a pronoun in the finding may point into the dropped words
_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|these|those|this|such)\b", re.I)
_NEGATED_LEAD = re.compile(r"\b(?:not|no|without|never|lack\w*|absence)\b|n't\b", re.I)
_LIMITING_SUBJECT = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|both|all|most|some|several|few|many|another|"
    r"other|each|either|neither|no|none|only|subgroup|sensitivity|secondary|exploratory|post-?hoc|"
    r"per-protocol|adjusted|unadjusted|multivariate|multivariable|univariate|stratified|pooled|"
    r"interim|preliminary|earlier|previous|prior|past|published|\d+)\b",
    re.I,
)
# A sentence that opens with these is not said after "In this review," ("Of three studies using
# beraprost ...", "To date, few ...", "In children, ...", "However, ..."): two lead-ins in a row.
_NOT_AFTER_LEAD = frozenset(
    "of in to for after at with by from among across compared when while although though despite "
    "however overall but and or so thus therefore as if because since it this these those such".split()
)
# a claim that opens on a clause the frame held together ("showed that while X, Y") or on a pointer
# to what the abstract said before ("... showed that this mutation ...")
_CLAUSE_OPENERS = frozenset(
    "while although whereas though when if as because since this these those such it they its their".split()
)
# ... nor a call for research or advice ("In this review, large randomised trials are needed" reads as
# the review's finding), nor one that names the review or a trial itself ("the major limitation of this
# review", "recorded in this trial")
_NOT_MERGED = re.compile(
    r"\b(?:(?:is|are|be|were|was) (?:also |still |urgently |now |not )?(?:needed|warranted|required)|needs? to be|"
    r"should|must|recommend\w*|this (?:review|trial|study|update))\b",
    re.I,
)
# anchored: it matches anywhere only if it matches at the start, and ``search`` tried every position
_COUNTED_SIGNIFICANT = re.compile(
    r"\A(?=.*(?:\d|\b(?:hundred|thousand|dozen)\b))(?=.*\bsignifican)", re.I | re.S
)
_ONLY_SIGNIFICANT = re.compile(r"\bonly\b.*\bsignifican", re.I)
_HEREIN = re.compile(r"(?<=\w) herein\b|^Here, (?=we\b)", re.I)
_AUTHORS = re.compile(r"^The researchers\b")
_OWN_WORK = re.compile(
    r"\b(?:we|our)\b|^(?:First|Second|Third|Fourth)(?:ly)?,|^Lastly,|"
    r"\b(?:aim|aims|objective|purpose|goal) of (?:this|the present|the current) (?:study|work|research)\b",
    re.I,
)
_LOW = ("low", "very low", "moderate")
# Lab or animal work that speaks of treatment: it may point to new treatments.
_TREATMENT = re.compile(
    r"\b(?:therap\w*|drugs?|inhibitors?|vaccines?|anti-?tumou?r|anti-?cancer|chemotherap\w*|antivirals?|"
    r"antimicrobial)\b|"
    # 20 (h20bmcread): a lab's own tools and exposures point to no treatment: "an antibiotic resistance gene
    # (for the selection ...)" (bmc s13068-019-1364-4, biofuel strains), "target genes", "off-target effects",
    # "target products", "candidate Wnt targets", "good targets for additional studies", "following treatment
    # with progestin": a target is one of a treatment ("potential molecular target for cancer treatment")
    r"\b(?:antibiotics?|treatments?)\b(?! (?:genes?|of|with|resistance)\b)|"
    r"\b(?:therapeutic|drug(?:gable)?|molecular|treatment) targets?\b|\btargets? for (?:\w+ ){0,3}(?:therap|treat|drug)",
    re.I,
)
# Computer work that makes a tool for others (a database, software, a web server).
_TOOL = re.compile(
    r"\b(?:tools?|software|databases?|web ?servers?|packages?|pipelines?|resources?|platforms?|toolkits?|"
    r"programs?|apps?|mappers?|aligners?|portals?)\b",
    re.I,
)
# A call for research says a need ("Further studies should examine ...", "is needed", "must"), where a
# result only feeds it ("a basis for further studies").
_NEED = re.compile(
    r"\b(?:needs?|needed|require[sd]?|warrant\w*|should|must|necessary|indicated|recommended|call|encouraged)\b|"
    # "Further research may establish whether ...", "future research would benefit from ..." (cochrane
    # CD001912.pub4, CD004248.pub2): a modal after the research word asks for it
    r"\b(?:further|future|more|larger) (?:[\w-]+ ){0,2}?(?:research|studies|trials|investigation|work|evaluation)\b"
    r"[^.]*?\b(?:may|might|would|could)\b",
    re.I,
)
# A title that names a method the work offers ("A simple and efficient CRISPR/Cas9 platform for ...",
# "... Oligo-linker mediated assembly (OLMA) method"): basic research that gives others a tool.
_METHOD_TITLE = re.compile(r"\b(?:methods?|approach(?:es)?|framework|assays?)\b", re.I)
_DESIGN_IMPLICATION = {
    d.RCT: "rct",
    d.NRCT: "nonrandomised",
    d.CASE_REPORT: "case_report",
    d.CASE_SERIES: "case_series",
    d.QUALITATIVE: "qualitative",
    d.DIAGNOSTIC: "diagnostic",
    **dict.fromkeys(OBSERVATIONAL, "observational"),
}
# A title's lead that names the design ("A population-based study of X", "Evaluation of X") and a
# trailing design ("X: a randomised trial", "X in Y, a cohort study").
_TOPIC_LEAD = re.compile(
    r"^(?:an? |the )?(?:[\w-]+ ){0,3}?(?:study|survey|analysis|trial|review|report|evaluation|assessment|"
    r"investigation|examination|exploration|characteri[sz]ation|comparison|audit|application) (?:of|on|into|in) "
    r"(?:the )?",
    re.I,
)
_TOPIC_DESIGN = re.compile(
    r"\s*(?:[,;]|\s[-–])\s*(?:an? |the )?(?:[\w-]+ ){0,4}(?:study|trial|survey|report|review|analysis|series)$",
    re.I,
)
# A title led by its design ("A population-based study of X"): the topic sentence's subject names it.
_DESIGN_LEAD = re.compile(
    r"^(?:an? |the )?(?:[\w-]+ ){0,3}?(?:study|survey|trial|review|report|audit) (?:of|on|into|in) (?:the )?",
    re.I,
)
# The topic sentence's frame ("This study in mice looked at", "This trial asked if") and where
# its last modifier may be said apart (Writer.split_topic): a method, a named tool's apposition ("X,
# a database for ..."), a place, an organism or a group of people.
_TOPIC_FRAME = re.compile(
    r"^This [\w -]+? (?P<v>looked at|asked (?:whether|if)|compared|set out to \w+|will (?:look at|test (?:whether|if)|compare))\s+"
)
_TOPIC_SPLIT = re.compile(r" (?P<p>using|in|among|within) ")
# The topic's name and what it is ("HIA, a genome mapper ..."): a name of up to six words without a
# preposition, so "It is ..." can only mean the name ("the role of X, a kinase" stays whole); round 18
# (h18se) also lets in a lower-case or several-word name and an apposition that opens on a capital
# ("IRESpy, an XGBoost model ...", "bread wheat, a role model ...", bmc s12859-019-2999-7, s41065-019-0093-9)
_NAMED = re.compile(
    r"^(?P<name>(?:(?!(?:of|in|for|on|with|to|from|by|between|and|or|as|at|into|among|via|versus|vs)\b)"
    r"[\w-]+ ){0,5}(?!(?:of|in|for|on|with|to|from|by|between|and|or|as|at|into|among|via|versus|vs)\b)[\w-]+),"
    r" (?P<art>an? )(?=\w)"
)
# What the researchers made or present, before its name (fields.py Writer._named_apart, round 20)
_MADE_NAMED = re.compile(
    r"^The researchers (?:have |also |here )?(?:present|develop|introduce|propose|describe|create|build|built|"
    r"design|establish|construct)(?:s|ed|d)? "
)
# The whole of a place, organism or group of people ("Saccharomyces cerevisiae", "older women with HIV").
_WHO_OR_WHERE = re.compile(
    r"(?:(?:[\w-]+ ){0,3}(?:people|patients|women|men|children|adults|adolescents|infants|girls|boys|"
    r"residents|students|workers|smokers|mothers|volunteers)(?: (?:with|without|aged|from|in) [\w -]+)?|"
    r"(?!(?:The|This|These|A|An)\b)[A-Z][a-z]{3,}(?: [a-z]{3,})?)"
)
# Verbs that make a title a claim, beyond _TITLE_CLAIM's ("Functional genomics identifies ...").
_CLAIM_VERB = re.compile(
    r"\b(?:identifies|selects|uncovers|suggests|indicates|demonstrates|establishes|explains|enables|"
    r"highlights|unveals|unveils|exhibits|displays|induces|modulates)\b"
)


_PREPOSITION = re.compile(
    r"\s(?:in|among|for|with|using|from|on|by|during|after|within|via|through|and its|versus|vs\.?)\s"
)


def _topic_head(topic: str | None) -> str | None:
    """The topic's head, up to its first preposition but "of" ("Kurdish breast cancer" of "Kurdish
    breast cancer in northern Iraq"), or its second when the first leaves under three words."""
    if not topic:
        return None
    cuts = [  # never inside a name ("People with Mental Illness")
        m.start()
        for m in _PREPOSITION.finditer(topic)
        if not (topic[m.end() : m.end() + 1].isupper() and topic[: m.start()].split()[-1][:1].isupper())
    ]
    for cut in cuts[:2]:
        head = topic[:cut].strip(" ,")
        if 3 <= rw.word_count(re.sub(r"^(?:an?|the) ", "", head, flags=re.I)) <= 7:
            return head if head != topic else None
    return None


def _sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=\.)\s+", text) if x]


# A title that states a claim ("X induces Y", "A is linked to B"): a verb after the first word.
_CLAIM_VERBS = (
    r"(?:is|are|was|were|does|do|can|may|(?:causes?|induces?|enhances?|improves?|reduces?|increases?|"
    r"decreases?|predicts?|promotes?|inhibits?|regulates?|directs?|protects?|drives?|affects?|prevents?|"
    r"mediates?|modulates?|controls?|suppresses?|activates?|determines?|confers?|leads?|impairs?|alters?|"
    r"blocks?|limits?|restores?|requires?|reveals?|shows?|triggers?|contributes?|depends?|correlates?|"
    r"lowers?|raises?|worsens?|delays?|accelerates?|protect|reduce|increase|improve|cause|induce|promote|"
    r"inhibit|regulate|direct|drive|affect|mediate|modulate|control|contains?|functions?|responds?|forms?|"
    r"underlies|underlie|encodes?|binds?|acts?|shapes?|links?|facilitates?|coordinates?|governs?|defines?|"
    r"supports?|targets?|maintains?|senses?|becomes?|has|have|lacks?|provides?|showed|identifies|uncovers?|"
    r"highlights?|enables?|offers?|plays?|demonstrates?|explains?|yields?|confirms?|unveils?|represents?|"
    r"constitutes?|generates?|precedes?|disrupts?|organizes?|organises?|remains?|specif(?:y|ies)|emerges?|"
    r"parses?|changes?|selects?|suggests?|indicates?|establishes?|"
    # round 18 (h18se): verbs a title never uses as nouns ("The equatorial position of the metaphase
    # plate ensures symmetric cell divisions", elife_dev eLife.05124, was "looked at ... ensures ...")
    r"ensures?|confines?|orchestrates?|dictates?|stabili[sz]es?|destabili[sz]es?|represses?|restricts?|"
    r"sustains?|obviates?|counteracts?|antagoni[sz]es?|potentiates?|attenuates?|exacerbates?|reprograms?|"
    r"locali[sz]es?|interacts?|elicits?|evokes?|prescribes?|"
    # round 21 (h21bmc): claim titles said as a topic ("This research on EGF-dependent re-routing of
    # vesicular recycling switches spontaneous ... adds to basic knowledge", elife_dev eLife.12223);
    # "switches" and "influence" only before what they take, never the nouns ("switches in", "influence of")
    r"impedes?|implicates?|phosphorylates?|(?:up|down)-?regulates?|"
    r"switches(?= (?!(?:of|in|for|and|or|to|by|on|between|from|that|which)\b)\w)|"
    r"influences?(?= (?!(?:of|in|for|and|or|to|by|on|between|from|that|which)\b)\w)|"
    # round 18 (h18se): a claim title with a plural verb was said "This study looked at modes of synaptic
    # transmission use different calcium sources." (elife_dev eLife.01206; "Nup188 and Nup192 share
    # ...", eLife.00745): "share" and "use" only before what they take, never the nouns ("market share
    # of", "antibiotic use in children")
    r"shares?(?= (?!(?:of|in|for|and|or|to|by)\b)\w)|"
    r"use(?= (?:different|distinct|the|a|an|two|three|multiple|similar|common|separate|specific|alternative|"
    r"external|internal|both|their|its|these|this)\b)))"
)
_TITLE_CLAIM = re.compile(rf"^\S+(?: \S+)*? {_CLAIM_VERBS}\b")
_CLAIM_VERB = re.compile(rf"(?<=\s){_CLAIM_VERBS}\b")


def _lower_ok(word: str, abstract: str) -> bool:
    """A title's first word may be lower-cased in a sentence unless the abstract writes it with a
    capital in mid-sentence (a name: "Yersinia", "Frankincense" only if so written)."""
    return not re.search(rf"[a-z,] {re.escape(word)}\b", abstract)


_CLAIM_NOT_AFTER = frozenset(
    "to of for a an the and or in on by with from into its their this that these whose which".split()
)
_NOUN_NEXT = frozenset({"for", "of", "to", "in", "with", "on", "and", "from"})
_NOUN_OR_VERB = frozenset(
    "links forms functions controls targets acts shapes supports limits blocks leads senses binds responds "
    "function control target form link shape support limit block lead yield yields remain remains specify "
    "specifies emerge emerges parse parses change changes".split()
)
_RELATIVE = re.compile(r",? (?:which|that|who|whose|where|when) ")
_NOUN_LEAD = re.compile(
    r"^(?:effects?|effectiveness|impacts?|roles?|influence|efficacy|safety|use) of\b", re.I
)


# "How scent and nectar influence floral antagonists and mutualists" (elife_dev eLife.07641): a
# question's clause names a topic ("looked at how ..."), no claim ("asked if how ...")
_WH_LEAD = re.compile(r"(?:How|Why|What|When|Where|Whether|Which)\b")


# 28 (h28bmc): a verb-or-noun in its plain form after a plural noun and before a preposition of
# time or manner is the plural subject's verb: "Patterns of call communication between group-housed
# zebra finches change during the breeding cycle" (elife_dev eLife.07770) was "This study looked at
# patterns of call communication between group-housed zebra finches change."; the tagger reads
# "change" there as a noun. "Structural changes during ..." (the plural) is the noun.
_PLURAL_NOUN_END = re.compile(r"(?<![su])s$")
_VERB_PREPOSITION = re.compile(r" (?:during|after|over|across|with|when|while|at|under|upon|in response)\b")


def _plural_then_verb(main: str, m: re.Match[str]) -> bool:
    before = main[: m.start()].split()
    return (
        not m.group(0).endswith("s")
        and bool(before)
        and _PLURAL_NOUN_END.search(before[-1]) is not None
        and _VERB_PREPOSITION.match(main, m.end()) is not None
    )


def _title_claim(title: str, model: str | None = None) -> bool:
    """The title states a claim ("BAG-1 haplo-insufficiency impairs lung tumorigenesis"): a verb
    in its main part, not after a preposition or article ("a strategy to promote", "design
    framework under stationary control policy") and not inside a relative clause; when only such
    a verb is found ("Sgol2 provides a platform that coordinates ..."), the parse decides."""
    main = _RELATIVE.split(title, maxsplit=1)[0]
    if _NOUN_LEAD.match(main) or _WH_LEAD.match(main):
        return False
    if model and _parsed_claim(title, model, strict=not _TITLE_CLAIM.search(title)):
        return True
    for m in _CLAIM_VERB.finditer(main):
        verb_use = main.startswith((" as ", " by "), m.end())  # "ABC transporter functions as a pacemaker"
        verb_use = verb_use or _plural_then_verb(main, m)
        if m.group(0) in _NOUN_OR_VERB and not verb_use and not (model and _parsed_claim(main, model)):
            continue  # "Discovery and disentanglement of aligned residue links"
        before = main[: m.start()].split()
        prev = before[-1].lower() if before else ""
        if prev.endswith(","):
            continue  # an item of a list: "fiber quality, yield and morphological traits"
        if prev == "and" and m.group(0).endswith("s") and not main.startswith(" of", m.end()):
            return True  # "Loss of X abolishes Y and causes deafness"
        if prev and prev not in _CLAIM_NOT_AFTER:
            return True
    return False


# A gene or protein name as a title's one-word subject: a capital or digit after its first letter.
_IDENTIFIER = re.compile(r"\w+(?:[A-Z]|\d)\w*")


def _parsed_claim(title: str, model: str, strict: bool = False) -> bool:
    """The parse's root is a finite verb with a subject ("MicroRNAs down-regulate ..."); ``strict``
    (no verb of the claim list in the title): only a verb in "-s" after its subject ("A single
    factor dominates ..."), since titles' nouns are often parsed as verbs ("combination test")."""
    # 27 (h27speed): parsed only when the tagger finds a finite verb or a modal, which the claim
    # needs (74 of 98 titles and title parts asked for 100 BMC abstracts had none)
    doc = parsed_if(title, model, has_finite_tag)
    if doc is None:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if (
        strict
        and not (
            root.tag_ == "VBZ"
            and (root.i > 1 or _IDENTIFIER.fullmatch(doc[0].text))  # "YcgC represents ...", "p53 governs ..."
            and _ends_subject(doc[root.i - 1], root)
            and (root.i + 1 == len(doc) or doc[root.i + 1].lower_ not in _NOUN_NEXT)
        )
        and not _plural_claim(root)
    ):
        return False  # "Systems biology approaches for advancing ..." is a noun phrase
    finite = root.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in root.children
    )
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def _ends_subject(token: Token, root: Token) -> bool:
    """``token`` (right before the verb) is the verb's subject or ends it: "Suppression of
    transcriptional drift extends C. elegans lifespan" (elife_dev eLife.08833, 28 h28bmc: was "This
    study looked at suppression of transcriptional drift extends C. elegans lifespan.")."""
    if token.dep_ == "nsubj":
        return True
    from lemminflect import getLemma

    # a verb English knows: "Mapping and analysis of Caenorhabditis elegans ..." has "elegans" tagged VBZ
    subject = next((c for c in root.lefts if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.i < token.i
        and token in subject.subtree
        and bool(getLemma(root.lower_, upos="VERB", lemmatize_oov=False))
    )


def _plural_claim(root: Token) -> bool:
    """A plural subject's present-tense verb that English knows as a verb ("Stapled Golgi cisternae
    remain in place", "SLY1 and Syntaxin 18 specify a distinct pathway"), not a Latin species word
    the tagger calls one ("... of Gossypium hirsutum L")."""
    from lemminflect import getLemma

    return (
        root.tag_ == "VBP"
        and root.i > 0
        and any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
        and root.nbor(-1).text not in (",", ":", ";")
        and bool(getLemma(root.lower_, upos="VERB", lemmatize_oov=False))
    )


def _spelled_by(short: str, text: str) -> bool:
    """``short`` is a short form whose capitals the first capitalised words of ``text`` spell ("JOA"
    and "Joint Overlap Analysis of multiple genomic interval sets")."""
    letters = [c for c in short if c.isupper()]
    if len(letters) < 2 or not re.fullmatch(r"[A-Za-z0-9-]+", short):
        return False
    words = text.split()[: len(letters)]
    return len(words) == len(letters) and all(w[:1] == c for w, c in zip(words, letters, strict=True))


def _lower_first(phrase: str, abstract: str) -> str:
    """ "Test-retest reliability ..." -> "test-retest reliability ..." after "looked at"; a name,
    an acronym or a word mixing letters and digits keeps its capital."""
    first, sep, rest = phrase.partition(" ")
    if first in ("A", "An", "The") or (
        re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*", first)
        and _lower_ok(first, abstract)
        and not _genus(first, rest, abstract)
    ):
        return first.lower() + sep + rest
    return phrase


def _genus(first: str, rest: str, abstract: str) -> bool:
    """ "Caenorhabditis elegans ...": a genus the abstract also writes short ("C. elegans"), which keeps
    its capital though the abstract never writes it in mid-sentence (elife_dev eLife.06967, once its
    title's "Mapping and analysis of" lead went)."""
    species = rest.split(" ", 1)[0]
    return (
        species.isalpha()
        and species.islower()
        and re.search(rf"\b{first[0]}\. {re.escape(species)}\b", abstract) is not None
    )


# Where a long topic may be cut (its last modifier first): "X in short-read data", "X during Y".
_TOPIC_CUT = re.compile(
    r",? (?P<p>in|using|during|through|via|based on|among|by|from|on|at|across|after|within|"
    r"under|following|as|versus|vs\.?|without|and its|and their) ",
    re.I,
)
# A cut right after these would leave them dangling ("genes present", "transcripts that could
# have originated", "an interface implemented").
_DANGLING = re.compile(
    r"\b(?:present|found|involved|associated|located|expressed|used|based|observed|related|induced|"
    r"seen|living|undergoing|receiving|\w+ed)$",
    re.I,
)
# A title's claim with a negation ("Soap is not enough"): no question to ask "whether".
_NEGATED_CLAIM = re.compile(r"\b(?:not|no|never|cannot|without|n't)\b", re.I)
# A topic cut that would end on "towards <one or two words>".
_TOWARDS_END = re.compile(r"\btowards?(?: \S+){1,2}$", re.I)
_KEEP_COMPARED = ("with", "versus", "vs", "vs.", "and its", "and their")
# A title led by a verb in "-ing" ("Comparing X", "Mapping Y"): said as what the study did.
_GERUND = re.compile(r"^(?P<v>[A-Z][a-z]+ing) (?P<rest>\S.*)$")
_NOT_GERUND = frozenset({"during", "according", "including", "following", "regarding", "concerning", "nothing",
                          "something", "training", "signaling", "signalling", "building", "spring", "string",
                          "morning", "bring", "thing", "king", "ring", "wing", "swing",
                          # round 18 (h18se): participles a title uses as adjectives ("Flowering time and
                          # seed dormancy control use ...", elife_dev eLife.05557, was "This study flowered
                          # time ..."; "Emerging roles of", "Circulating tumour cells")
                          "flowering", "living", "dividing", "emerging", "circulating", "existing",
                          "underlying", "migrating", "differentiating", "proliferating", "sleeping",
                          "neighboring", "neighbouring", "remaining", "beating", "spiking", "recurring",
                          "aging", "ageing", "dying", "resting", "interacting", "cycling"})  # fmt: skip


# 23 (h23bmc): a gerund of what a study aims at names its goal, not its deed: "Improving the
# pre-screening of eligible patients ..." (bmc s13063-014-0535-7) was "This study improved the
# pre-screening ...", a result the study never had; it is said "looked at improving ..."
_GOAL_GERUND = re.compile(
    r"^(?:Improv|Increas|Reduc|Decreas|Enhanc|Optimi[sz]|Prevent|Promot|Maximi[sz]|Minimi[sz])ing\b"
)


def _gerund_past(title: str) -> tuple[str, str] | None:
    """ "Comparing the performance of X" -> ("compared", "the performance of X")."""
    m = _GERUND.match(title)
    if m is None or m.group("v").lower() in _NOT_GERUND or m.group("rest").startswith(("of ", "and ")):
        return None  # "Confounding of linkage disequilibrium patterns", "Cloning and characterization of" are nouns
    if _GOAL_GERUND.match(title):
        return None
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(m.group("v").lower(), upos="VERB", lemmatize_oov=False)
    if not lemmas:
        return None
    past = getInflection(lemmas[0], tag="VBD", inflect_oov=False)
    return (past[0], m.group("rest")) if past else None


_LEANING = ("This ", "These ", "But ", "In contrast", "Meanwhile", "However", "It ", "They ")


def similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Near-duplicates, judged a little stricter than the eval's cross-field repeat measure."""
    if same_words(a, b) >= threshold:
        return True
    wa, wb = content_words(a), content_words(b)
    if len(wa) < 3 or len(wb) < 3:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


# Words that report a finding rather than state it: "X was shown to be well tolerated" and "X was
# well tolerated" are one finding.
_REPORTING = content_words(
    "shown show shows showed found find finds reported report reports demonstrated demonstrate observed "
    "revealed reveal noted seen generally overall also"
)
# The connective a split gives the second of two contrasted results ("..., but B" -> "But B").
_CONTRAST = re.compile(r"^(?:But|However,|In contrast,|Meanwhile,)\s+")
# "in the former group": which group the sentence before it named
_FORMER_LATTER = re.compile(r"\bthe (?:former|latter)\b", re.I)
# A sentence about the rest of what the one before named ("The remaining five studies did not detect
# a significant effect", "None of the remaining five trials reported ...", "In the other trial, ..."):
# said alone it drops the part it is set against (CD001006, composer 12 blind read)
_THE_REST = re.compile(
    r"^(?:(?:In|For|Of|Among|None of|All of|Each of|Most of|Some of|Both of|Many of) )?"
    r"(?:the|those) (?:remaining|other|rest)\b(?! hand\b)",
    re.I,
)
# A finding that opens with a pronoun needs the sentence before it ("It confirmed ...").
_PRONOUN_START = re.compile(r"^(?:It|They|Its|Their)\b")
# ... as does a demonstrative or quantifier said as the subject ("This was supported by ...", "Both
# were enriched in ...", "This is true for ...", "This epistatic influence manifested ...", "in the
# former group"); "This is the first report of X" and "This study ..." say the work's own news. One
# pattern for the key findings and the research summary (it was two: _POINTS_BACK and _LEANS_ON).
_LEANS_ON = re.compile(
    r"^(?:(?:This|That|Both|Neither|Each|None)\s+(?:was|were|is|are|had|has|have|did|does|may|might|could|can)\b"
    r"(?!\s+(?:the\s+)?first\b)"
    r"|(?:This|These|Those|That|Such)\b(?! (?:study|trial|review|work|paper|article|report|research|was|is)\b)"
    r"|Both (?:were|are|was|is|had|have|of)\b|The (?:former|latter)\b"
    # "In neither case was a difference between treatments identified." (CD008319): which cases?
    r"|In (?:neither|either|each|both|all) (?:case|instance)s?\b"
    # 21 (lead): "Otherwise, no other major side effects were found in the other two trials." (cochrane eval
    # CD003465, a research summary): otherwise than what the sentence before said
    r"|Otherwise\b"
    # 24 (lead, eval seed 277): "The exception was the comparison of topical natamycin and topical
    # voriconazole for which three trials were available." (cochrane CD004241, a research summary)
    r"|The (?:only |one )?exceptions? (?:was|were|is|are)\b)"
)
# "This suggests that X" says the result "X" with what it leans on named: "The results suggest that X".
_THIS_SAYS = re.compile(r"^This\s+(suggest|indicate|show|mean)(s|e?d)?(?=\s+that\b)")
# A review's account of what its studies did ("Seventeen studies compared X versus placebo."),
# not what they found.
_STUDIES_DID = re.compile(
    r"^(?!(?:no|none|neither|few)\b)(?:[\w-]+ ){0,3}?(?:studies|trials|RCTs|reviews)\s+"
    r"(?:\w+ly\s+|also\s+)?(?:compared|assessed|evaluated|examined|investigated|measured|included|enrolled|"
    r"recruited|signed up|used|tested|looked at|were conducted|were carried out|were published|were identified|"
    r"took place|were done|involved|addressed|focused|ranged|lasted)\b(?![^.]*\b(?:found|showed|reported "
    r"(?:that|no|a|an|higher|lower|more|less)|no (?:difference|effect|evidence)|than)\b)",
    re.I,
)


# The authors report a result in the present tense ("Using siRNA knockdown experiments, we find
# that ..."), as eLife abstracts do.
_FIND_THAT = re.compile(
    r"\b(?:we|the researchers|the authors)\s+(?:\w+ly\s+|also\s+|further\s+)?(?:find|show|report|demonstrate|"
    r"reveal|observe|identify|establish|uncover)s?\s+that\b",
    re.I,
)

# What was found, counted ("Eight small-effect QTL controlling CIA severity were identified."): the
# passive verb reads as a method, the number makes it a result; never the studies a search found
# ("Four of these studies were newly identified", a review's size, not a finding).
_COUNTED = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?)\s(?!(?:\w+\s+){0,2}(?:studies|trials|articles|papers|"
    r"records|reviews|publications|documents)\b)[^.;:]*?\b(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?:identified|detected|found|observed|seen|recorded|isolated|discovered)\b",
    re.I,
)


# A finding that opens on a pointer to what the field does not say ("In this subgroup, ...", "Of
# these 117 genes, ..."), or says "this/these X" of something named only in the abstract ("reduced
# these events similarly"); "this review" and "this study" are the work itself.
_POINTER = r"(?:this|these|that|those|such|the same|the former|the latter)\b"
_THIS_WORK = (
    r"(?:review|reviews|study|studies|trial|trials|update|work|research|paper|article|report|analysis|"
    r"meta-analysis|systematic)\b"
)
_POINTER_LEAD = re.compile(
    rf"^(?:In|For|Among|Within|Of|From|Across|Under|During|After|Before|Compared (?:with|to)|Unlike|Like|"
    rf"Despite|At|With|Without|Besides|Beyond|Apart from|Based on|Given|Using|On|Through|By|To|As|Like) "
    rf"{_POINTER}(?! {_THIS_WORK})"
)
# 27 (h27coch): a sentence that points back at the outcome or comparison of a run-in heading says no result
# of its own: "Acupressure versus NSAIDs One study reported this outcome, using a 0 - 3 pain scale." (cochrane
# mine CD007854.pub3: the simple explanation's further result once its group result said its comparator)
_REPORTED_THIS = re.compile(
    r"\b(?:reported|measured|assessed|examined|addressed|looked at) (?:on )?(?:this|that|these|those) "
    r"(?:outcomes?|comparisons?|measures?)\b",
    re.I,
)
# 26 (h26coch): what a result rests on is no further result: "The result was mainly based on studies of less
# than 8 days of treatment." (cochrane mine CD004050.pub2, said after the review's answer, whose result it is not)
_BASIS_OF_RESULT = re.compile(
    r"^(?:The|This|These|That|Those) (?:results?|findings?|effects?|evidence|estimates?)\b[^.;]{0,20}?"
    r"\b(?:was|were|is|are) (?:\w+ly )?(?:based|built) on\b",
    re.I,
)
_POINTER_IN = re.compile(rf"(?<!^)\b(?:this|these) (?!{_THIS_WORK})[a-z]")
# "The larger of these contributed over 99% of the data": one of what the abstract listed before
# advice is no finding (25, lead: "Health workers supporting parent-mediated intervention need to check
# levels of parent stress.", cochrane CD009774, from "practitioners ... require to monitor ...")
_SHOULD = re.compile(
    r"\b(?:should|must|ought to)\b|\b(?:clinicians|practitioners|health (?:care )?(?:workers|professionals)|"
    r"doctors|nurses|professionals|providers)\b[^.;]{0,60}\b(?:need|needs|require|requires) to\b",
    re.I,
)
# (the research summary: as its subject only, "... the specificity of these methods" says what was done)
_OF_THESE = re.compile(
    r"(?:^(?:[\w-]+ ){0,2}|\b)(?:of|from|among) (?:these|those|them)\b(?! (?:studies|trials|reviews)\b)", re.I
)
# 24 (h24bmc): a count or share "of them" in the simple explanation, whose sentence before it never says
# what "them" are ("Duplicated genes account for 41.7% of them.", bmc s12864-019-5985-6: the 48 genes)
_COUNT_OF_THEM = re.compile(
    r"\b(?:\d[\d.,]*\s*%|\d[\d,]*|half|most|all|some|none|many|each|several|both|one|two|three|four|five) of them\b",
    re.I,
)
# "This method is ...", "These cells died": the pointer said as the article, when a noun follows
_THIS_NOUN = re.compile(r"^(?:This|These) (?=[a-z])")
# "These significant benefits ...": the effects a review's sentence before found
_THESE_EFFECTS = re.compile(
    r"^(?:This|These) (?:[\w-]+ ){0,2}?(?:benefits?|effects?|improvements?|differences?|reductions?|increases?|"
    r"changes?|gains?|harms?|associations?|findings?|results?)\b"  # ("This finding was present when ...", 25: CD012197)
)
# Words that name no subject matter: a finding of only these says nothing of what it is about ("There
# is now not enough evidence.", "The results should be interpreted cautiously.").
_NAMES_NOTHING = content_words(
    "evidence enough insufficient data result results finding findings study studies trial trials review "
    "reviews researchers authors conclusion conclusions firm estimate estimates quality certainty uncertain "
    "uncertainty method methods methodological issue issues shortcoming shortcomings clear unclear "
    "interpreted interpret cautiously caution important raise raises effect effects difference differences "
    "significant statistically found find showed shown reported report follow-up few little limited poor "
    "good low high moderate very current currently available further analysis analyses outcome outcomes "
    "included include group groups overall general generally possible need needed needs more research "
    "benefit benefits harm harms confidence conclude concluded clinical importance"
)


# A definition that is a clause of its own ("people were put into groups by chance"): no "X means"
# sentence reads right before it.
_CLAUSE_DEFINITION = re.compile(r"(?:people|researchers|everyone|neither|patients|doctors)\b", re.I)
# Where a definition's head noun phrase ends ("damage | to the nerves", "painful joint swelling |
# caused by crystals").
_DEFINITION_HEAD_END = re.compile(
    r"\s(?:to|of|in|by|that|which|who|caused|with|without|at|over|from|inside|for|on)\b"
)


def _plural_term(term: str) -> bool:
    last = term.lower().split()[-1]
    return last in ("loci", "data", "criteria", "bacteria") or (
        last.endswith("s") and not last.endswith(("ss", "is", "us", "'s"))
    )


def explanation(templates: ComposerTemplates, term: str, define: str, article: str) -> str | None:
    """The sentence that explains ``term`` (as the page writes it, after ``article``: "a" or "an"
    where the page says "a placebo", else "") from its glossary definition: "Atrial fibrillation is an irregular heartbeat.",
    "A placebo is a dummy treatment.", "Biomarkers are measurable signs in the body.",
    "Hysterectomy means removal of the womb.". None where no template reads right: a definition
    that is a clause ("people were put into groups by chance"), or one whose head is plural for a
    singular term ("CT scan" -- "detailed X-ray pictures")."""
    if _CLAUSE_DEFINITION.match(define):
        return None
    plural = _plural_term(term)
    lead = define.split()[0].lower()
    if lead in ("a", "an", "the"):
        key = "are" if plural else "is"
    elif lead.endswith("ing"):
        key = "means"  # "looking back at past records", "having too much body fat"
    else:
        head = _DEFINITION_HEAD_END.split(define, maxsplit=1)[0].split()[-1].lower()
        if plural:
            key = "are"
        elif head.endswith("s") and not head.endswith("ss"):
            return None
        else:
            key = "means"
    # "a biomarker": "A biomarker is a measurable sign ..."; never "A retrospective means ..."
    said = f"{article} {term}" if article in ("a", "an") and key == "is" else term
    return templates.text("explain", key, term=rw.capitalize_first(said), define=define)


def names_nothing(text: str) -> bool:
    """A key finding that does not say what it is about: every content word is about evidence,
    results or method ("There is now not enough evidence.")."""
    return not (content_words(text) - _NAMES_NOTHING)


def same_finding(a: str, b: str) -> bool:
    """Two key findings that say the same, also when one only reports it ("X was shown to be
    generally well tolerated" and "X generally was well tolerated; the most ...")."""
    if similar(a, b, 0.6):
        return True
    wa, wb = content_words(a) - _REPORTING, content_words(b) - _REPORTING
    if len(wa) < 2 or len(wb) < 2:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= (1.0 if min(len(wa), len(wb)) == 2 else 0.75)


# A study that asked people: a survey, questionnaire, interview or poll
_ASKED = re.compile(r"\b(?:survey\w*|questionnaires?|interview\w*|polls?|respondents?)\b", re.I)


@dataclass
class Writer:
    plan: Plan
    templates: ComposerTemplates
    realiser: Realiser
    written: list[str] = field(default_factory=list)  # every sentence any field has used
    answer: list[str] = field(default_factory=list)  # the simple explanation's answer (found step)
    who_texts: list[str] = field(default_factory=list)  # its "who" sentences
    headline: int | None = None  # the source sentence said as the answer (found step)
    further: list[str] = field(
        default_factory=list
    )  # a further result the simple explanation says (result step)
    size_said: bool = False  # the simple explanation says the review's size (the summary does not)
    restated: list[str] = field(default_factory=list)  # key findings that say the answer again

    @property
    def p(self) -> dict[str, int]:
        return self.templates.params

    def fresh(self, text: str) -> bool:
        return not any(similar(text, w) for w in self.written) and (
            self.plan.pooled_allowed or not _POOLED.search(text)
        )

    def fill(self, section: str, key: str, **values: object) -> str | None:
        text = self.templates.text(section, key, **values)
        return rw.fix_articles(text) if text else None

    def use(self, texts: list[str]) -> list[str]:
        kept = [t for t in texts if self.fresh(t)]
        self.written.extend(kept)
        return kept

    def noun(self) -> str:
        noun = str(self.templates.section("design_nouns").get(self.plan.design, "study"))
        if noun == "survey" and not _ASKED.search(self.plan.article.abstract_plain):
            # a cross-sectional study that asked no one: "This survey looked at the correlation between
            # ultrasound scan assessment and vascular pedicle width" (bmc s40560-015-0121-4, 84
            # measurements on ventilated patients) was no survey
            return "study"
        return noun

    # ----- simple explanation -----------------------------------------------------------
    def subject(self) -> str:
        """How the topic sentence names the work: "This trial", "This review", "This study in mice"."""
        plan = self.plan
        text = self.templates.text(
            "subjects", plan.setting, noun=self.noun(), species=plan.species, material=plan.material
        )
        return text or f"This {self.noun()}"

    def _topic_text(self, key: str, **values: object) -> str | None:
        """The topic template ``key`` for this kind of work (``key_<setting>`` first), filled."""
        values = {"subject": self.subject(), **values}
        return self.templates.text("topic", f"{key}_{self.plan.setting}", **values) or self.templates.text(
            "topic", key, **values
        )

    def topic(self) -> list[str]:
        """What was studied: the aim in plain words ("This study looked at ..."), else the title's topic.

        The topic is the head of the aim or title: long trailing modifiers ("in short-read data",
        "during the reproductive cycle") are dropped so the sentence stays short (``topic_words``).
        """
        limit = self.p["simple_max_sentence"] + self.p.get("topic_extra_words", 6)
        aim = self.plan.aim()
        if aim is not None:
            m = _AIM.search(self.realiser.words(aim.text.rstrip(". ")))
            if m:
                x = m.group("x").rstrip(" .,;")
                later = _AIM.search(x)  # "To address these shortcomings, we sought to develop X": X
                x = later.group("x").rstrip(" .,;") if later else x
                pieces = None
                for pattern, key in _AIM_VERBS:
                    if pattern.match(x):
                        rest = pattern.sub("", x, count=1).strip()
                        if key == "find_out" and not _QUESTION.match(rest):
                            key = "looked_at"  # "to determine test-retest consistency"
                        pieces = self._lay_topic(key, self._head(rest, key), limit)
                        break
                if pieces is None:
                    pieces = self._lay_topic("aim", self._head(x, "aim"), limit)
                if pieces:
                    self.plan.claim(aim, "simple_explanation")
                    return self.split_topic(self._species_once(pieces[0]))
        return self.split_topic(*[self._species_once(t) for t in self.title_topic(limit)[:1]])

    def _species_once(self, text: str) -> str:
        """ "This study in mice looked at problems ... in ADAM11-deficient mice." -> "This study
        looked at problems ... in ADAM11-deficient mice.": an animal study's subject says its
        species only when the rest of the topic does not (the caveat says it again)."""
        plan = self.plan
        if plan.setting != "animal" or not plan.species or plan.species == "animals":
            return text
        subject = self.subject()
        plain = f"This {self.noun()}"
        if subject == plain or not text.startswith(subject + " "):
            return text
        rest = text[len(subject) :]
        return plain + rest if names_species(rest, plan.species) else text

    def split_topic(self, text: str | None = None) -> list[str]:
        """A topic sentence longer than ``topic_split_words`` said in two where its last modifier
        stands alone (``topic_parts`` templates): "... looked at single nucleotide variants. It used
        position-specific error estimation.", "... looked at DAIRYdb. It is a manually curated
        reference database ...", "... is controlled by a cycling activator. This was in Arabidopsis."
        Only a method ("using"), a name's apposition, or a place, organism or group of people ("in
        Saccharomyces cerevisiae", "among older women") is said apart: "the role of X in Y" keeps Y."""
        if text is None:
            return []
        limit = self.p.get("topic_split_words", 0)
        if not limit or rw.word_count(text) <= limit:
            return [text]
        frame = _TOPIC_FRAME.match(text)
        if frame is None:
            return [text]
        body = text[frame.end() :].rstrip(".")
        start = text[: frame.end()]
        named = _NAMED.match(body)
        if named and frame.group("v") == "looked at" and rw.word_count(body[named.end() :]) >= 2:
            # "HIA, a genome mapper using ...": the name, then what it is
            second = self.fill("topic_parts", "is", x=named.group("art") + body[named.end() :])
            if second:
                return [f"{start}{named.group('name')}.", second]
        if "," in body:
            return [text]  # "X, a Y using Z": "It used Z" would say the study used it
        for m in reversed(list(_TOPIC_SPLIT.finditer(body))):
            head, rest = body[: m.start()], body[m.end() :]
            if (
                head.count("(") != head.count(")")
                or rw.word_count(head) < 2
                or rw.word_count(rest) < 2
                or _DANGLING.search(head)
                or re.search(r"\b(?:and|or|of|the|a|an)$", head)
            ):
                continue
            if m.group("p") == "using":
                key = "used"
            elif _WHO_OR_WHERE.fullmatch(rest):
                key = "where"
            else:
                continue
            second = self.fill("topic_parts", key, x=rest, prep=m.group("p"))
            if second:
                return [f"{start}{head}.", rw.capitalize_first(second)]
        return [text]

    def _head(self, phrase: str, key: str) -> str:
        """The phrase's head, lower-cased where it is an ordinary word, without long trailing
        modifiers: cut at the last preposition while longer than ``topic_words``."""
        phrase = _lower_first(phrase.strip(), self.plan.article.abstract_plain)
        expanded = rw.expand_abbreviations(phrase, self.realiser.abbreviations)  # as lay() will say it
        if expanded.count(" ") != phrase.count(" ") and expanded.split()[:1] == phrase.split()[:1]:
            phrase = expanded
        budget = self.p.get("topic_words", 12)
        keep = _KEEP_COMPARED if key == "compared" else ()
        while rw.word_count(phrase) > budget:
            cuts = [
                m.start()
                for m in _TOPIC_CUT.finditer(phrase)
                if m.group("p").lower() not in keep
                and rw.word_count(phrase[: m.start()]) >= 3
                and not _DANGLING.search(phrase[: m.start()])
                and (key != "asked" or _CLAIM_VERB.search(phrase[: m.start()]))  # keep the claim's verb
                # ... and what it says: "volatiles function as defenses" is not "volatiles function"
                and not (key == "asked" and _CLAIM_VERB.fullmatch(" " + phrase[: m.start()].split()[-1], 1))
                and phrase[: m.start()].count("(") == phrase[: m.start()].count(")")
                # "engineering of P. putida towards growth under micro-oxic conditions": not cut to
                # "towards growth", a goal without what makes it one
                and not _TOWARDS_END.search(phrase[: m.start()])
            ]
            if not cuts:
                break
            # "by A and by B" cut at its second "by" keeps "by A", not "by A and"
            phrase = re.sub(r",?\s+(?:and|or)$", "", phrase[: cuts[-1]].rstrip(" ,;"))
        return phrase

    def title_topic(self, limit: int) -> list[str]:
        """ "This study looked at <the title's topic>." or "This study asked if <the title's claim>."
        or, for a title led by a verb in "-ing", "This study compared/used/mapped ...".
        A question title, or one too long to say in a sentence, gives nothing."""
        title = self.plan.article.title.strip().rstrip(".")
        if not title or "?" in title:
            return []  # "What do we know about X? Findings from ...": a question is no topic to look at
        head, _, tail = title.partition(": ")
        if tail and _CALLS_ON_READER.match(head) and rw.word_count(tail) >= 3:
            # 27 (h27bmc): a head that calls on the reader is no topic, as implication_topic says: "This
            # study looked at mind the gaps." (bmc s12859-018-2438-1); its subtitle says the work
            title = _lower_first(tail, self.plan.article.abstract_plain)
        elif tail and _NEGATED_CLAIM.search(head) and rw.word_count(tail) >= 3:
            # "Soap is not enough: handwashing practices and knowledge in refugee camps": a negated
            # claim asked as a question ("asked whether soap is not enough") reads as nonsense; the
            # subtitle says what was studied
            title = _lower_first(tail, self.plan.article.abstract_plain)
        elif tail and rw.word_count(head) >= 3:
            title = head
        elif tail and _spelled_by(head, tail):
            # 25 (h25bmc): "JOA: Joint Overlap Analysis of multiple genomic interval sets" (bmc
            # s12859-019-2698-4) said its name twice once the short form was written out: "This study
            # looked at Joint Overlap Analysis, Joint Overlap Analysis of many genomic interval sets."
            title = tail
        elif tail:  # "HIA: a genome mapper ...", "Valection: design optimization for ..."
            title = f"{head}, {_lower_first(tail, self.plan.article.abstract_plain)}"
        head, _, tail = title.partition("; ")  # "The BIM interactome; new clues on ...": its first part
        if tail and rw.word_count(head) >= 3:
            title = head
        key = "looked_at"
        lead = _TITLE_LEAD.match(title)
        if lead is None and not _title_claim(title, self.realiser.spacy_model):
            lead = _TITLE_LEAD_MODIFIED.match(title)
            if lead is not None:
                # only when the topic gets shorter: "Genome-wide identification of GRAS genes in B.
                # distachyon and functional characterization of ..." was cut to "genome-wide
                # identification of GRAS genes"; without its lead no cut leaves three words before "in"
                # (bmc s12864-019-5985-6), so the longer topic would be said whole
                def said(phrase: str) -> int:
                    return rw.word_count(self._head(self.realiser.words(phrase), key))

                if said(title[lead.end() :]) >= said(title):
                    lead = None
        if lead:
            key = "compared" if (lead.group(1) or "").lower().startswith("compar") else key
            title = title[lead.end() :]
        else:  # "A population-based study of X": the subject says it is a study
            design = _DESIGN_LEAD.match(title)
            if design and rw.word_count(title[design.end() :]) >= 2:
                title = title[design.end() :]
        claim = _title_claim(
            title, self.realiser.spacy_model
        )  # before plain words ("facilitates" -> "helps")
        title = self.realiser.words(title)
        gerund = _gerund_past(title) if self.plan.setting != "protocol" else None
        if gerund is not None and claim:
            # 23 (h23bmc): the gerund's phrase is the subject of the title's claim: "Prioritizing plant
            # defence over growth ... facilitates infestation" (elife_dev eLife.04805) was "This study
            # prioritized plant defence ... helps infestation."; "Competing basal ganglia pathways
            # determine ..." (eLife.08723) was "This study competed basal ganglia pathways determine ..."
            gerund = None
        if not lead and gerund is not None:
            key = "compared" if gerund[0] == "compared" else "did"
            title = gerund[1] if key == "compared" else f"{gerund[0]} {_lower_first(gerund[1], '')}"
        elif not lead and (claim or _title_claim(title, self.realiser.spacy_model)):
            key = "asked"
        return self._lay_topic(key, self._head(title, key), limit)[:1]

    def _lay_topic(self, key: str, aim: str, limit: int) -> list[str]:
        """The topic template ``key`` filled with ``aim`` and said plainly; when that reads as no
        sentence, the ``<key>_fallback`` wording: the tagger reads "asked" before "if" as a participle
        on some topics ("This study in mice asked if BAG-1 haplo-insufficiency impairs lung
        tumorigenesis.", bmc 1471-2407-4-85), never before "whether"."""
        for k in (key, f"{key}_fallback"):
            text = self._topic_text(k, aim=aim)
            pieces = self.realiser.lay(text, limit) if text else []
            if pieces:
                return pieces
        return []

    def background(self) -> list[str]:
        """Why it matters: the first background sentence that can be said plainly (not for reviews),
        only when it is plain enough (``background_grade``) and stands alone: one of the abstract's
        first two sentences ("In mammals the complex has not been identified" came later), with no
        "this burden" or "such cases" that points back."""
        if self.plan.is_review:
            return []
        for s in self.plan.ranked("background", ("background",))[:2]:
            if s.cue("aim") or s.index > 1:
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces and _BACKGROUND_POINTS_BACK.search(pieces[0]):
                continue
            if pieces and rw.estimate_grade(pieces[0]) <= self.p.get("background_grade", 99):
                self.plan.claim(s, "simple_explanation")
                return pieces[:1]
        return []

    def setting(self) -> list[str]:
        """Where the work was done, for animal and lab work: "The work was done in mice."."""
        plan = self.plan
        key = f"{plan.setting}_{plan.material}" if plan.material else plan.setting
        text = self.templates.text("setting", key, species=plan.species) or self.templates.text(
            "setting", plan.setting, species=plan.species
        )
        return [text] if text else []

    def status(self) -> list[str]:
        """A study plan's status (its results are not yet known)."""
        text = self.templates.text("setting", "protocol_status")
        return [text] if text else []

    def who(self) -> list[str]:
        plan, t = self.plan, self.templates
        if plan.is_review:
            if plan.studies is None:
                # an empty review has no people and no "_no_people" wording: its sentence says so
                # (CD009546 said only "Doctors and patients are likely to continue ...")
                text = t.text("who", "review_none") if plan.no_studies else None
                return [text] if text else []
            key = "review_one" if plan.one_study else "review_many"
            n_studies = _lower(plan.studies.text)
            text = t.text("who", f"{key}_who", n_studies=n_studies, people=plan.people, who=plan.people_who)
            text = text or (
                t.text("who", key, n_studies=n_studies, people=plan.people) if plan.people else None
            )
            text = text or t.text(
                "who", f"{key}_no_people_about", n_studies=n_studies, about=plan.studies_about
            )
            text = text or t.text("who", f"{key}_no_people", n_studies=n_studies)
            return [text] if text else []
        out = []
        who = _who_phrase(plan)
        if who:  # "25 BC individuals" is "25 bronchogenic carcinoma individuals" (bmc_sample 1471-2407-5-141)
            who = rw.expand_abbreviations(who, self.realiser.abbreviations, capitalize=False)
        if who:  # "25 bronchogenic cancer people took part" -> "25 people with bronchogenic cancer took part"
            who = _people_with(self.realiser.words(who))
        if who and plan.design == d.CASE_REPORT:
            text = t.text("who", "case_report", who=who)
            if text:
                return [text]
        if who:
            key = "protocol" if plan.setting == "protocol" else "study"
            text = t.text("who", key, who=who) or t.text("who", "study", who=who)
            if text and rw.word_count(text) <= self.p["simple_max_sentence"]:
                out.append(rw.capitalize_first(text))
        design = t.text("design_plain", plan.design)
        if design:
            out.extend(s for s in re.split(r"(?<=\.)\s+", design) if s)
        return out

    def found(self) -> list[str]:
        """The main claim: the best-scored candidate (Plan.main_claims) that can be said plainly,
        said without its claim-free parts or its lead-in ("Based on low-quality evidence, ...") when
        too long; one scored nearly as high as the best (``main_claim_margin``) may take one longer
        sentence (``main_claim_words``) rather than give way to a side result. The conclusion's
        hedge is said by the certainty step when the claim has none of its own."""
        plan = self.plan
        # never a side statement ("The quality of trial methodology was low."): the fallback says
        # one only when nothing else can be said
        candidates = [
            s
            for s in plan.main_claims()
            # a result conceded before its caution is an answer, said with the caution (_conceded_caution)
            if (self._answer(s) and not plan.detail(s)) or (plan.is_review and _conceded_caution(s.text))
        ][: self.p.get("main_claim_candidates", 4)]
        if not candidates:
            return self.result(1)
        labelled, conclusion_ids = plan.labelled, {c.index for c in plan.conclusions}
        best = plan.main_claim_score(candidates[0], conclusion_ids, labelled)
        margin = self.p.get("main_claim_margin", 2)
        for s in candidates:
            limits = [self.p["simple_max_sentence"]]
            if plan.main_claim_score(s, conclusion_ids, labelled) >= best - margin:
                limits.append(self.p.get("main_claim_words", 30))
            near = plan.main_claim_score(s, conclusion_ids, labelled) >= best - margin
            if plan.is_review and (
                (
                    s is candidates[0]
                    and (
                        len(candidates) == 1
                        or best > plan.main_claim_score(candidates[1], conclusion_ids, labelled)
                    )
                )
                # ... or the authors' first conclusion that can be the answer, scored near the best
                or (near and self._first_concluded(s))
            ):
                # a review's best-scored claim is said at up to main_claim_max_words rather than give
                # way to a side result, a caveat or one outcome's null result ("The body of evidence
                # is too small to ..." for "There is insufficient evidence to evaluate the effects of
                # corticosteroids in ... dengue ...", CD003488); not in primary research, whose long
                # best-scored sentence is often an outlook or a self-description ("The researchers hope
                # that this resource will serve as ...", bmc 1471-2407-9-219); only when it outscores
                # the next (of two equal claims, "An intervention ... may also improve rates of
                # reporting" is no better answer than "There is inadequate trustworthy evidence ...",
                # CD010321), or when it is the authors' first conclusion ("Delayed antibiotics ... reduced
                # antibiotic use compared to immediate antibiotics, but was not shown to be different to
                # no antibiotics ...", CD004417, before two advisory "Where clinicians ..." sentences)
                limits.append(self.p.get("main_claim_max_words", limits[-1]))
            for limit in limits:
                pieces = self._claim_pieces(s, limit)
                if pieces:
                    plan.claim(s, "simple_explanation")
                    self.headline = s.index
                    return pieces + self._but_then(s) + self._accuracy_terms(s, pieces)
        return self.result(1)

    def _but_then(self, s: Sentence) -> list[str]:
        """22 (h22coch): a review's answer that the next conclusion takes back in part ("However, ...")
        is half of it, said with that sentence: "In a single fresh IVF cycle, single embryo transfer is
        associated with a lower live birth rate than double embryo transfer. However, there is no
        evidence of a significant difference in the cumulative live birth rate when ... compared with
        repeated SET ..." (cochrane CD003416.pub4, mine half: the first said alone read as the
        answer)."""
        plan = self.plan
        after = next((c for c in plan.conclusions if c.index == s.index + 1), None)
        if (
            not plan.is_review
            or after is None
            or not re.match(r"(?:However|But|In contrast),?\s", after.text)
            or plan.claimed.get(after.index)
            or not self._answer(after)
            or plan.detail(after)
        ):
            return []
        pieces = self._claim_pieces(after, self.p.get("main_claim_words", 30))
        if len(pieces) != 1:
            return []
        plan.claim(after, "simple_explanation")
        first, _, rest = pieces[0].partition(" ")
        if first in ("There", "The", "No", "This", "It", "These") and rest:
            return [f"However, {first.lower()} {rest}"]  # the contrast said, as the source said it
        return pieces

    def _first_concluded(self, s: Sentence) -> bool:
        """``s`` is the authors' first conclusion that can be said as the answer (no side statement
        and no sentence that can say what was found before it in the conclusions): of two equal claims
        it takes the longer limit ("The presence of a diabetes specialist nurse ... may improve
        patients' diabetic control over short time periods, but ... the effects over longer periods of
        time are not evident" before "There were no significant differences overall in hypoglycaemic
        episodes ...", CD003286; not "An intervention ... may also improve rates of reporting" after
        "The concept of measuring improvement ... is complicated", CD010321)."""
        plan = self.plan
        first = next((c for c in plan.conclusions if self._answer(c) and not plan.detail(c)), None)
        return first is s

    def _accuracy_terms(self, s: Sentence, pieces: list[str]) -> list[str]:
        """A diagnostic review's answer gives its test's sensitivity and specificity as the abstract
        states them (Plan.accuracy_answer); each term it says is told in plain words after it
        (``diagnostic`` templates), since no swap can say which number is which."""
        if s.index != self.plan.accuracy_answer:
            return []
        said = " ".join(pieces)
        out = []
        for term, pattern in (("sensitivity", _SENSITIVITY_WORD), ("specificity", _SPECIFICITY_WORD)):
            text = self.templates.text("diagnostic", term)
            if text and pattern.search(said):
                out.append(text)
        return out

    def _claim_pieces(self, s: Sentence, limit: int) -> list[str]:
        """``s`` said in sentences of at most ``limit`` words: as it is, without its claim-free parts,
        or without its lead-in or concession, or its first verb of two sharing the subject; [] when
        none reads as a sentence or one is a bare number. A trailing side statement ("..., and for
        most comparisons no data were available", "... due to ... a high risk of bias") is never said
        with the claim (plan.claim_head)."""
        text = claim_head(s.text)
        texts = [text]
        lead = LEAD_IN.match(text)
        if lead and ONE_STUDY_BASIS.match(text):
            lead = None  # "Based on this same study, X is likely" (CD009306): one study's word, said so
        if lead:  # the claim without its lead-in ("Based on ..., the current evidence shows ...")
            rest = text[lead.end() :]
            # and without a second one ("Based on moderate quality evidence, due to concerns about
            # risk of bias and imprecision, initiation of statin therapy ... does not reduce ...", CD006870)
            again = LEAD_IN.match(rest) or _CAUSE_LEAD.match(rest)
            # said first: the lead's basis ("Given that this review is based on four trials of moderate
            # risk of bias, with only two trials contributing data (n = 284), there is insufficient evidence
            # to recommend ...", CD007752) is the certainty step's to say, not the answer's
            texts.insert(0, rw.capitalize_first(rest[again.end() :] if again else rest))
        moved = _CAUSE_BEFORE_IT.match(text)
        if moved and not _BARE_CAUSE_LEAD.match(text, moved.start("cause")):
            # 27 (lead, read of seed 315): "However, because of the low cost and absence of adverse effects
            # it is reasonable to consider autoinflation whilst awaiting ..." (cochrane eval CD006285) reads
            # as no sentence with its cause first and no comma: said "It is reasonable ..., because of ..."
            main = text[moved.end("cause") :].strip().rstrip(".")
            texts.append(
                f"{rw.capitalize_first(main)}, {moved.group('cause')[0].lower()}{moved.group('cause')[1:]}."
            )
        cause = _BARE_CAUSE_LEAD.match(text)
        if cause:
            # "Due to lack of evidence it is impossible to determine whether amantadine is a safe and
            # effective form of treatment ..." (CD003467: no comma, so no lead the realiser can read)
            texts.append(rw.capitalize_first(text[cause.end() :]))
        method = _METHOD_LEAD.match(text)
        if method and _FRAMED_AFTER.match(text, method.end()):
            # "Using a newly developed approach ..., we show that X": the claim without its method
            texts.append(rw.capitalize_first(text[method.end() :]))
        found_that = _EVIDENCE_THAT.match(text)
        if found_that:
            # "We found some very low-quality evidence, from single studies, suggesting that rubber dam
            # usage ... may lead to a lower failure rate ..." (CD009858): the claim is the clause after
            # "suggesting that", said first with its own hedge (the certainty step says the evidence's
            # level); the whole sentence, shortened, kept only "The researchers found some very
            # low-quality evidence, from single studies."
            texts.insert(0, rw.capitalize_first(text[found_that.end() :]))
        claim = text[found_that.end() :] if found_that else ""
        level_that = _LEVEL_EVIDENCE_THAT.match(text)
        if (
            level_that
            and not found_that
            and is_hedged(text[level_that.end() :])
            # (not before a second claim with a level of its own: "There is high-quality evidence that
            # airline passengers ... can expect a large reduction ... and low-quality evidence that leg
            # swelling is reduced ...", cochrane CD004002.pub3, read after the round-20 merge)
            and not _SECOND_EVIDENCE.search(text[level_that.end() :])
        ):
            # 20: "There is low quality evidence that combined cataract and glaucoma surgery may result in
            # better eye pressure control ..." (cochrane CD008671, 26 words): a claim with its own hedge
            # said first without the frame; the certainty step says the level (Fields.answer_levels)
            claim = text[level_that.end() :]
            texts.insert(0, rw.capitalize_first(claim))
        better = _EVIDENCE_BETTER.match(text)
        if better:
            # 20: "We found some low-quality evidence suggesting the superiority of resin-based fissure
            # sealants over fluoride varnish applications for preventing occlusal caries ..., and other
            # low-quality evidence for benefits of ..." (cochrane CD003067, 39 words): the first claim,
            # hedged as the evidence suggests it ("may be better than"); the certainty step says the level
            claim = f"{better.group('x')} may be better than {better.group('y').rstrip()}."
            texts.insert(0, rw.capitalize_first(claim))
        tail = _TRAILING_CLAUSE.search(text)
        if tail and rw.word_count(text[: tail.start()]) >= 6 and self._trails(text, tail.start()):
            # "X may be more sensitive to Y, explaining why ...": the claim without its explanation
            texts.append(text[: tail.start()] + ".")
        if _without_concession(text) != text:
            # never the concession alone ("Though promising data on IVM have been published, there is
            # still no evidence ...": a split would say the first clause as the answer); a concession
            # that states a result is said with the clause after it ("While heparin was associated
            # with a reduction in perinatal mortality ..., important information ... is unavailable"):
            # both halves, never one
            texts = [text] if _concedes_result(text) else [_without_concession(text)]
            null = _null_half(text)
            if null:
                # 28 (h28coch): a concession whose one half is the review's null answer and the other a
                # result: the null half said plainly, first ("Whilst results from some individual studies
                # suggested a beneficial effect of PGE1, the quality of these studies and of the overall
                # evidence available is insufficient to determine whether or not patients with intermittent
                # claudication derive clinically meaningful benefit from the administration of prostanoids.",
                # cochrane mine CD000986.pub3, was said whole, 49 words)
                texts.insert(0, null)
        caution = _conceded_caution(text)
        if caution:
            # never the whole: its reasons ("as most of these trials ...") split off as a fragment
            texts = [caution]
        verdict = self._verdict(s.text)
        if verdict:
            # 17: a review's "no conclusions can be drawn about X" / "insufficient to conclude that X is
            # superior to Y" said short, before the whole sentence and its qualifiers
            texts.insert(0, verdict)
        for text in texts:
            pieces = self.realiser.lay(text, limit) or self.realiser.lay(text, limit, compress=self._squeeze)
            if not pieces and limit > self.p["simple_max_sentence"] and self.plan.is_review:
                # a review's claim led by an adverbial ("Compared to conventional ventilation, benefit
                # is demonstrated for both HFPPV and triggered ventilation ...", CD000456), as the key
                # findings allow (simplify.led_sentence); in primary research a led sentence is more
                # often a side point ("To help address the emotional challenges ..., staff
                # highlighted a need for ...", bmc 1745-6215-16-3)
                pieces = self.realiser.lay(text, limit, compress=self._squeeze, led=True)
            if not pieces and self.realiser.spacy_model and limit >= self.p.get("main_claim_words", 30):
                # "X is associated with A compared with B, and represents a useful addition to ...":
                # the first of two verbs sharing the subject states the claim (last resort: at the
                # longest limit, the whole sentence is split by the shortener instead)
                shared = split_shared_subject(text, self.realiser.spacy_model)
                pieces = self.realiser.lay(shared[0], limit) if shared else []
            if limit > self.p["simple_max_sentence"]:
                # one longer sentence; a second piece only when it is the other half the first
                # cannot stand without: the main clause after a concession ("It appears that X may
                # result in a shorter stay." needs "However, no data support or refute this."), a
                # limiting "but" or a second comparison after "; "
                pieces = pieces[:2] if len(pieces) > 1 and _other_half(text, pieces[1]) else pieces[:1]
            if claim and pieces and not _keeps_claim(claim, pieces):
                continue  # "The researchers found some very low-quality evidence, from single studies." says nothing
            if pieces and not _bare_number(pieces[0]) and not any(_EMPTIED.search(x) for x in pieces[:2]):
                return pieces[:2]
        return []

    def _trails(self, text: str, start: int) -> bool:
        """The clause from ``start`` ends the sentence: one word of it hangs on the words before it.
        23 (h23bmc): "... we show how marine isolates, including those from the Red Sea, are more
        enriched with nonribosomal peptides ..." (bmc s12864-019-6065-7): the example set off by commas
        is no trailing clause ("are" hangs on "show"); cut there, the claim was "we show how marine
        isolates." """
        if not self.realiser.spacy_model:
            return True
        doc = _parse(text, self.realiser.spacy_model)
        hanging = [t for t in doc if t.idx >= start and not t.is_punct and t.head.idx < start]
        return len(hanging) <= 1

    def _verdict(self, text: str) -> str | None:
        """A review's verdict that it could reach no conclusion (plan.no_conclusion) in few words
        (``short_verdict``); None when the sentence is no such verdict or names nothing it is about."""
        if not (self.plan.is_review and no_conclusion(text)):
            return None
        verdict = short_verdict(claim_head(text))
        return self.fill("verdict", verdict[0], **verdict[1]) if verdict else None

    def _answer(self, s: Sentence) -> bool:
        """A sentence that can say what was found in a simple explanation: a result, not advice,
        a call for research, a caution or the review's size ("Thirteen RCTs ... met the entry rules")."""
        plan = self.plan
        head = claim_head(s.text)  # a trailing "..., and should be considered ..." is left out when said
        return not (
            # an empty review's answer is its authors' advice ("... we recommend ... that adrenaline
            # ... should still be regarded as first-line treatment", CD006312)
            (plan.advice(s, head=True) and not (plan.no_studies and recommends(s.text)))
            or plan.research_call(s, head=True)
            # a review's verdict that no conclusion can be drawn about its question is its answer ("Since
            # no RCTs ... were identified, no definitive conclusions can be made about the effects ...",
            # CD006325: no result word of its own)
            or not (plan.is_result(s) or plan.states_claim(s) or (plan.is_review and no_conclusion(s.text)))
            or _NOT_ANSWER.search(head)
            or about_statistics(head)
            # two sentences the source glued (no full stop after the statistics: "... (RR 2.22, ...;
            # high quality evidence) A combination of ... appears to reduce ...", CD005215): said as
            # one, the run-on reads wrongly and the first one's certainty is taken for the second's
            or _GLUED.search(head)
            or (plan.is_review and counts_only(s.text))
        )

    def result(self, n: int = 1) -> list[str]:
        """A further result, the plainest of the top-ranked ones, while the text is short; never a
        side statement (Plan.detail: what was not reported, the evidence's quality, one study of a
        review's several) nor one whose statistics could not be taken out ("RR of 0.72")."""
        candidates = []
        plan = self.plan
        pool = [s for s in plan.findings()[:6] if plan.is_result(s) and not plan.detail(s)][:4]
        for s in pool + [s for s in plan.main_claims() if not plan.detail(s) and s not in pool][:2]:
            pieces = self.realiser.lay(
                _without_concession(plan.with_comparator(s)), self.p["simple_max_sentence"]
            )
            if (
                pieces
                and self._answer(s)
                and not plan.qualified_by_next(s)
                # how sure the evidence is, said by the certainty sentence ("The researchers downgraded
                # the evidence for this result to very low quality.", cochrane CD010528)
                and not only_about_quality(_BRACKETS.sub("", s.text))  # a result with its GRADE level is one
                # 28 (h28coch): what a concession leaves may only judge the estimates ("Although the relative
                # effect of cerclage is similar, estimates were less reliable with fewer data and assessed as of
                # low quality (...)", cochrane mine CD008991.pub3, said "Estimates were less reliable with fewer
                # data and assessed as of low quality." as the simple explanation's further result: of what?)
                # (only after a concession: "The evidence was uncertain in complications from the surgeries.",
                # CD008671.pub3, is a result of its own)
                and not (_CONCESSION.match(s.text) and _RELIABILITY_ONLY.match(_without_concession(s.text)))
                and not any(_restates(a, x) for a in self.answer for x in pieces[:n])
                and not any(
                    _bare_number(x) or _UNNAMED_DIFFERENCE.match(x) or _BARE_COMPARATIVE.match(x)
                    for x in pieces[:n]
                )
                and not drops_qualifier(pieces[:n], pieces[n:])
                and not STATS.search(" ".join(pieces[:n]))
                and not any(
                    _FORMER_LATTER.search(x)
                    or _PRONOUN_START.match(x)
                    or _THE_REST.match(x)
                    or _COUNT_OF_THEM.search(x)
                    # "In this subgroup, the mean difference in CD4 per cent at study end was 5.9%."
                    # (cochrane CD010309.pub2): which subgroup the simple explanation never says
                    or _POINTER_LEAD.match(x)
                    or _BASIS_OF_RESULT.match(x)
                    or _REPORTED_THIS.search(x)
                    # a clipped list, as in the key findings (27, h27coch: "High-volume surgeons and specialists
                    # reached lower rates of permanent stoma formation and." of "... formation (0.75, 95% CI
                    # ...) and (0.70, ..., respectively)", cochrane mine CD005391.pub3)
                    or _CLIPPED.search(x)
                    or describes_people(x)
                    # "One did not find a difference in risk of complications ..." (CD010357): one what;
                    # "In phase 1, 4539 citations were found" (bmc s13034-015-0087-y): the search's. Not
                    # every kind of non-result: that moved the claims of 17 pages of the three sets and
                    # took review sizes out of two simple explanations (CD011474, CD008449)
                    # (nor a statistic's bare values, 25: "The risk ratio for RFS was 1.04 and 0.96 at 3- and
                    # 5- years.", cochrane CD007563)
                    or no_result_kind(x) in ("bare count", "search", "statistic")
                    for x in pieces[:n]
                )
            ):
                candidates.append((rw.estimate_grade(" ".join(pieces[:n])), s, pieces[:n]))
        if not candidates:
            return []
        # a harm the treatment raised before the plainest result (25, h25coch: "Rofecoxib use was associated
        # with an increased risk for preterm birth ..." of a drug given to prevent it lost to "There were no
        # maternal adverse effects or perinatal mortalities in either group.", cochrane eval CD007748)
        _, sentence, pieces = min(candidates, key=lambda c: (not _RAISED_RISK.search(c[1].text), c[0]))
        self.plan.claim(sentence, "simple_explanation")
        return pieces

    def plain_result(self) -> list[str]:
        """A further result for the simple explanation, in primary research only when plain
        (``result_grade``; one too hard is left to the key findings). A review's further result is
        its pooled answer on a second outcome, kept whatever its grade."""
        before = dict(self.plan.claimed)
        pieces = self.result()
        limit = 99 if self.plan.is_review else self.p.get("result_grade", 99)
        if any(rw.estimate_grade(x) > limit for x in pieces):
            self.plan.claimed = before
            return []
        return pieces

    def caveat_key(self) -> str | None:
        """The main caveat the abstract or its design supports, as a ``certainty`` template key."""
        plan = self.plan
        if plan.one_study:
            return "one_study"
        if plan.certainty and plan.design not in OBSERVATIONAL:
            # "UCTs probably led to ..." is not the "very low" certainty of another outcome: no
            # certainty sentence that contradicts the answer's own hedge
            answer = " ".join(
                s.text for s in plan.sentences if plan.claimed.get(s.index) == "simple_explanation"
            )
            if _PROBABLY.search(answer) and plan.certainty in ("low", "very low"):
                return None
            # the answer's own grade when its sentences state one ("... (moderate-quality
            # evidence)"), not the lowest stated anywhere for another outcome; several: the plan's
            own = self.answer_levels()
            if len(own) == 1:
                return own[0]
            if not own and plan.certainty in ("high", "moderate") and _LACKING_ANSWER.search(answer):
                # a grade stated for another outcome contradicts an answer that finds the evidence lacking
                return None
            if len(self.certainty_range(own)) == 2:
                # the answer's sentences state several, or none and the abstract several
                # ("moderate" for one outcome, "very low" for another): the range, not the lowest
                return "range"
            return next(iter(self.stated_levels()), plan.certainty)
        if plan.setting in ("animal", "lab"):
            return plan.setting
        if plan.pilot and not plan.is_review:
            return "pilot"
        if plan.small(self.p["small_sample"]):
            return "small"
        return None

    def answer_levels(self) -> list[str]:
        """The GRADE levels the simple explanation's answer states, lowest first: those of its
        headline when it states one; none when only a further result does ("There was no significant
        difference ... in lung function (moderate quality evidence)" after CD001912's headline, whose
        evidence was low: the level of another outcome is not the headline's)."""
        plan = self.plan
        said = [s for s in plan.sentences if plan.claimed.get(s.index) == "simple_explanation"]
        head = next((s for s in said if s.index == self.headline), None)
        if head is not None and not certainties(head.text):
            return []
        return certainties(" ".join(s.text for s in said))

    def certainty_range(self, own: list[str] | None = None) -> tuple[str, ...]:
        """The lowest and highest GRADE level the answer states (``own``), else the conclusions,
        else the abstract; () when that states fewer than two."""
        if own is None:
            own = self.answer_levels()
        levels = own or self.stated_levels()
        return (levels[0], levels[-1]) if len(levels) > 1 else ()

    def stated_levels(self) -> list[str]:
        """The GRADE levels the conclusions state for their own claims, else those of the abstract.
        A conclusion sentence that is one result with its GRADE level in brackets ("There was no
        evidence that antenatal BF education could improve initiation of BF (...; high-quality
        evidence)", CD006425, an unlabelled run read as the conclusion) gives that outcome's level,
        not the answer's: "strong (high certainty)" was said for an answer over outcomes graded low
        to high."""
        plan = self.plan
        own = " ".join(s.text for s in plan.conclusions if not _GRADED.search(s.text))
        return certainties(own) or certainties(plan.article.abstract_plain)

    def hedge_key(self) -> str:
        """The ``certainty`` template that says the conclusion's own hedge ("may", "suggests" ...)."""
        text = " ".join(claim_text(s.text) for s in self.plan.conclusions)
        m = HEDGE.search(text)
        word = m.group(0).lower() if m else ""
        for key, pattern in _HEDGE_KEYS:
            if pattern.match(word):
                return key
        return "hedged"

    def meaning(self, so_far: list[str], said_one_study: bool = False) -> list[str]:
        """How sure: the stated certainty or the design's main caveat (small, pilot, mice, cells);
        when the conclusion is hedged and nothing said so far keeps a hedge, the abstract's hedge.
        Never the answer said again: no "only one study" after "The review found only one study",
        no "This may be so, but it is not yet proven." after high-certainty evidence, and after an
        answer that found no effect or no evidence ("There is not enough evidence to support X")
        the caveat says that an effect is not ruled out, not that the evidence is limited."""
        plan, t = self.plan, self.templates
        out: list[str] = []
        key = self.caveat_key()
        if key == "one_study" and plan.studies is not None and said_one_study:
            key = "one_study_said"  # "The review found only one study" said it: not "only one study" again
        if key:
            low, high = self.certainty_range() if key == "range" else ("", "")
            out.append(t.text("certainty", key, species=plan.species, low=low, high=high) or "")
        if key == "high":
            return [x for x in out if x]
        if plan.no_studies:
            return [x for x in out if x]  # an empty review has no result to hedge: its answer is the gap
        strong = bool(self.answer) and bool(_STRONG_ANSWER.search(" ".join(self.answer)))
        # a test's measured accuracy is no claim to hedge ("This may be so, but it is not yet proven."
        # after "Summary estimates of sensitivity and specificity were 0.74 and 0.96", CD012669)
        # ... unless the conclusion hedges the accuracy itself ("However, this may be an
        # overestimation due to high risk of bias ...", CD010159): then the caveat stays
        accuracy = (
            self.headline is not None
            and self.headline == plan.accuracy_answer
            and not any(is_hedged(c.text) and _ACCURACY_DOUBT.search(c.text) for c in plan.conclusions)
        )
        doubt = self.conclusion_doubt(so_far, key)
        if doubt:
            out.append(t.text("certainty", doubt) or "")
        if (
            plan.hedged
            and not doubt
            and not strong
            and not accuracy
            and not any(is_hedged(x) for x in so_far + out)
        ):
            # (an answer that finds the evidence lacking says no effect was shown either)
            # (28, h28coch: so does one that the evidence cannot settle, "... is insufficient to determine whether
            # or not patients ... derive clinically meaningful benefit ...", cochrane mine CD000986.pub3, once said
            # without its concession: "The results suggest this" would hedge a claim it never made)
            null = (
                _NULL_ANSWER.search(self.answer[0])
                or _LACKING_ANSWER.search(self.answer[0])
                or _CANNOT_SETTLE.search(self.answer[0])
                if self.answer
                else None
            )
            # never after a sentence of the answer that states an effect the studies showed
            # ("Inhaled steroid therapy reduces hospital admissions ...", CD002308; "Confirmed and
            # suspect infection rates combined were lower in the antibiotic lock group", CD010336)
            shown = any(_shown_effect(x) for x in self.answer + self.further)
            if null and not plan.no_studies and not shown:
                no_effect = (
                    "hedged_no_evidence"
                    if plan.pooled_allowed and plan.is_review
                    else "hedged_no_evidence_study"
                )
                text = t.text("certainty", no_effect)
                if text:
                    return [x for x in out if x] + [text]
            if (
                plan.link_claim
                and (plan.design in OBSERVATIONAL or not plan.design)
                and plan.setting == "people"
            ):
                out.append(t.text("certainty", "link") or "")
            if not any(is_hedged(x) for x in out):
                out.append(t.text("certainty", self.hedge_key()) or t.text("certainty", "hedged") or "")
        return [x for x in out if x]

    def conclusion_doubt(self, so_far: list[str], key: str | None) -> str | None:
        """The doubt a review's conclusions put on its own answer, when the simple explanation has not
        said it and no stated certainty does: a verdict that no firm conclusion could be reached after a
        hedged benefit ("The present systematic review suggests that Chinese herbal medicines may have
        positive effects on hypertriglyceridaemia. ... However, ..., no definite conclusion could be
        reached.", CD009560, read of seed 229), or the trials' poor quality said as the answer's own
        limit ("... promising evidence supporting the use of Chinese herbal medicine for primary
        dysmenorrhoea; however, results are limited by the poor methodological quality of the included
        trials.", CD005288): the issue's "a conclusion's key caveat dropped" is a factual error."""
        plan = self.plan
        if not plan.is_review or plan.no_studies or key not in (None, "small"):
            return None
        said = " ".join(so_far)
        if (
            not self.answer
            or no_conclusion(said)
            or _LACKING_ANSWER.search(said)
            or _NULL_ANSWER.search(said)
        ):
            return None
        conclusions = [s.text for s in plan.conclusions if plan.claimed.get(s.index) != "simple_explanation"]
        if any(no_conclusion(c) for c in conclusions):
            return "doubt_no_firm"
        if any(_QUALITY_LIMIT.search(s.text) for s in plan.conclusions):
            return "doubt_one_quality" if plan.one_study else "doubt_quality"
        if any(_VALUE_OPEN.search(c) for c in conclusions):
            return "doubt_value"
        return None

    def steps(self, field_name: str) -> list[str]:
        """The field's plan: one list, or one list per kind of work (``setting``) with ``people`` the default."""
        plans = self.templates.body["plans"][field_name]
        if isinstance(plans, dict):
            return [str(x) for x in plans.get(self.plan.setting) or plans["people"]]
        return [str(x) for x in plans]

    def simple_explanation(self) -> str:
        steps = {
            "background": self.background,
            "topic": self.topic,
            "who": self.who,
            "found": self.found,
            "setting": self.setting,
            "status": self.status,
        }
        texts: list[str] = []
        meaning: list[str] = []
        plan_steps = self.steps("simple_explanation")
        answers: set[int] = set()  # the sentences said as what was found (not the aim or background)
        others: list[str] = []  # what the other steps said (topic, who, setting, background)
        for step in plan_steps:
            before = set(self.plan.claimed)
            if step == "meaning":
                meaning = self.meaning(texts, said_one_study=any(t in self.who_texts for t in texts))
                texts += meaning
            elif step == "result":
                # A further result only while the text is short, and only when the key findings
                # keep three results of their own (a result goes to one field).
                spare = len([s for s in self.finding_pool() if s.index not in self.plan.claimed])
                if rw.word_count(" ".join(texts)) < self.p["simple_min_words"] and (
                    spare > self.p["findings"] or (self.plan.is_review and spare == self.p["findings"])
                ):
                    self.further = self.plain_result()
                    texts += self.further
            else:
                written = steps[step]()
                texts += written
                if step == "found":
                    self.answer = written
                else:
                    others += written
                if step == "who":
                    self.who_texts = written
            if step in ("found", "result"):
                answers |= set(self.plan.claimed) - before
        # every sentence short, however it was made (pipeline.draft.composer.shorten)
        # (a review's answer may say its people apart: "... or death. This was in patients with
        # prosthetic heart valves.", 26 h26se, cochrane CD003464.pub2)
        review = self.plan.is_review
        texts = shorten(texts, self.realiser, self.p["simple_words"], people=review)
        kept = self.use(_dedupe(_stand_alone(texts)))
        said = {i for i, f in self.plan.claimed.items() if f == "simple_explanation"}
        # an answer dropped after it was written (a near-repeat of the topic, no sentence once
        # shortened) leaves none: the fallback says one
        other = set(shorten(others, self.realiser, self.p["simple_words"], people=review)) | set(meaning)
        if not said or ("found" in plan_steps and not (answers and any(k not in other for k in kept))):
            # no step could say what was found plainly: never leave only the topic and templates
            caveats = [k for k in kept if k in meaning]
            fallback = shorten(
                self.fallback(titled=bool(said)),
                self.realiser,
                self.p["simple_words"],
                said=self.written,
                people=review,
            )
            kept = [k for k in kept if k not in meaning] + self.use(fallback) + caveats
        return rw.join_sentences(self._caveat_after_claim(self._size_once(kept), other))

    # The conclusion's hedge said as a caveat that points back ("This may be so, but it is not yet
    # proven."): its "this" must be a claim, the sentence just before it.
    _POINTING_CAVEATS = ("hedged_may", "hedged_suggest", "hedged_likely", "hedged_evidence", "hedged")

    def _caveat_after_claim(self, kept: list[str], other: set[str]) -> list[str]:
        """A caveat that points back ("The results suggest this, but do not prove it.") follows a
        claim: after a sentence that is not one (the topic, a template, what was done: "Two types of
        literature were reviewed: guidance and published studies. The results suggest this ...", bmc
        s12874-018-0545-3; an outlook: "The researchers believe it merits studying in a larger group.",
        bmc s13059-019-1707-2) it moves to just after the last claim said before it unless the sentence
        there leans on that claim ("It ...", "This ..."), or else names what it is about (``certainty.hedged_named``)."""
        pointing = {self.templates.text("certainty", k) for k in self._POINTING_CAVEATS} - {None}
        # a review's claims are the review's, not one study's (the topic said "This review": cochrane
        # CD001775.pub2, bmc s12874-018-0545-3)
        review = self.plan.is_review or self.subject().endswith(" review")
        named = self.templates.text("certainty", "hedged_named_review" if review else "hedged_named")
        out = list(kept)
        for caveat in [k for k in kept if k in pointing]:
            i = out.index(caveat)
            claims = [j for j in range(i) if out[j] not in other and _states_claim(out[j])]
            if claims and claims[-1] == i - 1:
                continue
            out.pop(i)
            after = out[claims[-1] + 1] if claims else ""
            if claims and not (_PRONOUN_START.match(after) or _LEANS_ON.match(after)):
                out.insert(claims[-1] + 1, caveat)
            elif named and named not in out:
                # (never between a sentence and the next one's "It provides ...", bmc s12864-019-5918-4)
                out.insert(i, named)
        return out

    def _size_once(self, kept: list[str]) -> list[str]:
        """A review's size ("The review found 21 studies with 1,092,877 people in total.") is said
        once: by the research summary ("This review included 21 studies ..."), so the simple
        explanation keeps the answer and leaves it out, unless that leaves it shorter than
        ``simple_min_words``; then the simple explanation says it and the summary says only the
        design (``size_said``). A single study ("only one study") or none is the answer's caveat and
        is said in both."""
        plan = self.plan
        if not plan.is_review or plan.one_study or plan.no_studies or plan.studies is None:
            return kept
        rest = [k for k in kept if k not in self.who_texts]
        if len(rest) == len(kept):
            return kept
        # 17 (h17main): an answer that the studies cannot settle the question is said with how much
        # evidence there was ("The review could not reach firm conclusions about ...", CD006325)
        # (26, h26se: the people said apart count as they did inside the answer, so the split never
        # takes the size out: "There is now no available evidence to determine the effect of eplerenone
        # ... This was in hypertensive patients.", CD008996.pub2 kept "The review found five studies")
        apart = sum(rw.word_count(PEOPLE_TAIL_START) for k in rest if k.startswith(PEOPLE_TAIL_START))
        # (27 h27se: so do the arm's; its "compared" was in the answer)
        apart += sum(rw.word_count("This was") for k in rest if k.startswith(COMPARED_TAIL_START))
        # (27, lead: a size that says what the studies were of, "The review found 17 studies of street
        # lighting.", is the page's only word on its topic: cochrane eval CD004728)
        if (
            rw.word_count(" ".join(rest)) - apart < self.p["simple_min_words"]
            or self.open_question()
            or plan.studies_about
        ):
            self.size_said = True
            return kept
        self.written = [w for w in self.written if w not in self.who_texts]
        return rest

    def fallback(self, titled: bool = False) -> list[str]:
        """The best main claim or result that can be said at the key findings' longer length (any
        answer at either length before a sentence that is none, such as a caution), else what the
        study is about, in its title's words, unless the topic sentence (``titled``) said it (a
        simple explanation is never empty). Background, a call for more research, advice, a web
        address or the review's size is never said as what was found."""
        plan = self.plan
        pool = plan.main_claims() + [s for s in plan.findings() if s.index not in plan.claimed]
        # 23 (h23bmc): a protocol's sentence that counts whom it will recruit says again what the
        # "who" step said ("The study plans to include 300 children. ... The researchers will recruit
        # 300 children aged between three and nine-years-old ...", bmc s13063-014-0525-9)
        who = plan.facts.participants.span if plan.facts is not None and self.who_texts else None
        pool = [
            s
            for i, s in enumerate(pool)
            if s not in pool[:i]
            and not (who is not None and plan.design == d.PROTOCOL and who.text in s.text)
            and s.kind != "background"
            and not plan.advice(s)
            and not plan.research_call(s)
            and not _WHERE_TO_GET.search(s.text)
            and not (plan.is_review and is_count_sentence(s.text))
        ]
        answers = [s for s in pool if self._answer(s) and not plan.detail(s)]
        rest = [s for s in pool if s not in answers]
        details = [s for s in rest if plan.detail(s)]
        # how good the studies were is the certainty sentence's, said as what was found only when
        # nothing else can be ("The overall quality of the included trials was considered fair to good."
        # over the review's heparin results, cochrane CD006780.pub3)
        quality = [s for s in details if only_about_quality(_BRACKETS.sub("", s.text))]
        # a result conceded before a gap ("While treatment with heparin ... was associated with a
        # statistically significant reduction in risk of perinatal mortality, ..., to date, important
        # information about serious adverse infant ... outcomes is unavailable", CD006780.pub3): the
        # result is what was found, the gap a side statement
        halves = [
            (s, _result_before_gap(s.text))
            for s in plan.main_claims()
            if s.kind != "background" and not plan.advice(s) and not plan.research_call(s)
        ]
        for s, half in halves:
            for limit in (
                self.p["finding_words"],
                self.p["finding_max_words"],
                self.p["main_claim_max_words"],
            ):
                pieces = (
                    (self.realiser.lay(half, limit) or self.realiser.lay(half, limit, compress=self._squeeze))
                    if half
                    else []
                )
                if pieces:
                    plan.claim(s, "simple_explanation")
                    return pieces[:1]
        groups = (
            answers,
            [s for s in rest if not plan.detail(s)],
            [s for s in details if s not in quality],
            quality,
        )
        for group in groups:
            for limit in (self.p["finding_words"], self.p["finding_max_words"]):
                for s in group:
                    pieces = self.realiser.lay(s.text, limit)
                    if pieces:
                        plan.claim(s, "simple_explanation")
                        return pieces[:1]
        title = plan.article.title.strip().rstrip(".")
        return [f"The study is called “{title}”."] if title and not titled else []

    # ----- key findings -----------------------------------------------------------------
    @property
    def _squeeze(self) -> int:
        """Key findings and research summary sentences lose their optional constituents while
        longer than this (``compress_words``, else ``finding_short_words``; pipeline.draft.composer.compress)."""
        return int(self.p.get("compress_words", self.p.get("finding_short_words", self.p["finding_words"])))

    def _finding(self, sentence: Sentence) -> bool:
        """A result of this work, not a method, aim or outlook (a review's evidence statements are
        sorted by the plan)."""
        return self.plan.is_review or self.plan.setting == "protocol" or states_result(sentence.text)

    def finding_pool(self) -> list[Sentence]:
        """Result sentences, best ranked first, then conclusions that state a result; a study plan
        has no results, so its findings are what it will do."""
        plan = self.plan
        if plan.setting == "protocol":
            return [s for s in plan.ranked("method") if s.kind != "background"]
        pool = [
            s
            for s in plan.findings()
            if (
                plan.is_result(s)
                or (
                    s.kind != "background"
                    and (_FIND_THAT.search(s.text) or (not plan.is_review and _COUNTED.match(s.text)))
                )
            )
            and self._finding(s)
        ]
        pool += [
            s
            for s in plan.conclusion_pool()
            # 21 (h21main): never another work's evidence read with this one's ("Taken together with the
            # reliable evidence of the effect of TXA in trauma patients, ...", cochrane CD012964)
            if not plan.advice(s)
            and not plan.read_with_other_work(s.text)
            and not plan.research_call(s)
            and plan.is_result(s)
            and self._finding(s)
            and s not in pool
        ]
        # A review's statements about its evidence ("the trials could not be pooled") come last.
        pool += [s for s in plan.findings() if s not in pool and plan.is_evidence(s)]
        return pool

    def key_findings(self) -> list[str]:
        """Three distinct results, the plain ones first among the best ranked (numbers kept).

        A long result may give more than one finding when it splits into sentences that stand
        alone; a piece that leans on the one before ("This ...", "But ...") does not.
        """
        pool = self.finding_pool()
        candidates: list[tuple[int, str]] = []
        limits = (self.p.get("finding_short_words", self.p["finding_words"]), self.p["finding_words"])
        for limit in (*limits, self.p["finding_max_words"]):
            for rank_, s in enumerate(pool):
                if _CUT_SOURCE.match(s.text) or self.plan.qualified_by_next(s):
                    continue  # (a result whose next sentence says what it rests on: never said alone)
                pieces = self._finding_pieces(s, limit)
                if _concession_cut(s.text, pieces):
                    continue  # the sentence whole, at a longer limit
                for i, text in enumerate(pieces):
                    if i and text.startswith(_LEANING):
                        # "A was similar, but B was higher": "B was higher." is a finding of its own
                        rest = _CONTRAST.sub("", text)
                        if rest == text or rest.startswith(_LEANING) or rw.word_count(rest) < 5:
                            break
                        text = rw.capitalize_first(rest)
                    text = rw.capitalize_first(_INFERENCE_LEAD.sub("", _CONTRAST_LEAD.sub("", text)))
                    # 26 (h26kf): compression cuts a report frame ("We found that A, and that B") and
                    # leaves the second "that" (elife_dev eLife.06328): the two claims are two sentences
                    text = frame_claims(text)
                    text = self._hedged(self._plain_finding(self._named(_results_say(text))))
                    if (
                        _PRONOUN_START.match(text)
                        or _LEANS_ON.match(text)
                        or _POINTER_LEAD.match(text)
                        or _OF_THESE.search(text)
                        or _SHOULD.search(text)  # "... should be still considered for people who ..."
                        or names_nothing(text)
                        or _FORMER_LATTER.search(text)
                        or _THE_REST.match(text)
                        or _STUDIES_DID.match(text)
                        or _WHERE_TO_GET.search(text)
                        or _CLIPPED.search(text)
                        or _BARE_COMPARATIVE.match(text)
                        # 28 (h28coch): "Estimates were less reliable ..." cut from its concession (CD008991)
                        or (_CONCESSION.match(s.text) and _RELIABILITY_ONLY.match(text))
                        or _REPORTED_THIS.search(text)
                        or (self.plan.is_review and is_count_sentence(text))
                        # 22 (h22kf): a statistic's bare value is never a finding, not even the only one
                        or (
                            self.plan.setting != "protocol"
                            and no_result_kind(text) in ("bare count", "statistic")
                        )
                        or (self.plan.setting == "narrative" and _SCOPE.search(s.text))
                    ):
                        continue  # leans on the sentence before it; what the studies did; where to get
                        # the software ("available at: https://..."); the review's size
                    if (
                        rw.word_count(text) >= self.p["finding_min_words"]
                        and (self.plan.is_review or self.plan.setting == "protocol" or states_result(text))
                        and self.fresh(text)
                        and all(text != c for _, c in candidates)
                    ):
                        candidates.append((rank_, text))
        # 28 (h28kf): a review's results that pipeline.text.results.reports_result knows come before
        # its other candidates (a stable sort, so each group keeps its rank and limit order): "There was
        # no clear difference between SPT delivered by a specialist versus a general practitioner ..."
        # before "The add-ons were local antibiotics in two studies ..." (cochrane mine CD009376.pub2).
        # The pick of what would have been a finding before round 17 (below, kept out of the research
        # summary) reads them in rank order as before, so the summary moves only where the findings do
        # (cochrane mine CD006407.pub2's "none of these trials was a randomised controlled trial")
        ranked = sorted(candidates, key=lambda c: self.plan.is_review and not reports_result(c[1]))
        out, used = self._pick(ranked, results_only=True)
        # a sentence that would have been a finding before round 17 but states no result stays out of
        # the research summary too (its size or comparison comes first there: CD008088, CD010576)
        rank_of = {t: r for r, t in reversed(candidates)}
        for text in self._pick(candidates, results_only=False)[0]:
            if rank_of[text] not in used and not self._states_finding(text):
                self.plan.claim(pool[rank_of[text]], "key_findings")
        for rank_ in used:
            self.plan.claim(pool[rank_], "key_findings")
        order: dict[str, int] = {}
        for r, t in candidates:
            order.setdefault(t, r)
        # the answer said again comes after the other results
        out.sort(key=lambda t: (t in self.restated, order[t]))
        if not out:
            out = self._last_resort_finding(pool)
        out = [self._split_chosen(t) for t in out]
        self.written.extend(out)
        return out

    def _pick(self, candidates: list[tuple[int, str]], results_only: bool) -> tuple[list[str], set[int]]:
        """Up to ``findings`` of the candidates and the ranks of their source sentences; with
        ``results_only``, one that states no result only when no result is said.

        22 (h22coch): the answer said again in other words (``_says_answer_again``) is a finding only
        where fewer than two other results are said or the list would otherwise be filled by what the
        last pass lets in (the evidence's quality, a second piece, what the researchers could not do:
        "The researchers were unable to measure the detection rates ...", CD010826.pub2), and then after
        the other results; otherwise fewer findings rather than it (CD012838.pub2)."""
        out: list[str] = []
        used: set[int] = set()
        # one finding per source sentence first; a second piece of one only while fewer than three
        # a sentence only about how good the evidence is ("was at high risk of bias") comes last
        fresh = [(r, t) for r, t in candidates if not self._says_answer_again(t)]
        again_said = [(r, t) for r, t in candidates if self._says_answer_again(t)]
        for max_grade, again in ((self.p["finding_grade"], False), (99, False)):
            self._pick_pass(fresh, out, used, max_grade, again, results_only)
        fill_out, fill_used = list(out), set(used)
        self._pick_pass(fresh, fill_out, fill_used, 99, True, results_only)
        if again_said and (len(out) < 2 or len(fill_out) > len(out)):
            for max_grade, again in ((99, False), (99, True)):
                self._pick_pass(again_said, out, used, max_grade, again, results_only)
            if results_only:
                self.restated = [t for t in out if self._says_answer_again(t)]
            self._pick_pass(fresh, out, used, 99, True, results_only)
            return out, used
        return fill_out, fill_used

    def _pick_pass(
        self,
        candidates: list[tuple[int, str]],
        out: list[str],
        used: set[int],
        max_grade: int,
        again: bool,
        results_only: bool,
    ) -> None:
        """One pass of ``_pick``: adds to ``out`` and ``used``."""
        for rank_, text in candidates:
            if len(out) >= self.p["findings"] or text in out or rw.estimate_grade(text) > max_grade:
                continue
            if (rank_ in used and not again) or any(same_finding(*self._in_one_form(text, o)) for o in out):
                continue
            # 27 (h27kf): a review's last pass (nothing else said) takes only a sentence that
            # reports a result (pipeline.text.results.reports_result); fewer findings rather than the
            # trials' design or how good they were ("One trial was the pilot study for the larger
            # second trial ...", cochrane eval CD010309; "The overall quality of the included trials was
            # considered fair to good.", mine CD006780.pub3)
            last = again and not out and not (self.plan.is_review and not reports_result(text))
            if not again and (only_about_quality(text) or _POINTER_IN.search(text)):
                continue  # about the evidence only, or "these events": when nothing else is left
            if not last and appraises_the_work(text):
                continue  # what the work was like is no result: only when no result is said
            if results_only and not last and not self._states_finding(text):
                continue  # what the studies did or reported, what the researchers did: no
                # result, so used only when no result is said; fewer findings rather than it
            out.append(text)
            used.add(rank_)

    def _in_one_form(self, a: str, b: str) -> tuple[str, str]:
        """Two findings with a short form one says and the other says written out both said short, so they
        compare alike: 28 (lead, read of seed 388): "One trial found that rapid IPC healed more ulcers than
        slow IPC." beside "Rapid intermittent pneumatic compression was better than slow intermittent
        pneumatic compression in one trial." (cochrane eval CD001899.pub4, the long form said at a short
        form's first use). Only where the two differ so: said short everywhere, CD009376.pub2's "There was no
        clear difference between SPT delivered by a specialist ... for BoP ..." read as "Both studies found no
        clear difference between groups at 12 months." (mine); said long everywhere, bmc s12864-019-6070-x's
        two results about one tool's quality score read as one."""
        for short, as_short, as_long in self._forms:
            if (as_short.search(a) and as_long.search(b)) or (as_short.search(b) and as_long.search(a)):
                a, b = as_long.sub(short, a), as_long.sub(short, b)
        return a, b

    @cached_property
    def _forms(self) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
        """The article's short forms whose long form has two words or more, with a pattern of each form
        (``_in_one_form`` compares every candidate finding with every one kept)."""
        return [
            (short, re.compile(rf"\b{re.escape(short)}\b"), re.compile(rf"\b{re.escape(long)}\b", re.I))
            for short, long in self.realiser.abbreviations.items()
            if len(long.split()) > 1
        ]

    def _says_answer_again(self, text: str) -> bool:
        """22 (h22coch): a review's finding that says the simple explanation's answer again in other
        words, an effect the same way or its complement ("Pembrolizumab probably reduces the risk of
        death from any cause." after "... probably improves overall survival ...", cochrane
        CD012838.pub2, mine half); never a null (two nulls share little more than the treatment's
        name: survival and progression are two results)."""
        # nor a finding that denies the effect ("Neither HFPPV nor triggered ventilation was associated with a
        # significant reduction in ... bronchopulmonary dysplasia" after "benefit is shown for both HFPPV and
        # triggered ventilation ... a reduction in air leak", CD000456.pub5)
        return (
            self.plan.is_review
            and not _NULL_ANSWER.search(text)
            and not re.match(r"Neither\b", text)
            and any(_restates(a, text) and not _NULL_ANSWER.search(a) for a in self.answer)
        )

    def _states_finding(self, text: str) -> bool:
        """A key finding that states a result (plan.no_result_kind; compress.states_result, which a
        review's findings skip, tells what was done: "In phase 1 a scoping search of two electronic
        databases was carried out.", bmc s13034-015-0087-y); a study plan's are what it will do."""
        # the first sentence says it: "Only one study looked at reintubation, therefore the researchers
        # could not pool data. There was no clear evidence of difference." (CD009771) states none
        spans = sentence_spans(text)
        first = text[spans[0][0] : spans[0][1]] if spans else text
        return self.plan.setting == "protocol" or (
            states_finding(text) and states_finding(first) and states_result(text)
        )

    def _plain_finding(self, text: str) -> str:
        """A finding in fewer words where the simple explanation's rules are sure (shorten.plainer:
        "The researchers show that X" -> "X", "was found to be blocked" -> "was blocked",
        "significantly" beside a stated direction); never "significantly" out of a finding about
        only one of several ("Only SV1 locus significantly affected ...", bmc s40104-015-0059-3:
        without it, the other loci had no effect at all), nor a frame that says whose result it is
        ("Two studies showed that placebo was not as good ...", cochrane CD001770: one study or
        several must stay true), nor out of a count ("2413 significantly raised genes", bmc
        s12864-019-6102-6: the count is of the significant ones)."""
        if not self.plan.is_review:
            text = without_method_frame(text, self.realiser.tagger, self.realiser.spacy_model)
        if _ONLY_SIGNIFICANT.search(text):
            return text
        # 25 (h25kf): a frame that says whose result stays, and the claim after it is said as plainly
        # as any other ("Thirteen trials of intravenous sodium selenite showed a statistically
        # significant reduction in overall deaths." -> "... showed a reduction in overall deaths.",
        # cochrane CD003703.pub3)
        plain = plainer(text, self.realiser.tagger, finding=True, keep_frame=bool(_WHOSE_FRAME.match(text)))
        if _COUNTED_SIGNIFICANT.search(text) and not _COUNTED_SIGNIFICANT.search(plain):
            return text  # "2413 significantly raised genes" counts the significant ones only
        return plain

    def _hedged(self, text: str, proposal: bool = False) -> str:
        """23 (h23kf): the results' hedge said on the claim ("The results suggest that X is Y" -> "X may
        be Y": shorten.hedged_claim); with ``proposal`` (the research summary) the researchers' own too
        ("The researchers propose that X ..."), which a key finding leaves to the rules that tell a result
        from what the researchers did (elife_dev eLife.02482: "The new SETD2-dependent role may provide
        ..." took a result's place among the findings). Said framed, as before, where the bare claim reads
        as what another field says ("This study asked if the equatorial position ... ensures ...",
        eLife.05124: the result would have been dropped; eLife.03766's summary lost its one result)."""
        hedged = hedged_claim(text, self.realiser.spacy_model, proposal=proposal)
        return hedged if hedged == text or self.fresh(hedged) else text

    def _named(self, text: str) -> str:
        """ "This genetic screen identified ..." -> "The genetic screen identified ...": a pointer
        before a noun said as the article; "This corresponds to ..." (a verb) is left to lean."""
        model = self.realiser.spacy_model
        if (
            not _THIS_NOUN.match(text)
            # 21 (h21main): a review's "these benefits" are the results said before; "The significant
            # benefits were not shown into the very long-term." named none (cochrane CD006525.pub2, mine
            # half: "However, these significant benefits were not demonstrated into the very long-term")
            or (self.plan.is_review and _THESE_EFFECTS.match(text))
            or re.match(rf"^\w+ {_THIS_WORK}", text)
            or re.search(r"\b(?:it|its|they|them|their)\b", text)  # "This practice puts them at risk"
            or not model
        ):
            return text
        tags = word_tags(text, model)
        if len(tags) > 2 and (tags[1][:2] in ("NN", "JJ") or (tags[1] == "VBN" and tags[2][:2] == "NN")):
            return "The" + text[text.index(" ") :]
        return text

    def _finding_pieces(self, sentence: Sentence, limit: int) -> list[str]:
        """The sentence said within ``limit`` words; a piece longer than a short finding, or one too
        long to split at its clauses, gives two findings when two verbs share its subject ("Mice
        were normal, and survived ...")."""
        text = self.plan.with_comparator(sentence)
        pieces = self.realiser.lay(text, limit, compress=self._squeeze, led=True)
        model = self.realiser.spacy_model
        if not model:
            return pieces
        short = self.p.get("finding_short_words", self.p["finding_words"])
        if not pieces:
            pieces = self.realiser.lay(text, self.p["finding_max_words"], compress=self._squeeze, led=True)
        out: list[str] = []
        for text in pieces:
            halves = split_shared_subject(text, model) if rw.word_count(text) > short else ()
            if halves and all(
                rw.word_count(h) <= limit and is_sentence(h, self.realiser.tagger) for h in halves
            ):
                out += halves
            elif rw.word_count(text) <= limit:
                out.append(self._short_sentences(text))
            else:
                break
        return out

    def _short_sentences(self, text: str) -> str:
        """One finding said in short sentences: a long one is split at its clause boundaries by the
        simple explanation's shortener (``finding_sentence_words``; "A rose, which B" -> "A rose.
        This B."), kept together so a hedge keeps what it frames and "This ..." what it leans on."""
        words = self.p.get("finding_sentence_words", 0)
        if not words or rw.word_count(text) <= words:
            return text
        return " ".join(_short(text, self.realiser, words))

    def _split_chosen(self, text: str) -> str:
        """22 (h22kf): a chosen finding's sentence of two clauses joined without a comma, said as two
        (shorten.split_finding: "X did not differ although fewer deaths happened in A" -> "X did not
        differ. But fewer deaths happened in A."). Made after the findings are chosen, so which results
        are said stays as it was (a split sentence's lower grade would let it pass ``finding_grade``
        before a better-ranked result: cochrane CD008694.pub2's definition of short and long term
        displaced its pooled result). A half that another field says already stays in its sentence
        ("But there was no clear difference in operative time ...", cochrane CD006585.pub2, beside the
        simple explanation's "There was no difference in operating time ...": a long sentence is no
        repeat of a short one, a half is)."""
        words = self.p.get("finding_sentence_words", 0)
        if not words or rw.word_count(text) <= words:
            return text
        out = []
        for start, end in sentence_spans(text):
            sentence = text[start:end].strip()
            halves = split_finding(sentence, self.realiser) if rw.word_count(sentence) > words else None
            if halves is None and rw.word_count(sentence) > words:
                halves = self._shared_subject_halves(sentence)
            pieces = [p for half in halves or () for p in _short(half, self.realiser, words)]
            out += pieces if pieces and all(self.fresh(p) for p in pieces) else [sentence]
        return " ".join(out)

    def _shared_subject_halves(self, sentence: str) -> list[str] | None:
        """26 (h26kf): a chosen finding whose two verbs share one subject, said as two sentences with
        "It"/"They" where the second verb's form is sure (shorten.split_shared_subject with ``sure``):
        "Each mutation deleted >80% of the coding sequence, and almost certainly led to null function."
        -> "... of the coding sequence. It almost certainly led to null function." (bmc 1741-7007-5-15),
        "KYP binds to the viral chromatin and controls its methylation to combat virus infection." ->
        "KYP binds to the viral chromatin. It controls ..." (elife_dev eLife.06671). The shortener's own
        "It"/"They" pieces stay refused (``_PUT_IN_SUBJECT``): there the parse was not checked."""
        model = self.realiser.spacy_model
        if not model:
            return None
        halves = split_two_verbs(sentence, model, sure=True)
        if not halves or not all(
            reads_as_sentence(h, self.realiser.tagger) and rw.word_count(h) >= 5 for h in halves
        ):
            return None
        return halves

    def _last_resort_finding(self, pool: list[Sentence]) -> list[str]:
        """One finding when no result could be said within the limits (a single result sentence too
        long to split, an unlabelled abstract): the first sentence, results first, then conclusions,
        then anything but background, that reads as a sentence at twice the usual length; one that
        states a result first (pipeline.draft.composer.compress.states_result). Where to get the
        software is said here only, when a paper (a tool, 10.1186/s12859-018-2391-z) has no result."""
        plan = self.plan
        rest = [s for s in plan.conclusion_pool() if s not in pool]
        rest += [s for s in plan.sentences if s.kind != "background" and s not in pool and s not in rest]
        # a result first; a paper with none (a database, a narrative review) gives what it made or does
        # (a methods sentence only when nothing else reads as a sentence: an out-of-scope paper)
        for strict, methods in ((True, True), (False, False), (False, True)):
            for s in pool + rest:
                for text in self.realiser.lay(
                    s.text, 2 * self.p["finding_max_words"], compress=self._squeeze, led=True
                ):
                    if (
                        rw.word_count(text) >= self.p["finding_min_words"]
                        and self.fresh(text)
                        # never one whose pronoun names what the sentence before said ("Indeed, they
                        # might be unethical because ...", cochrane eval CD006312, an empty review; read of
                        # seed 263); "These findings show ..." names its noun and stays (eLife.02784)
                        and not _PRONOUN_START.match(text)
                        and (
                            not strict or plan.is_review or plan.setting == "protocol" or states_result(text)
                        )
                        # 27 (h27kf): a review's last resort reports a result too, or there is none, and
                        # never one whose next sentence says what it rests on (as in key_findings: "The live
                        # birth rate per woman was significantly higher ..." before "However, this was based on
                        # one trial ...", cochrane CD004635.pub2)
                        # nor a statistic's bare values ("... the pooled risk ratios were 0.95, 0.93 and 0.79
                        # for ...", CD007563.pub3), as in key_findings
                        and (
                            not plan.is_review
                            or (
                                reports_result(text)
                                and not plan.qualified_by_next(s)
                                and no_result_kind(text) not in ("bare count", "statistic")
                                and not RATIO_VALUE.search(text)
                            )
                        )
                        and (methods or s.kind != "methods" or plan.setting == "protocol")
                        # a narrative review's scope ("Here, we review ...") is its summary's, said
                        # here only when nothing else reads as a sentence
                        and not (
                            plan.setting == "narrative" and _SCOPE.search(s.text) and (strict or not methods)
                        )
                    ):
                        plan.claim(s, "key_findings")
                        return [_AUTHORS.sub("The authors", text) if plan.setting == "narrative" else text]
        return []

    # ----- research summary ---------------------------------------------------------------
    def research_summary(self) -> str:
        plan = self.plan
        if plan.setting == "narrative":
            narrative = self._narrative_summary()
            if narrative:
                self.written.extend(narrative)
                return rw.join_sentences(narrative)
        # the design as the summary names it: its own words where the templates give plainer ones of
        # the same meaning (summary_designs: "laboratory study" -> "lab study"; "genomic or
        # computational analysis", 16 syllables in 7 words, was grade 11 alone), else design_label's
        label = (
            str(self.templates.section("summary_designs").get(plan.design) or design_label(plan.design))
            if plan.design
            else ""
        )
        if plan.is_review:  # the evidence level names the exact design; "pooled" only when true
            label = "review"
        out: list[str] = []
        size: str | None = None  # the review's size, said here unless the simple explanation said it
        if plan.is_review and plan.studies is not None:
            key = "design_review_one" if plan.one_study else "design_review"
            n = _lower(plan.studies.text)
            plain_size = (
                self.fill("summary", key, design=label, n_studies=n, people=plan.people)
                if plan.people
                else None
            ) or self.fill("summary", f"{key}_no_people", design=label, n_studies=n)
            size = (
                self.fill(
                    "summary",
                    f"{key}_who",
                    design=label,
                    n_studies=n,
                    people=plan.people,
                    who=plan.people_who,
                )
                or plain_size
            )
            if self.size_said:  # the design alone ("This was a review.")
                # and, where nothing else is said, its size without who the people were, which the
                # simple explanation's first sentence says in the same words (26, cochrane CD004443)
                size = plain_size
                out += [t for t in [self.fill("summary", "design_only", design=label)] if t]
            else:
                out += [size] if size else []
        else:
            # a review's people are its total (plan.people, said with its size), never the first
            # count found: "This was a review of 1468 participants" said the people of 12 of its 54
            # studies (CD004376)
            who = None if plan.is_review else _who_phrase(plan)
            text = self.fill("summary", "design_study", design=label, who=who) if label and who else None
            text = text or (self.fill("summary", "design_only", design=label) if label else None)
            text = text or (self.fill("summary", "who_only", who=who) if who else None)
            out += [text] if text else []
        # no design found: the kind of work ("This was a laboratory study."), said before the rest
        opener = None if out else self.fill("summary", f"setting_{plan.setting}", species=plan.species)
        if plan.setting == "computational" and plan.measured:
            opener = None  # "The work was done by computer." of work that measured in the lab (21, h21bmc;
            # bmc s13068-019-1399-6: promoters predicted, then measured with reporter genes)
        if plan.is_review and out:
            out += self._review_compared(out)
        out += self.when()
        lead = len(out)  # the review's size, what its studies compared, when: before what they measured
        # Labelled sections first; unlabelled abstracts (eLife) fall back to any section but background.
        # A review: what was measured and one further result, three sentences in all. Primary
        # research: what was measured (one sentence), then its main outcomes (summary_results),
        # after the facts the templates said, as the seed page's summary does.
        anywhere: tuple[Kind, ...] = ("methods", "results", "conclusions", "other")
        primary = not plan.is_review and plan.setting != "protocol"
        results = int(self.p.get("summary_results", 1)) if primary else 1
        steps: tuple[tuple[Purpose, tuple[Kind, ...]], ...] = (
            ("measure", ("methods",)),
            ("method", ("methods",)),  # a second sentence of what was done, from the methods only
            ("finding", ("results",)),
            ("method", anywhere),
            ("finding", anywhere),
        )
        review_cap = 3
        if plan.is_review:
            # a review: what its studies were (in whom, comparing what), what they measured, then one
            # result, after its size (a one-sentence "This review included 14 studies with 1071 people."
            # said nothing of what was studied: composer 14 blind read, 4 of 20 pages)
            steps = (
                ("method", anywhere),
                ("measure", anywhere),
                ("finding", ("results",)),
                ("finding", anywhere),
                ("method", ()),  # nothing said yet: any sentence the method ranking finds, as composer 14
            )
            review_cap = int(self.p.get("summary_review_sentences", 3))
        words = self.p.get("summary_sentence_words", self.p["summary_words"])
        # primary research: reused sentences of each kind; what was done may take a second sentence
        # (who was compared with whom, then what was measured: "Sixty-six typically developing adults
        # were divided into low- and high-autistic-trait groups ...", bmc s13229-015-0059-3, said only
        # its sound targets), the measure step one of them
        caps = {"method": int(self.p.get("summary_methods", 1)) if primary else 1, "finding": results}
        said: dict[str, list[tuple[int, str]]] = {"method": [], "finding": []}
        review_found = False
        for purpose, kinds in steps:
            group = "finding" if purpose == "finding" else "method"
            if plan.is_review and (
                len(out) >= review_cap
                or (purpose == "finding" and review_found)
                or (not kinds and len(out) >= 2)
            ):
                continue
            lenient = plan.is_review and not kinds  # the last step: results may be said
            kinds = kinds or anywhere
            if (
                not primary
                and not plan.is_review
                and (len(out) >= 3 or (kinds == anywhere and len(out) >= 2))
            ):
                break
            # the measure step says one sentence; a method said from anywhere only when none was
            room = 1 if group == "method" and kinds == anywhere else caps[group]
            taken = 0
            while (len(said[group]) < room and (purpose != "measure" or not taken)) or not primary:
                # a further result only while plain (summary_grade): the first is said however hard
                # (a second sentence of what was done: summary_method_grade, what was done is often
                # said in longer words than a result: "Data were analysed thematically.")
                limit = "summary_method_grade" if group == "method" else "summary_grade"
                grade = (
                    float(self.p.get(limit, self.p.get("summary_grade", 99)))
                    if said[group] and primary
                    else 99.0
                )
                chosen = self._summary_sentence(
                    purpose,
                    kinds,
                    out + [t for _, t in said["method"] + said["finding"]],
                    size,
                    grade,
                    lenient,
                )
                if chosen is not None and primary:
                    said[group].append(chosen)
                    taken += 1
                elif chosen is not None:
                    out.append(chosen[1])
                    review_found = review_found or purpose == "finding"
                if chosen is None or not primary:
                    break
        # what was measured, then the results in the abstract's order, after the facts
        out += [t for _, t in sorted(said["method"])] + [t for _, t in sorted(said["finding"])]
        out = [x for x in out if x and (plan.pooled_allowed or not _POOLED.search(x))]
        # 26 (h26bmc): what was done said and no result, every result too long for a summary
        # sentence: one said from the longer ones below ("The researchers describe a new system for
        # analyzing ... of freely walking mice." and not what it showed of ataxic mice, elife 07892)
        # (an unlabelled abstract's only: a labelled one's results section had its chance above, and a
        # longer result there raised the BMC summaries' grade, 11.49 -> 12.27)
        unlabelled = all(section.label is None for section in plan.article.sections)
        need_result = primary and unlabelled and bool(said["method"]) and not said["finding"]
        if not out or (primary and not said["method"] and not said["finding"]) or need_result:
            # no design, or the facts alone ("This was an animal study."): the best unclaimed
            # sentence, a longer one allowed; background only where it says what the researchers did
            # ("To elucidate ..., the researchers used gene targeting ..."): why it matters, or what
            # others found, is no summary of this research (bmc s13321-015-0055-9)
            unclaimed = plan.ranked("method") + plan.ranked("finding")
            ranked = sorted(
                unclaimed, key=lambda s: (s.kind == "background", bool(_POINTER_IN.search(s.text)))
            )
            usable = [
                s
                for s in ranked
                if not (primary and (plan.advice(s) or plan.research_call(s)))
                and not (plan.is_review and _review_not_summary(plan, s))
            ]
            ranked = [s for s in usable if s.kind != "background" or _OWN_WORK.search(s.text)]
            if not out:
                # nothing else to say (an unlabelled eLife abstract whose every result another field
                # took): the study's background rather than an empty summary, the editor's to rewrite;
                # then any unclaimed sentence
                ranked += [s for s in usable if s not in ranked]
                ranked += [s for s in unclaimed if s not in ranked]
            done = need_result  # what was done said: a result may follow it
            for s in ranked:
                if done and not (
                    s.kind in ("results", "conclusions")
                    or (_OWN_WORK.search(s.text) and _SAYS_FOUND.search(s.text))
                ):
                    continue  # why it matters, what others found, or more of what was done
                # 27 (h27bmc): what the researchers report before a colon, when the whole sentence
                # cannot be said (its detail another field says): "Here we report a novel
                # FAK/PYK2/GSK3βY216/β-catenin regulation axis: FAK and PYK2, ... functioned
                # redundantly ..." (elife_dev eLife.10072, whose summary was the background)
                head = _REPORTED_HEAD.match(s.text) if primary and unlabelled and not done else None
                for source in [s.text] + ([f"{head.group('head')}."] if head else []):
                    pieces = self.realiser.lay(
                        source,
                        2 * self.p["summary_words"],
                        keep_statistics=True,
                        compress=self._squeeze,
                        led=True,
                    )
                    pieces = [self._hedged(_results_say(p), proposal=True) for p in pieces]
                    ok = (
                        bool(pieces)
                        and self._summary_ok(pieces[0], out)
                        and all(
                            self.fresh(p) for p in _short(pieces[0], self.realiser, words, researchers=True)
                        )
                        and not (done and not states_result(pieces[0]))
                    )
                    if ok:
                        break
                if ok:
                    out.append(pieces[0])
                    plan.claim(s, "research_summary")
                    # 26 (h26bmc): what the researchers did, then what they found, as the steps above
                    # say it: "The researchers describe a new system for analyzing ... of freely walking
                    # mice." said alone left out the page's result on ataxic mice (elife 07892)
                    if (
                        done
                        or not (primary and unlabelled)
                        or not _SAYS_DONE.search(s.text)
                        or _SAYS_FOUND.search(s.text)
                    ):
                        break
                    done = True
        if self.size_said and size and len(out) <= 1:
            out = [size]  # a summary with nothing but "This was a review." says the size after all
        if not out and plan.is_review:
            # never empty: a review whose every sentence another field took says what it was ("This
            # review found a single study with 21 people, ...", cochrane CD008088.pub3, whose one
            # conclusion sentence is now its practical implication)
            key = "design_review_one" if plan.one_study else "design_only"
            text = (self.fill("summary", key, design=label, people=plan.people) if plan.people else None) or (
                self.fill("summary", f"{key}_no_people" if plan.one_study else key, design=label)
            )
            out = [text] if text else []
        if plan.is_review and out and len(out) < int(self.p.get("summary_review_sentences", 3)):
            # what the studies measured, after their size and what they compared (h18fields: "This
            # review included six studies with 800 people." said nothing of what was studied,
            # cochrane CD000066.pub2, one of 56 mine-half summaries that said only the size)
            measured = self._review_measured(out)
            if measured:
                out.insert(min(lead, len(out)), measured)
        if opener:
            out.insert(0, opener)
        # short sentences, as in the simple explanation (statistics stay: the text was laid with them)
        split = [
            [
                q
                for named in self._named_apart(text, words)
                for aimed in self._aim_apart(named, words)
                for two in self._two_verbs(aimed, words)
                for piece in self._how_apart(two, words)
                for q in _short(piece, self.realiser, words, researchers=True)
            ]
            for text in out
        ]
        # a piece of a split sentence that another field says is left out with the rest of it
        # ("..., and the background could modify ..." gave a piece a key finding said)
        out = [
            p for pieces in split if len(pieces) == 1 or all(self.fresh(p) for p in pieces) for p in pieces
        ]
        if self.size_said and len(out) >= 2 and plan.is_review:
            out = self._design_merged(out, label)  # after the split, which drops "In this review,"
        out = self._length_once(out)
        self.written.extend(out)
        return rw.join_sentences(out)

    def _length_once(self, out: list[str]) -> list[str]:
        """``out`` without "The study ran for 2 years." when another of its sentences says the length
        itself ("In a 2-year field study, ...", elife 00007)."""
        fact = self.plan.facts.study_period if self.plan.facts is not None else None
        if fact is None or fact.detail.get("kind") != "study_length" or fact.span is None:
            return out
        said = self.fill("summary", "when_length", period=self.plan.fact("study_period"))
        amount = re.match(r"\S+", fact.span.text.split(None, 1)[1] if " " in fact.span.text else "")
        if said not in out or amount is None:
            return out
        own = re.compile(rf"(?<![\w-]){re.escape(amount.group(0))}(?![\w])", re.I)
        return [x for x in out if x != said] if any(x != said and own.search(x) for x in out) else out

    def _named_apart(self, text: str, words: int) -> list[str]:
        """ "The researchers present DendroSplit, an interpretable framework for analyzing single-cell
        RNA-Seq datasets that ..." (bmc s12859-018-2092-7, 26 words) said as the topic sentence says a
        named tool (split_topic): "The researchers present DendroSplit. It is an interpretable
        framework ...". Only a name with a capital or digit (a tool, a database), after what the
        researchers made or present, and only in a sentence longer than ``words``."""
        m = _MADE_NAMED.match(text)
        if m is None or rw.word_count(text) <= words:
            return [text]
        body = text[m.end() :].rstrip(".")
        named = _NAMED.match(body)
        if named is None or not re.search(r"[A-Z0-9]", named.group("name")):
            return [text]
        rest = body[named.end() :]
        if rw.word_count(rest) < 3 or rest.count("(") != rest.count(")"):
            return [text]
        second = self.fill("topic_parts", "is", x=named.group("art") + rest)
        return [f"{m.group(0)}{named.group('name')}.", second] if second else [text]

    def _aim_apart(self, text: str, words: int) -> list[str]:
        """ "The researchers used brief-access behavioral taste testing of BXD/Ty recombinant inbred
        mouse strains to map the major quantitative trait locus for taste sensitivity to quinine
        hydrochloride." (bmc 1471-2156-6-32, 26 words) said as what they did, then why: "The
        researchers used brief-access ... mouse strains. The aim was to map the major quantitative
        trait locus ...". Only a sentence longer than ``words`` whose subject is the researchers and
        whose main verb says they used or did something (use, apply, combine, carry out ...), with a
        "to" purpose clause of that verb (never "developed a tool to detect X": what the tool does);
        "to show that X" keeps its claim as theirs ("They show that X.")."""
        model = self.realiser.spacy_model
        if model and rw.word_count(text) > words + 4 and _AIM_FIRST.match(text):
            return self._aim_first(text, model)
        if not model or rw.word_count(text) <= words + 4 or not _RESEARCHERS_LEAD.match(text):
            return [text]
        doc = _parse(text, model)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_.lower() not in _USED_VERBS or root.i > 3:
            return [text]
        if not any(c.dep_ == "nsubj" and c.lower_ in ("researchers", "authors") for c in root.children):
            return [text]
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in root.children):
            return [text]  # "did not use X to ...", "will use X to ...": no past aim of what was done
        used = {t.i for c in root.children if c.dep_ == "dobj" for t in c.subtree}
        purpose = next(
            (
                c
                for c in doc
                # "used profiling ... and RNA interference functional screening to uncover markers ...":
                # the parse hangs the purpose on the object of "use" (elife_dev eLife.07025)
                if (
                    (c.dep_ in ("advcl", "xcomp") and c.head.i == root.i)
                    or (c.dep_ == "acl" and c.head.i in used and root.lemma_.lower() in _USE_VERBS)
                )
                and c.tag_ == "VB"
                and c.i > root.i
                and doc[c.i - 1].tag_ == "TO"
                # the clause runs to the sentence's end, or what the parse hung elsewhere has no verb
                # ("to study the ... integration of EmrE and its mutants on realistic ... timescales")
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[c.right_edge.i + 1 :])
            ),
            None,
        )
        if purpose is None:
            return [text]
        to = doc[purpose.i - 1]
        start = to.i - 2 if to.i >= 2 and doc[to.i - 2 : to.i].text.lower() == "in order" else to.i
        did = doc[:start].text.rstrip(" ,")
        aim = doc[purpose.i :].text.rstrip(" .")
        if rw.word_count(did) - rw.word_count(doc[: root.i + 1].text) < 2 or did.count("(") != did.count(")"):
            return [text]  # "The researchers used it to ...": what they used is the point
        past = root.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in root.children if c.dep_ == "aux")
        claim = re.match(r"(?P<verb>show|demonstrate|reveal|establish|confirm)\s+that\s+(?P<claim>.+)$", aim)
        if claim:
            verb = claim.group("verb")
            verb = (f"{verb}d" if verb.endswith("e") else f"{verb}ed") if past else verb
            said = self.fill("summary", "shown_apart", verb=verb, claim=claim.group("claim"))
        else:
            # the abstract's present ("The researchers use the wasp Nasonia to address how ...") says what the
            # paper does: "They address how ..."; the past, what they set out to do
            said = self.fill("summary", "aim_apart" if past else "aim_apart_present", aim=aim)
        if not said or rw.word_count(aim) < 3 or _CLAUSE_AFTER.search(aim):
            # "to identify miRNAs that control ..., and of these miRNAs, miR-1255b ... suppress ..." (elife_dev
            # eLife.02445): what follows ", and" is a result, never an aim
            return [text]
        did = rw.ensure_period(did)
        if self.fresh(did) and not self.fresh(said):
            # 24 (h24bmc): the aim another field says already is left to it; what was done stands alone
            # (bmc 1471-2156-6-32: its simple explanation says "... to map the major quantitative trait
            # locus", so the summary kept the whole 26-word sentence)
            return [did]
        return self._fresh_split(text, [did, said])

    def _aim_first(self, text: str, model: str) -> list[str]:
        """24 (h24kf): a sentence that opens on its purpose, "To explain the physiological functions of
        ADAM22, the researchers employed gene targeting to generate ADAM22 knockout mice." (bmc
        1471-2202-6-33, 17 words), said as the aim, then what was done, in the source's order: "The aim
        was to explain the physiological functions of ADAM22. The researchers employed gene targeting
        ...". Passive main clauses too ("To study the activity of each promoter, red fluorescence protein
        was used as a reporter.", bmc s12896-019-0568-9). Only where "To" starts a purpose clause of the
        main verb (the parse: a base verb after it, the clause ending on the comma), the main clause has
        its own subject and a finite past or present verb, neither negated nor under a modal, and the
        aim holds no clause of its own; a present main clause says "The aim is to ...". ``[text]``
        otherwise ("To date, few trials ...": no verb after "To")."""
        doc = _parse(text, model)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or len(doc) < 3 or doc[1].tag_ != "VB":
            return [text]
        purpose = next((c for c in root.children if c.dep_ in ("advcl", "xcomp") and c.i == 1), None)
        comma = purpose.right_edge.i + 1 if purpose is not None else 0
        if purpose is None or comma >= root.i or doc[comma].text != ",":
            return [text]
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > comma for c in root.children):
            return [text]
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in root.children):
            return [text]
        tensed = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i] + [root]
        if any(t.tag_ == "VBD" for t in tensed):
            key = "aim_first"
        elif any(t.tag_ in ("VBZ", "VBP") for t in tensed):
            key = "aim_first_present"
        else:
            return [text]
        aim = doc[1:comma].text
        did = rw.capitalize_first(doc[comma + 1 :].text.strip())
        said = self.fill("summary", key, aim=aim)
        if not said or rw.word_count(aim) < 3 or rw.word_count(did) < 5 or _CLAUSE_AFTER.search(aim):
            return [text]
        if did.count("(") != did.count(")") or not reads_as_sentence(did, self.realiser.tagger):
            return [text]
        return self._fresh_split(text, [said, rw.ensure_period(did)])

    def _researchers_did(self, text: str, words: int) -> tuple[Doc, Token] | None:
        """The parse of ``text`` and its main verb, where "The researchers" (or "The authors") are that
        verb's subject near the start, the verb is finite, neither negated nor under a modal, and the
        sentence is longer than ``words`` + 4; None otherwise (what ``_how_apart`` and ``_two_verbs`` split)."""
        model = self.realiser.spacy_model
        if not model or rw.word_count(text) <= words + 4 or not _RESEARCHERS_LEAD.match(text):
            return None
        doc = _parse(text, model)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.tag_ not in ("VBD", "VBP", "VBZ", "VBN") or root.i > 4:
            return None
        if not any(c.dep_ == "nsubj" and c.lower_ in ("researchers", "authors") for c in root.children):
            return None
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in root.children):
            return None
        return doc, root

    def _how_apart(self, text: str, words: int) -> list[str]:
        """ "The researchers characterized the dynamic ethylene transcriptional response by identifying
        targets of the master regulator of the ethylene signaling pathway, ETHYLENE INSENSITIVE3."
        (elife_dev eLife.00675, 24 words) said as what they did, then how: "... response. They did this by
        identifying targets of ...". Only a "by"-gerund of the main verb of "The researchers" that runs
        to the sentence's end, in a sentence longer than ``words`` + 4, neither negated nor under a modal."""
        parsed = self._researchers_did(text, words)
        if parsed is None:
            return [text]
        doc, root = parsed
        # the parse often hangs "by" on the object ("the ... response by identifying ..."): the manner of
        # the main verb still, when no other verb stands between them ("an approach to identify barcodes
        # by traversing ..." is how the approach identifies them)
        done = {t.i for c in root.children if c.dep_ == "dobj" for t in c.subtree} | {root.i}
        by = next(
            (
                c
                for c in doc
                if c.dep_ == "prep"
                and c.lower_ == "by"
                and c.head.i in done
                and c.i > root.i + 2
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[root.i + 1 : c.i])
                and any(g.dep_ == "pcomp" and g.tag_ == "VBG" and g.i == c.i + 1 for g in c.children)
                and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in doc[c.right_edge.i + 1 :])
            ),
            None,
        )
        if by is None:
            return [text]
        did = doc[: by.i].text.rstrip(" ,")
        how = doc[by.i + 1 :].text.rstrip(" .")
        if _CLAUSE_AFTER.search(how) or rw.word_count(did) < 5 or did.count("(") != did.count(")"):
            return [text]
        past = root.tag_ in ("VBD", "VBN")
        said = self.fill("summary", "how_apart" if past else "how_apart_present", how=how)
        return self._fresh_split(text, [rw.ensure_period(did), said] if said else [text])

    def _fresh_split(self, text: str, pieces: list[str]) -> list[str]:
        """``pieces`` where each is new to the page, else ``[text]``: a piece another field says would
        take the whole sentence out of the summary ("They do this by quantifying the fitness of ..."
        left elife_dev eLife.02440's summary empty)."""
        return pieces if all(self.fresh(p) for p in pieces) else [text]

    def _two_verbs(self, text: str, words: int) -> list[str]:
        """ "The researchers present a reanalysis of the stochastic model of organelle production and
        show that the equilibrium distributions ... can be readily calculated in three different
        scenarios." (elife_dev eLife.10167, 34 words) said as two sentences, the second "They show
        that ...": two finite verbs of "The researchers" joined by "and", neither negated nor under a
        modal, the second with no subject of its own. The shortener's own shared-subject split
        (shorten.split_shared_subject) stops at the first verb's list commas or an apposition; here
        the subject is sure, so "They" can only be the researchers."""
        parsed = self._researchers_did(text, words)
        if parsed is None:
            return [text]
        doc, root = parsed
        conjs = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > root.i]
        if len(conjs) != 1:
            return [text]  # a list of what they did ("cloned, sequenced and characterised") stays whole
        conj = conjs[0]
        finite = conj.tag_ in ("VBD", "VBZ") or (conj.tag_ in ("VBP", "VB") and root.tag_ in ("VBP", "VBN"))
        if not finite or any(
            c.dep_ in ("nsubj", "nsubjpass", "neg", "aux", "auxpass") for c in conj.children
        ):
            return [text]
        cc = doc[conj.left_edge.i - 1]
        if cc.lower_ != "and" or cc.i <= root.i + 1 or conj.left_edge.i != conj.i:
            return [text]
        left = doc[: cc.i].text.rstrip(" ,")
        right = f"They {doc[conj.i :].text}"
        if rw.word_count(left) < 5 or rw.word_count(right) < 4 or left.count("(") != left.count(")"):
            return [text]
        return self._fresh_split(text, [rw.ensure_period(left), rw.ensure_period(right)])

    def _review_compared(self, out: list[str]) -> list[str]:
        """What a review's studies compared, from the abstract's opening sentences ("We included 12
        trials comparing beta-blocker therapy with placebo in patients with idiopathic Parkinson's
        disease", cochrane CD003361): "The studies compared beta-blocker therapy with placebo in
        patients with ..." (the review's size sentence says how many, never what was studied)."""
        plan = self.plan
        for s in plan.sentences[:3]:
            sentence = _PARENTHESIS.sub("", _PARENTHESIS.sub("", s.text))
            m = _REVIEW_COMPARED[0].search(sentence) or _REVIEW_COMPARED[1].search(sentence)
            if not m or rw.word_count(m.group("x")) > 12 or rw.word_count(m.group("y")) > 16:
                continue
            x, y = m.group("x"), m.group("y")
            versus = re.search(r" (?:versus|vs\.?) ", y)
            if "c" in m.groupdict() and m.group("c") == "to" and versus:
                # "adjuncts to mechanical debridement in SPT versus debridement only": "to" was inside X
                x, y = f"{x} to {y[: versus.start()]}", y[versus.end() :]
            before = sentence[: m.start()]
            count = (
                re.search(rf"\b{re.escape(plan.studies.text)}\b", before, re.I)
                if plan.studies is not None
                else None
            )
            # "We identified 45 trials, of which eight trials ... were included" (CD002007.pub4): the
            # review's own count after "of which" is the review, not some of its studies
            subset = [w for w in _SUBSET.finditer(before) if count is None or w.start() > count.start()]
            own_verb = re.match(r"(?:trials|studies|RCTs) (?:compared|evaluated) ", m.group(0)) is not None
            if own_verb and count is None:
                continue  # "Two trials compared ...": some of them
            if not plan.one_study and (
                re.match(r"(?:trial|study) ", m.group(0))
                or re.search(r"\b(?:one|another|the other|a second|the first|the second)\s*$", before, re.I)
            ):
                # 26 (lead, read of seed 294): "Two trials were included; one comparing X with Y in 185 women
                # ... and one trial comparing A versus B in 40 women" (cochrane CD005543) said "the studies
                # compared A with B in 40 women": one study's comparison is not the review's
                continue
            if (own_verb or m.re is _REVIEW_COMPARED[1]) and (
                re.search(r"\d|\brandomi[sz]ed\b", x + y) or re.search(r"\b(?:with|versus|vs)\b", y)
            ):
                # "Nine studies compared 1354 participants randomised to either vitamin B or its derivatives
                # with placebo ..." (cochrane CD009403.pub2): people, or a third arm, are no comparison
                continue
            if subset or not (
                m.group(0).startswith("They ")
                or _ALL_STUDIES.match(s.text)
                or (
                    plan.studies is not None
                    and re.search(rf"\b{re.escape(plan.studies.text)}\b", before, re.I)
                )
            ):
                continue  # "Among the five studies that compared ...", "Two trials that compared ...": some of them
            key = "review_compared_one" if plan.one_study else "review_compared"
            text = self.fill("summary", key, x=x, y=y.rstrip(" ,"))
            pieces = self.realiser.lay(text, self.p["summary_words"], keep_statistics=True) if text else []
            if pieces and len(pieces) == 1 and self._summary_ok(pieces[0], out):
                return pieces  # the sentence is not claimed: its results are still the other fields'

        return []

    def _review_measured(self, out: list[str]) -> str | None:
        """ "The studies measured the duration of ventilatory support and the length of hospital stay."
        (cochrane CD001453.pub2): the outcomes the review's results name (plan.py review_outcomes),
        each a noun phrase where it stands, as many as one short sentence holds (summary_sentence_words:
        a longer list was split into "..., the rate of cross-over. The studies also measured ...")."""
        model = self.realiser.spacy_model
        if model is None:
            return None  # no tagger: no way to tell a noun phrase from a cut one

        def noun_phrase(text: str, start: int, end: int) -> bool:
            doc = _parse(text, model)
            inside = [t for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
            # the last word a noun that heads the phrase ("event-free, overall survival", "the length
            # of hospital and ICU stay" were cut short), no verb or adverb inside
            return bool(inside) and (
                # (a lower-case word the tagger calls a name is a noun: "serum prolactin", CD008125.pub2)
                inside[-1].tag_ in ("NN", "NNS", "NNP", "NNPS")
                and inside[-1].dep_ not in ("compound", "amod", "nmod")
                and not any(t.tag_.startswith(("VB", "RB", "MD", "CD")) for t in inside)
            )

        key = "review_measured_one" if self.plan.one_study else "review_measured"
        limit = int(self.p.get("summary_sentence_words", self.p["summary_words"]))
        # an outcome the summary already says is left out, the others still said (h19fields: CD006618.pub3's
        # "clinical remission rates" was left out with one its summary's result said)
        said = " ".join(out).lower()
        outcomes = [
            o for o in review_outcomes(self.plan.sentences, keep=noun_phrase) if o.lower() not in said
        ]
        while outcomes:
            listed = outcomes[0] if len(outcomes) == 1 else f"{', '.join(outcomes[:-1])} and {outcomes[-1]}"
            text = self.fill("summary", key, outcomes=listed)
            if text and (rw.word_count(text) <= limit or len(outcomes) == 1):
                return text if self.fresh(text) and self._summary_ok(text, out) else None
            outcomes = outcomes[:-1]
        return None

    def _design_merged(self, out: list[str], label: str) -> list[str]:
        """ "This was a review." said with the sentence after it: "In this review, one trial ... found
        no differences ..." (cochrane mine half CD001431): the design alone is no sentence an editor
        keeps. Not before a sentence that opens with its own lead-in ("Of three studies ...,", "To
        date, ...") or would lose the capital of a name."""
        design = self.fill("summary", "design_only", design=label)
        if out[0] != design:
            return out
        nxt = out[1]
        first = nxt.split(" ", 1)[0]
        if (
            first.lower() in _NOT_AFTER_LEAD
            or "," in " ".join(nxt.split(" ")[:3])
            or nxt.startswith(('"', "“"))
            or _NOT_MERGED.search(nxt)
        ):
            return out
        lowered = _lower_first(nxt, self.plan.article.abstract_plain)
        if lowered == nxt and first[:1].isupper() and first.isalpha() and first[1:].islower():
            return out  # "Placebo ..." written so in the abstract's middle too: left as it was
        merged = self.fill("summary", "design_merged", design=label, rest=lowered)
        return [merged, *out[2:]] if merged else out

    def _narrative_summary(self) -> list[str]:
        """A narrative review's summary: what kind of paper it is, then what the authors say it
        covers (its scope sentences, shortened; none about people or results found)."""
        plan = self.plan
        opener = self.fill("summary", "setting_narrative")
        words = self.p.get("summary_sentence_words", self.p["summary_words"])
        out: list[str] = []
        for s in plan.sentences:
            if s.index in plan.claimed or not _SCOPE.search(s.text):
                continue
            text = _HEREIN.sub("", s.text)  # "We discuss herein X" -> "We discuss X"
            pieces = self.realiser.lay(text, 2 * self.p["summary_words"], compress=self._squeeze, led=True)
            pieces = [_AUTHORS.sub("The authors", p) for p in pieces]  # a review's authors did no research
            if pieces and self._summary_ok(pieces[0], out) and self.fresh(pieces[0]):
                out += [p for p in _short(pieces[0], self.realiser, words) if self.fresh(p)]
                plan.claim(s, "research_summary")
            if len(out) >= 2:
                break
        return [opener, *out] if opener and out else []

    def _summary_sentence(
        self,
        purpose: Purpose,
        kinds: tuple[Kind, ...],
        out: list[str],
        size: str | None,
        grade: float = 99.0,
        lenient: bool = False,
    ) -> tuple[int, str] | None:
        """The plainest of the best-ranked few unclaimed sentences for ``purpose`` (statistics
        kept), claimed for the research summary, with its index in the abstract; None when none
        reads well here or all are above ``grade``."""
        plan = self.plan
        options: list[tuple[float, Sentence, str]] = []
        # a review's results: said with their statistics; only when none reads well, without them
        passes = (True, False) if plan.is_review and purpose == "finding" else (True,)
        # what a review's studies were: among more sentences (the best ranked are often appraisals)
        few = 8 if plan.is_review and purpose != "finding" and not lenient else 4
        for keep_statistics in passes:
            if not options:
                options = self._summary_options(purpose, kinds, out, size, few, keep_statistics, lenient)
        if not options or min(o[0] for o in options) > grade:
            return None
        _, s, text = min(options, key=lambda o: o[0])
        plan.claim(s, "research_summary")
        return s.index, text

    def _summary_options(
        self,
        purpose: Purpose,
        kinds: tuple[Kind, ...],
        out: list[str],
        size: str | None,
        few: int,
        keep_statistics: bool,
        lenient: bool = False,
    ) -> list[tuple[float, Sentence, str]]:
        """The ``few`` best-ranked unclaimed sentences for ``purpose`` that read well as a
        research-summary sentence here, each with its grade."""
        plan = self.plan
        primary = not plan.is_review and plan.setting != "protocol"
        words = self.p.get("summary_sentence_words", self.p["summary_words"])
        options = []
        for s in plan.ranked(purpose, kinds)[:few]:
            if plan.is_review and purpose == "finding" and s.index in {c.index for c in plan.conclusions}:
                continue
            if about_statistics(s.text) or plan.qualified_by_next(s):
                continue  # "Odds ratios for revascularisation at 1 year were and at 3 years." (CD004588); a
                # result said without what its next sentence says it rests on (CD004635)
            if primary and (
                (purpose == "finding" and (s.kind == "background" or plan.advice(s) or plan.research_call(s)))
                or (purpose != "finding" and s.kind == "results" and plan.is_result(s))
            ):
                continue  # what others found, advice or a call for research is no result; a result no method
            if plan.is_review and (
                only_about_quality(s.text)
                or _REVIEW_APPRAISAL.search(s.text)
                or _review_not_summary(plan, s)
                or _SEARCH_PROCESS.search(s.text)
                or (
                    purpose != "finding"
                    and not lenient
                    and (plan.is_result(s) or appraises_the_work(s.text) or s in plan.conclusions)
                )
            ):
                continue  # what a review's studies were is no result, no appraisal of them, no conclusion
            pieces = self.realiser.lay(
                s.text,
                self.p["summary_words"],
                keep_statistics=keep_statistics,
                compress=self._squeeze,
                led=True,
            )
            if _concession_cut(s.text, pieces):
                continue
            pieces = [self._hedged(_results_say(p), proposal=True) for p in pieces]
            if (
                pieces
                and self._summary_ok(pieces[0], out + ([size] if size else []))
                # a result of primary research states one ("The researchers extracted ..." does not)
                and (purpose != "finding" or plan.is_review or states_result(pieces[0]))
                # nor one the summary would drop as pooled (the next plainest is said instead)
                and (plan.pooled_allowed or not _POOLED.search(pieces[0]))
                # nor a bare figure ("The risk ratio was 1.07.", CD004302): what it compares is lost
                and not (plan.is_review and (_bare_number(pieces[0]) or _STATISTIC_SUBJECT.match(pieces[0])))
                # nor "these circuits" of what only the abstract named (the fallback below may)
                and not _POINTER_IN.search(pieces[0])
                # nor "... was significantly higher (three studies: OR 4.28 ...)." with nothing compared
                and not _BARE_COMPARATIVE.match(_without_brackets(pieces[0]))
                # nor says in one of its short sentences what another field said
                and (
                    not primary
                    or all(self.fresh(p) for p in _short(pieces[0], self.realiser, words, researchers=True))
                )
            ):
                options.append((rw.estimate_grade(pieces[0]), s, pieces[0]))
        return options

    def _summary_ok(self, text: str, out: list[str]) -> bool:
        """``text`` may be a research-summary sentence after ``out``: new, standing alone, not where
        to get the software, not the review's size again."""
        return (
            self.fresh(text)
            and not re.match(r"(?:It|Its)\b", text)  # "It confirmed ...": leans on what is not there
            # a review's "They also reduced ..." (cochrane CD003755.pub2) would be merged "In this review,
            # they ..."; primary research's "They were referred to ..." after "The study included 119
            # patients." names them (bmc 1472-6831-8-11)
            and not (self.plan.is_review and re.match(r"(?:They|Their)\b", text))
            # 26 (h26bmc): nor as the summary's first sentence of its own, with no one named before it
            # ("They strongly implicate direct physical contact ...", elife 05224: "They" were results)
            and not (re.match(r"(?:They|Their)\b", text) and not out)
            and not _FORMER_LATTER.search(text)  # "in the former group": named by the sentence before
            and not _NEXT_IN_LINE.match(text)  # "Meanwhile, the enhancement mechanism was studied."
            and not (not self.plan.is_review and _LEANING_CONNECTIVE.match(text))
            and not _LEANS_ON.match(text)  # "This was supported by ...", "This epistatic influence ..."
            and not _THE_REST.match(text)  # "The other five studies did not mention side effects."
            and not _OF_THESE.match(text)  # "The larger of these contributed ..." (its subject)
            and not _POINTER_LEAD.match(text)  # "On such occasions, staff described ..."
            and not _CUT_SUBJECT.match(text)  # "The guidance and was later drafted ...": a lost conjunct
            # "Three were assessed as high quality" (cochrane CD002884): three what, the sentence before says;
            # "All were cross-over studies, one involving 19 people ..." (CD012499) names them
            and not (
                self.plan.setting != "protocol"
                and no_result_kind(text) == "bare count"
                and not _NAMED_AS_STUDIES.search(text)
            )
            and not _WHERE_TO_GET.search(text)  # where to get it is no summary of the work
            and not _CLIPPED.search(text)  # no sentence (CD005391's "... formation and.")
            and not any(similar(text, o) for o in out)
            and not _restates_size(self.plan, text)
            and not _restates_count(text, out)
        )

    def when(self) -> list[str]:
        """When the study ran ("from 2008 to 2010") or how long it followed people ("Follow-up
        lasted a mean of 29.7 days."), never a duration said as a start date; a review's years and
        follow-up are its studies', not its own, so a review gives none."""
        plan = self.plan
        period = plan.fact("study_period")
        if period == NOT_SPECIFIED or not re.search(r"\d", period) or plan.is_review:
            return []
        fact = plan.facts.study_period if plan.facts is not None else None
        if fact is not None and fact.detail.get("kind") == "study_length":
            # "this 5-year study" is how long it ran, no start date ("ran from 5 years"); a protocol's
            # is a plan, left to the Study Duration field: its summary's three sentences say what it
            # will measure (bmc s13063-014-0524-x)
            text = None if plan.design == d.PROTOCOL else self.fill("summary", "when_length", period=period)
            return [text] if text else []
        if fact is None or fact.detail.get("kind") != "follow_up":
            text = self.fill("summary", "when", period=period)
            return [text] if text else []
        amount, _, unit = period.rpartition(" ")
        if amount.lower() not in ("one", "1") and not unit.endswith("s"):
            unit += "s"  # "12 month follow-up" -> "12 months"
        source = fact.span.text if fact.span is not None else ""
        average = re.search(r"\b(?:mean|median|average|minimum|maximum)\b", source, re.I)
        value = f"{amount} {unit}"
        if average:  # "a mean follow-up of 29.7 days": the mean, not everyone's
            value = rw.fix_articles(f"a {average.group(0).lower()} of {value}")
        # 23 (h23bmc): a protocol's follow-up is planned: "Follow-up lasted 6 months." (bmc
        # s13063-014-0531-y, recruiting) said as done
        key = "when_follow_up_protocol" if plan.design == d.PROTOCOL else "when_follow_up"
        text = self.fill("summary", key, period=value)
        return [text] if text else []

    # ----- practical implications -----------------------------------------------------------
    def practical_implications(self) -> list[PracticalPoint]:
        """What the result could mean for patients, clinicians or the next research step: the
        abstract's own implication sentences (titled by what they say, advice given as the
        researchers'), then one template for this kind of work, tied to the study's topic; a
        caveat template only when fewer than two points could be written."""
        plan = self.plan
        points: list[tuple[str, str]] = []
        taken: set[str] = set()
        research_said = False
        for s in self.implication_sentences():
            if len(points) >= 2:
                break
            text = self.implication_text(s)
            if text is None:
                continue
            research = plan.research_call(s)
            research_said = research_said or research
            title = self.implication_title(text, taken, research=research)
            points.append((title, text))
            taken.add(title.lower())
            self.written.append(text)
            plan.claim(s, "practical_implications")
        meaning, caveats = self.implication_keys()
        for key in meaning + caveats:
            if len(points) >= self.p["implications"] or (key in caveats and len(points) >= 2):
                break
            if key == "more_research" and research_said:
                # 24 (lead, read of seed 277): the abstract's own call for research was said ("much larger
                # trials ... are needed to provide information on relative harms", cochrane eval
                # CD003052): "More research is needed on this question." says it again, vaguer
                continue
            point = self.implication_template(key)
            generic = self.templates.pair("implications", "single_study_no_topic")
            if point and key == "single_study" and generic and point[1] == generic[1] and (points or caveats):
                continue  # "These are the results of a single study": only when nothing else applies
            if point and point[0].lower() not in taken:
                points.append(point)
                taken.add(point[0].lower())
                self.written.append(point[1])
        if not points:  # never empty: the plain standing of one study or a review
            key = "review" if plan.is_review else "single_study_no_topic"
            pair = self.templates.pair("implications", key)
            if pair:
                points.append(pair)
        return [PracticalPoint(title=t, text=x) for t, x in points[: self.p["implications"]]]

    def implication_sentences(self) -> list[Sentence]:
        """Unclaimed conclusion (then other non-background) sentences that say what the work
        means ("could help", "potential target", "should be considered", "further studies should
        ..."), not ones that only restate a result with its numbers."""
        plan = self.plan
        care = self._for_care()
        pool = [
            s for s in plan.conclusion_pool() if _MEANS.search(s.text) or (care and _PRACTICE.search(s.text))
        ]
        pool += [
            s
            for s in plan.ranked("implication")
            if s.kind not in ("background", "methods")
            and _MEANS.search(s.text)
            and s not in pool
            and not (plan.is_result(s) and _REPORTED_THAT.search(s.text))
        ]
        # what it means for care first (the conclusion's practice sentence), then what else it means,
        # a call for research (the next step) after
        pool.sort(key=lambda s: (plan.research_call(s), not (care and _PRACTICE.search(s.text))))
        return [s for s in pool if not _QUANTITY.search(s.text) and not s.cue("aim")]

    def implication_text(self, sentence: Sentence) -> str | None:
        """The sentence's piece that says what the work means, in lay words; advice is attributed
        to the researchers ("The researchers suggest that ...")."""
        pieces = self.realiser.lay(sentence.text, self.p["implication_words"]) or self.realiser.lay(
            sentence.text, self.p["finding_max_words"]
        )
        lead = _SET_ASIDE_LEAD.match(sentence.text)
        if not pieces and lead:
            # a practice sentence led by a contrast or a cause is said without it ("In contrast to
            # recommendations in adults with chronic cough, anti-histamines cannot be recommended ...",
            # cochrane CD005604.pub3; "Due to the higher rate of serious adverse events, heroin
            # prescription should remain a treatment for ...", CD003410.pub4): the claim stands alone
            rest = rw.capitalize_first(sentence.text[lead.end() :])
            pieces = self.realiser.lay(rest, self.p["implication_words"]) or self.realiser.lay(
                rest, self.p["finding_max_words"]
            )
        condition = _CONDITION_FIRST.match(sentence.text)
        if not pieces and condition:
            # 27 (lead, read of seed 315): a practice sentence led by the place it holds in ("Where resources
            # are limited, iron can be administered without screening ...", cochrane eval CD006589): its main
            # clause said as a sentence, then led by that place again
            said = self.realiser.lay(
                rw.capitalize_first(sentence.text[condition.end() :].lstrip()), self.p["finding_max_words"]
            )
            if len(said) == 1:
                first = said[0].split(" ", 1)[0]
                lowered = _lower_ok(first, self.plan.article.abstract_plain) and not first.isupper()
                pieces = [
                    f"{condition.group(0)} {(first.lower() if lowered else first)}{said[0][len(first) :]}"
                ]
        care = self._for_care()
        ranked = [x for x in pieces if _MEANS.search(x) or (care and _PRACTICE.search(x))]
        ranked += [x for x in pieces if x not in ranked]
        for text in ranked:
            # 17: "However the possible benefits of laminaria need to be weighed against ..." (CD005998: no
            # comma, so the realiser kept the contrast word): an implication stands alone
            text = rw.capitalize_first(_CONTRAST_START.sub("", text))
            if (
                rw.word_count(text) < 8
                or not (_MEANS.search(text) or (care and _PRACTICE.search(text)))
                or _METHOD_ONLY.search(text)
            ):
                continue
            if (_LEANS.match(text) and not _DUMMY_IT.match(text)) or text.startswith("The researchers will"):
                continue  # leans on the sentence before, or says what the paper will do
            if _LIST_TAIL.match(text):
                continue  # "Placebo control, and adequate concealment ..., it is clear that ...": a cut list
            key = "advice" if _ADVICE.search(text) else None if is_hedged(text) else "attributed"
            if key and not text.startswith(("The researchers", "They ")):
                first = text.split(" ", 1)[0]
                claim = (
                    (first.lower() + text[len(first) :])
                    if first in ("A", "An", "The")
                    or (_lower_ok(first, self.plan.article.abstract_plain) and not first.isupper())
                    else text
                )
                text = self.fill("implications", key, claim=claim) or text
            if self.fresh(text):
                return text
        return None

    def _for_care(self) -> bool:
        """A review or a study of people: its conclusion's practice sentence ("should not be used",
        "an acceptable alternative") is about care; a lab, animal or computational paper's "we
        recommend SAMtools" (bmc s13059-019-1863-4) or "an alternative agent" is not."""
        return self.plan.is_review or (self.plan.setting == "people" and not self.plan.basic)

    def implication_title(self, text: str, taken: set[str], research: bool = False) -> str:
        """A short title saying what kind of implication this is (implication_titles), never the
        sentence's first words; a call for research is the next step, whatever it names."""
        cues = self.templates.body.get("implication_titles") or []
        if not self._for_care():
            cues = [c for c in cues if c[1] != _FOR_CARE]
        if research:
            cues = [c for c in cues if c[1] == _NEXT_STEP] + cues
        for pattern, title in cues:
            if re.search(pattern, text, re.I) and title.lower() not in taken:
                return str(title)
        return "What This Could Mean" if "what this could mean" not in taken else "Also Worth Knowing"

    def implication_keys(self) -> tuple[list[str], list[str]]:
        """The ``implications`` templates for this kind of work: what it means, then caveats."""
        plan = self.plan
        text = f"{plan.article.title} {plan.article.abstract_plain}"
        meaning: list[str] = []
        if plan.no_studies:
            meaning.append("no_studies")
        elif plan.is_review:
            if self.open_question():
                meaning.append("open_question")
            verdict = self.answer_for_care()
            meaning += [verdict] if verdict else []
            level = self.implied_certainty()
            meaning += [f"certainty_{level.replace(' ', '_')}"] if level in _LOW else []
            meaning += ["one_study"] if plan.one_study else []
            # no "Several Studies Agree or Differ: This result draws on 14 studies": it says nothing a
            # reader can use (composer 14 blind read); fewer implications rather than a vague one
        elif plan.setting == "protocol":
            meaning.append("protocol")
        elif plan.setting == "narrative":
            meaning.append("narrative")
        elif plan.setting in ("lab", "animal"):
            meaning.append(f"{plan.setting}_treatment" if _TREATMENT.search(text) else plan.setting)
        elif plan.setting == "computational":
            # 21 (h21bmc): data analysis checked by lab work (plan.measured) needs no "checking in the lab"
            meaning.append(
                "computational_tool" if _TOOL.search(text) else "basic" if plan.measured else "computational"
            )
        elif plan.basic:
            # basic research in no people (plants, enzymes, DNA, a method): what it adds, not "One Study So
            # Far"; a title that names a tool or method ("Oligo-linker mediated assembly (OLMA) method",
            # bmc s13036-015-0021-0) gives researchers a resource
            tool = _TOOL.search(plan.article.title) or _METHOD_TITLE.search(plan.article.title)
            meaning.append("computational_tool" if tool else "basic")
        else:
            meaning.append(_DESIGN_IMPLICATION.get(plan.design, "single_study"))
            if plan.design == "" and plan.link_claim and plan.people_count:
                meaning[-1] = "observational"
            elif plan.design == "" and _REVIEWISH.search(text):  # a review whose size was not found
                meaning[-1] = "review"
        caveats: list[str] = []
        if not plan.is_review:
            if plan.certainty in _LOW:
                caveats.append(f"certainty_{plan.certainty.replace(' ', '_')}")
            if plan.pilot and plan.setting == "people":
                caveats.append("pilot")
            if plan.small(self.p["small_sample"]):
                caveats.append("small")
        if plan.more_research:
            caveats.append("more_research")
        return meaning, caveats

    def open_question(self) -> bool:
        """17 (h17main): the review's answer (the simple explanation's headline) is that its evidence cannot
        settle the question ("It is impossible to determine whether amantadine is a safe and effective form
        of treatment ...", CD003467; "no definitive conclusions can be made about ...", CD006325): what that
        means for care is said, not the generic "As Strong as Its Studies"."""
        head = next((s for s in self.plan.sentences if s.index == self.headline), None)
        if head is None:
            return False
        text = claim_head(head.text)
        return bool(
            no_conclusion(head.text)
            or (_NO_VERDICT.search(text) and not _PART_LEAD.match(text))
            or _UNSETTLED.search(text)
        )

    def answer_for_care(self) -> str | None:
        """28 (h28coch): a review whose answer (the simple explanation's headline) is itself the conclusion's
        verdict for care, so no implication sentence is left to say it: "Results of this review do not support
        the use of psychostimulant medications ... as a replacement therapy" (cochrane mine CD009695.pub2),
        "There is an absence of evidence to recommend the use of vitamin B therapy" (CD009403.pub2) ->
        ``care_against``; "Tissue adhesives are an acceptable alternative to standard wound closure" (CD003326)
        -> ``care_for``. Each page's only implication was "As Strong as Its Studies"; the template says what
        the answer means for care (titled as a practice sentence is, so one said from the abstract wins)."""
        head = next((s for s in self.plan.sentences if s.index == self.headline), None)
        if head is None or self.open_question() or _PART_LEAD.match(claim_head(head.text)):
            return None
        if _CARE_AGAINST.search(head.text):
            return "care_against"
        if _CARE_FOR.search(head.text) and not _CARE_DOUBT.search(head.text):
            return "care_for"
        return None

    def implied_certainty(self) -> str | None:
        """A review's certainty as the practical implications say it: the simple explanation's
        (``caveat_key``), so that "Results May Change ... the evidence behind it is weak" is never
        said beside an answer graded high or moderate (CD007924: imiquimod's high-quality response
        result beside the lowest level stated for another outcome) or one said as "probably"
        (CD010968); a range by its lowest level unless it reaches high (the answer's own level is
        then unknown, and may be the high one); the lowest stated when the caveat is the review's
        size ("one study")."""
        plan = self.plan
        key = self.caveat_key()
        if key in ("high", "moderate", "low", "very low"):
            return key
        if key == "range":
            low, high = self.certainty_range()
            return low if high != "high" else None
        return plan.certainty if key is not None else None

    def implication_template(self, key: str) -> tuple[str, str] | None:
        """The template ``key`` filled with the study's topic, else its ``_no_topic`` twin; None
        when neither is fresh (it would repeat another field)."""
        plan = self.plan
        values: dict[str, object] = {
            "n_studies": _lower(plan.studies.text) if plan.studies else None,
            "species": plan.species,
            "Species": plan.species.title(),
        }
        topic = self.implication_topic()
        topic = topic if topic and self.noun_phrase(topic) else None  # a claim has no head either
        if topic and re.match(
            r"(?:comparing|using|identifying|characterizing|characterising|assessing|evaluating)\b", topic
        ):
            # 20 (h20bmcread): a title's action is no topic ("This research on comparing the performance of
            # selected variant callers ...", bmc s12859-018-2440-7)
            topic = None
        head = _topic_head(topic)
        head = head if head and self.noun_phrase(head) else None
        # the whole topic, its head (a shorter phrase does not repeat the topic sentence), none
        main = self.templates.pair("implications", key)
        options: list[tuple[str, str | None]] = [(key, None)]
        if main and "{topic}" in main[1]:
            options = [(key, topic), (key, head), (f"{key}_no_topic", None)]
        for k, t in options:
            pair = self.templates.pair("implications", k)
            if not pair or (k == key and "{topic}" in pair[1] and not t):
                continue
            values["topic"] = t
            title, body = fill(pair[0], values), fill(pair[1], values)
            if t and body and "{topic} in {species}" in pair[1] and names_species(t, plan.species):
                # 27 (h27bmc): a topic that names the animal says it once ("... using mouse speed
                # congenic strains in mice adds ...", bmc 1471-2164-7-102)
                body = body.replace(f"{t} in {plan.species}", t, 1)
            if t and body and ", " in t and not re.search(r", (?:and|or) ", t):
                # 20 (h20bmcread): a title's apposition is closed before the sentence goes on ("This work on
                # NeoMutate, an ensemble machine learning framework, gives ...", bmc s12920-019-0508-5); a list
                # is no apposition ("data collector, integrator, and selector on big data platform gives", TACITuS)
                body = (
                    body.replace(f"{t} ", f"{t}, ", 1) if re.search(rf"{re.escape(t)} [a-z]", body) else body
                )
            if title and body and all(self.fresh(x) for x in _sentences(body)):
                return title, rw.fix_articles(body)
        return None

    def noun_phrase(self, text: str) -> bool:
        """A topic without a verb of its own ("Improved use of a public good selects ...",
        "afferents revealed" are not); the tagger decides unclear cases when there is one."""
        if re.search(r"\w+ed$", text):
            return False
        finite = has_finite_verb(f"The {text}.")
        if finite is None and self.realiser.spacy_model:
            return not tagged_finite(text, self.realiser.spacy_model)
        return not finite

    def implication_topic(self) -> str | None:
        """The study's topic as a noun phrase from its title ("Kurdish breast cancer in northern
        Iraq"); None for a title that states a claim, asks a question or is too long."""
        title = self.plan.article.title.strip().rstrip(".")
        if not title or title.endswith("?"):
            return None
        head, _, tail = title.partition(": ")
        if tail and _CALLS_ON_READER.match(head):
            # 20 (h20bmcread): a head that calls on the reader ("Mind the gaps: overlooking inaccessible regions
            # confounds ...", bmc s12859-018-2438-1) is no topic ("This research on mind the gaps ...")
            return None
        if tail and _NEGATED_CLAIM.search(head) and rw.word_count(tail) >= 3:
            # "Soap is not enough: handwashing practices and knowledge in refugee camps": a negated
            # claim asked as a question ("asked whether soap is not enough") reads as nonsense; the
            # subtitle says what was studied
            title = _lower_first(tail, self.plan.article.abstract_plain)
        elif tail and rw.word_count(head) >= 3:
            title = head
        elif tail and re.match(r"(?:an?|the) ", tail, re.I):
            title = f"{head}, {tail[0].lower()}{tail[1:]}"
        elif tail:
            title = tail
        title = _TOPIC_DESIGN.sub("", _TOPIC_LEAD.sub("", title)).strip(" ,;-")
        title = re.sub(r"^(?:an?|the) ", "", title, flags=re.I) if title[:2].lower() == "a " else title
        if (
            not title
            or (_TITLE_CLAIM.search(title) or _CLAIM_VERB.search(title))
            and not _WH_LEAD.match(title)
            or rw.word_count(title) > 14
            or re.search(r"[;:?!]", title)
        ):
            return None
        if self.plan.species:  # "... in mice" is said by the template
            title = re.sub(rf",? (?:in|of) (?:[\w-]+ )?{re.escape(self.plan.species)}$", "", title)
        title = self.realiser.words(title)
        first, _, rest = title.partition(" ")
        abstract = self.plan.article.abstract_plain
        if re.fullmatch(r"[A-Z][a-z]*(?:-[a-z]+)*", first) and (
            re.search(rf"\b{re.escape(first.lower())}\b", abstract) or _lower_ok(first, abstract)
        ):  # an ordinary word, not a name
            title = first.lower() + (" " + rest if rest else "")
        return title

    # ----- limitations ----------------------------------------------------------------------
    def limitations(self) -> list[str]:
        plan = self.plan
        found: list[str] = []
        text = plan.article.abstract_plain
        if plan.one_study:
            found.append("Only one study was found")
        for pattern, phrase in LIMITATION_CUES if ANY_LIMITATION_CUE.search(text) else ():
            if pattern.search(text) and phrase not in found:
                if plan.is_review and phrase in (
                    "Pilot study",
                    "Groups were not randomly assigned",
                    "Single-centre study",
                    "Retrospective design",
                ):
                    # a review is not a pilot, non-randomised, single-centre or retrospective study
                    # because some of its studies were ("those given in single-centre studies", CD007131)
                    continue
                if plan.is_review and (
                    (phrase == "Low-quality evidence" and _OVERALL_HIGH.search(text))
                    or (phrase == "Few studies available" and _few_of_many(text, plan))
                ):
                    # 24 (h24coch): one outcome's grade or studies, not the review's: "Thrombophlebitis was
                    # reported in only two studies (OR not estimated, low-quality evidence)" in a review of
                    # 85 studies whose evidence "was high" (cochrane mine CD007874.pub2)
                    continue
                if phrase == "More research is needed" and not (
                    plan.more_research
                    or any(_NEED.search(s.text) for s in plan.sentences if pattern.search(s.text))
                ):
                    # 20 (h20bmcread): "further research" the work contributes to states no need ("thus greatly
                    # contributing to further research in metabolic regulation", bmc s12864-019-6000-y; "will
                    # provide information for further studies on the evolution ...", s12864-019-6006-5)
                    continue
                if phrase == DESIGN_CAVEATS[d.LAB] and _data_from_cells(text, plan):
                    continue
                if phrase == "Retrospective design" and all(
                    s.kind == "background" for s in plan.sentences if pattern.search(s.text)
                ):
                    continue
                # 21 (h21bmc): nor a small sample a Background section names as the field's problem ("the
                # combination of large number of genetic measurements and small number of subjects", bmc
                # s12859-019-3221-7); an unlabelled review's "these results are based on one small study"
                # (CD010826, a sentence the plan may call background) is a limitation
                if phrase == "Small sample size" and all(
                    roles.section_role(plan.article.sections[s.section].label) == roles.BACKGROUND
                    for s in plan.sentences
                    if pattern.search(s.text)
                ):
                    continue
                found.append(phrase)
        setting_design = {"animal": d.ANIMAL, "lab": d.LAB, "computational": d.COMPUTATIONAL}
        caveat = DESIGN_CAVEATS.get(plan.design) or DESIGN_CAVEATS.get(setting_design.get(plan.setting, ""))
        if plan.measured and caveat == DESIGN_CAVEATS[d.COMPUTATIONAL]:
            caveat = None  # 21 (h21bmc): "Needs confirmation in lab or clinic" of work that measured in the
            # lab (bmc s12864-019-6006-5: qRT-PCR, confocal microscopy; s13068-019-1399-6: reporter genes)
        if not caveat and plan.is_review and not plan.one_study and not plan.no_studies:
            # a review the design fact could not name ("Six trials (807 donors) were eligible: all were
            # substudies ... of larger randomised controlled trials", cochrane CD006406) is still one
            caveat = DESIGN_CAVEATS[d.SR]
        if not caveat and not plan.design and plan.link_claim and plan.people_count and not plan.is_review:
            # a study of people that states links: not cause (a review is not one: "Only one
            # randomised, controlled trial was identified and included", CD006851)
            caveat = DESIGN_CAVEATS[d.COHORT]
        if caveat and caveat not in found:
            found.append(caveat)
        found += [x for x in self.stated_limitations() if x not in found]
        if plan.small(self.p["small_sample"]) and "Small sample size" not in found:
            found.append("Small sample size")
        return found[: self.p["limitations"]] or [NO_LIMITATIONS_STATED]

    def stated_limitations(self) -> list[str]:
        """Limitations the abstract states in its own sentence ("The study was limited by ...")
        that no cue names, each said plainly in one short sentence."""
        out = []
        stated = [(s.text, False) for s in self.plan.sentences if s.kind != "background"]
        stated += [  # a "Limitations:" section: each of its sentences is one
            (x, True)
            for section in self.plan.article.sections
            if section.label and re.search(r"limitation", section.label, re.I)
            for x in re.split(r"(?<=\.)\s+", section.text.strip())
            if x
        ]
        for source, labelled in stated:
            if not labelled and not _STATED_LIMITATION.search(source):
                continue
            if any(pattern.search(source) for pattern, _ in LIMITATION_CUES):
                continue  # the cue's phrase says it
            text = next(iter(self.realiser.lay(source, self.p.get("limitation_words", 15))), None)
            if text and (labelled or _STATED_LIMITATION.search(text)) and self.fresh(text):
                out.append(text.rstrip("."))
                self.written.append(text)
        return out


# A subject the shortener put in for a verb that shared one ("was studied in J82 cells and
# immortalized ..." -> "It immortalized ..."): the parse is not sure enough for a key finding or
# the research summary ("They was noted ...").
_PUT_IN_SUBJECT = re.compile(r"^(?:It|They) ")
# "... eight other bacteria, which were isolated from ..." -> "This were isolated ...": the
# relative clause was about a plural noun, and "This" cannot say it.
_PLURAL_THIS = re.compile(r"^This (?:are|were|have|do)\b")
# "..., but only when predators reduced herbivore loads": after "but", a condition, no clause.
_BUT_CONDITION = re.compile(
    r"^But (?:only |even |not )?(?:when|if|after|before|because|although|while|unless|in|for)\b"
)


# A step's place in the abstract's list ("Firstly, ...", "Secondly, ..."): nothing without the list.
_ORDINAL = re.compile(r"^(?:First|Second|Third|Fourth)(?:ly)?,\s+|^(?:Lastly|Finally),\s+")


_SHOULD_WORDS = re.compile(r"\b(?:should|must|needs? to|ought to)\b", re.I)


def _review_not_summary(plan: Plan, s: Sentence) -> bool:
    """A review's call for research or its advice is no summary of it ("Randomized controlled trials
    comparing lactase versus placebo treated feeds ... are required.", cochrane CD004591.pub3;
    "Studies should have larger sample sizes ...", CD006341.pub2; "The results should be interpreted
    with caution ...", CD004700.pub2): 12 mine-half summaries said one (composer 15). "The maximum
    recommended daily dose" (CD003822.pub2) advises nothing."""
    return plan.research_call(s) or bool(_SHOULD_WORDS.search(s.text))


def without_method_frame(
    text: str, tagger: Callable[[str], bool] | None = None, model: str | None = None
) -> str:
    """Primary research: "Immunohistochemical studies showed that X" -> "X", "The researchers later
    showed that X" -> "X" (bmc 1471-2202-6-30, s12864-019-5719-9):
    the frame says how or by whom the result was found, which the research summary says
    (``_METHOD_FRAME``). Kept when the frame counts or limits what it reports
    (``_LIMITING_SUBJECT``: "Subgroup analyses showed that ...", "Two experiments ..."), is hedged,
    opens the claim on a clause ("showed that while X, Y"), or when the claim would start on a name
    in lower case ("mr-s") or not read as a sentence."""
    lead = _HOW_LEAD.match(text)
    looked = _LOOKED_AND_FOUND.match(text)
    if lead or looked:
        # 16 (h16kf): the result first, how it was found left to the research summary
        if lead:
            dropped, rest = lead.group(0), rw.capitalize_first(text[lead.end() :])
        else:
            assert looked is not None
            dropped, rest = looked.group("what"), f"The researchers found that {looked.group('claim')}"
        if (
            _IN_WHOM.search(dropped)
            or _LIMITING_SUBJECT.search(dropped)
            or is_hedged(dropped)
            or _NEGATED_LEAD.search(dropped)
        ):
            return text
        plain = without_method_frame(rest, tagger, model)
        if _POINTS_BACK.search(plain) or (plain == rest and not lead) or not reads_as_sentence(plain, tagger):
            return text  # never from a finding that points back into what was dropped
        return plain
    m = _METHOD_FRAME.match(text)
    if m is None or _LIMITING_SUBJECT.search(m.group("subject")) or is_hedged(text[: m.start("claim")]):
        return text
    if re.search(r" (?:with|using) ", m.group("subject")) and _IN_WHOM.search(m.group("subject")):
        return text  # "Experiments with mice showed that ...": in whom stays
    if model and _frame_goes_on(text, m.start("claim"), model):
        return text
    claim = m.group("claim")
    if claim.split(" ", 1)[0].lower() in _CLAUSE_OPENERS or not safe_start(claim):
        return text
    plain = rw.ensure_period(rw.capitalize_first(frame_claims(claim)))
    if rw.word_count(plain) < 4 or not reads_as_sentence(plain, tagger):
        return text
    return plain


def _frame_goes_on(text: str, claim_at: int, model: str) -> bool:
    """The frame's verb has a second verb of its own after the claim: "The structure shows that the
    MCM subunits bind ..., establishes the polarity ... and explains how ..." (elife_dev eLife.03273):
    without the frame, "establishes" would have no subject (16, h16kf)."""
    doc = _parse(text, model)
    that = next((t for t in doc if t.idx >= claim_at - 6 and t.lower_ == "that"), None)
    if that is None:
        return True
    frame = next((t for t in reversed(doc[: that.i]) if t.tag_ in ("VBZ", "VBD", "VBP")), None)
    if frame is None:
        return True
    # the parse often hangs the second verb on the claim: read the tags too, a verb of the frame's
    # tense after a comma (", establishes", ", and explains")
    for t in doc[that.i + 1 :]:
        before = doc[t.i - 1].text if t.i else ""
        after_and = before == "and" and t.i > 1 and doc[t.i - 2].text == ","
        if t.tag_ == frame.tag_ and (before == "," or after_and):
            return True
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.idx > claim_at for c in frame.children)


def _results_say(text: str) -> str:
    """ "This suggests that X" -> "The results suggest that X", "These findings show X" -> "The
    findings show X": what it leans on, named; "Secondly, X" -> "X"."""
    ordinal = _ORDINAL.match(text)
    if ordinal and re.match(r"[a-zA-Z]", text[ordinal.end() :]):
        text = rw.capitalize_first(text[ordinal.end() :])
    these = re.match(r"These (findings|results|data|observations)\b", text)
    said = _THIS_SAYS.match(text)
    # "These findings show X" -> "The findings show X": the work's own, as in the simple explanation
    if these:
        text = f"The {these.group(1)}{text[these.end() :]}"
    elif said:
        past = said.group(2) if said.group(2) in ("d", "ed") else ""
        text = f"The results {said.group(1)}{past}{text[said.end() :]}"
    return text


_CUT_SUBJECT = re.compile(r"(?:The |A |An )?[\w-]+ (?:and|or) (?:was|were|is|are|had|has|have)\b")
_NEXT_IN_LINE = re.compile(
    r"^(?:Meanwhile|In addition|Additionally|Finally|Then|Next|Subsequently|Second(?:ly)?|Third(?:ly)?|Lastly)\b"
)
# 26 (h26bmc): primary research: the other side of a contrast, or more of what the summary does not
# say ("Conversely, depletion of DDB1 in embryonic stem cell leads to differentiation ...", elife
# 07539); a review's "Conversely, α-2 adrenergic agonists probably increase the risks of ..." is its
# harm after the benefit its summary says (cochrane mine CD004126.pub3)
_LEANING_CONNECTIVE = re.compile(
    r"^(?:Conversely|Likewise|Similarly|More importantly|Moreover|Furthermore)\b"
)


def names_species(text: str, species: str) -> bool:
    """``text`` names ``species`` ("mice") in the same plain word or its singular ("mouse"), never
    only by a Latin name ("Drosophila" is no plain "fruit flies", eLife.00999)."""
    names = {species} | {k for k, v in _ANIMAL_PLURAL.items() if v == species and k.islower() and k.isalpha()}
    names -= {"nematode", "nematodes"}
    return any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in names)


# 22 (h22kf): a source "sentence" that opens on a lower-case word is the tail of one the splitter cut
# after an abbreviation ("Strep. pneumoniae in the sputum was found ...": "pneumoniae in the sputum was
# found in a non-randomised trial in children but no clinical effect was described.", cochrane
# CD006316.pub3, said as "Lung infections in the sputum was found ..."); an identifier ("p53", "mRNA")
# has a digit or a capital
_CUT_SOURCE = re.compile(r"^[a-z]+\s")


def _short(text: str, realiser: Realiser, words: int, researchers: bool = False) -> list[str]:
    """``text`` split at its clause boundaries while longer than ``words`` (the simple explanation's
    shortener, pipeline.draft.composer.shorten), or ``[text]`` when a piece would open with a subject
    the split put in, a "But ..." that is a condition, not a clause, or "This were ..." .
    ``researchers`` (the research summary): a later piece's "They" may stand for "The researchers"
    that opened ``text`` (:func:`_researchers_again`)."""
    if not words or rw.word_count(text) <= words:
        return [text]
    pieces = shorten_sentence(text, realiser, words)
    if len(pieces) < 2 or any(
        (
            _PUT_IN_SUBJECT.match(p)
            and not _PUT_IN_SUBJECT.search(text)
            and not (researchers and _researchers_again(text, pieces, p))
        )
        or _BUT_CONDITION.match(p)
        or _PLURAL_THIS.match(p)
        for p in pieces[1:]
    ):
        return [text]
    return pieces


# 22 (h22rs): who did the work, as a reused sentence of the research summary opens
_RESEARCHERS_LEAD = re.compile(r"^The (?:researchers|authors) ")
_USE_VERBS = frozenset("use apply combine employ exploit utilize utilise".split())
# 24 (h24kf): a sentence that opens on its purpose ("To explain X, the researchers ...": Writer._aim_first)
_AIM_FIRST = re.compile(r"^(?:In order to|To) [a-z]+ [^,]{6,}, ")
_CLAUSE_AFTER = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|which|thus|so)\b")
# ... and the verbs that say they used or did something, whose "to" clause is their aim (Writer._aim_apart)
_USED_VERBS = frozenset(
    "use apply combine employ exploit utilize utilise carry perform conduct do take adopt".split()
)


# 28 (h28bmc): a cell line whose data computer methods were compared on is no lab result to test in
# people: "Eight ss methods (NOISeq, DEGseq, edgeR, ...) ... were compared in Yeast ... and a MCF7
# breast-cancer cell line" (bmc s12920-019-0513-8) had "Lab results not yet tested in people"; work
# that also measured in the lab (plan.measured) keeps it
_METHODS_COMPARED = re.compile(
    r"\b(?:methods|tools|algorithms|pipelines|approaches|software)\b[^.]{0,200}\b(?:were|are) (?:compared|benchmarked)\b|"
    r"\b(?:compared|benchmarked) (?:\w+ ){0,3}(?:methods|tools|algorithms|pipelines)\b",
    re.I,
)
_DATASETS = re.compile(r"\bdata ?sets?\b", re.I)


def _data_from_cells(text: str, plan: Plan) -> bool:
    return (
        not plan.measured
        and _METHODS_COMPARED.search(text) is not None
        and _DATASETS.search(text) is not None
    )


# A review's own word that its evidence is high overall ("Overall, the quality of the evidence was high",
# cochrane mine CD007874.pub2): a low grade stated elsewhere is one outcome's, not the review's limitation
_OVERALL_HIGH = re.compile(
    r"\boverall,?\s+(?:the\s+)?(?:quality|certainty)\s+of\s+(?:the\s+)?(?:body\s+of\s+)?evidence\s+(?:was|is)\s+"
    r"(?:\w+\s+)?high\b",
    re.I,
)
# The few studies that reported, used or included something: a part of the review ("Only three studies
# reported any adverse events", CD008322.pub2; "Thrombophlebitis was reported in only two studies",
# CD007874.pub2), never "the small number of studies" or "too few trials" the authors name as its limit
_FEW_STUDIES = re.compile(
    r"\b(?:few|only (?:one|two|three|a few)|small number of|limited number of) (?:studies|trials)\b", re.I
)
_SOME_OF_THEM = re.compile(
    r"\s+(?:\w+ly\s+)?(?:reported|provided|used|were|was|with|including|included|examined|assessed|measured|"
    r"adjusted|listed|had|gave|compared|evaluated|investigated|described|stated|looked|conducted)\b",
    re.I,
)
_FOUND_IN = re.compile(r"\b(?:reported|found|seen|observed|measured|assessed|described)\s+in\s+$", re.I)


def _few_of_many(text: str, plan: Plan) -> bool:
    """Each "few studies" of a review of more than five is a part of them: those that reported or
    included something (``_SOME_OF_THEM``), or in which something was reported (``_FOUND_IN``)."""
    if plan.studies is None or plan.studies.value <= 5:
        return False
    return all(
        _SOME_OF_THEM.match(text, m.end()) or _FOUND_IN.search(text, 0, m.start())
        for m in _FEW_STUDIES.finditer(text)
    )


def _researchers_again(text: str, pieces: list[str], piece: str) -> bool:
    """``piece`` is "They ..." for "The researchers" that opened ``text`` and its first piece: two
    verbs of the researchers said apart ("The researchers examine the time course of release at
    inhibitory basket cell-Purkinje cell synapses and show that it is independent of [Ca2+]o.",
    elife_dev eLife.04057, 23 words: "... synapses. They show that it is independent of [Ca2+]o.").
    Not where "They" could be others a relative clause named ("patients, who were ...") nor "They
    were ...", which says what was done to someone rather than what the researchers did."""
    return (
        _RESEARCHERS_LEAD.match(text) is not None
        and _RESEARCHERS_LEAD.match(pieces[0]) is not None
        and piece.startswith("They ")
        and re.search(r",\s+(?:who|whom|whose|which|where)\b", text) is None
        and re.match(r"They (?:was|were|is|are|be|been)\b", piece) is None
    )


def _lower(text: str) -> str:
    return text if text[:1].isdigit() else text.lower()


def _who_phrase(plan: Plan) -> str | None:
    value = plan.fact("participants")
    if value == NOT_SPECIFIED or rw.word_count(value) > 14 or not PERSON.search(value):
        return None  # "two experimental cases", "38 promoters": not the people studied
    first = value.split(" ", 1)[0]
    if first in ("A", "An", "The") or re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*", first):  # "Twenty-six"
        return value[0].lower() + value[1:]
    return value


# A count of people named by their condition ("25 bronchogenic cancer people", "40 asthma patients"): the
# condition's last word is a disease noun, not an adjective ("25 healthy people", "514 Kurdish women").
_CONDITION_PEOPLE = re.compile(
    r"^(?P<c>(?:[\w-]+ ){0,3}?(?:cancers?|carcinomas?|tumou?rs?|diabetes|diseases?|syndromes?|disorders?|"
    r"infections?|asthma|stroke|dementia|depression|schizophrenia|obesity|hypertension|sepsis|HIV|AIDS|"
    r"COPD|injur(?:y|ies)|fractures?|failure|[a-z]+(?:itis|osis|a?emia|pathy|oma|plegia)))"
    r" (?P<p>people|patients|individuals|persons|adults|children|women|men)$"
)


def _count_words(words: list[str]) -> int:
    """How many of ``words`` lead as a count ("25", "One hundred eighty-one")."""
    if words and re.fullmatch(r"\d[\d,]*", words[0]):
        return 1
    n = 0
    for i in range(1, len(words) + 1):
        try:
            if spelled_value(" ".join(words[:i])) > 0:
                n = i
        except KeyError:
            break
    return n


def _people_with(who: str) -> str:
    """ "25 bronchogenic cancer people" -> "25 people with bronchogenic cancer" (a disease said
    before "people" reads as their kind); any other phrase as it is."""
    words = who.split()
    n = _count_words(words)
    m = _CONDITION_PEOPLE.match(" ".join(words[n:])) if n else None
    if m is None:
        return who
    return f"{' '.join(words[:n])} {m.group('p')} with {m.group('c')}"


# A run-in label before the claim ("Primary outcomes: calcium may ...").
_RUN_IN_LABEL = re.compile(
    r"^(?:(?:primary|secondary|main|other) )?(?:outcomes?|results?|findings?)\s*:\s+(?=[A-Za-z])", re.I
)
# A concession before the claim ("Though promising data have been published, there is no evidence ...").
_CONCESSION = re.compile(
    r"^(?:Though|Although|Even though|While|Whilst|Despite)\b[^,]{3,}?,\s*(?:unfortunately,?\s*)?"
)
# A main clause that only says how far its estimates can be trusted (Writer.result)
_RELIABILITY_ONLY = re.compile(
    r"^(?:the |these |such )?(?:estimates?|results?|data|evidence|findings?) (?:were|was|are|is) (?:\w+ )?"
    r"(?:less|more|not|un)\s?(?:reliable|certain|precise|robust)\b",
    re.I,
)
# What is left must not lean on what the concession said ("..., it is ...", "..., these ...").
_LEANS_BACK = re.compile(r"(?:it|they|this|these|that|those|its|their|such)\b", re.I)

# A method lead-in before the authors' claim ("Using optical tweezers ..., we show that ...").
_METHOD_LEAD = re.compile(
    r"^(?:Using|By using|By means of|With the help of|Through|Combining|By combining)\b[^,]{3,}?,\s*"
)
_FRAMED_AFTER = re.compile(
    r"(?:we|the researchers) (?:show|find|found|showed|demonstrate|demonstrated|report|reveal)\b", re.I
)
# A trailing clause that explains or generalises the claim before it.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:explaining|suggesting|indicating|implying|highlighting|supporting|providing|including|thereby|which (?:may|might|could|"
    r"suggests?|indicates?|explains?|provides?))\b"
    # a concession after the claim ("There is inadequate trustworthy evidence to assess the effects of
    # X on Y, although there is some evidence to suggest it may change Z"): the headline without it
    r"|,\s+(?:although|though|whilst)\b"
    # "... uses a mixed mode of segmentation wherein pair-rule genes pattern the embryo in a manner ..."
    r"|\s+(?:wherein|whereby)\b"
)


# A concession that states a result ("While X was associated with a reduction in Y, ...", "Although it
# appears that X may result in a shorter stay, ..."), not one that only sets the scene ("Though
# promising data on IVM have been published, ...").
_CONCEDED_RESULT = re.compile(
    r"\b(?:reduc\w*|increas\w*|improv\w*|decreas\w*|lower|higher|fewer|shorter|longer|less|more (?:likely|effective)|"
    r"better|worse|superior|inferior|beneficial|"
    r"associated with|effective|benefit\w*|prevent\w*|result(?:s|ed)? in|led to|lead to|in favou?r of)\b",
    re.I,
)
# The second piece of a split headline that the first needs: what a concession, "but" or "; " led to.
_OTHER_HALF = re.compile(r"^(?:However|But|Yet|In contrast|Still)\b", re.I)


# A result conceded before what is still unknown: "While X was associated with a reduction in A, B and
# C, (to date,) there is a lack of / important information ... is unavailable" (CD006780.pub3); the
# concession runs to the comma before the main clause's opener, past the list's commas.
_RESULT_BEFORE_GAP = re.compile(
    r"^(?:While|Whilst|Although|Though)\s+(?P<result>.{20,}?),\s*(?:to date,\s*)?"
    r"(?=(?:there (?:is|are|was|were|remains?)|important|no|little|it (?:is|remains))\b)",
    re.I,
)


def _result_before_gap(text: str) -> str:
    """The conceded result of ``text`` (``_RESULT_BEFORE_GAP``) as a sentence, "" when none."""
    m = _RESULT_BEFORE_GAP.match(_BRACKETS.sub("", text))
    if m is None or not _CONCEDED_RESULT.search(m.group("result")):
        return ""
    return rw.capitalize_first(m.group("result").strip()) + "."


# 28 (lead, read of seed 388): a result conceded before the caution that leans on it: "Although the overall
# estimate of the number of healed ulcers appeared to show a significant effect in favour of flavonoids ...,
# this result needs to be interpreted cautiously, as most of these trials were poorly reported, ..." (cochrane
# eval CD006477.pub2, 56 words, was never said, and the page's answer became "The quality of reporting of
# trials on HR was poor."): the result, then the caution without its reasons ("as ...", "because ...")
_CONCEDED_CAUTION = re.compile(
    r"^(?:Although|Though|While|Whilst|Even though)\s+(?P<a>[^;]{20,}?),\s*(?P<b>(?:this|these|the|such) "
    r"(?:results?|findings?|estimates?|effects?|data|evidence)\b[^,;]{0,40}?\b(?:interpreted|treated|viewed|"
    r"considered|regarded)\s+(?:with (?:some |great |due )?caution|cautiously))(?=\s*(?:[,.;]|$))",
    re.I,
)


def _conceded_caution(text: str) -> str:
    """``text`` said as its conceded result and the caution after it ("A, but this result needs to be
    interpreted cautiously."), "" when it is no such sentence (``_CONCEDED_CAUTION``)."""
    m = _CONCEDED_CAUTION.match(text)
    if m is None or not _CONCEDED_RESULT.search(m.group("a")):
        return ""
    return f"{rw.capitalize_first(m.group('a').strip())}, but {m.group('b').strip()}."


# an answer that the evidence cannot settle, said after a concession (_null_half)
_CANNOT_SETTLE = re.compile(
    r"\b(?:insufficient|not enough|inadequate|too limited) to (?:determine|find out|establish|say|show|conclude)\b",
    re.I,
)


def _null_half(text: str) -> str:
    """The half of a concession sentence that is a null answer (no effect, or evidence that cannot settle
    the question) when the other half states a result, as a sentence of its own ("Whilst A suggested a
    benefit, the quality of these studies is insufficient to determine whether B" -> "The quality of the
    studies is insufficient to determine whether B."); "" otherwise."""
    m = _CONCESSION.match(text)
    if m is None:
        return ""
    lead = re.match(r"(?:Even though|\w+)\s+", text)
    conceded = text[lead.end() if lead else 0 : m.end()].strip().rstrip(",").strip()
    main = text[m.end() :].strip()

    def null(x: str) -> bool:
        return bool(_NULL_ANSWER.search(x) or _CANNOT_SETTLE.search(x))

    if null(main) and not null(conceded) and _CONCEDED_RESULT.search(conceded):
        half = main
    elif null(conceded) and not null(main) and _CONCEDED_RESULT.search(main):
        half = conceded
    else:
        return ""
    half = _THESE.sub(lambda t: "the " + t.group(2), half)  # "these studies" named nothing said before
    if _LEANS_BACK.match(half):
        return ""
    return rw.capitalize_first(half.rstrip(" .")) + "."


def _concedes_result(text: str) -> bool:
    m = _CONCESSION.match(text)
    return bool(m and _CONCEDED_RESULT.search(text[: m.end()]))


def _other_half(text: str, second: str) -> bool:
    """``second`` (a piece the realiser split off ``text``) is the half the first cannot stand without:
    the main clause after a concession, a "but" that limits the answer, or a second comparison after
    "; " (never "This suggests ...", an explanation the answer can leave out)."""
    if _OTHER_HALF.match(second):
        return True
    return ";" in text and not re.match(r"(?:This|These|It|They)\b", second)


def _concession_cut(source: str, pieces: list[str]) -> bool:
    """The realiser split a concession from a main clause that leans on it, so its first piece says
    half: "HPV tests are less likely to miss cases of CIN 2+ and CIN 3+." without "However, these tests
    do lead to more unnecessary referrals." (cochrane eval CD008587, read of seed 263), a key finding
    whose second piece could not stand alone. A field that says one piece says neither."""
    return (
        len(pieces) > 1
        and bool(_CONCESSION.match(source))
        and bool(_OTHER_HALF.match(pieces[1]))
        and bool(_LEANS_BACK.match(_CONTRAST.sub("", pieces[1])))
    )


def _without_concession(text: str) -> str:
    """The claim after its concession ("Though A, B." -> "B."), unless B leans on A ("..., it ...")."""
    m = _CONCESSION.match(text)
    if m is None or _LEANS_BACK.match(text[m.end() :]):
        return text
    return rw.capitalize_first(text[m.end() :])


def _restates(answer: str, text: str) -> bool:
    """``text`` says the answer again in other words: both find no effect, about the same things
    ("Oral corticosteroids as a monotherapy appear to be ineffective ..." and "Subgroup analyses
    showed that steroid monotherapy had no helpful effects."), or both find a change the same way
    in the same things ("Aminophylline is associated with a significant increased risk of
    vomiting." and "Aminophylline led to a three-fold increase in the risk of vomiting.")."""
    stems = _restate_stems(answer) & _restate_stems(text)
    if _complements(answer, text) and stems - _NULL_STEMS - _DIRECTION_STEMS - _OUTCOME_STEMS:
        return True
    if _NULL_ANSWER.search(answer) and _NULL_ANSWER.search(text):
        return len(stems - _NULL_STEMS) >= 2
    if _NULL_ANSWER.search(answer) or _NULL_ANSWER.search(text):
        return False
    ways = {m.group(1).lower()[:4] for m in _DIRECTION.finditer(answer)}
    same_way = any(m.group(1).lower()[:4] in ways for m in _DIRECTION.finditer(text))
    return same_way and len(stems - _NULL_STEMS - _DIRECTION_STEMS) >= 3


# 21 (h21main): one outcome said as its complement: longer survival is fewer deaths ("Pembrolizumab ...
# probably improves overall survival when compared with chemotherapy alone." and "Pembrolizumab probably
# reduces the risk of death from any cause.", cochrane CD012838.pub2, mine half: the answer twice)
_SURVIVAL_UP = compile_gated(
    r"\b(?:improv|increas|prolong|lengthen)\w*\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?survival\b|"
    r"\b(?:better|longer|improved|increased|prolonged)\s+(?:[\w-]+\s+){0,1}?survival\b",
    re.I,
)
_DEATH_DOWN = re.compile(
    r"\b(?:reduc|decreas|lower|lessen)\w*\s+(?:the\s+)?(?:(?:risk|rate|number|odds|chance)s?\s+of\s+)?"
    r"(?:[\w-]+\s+){0,1}?(?:deaths?|mortality|dying)\b|\b(?:fewer|less|lower|reduced)\s+(?:[\w-]+\s+){0,1}?"
    r"(?:deaths|mortality)\b",
    re.I,
)
_OUTCOME_STEMS = frozenset({"survi", "death", "morta", "risk", "overa", "cause", "proba", "impro"})


def _complements(answer: str, text: str) -> bool:
    """One says longer survival, the other fewer deaths (``_SURVIVAL_UP``, ``_DEATH_DOWN``)."""
    return bool(
        (_SURVIVAL_UP.search(answer) and _DEATH_DOWN.search(text))
        or (_DEATH_DOWN.search(answer) and _SURVIVAL_UP.search(text))
    )


# A change and its direction ("increased risk", "lower rates", "reduced pain"): "incr"/"high"/"more"
# up, "decr"/"lowe"/"redu"/"less"/"fewe" down.
_DIRECTION = re.compile(r"\b(increas\w*|higher|more|decreas\w*|lower\w*|reduc\w*|less|fewer)\b", re.I)
_DIRECTION_STEMS = frozenset({"incre", "highe", "decre", "lower", "reduc", "fewer"})


def _restate_stems(text: str) -> set[str]:
    """Content-word stems, and "alone" (the plain word for "monotherapy": "steroids alone")."""
    return {w[:5] for w in content_words(text)} | set(re.findall(r"\balone\b", text.lower()))


# A second lead-in after the first: a cause ("due to concerns about risk of bias, ...")
# or what the evidence rests on ("Given that this review is based on four trials ..., with only two trials
# contributing data (n = 284), there is insufficient evidence to recommend ...", CD007752)
# 17 (h17main): what a review's no-conclusion verdict is about (Fields._verdict), up to a cause or a
# side clause after it (never at a list's commas: "on crash, injury, or offence rates", CD005240)
_CONCLUSIONS_ABOUT = re.compile(
    r"\bconclusions?\b(?: (?:can|could|may) (?:yet )?be (?:drawn|made|reached)| to be (?:drawn|made|reached))?"
    # "... could be drawn from published data on X" (CD006739)
    r"(?:\s+(?:from|based on) [^,;]{1,60}?)?\s+"
    r"(?:about|regarding|on|concerning|as to|with regard to|in relation to)\s+(?P<about>[^;]+?)\s*"
    r"(?:;|,?\s+(?:because|due to|owing to|since|given|as a result|although|though|while|whereas|but|so that)\b|"
    r",\s+(?:as|which|and (?:the|this|there|we|it))\b|\.?$)",
    re.I,
)
_FIRM = re.compile(r"\b(?:firm|clear|definitive|definite|meaningful|reliable)\b", re.I)
_NOT_SHOWN_BETTER = re.compile(
    r"\b(?:insufficient|inadequate|not sufficient|not enough)(?: [\w-]+){0,3}? to (?:conclude|show|establish|demonstrate) "
    r"that (?P<x>[^.;]{2,120}?) (?P<cop>is|are|was|were) (?:superior|better|more effective) (?:to|than|compared (?:with|to)) "
    r"(?P<y>[^.;]{2,120}?)(?:\s*[,;(]|\.?$)",
    re.I,
)


def short_verdict(text: str) -> tuple[str, dict[str, str]] | None:
    """The ``verdict`` template and its values for a no-conclusion verdict: "Due to the poor quality of
    studies identified, we were unable to draw any conclusions about the effectiveness of rider training on
    crash, injury, or offence rates." (CD005240) -> ("no_conclusions", about: "the effectiveness of rider
    training on crash, injury, or offence rates"); "The evidence is insufficient to conclude that X is
    superior to Y" -> ("not_shown_better", X, Y): the hedge kept (not shown, never "not better")."""
    better = _NOT_SHOWN_BETTER.search(text)
    if better:
        work = "work" if better.group("cop").lower() in ("are", "were") else "works"
        return "not_shown_better", {"x": better.group("x"), "work": work, "y": better.group("y").rstrip(" ,")}
    about = _CONCLUSIONS_ABOUT.search(text)
    if not about or rw.word_count(about.group("about")) < 2:
        return None
    firm = _FIRM.search(text[: about.start("about")])
    return ("no_firm_conclusions" if firm else "no_conclusions"), {"about": about.group("about")}


# 17 (h17main): "it is impossible to determine whether beta-blocker therapy is effective ..." (CD003361)
_UNSETTLED = re.compile(
    r"\b(?:impossible|not possible|unable|not able) to (?:determine|say|tell|judge|assess|establish) (?:whether|if)\b|"
    # 28 (h28coch): "the quality of these studies and of the overall evidence available is insufficient to
    # determine whether or not patients ... derive clinically meaningful benefit ..." (cochrane mine CD000986.pub3)
    r"\b(?:insufficient|inadequate|not enough) to (?:determine|say|tell|judge|establish) (?:whether|if)\b",
    re.I,
)
_CAUSE_LEAD = re.compile("^(?:" + "|".join((*_CAUSES, "with only")) + r")\b[^,]*,\s*", re.I)
# ... and one without its comma, before "it is impossible ...", "there is ..." (CD003467)
_BARE_CAUSE_LEAD = re.compile(
    rf"^{_CAUSE_WORDS} (?:the |a )?(?:lack|absence|paucity|scarcity|shortage) of (?:[\w-]+ ){{0,3}}?"
    r"(?:evidence|data|studies|trials|information)\s+(?=(?:it|there|we|the researchers)\b)",
    re.I,
)
# a cause said first with no comma before the main clause's "it is" / "there is" (_claim_pieces)
_CAUSE_BEFORE_IT = re.compile(
    rf"^(?:(?:However|But|Therefore|Thus|Overall),?\s+)?(?P<cause>{_CAUSE_WORDS} [^,;]{{3,80}}?)"
    r"(?=\s+(?:it|there) (?:is|are|was|were|seems|appears|may|would|might)\b)",
    re.I,
)
# A test's accuracy terms said in an answer (plan.accuracy_answer).
# A hedged conclusion about the accuracy figures themselves ("this may be an overestimation")
# (a subgroup's figure, "POCS may have a higher sensitivity in chest injuries", CD012669, is no doubt)
_ACCURACY_DOUBT = re.compile(r"\b(?:over|under)-?(?:estimat|stat)\w*|\bbiased\b", re.I)
_SENSITIVITY_WORD = re.compile(r"\bsensitivity\b", re.I)
_SPECIFICITY_WORD = re.compile(r"\bspecificity\b", re.I)
# An effect stated as shown ("reduces hospital admissions", "were lower in the X group"), not one
# denied, hedged as a trend or said not to be significant.
_SHOWN = re.compile(
    r"\b(?:reduc(?:es|ed|tions?)|lower(?:ed|s)?|improv(?:es|ed|ements?)|increas(?:es|ed)|decreas(?:es|ed)|fewer|"
    r"less likely|more likely|more effective|less effective|better|worse|benefits? from)\b",
    re.I,
)
_NOT_SHOWN = re.compile(
    r"\btrends?\b|\bnon-?significant|\buncertain|\bunclear|\bneither\b|"
    r"\b(?:not|no|nor) (?:\w+ ){0,2}(?:reduc|lower|improv|increas|decreas|fewer|less|more|better|worse|differ|"
    r"signific|clear|statistic|effect|evidence|benefit|support|confirm|show|demonstrat|found|find)",
    re.I,
)


def _shown_effect(text: str) -> bool:
    """States an effect the studies showed, with no negation, trend or doubt beside it."""
    return bool(_SHOWN.search(text)) and not _NOT_SHOWN.search(text)


_NULL_STEMS = frozenset({"diffe", "effec", "signi", "evide", "stati", "resul", "group", "ineff", "showe"})
# An answer that found no effect or no evidence of one.
_NULL_ANSWER = compile_gated(
    r"\b(?:no|not enough|no (?:firm|clear|conclusive|definitive|reliable|good|strong|convincing)) (?:[\w-]+ ){0,2}?"
    r"evidence\b|\bneither supports? nor refutes?\b|\bno (?:statistically )?(?:significant |clear |helpful |beneficial )?"
    r"(?:differences?|effects?|benefits?)\b|"
    r"\b(?:did|does|do) not (?:\w+ )?(?:improve|reduce|increase|prevent|affect|change|differ|show|yield)\b|"
    # "Available trial data do not provide evidence that advancing enteral feed volumes ... reduces the
    # risk of NEC or death ..." (CD001241)
    r"\b(?:did|does|do) not provide (?:any )?(?:\w+ )?evidence\b|"
    # "Results of this review do not support the use of psychostimulant medications ..." (CD009695):
    # no effect shown, not "This may be so, but it is not yet proven."
    # (25, h25coch: "All of these effects are small and do not support the proposition that double wall
    # incubators have a beneficial effect ...", cochrane eval CD004215, said "The results suggest this, ...")
    r"\b(?:results?|findings?|evidence|data|review|effects) (?:\w+ ){0,3}?(?:did|does|do) not support\b|"
    r"\b(?:was|were|is|are) not (?:\w+ )?(?:reduced|improved|increased|affected|changed)\b|\bineffective\b|"
    r"\bhas not confirmed\b",
    re.I,
)


# Not an answer to the question: a caution or a wish about future work.
_PROBABLY = re.compile(r"\bprobably\b", re.I)
# An answer that says its evidence is strong ("the evidence that X can substantially reduce Y is
# convincing", "X clearly increased ..."): no "This may be so, but it is not yet proven." after it.
_STRONG_ANSWER = re.compile(
    r"(?<!\bno )(?<!\bnot )\b(?:convincing|conclusive|compelling|clear|strong|robust|firm) evidence\b|"
    r"\bevidence\b[^.]{0,160}\b(?:is|was|are|were) (?:\w+ )?(?:convincing|conclusive|compelling)\b|"
    r"\bclearly (?:increased|reduced|decreased|improved|lowered|shows?|showed|demonstrate[sd]?)\b",
    re.I,
)
# An answer that says the evidence is lacking ("Evidence for programme effects on biological
# measures is limited."): no certainty level stated for another outcome ("strong (high certainty)").
# 19 (lead, read of seed 229): a conclusion's own limit on its answer, the trials' poor quality ("however,
# results are limited by the poor methodological quality of the included trials", CD005288)
# 26 (lead, read of seed 294): a conclusion that leaves the treatment's worth to patients open after its
# answer ("Naloxone improves blood pressure, especially mean arterial blood pressure. However, the clinical
# usefulness of naloxone to treat shock remains to be determined ...", cochrane CD004443): the answer said
# alone read as a proven treatment (the issue's "a conclusion's key caveat dropped")
_VALUE_OPEN = re.compile(
    r"\b(?:clinical )?(?:usefulness|relevance|value|role|significance|importance|utility)\b[^.;]{0,60}?\b"
    r"(?:remains?|is|are) (?:still |yet )?(?:to be (?:determined|established|defined|proven|clarified|shown)|"
    r"unclear|unknown|uncertain|not (?:yet )?(?:known|clear|established))",
    re.I,
)
_QUALITY_LIMIT = re.compile(
    r"\b(?:limited|weakened|undermined|tempered|hampered) by (?:the )?(?:generally |overall )?(?:poor|low|weak|variable)"
    r"(?: methodological| methodologic| overall)? quality\b|"
    r"\b(?:poor|low|weak)(?: methodological| methodologic)? quality of (?:the |these |most )?(?:included )?(?:studies|trials)\b",
    re.I,
)
_LACKING_ANSWER = re.compile(
    r"\bevidence\b[^.]{0,120}\b(?:is|was|are|were|remains?) (?:\w+ )?(?:limited|lacking|insufficient|inadequate|"
    r"sparse|scarce|weak)\b|\b(?:limited|insufficient|inadequate|not enough|little|weak) (?:[\w-]+ ){0,2}?evidence\b|"
    r"\black of (?:[\w-]+ ){0,2}evidence\b",
    re.I,
)
_NOT_ANSWER = compile_gated(
    r"\b(?:caution is|(?:is|are) (?:encouraged|warranted)|before embarking|would be (?:useful|helpful)|"
    r"(?:is|was) a need for|(?:freely )?available (?:at|from|on)|"
    # a caveat, not the answer ("The findings for manual therapy need confirmation.")
    r"(?:need|needs|require|requires|await|awaits) (?:further |independent |external )?(?:confirmation|replication|validation)|"
    r"remains? to be (?:confirmed|determined|established|proven|shown|seen)|should be confirmed|"
    # what the evidence cannot settle, not what it found ("The variability in study populations ...
    # preclude a definitive conclusion", CD005215), and what later research may show ("Further research
    # may establish whether the trend towards ... is a chance finding", CD001912)
    r"preclud\w* (?:a |any )?(?:definitive |firm |clear )?conclusions?|"
    # a reminder of method, not a finding ("As usual, the absence of positive evidence of benefit ...
    # does not necessarily indicate that antivirals are ineffective", CD006851)
    r"\babsence of (?:\w+ ){0,2}evidence\b[^.]*\bdoes not (?:necessarily )?(?:indicate|mean|imply|prove|show)|"
    r"^(?:further|more|future|additional) (?:[\w-]+ )?(?:research|studies|trials) (?:may|might|could|will|would) "
    r"(?:establish|determine|show|clarify|help|answer|resolve)|(?:can|may) be (?:accessed|downloaded|found) at|^(?:then|second|third|next|finally))\b",
    re.I,
)
_GLUED = re.compile(r"\)\s+(?:A|An|The|This|These|Overall|There|We)\s+[a-z]")
# 19 (kf): a piece that is no sentence: a relative clause cut from its noun ("Which have not been studied
# in placebo-controlled trials for high blood pressure.", cochrane CD009096), or one whose statistics were cut
# from after its last word ("... lower rates of permanent stoma formation and.", CD005391: "formation (0.75, 95%
# CI ...) and (0.70, ...)")
# ... or a heading run into its sentence ("One method of breastfeeding education with usual care There were no
# group differences ...", "... pooled analyses for 'Summary of findings' This comparison does not include ...", CD006425)
_CLIPPED = re.compile(
    # ("..., as well as.", cochrane eval CD012815: compression took the list after it)
    r"^(?:Which|Whom|Whose)\b|\b(?:and|or|but|of|the|with|to|than|a|an|as)\s*[.!?]$|[a-z'’] (?:There|This|These) [a-z]"
)
# what the researchers did, not what they found ("In this study, we reconstitute full-length hKif15
# ... in vitro to gain insight into ...", elife 01724; "Here we describe a novel system (LocoMouse)
# for analyzing ...", 07892): a result may follow it in the research summary
# What the researchers report, before the colon that opens its detail (27, h27bmc, elife 10072)
_REPORTED_HEAD = re.compile(
    r"^(?P<head>(?:Here,? )?we (?:report|describe|identify|present|uncover|reveal|characteri[sz]e|define) "
    r"[^:;,]{10,120}?): \S",
    re.I,
)
_SAYS_DONE = re.compile(r"^(?:(?:here|in this (?:study|work|paper|report)|to [^,]{3,80}),?\s+)?we\b", re.I)
_SAYS_FOUND = re.compile(r"\b(?:that|found|find|finds|showed?|shows|revealed?|reveals|demonstrated?)\b", re.I)
_WHERE_TO_GET = re.compile(r"\b(?:available|accessed|downloaded)\b[^.]*(?:https?://|www\.|github)", re.I)
_NUMBER = re.compile(r"\d")
# How well a review's studies were done (blinding, bias, allocation): an appraisal, not what they were
_REVIEW_APPRAISAL = compile_gated(
    r"\bblind\w*|\bbias\w*|\ballocation\b|\bconceal\w*|\bintention-to-treat\b|\bdowngrad\w*|"
    r"\b(?:insufficiently|poorly|inadequately|adequately|well) (?:described|reported)\b|"
    r"\bconflicts? of interest\b|\bgrants?\b|\bfund\w*|\bsponsor\w*|\bindustry\b|\bnew (?:trials|studies)\b|"
    r"\b(?:the|this) update\b|\bquality of (?:the )?(?:individual |included )?(?:trials|studies)\b",
    re.I,
)
_STATISTIC_SUBJECT = re.compile(
    r"^(?:The |An? )?(?:overall |pooled )?(?:risk ratio|odds ratio|hazard ratio|relative risk|(?:standardi[sz]ed )?mean "
    r"difference|effect size|number needed to)\b",
    re.I,
)
_ALL_STUDIES = re.compile(
    r"^(?:These|The included|All(?: the)?(?: included)?) (?:\w+ )?(?:trials|studies|RCTs)\b"
)
_SUBSET = re.compile(r"\b(?:among|of which|of these|of them|of the)\b", re.I)
# What a review's studies compared, in its opening sentences ("... trials comparing X with Y", "RCTs
# that compared X versus Y"); a result said with "compared with" ("X compared to CMV was associated
# with ...") is none: the verb must be the studies' own.
_REVIEW_COMPARED = (
    re.compile(
        r"\b(?:(?:trials|studies|RCTs|trial|study|review) (?:that|which) compared|(?:trials|studies|RCTs|trial|"
        r"study)(?: were (?:found|included|identified))?,? comparing|^They compared|"
        # 22 (h22rs): "Three studies compared adjuncts to mechanical debridement in SPT versus debridement
        # only." (cochrane CD009376.pub2): the studies' own verb, after their count (checked by the caller)
        r"(?:trials|studies|RCTs) (?:compared|evaluated)) "
        r"(?P<x>(?:the effects? of )?[^;:.,()]+?) (?P<c>with|to|versus|vs\.?|against) (?P<y>[^;:.,()]+?)"
        # 22 (h22rs): "..., of which eight trials comparing X to Y, were included." (CD002007.pub4)
        r"(?=\s*(?:[;:.(]|,?\s*\bwere\b|\bwas\b|$))"
    ),
    # "patients who were randomized to treatment with X or placebo were examined" (CD004302); 22 (h22rs):
    # "reporting on 825 participants randomly allocated to lithium or placebo" (cochrane CD003013)
    re.compile(
        r"\b(?:who were |(?:participants|people|patients|women|men|children|adults|infants) (?=randomly|allocated|assigned|randomi))"
        r"(?:randomly )?(?:randomi[sz]ed|allocated|assigned) to (?:treatment with |receive |either )?"
        r"(?P<x>[^;:.,()]+?) or (?P<y>[^;:.,()]+?)"
        r"(?=\s*(?:[;:.(]|\bwere\b|\bwas\b|$))"
    ),
)
# a parenthesis inside what a review's studies compared ("Three trials (total of 47 recruited patients)
# comparing appetite stimulants (cyproheptadine ...) to placebo were included", cochrane CD008190.pub2)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# A number with nothing it compares to: "The number needed to treat was 3.0.", "The rate was 12%."
_BARE = re.compile(
    r"^[^,;]{0,80}?\b(?:was|were|is|are|of)\s+(?:about |around |approximately |only )?[-−]?\d[\d.,]*\s*%?\s*\.$"
    r"|\bnumbers? needed to (?:treat|harm)\b",
    re.I,
)
# A range or comparison whose statistics were taken out ("decreased from to in the placebo group").
_EMPTIED = re.compile(r"\bfrom to\b|\bbetween and\b|\bfrom (?:to|and)\b")
_COMPARED = re.compile(r"\b(?:than|compared|versus|vs|between|from \S+ to|out of|in every|per)\b", re.I)


# How a review searched and screened ("Of the 1141 records screened, 302 studies were assessed for
# eligibility, and 26 studies were included", CD007651; "Studies published between July 2007 and
# October 2011 ... were identified"): no summary of what its studies were, and a screening count read
# as a size
_SEARCH_PROCESS = re.compile(
    r"\b(?:screened|assessed for eligibility|(?:records|citations|references|abstracts|titles)\b[^.;]{0,40}"
    r"\b(?:identified|retrieved|screened|found|yielded)|search(?:es)? (?:identified|yielded|found|retrieved|"
    r"resulted)|full[- ]text|published between)\b",
    re.I,
)


# A review's finding framed as the evidence for it ("We found some very low-quality evidence, from single
# studies, suggesting that X may lead to ...", CD009858): the claim is the clause after "that".
_EVIDENCE_THAT = re.compile(
    r"^(?:we|the researchers|this review|the review) (?:found|identified) (?:some |only )?(?:[\w-]+ ){0,3}evidence\b"
    r"[^.;]{0,80}?,?\s+(?:suggesting|indicating|showing) that\s+",
    re.I,
)

# ... and one that states the evidence's level ("There is low quality evidence that X may ...")
_LEVEL_EVIDENCE_THAT = re.compile(
    r"^(?:there (?:is|was)|(?:we|the researchers) found) (?:some )?(?:very )?(?:low|moderate|high)"
    r"(?:[- ](?:to|or)[- ](?:very )?(?:low|moderate|high))?[- ](?:quality|certainty) evidence that\s+(?=\S)",
    re.I,
)
_SECOND_EVIDENCE = re.compile(r"\bevidence (?:that|of|for)\b", re.I)
# ... and one that suggests "the superiority of X over Y" (a noun for the claim): said "X may be better
# than Y", up to a comma or a second claim ("..., and other low-quality evidence for ...")
_EVIDENCE_BETTER = re.compile(
    r"^(?:we|the researchers|this review|the review) (?:found|identified) (?:some |only )?(?:[\w-]+ ){0,3}evidence,?\s+"
    r"(?:suggesting|indicating) the superiority of (?P<x>[^.;,()]{2,100}?) over (?P<y>[^.;,()]{2,140})"
    r"(?:,[^.;]*)?\.?$",
    re.I,
)


def _keeps_claim(claim: str, pieces: list[str]) -> bool:
    """The pieces laid still say ``claim``, the clause after "suggesting that" (its first two words of
    four letters or more), not only "The researchers found some very low-quality evidence"."""
    said = " ".join(pieces[:2]).lower()
    return all(w.lower() in said for w in re.findall(r"[A-Za-z]{4,}", claim)[:2])


def _without_brackets(text: str) -> str:
    """``text`` without its statistics brackets and the space they leave before a stop or comma."""
    return re.sub(r"\s+(?=[.;,])", "", rw.strip_statistical_brackets(text))


def _statistics_only(text: str) -> bool:
    """Every clause of ``text`` is a statistic's bare value once its interval brackets are gone: "The RR
    for necrotizing enterocolitis was 0.32 (95% CI 0.01 to 7.79).", "The RR for necrotizing enterocolitis
    was 0.32; the RD was -0.02." (cochrane CD004591.pub3)."""
    bare = _without_brackets(text)
    clauses = [c.strip() for c in bare.split(";")]
    return all(no_result_kind(c[:1].upper() + c[1:]) == "statistic" for c in clauses if c)


def _bare_number(text: str) -> bool:
    """A simple-explanation sentence gives a number only with what it compares; nor a statistic's
    value with only its interval (``_statistics_only``: "The RR for necrotizing enterocolitis was 0.32
    (95% CI 0.01 to 7.79).", cochrane CD004591.pub3, a research summary; "Estimates for the largest
    trial were Relative risk 1.04, Risk difference 0.03.", CD002057.pub4, a simple explanation; 23, h23coch)."""
    return bool(
        _NUMBER.search(text) and _BARE.search(text) and not _COMPARED.search(text)
    ) or _statistics_only(text)


# A difference that names neither what was measured nor who was compared ("There were no
# significant differences, but the database is too limited to make any judgement in this regard.",
# cochrane CD003834: about side effects, said after "Few studies reported on side effects"): taken
# alone it reads as the review's whole answer.
_UNNAMED_DIFFERENCE = re.compile(
    r"^(?:There (?:was|were)|(?:We|The researchers) (?:found|saw)) no (?:(?:statistically )?significant |"
    r"clear |important )?(?:differences?|effects?|changes?)(?: between (?:the )?(?:groups|arms))?\s*(?:[.;]?$|,\s*(?:but|although|though|however|yet)\b)",
    re.I,
)


# 24 (lead, eval seed 277): a rate said higher or lower with nothing it is compared with, once its
# brackets are gone ("The clinical pregnancy rate per woman was higher.", cochrane CD004635: "also
# significantly higher (three studies: OR 4.28 ...)" after the sentence that named both groups)
_BARE_COMPARATIVE = re.compile(
    r"^(?:The |Their |Its )?[\w%-]+(?: [\w%-]+){0,8} (?:was|were) (?:also )?(?:(?:statistically )?significantly |"
    r"slightly |much )?(?:higher|lower|greater|smaller|better|worse|longer|shorter)\.?$|"
    # 28 (h28coch): a likeness to what is unsaid, cut from its concession ("Although the relative effect of
    # cerclage is similar, estimates were less reliable ...", cochrane mine CD008991.pub3, said "The relative
    # effect of cerclage is similar." as a key finding)
    r"^(?:The |Their |Its )?[\w%-]+(?: [\w%-]+){0,8} (?:is|are) (?:\w+ )?(?:similar|comparable)\.?$",
    re.I,
)
_ALSO = re.compile(r"(?<!\bbut) also\b")
_THESE = re.compile(
    r"\b(These|these|Those|those) (trials|studies|RCTs|patients|participants|people|women|children|findings|results|"
    r"data|observations|analyses)\b"
)


# What was done or is hoped for, not a claim a caveat can point at: the researchers' own act
# ("The researchers benchmarked NeoMutate by simulating ...", bmc s12920-019-0508-5; "built", "made":
# past forms compress.states_result does not stem) unless it reports "that ..."; a review's method in
# the passive ("Two types of literature were reviewed", bmc s12874-018-0545-3); an outlook or belief.
_NOT_A_CLAIM = re.compile(
    r"^the researchers (?:\w+ly )?(?:built|made|benchmarked|developed|designed|used|created|generated|"
    r"collected|conducted|performed|reviewed|searched|sequenced|assembled|applied|described|introduced|"
    r"presented|proposed|believe|hope|plan|will|aim)\b(?![^.]{0,60}\bthat\b)"
    r"|\b(?:was|were) (?:reviewed|searched|benchmarked|surveyed|interviewed)\b"
    r"|\b(?:merits?|warrants?) (?:\w+ing|further|more)\b|\bwill help\b"
    # 26 (h26se): the people of the claim before it, said apart (shorten.split_people_tail): a caveat's
    # "this" points at the claim, never at them
    r"|^This was in (?:[\w'-]+ )*?" + PEOPLE_NOUNS.pattern + r"\b"
    # 27 (h27se): nor at the arm the claim was compared with (shorten.split_compared_tail)
    r"|^This was compared (?:with|to)\b",
    re.I,
)


# A present-tense passive states how things are, not what was done ("Circular RNA in
# Schizosaccharomyces pombe is generated through an exon-containing lariat precursor.", elife_dev
# eLife.07540), though its verb is a procedure's in the past ("were generated").
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:generated|produced|formed|created|established|determined|regulated|"
    r"controlled|mediated|required|maintained|conserved)\b"
)


def _states_claim(text: str) -> bool:
    """A sentence that says what was found, which a caveat's "this" can point at."""
    return (states_result(text) or bool(_PRESENT_PASSIVE.search(text))) and not _NOT_A_CLAIM.search(text)


_RAISED_RISK = re.compile(
    r"\b(?:an? )?(?:increased|higher|greater|raised|(?:\w+-)?fold increase in the) risks?\b(?! of (?:a )?(?:low|reduced|less))",
    re.I,
)


def _stand_alone(texts: list[str]) -> list[str]:
    """Sentences that stand alone in the simple explanation: no "also" (its sentences are chosen
    apart, so there is nothing before it to add to), "these trials" or "These findings suggest"
    only after trials or findings were named ("The findings suggest ...": the work's own)."""
    out: list[str] = []
    for text in texts:
        if not re.search(r"\bnot only\b", text):
            text = _ALSO.sub("", text)
        m = _THESE.search(text)
        if m and not any(m.group(2).lower() in o.lower() for o in out):
            text = _THESE.sub(lambda x: ("The " if x.group(1)[0].isupper() else "the ") + x.group(2), text)
        out.append(text)
    return out


def _dedupe(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        # templates and realised pieces; a headline led by an adverbial ("Compared to conventional
        # ventilation, benefit is demonstrated for ...") reads as one too
        if (reads_as_sentence(text) or led_sentence(text)) and not any(similar(text, o) for o in out):
            out.append(text)
    return out


def _restates_count(text: str, out: list[str]) -> bool:
    """A short sentence whose every number the summary already said: "There are 194 hemodialysis
    patients." after "This was a cross-sectional study of 194 HD patients." (bmc 26702360)."""
    numbers = _QUANTITY.findall(text)
    said = {n for o in out for n in _QUANTITY.findall(o)}
    return bool(numbers) and rw.word_count(text) <= 8 and all(n in said for n in numbers)


# 26 (h26coch): the studies a review's search found, more than those it kept: "In this review, five studies
# (reported in 10 papers) were found." after "The review found two studies with 105 people in all."
# (cochrane mine CD008523.pub2, plan._kept_later); never "... were found to be at high risk of bias"
_SEARCH_FOUND = re.compile(
    r"^(?:in this review, )?(?!(?:no|none|all|most|some|few|many|several|both|other|these|the)\b)(?:\w+|\d+) "
    r"(?:[\w-]+ )?(?:studies|trials|RCTs)\b[^.;]*\b(?:were|was) "
    r"(?:identified|found|retrieved|located)\b(?! to\b)[^.;]*\.?$",
    re.I,
)


def _restates_size(plan: Plan, text: str) -> bool:
    """A sentence that says the review's size again ("The researchers identified 17 trials that
    randomised 9627 people." after "This review included 17 studies with 9627 people."), or the
    count with how the studies were chosen ("Two studies of the 7880 found ... met the entry rules.",
    "The researchers identified 35 trials ...")."""
    if not (plan.is_review and plan.studies is not None):
        return False
    count = re.escape(plan.studies.text)
    if _SEARCH_FOUND.search(text):
        return True
    if not re.search(rf"(?<![\w,]){count}\b", text, re.I):
        return False
    if plan.people and re.search(rf"(?<![\w,]){re.escape(plan.people)}(?![\w,])", text):
        return True
    # "found 35 trials": the plain word for "identified" before the count (h13lex: the swap now sees numbers)
    return bool(
        re.search(r"\b(?:identified|included|met the|were eligible|were found)\b", text)
        or re.search(rf"\bfound {count}\b", text, re.I)
    )
