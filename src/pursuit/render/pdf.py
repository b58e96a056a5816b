"""PDF from HTML by the installed Chromium, so a dossier prints as the page a reader already knows.

Chromium lays out Arabic with HarfBuzz and writes the text layer in logical order, which is what
`pdftotext` and a court's document system read back; a hand-made PDF writer would have to
reimplement bidirectional layout and shaping. The browser runs headless, with a throw-away
profile, no network and no extensions, on a copy of the page in a private temporary folder, and
is killed if it does not finish in time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pursuit.errors import PdfUnavailable

__all__ = ["PdfUnavailable", "chromium_path", "print_pdf"]

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
TIMEOUT_SECONDS = 120.0
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--hide-scrollbars",
    "--mute-audio",
    # Nothing outside the file itself may load: a dossier is self-contained.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def chromium_path() -> str | None:
    """The browser to print with: `PURSUIT_CHROMIUM` if set, else the first one on PATH."""
    chosen = os.environ.get("PURSUIT_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() or shutil.which(chosen) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html: str) -> bytes:
    """The PDF Chromium prints from a self-contained HTML page (A4, backgrounds kept)."""
    browser = chromium_path()
    if browser is None:
        raise PdfUnavailable(
            "cannot make a PDF: no Chromium found (install the chromium package or set "
            "PURSUIT_CHROMIUM to the browser's path); --format html and json still work"
        )
    with tempfile.TemporaryDirectory(prefix="pursuit-pdf-") as tmp:
        folder = Path(tmp)
        page, out = folder / "page.html", folder / "page.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--crash-dumps-dir={folder / 'crashes'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired as exc:
            late = f"Chromium did not finish printing in {TIMEOUT_SECONDS:.0f} s"
            raise PdfUnavailable(late) from exc
        except OSError as exc:
            raise PdfUnavailable(f"cannot start Chromium ({browser}): {exc}") from exc
        if not out.exists() or out.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfUnavailable(
                f"Chromium printed no PDF (exit {done.returncode}): " + " | ".join(tail)
            )
        return out.read_bytes()
