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
from pipeline.draft.composer.compress import states_result
from pipeline.draft.composer.plan import OBSERVATIONAL, PERSON, Plan
from pipeline.draft.composer.simplify import Realiser, is_sentence
from pipeline.draft.composer.templates import ComposerTemplates, fill
from pipeline.draft.extractive import implication_title
from pipeline.draft.sentences import Kind, Purpose, Sentence, content_words, same_words
from pipeline.enrich import design as d
from pipeline.enrich.wording import DESIGN_CAVEATS, LIMITATION_CUES, NO_LIMITATIONS_STATED, design_label
from pipeline.text.hedges import HEDGE, is_hedged

_POOLED = re.compile(r"\bpool\w*|\bmeta-?analy\w*|\bcombined (?:data|results)", re.I)
_AIM = re.compile(
    r"(?:\b(?:aims?|aimed|objectives?|purposes?|goals?)\b[^.]*?\b(?:was|were|is|are)\s+to|"
    r"\b(?:we|researchers|study|review|trial)\s+(?:aimed|sought|set out|wanted|aims)\s+to|^to)\s+(?P<x>.+)$",
    re.I,
)
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
# The conclusion's hedge word picks the sentence that says it (certainty.<key> in the templates).
_HEDGE_KEYS = (
    ("hedged_may", re.compile(r"may|might|could|possibl|perhaps|potential", re.I)),
    ("hedged_suggest", re.compile(r"suggest|appear|seem", re.I)),
    ("hedged_likely", re.compile(r"likely|probabl", re.I)),
    ("hedged_unclear", re.compile(r"uncertain|unclear|not (?:clear|certain|sure)|tentative", re.I)),
    ("hedged_evidence", re.compile(r"limited|insufficient|little|weak|low", re.I)),
    ("hedged_research", re.compile(r"more|further", re.I)),
)


# A title's nominal lead: "Evaluation of X" -> "looked at X"; "Comparison of X and Y" -> "compared X and Y".
_TITLE_LEAD = re.compile(
    r"^(?:an? |the )?(evaluation|assessment|analysis|investigation|examination|exploration|study|"
    r"characteri[sz]ation|comparison|comparative study|review) of (?:the )?",
    re.I,
)
# What a result could mean (an implication sentence says so; one that only restates a result does not).
_IMPLIES = re.compile(
    r"\b(?:may|might|could|can|potential\w*|useful|helps?|implications?|promising|clinical practice|"
    r"clinicians?|inform|guide|target\w*|approach|strateg\w*|tool)\b",
    re.I,
)


# A title that states a claim ("X induces Y", "A is linked to B"): a verb after the first word.
_TITLE_CLAIM = re.compile(
    r"^\S+(?: \S+)*? (?:is|are|was|were|does|do|can|may|(?:causes?|induces?|enhances?|improves?|reduces?|"
    r"increases?|decreases?|predicts?|promotes?|inhibits?|regulates?|directs?|protects?|drives?|affects?|"
    r"prevents?|mediates?|modulates?|controls?|suppresses?|activates?|determines?|confers?|leads?|"
    r"impairs?|alters?|blocks?|limits?|restores?|requires?|reveals?|shows?|triggers?|contributes?|"
    r"depends?|correlates?|lowers?|raises?|worsens?|delays?|accelerates?|protect|reduce|increase|improve|"
    r"cause|induce|promote|inhibit|regulate|direct|drive|affect|mediate|modulate|control|contains?|"
    r"functions?|responds?|forms?|underlies|underlie|encodes?|binds?|acts?|shapes?|links?|facilitates?|"
    r"coordinates?|governs?|defines?|supports?|targets?|maintains?|senses?|becomes?|has|have|lacks?))\b"
)


def _lower_ok(word: str, abstract: str) -> bool:
    """A title's first word may be lower-cased in a sentence unless the abstract writes it with a
    capital in mid-sentence (a name: "Yersinia", "Frankincense" only if so written)."""
    return not re.search(rf"[a-z,] {re.escape(word)}\b", abstract)


_LEANING = ("This ", "These ", "But ", "In contrast", "Meanwhile", "However", "It ", "They ")


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
        """What was studied: the aim in plain words ("This study looked at ..."), else the title's topic."""
        limit = self.p["simple_max_sentence"] + self.p.get("topic_extra_words", 6)
        aim = self.plan.aim()
        if aim is not None:
            m = _AIM.search(self.realiser.words(aim.text.rstrip(". ")))
            if m:
                x = m.group("x").rstrip(" .,;")
                text = None
                for pattern, key in _AIM_VERBS:
                    if pattern.match(x):
                        text = self._topic_text(key, aim=pattern.sub("", x, count=1).strip())
                        break
                text = text or self._topic_text("aim", aim=x)
                pieces = self.realiser.lay(text, limit) if text else []
                if pieces:
                    self.plan.claim(aim, "simple_explanation")
                    return pieces[:1]
        return self.title_topic(limit)

    def title_topic(self, limit: int) -> list[str]:
        """ "This study looked at <the title's topic>." or "This study asked whether <the title's claim>."
        A question title, or one too long to say in a sentence, gives nothing."""
        title = self.plan.article.title.strip().rstrip(".")
        if not title or title.endswith("?"):
            return []
        head, _, tail = title.partition(": ")
        if tail and rw.word_count(head) >= 3:
            title = head
        elif tail and re.match(r"(?:an?|the) ", tail, re.I):  # "HIA: a genome mapper ..."
            title = f"{head}, {tail[0].lower()}{tail[1:]}"
        key = "looked_at"
        lead = _TITLE_LEAD.match(title)
        if lead:
            key = "compared" if lead.group(1).lower().startswith("compar") else key
            title = title[lead.end() :]
        first, _, rest = title.partition(" ")
        if re.fullmatch(r"[A-Z][a-z]*(?:-[a-z]+)*", first) and _lower_ok(
            first, self.plan.article.abstract_plain
        ):
            title = first.lower() + (" " + rest if rest else "")
        if not lead and _TITLE_CLAIM.search(title):
            key = "asked"
        text = self._topic_text(key, aim=self.realiser.words(title))
        return self.realiser.lay(text, limit)[:1] if text else []

    def background(self) -> list[str]:
        """Why it matters: the first background sentence that can be said plainly (not for reviews),
        only when it is plain enough (``background_grade``)."""
        if self.plan.is_review:
            return []
        for s in self.plan.ranked("background", ("background",))[:2]:
            if s.cue("aim"):
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
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
        if who and plan.design == d.CASE_REPORT:
            text = t.text("who", "case_report", who=self.realiser.words(who))
            if text:
                return [text]
        if who:
            key = "protocol" if plan.setting == "protocol" else "study"
            text = t.text("who", key, who=self.realiser.words(who)) or t.text(
                "who", "study", who=self.realiser.words(who)
            )
            if text and rw.word_count(text) <= self.p["simple_max_sentence"]:
                out.append(text)
        design = t.text("design_plain", plan.design)
        if design:
            out.extend(s for s in re.split(r"(?<=\.)\s+", design) if s)
        return out

    def found(self) -> list[str]:
        """The main claim: the first conclusion sentence that can be said plainly, unless the second
        is much plainer (``main_claim_grade_margin``); when the conclusion is hedged, a hedged one
        first (the hedge is part of the claim)."""
        options: list[tuple[float, Sentence, list[str]]] = []
        hedged_options: list[tuple[float, Sentence, list[str]]] = []
        for s in self.plan.conclusion_pool():
            if self.plan.advice(s) or self.plan.research_call(s) or not self.plan.is_result(s):
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if not pieces:
                continue
            option = (rw.estimate_grade(" ".join(pieces[:2])), s, pieces[:2])
            if len(options) < 2:
                options.append(option)
            if is_hedged(" ".join(pieces[:2])):
                hedged_options.append(option)
        if self.plan.hedged and hedged_options:
            options = hedged_options[:2]
        if not options:
            return self.result(1)
        # The first claim is the authors' main answer: the second wins only when much plainer.
        first, *rest = options
        margin = self.p.get("main_claim_grade_margin", 3)
        _, sentence, pieces = first if not rest or first[0] <= rest[0][0] + margin else rest[0]
        self.plan.claim(sentence, "simple_explanation")
        return pieces

    def result(self, n: int = 1) -> list[str]:
        """A further result, the plainest of the top-ranked ones, while the text is short."""
        candidates = []
        pool = [s for s in self.plan.findings()[:6] if self.plan.is_result(s)][:4]
        for s in pool + self.plan.conclusion_pool()[:2]:
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces and not self.plan.advice(s) and self.plan.is_result(s):
                candidates.append((rw.estimate_grade(" ".join(pieces[:n])), s, pieces[:n]))
        if not candidates:
            return []
        _, sentence, pieces = min(candidates, key=lambda c: c[0])
        self.plan.claim(sentence, "simple_explanation")
        return pieces

    def caveat_key(self) -> str | None:
        """The main caveat the abstract or its design supports, as a ``certainty`` template key."""
        plan = self.plan
        if plan.one_study:
            return "one_study"
        if plan.certainty and plan.design not in OBSERVATIONAL:
            return plan.certainty
        if plan.setting in ("animal", "lab"):
            return plan.setting
        if plan.pilot and not plan.is_review:
            return "pilot"
        if plan.small(self.p["small_sample"]):
            return "small"
        return None

    def hedge_key(self) -> str:
        """The ``certainty`` template that says the conclusion's own hedge ("may", "suggests" ...)."""
        text = " ".join(s.text for s in self.plan.conclusions)
        m = HEDGE.search(text)
        word = m.group(0).lower() if m else ""
        for key, pattern in _HEDGE_KEYS:
            if pattern.match(word):
                return key
        return "hedged"

    def meaning(self, so_far: list[str]) -> list[str]:
        """How sure: the stated certainty or the design's main caveat (small, pilot, mice, cells);
        when the conclusion is hedged and nothing said so far keeps a hedge, the abstract's hedge."""
        plan, t = self.plan, self.templates
        out: list[str] = []
        key = self.caveat_key()
        if key:
            out.append(t.text("certainty", key, species=plan.species) or "")
        if plan.hedged and not any(is_hedged(x) for x in so_far + out):
            if (
                plan.link_claim
                and (plan.design in OBSERVATIONAL or not plan.design)
                and plan.setting == "people"
            ):
                out.append(t.text("certainty", "link") or "")
            if not any(is_hedged(x) for x in out):
                out.append(t.text("certainty", self.hedge_key()) or t.text("certainty", "hedged") or "")
        return [x for x in out if x]

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
        for step in self.steps("simple_explanation"):
            if step == "meaning":
                meaning = self.meaning(texts)
                texts += meaning
            elif step == "result":
                # A further result only while the text is short, and only when the key findings
                # keep three results of their own (a result goes to one field).
                spare = len([s for s in self.finding_pool() if s.index not in self.plan.claimed])
                if rw.word_count(" ".join(texts)) < self.p["simple_min_words"] and (
                    spare > self.p["findings"] or (self.plan.is_review and spare == self.p["findings"])
                ):
                    texts += self.result()
            else:
                texts += steps[step]()
        kept = self.use(_dedupe(texts))
        said = {i for i, f in self.plan.claimed.items() if f == "simple_explanation"}
        if not said:  # no step could say what was found plainly: never leave only templates
            caveats = [k for k in kept if k in meaning]
            kept = [k for k in kept if k not in meaning] + self.use(self.fallback()) + caveats
        return rw.join_sentences(kept)

    def fallback(self) -> list[str]:
        """The first conclusion or result that can be said at the key findings' longer length,
        else what the study is about, in its title's words (a simple explanation is never empty)."""
        pool = [s for s in self.plan.conclusion_pool() + self.plan.findings() if not self.plan.advice(s)]
        for limit in (self.p["finding_words"], self.p["finding_max_words"]):
            for s in pool:
                pieces = self.realiser.lay(s.text, limit)
                if pieces:
                    self.plan.claim(s, "simple_explanation")
                    return pieces[:1]
        title = self.plan.article.title.strip().rstrip(".")
        return [f"The study is called “{title}”."] if title else []

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
        pool = [s for s in plan.findings() if plan.is_result(s) and self._finding(s)]
        pool += [
            s
            for s in plan.conclusion_pool()
            if not plan.advice(s)
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
                for i, text in enumerate(self.realiser.lay(s.text, limit, compress=self._squeeze)):
                    if i and text.startswith(_LEANING):
                        break
                    if (
                        rw.word_count(text) >= self.p["finding_min_words"]
                        and (self.plan.is_review or self.plan.setting == "protocol" or states_result(text))
                        and self.fresh(text)
                        and all(text != c for _, c in candidates)
                    ):
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
        if not out:
            out = self._last_resort_finding(pool)
        self.written.extend(out)
        return out

    def _last_resort_finding(self, pool: list[Sentence]) -> list[str]:
        """One finding when no result could be said within the limits (a single result sentence too
        long to split, an unlabelled abstract): the first sentence, results first, then conclusions,
        then anything but background, that reads as a sentence at twice the usual length; one that
        states a result first (pipeline.draft.composer.compress.states_result)."""
        plan = self.plan
        rest = [s for s in plan.conclusion_pool() if s not in pool]
        rest += [s for s in plan.sentences if s.kind != "background" and s not in pool and s not in rest]
        # a result first; a paper with none (a database, a narrative review) gives what it made or does
        for strict in (True, False):
            for s in pool + rest:
                for text in self.realiser.lay(
                    s.text, 2 * self.p["finding_max_words"], compress=self._squeeze
                ):
                    if (
                        rw.word_count(text) >= self.p["finding_min_words"]
                        and self.fresh(text)
                        and (
                            not strict or plan.is_review or plan.setting == "protocol" or states_result(text)
                        )
                    ):
                        plan.claim(s, "key_findings")
                        return [text]
        return []

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
                pieces = self.realiser.lay(
                    s.text, self.p["summary_words"], keep_statistics=True, compress=self._squeeze
                )
                if pieces and self.fresh(pieces[0]) and not any(similar(pieces[0], o) for o in out):
                    options.append((rw.estimate_grade(pieces[0]), s, pieces[0]))
            if options:  # the plainest of the best-ranked few
                _, s, text = min(options, key=lambda o: o[0])
                out.append(text)
                plan.claim(s, "research_summary")
        out = [x for x in out if x and (plan.pooled_allowed or not _POOLED.search(x))]
        if not out:  # no design, no labelled methods: the best unclaimed sentence, a longer one allowed
            for s in plan.ranked("method") + plan.ranked("finding"):
                pieces = self.realiser.lay(
                    s.text, 2 * self.p["summary_words"], keep_statistics=True, compress=self._squeeze
                )
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
        # What the result could mean: conclusion or implication sentences that say so ("could help",
        # "potential target"), never one that only restates a result with its numbers.
        pool = [s for s in plan.conclusion_pool() if _IMPLIES.search(s.text)]
        pool += [s for s in plan.ranked("implication") if _IMPLIES.search(s.text) and s.kind != "background"]
        for s in pool:
            if len(points) >= 2 or plan.advice(s) or s.index in plan.claimed or s.has_number:
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
        if plan.setting == "protocol":
            keys.append("protocol")
        if plan.setting == "animal":
            keys.append("animal")
        if plan.setting == "lab":
            keys.append("lab")
        if plan.setting == "computational":
            keys.append("computational")
        if plan.pilot and not plan.is_review:
            keys.append("pilot")
        if plan.small(self.p["small_sample"]):
            keys.append("small")
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
        last_resort = "review" if plan.is_review else None if plan.setting == "protocol" else "single_study"
        if last_resort:  # a review's or one study's standing, when nothing else could be said
            keys.append(last_resort)  # (e.g. the setting's caveat is already in the simple explanation)
        for key in keys:
            if key == last_resort and len(keys) > 1 and points:
                break
            pair = t.pair("implications", key)
            n = _lower(plan.studies.text) if plan.studies else None
            body = fill(pair[1], {"n_studies": n, "species": plan.species}) if pair else None
            if pair and body and len(points) < self.p["implications"] and self.fresh(body):
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
                if phrase == "Pilot study" and plan.is_review:
                    continue  # a review is not a pilot because one of its studies was
                if phrase == "Retrospective design" and all(
                    s.kind == "background" for s in plan.sentences if pattern.search(s.text)
                ):
                    continue
                found.append(phrase)
        setting_design = {"animal": d.ANIMAL, "lab": d.LAB, "computational": d.COMPUTATIONAL}
        caveat = DESIGN_CAVEATS.get(plan.design) or DESIGN_CAVEATS.get(setting_design.get(plan.setting, ""))
        if caveat and caveat not in found:
            found.append(caveat)
        if plan.small(self.p["small_sample"]) and "Small sample size" not in found:
            found.append("Small sample size")
        return found[: self.p["limitations"]] or [NO_LIMITATIONS_STATED]


def _lower(text: str) -> str:
    return text if text[:1].isdigit() else text.lower()


def _who_phrase(plan: Plan) -> str | None:
    value = plan.fact("participants")
    if value == NOT_SPECIFIED or rw.word_count(value) > 14 or not PERSON.search(value):
        return None  # "two experimental cases", "38 promoters": not the people studied
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
