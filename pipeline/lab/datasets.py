"""Evaluation datasets: JSONL files of {id, abstract, plain_summary} pairs, turned into Articles."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.domain import Article, Section, normalize_doi
from pipeline.errors import DatasetError

REQUIRED_KEYS = ("id", "abstract", "plain_summary")


@dataclass(frozen=True)
class Pair:
    """One evaluation example: a technical abstract and its human plain-language summary."""

    id: str
    abstract: str
    plain_summary: str
    line: int  # 1-based line in the file, for messages


def load_pairs(path: Path | str, limit: int | None = None) -> list[Pair]:
    """Read the first ``limit`` pairs (all when None) of a JSONL file; blank lines are skipped."""
    path = Path(path)
    if limit is not None and limit < 1:
        raise DatasetError(
            f"--limit must be at least 1, not {limit}.", hint="Leave it out to use every pair."
        )
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(
            f"Cannot read the dataset {path}: {exc.strerror or exc}.",
            hint="Pass a JSONL file with one {id, abstract, plain_summary} object per line.",
        ) from exc
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if limit is not None and len(pairs) >= limit:
                break
            if not line.strip():
                continue
            pair = _parse_line(path, lineno, line)
            if pair.id in seen:
                raise DatasetError(
                    f"{path}, line {lineno}: id {pair.id!r} was already used on line {seen[pair.id]}.",
                    hint="Give every pair a unique id.",
                )
            seen[pair.id] = lineno
            pairs.append(pair)
    if not pairs:
        raise DatasetError(f"The dataset {path} has no pairs.", hint="Add one JSON object per line.")
    return pairs


def _parse_line(path: Path, lineno: int, line: str) -> Pair:
    where = f"{path}, line {lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(
            f"{where} is not valid JSON ({exc.msg} at column {exc.colno}).",
            hint='Each line must be one JSON object: {"id": ..., "abstract": ..., "plain_summary": ...}.',
        ) from exc
    if not isinstance(obj, dict):
        raise DatasetError(
            f"{where} is a JSON {type(obj).__name__}, not an object.", hint="Write one object per line."
        )
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise DatasetError(
            f"{where} lacks the key{'s' if len(missing) > 1 else ''} {', '.join(missing)}.",
            hint=f"Every line needs {', '.join(REQUIRED_KEYS)}.",
        )
    for key in REQUIRED_KEYS:
        value = obj[key]
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, str) or not value.strip():
            raise DatasetError(
                f"{where}: {key!r} must be a non-empty string.", hint="Fix or remove the line."
            )
    return Pair(str(obj["id"]).strip(), obj["abstract"], obj["plain_summary"], lineno)


def file_sha256(path: Path | str) -> str:
    """sha256 of a file's bytes, to pin the exact dataset a run used."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Headings of structured abstracts (IMRaD, Cochrane, CONSORT-style). Only these count as labels,
# so that a sentence like "Key results: ..." or "Iron: ..." inside a paragraph is not split.
_HEADINGS = (
    "background and aims?",
    "background and objectives?",
    "background",
    "introduction",
    "context",
    "rationale",
    "objectives?",
    "aims?",
    "purpose",
    "search methods",
    "selection criteria",
    "data collection and analysis",
    "materials and methods",
    "methods and materials",
    "methods?",
    "study design",
    "design",
    "setting",
    "participants",
    "patients",
    "interventions?",
    "main outcome measures?",
    "measurements",
    "main results",
    "results",
    "findings",
    "discussion",
    "interpretation",
    "limitations",
    "authors'? conclusions",
    "conclusions? and relevance",
    "conclusions?",
    "implications",
    "trial registration",
)
# A heading starts the text or follows a sentence end / line break, and is followed by a colon.
_LABEL = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n\s*)(?P<label>(?:" + "|".join(_HEADINGS) + r"))\s*:\s*",
    re.IGNORECASE,
)


def split_labelled_sections(text: str) -> list[Section]:
    """Split ``Background: ... Methods: ...`` into sections; unlabelled text is one section."""
    text = text.strip()
    matches = [m for m in _LABEL.finditer(text) if m.group("label")[0].isupper()]
    if not matches:
        return [Section(None, text)] if text else []
    sections: list[Section] = []
    head = text[: matches[0].start()].strip()
    if head:
        sections.append(Section(None, head))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end() : end].strip()
        if body:
            label = m.group("label")
            sections.append(Section(label.capitalize() if label.isupper() else label, body))
    return sections


def pair_to_article(pair: Pair, source: str = "eval") -> Article:
    """The pair's abstract as an Article (no title: the datasets carry none)."""
    doi = normalize_doi(pair.id) if pair.id.lower().removeprefix("doi:").strip().startswith("10.") else None
    return Article(
        source=source,
        source_id=pair.id,
        title="",
        sections=split_labelled_sections(pair.abstract),
        doi=doi,
        raw_ref=f"line {pair.line}",
    )
