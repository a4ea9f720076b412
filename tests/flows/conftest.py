"""One temporary Prefect server for the flow tests of this folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="package")
def prefect_harness() -> Iterator[None]:
    """Prefect's test harness (a temporary server and database), started once for tests/flows.

    Starting the server is the slow part of a flow test on a loaded machine, and every flow run
    is its own flow run with its own store, so the tests share one; a test that needs Prefect's
    real first start (tests/flows/test_first_run.py) runs its flow in a subprocess instead.
    """
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):  # its own 30 s is too short on a busy machine
        yield
