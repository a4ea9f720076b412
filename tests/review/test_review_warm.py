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
