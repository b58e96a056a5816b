"""`pursuit export` and `pursuit import`: the workspace out to other tools and back in.

`--format ftm` writes or reads FollowTheMoney JSON lines (see docs/exchange.md);
`--format package` writes the court package (`pursuit.cli.court`). The FtM core is imported
when a command runs, since FtM loads its whole model on import.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, opened, say
from pursuit.errors import UnreadableInput
from pursuit.evidence.cases import get_case

__all__ = ["ExportFormat", "ImportFormat", "export", "import_", "imported"]


class ExportFormat(StrEnum):
    FTM = "ftm"
    PACKAGE = "package"


class ImportFormat(StrEnum):
    FTM = "ftm"


CaseOpt = Annotated[str | None, typer.Option("--case", help="Only this case (name or id).")]


def export(
    format_: Annotated[ExportFormat, typer.Option("--format", help="ftm or package.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only this entity (id or name).")
    ] = None,
    hashes_only: Annotated[
        bool, typer.Option("--hashes-only", help="Package: hashes instead of originals.")
    ] = False,
    case: CaseOpt = None,
    home: HomeOpt = None,
) -> None:
    """Export as FollowTheMoney JSON lines, or one entity's court package."""
    if format_ is ExportFormat.PACKAGE:
        from pursuit.cli.court import export_package

        export_package(home=home, entity=entity, output=output, hashes_only=hashes_only)
        return
    if hashes_only:
        say("error: --hashes-only belongs to --format package")
        raise typer.Exit(2)
    from pursuit.cases.ftm import export_ftm

    with opened(home) as ws:
        with ws.read() as conn:
            case_ids = None if case is None else [get_case(conn, case).id]
        done = export_ftm(ws, ws.settings.actor, case_ids, entity)
    if output is None or str(output) == "-":
        sys.stdout.write(done.text)
    else:
        output.write_text(done.text, encoding="utf-8")
    say(f"{len(done.lines)} FtM entities written to {output or 'stdout'} (sha256 {done.sha256})")


def _read(file: Path) -> tuple[bytes, str]:
    if str(file) == "-":
        return sys.stdin.buffer.read(), "stdin"
    try:
        return file.read_bytes(), file.name
    except OSError as exc:
        raise UnreadableInput(f"cannot read {file}: {exc.strerror or exc}") from exc


def import_(
    file: Annotated[Path, typer.Argument(help="FtM JSON lines file ('-' for stdin).")],
    format_: Annotated[ImportFormat, typer.Option("--format", help="ftm.")],
    case: Annotated[
        str | None, typer.Option("--case", help="Case to import into (default: default).")
    ] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Import FollowTheMoney JSON lines: every line is checked first; all are stored or none."""
    from pursuit.cases.ftm import import_ftm

    body, source = _read(file)
    with opened(home) as ws:
        done = import_ftm(ws, body, source, case, ws.settings.actor)
    if json_out:
        emit_json(
            {
                "case_id": done.case_id,
                "file": done.source,
                "sha256": done.sha256,
                "entities": done.entities,
                "new": done.new,
                "updated": done.updated,
                "unchanged": done.unchanged,
            }
        )
    say(
        f"{done.entities} FtM entities from {done.source} in case {done.case_id}: "
        f"{done.new} new, {done.updated} updated, {done.unchanged} unchanged"
    )


def imported(case: CaseOpt = None, home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Entities taken in with `pursuit import`, as they stand (latest version of each)."""
    from pursuit.cases.ftm import imported_entities

    with opened(home) as ws, ws.read() as conn:
        case_ids = None if case is None else [get_case(conn, case).id]
        found = imported_entities(conn, case_ids)
    if json_out:
        emit_json(
            {
                "entities": [
                    {
                        "id": e.entity_id,
                        "schema": e.schema,
                        "caption": e.caption,
                        "case_id": e.case_id,
                        "imported_by": e.imported_by,
                        "imported_at": e.imported_at.isoformat(),
                        "source": e.source_name,
                        "source_sha256": e.source_sha256,
                        "entity": e.data,
                    }
                    for e in found
                ]
            }
        )
        return
    for e in found:
        typer.echo(f"{e.entity_id}  {e.schema:<14} {e.caption}  [{e.source_name}]")
    say(f"{len(found)} imported entit{'y' if len(found) == 1 else 'ies'}")
