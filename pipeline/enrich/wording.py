"""Fixed plain wording that drafters write from study facts, shared with the scorers.

The extractive drafter states the study design ("This was a study in animals."), the design's
usual caveat ("Animal results may not apply to people") and limitations it recognises by a cue in
the abstract ("Small sample size") in these fixed words. They restate a fact, not one abstract
sentence, so the sentence-support check (``pipeline.score.faithfulness``) recognises them through
``fact_statement`` and says where they come from instead of calling them unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.text.glossary import own_definitions
from pipeline.text.patterns import any_of

# Plain noun phrase for each design label (pipeline.enrich.design) of the facts.
DESIGN_PLAIN: dict[str, str] = {
    "randomised controlled trial": "trial that put people into groups by chance",
    "non-randomised controlled trial": "trial that compared groups",
    "prospective cohort": "study that followed a group over time",
    "retrospective cohort": "study that looked back at records",
    "cohort": "study that followed a group",
    "case-control": "study that compared people with and without the condition",
    "cross-sectional": "study that looked at one point in time",
    "case series": "report on a series of patients",
    "case report": "report on one patient",
    "systematic review and meta-analysis": "review that pooled earlier studies",
    "systematic review": "review of earlier studies",
    "meta-analysis": "analysis that pooled earlier studies",
    "qualitative": "interview study",
    "validation study": "study that tested how well a questionnaire or test measures",
    "diagnostic accuracy": "study of how well a test works",
    "animal study": "study in animals",
    "in vitro / laboratory": "lab study",
    "genomic / computational analysis": "computer analysis of genetic data",
    "protocol": "plan for a study",
}

PROTOCOL_STATEMENT = "This paper describes the plan for a study. Its results are not yet available."

# Limitations recognised by a cue in the abstract, and the plain phrase written for each.
LIMITATION_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), phrase)
    for pattern, phrase in (
        (
            # 21 (h21bmc): not a condition a method works under ("LLCT was shown to be very powerful ...
            # even when the sample size is small", bmc s12859-019-3221-7; "even with small sample sizes")
            r"\b(?<!even with )(?<!even for )small (?:sample|number of (?:patients|participants|subjects)|study|studies|trials?)\b|"
            r"\b(?<!when the )(?<!if the )(?:sample size|number of (?:participants|patients|subjects|cases)) (?:was|were|is|remained) "
            r"(?:relatively |very )?(?:small|limited|modest|low)\b",
            "Small sample size",
        ),
        (r"\bsingle[- ](?:cent(?:re|er)|institution|hospital|site)\b", "Single-centre study"),
        (r"\bretrospective\b", "Retrospective design"),
        (  # "pilot programmes" of a policy or "uncontrolled fluid overload" are not the design
            r"\bpilot (?:(?:two|three|single|multi)[- ]arm |randomi[sz]ed |controlled )?(?:study|trial)\b|"
            r"\bfeasibility (?:study|trial)\b",
            "Pilot study",
        ),
        (
            r"\b(?:no|without an?|lack of an?|absence of an?) (?:control|comparison) group\b|"
            r"\buncontrolled (?:study|studies|trial|trials|design|before-and-after|pre-post)\b|"
            r"\bsingle[- ]arm\b",
            "No control group",
        ),
        (
            r"\bshort(?:er)?(?:[- ]term)? follow[- ]up\b|\bfollow[- ]up (?:was|were) (?:short|limited)\b|"
            r"\bshort duration of (?:the )?(?:follow[- ]up|trials|studies)\b|\bof short duration\b",
            "Short follow-up",
        ),
        (r"\bself[- ]report(?:ed)?\b", "Relies on self-reported data"),
        (r"\brecall bias\b", "People may not remember events correctly"),
        (r"\bconvenience sampl\w*\b", "Convenience sample: may not represent everyone"),
        (
            r"\b(?:in|from|of) (?:a |one )?(?:single|one) (?:country|region|city|province|state|district|"
            r"county|community|village|town|school|university|practice|clinic)\b",
            "Done in one place only",
        ),
        (r"\bnon-?randomi[sz]ed\b", "Groups were not randomly assigned"),
        (
            r"\b(?:very )?low(?:[- ]quality| certainty|[- ]certainty)\b|\bquality of (?:the )?evidence was (?:very )?"
            r"low\b|\bpoor(?:[- ]quality)? (?:quality|methodolog)|"
            # 23 (lead, read of seed 271): "The methodological quality of the studies was poor" (cochrane
            # CD006406: "Limitations not stated in the abstract"), "quality of the trials was generally poor"
            r"\b(?:methodological |overall )?quality of (?:the |these |most |all )?(?:included |available )?"
            r"(?:studies|trials|RCTs)\b[^.;]{0,30}?\b(?:was|were|is|are) (?:generally |often |very |mostly |"
            r"rather |uniformly )?(?:poor|low|weak)\b",
            "Low-quality evidence",
        ),
        (
            r"\bhigh risk of bias\b|\brisk of bias (?:was|is) (?:high|unclear)\b|\bunclear risk of bias\b",
            "Risk of bias in the studies",
        ),
        (
            r"\b(?:substantial|significant|considerable|high) (?:statistical )?heterogeneity\b",
            "Studies differed from each other",
        ),
        (
            r"\b(?:few|only (?:one|two|three|a few)|small number of|limited number of) (?:studies|trials)\b",
            "Few studies available",
        ),
        (r"\bnot blinded\b|\bunblinded\b|\bopen[- ]label\b", "Not blinded"),
        (
            # 23 (h23bmc): data missing from the records a study is about are its subject, not its
            # limitation ("missing data in electronic MDC reports leads to over-enrollment", bmc
            # s13063-014-0535-7)
            r"\bmissing data\b(?! (?:in|from|of) (?:the )?(?:[\w-]+ ){0,3}(?:reports?|records?|registr\w*|charts?|"
            r"databases?|files?)\b)|\bloss to follow[- ]up\b|\blost to follow[- ]up\b|\bhigh drop[- ]?out\b",
            "Missing data or drop-outs",
        ),
        (r"\b(?:insufficient|limited|inconclusive|not enough) evidence\b", "Evidence still limited"),
        (
            r"\bfurther (?:research|studies|trials|investigation|work|evaluation)\b|\bmore (?:research|studies|"
            r"trials)\b|\blarger (?:studies|trials|samples?)\b|\bwarrant(?:s|ed)? further\b",
            "More research is needed",
        ),
        (r"\bcross[- ]sectional\b", "Cross-sectional: cannot show cause"),
        (
            r"\b(?:in mice|in rats|mouse model|rat model|animal model|murine)\b",
            "Animal results may not apply to people",
        ),
        (
            # in vitro fertilisation or maturation is a treatment given to people (25, h25coch: a review of
            # two trials of IVM in women, cochrane CD006606.pub4, had "Lab results not yet tested in people")
            r"\bin vitro\b(?! (?:fertili[sz]ation|maturation)\b)|\bcell lines?\b|\bcultured cells\b",
            "Lab results not yet tested in people",
        ),
        (r"\bcase report\b|\bsingle (?:patient|case)\b", "Based on a single patient"),
    )
)
# Whether any of them matches, in one search (most abstracts name none: the 23 searches are then
# skipped; pipeline.text.patterns.any_of tests each word boundary once).
ANY_LIMITATION_CUE = any_of(pattern for pattern, _ in LIMITATION_CUES)

# The usual caveat of each design, written when the abstract states none of its own.
DESIGN_CAVEATS = {
    "retrospective cohort": "Retrospective design",
    "cross-sectional": "Cross-sectional: cannot show cause",
    "case series": "No control group",
    "case report": "Based on a single patient",
    "animal study": "Animal results may not apply to people",
    "in vitro / laboratory": "Lab results not yet tested in people",
    "protocol": "Results not yet available",
    "prospective cohort": "Observational: cannot prove cause",
    "cohort": "Observational: cannot prove cause",
    "case-control": "Observational: cannot prove cause",
    "non-randomised controlled trial": "Groups were not randomly assigned",
    "systematic review": "Only as strong as the included studies",
    "meta-analysis": "Only as strong as the included studies",
    "systematic review and meta-analysis": "Only as strong as the included studies",
    "genomic / computational analysis": "Needs confirmation in lab or clinic",
    "qualitative": "Based on participants' own accounts",
}
# When neither the abstract nor its design states a caveat, say so rather than leave the
# field blank or invent one: the editor then checks the full paper.
NO_LIMITATIONS_STATED = "Limitations not stated in the abstract"


_DESIGN_NOUNS = ("trial", "study", "review", "analysis", "analyses", "report", "series", "protocol")


def design_label(design: str) -> str:
    """Technical wording of a design label, as a noun phrase ("retrospective cohort study")."""
    label = design.replace("in vitro / laboratory", "laboratory").replace(" / ", " or ").strip()
    if not label.lower().endswith(_DESIGN_NOUNS) and not label.lower().endswith("meta-analysis"):
        label += " study"
    return label


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def design_statement(noun: str) -> str:
    """``This was a study in animals.`` for a plain design noun phrase."""
    return f"This was {_article(noun)} {noun}."


# The composer's research-summary names of a design (prompts/composer.v23.yaml summary_designs,
# round 20; "review", its name for every review, fields.py research_summary): "This was a lab
# study." and "This was a review." restate the design too (tests/draft/test_composer_summary_round20.py
# checks each template's is here; round 23 added "review", 43 pages of the five sets at composer 22).
SUMMARY_DESIGN_NAMES = ("lab study", "genetic or computer study", "review")

_DESIGN_STATEMENTS = frozenset(
    design_statement(n).rstrip(".").lower()
    for n in [*DESIGN_PLAIN.values(), *map(design_label, DESIGN_PLAIN), *SUMMARY_DESIGN_NAMES]
)
_PROTOCOL_STATEMENTS = frozenset(s.strip().rstrip(".").lower() for s in PROTOCOL_STATEMENT.split(". "))
_CAVEATS = frozenset(c.lower() for c in DESIGN_CAVEATS.values())
# The composer's caveat of an animal or laboratory study (prompts/composer.v10.yaml "animal",
# "lab"): "Results in mice may not be the same in people." restates the design, not a sentence
# of the abstract (a bmc_sample draft, 10.1186/1471-2202-6-25, had a "negation added" error for it).
_COMPOSER_CAVEAT = re.compile(r"results (?:in [a-z][\w -]{0,40}|from the lab) may not be the same in people")
# The composer's research-summary sentence of the kind of work where no design was found
# (prompts/composer.v23.yaml summary setting_*): "This was a study in mice.", "The work was done by
# computer.", a narrative review's "This was a review of earlier research, not a new study."
_COMPOSER_SETTING = re.compile(
    r"this was a study in [a-z][\w -]{0,40}|the work was done by computer|"
    r"this was a review of earlier research, not a new study"
)


@dataclass(frozen=True)
class FactStatement:
    """Why a fixed-wording sentence is there, and the abstract words behind it when there are some."""

    reason: str
    source_span: dict[str, Any] | None = None


def fact_statement(sentence: str, sections: tuple[str, ...]) -> FactStatement | None:
    """The fact a sentence in fixed wording restates, or None for any other sentence.

    ``sections`` are the abstract's section texts; a limitation phrase counts only when its cue
    is in them, and then the cue's words are the source span.
    """
    key = " ".join(sentence.split()).rstrip(".").lower()
    for pattern, phrase in LIMITATION_CUES:
        if key == phrase.lower():
            for i, text in enumerate(sections):
                m = pattern.search(text)
                if m:
                    span = {"section": i, "start": m.start(), "end": m.end(), "text": m.group(0)}
                    return FactStatement(f"limitation named in the abstract ({m.group(0)!r})", span)
    if (
        key in _DESIGN_STATEMENTS
        or key in _PROTOCOL_STATEMENTS
        or key in _CAVEATS
        or _COMPOSER_CAVEAT.fullmatch(key)
        or _COMPOSER_SETTING.fullmatch(key)
    ):
        return FactStatement("restates the study design: check it against the evidence level")
    if key == NO_LIMITATIONS_STATED.lower():
        return FactStatement("says the abstract states no limitation: check the full paper")
    if explains_a_term(key):
        return FactStatement("explains a term in the glossary's words, not a claim of the abstract")
    return None


# Round 25 (h25flags): the composer explains the one term a simple explanation keeps in a sentence of
# its own from the glossary's definition (prompts/composer.v23.yaml "explain": "{term} is / are /
# means {define}."): "Sequencing means reading the letters of DNA or RNA." restates the glossary, not
# an abstract sentence (bmc s12859-019-2912-4's draft had a "not in the abstract" warning for it, and
# term_support an "added claim" for its "DNA").
_EXPLAINED_TERM_WORDS = 5
_EXPLAINS = re.compile(r"\s(?:is|are|means)\s")


def explains_a_term(key: str) -> bool:
    """``key`` (a sentence in lower case, single-spaced, no end mark) is "TERM is / are / means
    DEFINITION" with a definition of plainsci's own glossary and a term of at most
    _EXPLAINED_TERM_WORDS words."""
    definitions = own_definitions()
    return any(
        key[m.end() :] in definitions and len(key[: m.start()].split()) <= _EXPLAINED_TERM_WORDS
        for m in _EXPLAINS.finditer(key)
    )
