"""Run the nightly flow with the slow test backend; the kill-and-rerun test SIGKILLs this process."""

from __future__ import annotations

import json
import sys

import tests.flows.fault_parts  # noqa: F401 - registers the "sleepy" backend
from pipeline.flows.nightly import run_nightly
from pipeline.settings import load_settings

if __name__ == "__main__":
    overrides = json.loads(sys.argv[1])
    result = run_nightly(load_settings(**overrides))
    print(json.dumps(result["summary"]))
