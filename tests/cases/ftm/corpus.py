"""Workspaces for the FtM tests: the two real-text cases of tests/cases, taken in through intake,
and a protected witness's testimony."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from pursuit.evidence.items import Acquisition, Method
from pursuit.security import Identity, VaultKey, register_witness, witness_guard
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.schema import metadata
from pursuit.store.workspace import Workspace

WITNESS_NAME = "Ahmad Khalil al-Hassan"
TESTIMONY = (
    "Testimony recorded in Gaziantep on 3 March 2024.\n\n"
    f"My name is {WITNESS_NAME}. In August 2014 I was held in the stadium in Raqqa. The emir "
    "Abu Dujana al-Tunisi ordered the guards to beat the prisoners.\n"
)


def by_id(lines: list[str]) -> dict[str, dict[str, Any]]:
    found = [json.loads(line) for line in lines]
    return {e["id"]: e for e in found}


def named(entities: dict[str, dict[str, Any]], schema: str, name: str) -> dict[str, Any]:
    [found] = [
        e
        for e in entities.values()
        if e["schema"] == schema and name in e["properties"].get("name", [])
    ]
    return found


def row_counts(ws: Workspace) -> dict[str, int]:
    with ws.read() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
        }


def ingest_testimony(ws: Workspace, key: VaultKey, folder: Path) -> str:
    """A protected witness's testimony in case "raqqa"; returns the item id."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "statement.txt"
    path.write_text(TESTIMONY, encoding="utf-8")
    with ws.write() as conn:
        pseudonym = register_witness(conn, key, "raqqa", None, Identity(WITNESS_NAME, ""), "inv-1")
    with ws.read() as conn:
        case_id = conn.exec_driver_sql("SELECT id FROM cases WHERE name = 'raqqa'").scalar_one()
    acquisition = Acquisition("inv-1", datetime(2024, 3, 3, tzinfo=UTC), Method.TESTIMONY)
    guard = witness_guard(ws, key, case_id, pseudonym)
    options = IntakeOptions(case="raqqa", acquisition=acquisition, run_ocr=False, guard=guard)
    [result] = list(ingest_paths(ws, [path], options))
    return str(result.id)
