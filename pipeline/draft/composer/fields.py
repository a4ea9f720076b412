"""The field writers: each realises its part of the plan, in the order its template file gives.

Simple explanation: what was studied (and why) -> who and how many -> what was found, with its
hedge -> how sure / the main caveat. Key findings: three distinct results. Research summary:
design, population, period, what was measured, one further result (statistics kept). Practical
implications: what the result could mean (no advice, no copy of a finding). Limitations: the
design's caveats plus those the abstract states. A source sentence goes to one field only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.domain import NOT_SPECIFIED, PracticalPoint
from pipeline.draft import rewrite as rw
from pipeline.draft.composer.plan import OBSERVATIONAL, Plan
from pipeline.draft.composer.simplify import Realiser, is_sentence
from pipeline.draft.composer.templates import ComposerTemplates, fill
from pipeline.draft.extractive import implication_title
from pipeline.draft.sentences import content_words
from pipeline.enrich import design as d
from pipeline.enrich.wording import DESIGN_CAVEATS, LIMITATION_CUES, NO_LIMITATIONS_STATED, design_label
from pipeline.score.faithfulness import is_hedged

_POOLED = re.compile(r"\bpool\w*|\bmeta-?analy\w*|\bcombined (?:data|results)", re.I)
_AIM = re.compile(
    r"(?:\b(?:aims?|aimed|objectives?|purposes?|goals?)\b[^.]*?\b(?:was|were|is|are)\s+to|"
    r"\b(?:we|researchers|study|review|trial)\s+(?:aimed|sought|set out|wanted|aims)\s+to|^to)\s+(?P<x>.+)$",
    re.I,
)
_AIM_VERBS = (
    (re.compile(r"^(?:evaluate|assess|examine|investigate|explore|analy[sz]e|review|study)\b", re.I), "look at"),
    (re.compile(r"^(?:determine|establish|ascertain|identify)\b", re.I), "find out"),
)


def similar(a: str, b: str, threshold: float = 0.8) -> bool:
    """Near-duplicates: at least ``threshold`` of the shorter text's content words are in the other."""
    wa, wb = content_words(a), content_words(b)
    if len(wa) < 3 or len(wb) < 3:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


@dataclass
class Writer:
    plan: Plan
    templates: ComposerTemplates
    realiser: Realiser
    written: list[str] = field(default_factory=list)  # every sentence any field has used

    @property
    def p(self) -> dict[str, int]:
        return self.templates.params

    def fresh(self, text: str) -> bool:
        return not any(similar(text, w) for w in self.written) and (
            self.plan.pooled_allowed or not _POOLED.search(text)
        )

    def use(self, texts: list[str]) -> list[str]:
        kept = [t for t in texts if self.fresh(t)]
        self.written.extend(kept)
        return kept

    def noun(self) -> str:
        return str(self.templates.section("design_nouns").get(self.plan.design, "study"))

    # ----- simple explanation -----------------------------------------------------------
    def topic(self) -> list[str]:
        aim = self.plan.aim()
        if aim is not None:
            m = _AIM.search(self.realiser.words(aim.text.rstrip(". ")))
            if m:
                x = m.group("x")
                for pattern, plain in _AIM_VERBS:
                    x = pattern.sub(plain, x, count=1)
                text = self.templates.text("topic", "aim", aim=x.rstrip(" .,;"))
                if text:
                    pieces = self.realiser.lay(text, self.p["simple_max_sentence"] + 6)
                    if pieces:
                        self.plan.claim(aim, "simple_explanation")
                        return pieces[:1]
        return []

    def who(self) -> list[str]:
        plan, t = self.plan, self.templates
        if plan.is_review:
            if plan.no_studies and plan.studies is None:
                key = "review_none"
            elif plan.studies is None:
                return []
            else:
                key = "review_one" if plan.one_study else "review_many"
            text = None
            if plan.people:
                text = t.text("who", key, n_studies=_lower(plan.studies.text) if plan.studies else "", people=plan.people)
            text = text or t.text("who", f"{key}_no_people", n_studies=_lower(plan.studies.text) if plan.studies else "")
            return [text] if text else []
        out = []
        who = _who_phrase(plan)
        if who:
            text = t.text("who", "study", who=self.realiser.words(who))
            if text and rw.word_count(text) <= self.p["simple_max_sentence"]:
                out.append(text)
        design = t.text("design_plain", plan.design)
        if design:
            out.extend(s for s in re.split(r"(?<=\.)\s+", design) if s)
        return out

    def found(self) -> list[str]:
        for s in self.plan.conclusion_pool():
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces:
                self.plan.claim(s, "simple_explanation")
                return pieces[:2]
        for s in self.plan.findings()[:3]:
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces:
                self.plan.claim(s, "simple_explanation")
                return pieces[:1]
        return []

    def meaning(self, so_far: list[str]) -> list[str]:
        plan, t = self.plan, self.templates
        out: list[str] = []
        if plan.one_study:
            out.append(t.text("certainty", "one_study") or "")
        if plan.certainty and plan.design not in OBSERVATIONAL:
            out.append(t.text("certainty", plan.certainty) or "")
        elif plan.hedged and not any(is_hedged(x) for x in so_far + out):
            out.append(t.text("certainty", "hedged") or "")
        return [x for x in out if x]

    def simple_explanation(self) -> str:
        steps = {"topic": self.topic, "who": self.who, "found": self.found}
        texts: list[str] = []
        for step in self.templates.body["plans"]["simple_explanation"]:
            texts += self.meaning(texts) if step == "meaning" else steps[step]()
        if not texts:
            return ""
        return rw.join_sentences(self.use(_dedupe(texts)))

    # ----- key findings -----------------------------------------------------------------
    def key_findings(self) -> list[str]:
        out: list[str] = []
        pool = self.plan.findings() + [s for s in self.plan.conclusion_pool() if not self.plan.advice(s)]
        for s in pool:
            if len(out) >= self.p["findings"] or s.index in self.plan.claimed:
                continue
            pieces = self.realiser.lay(s.text, self.p["finding_words"])
            text = next((x for x in pieces if rw.word_count(x) >= self.p["finding_min_words"]), None)
            if text and self.fresh(text) and not any(similar(text, o, 0.6) for o in out):
                out.append(text)
                self.plan.claim(s, "key_findings")
        self.written.extend(out)
        return out

    # ----- research summary ---------------------------------------------------------------
    def research_summary(self) -> str:
        plan, t = self.plan, self.templates
        label = design_label(plan.design) if plan.design else ""
        if plan.is_review and not plan.pooled_allowed:
            label = "systematic review"
        elif plan.is_review and not label:
            label = "systematic review"
        out: list[str] = []
        if plan.is_review and plan.studies is not None:
            key = "design_review_one" if plan.one_study else "design_review"
            n = _lower(plan.studies.text)
            text = (t.text("summary", key, design=label, n_studies=n, people=plan.people) if plan.people else None) or t.text(
                "summary", f"{key}_no_people", design=label, n_studies=n
            )
            out += [text] if text else []
        else:
            who = _who_phrase(plan)
            text = t.text("summary", "design_study", design=label, who=who) if label and who else None
            text = text or (t.text("summary", "design_only", design=label) if label else None)
            text = text or (t.text("summary", "who_only", who=who) if who else None)
            out += [text] if text else []
        period = plan.fact("study_period")
        if period != NOT_SPECIFIED and re.search(r"\d", period):
            out += [t.text("summary", "when", period=period) or ""]
        for purpose in ("measure", "finding"):
            kinds = ("methods",) if purpose == "measure" else ("results",)
            for s in plan.ranked(purpose, kinds):
                if plan.is_review and purpose == "finding" and s.index in {c.index for c in plan.conclusions}:
                    continue
                pieces = self.realiser.lay(s.text, self.p["summary_words"], keep_statistics=True)
                if pieces and self.fresh(pieces[0]) and not any(similar(pieces[0], o) for o in out):
                    out.append(pieces[0])
                    plan.claim(s, "research_summary")
                    break
        out = [x for x in out if x and (plan.pooled_allowed or not _POOLED.search(x))]
        self.written.extend(out)
        return rw.join_sentences(out)

    # ----- practical implications -----------------------------------------------------------
    def practical_implications(self) -> list[PracticalPoint]:
        plan, t = self.plan, self.templates
        points: list[tuple[str, str]] = []
        pool = plan.conclusion_pool() + [s for s in plan.ranked("implication") if s.cue("implication")]
        for s in pool:
            if len(points) >= 2 or plan.advice(s) or s.index in plan.claimed:
                continue
            pieces = self.realiser.lay(s.text, self.p["implication_words"])
            text = next((x for x in pieces if rw.word_count(x) >= 8 and self.fresh(x)), None)
            if text:
                points.append(("", text))
                plan.claim(s, "practical_implications")
        keys = []
        if plan.no_studies:
            keys.append("no_studies")
        if plan.one_study:
            keys.append("one_study")
        if plan.design == d.PROTOCOL:
            keys.append("protocol")
        if plan.design == d.ANIMAL:
            keys.append("animal")
        if plan.design == d.LAB:
            keys.append("lab")
        if plan.design in OBSERVATIONAL:
            keys.append("observational")
        if plan.certainty in ("low", "very low", "moderate"):
            keys.append("certainty_" + plan.certainty.replace(" ", "_"))
        if plan.more_research:
            keys.append("more_research")
        if plan.design == d.RCT:
            keys.append("rct")
        if plan.is_review and plan.studies is not None and plan.studies.value > 1:
            keys.append("review_many")
        for key in keys:
            pair = t.pair("implications", key)
            n = _lower(plan.studies.text) if plan.studies else None
            body = fill(pair[1], {"n_studies": n}) if pair else None
            if pair and body and len(points) < self.p["implications"]:
                points.append((pair[0], body))
        taken: set[str] = set()
        out = []
        for title, text in points[: self.p["implications"]]:
            title = title or implication_title(text, taken)
            taken.add(title.lower())
            out.append(PracticalPoint(title=title, text=text))
        self.written.extend(p.text for p in out)
        return out

    # ----- limitations ----------------------------------------------------------------------
    def limitations(self) -> list[str]:
        plan = self.plan
        found: list[str] = []
        text = plan.article.abstract_plain
        if plan.one_study:
            found.append("Only one study was found")
        for pattern, phrase in LIMITATION_CUES:
            if pattern.search(text) and phrase not in found:
                if phrase == "Retrospective design" and all(
                    s.kind == "background" for s in plan.sentences if pattern.search(s.text)
                ):
                    continue
                found.append(phrase)
        caveat = DESIGN_CAVEATS.get(plan.design)
        if caveat and caveat not in found:
            found.append(caveat)
        count = plan.facts.participant_count if plan.facts is not None else None
        if (
            not plan.is_review
            and count is not None
            and 0 < count < self.p["small_sample"]
            and plan.design not in (d.CASE_REPORT, d.PROTOCOL)
            and "Small sample size" not in found
        ):
            found.append("Small sample size")
        return found[: self.p["limitations"]] or [NO_LIMITATIONS_STATED]


def _lower(text: str) -> str:
    return text if text[:1].isdigit() else text.lower()


def _who_phrase(plan: Plan) -> str | None:
    value = plan.fact("participants")
    if value == NOT_SPECIFIED or rw.word_count(value) > 14:
        return None
    first = value.split(" ", 1)[0]
    if first in ("A", "An", "The") or (first[:1].isupper() and first[1:].islower()):
        return value[0].lower() + value[1:]
    return value


def _dedupe(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        if is_sentence(text) and not any(similar(text, o) for o in out):
            out.append(text)
    return out
