"""Whether a sentence states a result: one positive predicate for the drafters and the scorers.

27 (h27kf, issue 14 items 1, 5): the composer's key findings told a result from a non-result by a
growing list of shapes that state none (pipeline.draft.composer.plan.no_result_kind: who took part,
which arm, sparse data, a search's titles, a pilot, another review, design, appraisal). This is
the other way round: a sentence states a result when it reports

- an effect: a verb of change or action ("reduced", "improves", "prevented", "led to", "caused",
  "inhibits") or an effect word with its object ("an effect on", "a benefit of", "effective");
- a difference: a comparative ("fewer ... than", "higher", "better"), "differed", "similar",
  "as good as", "superior";
- an association: "associated with", "linked to", "correlated", "predicts", "depends on",
  "binds", "interacts with", "is required for";
- a count of events: a number and an event ("12 people died", "3 of 40 had side effects",
  "no deaths were reported");
- a no-difference or no effect: "no difference", "no evidence that ... reduces", "did not improve";
- an effect statistic with its value ("RR 0.54", "risk ratio was 0.54", "a 30% drop").

Report frames are read through ("The researchers found that A": A decides); a frame over no clause
("found five ongoing trials") is no result. The words that look like results in what the studies
were or how good they were ("compared X with Y", "of variable quality", "the benefit results come
from one small study", "no information about the lesser benefit") are not signals by themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.patterns import compile_gated
from pipeline.text.people import IN_EVENTS, alternation

_NUM = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|half|most|all|none|no|few|many|several|some)"
)

_PEOPLE = alternation(IN_EVENTS)

# What a report frame says about the clause after it: "The researchers found that ...",
# "The review shows that ...", "Results suggest that ..."
_FRAME_THAT = re.compile(
    r"\b(?:found|find|finds|show(?:s|ed|n)?|suggest(?:s|ed)?|indicat(?:e|es|ed)|demonstrat(?:e|es|ed)|"
    r"reveal(?:s|ed)?|confirm(?:s|ed)?|conclude[sd]?|report(?:s|ed)?|note[sd]?|observed|establish(?:es|ed)?|"
    r"provides? (?:\w+ ){0,3}evidence|is (?:\w+ )?evidence|was (?:\w+ )?evidence)\s+that\s+",
    re.I,
)

# An effect: a verb of change or action, in any tense (stems), or an effect adjective.
_EFFECT = compile_gated(
    r"\b(?:reduc(?:e|es|ed|ing|tion|tions)|increas(?:e|es|ed|ing)|improv(?:e|es|ed|ing|ement|ements)|"
    r"decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)|rais(?:e|es|ed|ing)|prevent(?:s|ed|ing|ion)?|"
    r"cut(?:s|ting)?|halv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|shorten(?:s|ed|ing)?|lengthen(?:s|ed|ing)?|"
    r"worsen(?:s|ed|ing)?|relie(?:ve|ves|ved|f)|eas(?:e|es|ed|ing)|protect(?:s|ed|ing|ion)?|"
    r"caus(?:e|es|ed|ing)|led to|leads? to|result(?:s|ed)? in|contribut(?:e|es|ed|ing) to|"
    r"benefit(?:s|ed|ted|ing)?|beneficial|harm(?:s|ed|ful)?|help(?:s|ed)?|work(?:s|ed)?|"
    r"affect(?:s|ed|ing)?|alter(?:s|ed|ing)?|chang(?:e|es|ed|ing)|boost(?:s|ed)?|enhanc(?:e|es|ed|ing|ement)|"
    r"impair(?:s|ed|ing|ment)?|restor(?:e|es|ed|ing)|rescu(?:e|es|ed|ing)|abolish(?:es|ed)?|"
    r"block(?:s|ed|ing)?|inhibit(?:s|ed|ing|ion)?|activat(?:e|es|ed|ing|ion)|suppress(?:es|ed|ing|ion)?|"
    r"promot(?:e|es|ed|ing)|induc(?:e|es|ed|ing|tion)|trigger(?:s|ed)?|stimulat(?:e|es|ed|ing)|"
    r"delay(?:s|ed)?|slow(?:s|ed)?|sped|speed(?:s|ed)? up|accelerat(?:e|es|ed)|extend(?:s|ed)|prolong(?:s|ed)|"
    r"disrupt(?:s|ed|ing)?|destabili[sz](?:e|es|ed)|stabili[sz](?:e|es|ed)|regulat(?:e|es|ed|ing)|"
    r"control(?:s|led)|limit(?:s|ed)? the|drives?|drove|enable[sd]?|allow(?:s|ed)|mediat(?:e|es|ed)|"
    r"fell|fall(?:s)?|rose|rises?|drop(?:s|ped)?|declin(?:e|es|ed)|gain(?:s|ed)?|loss|lost|"
    r"cured?|heal(?:s|ed)?|resolv(?:e|es|ed)|recover(?:s|ed|y)?|surviv(?:e|es|ed|al)|"
    r"died|killed|effective(?:ly|ness)?|ineffective|efficac\w*|safe(?:ly|ty)?|toler(?:ated|able|ability)|"
    r"effects? (?:of|on|in|for|with|from)|no (?:\w+ )?effects?|(?:an?|any|the|positive|negative|small|large|"
    r"clear|some|little) effects?|impact(?:s|ed)?|(?:at )?(?:higher|lower|greater|increased|reduced) risk)\b",
    re.I,
)

# A difference: a comparative, "differ", "similar", "as good as".
_DIFFERENCE = compile_gated(
    r"\b(?:more|less|fewer|higher|lower|better|worse|greater|smaller|larger|shorter|longer|faster|slower|"
    r"earlier|later|stronger|weaker|bigger|quicker)\b(?!\s+than\s+(?:half|a |an |one|two|three|four|five|\d))"
    r"[^.;]{0,80}?\b(?:than|compared (?:with|to)|versus|vs)\b|"
    # "Post-surgical complications were less in the stented group." (cochrane mine CD006001.pub2), "More
    # people in the surgically treated group reported pain ..." (CD005511.pub3)
    r"\b(?:was|were|is|are) (?:much |slightly |significantly )?(?:less|more|fewer)\b(?! than)|"
    r"^(?:Fewer|More|Less) (?:[\w-]+ ){0,2}(?:people|participants|patients|women|men|children|babies|infants|mice|"
    r"cells|animals)\b(?! than)|\b(?:superiority|advantage|disadvantage) (?:of|for|over|in)\b|"
    r"\b(?:higher|lower|better|worse|greater|fewer|more often|less often|more likely|less likely|superior|"
    r"inferior|non-?inferior|outperform\w*)\b|"
    # "different" as a difference, not a kind ("using different time points", CD012317.pub2): "may be no
    # different" (CD001770.pub3), "was not significantly different between groups" (CD004909.pub3)
    r"\b(?:no|not|little|any|significantly|statistically|clearly)\b(?: \w+){0,2} different\b|"
    r"\bdifferent (?:between|from) (?:the )?(?:two |treatment |study |control )?(?:groups?|arms?|treatments?)\b|"
    r"\b(?:differ(?:s|ed|ence|ences|ently)?)\b(?! (?:from (?:one another|each other)|in (?:their )?"
    r"(?:design|methods?|populations?|settings?|sizes?|durations?|doses?)\b))|"
    # "the same" as a result, not "a combination of the same antibiotic and one other" (CD002007.pub4)
    r"\b(?:was|were|is|are|remained|stayed|stays|remains) (?:about |roughly |much |largely |exactly )?the same\b|"
    r"\bthe same (?:as|in (?:both|all|each)|between|for both)\b|"
    r"\b(?:similar|comparable|as (?:good|well|effective|safe|bad|much|many|likely|often) as|equally|"
    r"no better|no worse|favou?r(?:s|ed|ing)?|in favou?r of|similarly|treatment of choice)\b|"
    # ("Satisfaction with treatment is described qualitatively and was overall positive.", CD011118.pub3)
    r"\b(?:was|were|is|are) (?:\w+ )?(?:positive|negative|favourable|unfavourable)\b",
    re.I,
)

# An association.
_ASSOCIATION = compile_gated(
    r"\b(?:associat(?:ed|ion|ions) (?:with|between)|link(?:s|ed)? (?:to|with|between)|correlat\w*|predict(?:s|ed|ive|or)|"
    r"related to|relationship between|depend(?:s|ed|ent)? on|bind(?:s|ing)? (?:to )?|bound|interact(?:s|ed)? with|"
    r"(?:is|are|was|were) (?:essential|required|necessary|needed|important|crucial|critical|sufficient) (?:for|to)\b|"
    r"(?:is|are|was|were) (?:a )?(?:risk factors?|markers?|predictors?|causes?|determinants?) (?:of|for)|"
    # "The forces needed to turn scale linearly with mass." (elife_dev eLife.06487)
    r"scal(?:e|es|ed) (?:linearly |inversely |directly |isometrically |allometrically )?with|"
    r"scal(?:e|es|ed) (?:to|as|with) an? [\d/.]+ power|proportional to|power law|"
    r"explain(?:s|ed)? (?:\w+ ){0,2}(?:variation|differences?|risk)|(?:is|are|was|were) (?:more |less )?common (?:in|among))\b",
    re.I,
)

# A count of events: a number of people (or none) who had something happen.
_EVENTS = compile_gated(
    rf"\b{_NUM}\b[^.;]{{0,60}}?\b(?:died|developed|had|experienced|suffered|reported|needed|required|relapsed|"
    r"recovered|responded|stopped|withdrew|dropped out|became|got|were (?:cured|admitted|readmitted|infected|"
    r"hospitali[sz]ed|pregnant))\b[^.;]{0,40}?\b(?:events?|effects?|deaths?|complications?|infections?|"
    r"reactions?|problems?|symptoms?|pain|recurrences?|relapses?|bleeding|disease|illness|outcomes?|"
    r"pregnanc\w+|births?|admissions?|surgery|treatment|hospital|cancer|stroke|attacks?|fractures?|falls?|"
    r"injur\w+|harms?|failures?|rejections?|resistance|remission|response|improvement)|"
    r"\bno (?:\w+ ){0,3}(?:deaths?|events?|side effects|complications|infections|harms?|cases)\b[^.;]{0,40}?\b"
    r"(?:occurred|happened|reported|were (?:seen|found|observed|reported)|was (?:seen|reported))|"
    r"\b(?:events?|deaths?|complications?|infections?|side effects?) (?:occurred|happened|were (?:rare|common|"
    r"few|mild|minor|seen|observed))\b|"
    # "The most common side effect described was headache." (CD006100.pub2), "Skin redness ... were seen with
    # the use of EMLA." (CD004217.pub2), "... was complicated by a high rate of ..." (CD000553.pub2)
    r"\b(?:most common|commonest|main|most frequent) (?:\w+ )?(?:side effects?|adverse (?:events?|effects?)|"
    r"complications?|harms?|reactions?) (?:\w+ )?(?:was|were|is|are)\b|"
    r"\b(?:was|were) (?:seen|observed|noted|found|reported) (?:with|after|in \d|among|following) (?!all\b|each\b|"
    r"both\b|most\b)|\b(?:was|were) complicated by\b|"
    # a response ("Five patients showed a partial response with topotecan.", CD001990.pub3)
    r"\b(?:partial|complete|overall|clinical|treatment|objective|full|sustained) (?:response|remission|recovery)\b|"
    r"\b(?:report(?:ed|s)?|observe[sd]?|saw|see|found) no (?:\w+ ){0,3}(?:side effects?|deaths?|events?|"
    r"complications?|harms?|infections?|cases|differences?|effects?|change)\b|"
    r"\bdid not (?:observe|see|find|detect|record) any\b|"
    rf"\b{_NUM} (?:more |fewer |extra )?(?:\w+ )?deaths?\b|\bdeaths? (?:was|were) (?:\w+ )?(?:lower|higher|reduced|increased)\b|"
    # an outcome in a share of the people ("About 70% of women can expect to be dry.", CD002912.pub7;
    # "... reported reversible swelling of both feet in one of eleven people.", CD003467)
    rf"\b\d[\d.]*\s?% of (?:the )?(?:\w+ )?{_PEOPLE} (?:had|were|was|became|can|could|did|developed|got|reported|"
    r"remained|stayed|achieved|reached)\b|"
    rf"\b(?:swelling|pain|bleeding|infection|rash|nausea|vomiting|headache|death|relapse|recurrence)\b[^.;]{{0,40}}"
    rf"\bin {_NUM} (?:of|out of) {_NUM} {_PEOPLE}\b",
    re.I,
)

# A no-difference or no effect ("no evidence of benefit", "did not reduce").
_NO_EFFECT = compile_gated(
    r"\b(?:no|little|any|not) (?:\w+ ){0,4}(?:evidence|difference|effect|benefit|advantage|change|"
    r"improvement|reduction|increase|association|link)\b|"
    r"\b(?:did|does|do|could|can|was|were|is|are) not (?:\w+ly )?(?:\w+ )?(?:reduce|increase|improve|lower|"
    r"raise|prevent|change|affect|alter|differ|help|work|shorten|benefit|cause|influence|predict|decrease|"
    r"show (?:any |a )?(?:\w+ )?(?:benefit|effect|difference)|effective|associated|linked|better|worse)\b|"
    # the review's answer that the evidence cannot tell ("The evidence from trials using corticosteroids in
    # dengue is inconclusive.", cochrane mine CD003488.pub3)
    r"\b(?:inconclusive|conflicting|equivocal|contradictory)\b|"
    r"\b(?:not (?:enough|sufficient)|insufficient) evidence (?:to|that|of|for)\b|"
    r"\bevidence (?:is|was|remains) (?:not enough|insufficient) to\b",
    re.I,
)

# A ratio named in words ("risk ratio", "odds ratio", "hazard ratio", "rate ratio").
RATIO_NAME = r"(?:risk|odds|hazard|rate) ratio"
# Its bare value, as a review's results say it ("... the pooled risk ratios were 0.95, 0.93 and 0.79 for
# ...", cochrane CD007563.pub3): the key findings' last resort says no such sentence (28, h28speed: the
# pattern was inline there). Lower case, as it was: a sentence that opens "Risk ratio was ..." is
# pipeline.draft.composer.plan.no_result_kind's "statistic".
RATIO_VALUE = re.compile(rf"\b{RATIO_NAME}s? (?:was|were|is|are) \d")

# An effect statistic with its value ("RR 0.54", "risk ratio was 0.54", "by 30%").
_STATISTIC = re.compile(
    r"\b(?:RR|OR|HR|MD|SMD|ARR|RRR|NNT|NNTB|NNTH|IRR)\b[\s:=(,]*(?:was |of )?-?\d|"
    rf"\b{RATIO_NAME}s?\b[^.;]{{0,30}}?-?\d|\bmean difference\b[^.;]{{0,30}}?-?\d|"
    r"\bby (?:about |around |nearly |almost |over )?\d[\d.]*\s?%|"
    r"\bfrom \d[\d.,]*\s?%? to \d[\d.,]*\s?%?|"
    # a measured value of an outcome or of a test's accuracy ("The rate of new cases of ovarian hyperstimulation
    # syndrome was zero in both studies", CD006606.pub4; "POCS had a sensitivity of 0.68", CD012669.pub2)
    r"\b(?:sensitivity|specificity|accuracy|predictive values?|AUC|area under the curve|likelihood ratio)\b"
    r"[^.;]{0,40}?(?:\d|\bzero\b)|"
    r"\b(?:rates?|incidence|prevalence|costs?|levels?|proportions?|percentages?|concentrations?)\b[^.;]{0,60}?"
    r"\b(?:was|were|is|are|reached|of|at)\b (?:about |around |only |nearly |almost |over |under )?"
    r"(?:\d[\d.,]*\s?%|EUR|USD|US\$|\$|£|€|zero\b|nil\b)",
    re.I,
)

# What only looks like a result: words of what the studies were or how good they were, said
# away before the signals are read ("compared X with a control group" with no effect, "of variable
# quality", "the primary benefit results", "information about the lesser benefit", "effect sizes").
_NOT_A_SIGNAL = re.compile(
    r"\b(?:compared|comparing|compare) (?!with\b|to\b)[^.;]{0,120}?\b(?:with|to|against|versus)\b|"
    r"\b(?:information|data|details?|reports?|evidence|results) (?:about|on|for|regarding|relating to|concerning) "
    r"(?:the )?(?:lesser |greater |primary |main |secondary )?(?:benefits?|harms?|effects?|safety|"
    r"side effects|adverse effects|survival|deaths?|mortality|outcomes?)\b(?: (?:results|outcomes?))?|"
    r"\b(?:primary|main|secondary) (?:benefit|harm|outcome) (?:results|measures?)\b|"
    r"\bnumbers? (?:available|of (?:people|participants)) (?:for|in) (?:any (?:form of )?|the )?analys[ie]s\b[^.;]*|"
    # what the studies were, not a result (cochrane mine, 27): "Pooled analysis was limited due to the
    # following differences among the studies: ..." (CD004248.pub2), "The review raises important method
    # issues." (CD002007.pub4), "... a trial of an intervention developed to increase the rate of ..."
    # (CD012352.pub2), "The researchers found no evidence relating to hospital stay, ..." (CD010891.pub2)
    r"\bdifferences? (?:among|between|across|in) (?:the )?(?:included |individual )?(?:studies|trials|RCTs)\b|"
    r"\brais(?:e|es|ed|ing) (?:\w+ ){0,3}(?:issues?|questions?|concerns?|points?|possibility|awareness)\b|"
    r"\b(?:designed|developed|intended|aimed|meant|planned|sought|tried|in order|so as) to \w+|"
    r"\bno (?:\w+ )?(?:evidence|data|information) (?:relating to|related to|regarding|concerning|about|on)\b[^.;]*|"
    # 28 (h28kf): no data to say anything on a list of outcomes, whose names hold effect words ("The
    # researchers cannot comment on their remaining other measures: ...; need for rescue pain relief; ...",
    # cochrane mine CD012537.pub2)
    r"\b(?:cannot|can not|could not|can't|(?:are|were) unable to) (?:comment|report|say|conclude) (?:on|about)\b[^.]*|"
    r"\beffect (?:sizes?|estimates?|modifiers?)\b|\b(?:risk|odds) of bias\b|\bhigh risk\b(?= of bias)|"
    r"\bof (?:variable|low|high|moderate|poor|good|mixed|varying) (?:methodological )?quality\b|"
    r"\b(?:benefits and harms|effects and safety|effectiveness and safety|efficacy and safety) of\b|"
    r"\b(?:to (?:assess|evaluate|examine|determine|compare|measure|investigate|study|test|see|find out)) "
    r"(?:the |whether |if |how )?[^.;]{0,80}",
    re.I,
)

# No result however it is worded: an aim, a plan, a call for research, what the work will do.
_NEVER = re.compile(
    r"^(?:The )?(?:aim|objective|purpose|goal)s? (?:of|was|were|is)\b|"
    r"\b(?:will|would) (?:be (?:needed|required)|assess|evaluate|examine|compare|test|study|measure)\b|"
    r"\b(?:more|further|additional|future|larger|better) (?:\w+ )?(?:research|studies|trials|work|data) "
    r"(?:is|are|will be|would be|should|must|may be) (?:needed|required|warranted|necessary)\b|"
    r"\b(?:is|are) (?:still |urgently )?(?:needed|required|warranted)\s*\.?$|"
    r"\bneeds? (?:further|more|additional) (?:study|research|investigation|evaluation|work)\b|"
    # advice and concerns (cochrane mine, 27): "Studies should have larger study sizes." (CD006341.pub2), "...,
    # the ideal treatment should reach maximum benefit with minimal side effects." (CD008891.pub3), "There
    # remains concern about potential long-term adverse reactions to steroid therapy, ..." (CD006356)
    r"\b(?:should|must|ought to)\b|"
    r"^There (?:remains?|is|are) (?:still )?(?:some |a |much |considerable )?(?:concerns?|uncertainty|questions?) "
    r"(?:about|over|regarding|as to)\b",
    re.I,
)


@lru_cache(maxsize=8192)
def reports_result(text: str) -> bool:
    """The sentence reports an effect, a difference, an association, a count of events, a
    no-difference or an effect statistic (see the module's docstring); a report frame is read
    through to its clause, and words of design or appraisal are no signal."""
    t = " ".join(text.split())
    if not t or _NEVER.search(t):
        return False
    frame = _FRAME_THAT.search(t)
    if frame:
        # the frame's own words count ("There was no evidence that ... had any side effects", CD007275.pub2)
        return reports_result(t[frame.end() :]) or _signal(t[: frame.end()])
    return _signal(t)


def _signal(text: str) -> bool:
    if _STATISTIC.search(text) or _EVENTS.search(text):
        return True
    rest = _NOT_A_SIGNAL.sub(" ", text)
    return bool(
        _NO_EFFECT.search(rest)
        or _EFFECT.search(rest)
        or _DIFFERENCE.search(rest)
        or _ASSOCIATION.search(rest)
    )
