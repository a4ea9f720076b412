"""The first `plainsci nightly` on a fresh machine: an empty Prefect home on a busy 2-core machine.

Prefect's temporary server creates and migrates its database on its first start; with Prefect's
own 20 s start timeout that failed on a loaded machine ("Timed out while attempting to connect to
ephemeral Prefect API server"). plainsci sets its own timeout (settings.prefect_startup_timeout)
before Prefect is imported.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

BURN_SECONDS = 420  # each burner stops on its own after this, even if the test process dies
# Three bundled sample files: what is slow on a first run is Prefect's first start, not the records.
SAMPLES = ("bmc_xml_1745-6215-16-1.xml", "pubmed_article_19296830.xml", "pmc_1471-2202-6-5.nxml")


def _burners(n: int) -> list[subprocess.Popen[bytes]]:
    """n processes that keep a core busy (bounded in time; killed by the caller)."""
    code = f"import time\nend = time.monotonic() + {BURN_SECONDS}\nwhile time.monotonic() < end:\n    pass\n"
    return [subprocess.Popen([sys.executable, "-c", code]) for _ in range(n)]


def test_first_nightly_with_an_empty_prefect_home_on_a_busy_machine(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    for name in SAMPLES:
        shutil.copy(REPO / "data" / "samples" / name, samples / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        {
            "PREFECT_HOME": str(tmp_path / "prefect-home"),  # empty: no database yet
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PLAINSCI_DATA_DIR": str(tmp_path / "var"),
            "PLAINSCI_SAMPLES_DIR": str(samples),
            "PYTHONPATH": str(REPO),
        }
    )
    burners = _burners(os.cpu_count() or 2)  # every core busy
    # its own process group, so that a timeout takes Prefect's server process with it
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "nightly", "--json"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = run.communicate(timeout=1800)  # minutes on a quiet machine, more on a shared one
    finally:
        for proc in burners:
            proc.kill()
        for proc in burners:
            proc.wait()
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    output = stdout + stderr
    assert "Timed out while attempting to connect" not in output, output[-3000:]
    assert run.returncode == 0, output[-3000:]
    result = json.loads(stdout)
    assert result["status"] == "completed"
    assert result["summary"]["new"] == len(SAMPLES) and result["summary"]["queued"] == len(SAMPLES)
    assert (tmp_path / "prefect-home").is_dir()  # the run used (and created) the empty home
