"""One exception hierarchy. Every message says what happened and what to do next."""

from __future__ import annotations


class PlainsciError(Exception):
    """Base class; ``str(err)`` is meant for the user."""

    code = "E000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" {hint}" if hint else ""))


class ConfigError(PlainsciError):
    code = "E001"


class DataDirError(ConfigError):
    code = "E002"

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(
            f"Data directory {path} {problem}.",
            hint="Create it or point PLAINSCI_DATA_DIR at a writable folder.",
        )


class StoreError(PlainsciError):
    code = "E010"


class DatabaseUnavailable(StoreError):
    code = "E011"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(
            f"Cannot open the database {url}: {reason}.",
            hint="Check PLAINSCI_DATABASE_URL and that the server is running; then run `plainsci db upgrade`.",
        )


class SourceError(PlainsciError):
    code = "E020"


class ParseError(SourceError):
    """A record that cannot be turned into an Article; it is quarantined, the batch goes on."""

    code = "E021"

    def __init__(self, record: str, reason: str) -> None:
        self.record = record
        self.reason = reason
        super().__init__(
            f"Cannot parse {record}: {reason}.",
            hint="The record is quarantined; fix or remove the file and run again.",
        )


class TransientSourceError(SourceError):
    """Worth a retry (429, 5xx, timeouts)."""

    code = "E022"


class UnknownName(PlainsciError):
    code = "E030"

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        super().__init__(
            f"Unknown {kind} {name!r}.", hint=f"Known {kind}s: {', '.join(sorted(known)) or 'none'}."
        )


class DraftError(PlainsciError):
    code = "E040"


class ModelNotFound(DraftError):
    code = "E041"


class PromptError(DraftError):
    code = "E042"


class ReviewError(PlainsciError):
    """A refused request in the review app; ``status_code`` is the HTTP status it answers with."""

    code = "E050"
    status_code = 409


class TransitionError(ReviewError):
    """A refused change to a review item: 403 (role), 404 (no item) or 409 (state); the review
    app answers with ``status_code`` and ``message`` (raised as pipeline.review.workflow's
    ``WorkflowError``)."""

    code = "E051"


class ConflictError(ReviewError):
    """The item changed since the editor loaded it; nothing was saved (HTTP 409, the review app's
    conflict page)."""

    code = "E052"


class NotAuthenticated(ReviewError):
    """No valid session: the review app sends HTML requests to the login page, others get 401."""

    code = "E053"
    status_code = 401

    def __init__(self) -> None:
        super().__init__("Sign in first.", hint="Open /login and sign in with your editor account.")


class RegenerationError(ReviewError):
    """A regeneration the review app refuses (a backend, model or prompt set not available here:
    HTTP 400) or one whose draft, score or enrich stage failed (shown on the draft page)."""

    code = "E054"
    status_code = 400


class SwapDecisionError(ReviewError):
    """A decision on a learned swap that cannot be made (unknown id, already decided): HTTP 409."""

    code = "E055"

    def __init__(self, message: str) -> None:
        super().__init__(message, hint="Reload /learned-swaps to see each swap's current status.")


class ReviewClientError(PlainsciError):
    """A scripted client of the review app (pipeline.review.client: the benchmarks, the tests) got
    a page without the form it reads, or a server that did not come up."""

    code = "E056"


class ExportError(PlainsciError):
    code = "E060"


class DatasetError(PlainsciError):
    """A pairs file that cannot be read; the message names the file and the line."""

    code = "E070"


class LabError(PlainsciError, ValueError):
    """A notebook helper (pipeline/lab/) called with input it cannot use; the message names the
    argument and the hint says what to pass. A ValueError too, as a bad argument is."""

    code = "E080"
