"""The court package from the command line: `pursuit export --format package` and
`pursuit verify-package`, thin over pursuit.cases.package."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pursuit.cases.package import verify_package as check_package
from pursuit.cli.common import JsonOpt, opened, say
from pursuit.render.casefile import write_case_package

__all__ = ["export_package", "verify_package"]


def export_package(
    *, home: Path | None, entity: str | None, output: Path | None, hashes_only: bool
) -> None:
    """Write the court package of one person or incident (called by `pursuit export`)."""
    if not entity or output is None or str(output) == "-":
        typer.echo("error: --format package needs --entity ID and -o FILE.zip", err=True)
        raise typer.Exit(2)
    with opened(home) as ws:
        report = write_case_package(
            ws, entity, output, hashes_only=hashes_only, actor=ws.settings.actor, progress=say
        )
    say(
        f"court package of {report.entity_name} written to {report.output}\n"
        f"  items: {report.items} ({report.included} originals, {report.hash_only} by hash only, "
        f"{report.withheld} withheld as protected testimony)\n"
        f"  custody events with proofs: {report.events}\n"
        f"  package SHA-256: {report.sha256}\n"
        f"  signed with the workspace key {report.fingerprint}\n"
        "  give the recipient this fingerprint by another channel, so they can trust the signature"
    )


def verify_package(
    package: Annotated[Path, typer.Argument(help="The court package (.zip) to check.")],
    json_out: JsonOpt = False,
) -> None:
    """Check a court package with no workspace: every file, the signature, the custody proofs."""
    checked = check_package(package)
    if json_out:
        sys.stdout.write(json.dumps(checked.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for p in checked.problems:
            typer.echo(f"{p.kind}: {p.path}: {p.detail}")
        verdict = "sound" if checked.ok else f"{len(checked.problems)} problem(s)"
        typer.echo(
            f"{package}: {verdict}; {checked.files} files and {checked.events} custody events "
            f"checked; signing key {checked.fingerprint or 'unknown'}"
        )
    if not checked.ok:
        raise typer.Exit(1)
