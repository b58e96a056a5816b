"""The short run of the suite that tries to break pursuit (`make stress` runs the long one).

A few kill -9 of ingest, an upload and reprocess, then recovery; and a few fuzz inputs to every
extractor and importer. Nothing acknowledged may be lost, the record must verify, and no input may
crash an extractor with anything but pursuit's own errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_stress_loses_nothing_and_corrupts_nothing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "stress.py"), "--quick", "--results", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads((tmp_path / "stress-quick.json").read_text())
    assert sum(report["faults"].values()) >= 3, report["faults"]
    assert report["items_lost"] == 0
    assert report["corruptions"] == 0
    assert report["checks"]["kills"]["ok"], report["checks"]["kills"]
    assert report["checks"]["kills"]["files"] > 8
    assert report["findings"] == [], report["findings"]
    assert len(report["inputs"]) >= 20  # every extractor, the hostile files and the importers
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "stress-quick.md").read_text().count("| items lost | 0 |") == 1
