"""Enrich runs spaCy's trained components only over the sections participants read (methods,
results, ...); background and conclusions are only tokenized, yet still vote on the design."""

from __future__ import annotations

from typing import Any

from pipeline.domain import Article, Section
from pipeline.enrich.facts import extract_facts_batch

BACKGROUND = "Exercise may help. We conducted a randomised controlled trial of 40 clinics in Ghana."
METHODS = "We randomly assigned 240 adults with chronic low back pain to supervised exercise or usual care."
RESULTS = "Pain fell by 2.1 points with exercise (95% CI 1.4 to 2.8)."
CONCLUSIONS = "Supervised exercise reduced pain in 300 community pharmacists' patients."


def _article(sections: list[Section]) -> Article:
    return Article(source="test", source_id="depth", title="Exercise for back pain", sections=sections)


class _Recording:
    """The shared spaCy pipeline, recording what goes through its trained components."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.piped = nlp, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        self.piped.extend(texts)
        return self.nlp.pipe(texts, **kwargs)

    def __call__(self, text: str, **kwargs: Any) -> Any:
        self.piped.append(text)
        return self.nlp(text, **kwargs)


def test_only_the_sections_participants_read_are_parsed(nlp) -> None:
    article = _article(
        [
            Section("Background", BACKGROUND),
            Section("Methods", METHODS),
            Section("Results", RESULTS),
            Section("Conclusions", CONCLUSIONS),
        ]
    )
    recording = _Recording(nlp)
    (facts,) = extract_facts_batch([article], recording)  # type: ignore[arg-type]
    assert recording.piped == ["Exercise for back pain", METHODS, RESULTS]
    assert facts.participants.value == "240 adults"
    assert facts.participant_count == 240
    assert facts.design.value == "randomised controlled trial"


def test_background_and_conclusions_still_vote_on_the_design(nlp) -> None:
    """The design cues ("randomly allocated", matched without a lemmatizer) are only in the
    conclusions; participants named only there are not taken (nothing parsed there)."""
    article = _article(
        [
            Section("Results", RESULTS),
            Section(
                "Conclusions",
                "In this trial, 120 women were randomly allocated to yoga or a waiting list. "
                "Women randomly assigned to yoga had less pain.",
            ),
        ]
    )
    (facts,) = extract_facts_batch([article], nlp)
    assert facts.design.value == "randomised controlled trial"
    assert facts.design.span is not None and facts.design.span.section == 1
    assert facts.participant_count is None


def test_an_unlabelled_abstract_is_parsed_whole(nlp) -> None:
    article = _article([Section(None, f"{BACKGROUND} {METHODS} {RESULTS}")])
    recording = _Recording(nlp)
    (facts,) = extract_facts_batch([article], recording)  # type: ignore[arg-type]
    assert recording.piped == ["Exercise for back pain", article.sections[0].text]
    assert facts.participant_count == 240
