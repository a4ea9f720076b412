"""Scope: is the article health or biomedical research at all?

plainsci summarises health and biomedical research. A paper from another field (the Merapi
volcano paper in the bundled sample) is recognised here, before anything is drafted as health
research: it has fewer than ``min_hits`` health or biomedical words (data/scope.yaml) in its title,
abstract, keywords and MeSH headings, and its journal is not a health or life-science journal.
The fact's detail says why, naming the other field's words it does use ("seismic, eruption").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.domain import Article, Fact
from pipeline.errors import ConfigError
from pipeline.settings import DATA_ROOT
from pipeline.text.yamldata import load_yaml

SCOPE_PATH = DATA_ROOT / "scope.yaml"
IN_SCOPE = "health research"
OUT_OF_SCOPE = "out of scope"


@dataclass(frozen=True)
class ScopeRules:
    min_hits: int
    health: re.Pattern[str]
    journal: re.Pattern[str]
    other_fields: tuple[tuple[str, re.Pattern[str]], ...]


def _stems(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(str(w)) for w in words) + r")[\w-]*", re.I)


@lru_cache(maxsize=2)
def load_scope_rules(path: Path = SCOPE_PATH) -> ScopeRules:
    """The word lists of data/scope.yaml, compiled."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        return ScopeRules(
            min_hits=int(data["min_hits"]),
            health=_stems(data["health"]),
            journal=_stems(data["journal"]),
            other_fields=tuple((name, _stems(words)) for name, words in data["other_fields"].items()),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"{path}: cannot read the scope word lists ({exc}).",
            hint="Restore data/scope.yaml from the repository (min_hits, health, journal, other_fields).",
        ) from exc


def scope_fact(article: Article, rules: ScopeRules | None = None) -> Fact:
    """``health research`` or ``out of scope``, with the reason and the counts in the detail."""
    rules = rules or load_scope_rules()
    text = " ".join(
        [article.title or "", article.abstract_plain, " ".join(article.keywords), " ".join(article.mesh)]
    )
    hits = sorted({m.group(0).lower() for m in rules.health.finditer(text)})
    n_hits = len(rules.health.findall(text))
    journal_ok = bool(article.journal and rules.journal.search(article.journal))
    if n_hits >= rules.min_hits or journal_ok:
        return Fact(IN_SCOPE, None, {"health_words": n_hits, "journal": journal_ok})
    others = []
    for name, pattern in rules.other_fields:
        found = Counter(m.group(0).lower() for m in pattern.finditer(text))
        if found:
            others.append(f"{name} ({', '.join(w for w, _ in found.most_common(5))})")
    reason = f"not health or biomedical research: {n_hits} health word(s)"
    reason += f" ({', '.join(hits[:5])})" if hits else ""
    reason += f" and the journal ({article.journal or 'unknown'}) is not a health journal"
    if others:
        reason += f"; it is about {'; '.join(others)}"
    return Fact(OUT_OF_SCOPE, None, {"reason": reason, "health_words": n_hits, "journal": journal_ok})
