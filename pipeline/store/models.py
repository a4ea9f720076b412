"""SQLAlchemy 2 models. Schema changes go through Alembic migrations in store/migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


# Review statuses and the only transitions allowed between them.
STATUSES = ("new", "in_review", "changes_requested", "approved", "published", "rejected", "retracted")


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    doi: Mapped[str | None] = mapped_column(String(255), unique=True)
    pmid: Mapped[str | None] = mapped_column(String(32), unique=True)
    pmcid: Mapped[str | None] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(Text)
    journal: Mapped[str | None] = mapped_column(String(255))
    publisher: Mapped[str | None] = mapped_column(String(255))
    published: Mapped[date | None] = mapped_column(Date)
    license: Mapped[str | None] = mapped_column(String(255))
    article_type: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(16))
    authors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sections: Mapped[list[Any]] = mapped_column(JSON)  # [{label, text}] in source order
    keywords: Mapped[list[Any]] = mapped_column(JSON, default=list)
    mesh: Mapped[list[Any]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(Text)
    # From Crossref enrichment (pipeline.sources.crossref): funder names, and related works by
    # relation type ({"is-preprint-of": ["10.x/y"], ...}). None until Crossref was asked.
    funders: Mapped[list[str] | None] = mapped_column(JSON)
    relations: Mapped[dict[str, list[str]] | None] = mapped_column(JSON)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    retracted: Mapped[bool] = mapped_column(Boolean, default=False)
    draftable: Mapped[bool] = mapped_column(Boolean, default=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    facts: Mapped[ArticleFacts | None] = relationship(back_populates="article", uselist=False)
    drafts: Mapped[list[Draft]] = relationship(back_populates="article", order_by="Draft.version")
    review_item: Mapped[ReviewItem | None] = relationship(back_populates="article", uselist=False)


class RawRecord(Base):
    """Every payload as fetched, zlib-compressed, so a parser fix can re-derive articles."""

    __tablename__ = "raw_records"
    __table_args__ = (UniqueConstraint("source", "sha256", name="uq_raw_source_sha"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    request: Mapped[str] = mapped_column(Text)  # file name or request URL without secrets
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    content_type: Mapped[str | None] = mapped_column(String(64))


class ArticleFacts(Base):
    __tablename__ = "facts"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    input_fingerprint: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    relevance: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="facts")


class Draft(Base):
    """An immutable draft version. An edit is a new row; nothing updates an existing one."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("article_id", "version", name="uq_draft_article_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    backend: Mapped[str] = mapped_column(String(64))
    model_id: Mapped[str | None] = mapped_column(String(255))
    model_revision: Mapped[str | None] = mapped_column(String(64))
    prompt_id: Mapped[str | None] = mapped_column(String(128))
    prompt_version: Mapped[str | None] = mapped_column(String(32))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    input_fingerprint: Mapped[str] = mapped_column(String(64))
    cache_key: Mapped[str] = mapped_column(String(64), index=True)
    author: Mapped[str | None] = mapped_column(String(128))  # None: written by a backend
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"))
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    duration_ms: Mapped[float | None] = mapped_column(Float)
    # Word swaps the backend made that are in the fields: {field, before, after, origin, start, end}
    # (pipeline/text/swaps.py), shown to editors as "changed X -> Y". NULL for editors' versions.
    swaps: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)

    article: Mapped[Article] = relationship(back_populates="drafts")
    scores: Mapped[list[Score]] = relationship(back_populates="draft")


class Score(Base):
    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("draft_id", "field", "metric", "metric_version", name="uq_score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"), index=True)
    field: Mapped[str] = mapped_column(String(64))
    metric: Mapped[str] = mapped_column(String(64))
    metric_version: Mapped[str] = mapped_column(String(16))
    value: Mapped[float | None] = mapped_column(Float)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # What a metric worked out beside its value, for the draft page (sentence_support: each
    # sentence's best abstract sentence); NULL for metrics without any and rows before 0008.
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="scores")


class ReviewItem(Base):
    __tablename__ = "review_items"
    __table_args__ = (
        Index("ix_review_status_priority", "status", "priority"),
        Index("ix_review_assignee", "assignee"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), unique=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"))
    status: Mapped[str] = mapped_column(String(32), default="new")
    assignee: Mapped[str | None] = mapped_column(String(128))
    lock_until: Mapped[datetime | None] = mapped_column(DateTime)
    priority: Mapped[float] = mapped_column(Float, default=0.0)
    gate_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    # How many of the gate's reasons are errors, not grade limits (migration 0012; rows older than
    # it are filled in by 0013): the queue's "has errors" filter.
    gate_errors: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # When the item was last published (time in queue = created_at -> published_at).
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Per-field "reviewed" ticks: {field: {"by", "sha", "at"}}; a tick counts while the field's
    # text still hashes to "sha" (pipeline.review.workflow.unreviewed_fields).
    reviewed: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    article: Mapped[Article] = relationship(back_populates="review_item")
    draft: Mapped[Draft] = relationship()

    __mapper_args__ = {"version_id_col": row_version}


class AuditEvent(Base):
    """Append-only: database triggers refuse UPDATE and DELETE, and on SQLite any INSERT that reuses
    an id (INSERT OR REPLACE, REPLACE INTO, upserts); see migrations 0001 and 0004."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    article_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    flow: Mapped[str] = mapped_column(String(64), default="nightly")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(32), default="running")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    watermarks_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    watermarks_after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Quarantine(Base):
    __tablename__ = "quarantine"
    __table_args__ = (
        UniqueConstraint("source", "record", "reason_hash", name="uq_quarantine"),
        Index("ix_quarantine_stage_article", "stage", "article_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    source: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(Text)  # file name, request or record id
    stage: Mapped[str] = mapped_column(String(32), default="ingest")
    reason: Mapped[str] = mapped_column(Text)
    reason_hash: Mapped[str] = mapped_column(String(64))
    raw_record_id: Mapped[int | None] = mapped_column(ForeignKey("raw_records.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # draft stage only: the article and the draft cache key that failed (migration 0011); the next
    # run skips the article while its key is unchanged (pipeline.stages.draft.plan)
    article_id: Mapped[int | None] = mapped_column(Integer)
    cache_key: Mapped[str | None] = mapped_column(String(64))


class Watermark(Base):
    __tablename__ = "watermarks"

    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Feedback(Base):
    """Reader answers to "Was this summary helpful?": no personal data is stored."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# ---------------------------------------------------------------------------------------------
# Review app: accounts, comments and the indexes the queue query uses.

ROLES = ("editor", "approver", "admin")


class User(Base):
    """An editor's account; the password is stored only as an argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="editor")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # In every session cookie and checked on every request; raised by sign-out, a password change
    # and disable / enable, which ends every session issued before.
    session_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class Comment(Base):
    """An editor's comment on a review item (on the draft version it was written against)."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("review_items.id"), index=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"))
    author: Mapped[str] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


LEARNED_SWAP_STATUSES = ("proposed", "accepted", "rejected")


class LearnedSwap(Base):
    """A word swap learnt from editors' approved edits (pipeline/review/learned.py).

    Proposed once the same term was replaced the same way in enough approvals by enough editors;
    an admin accepts it (it then feeds ``swap_plain_words`` with origin "editors") or rejects it
    (it is never proposed again). ``evidence`` lists the items, drafts and editors it came from.
    """

    __tablename__ = "learned_swaps"
    __table_args__ = (UniqueConstraint("term", "plain", name="uq_learned_swap"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(200))
    plain: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    approvals: Mapped[int] = mapped_column(Integer, default=0)
    editors: Mapped[int] = mapped_column(Integer, default=0)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class QueueVersion(Base):
    """One row (id 1) whose ``n`` database triggers raise on every write to what the review queue
    shows (review items, drafts, scores, audit events, articles, facts; migration 0009): the queue
    page's caches and ETag are keyed on it (pipeline/store/queue_version.py)."""

    __tablename__ = "queue_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32))  # random per database, set by the migration
    n: Mapped[int] = mapped_column(BigInteger, nullable=False)


class RescoreJob(Base):
    """A saved draft version waiting for its scores (migration 0010): the review app writes the row
    in the save's transaction, the rescoring worker process claims it (``running``, with who and
    when), runs the score stage and deletes it, or keeps it as ``failed`` with the reason
    (pipeline/review/rescore.py)."""

    __tablename__ = "rescore_jobs"

    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # pending | running | failed
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(200))


Index("ix_rescore_jobs_state_submitted", RescoreJob.__table__.c.state, RescoreJob.__table__.c.submitted_at)


# The queue lists items by priority (highest first, id breaks ties), optionally within a status.
Index("ix_review_queue_order", ReviewItem.__table__.c.priority.desc(), ReviewItem.__table__.c.id)
Index(
    "ix_review_status_queue_order",
    ReviewItem.__table__.c.status,
    ReviewItem.__table__.c.priority.desc(),
    ReviewItem.__table__.c.id,
)
Index("ix_review_created", ReviewItem.__table__.c.created_at)
Index("ix_review_lock_until", ReviewItem.__table__.c.lock_until)
Index(
    "ix_review_flags_order",
    ReviewItem.__table__.c.gate_failed.desc(),
    ReviewItem.__table__.c.flag_count.desc(),
    ReviewItem.__table__.c.priority.desc(),
    ReviewItem.__table__.c.id,
)
Index("ix_articles_published", Article.__table__.c.published)
Index("ix_audit_events_actor_action", AuditEvent.__table__.c.actor, AuditEvent.__table__.c.action)
