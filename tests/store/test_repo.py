"""Store: migrations, idempotent upserts keyed by DOI / PMID / PMCID, append-only audit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pipeline.domain import Article, Section
from pipeline.errors import DatabaseUnavailable, DataDirError
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store, current_revision
from tests.conftest import article_from_record


def test_schema_is_at_head(store: Store) -> None:
    from alembic.script import ScriptDirectory

    from pipeline.store.db import alembic_config

    heads = ScriptDirectory.from_config(alembic_config(store.settings.db_url)).get_heads()
    assert len(heads) == 1, "migrations must form one line"
    assert current_revision(store.engine) == heads[0]


def test_the_head_read_from_the_migration_files_is_alembics(store: Store) -> None:
    from alembic.script import ScriptDirectory

    from pipeline.store.db import alembic_config, script_head

    assert script_head() == ScriptDirectory.from_config(alembic_config(store.settings.db_url)).get_heads()[0]


def test_opening_a_store_at_head_does_not_import_alembic(settings) -> None:  # type: ignore[no-untyped-def]
    """Every process that opens the store (each CLI command, the app, each Dask worker) used to
    import Alembic and read its scripts only to find the schema already at head."""
    import subprocess
    import sys

    Store(settings).dispose()  # a new store: migrated
    code = (
        "import sys; from pipeline.settings import load_settings; from pipeline.store.db import Store; "
        f"Store(load_settings(data_dir={str(settings.data_dir)!r})); print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "False", out.stderr[-2000:]


def test_migrations_build_exactly_the_models(store: Store) -> None:
    """The schema that the migrations build (SQLite and PostgreSQL) is the one the ORM declares."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), m.Base.metadata) == []


def test_upsert_is_idempotent_and_merges_ids(store: Store, bmc_records: list[dict]) -> None:
    rec = next(r for r in bmc_records if r.get("pmid") and r.get("pmcid") and r.get("doi"))
    art = article_from_record(rec)
    with store.session() as s:
        row, status = repo.upsert_article(s, art)
        assert status == "new"
        first_id = row.id
    with store.session() as s:
        row, status = repo.upsert_article(s, article_from_record(rec))
        assert (row.id, status) == (first_id, "duplicate")
    # Same paper seen from a source that only knows the PMID and has a fixed abstract: merged, updated.
    other = article_from_record({**rec, "doi": None, "pmcid": None})
    other.sections = [*other.sections, Section("Trial registration", "ISRCTN000")]
    with store.session() as s:
        row, status = repo.upsert_article(s, other)
        assert (row.id, status) == (first_id, "updated")
        assert row.doi == rec["doi"].lower()
    with store.session() as s:
        assert s.scalar(select(func.count(m.Article.id))) == 1


def test_doi_is_normalized_for_matching(store: Store) -> None:
    a = Article(
        source="x",
        source_id="1",
        title="T",
        sections=[Section(None, "text")],
        doi="https://doi.org/10.1186/ABC",
    )
    b = Article(source="y", source_id="2", title="T", sections=[Section(None, "text")], doi="doi:10.1186/abc")
    with store.session() as s:
        repo.upsert_article(s, a)
        _, status = repo.upsert_article(s, b)
    assert status == "duplicate"


def test_raw_payload_archived_once_and_roundtrips(store: Store) -> None:
    payload = b"<xml>" + b"x" * 5000 + b"</xml>"
    with store.session() as s:
        r1 = repo.archive_raw(s, "files", "a.xml", payload, "jats")
        r2 = repo.archive_raw(s, "files", "a.xml", payload, "jats")
        assert r1.id == r2.id
        assert len(r1.payload) < len(payload)
        assert repo.raw_payload(r1) == payload


def test_audit_events_are_append_only(store: Store) -> None:
    with store.session() as s:
        repo.audit(s, "alice", "edit", item_id=1, before={"a": 1}, after={"a": 2})
    for sql in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    with store.session() as s:
        assert s.scalars(select(m.AuditEvent.actor)).all() == ["alice"]


def test_quarantine_is_idempotent(store: Store) -> None:
    with store.session() as s:
        _, created = repo.quarantine(s, source="files", record="bad.xml", reason="malformed XML")
        assert created
        _, created = repo.quarantine(s, source="files", record="bad.xml", reason="malformed XML")
        assert not created


def test_recent_runs_quarantine_and_watermarks_read_newest_first(store: Store) -> None:
    with store.session() as s:
        runs = [m.Run(flow=flow) for flow in ("nightly", "backfill", "redraft")]
        s.add_all(runs)
        for record in ("a.xml", "b.xml", "c.xml"):
            repo.quarantine(s, source="files", record=record, reason="malformed XML")
        s.add(m.Watermark(source="pubmed", value="2024-05-01"))
        s.add(m.Watermark(source="europepmc", value=None))
    with store.session() as s:
        assert [r.flow for r in repo.recent_runs(s, 2)] == ["redraft", "backfill"]
        assert [q.record for q in repo.recent_quarantine(s, 5)] == ["c.xml", "b.xml", "a.xml"]
        assert repo.watermark(s, "pubmed") == "2024-05-01"
        assert repo.watermark(s, "europepmc") is None and repo.watermark(s, "files") is None


def test_a_run_opens_with_its_settings_and_closes_with_the_watermarks_it_leaves(store: Store) -> None:
    with store.session() as s:
        s.add(m.Watermark(source="pubmed", value="2024-05-01"))
        killed = repo.open_run(s, "nightly", {"backend": "composer"})
    with store.session() as s:
        run = repo.open_run(s, "backfill", {"backend": "extractive", "model": None})
        run_id = run.id
        assert s.get(m.Run, killed.id).status == "crashed"  # left 'running' by a killed process
        assert run.status == "running" and run.watermarks_before == {"pubmed": "2024-05-01"}
        s.get(m.Watermark, "pubmed").value = "2024-06-01"
        repo.close_run(s, run, "completed", {"drafted": 3}, [])
    with store.session() as s:
        run = s.get(m.Run, run_id)
        assert (run.status, run.counts, run.errors) == ("completed", {"drafted": 3}, [])
        assert run.settings == {"backend": "extractive", "model": None} and run.finished_at is not None
        assert run.watermarks_after == {"pubmed": "2024-06-01"}


def test_review_item_optimistic_locking(store: Store) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    art = Article(source="x", source_id="1", title="T", sections=[Section(None, "t")], doi="10.1/x")
    with store.session() as s:
        row, _ = repo.upsert_article(s, art)
        d = m.Draft(
            article_id=row.id, version=1, fields={}, backend="b", input_fingerprint="f", cache_key="k"
        )
        s.add(d)
        s.flush()
        item = m.ReviewItem(article_id=row.id, draft_id=d.id)
        s.add(item)
        s.flush()
        item_id = item.id
        assert repo.item_article_ids(s, [item_id, item_id + 1]) == [row.id]  # what redraft drafts again
    s1, s2 = store._sessions(), store._sessions()
    a, b = s1.get(m.ReviewItem, item_id), s2.get(m.ReviewItem, item_id)
    a.status = "in_review"
    s1.commit()
    b.status = "rejected"
    with pytest.raises(StaleDataError):
        s2.commit()
    s1.close()
    s2.close()


def test_unwritable_data_dir_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.settings import load_settings

    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    with pytest.raises(DataDirError, match=str(blocker)):
        Store(load_settings(data_dir=blocker / "sub"))


def test_unreachable_database_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.settings import load_settings

    url = "postgresql+psycopg://u:secret@127.0.0.1:1/db"
    with pytest.raises(DatabaseUnavailable) as info:
        Store(load_settings(data_dir=tmp_path, database_url=url))
    assert "secret" not in str(info.value)
    assert "PLAINSCI_DATABASE_URL" in str(info.value)


def test_processes_opening_a_new_store_together_migrate_it_once(tmp_path: Path) -> None:
    """The nightly flow and the web app (or a flow and its workers) may open a fresh store at the
    same moment: one migrates, the others wait and find the schema at head."""
    import subprocess
    import sys

    data = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if k != "PLAINSCI_DATABASE_URL"}
    env["PLAINSCI_DATA_DIR"] = str(data)
    go = tmp_path / "go"
    code = (
        "import sys, time, pathlib\n"
        "from pipeline.settings import load_settings\n"
        "from pipeline.store.db import Store\n"
        "pathlib.Path(sys.argv[1]).touch()\n"
        f"while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.005)\n"
        "Store(load_settings())\n"
    )
    ready = [tmp_path / f"ready{i}" for i in range(4)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(r)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for r in ready
    ]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.05)
    go.touch()  # all imported: they open the new store at the same moment
    outputs = [(p.wait(timeout=120), p.stdout.read().decode() if p.stdout else "") for p in procs]
    assert all(rc == 0 for rc, _ in outputs), [out for rc, out in outputs if rc]
    from pipeline.settings import load_settings

    store = Store(load_settings(data_dir=data))
    from alembic.script import ScriptDirectory

    from pipeline.store.db import alembic_config

    assert (
        current_revision(store.engine)
        == ScriptDirectory.from_config(alembic_config(store.settings.db_url)).get_heads()[0]
    )
