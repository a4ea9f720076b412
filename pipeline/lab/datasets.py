"""Evaluation datasets: JSONL pairs files, editor-approved store items as pairs, the store as a table."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.domain import Article, Section, normalize_doi
from pipeline.errors import DatasetError
from pipeline.settings import REPO_ROOT
from pipeline.sources.markup import sections_at

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.store.db import Store

REQUIRED_KEYS = ("id", "abstract", "plain_summary")
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"  # the research data sets beside the checkout
COCHRANE_VAL = SHARED_DATA / "cochrane_val" / "pairs.jsonl"


@dataclass(frozen=True)
class Pair:
    """One evaluation example: a technical abstract and its human plain-language summary."""

    id: str
    abstract: str
    plain_summary: str  # "" in an abstract-only dataset (reference-free measures only)
    line: int  # 1-based line in the file, for messages
    title: str = ""
    sections: tuple[Section, ...] | None = None  # the record's own sections, when it has them
    # what enrich reads besides the text (categories weigh the journal and keywords, scope asks
    # whether the journal is a health journal), read as the nightly's JSONL source reads them
    # (pipeline/sources/parsers/jsonl.py), so that eval drafts what the nightly run would
    journal: str | None = None
    keywords: tuple[str, ...] = ()
    mesh: tuple[str, ...] = ()  # the store's MeSH terms (a pair from approved_pairs)


def load_pairs(path: Path | str, limit: int | None = None, *, require_summary: bool = True) -> list[Pair]:
    """Read the first ``limit`` pairs (all when None) of a dataset.

    The reference summary is ``plain_summary``, or ``lay_summary`` (the BioLaySumm corpora's key,
    ../shared/data/biolaysumm_dev) when a line has no ``plain_summary``.
    With ``require_summary`` off, a line may lack ``plain_summary`` (an abstract-only dataset such
    as ../shared/data/bmc_sample) and may give ``sections`` ([{label, text}]) instead of
    ``abstract``; its pair has an empty ``plain_summary``. ``title`` is read when present.

    Two layouts are read: a JSONL file of {id, abstract, plain_summary} objects (blank lines are
    skipped), or the parallel text files that seq2seq corpora ship (Devaraj et al.'s
    ``data-1024/test.source`` / ``test.target`` / ``test.doi``, fairseq and Hugging Face examples):
    pass the ``.source`` file; line *i* of ``.source`` and ``.target`` is pair *i*, its id line *i*
    of ``.doi`` (or ``.id``) when there is one, else its line number.
    """
    path = Path(path)
    if limit is not None and limit < 1:
        raise DatasetError(
            f"--limit must be at least 1, not {limit}.", hint="Leave it out to use every pair."
        )
    if path.suffix == ".source":
        return _load_parallel(path, limit)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise DatasetError(
            f"Cannot read the dataset {path}: {exc.strerror or exc}.",
            hint="Pass a JSONL file with one {id, abstract, plain_summary} object per line.",
        ) from exc
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if limit is not None and len(pairs) >= limit:
                break
            line = _decode_line(path, lineno, raw)
            if not line.strip():
                continue
            pair = _parse_line(path, lineno, line, require_summary)
            _remember_id(seen, pair.id, path, lineno)
            pairs.append(pair)
    if not pairs:
        raise DatasetError(f"The dataset {path} has no pairs.", hint="Add one JSON object per line.")
    return pairs


def _decode_line(path: Path, lineno: int, raw: bytes) -> str:
    """One line of a JSONL file as text; invalid UTF-8 is an error naming the file and line."""
    if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(
            f"{path}, line {lineno}: invalid UTF-8 ({exc.reason} at byte {exc.start} of the line).",
            hint="Convert the file to UTF-8 or fix that line.",
        ) from None


def _remember_id(seen: dict[str, int], pair_id: str, path: Path, lineno: int) -> None:
    """Record the line of ``pair_id``; a repeated id is an error naming both lines."""
    if pair_id in seen:
        raise DatasetError(
            f"{path}, line {lineno}: id {pair_id!r} was already used on line {seen[pair_id]}.",
            hint="Give every pair a unique id.",
        )
    seen[pair_id] = lineno


PARALLEL_ID_SUFFIXES = (".doi", ".id")


def parallel_files(source: Path) -> list[Path]:
    """The files of a parallel dataset named by its ``.source`` file: source, target, ids if any."""
    files = [source, source.with_suffix(".target")]
    files += [p for p in (source.with_suffix(s) for s in PARALLEL_ID_SUFFIXES) if p.exists()][:1]
    return files


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(
            f"Cannot read {path}: {exc.strerror or exc}.",
            hint="A parallel dataset needs NAME.source and NAME.target side by side (NAME.doi optional).",
        ) from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(
            f"{path} is not UTF-8 text (byte {exc.start}).", hint="Convert the file to UTF-8."
        ) from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _load_parallel(source: Path, limit: int | None) -> list[Pair]:
    files = parallel_files(source)
    columns = [_read_lines(p) for p in files]
    counts = {str(p): len(c) for p, c in zip(files, columns, strict=True)}
    if len(set(counts.values())) > 1:
        raise DatasetError(
            "The parallel files have different line counts: "
            + ", ".join(f"{p} {n}" for p, n in counts.items())
            + ".",
            hint="Line i of every file must belong to pair i; check for a lost or extra line.",
        )
    ids = columns[2] if len(columns) > 2 else None
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    for i, (abstract, summary) in enumerate(zip(columns[0], columns[1], strict=True)):
        if limit is not None and len(pairs) >= limit:
            break
        lineno = i + 1
        pair_id = ids[i].strip() if ids is not None else str(lineno)
        for name, value in (("id", pair_id), ("source", abstract), ("target", summary)):
            if not value.strip():
                raise DatasetError(
                    f"{source}, line {lineno}: the {name} is empty.",
                    hint="Every line of the parallel files must hold one non-empty text.",
                )
        _remember_id(seen, pair_id, files[-1], lineno)
        pairs.append(Pair(pair_id, abstract, summary, lineno))
    if not pairs:
        raise DatasetError(f"The dataset {source} has no pairs.", hint="Add one text per line.")
    return pairs


def _parse_line(path: Path, lineno: int, line: str, require_summary: bool = True) -> Pair:
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
    sections = _record_sections(obj, where)
    if "plain_summary" not in obj and "lay_summary" in obj:
        obj["plain_summary"] = obj["lay_summary"]  # biolaysumm's name for the reference summary
    if sections is not None and "abstract" not in obj:
        obj["abstract"] = " ".join(s.text for s in sections)
    required = REQUIRED_KEYS if require_summary else REQUIRED_KEYS[:2]
    missing = [k for k in required if k not in obj]
    if missing:
        raise DatasetError(
            f"{where} lacks the key{'s' if len(missing) > 1 else ''} {', '.join(missing)}.",
            hint=f"Every line needs {', '.join(required)}.",
        )
    for key in required:
        value = obj[key]
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, str) or not value.strip():
            raise DatasetError(
                f"{where}: {key!r} must be a non-empty string.", hint="Fix or remove the line."
            )
    summary = obj.get("plain_summary")
    if summary is not None and not isinstance(summary, str):
        raise DatasetError(f"{where}: 'plain_summary' must be a string.", hint="Fix or remove the line.")
    title = obj["title"] if isinstance(obj.get("title"), str) else ""
    journal = obj["journal"] if isinstance(obj.get("journal"), str) and obj["journal"].strip() else None
    raw_keywords = obj.get("keywords")
    keywords = tuple(k for k in raw_keywords if isinstance(k, str)) if isinstance(raw_keywords, list) else ()
    return Pair(
        str(obj["id"]).strip(), obj["abstract"], summary or "", lineno, title, sections, journal, keywords
    )


def _record_sections(obj: dict[str, Any], where: str) -> tuple[Section, ...] | None:
    """A record's own ``sections`` list ([{label, text}]), None when it has none."""
    raw = obj.get("sections")
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(
        isinstance(s, dict) and isinstance(s.get("text"), str) for s in raw
    ):
        raise DatasetError(
            f"{where}: 'sections' must be a list of {{label, text}} objects.", hint="Fix or remove the line."
        )
    return tuple(Section(s.get("label") or None, s["text"]) for s in raw if s["text"].strip())


def cochrane_half(name: str, path: Path | str | None = None) -> list[Pair]:
    """One fixed half of cochrane_val: ``"mine"`` for mining word swaps, ``"eval"`` for evaluation.

    The pairs sorted by id; the eval half is every second pair starting with the second (odd
    positions 1, 3, 5, ...), the mining half the others. Tuning on one half and reporting on the
    other keeps the reported figures honest.
    """
    if name not in ("mine", "eval"):
        raise DatasetError(f"Unknown cochrane half {name!r}.", hint="Use 'mine' or 'eval'.")
    source = Path(path) if path is not None else COCHRANE_VAL
    pairs = sorted(load_pairs(source), key=lambda p: p.id)
    return pairs[1::2] if name == "eval" else pairs[0::2]


def file_sha256(path: Path | str) -> str:
    """sha256 of a dataset's bytes, to pin the exact dataset a run used.

    For a parallel dataset (a ``.source`` path) the digest covers its source, target and id files
    in that order, so that a changed reference changes it too.
    """
    path = Path(path)
    files = parallel_files(path) if path.suffix == ".source" else [path]
    digest = hashlib.sha256()
    for file in files:
        with file.open("rb") as fh:
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
    return sections_at(text, matches, lambda label: label.capitalize() if label.isupper() else label)


def pair_to_article(pair: Pair, source: str = "eval") -> Article:
    """The pair's abstract as an Article (its own title and sections when the record has them)."""
    doi = normalize_doi(pair.id) if pair.id.lower().removeprefix("doi:").strip().startswith("10.") else None
    return Article(
        source=source,
        source_id=pair.id,
        title=pair.title,
        sections=list(pair.sections) if pair.sections else split_labelled_sections(pair.abstract),
        doi=doi,
        journal=pair.journal,
        keywords=list(pair.keywords),
        mesh=list(pair.mesh),
        raw_ref=f"line {pair.line}",
    )


# ---------------------------------------------------------------------------------------------
# Pairs files and the store as datasets


def write_pairs(pairs: list[Pair], path: Path | str) -> Path:
    """Write pairs as JSONL ({id, abstract, plain_summary} per line) that ``load_pairs`` reads back."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(
                json.dumps(
                    {"id": p.id, "abstract": p.abstract, "plain_summary": p.plain_summary}, ensure_ascii=False
                )
                + "\n"
            )
    return path


# Statuses whose current draft an editor has signed off.
APPROVED_STATUSES = ("approved", "published")
# Reader-facing text of a draft: what a pair's plain summary is built from.
SUMMARY_FIELDS = ("simple_explanation", "key_findings")


def draft_summary_text(fields: dict[str, Any], parts: tuple[str, ...] = SUMMARY_FIELDS) -> str:
    """The named draft fields as one text (list fields as sentences), for pairs and edit distance."""
    out: list[str] = []
    for name in parts:
        value = fields.get(name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            text = item.get("text", "") if isinstance(item, dict) else str(item or "")
            text = text.strip()
            if text:
                out.append(text if text[-1] in ".!?" else f"{text}.")
    return " ".join(out)


def approved_pairs(
    store: Store,
    *,
    statuses: tuple[str, ...] = APPROVED_STATUSES,
    parts: tuple[str, ...] = SUMMARY_FIELDS,
    limit: int | None = None,
) -> list[Pair]:
    """Editor-approved items as pairs: the article's abstract -> the approved/published draft text.

    The id is the article's DOI (or ``article-<id>``); ``line`` numbers the pairs from 1.
    """
    from pipeline.store.queries.items import items_in

    with store.session() as s:
        items = items_in(s, statuses)
        pairs: list[Pair] = []
        for item in items:
            art = item.article
            abstract = "\n".join(
                f"{sec['label']}: {sec['text']}" if sec.get("label") else str(sec.get("text", ""))
                for sec in art.sections or []
            ).strip()
            summary = draft_summary_text(item.draft.fields, parts)
            if not abstract or not summary:
                continue
            pairs.append(
                Pair(
                    art.doi or f"article-{art.id}",
                    abstract,
                    summary,
                    len(pairs) + 1,
                    art.title or "",
                    journal=art.journal,
                    keywords=tuple(map(str, art.keywords or ())),
                    mesh=tuple(map(str, art.mesh or ())),
                )
            )
            if limit is not None and len(pairs) >= limit:
                break
    return pairs


def store_frame(store: Store) -> pd.DataFrame:
    """One row per article: ids, title, review status, its current draft and that draft's scores.

    The current draft is the review item's draft, else the newest version. Score columns are
    ``score_<metric>`` (mean over the draft fields the metric applies to); ``flags`` counts the
    warning and error flags of that draft.
    """
    from pipeline.store import repo
    from pipeline.store.queries.articles import articles_with_drafts

    rows: list[dict[str, Any]] = []
    with store.session() as s:
        articles = articles_with_drafts(s)
        for art in articles:
            item = art.review_item
            draft = item.draft if item is not None else (art.drafts[-1] if art.drafts else None)
            row: dict[str, Any] = {
                "article_id": art.id,
                "doi": art.doi,
                "source": art.source,
                "journal": art.journal,
                "published": art.published,
                "title": art.title,
                "first_seen": art.first_seen,
                "draftable": art.draftable,
                "retracted": art.retracted,
                "relevance": art.facts.relevance if art.facts else None,
                "design": (art.facts.data.get("design") or {}).get("value") if art.facts else None,
                "status": item.status if item is not None else None,
                "gate_failed": item.gate_failed if item is not None else None,
                "n_versions": len(art.drafts),
                "draft_id": draft.id if draft else None,
                "draft_version": draft.version if draft else None,
                "author": draft.author if draft else None,
                "backend": draft.backend if draft else None,
                "model_id": draft.model_id if draft else None,
                "prompt_id": draft.prompt_id if draft else None,
                "prompt_version": draft.prompt_version if draft else None,
                "simple_explanation": (draft.fields.get("simple_explanation") if draft else None),
                "flags": 0,
            }
            if draft is not None:
                by_metric: dict[str, list[float]] = {}
                for sc in repo.current_scores(draft.scores):
                    if sc.value is not None:
                        by_metric.setdefault(sc.metric, []).append(float(sc.value))
                    row["flags"] += sum(
                        1 for f in sc.flags or [] if f.get("severity") in ("warning", "error")
                    )
                for metric, values in sorted(by_metric.items()):
                    row[f"score_{metric}"] = sum(values) / len(values)
            rows.append(row)
    import pandas as pd

    return pd.DataFrame.from_records(rows)
