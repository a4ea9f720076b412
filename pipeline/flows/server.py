"""The app of Prefect's temporary server as :class:`~pipeline.flows.PrefectStart` spawns it:
Prefect's own app (``prefect.server.api.server:create_app``), built with the garbage collector
paused.

Importing Prefect's server package and building its app allocate hundreds of thousands of
objects that live as long as the server (API routes, pydantic models, database models); Python's
cyclic collector would scan them again and again while they are made, about an eighth of the
server's CPU until it first answers (round 18). Here the collector is paused while the app is
built, what was built is moved to its permanent generation (``gc.freeze``, as
:func:`pipeline.warm.loading` does for the nightly process) and collection resumes with its
thresholds as they were. The server boots while the nightly process loads its models, and the
run waits for whichever is last: in the small run on a quiet machine, the server.

Imports nothing at module level but :mod:`gc`, so that the pause covers Prefect's imports.
"""

from __future__ import annotations

import gc
from typing import Any


def create_app() -> Any:
    """Prefect's server app (uvicorn's ``--factory``), built with no automatic collection."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        from prefect.server.api.server import create_app as prefect_app

        return prefect_app()
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)
