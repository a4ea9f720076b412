"""Engine, sessions and schema upgrades (Alembic, run programmatically)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session as Session  # re-exported: see below
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError as StaleDataError  # re-exported: see below

from pipeline.errors import DatabaseUnavailable
from pipeline.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

# Session and StaleDataError are re-exported: they are what the other packages use of
# sqlalchemy, which the import contract "Queries live in store/" keeps out of them: the unit of
# work they are handed (to add, get and flush rows; their queries are pipeline.store.queries')
# and the error a versioned row's concurrent update raises.
MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK_KEY = 0x706C61696E736369  # "plainsci": PostgreSQL advisory lock held while migrating


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web app) never block the nightly writer
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def redact(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - unparsable URL: show nothing of it
        return "<unparsable database URL>"


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def script_head() -> str | None:
    """The newest migration's revision, read from the files in ``migrations/versions`` without
    importing Alembic: the one revision no migration names as its ``down_revision``. None when
    that is not exactly one (a branch) or a file cannot be read this way; Alembic decides then."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = {m[1]: m[2] for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))}
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        revisions.add(revision)
        parents.update([down] if isinstance(down, str) else (down or ()))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """Whether the store's schema is already at the newest migration (so opening it needs no
    Alembic: importing it and reading its scripts cost every process that opens a store)."""
    head = script_head()
    if head is None or "alembic_version" not in inspect(engine).get_table_names():
        return False
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head)


def upgrade(settings: Settings, revision: str = "head") -> Engine:
    """Bring the schema to ``revision``; a missing data dir or dead server is a clear error."""
    url = settings.db_url
    if url.startswith("sqlite") and not settings.database_url:
        settings.ensure_data_dir()
    engine = make_engine(url)
    try:
        if revision == "head" and _at_head(engine):
            return engine
        from alembic import command

        with engine.connect() as conn:
            # One migrator at a time: two processes opening a new store together (the nightly flow
            # and the web app, or a flow and its Prefect workers) would otherwise both find no
            # schema and both create it. The second waits here, then finds the schema at head.
            if url.startswith("sqlite"):
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, before the version is read
            else:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            cfg.attributes["settings"] = settings  # a data migration's settings (0013: gate_fail_on_errors)
            command.upgrade(cfg, revision)
            conn.commit()
    except OperationalError as exc:
        raise DatabaseUnavailable(redact(url), str(exc.orig).strip().splitlines()[0]) from exc
    return engine


def current_revision(engine: Engine) -> str | None:
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


class Store:
    """Engine + session factory for one database, schema upgraded on open."""

    def __init__(self, settings: Settings, *, upgrade_schema: bool = True) -> None:
        self.settings = settings
        try:
            self.engine = upgrade(settings) if upgrade_schema else make_engine(settings.db_url)
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(redact(settings.db_url), str(exc)) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commit on success, roll back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
