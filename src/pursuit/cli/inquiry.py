"""Commands that ask the workspace questions: search, entities, dossier."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pursuit.api.schemas import (
    DossierOut,
    EntityList,
    EntityOut,
    SearchResponse,
    document,
)
from pursuit.cases.dossier import Dossier, build_dossier
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, opened, say, workspace
from pursuit.entities import EntityType
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.profiles import list_profiles
from pursuit.search import search_across

__all__ = ["dossier", "entities", "search"]


class DossierFormat(StrEnum):
    HTML = "html"
    JSON = "json"
    PDF = "pdf"


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).")],
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    language: Annotated[
        str | None, typer.Option(help="Only texts in this language (ISO 639-1: ar, en, fr…).")
    ] = None,
    exact: Annotated[
        bool,
        typer.Option("--exact", help="Only the words as typed, no other spellings."),
    ] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Full-text search across items, best first; then the query in the other scripts and
    spellings the case uses (gazetteer places, name spellings, transliterations)."""
    with opened(home) as ws, ws.read() as conn:
        found = search_across(conn, query, limit, language, expand=not exact)
    if json_out:
        emit_model(SearchResponse.of(query, found))
        return
    for h in found.hits:
        via = f"  [via {h.via}: {h.expansion}]" if h.expansion else ""
        typer.echo(f"{h.score:7.3f}  {h.item_id}  {h.filename}{via}\n         {h.snippet}")
    for e in found.expansions:
        say(f"also searched: {e.term} for {e.replaces} ({e.via}; {e.found} more item(s))")
    say(f"{len(found.hits)} result(s)")


def entities(
    type_: Annotated[EntityType | None, typer.Option("--type", help="Only this type.")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Resolved entities with their aliases, mentions and the items that mention them."""
    ws = workspace(home)
    try:
        with ws.read() as conn:
            found = list_profiles(conn, type_)
    finally:
        ws.dispose()
    if json_out:
        emit_model(EntityList(entities=[EntityOut.model_validate(e) for e in found]))
        return
    for e in found:
        aka = f"  (aka {', '.join(e.aliases)})" if e.aliases else ""
        typer.echo(f"{e.id}  {e.type:<12} {e.name}{aka}  [{e.mention_count} mentions]")


def _dossier_body(built: Dossier, format_: DossierFormat) -> bytes:
    from pursuit.render import render_dossier
    from pursuit.render.pdf import print_pdf

    if format_ is DossierFormat.JSON:
        body = json.dumps(document(DossierOut.of(built)), ensure_ascii=False, indent=2) + "\n"
        return body.encode("utf-8")
    html = render_dossier(built)
    return print_pdf(html) if format_ is DossierFormat.PDF else html.encode("utf-8")


def dossier(
    entity: Annotated[
        str, typer.Argument(help="Entity id or exact name, or an incident id (ic-…).")
    ],
    format_: Annotated[DossierFormat, typer.Option("--format")] = DossierFormat.HTML,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    home: HomeOpt = None,
) -> None:
    """A person's, organization's or incident's dossier, as HTML, JSON or PDF."""
    to_stdout = output is None or str(output) == "-"
    if format_ is DossierFormat.PDF and to_stdout and sys.stdout.isatty():
        typer.echo("error: a PDF goes to a file: give -o FILE.pdf (or pipe stdout)", err=True)
        raise typer.Exit(2)
    with opened(home) as ws:
        with ws.read() as conn:
            built = build_dossier(conn, entity)
        body = _dossier_body(built, format_)
        details: dict[str, Detail] = {
            "entity": built.entity.id,
            "format": str(format_),
            "items": len(built.manifest),
        }
        with ws.write() as conn:
            case_id = built.entity.case_id
            append_event(conn, Action.EXPORTED, ws.settings.actor, case_id=case_id, details=details)
    if output is None or to_stdout:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        output.write_bytes(body)
        say(f"dossier of {built.entity.name} written to {output}")
