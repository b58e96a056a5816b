"""The court package as the edges make it: the dossier rendered three ways, then packed.

The CLI, the API and the web page all call `write_case_package`, so a package is the same
whichever door it leaves by; the JSON inside is the core dossier contract (`Dossier.as_json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pursuit.cases.dossier import Dossier, build_dossier
from pursuit.cases.package import PackageReport, export_package
from pursuit.render.html import render_dossier
from pursuit.render.pdf import print_pdf
from pursuit.store.workspace import Workspace

__all__ = ["dossier_files", "write_case_package"]


def dossier_files(built: Dossier) -> dict[str, bytes]:
    """The dossier as a package carries it, under data/dossier/: PDF, HTML and JSON."""
    html = render_dossier(built)
    return {
        "dossier/dossier.json": json.dumps(built.as_json(), ensure_ascii=False, indent=2).encode(),
        "dossier/dossier.html": html.encode("utf-8"),
        "dossier/dossier.pdf": print_pdf(html),
    }


def write_case_package(
    ws: Workspace,
    ref: str,
    output: Path,
    *,
    hashes_only: bool,
    actor: str,
    progress: Callable[[str], None] = lambda _: None,
) -> PackageReport:
    """Build the dossier of `ref` (a person or an incident) and write its package to `output`."""
    with ws.read() as conn:
        built = build_dossier(conn, ref)
    progress("printing the dossier to PDF …")
    files = dossier_files(built)
    progress(f"packing {len(built.manifest)} items on {built.entity.name} …")
    return export_package(ws, built, files, output, hashes_only=hashes_only, actor=actor)
