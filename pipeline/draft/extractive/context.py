"""What every field builder reads: the tunables and one article's ranked sentences and rewriter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.domain import NOT_SPECIFIED, Article, Facts
from pipeline.draft import rewrite as rw
from pipeline.draft.sentences import Sentence, content_words, rank
from pipeline.text.swaps import WordSwap


@dataclass(frozen=True)
class ExtractiveParams:
    """The tunables; all of them go into the provenance (and so into the cache key)."""

    segmenter: str = "rule"  # "rule": sentencizer + abbreviation fixes; "senter": statistical
    max_sentence_words: int = 25
    simple_split_words: int = 12
    simple_min_words: int = 40  # 50 gave median FKGL 9.17 on cochrane_val, 40 gives 8.84
    simple_max_words: int = 110
    findings: int = 3
    finding_min_words: int = 8
    finding_max_words: int = 25
    implications: int = 3
    implication_min_words: int = 14
    implication_max_words: int = 25
    limitations: int = 3
    small_sample: int = 50
    summary_max_words: int = 90


@dataclass
class Context:
    article: Article
    facts: Facts
    sentences: list[Sentence]
    central: list[float]
    abbreviations: dict[str, str]
    glossary: rw.Glossary
    params: ExtractiveParams
    source: str
    warnings: list[str] = field(default_factory=list)
    swaps: list[WordSwap] = field(default_factory=list)  # every swap made in any candidate

    def ranked(self, purpose: Any, kinds: tuple[str, ...] | None = None) -> list[Sentence]:
        return rank(self.sentences, purpose, self.central, kinds=kinds)  # type: ignore[arg-type]

    def plain(
        self,
        sentence: str,
        *,
        max_words: int,
        define: bool,
        defined: set[str] | None = None,
        simplest: bool = False,
    ) -> list[str]:
        """Plain-language rewrite of a sentence into pieces of at most ``max_words`` words.

        ``simplest`` (the simple explanation) also drops bracketed asides and trailing modifiers.
        """
        pieces = rw.rewrite_sentence(
            sentence,
            abbreviations=self.abbreviations,
            glossary=self.glossary,
            max_words=max_words,
            define=define,
            defined=defined,
            drop_asides=simplest,
            swaps=self.swaps,
        )
        if simplest:
            pieces = [rw.compress(p, max_words) for p in pieces]
        return [p for p in pieces if self.grounded(p) and rw.word_count(p) >= 3 and not rw.has_statistics(p)]

    def technical(self, sentence: str) -> str:
        """Light rewrite: statistics stripped, abbreviations written out, wording kept."""
        text = rw.expand_abbreviations(rw.strip_statistics(sentence), self.abbreviations)
        return rw.ensure_period(rw.capitalize_first(rw.tidy(text)))

    @property
    def word_weights(self) -> dict[str, float]:
        """How often each content word occurs in the abstract (title words count extra)."""
        counts: dict[str, float] = {}
        for s in self.sentences:
            for w in s.words:
                counts[w] = counts.get(w, 0.0) + 1.0
        for w in content_words(self.article.title):
            counts[w] = counts.get(w, 0.0) + 2.0
        return counts

    def grounded(self, text: str) -> bool:
        return not rw.unsupported_numbers(text, self.source)

    def fact(self, name: str) -> str:
        value = getattr(self.facts, name).value if self.facts is not None else NOT_SPECIFIED
        return value.strip() if isinstance(value, str) and value.strip() else NOT_SPECIFIED


def similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Near-duplicates: most content words of the shorter text occur in the other."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 3 and shared / min(len(wa), len(wb)) >= threshold


def fitted_pieces(ctx: Context, sentence: str, max_words: int) -> list[str]:
    """Plain pieces of a sentence, each compressed when it is still over ``max_words``."""
    pieces = ctx.plain(sentence, max_words=max_words, define=False)
    return [rw.compress(x, max_words) for x in pieces]
