"""Security headers on every response of the review app, and the guards of the feedback endpoint."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pipeline.review.security import RateLimiter, content_security_policy, origin_of, same_origin
from tests.publish.test_publish_render import INTERNALS
from tests.review.conftest import post

PUBLIC = "https://summaries.example.org"


@pytest.fixture
def public_app(store: Any, filled: Any, users: Any, testdb: ModuleType, tmp_path: Path) -> Any:
    from pipeline.review.app import create_app

    settings = testdb.make_settings(tmp_path)
    settings.site_dir = tmp_path / "site"
    settings.public_url = PUBLIC + "/"
    settings.secret_key = "test-secret-key-0123456789abcdef"
    return create_app(settings, store=store)


def assert_secured(response: Any) -> None:
    h = response.headers
    csp = h["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "strict-origin-when-cross-origin"
    assert h["x-content-type-options"] == "nosniff"


def test_every_response_carries_the_security_headers(anon: TestClient, client: TestClient) -> None:
    responses = [
        anon.get("/login"),
        anon.get("/", follow_redirects=False),  # redirect to sign in
        anon.get("/healthz"),
        anon.get("/static/app.css"),
        anon.get("/no-such-page"),
        anon.post("/feedback", data={}),  # 422
        client.get("/"),
        client.get("/items/1"),
        client.get("/items/999999"),
        post(client, "/api/readability", headers={"accept": "application/json"}),
    ]
    assert {r.status_code for r in responses} >= {200, 303, 404, 422}  # type: ignore[attr-defined]
    for r in responses:
        assert_secured(r)


def test_the_published_site_is_served_with_the_headers(
    approver: TestClient, anon: TestClient, filled: Any, testdb: ModuleType
) -> None:
    # before the first publish: the site's shell (index, About, Disclaimer, assets), other pages 404
    for path in ("/site/", "/site/index.html", "/site/about.html", "/site/site.css"):
        shell = anon.get(path)
        assert shell.status_code == 200, path
        assert_secured(shell)
    empty = anon.get("/site/").text
    assert "Nothing is published yet" in empty and "Publish" in empty and "Latest research" in empty
    assert not INTERNALS.search(empty) and "review queue" not in empty
    assert anon.get("/site/site.css").headers["content-type"].startswith("text/css")
    before = anon.get("/site/10.1186-1472-6874-12-16.html", headers={"accept": "application/json"})
    assert before.status_code == 404 and before.json() == {"detail": "Nothing is published yet."}
    assert_secured(before)
    assert anon.get("/site/../plainsci.db").status_code == 404
    item = filled.item_ids[testdb.DOIS[2]]
    assert post(approver, f"/items/{item}/transition", {"action": "publish"}).status_code == 303  # type: ignore[attr-defined]
    assert anon.get("/site/../plainsci.db").status_code == 404
    assert anon.get("/site/%2e%2e/plainsci.db").status_code == 404
    for path in ("/site/", "/site/index.html", "/site/about.html", "/site/site.css", "/site/feedback.js"):
        r = anon.get(path)
        assert r.status_code == 200, path
        assert_secured(r)
    assert "Latest research" in anon.get("/site/").text


def test_csp_lets_forms_and_fetch_reach_the_public_address() -> None:
    csp = content_security_policy((PUBLIC,))
    assert f"form-action 'self' {PUBLIC}" in csp and f"connect-src 'self' {PUBLIC}" in csp


def publish(approver: TestClient, filled: Any, testdb: ModuleType) -> int:
    doi = testdb.DOIS[2]
    assert (
        post(approver, f"/items/{filled.item_ids[doi]}/transition", {"action": "publish"}).status_code == 303
    )  # type: ignore[attr-defined]
    return int(filled.article_ids[doi])


def test_feedback_from_another_site_is_refused(
    public_app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    from tests.review.conftest import login

    with TestClient(public_app) as approver, TestClient(public_app) as anon:
        article = publish(login(approver, "abe"), filled, testdb)
        form = {"article_id": article, "helpful": "yes"}
        json = {"accept": "application/json"}
        for headers in (
            {"origin": "https://evil.example.net"},
            {"origin": "null"},  # a sandboxed frame or a file: page
            {"referer": "https://evil.example.net/page.html"},
            {"origin": "https://summaries.example.org.evil.net"},
            {},  # neither Origin nor Referer
        ):
            r = anon.post("/feedback", data=form, headers={**headers, **json})
            assert r.status_code == 403, headers
            assert "only taken from the pages of the published site" in r.json()["detail"]
        # a plain form post (no JavaScript) gets the refusal in the site's layout, not the app's
        page = anon.post("/feedback", data=form, headers={"origin": "https://evil.example.net"})
        assert page.status_code == 403 and "<h1>Your answer was not saved</h1>" in page.text
        assert f'href="{PUBLIC}/site/index.html">Plain Science</a>' in page.text
        assert not INTERNALS.search(page.text) and "review queue" not in page.text
        ok = [
            {"origin": PUBLIC},
            {"origin": "HTTPS://Summaries.Example.org"},
            {"referer": PUBLIC + "/site/10.1186-1472-6874-12-16.html"},
            {"origin": "http://testserver"},  # the app's own origin: the site it serves itself
        ]
        for headers in ok:
            assert anon.post("/feedback", data=form, headers={**headers, **json}).status_code == 200, headers
    from pipeline.store import models

    with store.session() as s:
        assert s.query(models.Feedback).count() == len(ok)


def test_feedback_is_rate_limited_per_client(
    public_app: Any, store: Any, filled: Any, testdb: ModuleType
) -> None:
    from pipeline.review.routes_public import FEEDBACK_LIMIT
    from pipeline.store import models
    from tests.review.conftest import login

    with TestClient(public_app) as approver, TestClient(public_app) as anon:
        article = publish(login(approver, "abe"), filled, testdb)
        headers = {"origin": PUBLIC, "accept": "application/json"}
        form = {"article_id": article, "helpful": "no"}
        codes = [
            anon.post("/feedback", data=form, headers=headers).status_code for _ in range(FEEDBACK_LIMIT)
        ]
        assert codes == [200] * FEEDBACK_LIMIT
        r = anon.post("/feedback", data=form, headers=headers)
        assert r.status_code == 429
        assert r.json()["detail"].startswith("Too many answers from your connection; please try again in")
        assert int(r.headers["retry-after"]) > 0
        html = anon.post("/feedback", data=form, headers={"origin": PUBLIC})
        assert html.status_code == 429 and "Too many answers" in html.text
    with store.session() as s:
        assert s.query(models.Feedback).count() == FEEDBACK_LIMIT


def test_rate_limiter_window_and_keys() -> None:
    limiter = RateLimiter(limit=2, window_s=3600)
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")  # per client
    assert limiter.retry_after("a") > 0 and limiter.retry_after("b") == 0
    expired = RateLimiter(limit=1, window_s=0.0)
    assert expired.allow("a") and expired.allow("a")  # a window of 0 s forgets at once


def test_a_malformed_public_url_stops_the_app_before_it_serves(testdb: ModuleType, tmp_path: Path) -> None:
    from pipeline.errors import ConfigError
    from pipeline.review.app import create_app

    settings = testdb.make_settings(tmp_path)
    settings.public_url = "summaries.example.org/feedback"
    with pytest.raises(
        ConfigError, match="PLAINSCI_PUBLIC_URL 'summaries.example.org/feedback' is not an http"
    ):
        create_app(settings)
    assert not (tmp_path / "plainsci.db").exists()  # stopped before opening anything


def test_origin_helpers() -> None:
    assert origin_of("https://Example.org:8443/site/x.html?q=1") == "https://example.org:8443"
    assert origin_of("file:///tmp/x.html") is None and origin_of("javascript:alert(1)") is None
    allowed = {"https://example.org"}
    assert same_origin("https://example.org", None, allowed)
    assert same_origin(None, "https://example.org/a", allowed)
    assert not same_origin("null", None, allowed) and not same_origin(None, None, allowed)
