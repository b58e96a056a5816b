"""Running the system programs extraction relies on (poppler, Tesseract, ffmpeg).

These are the field's best readers for their formats — pdftotext alone keeps Arabic PDF text in
reading order, Tesseract is the open OCR engine with Debian language packs — so they are called
as programs, with a timeout, and a missing one is named with the Debian package that provides it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from pursuit.errors import MalformedInput, ToolMissing

__all__ = ["program_version", "run_program"]

_PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "tesseract": "tesseract-ocr",
    "ffprobe": "ffmpeg",
}


# Tesseract's OpenMP threads fight each other on small machines: one thread per process was
# about 15 times faster on two cores than the default.
_ENVIRONMENT = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        package = _PACKAGES.get(program, program)
        raise ToolMissing(f"{program} is not installed (Debian package {package})")
    return found


def run_program(args: list[str], timeout: float = 600.0, cwd: Path | None = None) -> str:
    """Run a program and return its standard output; failure becomes `MalformedInput`."""
    executable = _require(args[0])
    try:
        done = subprocess.run(
            [executable, *args[1:]],
            capture_output=True,
            timeout=timeout,
            check=False,
            cwd=cwd,
            env=_ENVIRONMENT,
        )
    except subprocess.TimeoutExpired as exc:
        raise MalformedInput(f"{args[0]} gave up after {timeout:.0f} s") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {done.returncode}"
        raise MalformedInput(f"{args[0]} failed: {detail}")
    return done.stdout.decode("utf-8", "replace")


@lru_cache(maxsize=16)
def program_version(program: str) -> str:
    """The version a program reports, recorded beside every derivative it makes."""
    executable = _require(program)
    flag = "-v" if program.startswith("pdf") else "--version"
    done = subprocess.run([executable, flag], capture_output=True, timeout=30, check=False)
    output = (done.stdout or done.stderr).decode("utf-8", "replace").strip().splitlines()
    for line in output:
        words = line.split()
        for word in words:
            if word[:1].isdigit():
                return word
    return output[0] if output else "unknown"
