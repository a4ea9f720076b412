"""Prefect flows: thin wiring of the stages in pipeline/stages."""

import os

# Prefect's temporary server must not try to phone home from a closed network.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
