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
    SearchHitOut,
    SearchResponse,
    document,
)
from pursuit.cases.dossier import build_dossier
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, say, workspace
from pursuit.entities import EntityType
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.profiles import list_profiles
from pursuit.search import search as run_search

__all__ = ["dossier", "entities", "search"]


class DossierFormat(StrEnum):
    HTML = "html"
    JSON = "json"


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).")],
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    language: Annotated[
        str | None, typer.Option(help="Only texts in this language (ISO 639-1: ar, en, fr…).")
    ] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Full-text search across items, best first."""
    ws = workspace(home)
    try:
        with ws.read() as conn:
            hits = run_search(conn, query, limit, language)
    finally:
        ws.dispose()
    if json_out:
        emit_model(
            SearchResponse(query=query, results=[SearchHitOut.model_validate(h) for h in hits])
        )
        return
    for h in hits:
        typer.echo(f"{h.score:7.3f}  {h.item_id}  {h.filename}\n         {h.snippet}")
    say(f"{len(hits)} result(s)")


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


def dossier(
    entity: Annotated[str, typer.Argument(help="Entity id or exact name.")],
    format_: Annotated[DossierFormat, typer.Option("--format")] = DossierFormat.HTML,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    home: HomeOpt = None,
) -> None:
    """A person's or incident's dossier, as HTML or JSON."""
    from pursuit.render import render_dossier

    ws = workspace(home)
    with ws.read() as conn:
        built = build_dossier(conn, entity)
    if format_ is DossierFormat.JSON:
        body = json.dumps(document(DossierOut.of(built)), ensure_ascii=False, indent=2)
    else:
        body = render_dossier(built)
    with ws.write() as conn:
        details: dict[str, Detail] = {
            "entity": built.entity.id,
            "format": str(format_),
            "items": len(built.manifest),
        }
        append_event(conn, Action.EXPORTED, ws.settings.actor, details=details)
    if output is None or str(output) == "-":
        sys.stdout.write(body + "\n")
    else:
        output.write_text(body, encoding="utf-8")
        say(f"dossier of {built.entity.name} written to {output}")
