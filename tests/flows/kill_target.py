"""Run the nightly flow with the slow test backend; the kill-and-rerun test SIGKILLs this process."""

from __future__ import annotations

import json
import sys

import tests.flows.fault_parts  # noqa: F401 - registers the "sleepy" backend
from pipeline.flows import prefect_environment
from pipeline.settings import load_settings

if __name__ == "__main__":
    settings = load_settings(**json.loads(sys.argv[1]))
    prefect_environment(settings)  # as the CLI does, before Prefect is imported
    from pipeline.flows.nightly import run_nightly

    result = run_nightly(settings)
    print(json.dumps(result["summary"]))
