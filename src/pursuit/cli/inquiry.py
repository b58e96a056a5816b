"""Commands that ask the workspace questions: search, entities, dossier."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pursuit.cases.dossier import build_dossier
from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, workspace
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.entities import Entity, list_entities
from pursuit.search import SearchHit
from pursuit.search import search as run_search

__all__ = ["dossier", "entities", "search"]


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    INCIDENT = "incident"


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
    with ws.read() as conn:
        hits = run_search(conn, query, limit, language)
    if json_out:
        emit_json({"results": [_hit(h) for h in hits]})
        return
    for h in hits:
        typer.echo(f"{h.score:7.3f}  {h.item_id}  {h.filename}\n         {h.snippet}")
    say(f"{len(hits)} result(s)")


def _hit(h: SearchHit) -> dict[str, object]:
    return {"item_id": h.item_id, "filename": h.filename, "snippet": h.snippet, "score": h.score}


def entities(
    type_: Annotated[EntityType | None, typer.Option("--type", help="Only this type.")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Resolved entities with their aliases, mentions and the items that mention them."""
    ws = workspace(home)
    with ws.read() as conn:
        found = list_entities(conn, str(type_) if type_ else None)
    if json_out:
        emit_json({"entities": [_entity(e) for e in found]})
        return
    for e in found:
        aka = f"  (aka {', '.join(e.aliases)})" if e.aliases else ""
        typer.echo(f"{e.id}  {e.type:<12} {e.name}{aka}  [{e.mention_count} mentions]")


def _entity(e: Entity) -> dict[str, object]:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": e.aliases,
        "mentions": e.mention_count,
        "items": e.item_ids,
        "properties": e.properties,
    }


def dossier(
    entity: Annotated[str, typer.Argument(help="Entity id or exact name.")],
    format_: Annotated[DossierFormat, typer.Option("--format")] = DossierFormat.HTML,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    home: HomeOpt = None,
) -> None:
    """A person's or incident's dossier, as HTML or JSON."""
    from pursuit.web.render import render_dossier

    ws = workspace(home)
    with ws.read() as conn:
        built = build_dossier(conn, entity)
    if format_ is DossierFormat.JSON:
        body = json.dumps(built.as_json(), ensure_ascii=False, indent=2)
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
