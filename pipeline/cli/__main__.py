"""`python -m pipeline.cli`: the same as the `plainsci` command."""

import sys

from pipeline.cli import app

sys.exit(app())
