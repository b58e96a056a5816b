"""Every `pursuit` command pays for what the command line imports before it runs: the libraries
only some commands need (FtM export, near-duplicate sketches, Spark, the language models) are
imported where they are used, so `pursuit alerts` or `pursuit verify` does not wait for them."""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = ["followthemoney", "datasketch", "scipy", "splink", "pyarrow", "pyspark", "spacy"]
DEFERRED += ["sklearn", "playwright"]


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    probe = (
        "import json, sys\n"
        "import pursuit.cli\n"
        f"print(json.dumps([m for m in {DEFERRED!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == []
