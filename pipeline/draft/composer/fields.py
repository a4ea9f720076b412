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
from pipeline.draft.sentences import Kind, Purpose, content_words, same_words
from pipeline.enrich import design as d
from pipeline.enrich.wording import DESIGN_CAVEATS, LIMITATION_CUES, NO_LIMITATIONS_STATED, design_label
from pipeline.text.hedges import is_hedged

_POOLED = re.compile(r"\bpool\w*|\bmeta-?analy\w*|\bcombined (?:data|results)", re.I)
_AIM = re.compile(
    r"(?:\b(?:aims?|aimed|objectives?|purposes?|goals?)\b[^.]*?\b(?:was|were|is|are)\s+to|"
    r"\b(?:we|researchers|study|review|trial)\s+(?:aimed|sought|set out|wanted|aims)\s+to|^to)\s+(?P<x>.+)$",
    re.I,
)
_AIM_VERBS = (
    (
        re.compile(r"^(?:evaluate|assess|examine|investigate|explore|analy[sz]e|review|study)\b", re.I),
        "look at",
    ),
    (re.compile(r"^(?:determine|establish|ascertain|identify)\b", re.I), "find out"),
)


def similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Near-duplicates, judged a little stricter than the eval's cross-field repeat measure."""
    if same_words(a, b) >= threshold:
        return True
    wa, wb = content_words(a), content_words(b)
    if len(wa) < 3 or len(wb) < 3:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


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

    def fill(self, section: str, key: str, **values: object) -> str | None:
        text = self.templates.text(section, key, **values)
        return rw.fix_articles(text) if text else None

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

    def background(self) -> list[str]:
        """What is known and why it matters: the first background sentence that can be said plainly."""
        if self.plan.is_review:
            return []
        for s in self.plan.ranked("background", ("background",))[:2]:
            if s.cue("aim"):
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces:
                self.plan.claim(s, "simple_explanation")
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
                text = t.text(
                    "who",
                    key,
                    n_studies=_lower(plan.studies.text) if plan.studies else "",
                    people=plan.people,
                )
            text = text or t.text(
                "who", f"{key}_no_people", n_studies=_lower(plan.studies.text) if plan.studies else ""
            )
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
        """The main claim: the plainest of the first two conclusion sentences that can be said plainly."""
        options = []
        for s in self.plan.conclusion_pool():
            if self.plan.advice(s) or self.plan.research_call(s):
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces:
                options.append((rw.estimate_grade(" ".join(pieces[:2])), s, pieces[:2]))
            if len(options) == 2:
                break
        if not options:
            return self.result(1)
        _, sentence, pieces = min(options, key=lambda o: o[0])
        self.plan.claim(sentence, "simple_explanation")
        return pieces

    def result(self, n: int = 1) -> list[str]:
        """A further result, the plainest of the top-ranked ones, while the text is short."""
        candidates = []
        for s in self.plan.findings()[:4] + self.plan.conclusion_pool()[:2]:
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces and not self.plan.advice(s):
                candidates.append((rw.estimate_grade(" ".join(pieces[:n])), s, pieces[:n]))
        if not candidates:
            return []
        _, sentence, pieces = min(candidates, key=lambda c: c[0])
        self.plan.claim(sentence, "simple_explanation")
        return pieces

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
        steps = {"background": self.background, "topic": self.topic, "who": self.who, "found": self.found}
        texts: list[str] = []
        for step in self.templates.body["plans"]["simple_explanation"]:
            if step == "meaning":
                texts += self.meaning(texts)
            elif step == "result":
                if rw.word_count(" ".join(texts)) < self.p["simple_min_words"]:
                    texts += self.result()
            else:
                texts += steps[step]()
        kept = self.use(_dedupe(texts))
        if not kept:  # every step was too long to say plainly: never leave the field empty
            kept = self.use(self.fallback())
        return rw.join_sentences(kept)

    def fallback(self) -> list[str]:
        """The first conclusion or result that can be said at the key findings' longer length,
        else what the study is about, in its title's words (a simple explanation is never empty)."""
        for s in self.plan.conclusion_pool() + self.plan.findings():
            if self.plan.advice(s):
                continue
            pieces = self.realiser.lay(s.text, self.p["finding_max_words"])
            if pieces:
                self.plan.claim(s, "simple_explanation")
                return pieces[:2]
        title = self.plan.article.title.strip().rstrip(".")
        return [f"The study is called “{title}”."] if title else []

    # ----- key findings -----------------------------------------------------------------
    def key_findings(self) -> list[str]:
        """Three distinct results, the plain ones first among the best ranked (numbers kept)."""
        pool = self.plan.findings() + [s for s in self.plan.conclusion_pool() if not self.plan.advice(s)]
        candidates: list[tuple[int, str]] = []
        for limit in (self.p["finding_words"], self.p["finding_max_words"]):
            for rank_, s in enumerate(pool):
                pieces = self.realiser.lay(s.text, limit)
                text = next((x for x in pieces if rw.word_count(x) >= self.p["finding_min_words"]), None)
                if text and self.fresh(text) and all(text != c for _, c in candidates):
                    candidates.append((rank_, text))
        out: list[str] = []
        for max_grade in (self.p["finding_grade"], 99):
            for rank_, text in candidates:
                if len(out) >= self.p["findings"] or text in out or rw.estimate_grade(text) > max_grade:
                    continue
                if not any(similar(text, o, 0.6) for o in out):
                    out.append(text)
                    self.plan.claim(pool[rank_], "key_findings")
        order: dict[str, int] = {}
        for r, t in candidates:
            order.setdefault(t, r)
        out.sort(key=lambda t: order[t])
        self.written.extend(out)
        return out

    # ----- research summary ---------------------------------------------------------------
    def research_summary(self) -> str:
        plan = self.plan
        label = design_label(plan.design) if plan.design else ""
        if plan.is_review:  # the evidence level names the exact design; "pooled" only when true
            label = "review"
        out: list[str] = []
        if plan.is_review and plan.studies is not None:
            key = "design_review_one" if plan.one_study else "design_review"
            n = _lower(plan.studies.text)
            text = (
                self.fill("summary", key, design=label, n_studies=n, people=plan.people)
                if plan.people
                else None
            ) or self.fill("summary", f"{key}_no_people", design=label, n_studies=n)
            out += [text] if text else []
        else:
            who = _who_phrase(plan)
            text = self.fill("summary", "design_study", design=label, who=who) if label and who else None
            text = text or (self.fill("summary", "design_only", design=label) if label else None)
            text = text or (self.fill("summary", "who_only", who=who) if who else None)
            out += [text] if text else []
        period = plan.fact("study_period")
        if period != NOT_SPECIFIED and re.search(r"\d", period):
            out += [self.fill("summary", "when", period=period) or ""]
        # Labelled sections first; unlabelled abstracts (eLife) fall back to any section but background.
        anywhere: tuple[Kind, ...] = ("methods", "results", "conclusions", "other")
        steps: tuple[tuple[Purpose, tuple[Kind, ...]], ...] = (
            ("measure", ("methods",)),
            ("finding", ("results",)),
            ("method", anywhere),
            ("finding", anywhere),
        )
        for purpose, kinds in steps:
            if len(out) >= 3 or (kinds == anywhere and len(out) >= 2):
                break
            options = []
            for s in plan.ranked(purpose, kinds)[:4]:
                if plan.is_review and purpose == "finding" and s.index in {c.index for c in plan.conclusions}:
                    continue
                pieces = self.realiser.lay(s.text, self.p["summary_words"], keep_statistics=True)
                if pieces and self.fresh(pieces[0]) and not any(similar(pieces[0], o) for o in out):
                    options.append((rw.estimate_grade(pieces[0]), s, pieces[0]))
            if options:  # the plainest of the best-ranked few
                _, s, text = min(options, key=lambda o: o[0])
                out.append(text)
                plan.claim(s, "research_summary")
        out = [x for x in out if x and (plan.pooled_allowed or not _POOLED.search(x))]
        if not out:  # no design, no labelled methods: the best unclaimed sentence, a longer one allowed
            for s in plan.ranked("method") + plan.ranked("finding"):
                pieces = self.realiser.lay(s.text, 2 * self.p["summary_words"], keep_statistics=True)
                if pieces and self.fresh(pieces[0]):
                    out.append(pieces[0])
                    plan.claim(s, "research_summary")
                    break
        self.written.extend(out)
        return rw.join_sentences(out)

    # ----- practical implications -----------------------------------------------------------
    def practical_implications(self) -> list[PracticalPoint]:
        plan, t = self.plan, self.templates
        points: list[tuple[str, str]] = []
        pool = plan.conclusion_pool() + [s for s in plan.ranked("implication") if s.cue("implication")]
        pool += [s for s in plan.ranked("implication") if s.kind != "background" and s not in pool]
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
        if not plan.is_review and plan.design != d.PROTOCOL:
            keys.append("single_study")  # last resort: one study's results need confirming
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
    if first in ("A", "An", "The") or (first.isalpha() and first[:1].isupper() and first[1:].islower()):
        return value[0].lower() + value[1:]
    return value


def _dedupe(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        if is_sentence(text) and not any(similar(text, o) for o in out):  # templates and realised pieces
            out.append(text)
    return out
