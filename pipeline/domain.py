"""Records that cross module boundaries: articles, facts, draft fields.

Everything here is plain data (dataclasses) so that stages, the store and the web app can
share it without importing each other.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC-normalise and collapse whitespace; used for fingerprints and comparisons."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fingerprint(*parts: Any) -> str:
    """Stable sha256 over JSON-serialisable parts (the cache-key building block)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Section:
    """One abstract section in source order; ``label`` is None for an unstructured abstract."""

    label: str | None
    text: str


@dataclass
class Article:
    """A normalized article as parsed from any source."""

    source: str
    source_id: str
    title: str
    sections: list[Section]
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    journal: str | None = None
    publisher: str | None = None
    published: date | None = None
    license: str | None = None
    article_type: str | None = None
    authors: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    mesh: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    retracted: bool = False
    raw_ref: str | None = None  # file name or request that produced it (for messages)

    def __post_init__(self) -> None:
        if self.doi:
            self.doi = normalize_doi(self.doi)
        if self.pmcid:
            self.pmcid = normalize_pmcid(self.pmcid)
        if self.pmid:
            self.pmid = str(self.pmid).strip()

    @property
    def abstract(self) -> str:
        """Sections joined as ``Label: text`` lines, as the source data files show them."""
        return "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in self.sections)

    @property
    def abstract_plain(self) -> str:
        return " ".join(s.text for s in self.sections)

    def content_fingerprint(self) -> str:
        """Fingerprint of what drafting depends on: title and abstract sections."""
        return fingerprint(
            normalize_text(self.title),
            [[s.label or "", normalize_text(s.text)] for s in self.sections],
        )


def normalize_doi(doi: str) -> str:
    doi = doi.strip()
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
    return doi.lower()


def normalize_pmcid(pmcid: str) -> str:
    pmcid = str(pmcid).strip().upper()
    return pmcid if pmcid.startswith("PMC") else f"PMC{pmcid}"


@dataclass
class CrossrefWork:
    """What Crossref says about one DOI: parsed by pipeline.sources.crossref, written to the
    store by ``repo.apply_crossref_work``."""

    doi: str
    license: str | None = None
    funders: list[str] = field(default_factory=list)
    relations: dict[str, list[str]] = field(default_factory=dict)
    retracted_by: list[str] = field(default_factory=list)  # notices that retract this work
    retracts: list[str] = field(default_factory=list)  # works this notice retracts


@dataclass(frozen=True)
class Span:
    """A character span in the article's section ``section`` (index into Article.sections)."""

    section: int
    start: int
    end: int
    text: str


@dataclass
class Fact:
    value: str
    span: Span | None = None
    detail: dict[str, Any] = field(default_factory=dict)


NOT_SPECIFIED = "Not specified"


@dataclass
class Facts:
    """Study facts extracted from an abstract, each with the span it came from."""

    design: Fact
    evidence_level: Fact
    participants: Fact
    study_period: Fact
    categories: list[str]
    relevance: float
    participant_count: int | None = None
    # "health research", or "out of scope" with detail["reason"] (pipeline/enrich/scope.py)
    scope: Fact = field(default_factory=lambda: Fact("health research"))

    @property
    def out_of_scope_reason(self) -> str | None:
        """Why the article is not health or biomedical research; None when it is."""
        if self.scope.value != "out of scope":
            return None
        return str(self.scope.detail.get("reason") or "not health or biomedical research")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        def fact(d: dict[str, Any]) -> Fact:
            span = d.get("span")
            return Fact(d["value"], Span(**span) if span else None, d.get("detail") or {})

        return cls(
            design=fact(data["design"]),
            evidence_level=fact(data["evidence_level"]),
            participants=fact(data["participants"]),
            study_period=fact(data["study_period"]),
            categories=list(data.get("categories") or []),
            relevance=float(data.get("relevance") or 0.0),
            participant_count=data.get("participant_count"),
            scope=fact(data["scope"]) if data.get("scope") else Fact("health research"),
        )


@dataclass
class PracticalPoint:
    title: str
    text: str


# Page order of the seed page; renderers and the review app follow it.
DRAFT_TEXT_FIELDS = (
    "simple_explanation",
    "key_findings",
    "research_summary",
    "practical_implications",
    "limitations",
)
FACT_FIELDS = ("study_duration", "participants", "evidence_level", "categories")


@dataclass
class DraftFields:
    """Every field of the published page that we draft."""

    simple_explanation: str
    key_findings: list[str]
    research_summary: str
    practical_implications: list[PracticalPoint]
    limitations: list[str]
    study_duration: str = NOT_SPECIFIED
    participants: str = NOT_SPECIFIED
    evidence_level: str = NOT_SPECIFIED
    categories: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DraftFields:
        data = dict(data)
        data["practical_implications"] = [
            p if isinstance(p, PracticalPoint) else PracticalPoint(**p)
            for p in data.get("practical_implications") or []
        ]
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    def field_texts(self) -> dict[str, str]:
        """Each drafted field as one text, for scoring."""
        return {
            "simple_explanation": self.simple_explanation,
            "key_findings": " ".join(self.key_findings),
            "research_summary": self.research_summary,
            "practical_implications": " ".join(p.text for p in self.practical_implications),
            "limitations": ". ".join(self.limitations),
        }

    def all_text(self) -> str:
        return "\n".join(self.field_texts().values())
