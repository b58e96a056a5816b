"""Reading FtM JSON lines strictly: every line is checked before anything is stored.

A line must be a JSON object with a string `id`, a `schema` FtM knows and may instantiate, and
`properties` mapping properties of that schema to lists of strings FtM's types accept; the
schema's required properties must be there, and an id may appear once per file (fragments of
one entity must be merged first, e.g. with `ftm aggregate`). Other keys FtM writes (`caption`,
`datasets`, `referents`, `first_seen`…) are kept as received. Blank lines are skipped.

Problems are collected for the whole file, each naming its line, so one run shows them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pursuit.cases.ftm.entity import dump_line
from pursuit.errors import EmptyInput, MalformedInput

if TYPE_CHECKING:
    # followthemoney takes most of a second to import: imported where FtM work is done.
    from followthemoney.schema import Schema


__all__ = ["MAX_PROBLEMS", "ReadEntity", "read_lines"]

MAX_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class ReadEntity:
    """One valid line: the entity's id, schema and caption, the line as received and the
    canonical JSON it holds (what re-imports compare and exports write)."""

    line: int
    entity_id: str
    schema: str
    caption: str
    raw: str
    canonical: str


def _schema(data: dict[str, Any]) -> tuple[Schema | None, str | None]:
    from followthemoney import model

    name = data.get("schema")
    if not isinstance(name, str) or not name:
        return None, "has no schema"
    schema = model.get(name)
    if schema is None:
        return None, f"unknown schema {name!r}"
    if schema.abstract:
        return None, f"schema {name!r} is abstract and cannot hold entities"
    return schema, None


def _property_problem(schema: Schema, name: str, values: object) -> str | None:
    prop = schema.properties.get(name)
    if prop is None:
        return f"schema {schema.name} has no property {name!r}"
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return f"property {name!r} must be a list of strings"
    error = prop.validate(values)
    return None if error is None else f"property {name!r}: {error}"


def _problem(data: object) -> str | None:
    """What is wrong with one decoded line, or None."""
    if not isinstance(data, dict):
        return "is not a JSON object"
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        return "has no id"
    schema, problem = _schema(data)
    if schema is None:
        return problem
    props = data.get("properties", {})
    if not isinstance(props, dict):
        return "properties must be a JSON object"
    for name, values in props.items():
        problem = _property_problem(schema, name, values)
        if problem:
            return problem
    missing = sorted(r for r in schema.required if not props.get(r))
    return f"schema {schema.name} needs {', '.join(missing)}" if missing else None


def _read(number: int, raw: str) -> tuple[ReadEntity | None, str | None]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, f"not JSON ({exc.msg} at column {exc.colno})"
    problem = _problem(data)
    if problem is not None:
        return None, problem
    from followthemoney import model

    caption = model.get_proxy(data, cleaned=True).caption
    canonical = dump_line({**data, "properties": data.get("properties", {})})
    return ReadEntity(number, data["id"], data["schema"], caption, raw, canonical), None


def read_lines(lines: Iterable[str], source: str) -> list[ReadEntity]:
    """Every entity of the file, or `MalformedInput` naming each bad line (up to 20)."""
    found: list[ReadEntity] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue
        read, problem = _read(number, raw)
        if read is not None and read.entity_id in first_line:
            problem = f"id {read.entity_id!r} already appeared on line {first_line[read.entity_id]}"
        if problem is not None:
            problems.append(f"line {number}: {problem}")
        elif read is not None:
            first_line[read.entity_id] = number
            found.append(read)
        if len(problems) >= MAX_PROBLEMS:
            problems.append("(stopped after 20 problems)")
            break
    if problems:
        listed = "\n".join(problems)
        raise MalformedInput(f"{source} is not valid FtM; nothing was imported:\n{listed}")
    if not found:
        raise EmptyInput(f"{source} holds no FtM entities; nothing was imported")
    return found
