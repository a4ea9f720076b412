"""The page model every renderer and the review app share: one article + one draft, in page order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from pipeline.domain import NOT_SPECIFIED, DraftFields
from pipeline.store import models

# Headings of the seed page, in its order. Renderers and templates iterate this.
SECTION_HEADINGS: dict[str, str] = {
    "simple_explanation": "Simple Explanation",
    "facts": "Study Facts",
    "key_findings": "Key Findings",
    "research_summary": "Research Summary",
    "practical_implications": "Practical Implications",
    "limitations": "Study Limitations",
}
FACT_LABELS: dict[str, str] = {
    "study_duration": "Study Duration",
    "participants": "Participants",
    "evidence_level": "Evidence Level",
}
FEEDBACK_QUESTION = "Was this summary helpful?"
# The breadcrumb and category page of a page that has no category.
UNCATEGORISED = "Other research"
REVIEWED_STATUSES = frozenset({"approved", "published"})


def long_date(value: date | None) -> str:
    """``October 11, 2016``; the seed page's date style."""
    return f"{value:%B} {value.day}, {value.year}" if value else "date not given"


def doi_url(doi: str | None) -> str | None:
    """Resolver link for a DOI, percent-encoding anything a URL must not carry raw."""
    return f"https://doi.org/{quote(doi, safe='/:;()._-')}" if doi else None


@dataclass(frozen=True)
class Citation:
    journal: str | None
    doi: str | None
    published: date | None

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None

    def line(self) -> str:
        """``Journal, Year · DOI: x · Published: Month D, YYYY`` (parts that are missing drop out)."""
        head = ", ".join(str(p) for p in (self.journal, self.year) if p)
        parts = [head] if head else []
        if self.doi:
            parts.append(f"DOI: {self.doi}")
        if self.published:
            parts.append(f"Published: {long_date(self.published)}")
        return " · ".join(parts)


@dataclass(frozen=True)
class Provenance:
    backend: str
    model_id: str | None
    model_revision: str | None
    prompt_id: str | None
    prompt_version: str | None
    author: str | None
    draft_version: int
    created_at: datetime | None

    def line(self) -> str:
        model = self.model_id or "no model"
        if self.model_revision:
            model += f"@{self.model_revision}"
        prompt = f"{self.prompt_id or 'no prompt'}" + (
            f" v{self.prompt_version}" if self.prompt_version else ""
        )
        created = f"{self.created_at:%Y-%m-%d %H:%M} UTC" if self.created_at else "unknown time"
        who = f" · edited by {self.author}" if self.author else ""
        return (
            f"Draft v{self.draft_version} · backend {self.backend} · model {model} · "
            f"prompt {prompt}{who} · created {created}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "model_id": self.model_id,
            "model_revision": self.model_revision,
            "prompt_id": self.prompt_id,
            "prompt_version": self.prompt_version,
            "author": self.author,
            "draft_version": self.draft_version,
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }


@dataclass
class PageModel:
    """Everything a published page shows, in seed-page order."""

    article_id: int
    title: str
    citation: Citation
    fields: DraftFields
    provenance: Provenance
    status: str | None = None
    # The day an editor last approved this draft (the reader-facing "Reviewed ... on" line).
    reviewed_on: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def categories(self) -> list[str]:
        return [c for c in self.fields.categories if c]

    @property
    def reviewed(self) -> bool:
        """Whether an editor approved this draft (only then may a page call itself checked)."""
        return self.status in REVIEWED_STATUSES

    @property
    def breadcrumb(self) -> str:
        return self.categories[0] if self.categories else UNCATEGORISED

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) for the facts box; empty values read "Not specified"."""
        return [(label, getattr(self.fields, key) or NOT_SPECIFIED) for key, label in FACT_LABELS.items()]


_EMPTY_FIELDS: dict[str, Any] = {
    "simple_explanation": "",
    "key_findings": [],
    "research_summary": "",
    "practical_implications": [],
    "limitations": [],
}


def draft_fields(data: dict[str, Any] | None) -> DraftFields:
    """Parse a draft's stored JSON; a field missing from an older row renders empty, not a crash."""
    return DraftFields.from_dict({**_EMPTY_FIELDS, **(data or {})})


def provenance_of(draft: models.Draft) -> Provenance:
    return Provenance(
        backend=draft.backend,
        model_id=draft.model_id,
        model_revision=draft.model_revision,
        prompt_id=draft.prompt_id,
        prompt_version=draft.prompt_version,
        author=draft.author,
        draft_version=draft.version,
        created_at=draft.created_at,
    )


def page_from_rows(
    article: models.Article,
    draft: models.Draft,
    status: str | None = None,
    reviewed_on: date | None = None,
) -> PageModel:
    """Build the page model from store rows (the draft's JSON fields are parsed here, once)."""
    return PageModel(
        reviewed_on=reviewed_on,
        article_id=article.id,
        title=article.title,
        citation=Citation(article.journal, article.doi, article.published),
        fields=draft_fields(draft.fields),
        provenance=provenance_of(draft),
        status=status,
    )
