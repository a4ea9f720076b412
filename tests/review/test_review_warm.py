"""The app warms at start-up (everything the draft page, a save's rescoring and the live
readability score load once is loaded before the first request, so the first editor's page does
not pay for it), and every response carries the app's own time for it (Server-Timing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from pipeline.score import faithfulness
from pipeline.text import glossary, readability, words
from tests.review.conftest import edit_form, login, post

# The loaders behind the draft page and a save's rescoring: each fills its cache once per process.
LOADERS: dict[str, Callable[..., Any]] = {
    "CMU dictionary and hyphenator": readability._syllable_sources,
    "Dale-Chall list": readability.easy_words,
    "word frequencies": words._frequencies,
    "stemmer": words._stemmer,
    "plain-language glossary": glossary.load_term_index,
    "own glossary": glossary.own_wordings,
    "report words": faithfulness.report_stems,
}


def _misses() -> dict[str, int]:
    return {name: fn.cache_info().misses for name, fn in LOADERS.items()}  # type: ignore[attr-defined]


def test_everything_the_first_page_and_save_need_is_loaded_before_the_first_request(
    app: Any, filled: Any, testdb: Any
) -> None:
    for fn in LOADERS.values():
        fn.cache_clear()  # type: ignore[attr-defined]
    with TestClient(app) as c:
        assert c.get("/healthz").json() == {"status": "ok"}
        loaded = {name: fn.cache_info().currsize for name, fn in LOADERS.items()}  # type: ignore[attr-defined]
        assert loaded == dict.fromkeys(LOADERS, 1)
        assert set(app.state.warm_seconds) == {"score", "review"}
        env = app.state.templates.env
        compiled = {t.name for t in env.cache.values()} if env.cache is not None else set()
        assert {"item.html", "queue.html", "base.html"} <= compiled  # compiled before any page
        before = _misses()
        login(c, "edna")
        item = filled.item_ids[testdb.DOIS[0]]
        page = c.get(f"/items/{item}")
        assert page.status_code == 200
        form = edit_form(c, item) | {"simple_explanation": "A shorter and plainer explanation."}
        assert post(c, f"/items/{item}/edit", form).status_code == 303
        assert _misses() == before  # nothing was loaded on the editor's time


def test_every_response_says_how_long_the_app_took(client: TestClient) -> None:
    for path in ("/", "/healthz", "/static/does-not-exist.css"):
        timing = client.get(path).headers["server-timing"]
        name, dur = timing.split(";")
        assert name == "app" and dur.startswith("dur=") and float(dur[4:]) >= 0.0


# Run in a fresh interpreter: what the first draft page imports depends on what the process has
# imported before, and the test process has imported every drafter already.
_FIRST_PAGE = """
import sys
from pathlib import Path
from fastapi.testclient import TestClient
from pipeline.review.app import create_app
from pipeline.settings import Settings
from tests.review.conftest import login

data_dir, item = Path(sys.argv[1]), int(sys.argv[2])
settings = Settings(data_dir=data_dir, database_url=None, site_dir=data_dir / "site",
                    secret_key="test-secret-key-0123456789abcdef")
with TestClient(create_app(settings)) as c:
    login(c, "edna")
    before = set(sys.modules)
    assert c.get(f"/items/{item}").status_code == 200
    print("\\n".join(sorted(set(sys.modules) - before)))
"""


def test_the_first_draft_page_imports_nothing_the_start_up_did_not(
    filled: Any, users: Any, testdb: Any, tmp_path: Any
) -> None:
    """The draft page offers regenerating with another backend (``backend_choices``), whose registry
    imports every drafter's modules: the composer's compile ~600 rule patterns, 0.3 s of CPU that
    the first editor's page paid before round 24 (bench/review_load.py, "first open")."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    item = filled.item_ids[testdb.DOIS[0]]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAGE, str(tmp_path), str(item)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert [m for m in done.stdout.split() if m.startswith("pipeline")] == []
