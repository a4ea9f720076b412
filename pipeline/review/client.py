"""What a browser submits from the review app's pages, for scripted clients (the benchmarks
under bench/ and the tests): the edit form's values, a page's CSRF token, waiting for a served
app to answer. One reading of the templates' forms, so a template change is followed in one place.
"""

from __future__ import annotations

import re
import subprocess
import time
from html import unescape

import httpx

from pipeline.errors import ReviewClientError

_TEXTAREA = re.compile(r'<textarea id="e-\w+" name="(\w+)"[^>]*>(.*?)</textarea>', re.S)
_INPUT = re.compile(r'<input id="e-\w+" name="(\w+)" value="([^"]*)"')
_ROW_VERSION = re.compile(r'name="row_version" value="(\d+)"')
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def parse_edit_form(html: str) -> dict[str, str]:
    """The draft page's edit-form values (fields and row version), as a browser would submit them."""
    form = html[html.index('id="edit-form"') :]
    form = form[: form.index("</form>")]
    values = {m.group(1): unescape(m.group(2)) for m in _TEXTAREA.finditer(form)}
    values |= {m.group(1): unescape(m.group(2)) for m in _INPUT.finditer(form)}
    row_version = _ROW_VERSION.search(form)
    if row_version is None:
        raise ReviewClientError(
            "The edit form has no row_version field.", hint="Check the form in templates/item.html."
        )
    values["row_version"] = row_version.group(1)
    return values


def csrf_token(html: str) -> str:
    """The first CSRF token in ``html`` (every form of the app carries one)."""
    match = _CSRF.search(html)
    if match is None:
        raise ReviewClientError("The page has no CSRF token.", hint="Fetch a page that has a form.")
    return match.group(1)


def wait_healthy(url: str, timeout: float = 120.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Until ``url``/healthz answers 200; a server process ``proc`` that exits first is an error."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            output = proc.stdout.read().decode() if proc.stdout else ""
            raise ReviewClientError(
                f"The review app exited with {proc.returncode} before it answered: {output}",
                hint="Fix what its output names and start it again.",
            )
        try:
            if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url}/healthz did not answer within {timeout}s")
