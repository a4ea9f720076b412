"""Numbers and identifiers in text: one reader and one checker for drafting, scoring and the lab.

Numbers are read the same way from draft and source: digits with thousands separators
("1,234", "1 234") and decimals, spelled-out numbers up to the millions ("fifty-four",
"one hundred and one"), percentages ("45%", "45 percent", "45 per cent") and units (mg, kg, mm,
years, months, weeks, days, hours, ...). A range ("10-50", "10 to 50%") is two numbers that share
the unit written after the second. Signs are ignored ("-0.52" is 0.52).

An identifier is a token that mixes letters and digits ("C57BL/6J", "IL-6", "NCT01234567",
"COVID-19"): it must be copied exactly, so it is supported only by the same token in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.domain import Article

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_NUM_WORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES], key=len, reverse=True))

_SPELLED = re.compile(
    rf"\b(?:{_NUM_WORD})\b(?:(?:\s+|-)(?:{_NUM_WORD})\b|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{_NUM_WORD})\b)*",
    re.I,
)
_DIGITS = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,]\d)|\d+)(?:\.\d+)?"
    r"|(?<![\w.])\.\d+"
)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")

# Unit spellings -> canonical unit. Longer spellings first so "mmHg" wins over "mm".
_UNIT_SPELLINGS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "%", "percentage point": "%",
    "mmhg": "mmHg", "mmol/l": "mmol/L", "mmol": "mmol", "mg/kg": "mg/kg", "mg/dl": "mg/dL",
    "mg/day": "mg/day", "mg/d": "mg/day", "kg/m2": "kg/m2", "kg/m²": "kg/m2",
    "mg": "mg", "milligrams": "mg", "milligram": "mg", "mcg": "mcg", "µg": "mcg", "μg": "mcg",
    "micrograms": "mcg", "microgram": "mcg", "kg": "kg", "kilograms": "kg", "kilogram": "kg",
    "g": "g", "grams": "g", "gram": "g", "ml": "ml", "millilitres": "ml", "milliliters": "ml",
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "km": "km", "iu": "IU", "units": "unit",
    "unit": "unit", "years": "year", "year": "year", "yrs": "year", "yr": "year",
    "months": "month", "month": "month", "mo": "month", "weeks": "week", "week": "week",
    "wks": "week", "wk": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "hrs": "hour", "hr": "hour", "h": "hour", "minutes": "minute", "minute": "minute",
    "mins": "minute", "min": "minute", "seconds": "second", "second": "second",
}  # fmt: skip
_UNIT = re.compile(
    r"(?:\s?-\s?|\s{0,2})("
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(_UNIT_SPELLINGS, key=len, reverse=True))
    + r")(?![\w/])",
    re.I,
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and|or|,\s*and|,\s*or)\s*$", re.I)
_APPROX = re.compile(
    r"(?<!\w)(?:about|around|approximately|roughly|nearly|almost|some|close to|~|≈)\s*$", re.I
)
_AT_LEAST = re.compile(r"(?<!\w)(?:more than|over|at least|above|greater than|exceeding|>|≥)\s*$", re.I)
_AT_MOST = re.compile(r"(?<!\w)(?:less than|fewer than|under|below|up to|at most|<|≤)\s*$", re.I)


@dataclass(frozen=True)
class NumberMention:
    """One number in a text, with its canonical unit, decimals written and any qualifier."""

    start: int
    end: int  # end of the number and its unit
    text: str
    value: float
    unit: str | None
    decimals: int
    qualifier: str | None = None  # "approx" | "at_least" | "at_most"


def spelled_value(words: str) -> int:
    """Value of spelled-out number words: "one hundred and one" -> 101."""
    total = current = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[w]
            current = 0
    return total + current


def _is_identifier_part(text: str, start: int) -> bool:
    """Digits glued to a name with a hyphen ("COVID-19", "IL-6") are part of the name."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


def _raw_numbers(text: str) -> list[tuple[int, int, float, int]]:
    """(start, end, value, decimals) of digit and spelled-out numbers, in text order."""
    found: list[tuple[int, int, float, int]] = []
    for m in _DIGITS.finditer(text):
        if _is_identifier_part(text, m.start()):
            continue
        raw = re.sub(r"[,\s\u00a0\u2009\u202f]", "", m.group(0))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        found.append((m.start(), m.end(), float(raw), decimals))
    for m in _SPELLED.finditer(text):
        if m.group(0).lower() == "one":
            continue  # "one of the trials", "no one": rarely a count
        found.append((m.start(), m.end(), float(spelled_value(m.group(0))), 0))
    return sorted(found)


def _qualifier(text: str, start: int) -> str | None:
    """Approximation or bound written just before a number ("about", "more than")."""
    before = text[max(0, start - 24) : start]
    for name, pattern in (("approx", _APPROX), ("at_least", _AT_LEAST), ("at_most", _AT_MOST)):
        if pattern.search(before):
            return name
    return None


@lru_cache(maxsize=8192)
def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every number in ``text`` with its unit; a range's first number takes the second's unit."""
    mentions: list[NumberMention] = []
    for start, end, value, decimals in _raw_numbers(text):
        unit = None
        ordinal = _ORDINAL.match(text, end)
        if ordinal:
            end = ordinal.end()
        else:
            um = _UNIT.match(text, end)
            if um:
                unit = _UNIT_SPELLINGS[" ".join(um.group(1).lower().split())]
                end = um.end()
        mentions.append(
            NumberMention(start, end, text[start:end], value, unit, decimals, _qualifier(text, start))
        )
    for i in range(len(mentions) - 2, -1, -1):
        cur, nxt = mentions[i], mentions[i + 1]
        if cur.unit is None and nxt.unit is not None and _RANGE_GAP.match(text[cur.end : nxt.start]):
            mentions[i] = NumberMention(
                cur.start, cur.end, cur.text, cur.value, nxt.unit, cur.decimals, cur.qualifier
            )
    return tuple(mentions)


def _trailing_zero_tolerance(value: float) -> float:
    """Half the place of the last non-zero digit of an integer: 6500 -> 50, 50 -> 5."""
    n = int(round(abs(value)))
    place = 1
    while n and n % 10 == 0:
        n //= 10
        place *= 10
    return place / 2 if place > 1 else 0.5


def value_match(draft: NumberMention, source: NumberMention) -> str | None:
    """Match kind: "exact", "rounded" (rounded, approximated or bounded source value) or None."""
    d, s = draft.value, source.value
    if abs(d - s) < 1e-9:
        return "exact"
    if draft.decimals < source.decimals and abs(s - d) <= 0.5 * 10 ** (-draft.decimals) + 1e-9:
        return "rounded"
    if draft.qualifier == "approx" and draft.decimals == 0 and abs(s - d) <= _trailing_zero_tolerance(d):
        return "rounded"
    if draft.qualifier == "at_least" and d <= s <= d * 1.5:
        return "rounded"
    if draft.qualifier == "at_most" and d / 1.5 <= s <= d:
        return "rounded"
    return None


@dataclass(frozen=True)
class SourceNumber:
    mention: NumberMention
    section: int | None  # None: the title


def source_numbers(article: Article) -> list[SourceNumber]:
    """Numbers of the title and of each abstract section, with where they were found."""
    found = [SourceNumber(m, None) for m in find_numbers(article.title or "")]
    for i, sec in enumerate(article.sections):
        found += [SourceNumber(m, i) for m in find_numbers(sec.text)]
    return found


def best_support(draft: NumberMention, sources: list[SourceNumber]) -> tuple[str, SourceNumber] | None:
    """The source number that supports ``draft`` (exact beats rounded); units must agree.

    A draft unit is also supported by a source number written without one, unless the source
    gives that value with a different unit ("12 weeks" never supports "12 months").
    """
    same_unit = [s for s in sources if draft.unit is None or s.mention.unit == draft.unit]
    unitless = [s for s in sources if draft.unit is not None and s.mention.unit is None]
    other_unit = [s for s in sources if draft.unit is not None and s.mention.unit not in (None, draft.unit)]
    for pool in (same_unit, unitless):
        if pool is unitless and any(value_match(draft, s.mention) for s in other_unit):
            return None
        matches = [(kind, s) for s in pool if (kind := value_match(draft, s.mention))]
        if matches:
            return min(matches, key=lambda m: m[0] != "exact")
    return None


# ---------------------------------------------------------------------------------------------
# One checker for a text against its source (the drafter's guard and the lab's check).

_EDGE_PUNCT = "()[]{},;:.!?\"'“”‘’"
_DIGIT_TOKEN = re.compile(r"\S*\d\S*")


_POSSESSIVE = re.compile(r"['’]s(?=[^\w]*$)")


def number_tokens(text: str) -> list[str]:
    """Whitespace tokens of ``text`` that contain a digit, a possessive "'s" and edge punctuation
    removed ("Shugoshin-like protein 2’s ability": the token is "2")."""
    return [t for t in (_POSSESSIVE.sub("", w).strip(_EDGE_PUNCT) for w in _DIGIT_TOKEN.findall(text)) if t]


def is_identifier(token: str) -> bool:
    """A token mixing letters and digits ("C57BL/6J", "IL-6", "NCT01234567"), not a number with
    a unit or ordinal ("12mg", "3rd", "45%")."""
    core = token.strip(_EDGE_PUNCT)
    if not (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
        return False
    mentions = find_numbers(core)
    return not (len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(core))


def identifiers(text: str) -> list[str]:
    """Identifier tokens of ``text`` in order (see ``is_identifier``)."""
    return [t for t in number_tokens(text) if is_identifier(t)]


@lru_cache(maxsize=256)
def _source_index(source: str) -> tuple[tuple[SourceNumber, ...], frozenset[str]]:
    numbers = tuple(SourceNumber(m, 0) for m in find_numbers(source))
    return numbers, frozenset(number_tokens(source))


def unsupported_numbers(output: str, source: str, *, exact: bool = True) -> list[str]:
    """Numbers and identifiers of ``output`` that ``source`` does not hold, in order.

    A number is supported by a source number of the same value and a compatible unit (the rule
    of the ``number_faithfulness`` metric: "12 weeks" never supports "12 months"); with
    ``exact`` (the drafter's rule: numbers are copied, never rounded) a rounded match does not
    count. An identifier is supported only by the same token in the source.
    """
    numbers, tokens = _source_index(source)
    bad: list[str] = []
    for mention in find_numbers(output):
        found = best_support(mention, list(numbers))
        if found is None or (exact and found[0] != "exact"):
            bad.append(mention.text)
    bad += [t for t in identifiers(output) if t not in tokens]
    return bad


def assert_numbers_from_source(output: str, source: str) -> None:
    """Raise AssertionError naming every number in ``output`` that the source does not hold."""
    bad = unsupported_numbers(output, source)
    if bad:
        raise AssertionError(f"numbers not in source: {bad!r} in {output!r}")


def number_share_supported(text: str, article: Article) -> tuple[int, int]:
    """(supported, total) numbers of ``text`` against the title and abstract of ``article``."""
    drafts = find_numbers(text)
    sources = source_numbers(article)
    return sum(best_support(d, sources) is not None for d in drafts), len(drafts)
