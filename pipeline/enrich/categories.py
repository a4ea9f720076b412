"""Categories from the taxonomy in data/taxonomy.yaml, scored on MeSH, keywords, journal and text.

Score of a label = 3 per MeSH heading matched + 2 per keyword + 3 for the journal name
+ 2 per title term + for abstract terms 1 for the first occurrence and 0.25 for each further
one (at most 2 per term). A label's ``conditions`` (named diseases, treatments and procedures
that place a page in the field by themselves: "Parkinson's disease", "tramadol", "vertigo") count
2 in the title like any title term and, in the abstract, 1.5 for the first occurrence and 0.5 for
each further one (at most 3 per term): a Cochrane abstract has no title, and one named condition
said twice must be enough for its field, where a generic word ("drug", "women") is not. Labels are kept when they reach MIN_SCORE and at least RELATIVE_FLOOR
of the best label's score; at most three, best first (the first is the breadcrumb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.domain import Article
from pipeline.errors import ConfigError
from pipeline.settings import DATA_ROOT
from pipeline.text.yamldata import load_yaml

TAXONOMY_PATH = DATA_ROOT / "taxonomy.yaml"
WEIGHTS = {
    "mesh": 3.0,
    "keywords": 2.0,
    "journals": 3.0,
    "title": 2.0,
    "text_first": 1.0,
    "text_more": 0.25,
    "condition_first": 1.5,
    "condition_more": 0.5,
}
TEXT_TERM_CAP = 2.0
CONDITION_TERM_CAP = 3.0
MIN_SCORE = 2.0
RELATIVE_FLOOR = 0.35
MAX_CATEGORIES = 3


@dataclass(frozen=True)
class Category:
    """One taxonomy label with compiled matchers per field."""

    label: str
    relevance: float
    mesh: re.Pattern[str] | None
    keywords: re.Pattern[str] | None
    journals: re.Pattern[str] | None
    text: tuple[re.Pattern[str], ...]
    conditions: tuple[re.Pattern[str], ...] = ()
    # each pattern's literal start, lower-cased ("" when it has none that str.lower can test): a
    # text without it cannot match, so the pattern is not run (hundreds of terms a label; most are
    # in no abstract)
    text_needles: tuple[str, ...] = ()
    condition_needles: tuple[str, ...] = ()


def _term_regex(term: str) -> str:
    """A whole-word regex for a taxonomy term; ``*`` matches any run of word characters."""
    return r"(?<!\w)" + re.escape(term).replace(r"\*", r"[\w-]*") + r"(?!\w)"


def _alternation(terms: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``terms``."""
    if not terms:
        return None
    return re.compile("|".join(_term_regex(t) for t in terms), re.I)


def _category(label: str, spec: dict[str, object]) -> Category:
    """Build a Category from its YAML mapping."""

    def terms(key: str) -> list[str]:
        return [str(t) for t in spec.get(key) or []]  # type: ignore[attr-defined]

    return Category(
        label=label,
        relevance=float(spec.get("relevance", 0.0)),  # type: ignore[arg-type]
        mesh=_alternation(terms("mesh")),
        keywords=_alternation(terms("keywords")),
        journals=_alternation(terms("journals")),
        text=tuple(re.compile(_term_regex(t), re.I) for t in terms("text")),
        conditions=tuple(re.compile(_term_regex(t), re.I) for t in terms("conditions")),
        text_needles=tuple(_needle(t) for t in terms("text")),
        condition_needles=tuple(_needle(t) for t in terms("conditions")),
    )


def _needle(term: str) -> str:
    """The term's literal text before any ``*``, lower-cased, when it is ASCII (whose case-insensitive
    match ``str.casefold`` of the text keeps); else "" (the pattern always runs)."""
    head = term.split("*", 1)[0]
    return head.lower() if head.isascii() else ""


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> tuple[Category, ...]:
    """Read and compile the taxonomy once per process."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"Cannot read the taxonomy {path}: {exc}.", hint="Restore data/taxonomy.yaml."
        ) from exc
    return tuple(_category(label, spec or {}) for label, spec in (data.get("categories") or {}).items())


def _count(pattern: re.Pattern[str] | None, values: list[str]) -> int:
    """How many of ``values`` the pattern matches."""
    return 0 if pattern is None else sum(1 for v in values if pattern.search(v))


# One item of a long enumeration: "CYP11A1 mRNA was expressed ubiquitously in every Zhedong goose
# tissue analyzed, including the heart, liver, glandular stomach, lung, spleen, kidney, ..." (bmc
# 10.1186/s40104-015-0053-9, "Cardiology"): an organ among a dozen others names no field of the page
LIST_MIN_COMMAS = 4
LIST_ITEM_WORDS = 3
_CLAUSE_END = re.compile(r"[.;:!?]\s")
_ITEM_BREAK = re.compile(r",|\b(?:and|or|including|such as)\b", re.I)


def _listed(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a short item of a list of five or more in its sentence."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    if text.count(",", left, right) < LIST_MIN_COMMAS:
        return False
    before, after = text[left:start], text[end:right]
    if not (after.lstrip().startswith(",") or before.rstrip().endswith(",")):
        return False
    head = max((m.end() for m in _ITEM_BREAK.finditer(before)), default=0)
    tail = next((m.start() for m in _ITEM_BREAK.finditer(after)), len(after))
    item = before[head:] + text[start:end] + after[:tail]
    return len(item.split()) <= LIST_ITEM_WORDS


# A word inside a molecule's name: "the cholesterol side chain cleavage enzyme (CYP11A1) gene" (bmc
# 10.1186/s40104-015-0053-9, a goose gene: "Cardiology" from "cholesterol" in the title), "tumor
# necrosis factor" names no cancer
_MOLECULE_NAME = re.compile(
    r"(?:[ -][\w-]+){0,3}?[ -](?:enzymes?|proteins?|receptors?|kinases?|factors?|transporters?|synthases?|"
    r"oxidases?|reductases?|regulators?)\b",
    re.I,
)


# 24 (h24bmc): a software or data resource's name in capitals, spelled by the short form after it: "a
# tool, Joint Overlap Analysis (JOA)" (bmc s12859-019-2698-4, genomic intervals, was "Musculoskeletal
# Medicine" from "Joint"); a measure's name says its field ("Oral Health Impact Profile (OHIP)")
_SPELLED_NAME = re.compile(
    r"\b((?:[A-Z][\w'-]*\s+(?:(?:of|in|for|and|the|on|to)\s+)*){1,7}"
    r"(?:Analysis|Analyzer|Analyser|Tool|Toolkit|Toolbox|Database|Server|Browser|Pipeline|Platform|Explorer|"
    r"Finder|Portal|Resource|Framework|Software|Suite))\s+\(([A-Za-z]{2,8})\)"
)


@lru_cache(maxsize=256)
def spelled_names(text: str) -> tuple[str, ...]:
    """The names of software or data resources in ``text`` written with a capital to each word and
    followed by the short form their capitals spell ("Joint Overlap Analysis (JOA)"): a tool's
    name, whose words name no field."""
    names = []
    for m in _SPELLED_NAME.finditer(text):
        words, short = m.group(1).split(), "".join(c for c in m.group(2) if c.isupper())
        for i, word in enumerate(words):  # the name may start after a capital that opens the sentence
            if word[:1].isupper() and "".join(w[0] for w in words[i:] if w[:1].isupper()) == short:
                names.append(" ".join(words[i:]))
                break
    return tuple(n for n in names if len(n.split()) >= 2)


def _in_name(text: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """``text[start:end]`` lies inside one of ``names`` as written there."""
    return any(
        n.start() <= start and end <= n.end() for name in names for n in re.finditer(re.escape(name), text)
    )


# 25 (h25bmc): an age word that says how old cells are names no patients of that age: "adult rat
# hippocampal neurogenesis and activation of newborn neurons" (elife_dev eLife.00362, acute stress in
# rats, was "Pediatrics"); "neonatal rat cardiomyocytes" are lab material
_AGE_WORD = re.compile(r"(?:newborns?|neonat\w*|infant\w*|juvenile)", re.I)
_CELLS_AFTER = re.compile(
    r"(?:[ -](?:rats?|mice|mouse|murine|porcine|bovine))?[ -](?:(?:granule|stem|progenitor|nerve|germ) )?"
    r"(?:neurons?|neurones?|cells?|cardiomyocytes|hepatocytes|astrocytes|fibroblasts|oocytes|axons?)\b",
    re.I,
)


def _ages_cells(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is an age word said of cells ("newborn neurons")."""
    return bool(_AGE_WORD.fullmatch(text, start, end) and _CELLS_AFTER.match(text, end))


# 25 (h25bmc): imaging the lab does, not a patient's scan: "in situ cryo-electron tomography" of algal
# cells (elife_dev eLife.04889), "transcriptomics and systematic imaging" of mRNAs in fly embryos
# (05003), "a high throughput imaging-based screen" of stem cells (00508) were "Medical Imaging"
_IMAGING_WORD = re.compile(r"(?:imaging|tomography)", re.I)
_LAB_IMAGING_BEFORE = re.compile(
    r"(?:cryo-?electron|electron|fluorescen\w*|confocal|live(?:-cell)?|calcium|two-photon|multiphoton|"
    r"super-resolution|single-molecule|time-lapse|high-content|systematic|intravital)[ -]$",
    re.I,
)
_LAB_IMAGING_AFTER = re.compile(r"-based (?:[\w-]+ )?screen", re.I)


def _lab_imaging(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is imaging done in the lab (a microscope's, a screen's)."""
    return bool(
        _IMAGING_WORD.fullmatch(text, start, end)
        and (
            _LAB_IMAGING_BEFORE.search(text[max(0, start - 20) : start])
            or _LAB_IMAGING_AFTER.match(text, end)
        )
    )


def _hits(
    pattern: re.Pattern[str], text: str, molecules: bool, lists: bool, names: tuple[str, ...] = ()
) -> int:
    """How many times the term occurs in ``text``: not inside a molecule's name (``molecules``
    False), not as a short item of a long list (``lists`` False), nor inside one of ``names``, nor
    as an age word said of cells or imaging done in the lab."""
    return sum(
        1
        for m in pattern.finditer(text)
        if (molecules or not _MOLECULE_NAME.match(text, m.end()))
        and (lists or not _listed(text, m.start(), m.end()))
        and not (names and _in_name(text, m.start(), m.end(), names))
        and not _ages_cells(text, m.start(), m.end())
        and not _lab_imaging(text, m.start(), m.end())
    )


def _terms_score(
    patterns: tuple[re.Pattern[str], ...],
    needles: tuple[str, ...],
    texts: tuple[str, str, str],
    weights: tuple[float, float, float],
    molecules: bool = True,
    lists: bool = True,
    names: tuple[str, ...] = (),
) -> float:
    """Title and abstract evidence of one kind of term: ``texts`` is (title, abstract, both
    casefolded), ``weights`` (first hit in the abstract, each further hit, cap per term);
    ``molecules`` False: a term inside a molecule's name does not count; ``lists`` False: nor
    one that is a short item of a long list in the abstract; none inside one of ``names``."""
    title, abstract, both = texts
    first, more, cap = weights
    score = 0.0
    for pattern, needle in zip(patterns, needles or ("",) * len(patterns), strict=True):
        if needle and needle not in both:
            continue
        if _hits(pattern, title, molecules, True, names):
            score += WEIGHTS["title"]
        hits = _hits(pattern, abstract, molecules, lists, names)
        if hits:
            score += min(cap, first + more * (hits - 1))
    return score


# Laboratory fields, for which a word in a molecule's name is evidence ("chromatin-bound sumoylated
# proteins", elife 06763, are cell biology)
LAB_LABELS = frozenset(
    {
        "Cell & Molecular Biology",
        "Genetics & Genomics",
        "Microbiology",
        "Biotechnology & Bioengineering",
        "Neuroscience",
        "Plant & Animal Biology",
    }
)


def _text_score(category: Category, title: str, abstract: str) -> float:
    """Title and abstract evidence for one label."""
    texts = (title, abstract, (title + "\n" + abstract).casefold())
    return _terms_score(
        category.text,
        category.text_needles,
        texts,
        (WEIGHTS["text_first"], WEIGHTS["text_more"], TEXT_TERM_CAP),
        lists=False,
        names=spelled_names(abstract),
    ) + _terms_score(
        category.conditions,
        category.condition_needles,
        texts,
        (WEIGHTS["condition_first"], WEIGHTS["condition_more"], CONDITION_TERM_CAP),
        molecules=category.label in LAB_LABELS,
    )


def category_score(category: Category, article: Article) -> float:
    """The weighted score of one label for an article."""
    score = WEIGHTS["mesh"] * _count(category.mesh, article.mesh)
    score += WEIGHTS["keywords"] * _count(category.keywords, article.keywords)
    score += WEIGHTS["journals"] * _count(category.journals, [article.journal or ""])
    return score + _text_score(category, article.title or "", article.abstract_plain)


def score_categories(article: Article, taxonomy: tuple[Category, ...] | None = None) -> dict[str, float]:
    """Score every taxonomy label (zero scores left out)."""
    scores = {c.label: category_score(c, article) for c in taxonomy or load_taxonomy()}
    return {label: round(score, 3) for label, score in scores.items() if score > 0}


# The breadcrumb every page needs when no taxonomy label matches (editors can change it).
FALLBACK_CATEGORY = "General Medicine"


def pick_categories(scores: dict[str, float]) -> list[str]:
    """Up to three labels, best first, above the absolute and relative floors; never empty."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return [FALLBACK_CATEGORY]
    floor = max(MIN_SCORE, RELATIVE_FLOOR * ranked[0][1])
    return [label for label, score in ranked if score >= floor][:MAX_CATEGORIES] or [FALLBACK_CATEGORY]
