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
from pipeline.draft.composer.plan import OBSERVATIONAL, PERSON, Plan, is_count_sentence
from pipeline.draft.composer.simplify import _FINITE_TAGS, Realiser, _parse, is_sentence
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
_CLAIM_VERBS = (
    r"(?:is|are|was|were|does|do|can|may|(?:causes?|induces?|enhances?|improves?|reduces?|increases?|"
    r"decreases?|predicts?|promotes?|inhibits?|regulates?|directs?|protects?|drives?|affects?|prevents?|"
    r"mediates?|modulates?|controls?|suppresses?|activates?|determines?|confers?|leads?|impairs?|alters?|"
    r"blocks?|limits?|restores?|requires?|reveals?|shows?|triggers?|contributes?|depends?|correlates?|"
    r"lowers?|raises?|worsens?|delays?|accelerates?|protect|reduce|increase|improve|cause|induce|promote|"
    r"inhibit|regulate|direct|drive|affect|mediate|modulate|control|contains?|functions?|responds?|forms?|"
    r"underlies|underlie|encodes?|binds?|acts?|shapes?|links?|facilitates?|coordinates?|governs?|defines?|"
    r"supports?|targets?|maintains?|senses?|becomes?|has|have|lacks?|provides?|showed|identifies|uncovers?|"
    r"highlights?|enables?|offers?|plays?|demonstrates?|explains?|yields?|confirms?|unveils?))"
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
    "function control target form link shape support limit block lead".split()
)
_RELATIVE = re.compile(r",? (?:which|that|who|whose|where|when) ")
_NOUN_LEAD = re.compile(
    r"^(?:effects?|effectiveness|impacts?|roles?|influence|efficacy|safety|use) of\b", re.I
)


def _title_claim(title: str, model: str | None = None) -> bool:
    """The title states a claim ("BAG-1 haplo-insufficiency impairs lung tumorigenesis"): a verb
    in its main part, not after a preposition or article ("a strategy to promote", "design
    framework under stationary control policy") and not inside a relative clause; when only such
    a verb is found ("Sgol2 provides a platform that coordinates ..."), the parse decides."""
    main = _RELATIVE.split(title, maxsplit=1)[0]
    if _NOUN_LEAD.match(main):
        return False
    if model and _parsed_claim(title, model, strict=not _TITLE_CLAIM.search(title)):
        return True
    for m in _CLAIM_VERB.finditer(main):
        verb_use = main.startswith((" as ", " by "), m.end())  # "ABC transporter functions as a pacemaker"
        if m.group(0) in _NOUN_OR_VERB and not verb_use and not (model and _parsed_claim(main, model)):
            continue  # "Discovery and disentanglement of aligned residue links"
        before = main[: m.start()].split()
        prev = before[-1].lower() if before else ""
        if prev == "and" and m.group(0).endswith("s") and not main.startswith(" of", m.end()):
            return True  # "Loss of X abolishes Y and causes deafness"
        if prev and prev not in _CLAIM_NOT_AFTER:
            return True
    return False


def _parsed_claim(title: str, model: str, strict: bool = False) -> bool:
    """The parse's root is a finite verb with a subject ("MicroRNAs down-regulate ..."); ``strict``
    (no verb of the claim list in the title): only a verb in "-s" after its subject ("A single
    factor dominates ..."), since titles' nouns are often parsed as verbs ("combination test")."""
    doc = _parse(title, model)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if strict and not (
        root.tag_ == "VBZ"
        and root.i > 1
        and doc[root.i - 1].dep_ == "nsubj"
        and (root.i + 1 == len(doc) or doc[root.i + 1].lower_ not in _NOUN_NEXT)
    ):
        return False  # "Systems biology approaches for advancing ..." is a noun phrase
    finite = root.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in root.children
    )
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def _lower_first(phrase: str, abstract: str) -> str:
    """ "Test-retest reliability ..." -> "test-retest reliability ..." after "looked at"; a name,
    an acronym or a word mixing letters and digits keeps its capital."""
    first, sep, rest = phrase.partition(" ")
    if first in ("A", "An", "The") or (
        re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*", first) and _lower_ok(first, abstract)
    ):
        return first.lower() + sep + rest
    return phrase


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
_KEEP_COMPARED = ("with", "versus", "vs", "vs.", "and its", "and their")
# A title led by a verb in "-ing" ("Comparing X", "Mapping Y"): said as what the study did.
_GERUND = re.compile(r"^(?P<v>[A-Z][a-z]+ing) (?P<rest>\S.*)$")
_NOT_GERUND = frozenset({"during", "according", "including", "following", "regarding", "concerning", "nothing",
                          "something", "training", "signaling", "signalling", "building", "spring", "string",
                          "morning", "bring", "thing", "king", "ring", "wing", "swing"})  # fmt: skip


def _gerund_past(title: str) -> tuple[str, str] | None:
    """ "Comparing the performance of X" -> ("compared", "the performance of X")."""
    m = _GERUND.match(title)
    if m is None or m.group("v").lower() in _NOT_GERUND or m.group("rest").startswith("of "):
        return None  # "Confounding of linkage disequilibrium patterns" is a noun phrase
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
                text = None
                for pattern, key in _AIM_VERBS:
                    if pattern.match(x):
                        rest = pattern.sub("", x, count=1).strip()
                        if key == "find_out" and not _QUESTION.match(rest):
                            key = "looked_at"  # "to determine test-retest consistency"
                        text = self._topic_text(key, aim=self._head(rest, key))
                        break
                text = text or self._topic_text("aim", aim=self._head(x, "aim"))
                pieces = self.realiser.lay(text, limit) if text else []
                if pieces:
                    self.plan.claim(aim, "simple_explanation")
                    return pieces[:1]
        return self.title_topic(limit)

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
                and phrase[: m.start()].count("(") == phrase[: m.start()].count(")")
            ]
            if not cuts:
                break
            phrase = phrase[: cuts[-1]].rstrip(" ,;")
        return phrase

    def title_topic(self, limit: int) -> list[str]:
        """ "This study looked at <the title's topic>." or "This study asked whether <the title's claim>."
        or, for a title led by a verb in "-ing", "This study compared/used/mapped ...".
        A question title, or one too long to say in a sentence, gives nothing."""
        title = self.plan.article.title.strip().rstrip(".")
        if not title or title.endswith("?"):
            return []
        head, _, tail = title.partition(": ")
        if tail and rw.word_count(head) >= 3:
            title = head
        elif tail:  # "HIA: a genome mapper ...", "Valection: design optimization for ..."
            title = f"{head}, {_lower_first(tail, self.plan.article.abstract_plain)}"
        key = "looked_at"
        lead = _TITLE_LEAD.match(title)
        if lead:
            key = "compared" if lead.group(1).lower().startswith("compar") else key
            title = title[lead.end() :]
        title = self.realiser.words(title)
        gerund = _gerund_past(title) if self.plan.setting != "protocol" else None
        if not lead and gerund is not None:
            key = "compared" if gerund[0] == "compared" else "did"
            title = gerund[1] if key == "compared" else f"{gerund[0]} {_lower_first(gerund[1], '')}"
        elif not lead and _title_claim(title, self.realiser.spacy_model):
            key = "asked"
        text = self._topic_text(key, aim=self._head(title, key))
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
                out.append(rw.capitalize_first(text))
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
            if not self._answer(s):
                continue
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if not pieces or _bare_number(pieces[0]):
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

    def _answer(self, s: Sentence) -> bool:
        """A sentence that can say what was found in a simple explanation: a result, not advice,
        a call for research, a caution or the review's size ("Thirteen RCTs ... met the entry rules")."""
        plan = self.plan
        return not (
            plan.advice(s)
            or plan.research_call(s)
            or not plan.is_result(s)
            or _NOT_ANSWER.search(s.text)
            or (plan.is_review and is_count_sentence(s.text))
        )

    def result(self, n: int = 1) -> list[str]:
        """A further result, the plainest of the top-ranked ones, while the text is short."""
        candidates = []
        pool = [s for s in self.plan.findings()[:6] if self.plan.is_result(s)][:4]
        for s in pool + self.plan.conclusion_pool()[:2]:
            pieces = self.realiser.lay(s.text, self.p["simple_max_sentence"])
            if pieces and self._answer(s) and not any(_bare_number(x) for x in pieces[:n]):
                candidates.append((rw.estimate_grade(" ".join(pieces[:n])), s, pieces[:n]))
        if not candidates:
            return []
        _, sentence, pieces = min(candidates, key=lambda c: c[0])
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
                    texts += self.plain_result()
            else:
                texts += steps[step]()
        kept = self.use(_dedupe(_stand_alone(texts)))
        said = {i for i, f in self.plan.claimed.items() if f == "simple_explanation"}
        if not said:  # no step could say what was found plainly: never leave only templates
            caveats = [k for k in kept if k in meaning]
            kept = [k for k in kept if k not in meaning] + self.use(self.fallback()) + caveats
        return rw.join_sentences(kept)

    def fallback(self) -> list[str]:
        """The first conclusion or result that can be said at the key findings' longer length,
        else what the study is about, in its title's words (a simple explanation is never empty)."""
        pool = [s for s in self.plan.conclusion_pool() + self.plan.findings() if not self.plan.advice(s)]
        pool.sort(key=lambda s: not self._answer(s))  # results first; a caution or the review's size last
        pool = [  # a web address or the review's size is no finding
            s
            for s in pool
            if not _WHERE_TO_GET.search(s.text) and not (self.plan.is_review and is_count_sentence(s.text))
        ]
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
    if first in ("A", "An", "The") or re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*", first):  # "Twenty-six"
        return value[0].lower() + value[1:]
    return value


# Not an answer to the question: a caution or a wish about future work.
_NOT_ANSWER = re.compile(
    r"\b(?:caution is|(?:is|are) (?:encouraged|warranted)|before embarking|would be (?:useful|helpful)|"
    r"(?:is|was) a need for|(?:freely )?available (?:at|from|on)|(?:can|may) be (?:accessed|downloaded|found) at|^(?:then|second|third|next|finally)\b)\b",
    re.I,
)
_WHERE_TO_GET = re.compile(r"\b(?:available|accessed|downloaded)\b[^.]*(?:https?://|www\.|github)", re.I)
_NUMBER = re.compile(r"\d")
# A number with nothing it compares to: "The number needed to treat was 3.0.", "The rate was 12%."
_BARE = re.compile(
    r"^[^,;]{0,80}?\b(?:was|were|is|are|of)\s+(?:about |around |approximately |only )?[-−]?\d[\d.,]*\s*%?\s*\.$"
    r"|\bnumbers? needed to (?:treat|harm)\b",
    re.I,
)
_COMPARED = re.compile(r"\b(?:than|compared|versus|vs|between|from \S+ to|out of|in every|per)\b", re.I)


def _bare_number(text: str) -> bool:
    """A simple-explanation sentence gives a number only with what it compares."""
    return bool(_NUMBER.search(text) and _BARE.search(text) and not _COMPARED.search(text))


_ALSO = re.compile(r"(?<!\bbut) also\b")
_THESE = re.compile(
    r"\b(These|these|Those|those) (trials|studies|RCTs|patients|participants|people|women|children)\b"
)


def _stand_alone(texts: list[str]) -> list[str]:
    """Sentences that stand alone in the simple explanation: no "also" (its sentences are chosen
    apart, so there is nothing before it to add to), "these trials" only after trials were named."""
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
        if is_sentence(text) and not any(similar(text, o) for o in out):  # templates and realised pieces
            out.append(text)
    return out
