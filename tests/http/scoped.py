"""A served workspace with two cases, real texts taken in through intake, and users per case.

Case A holds a report and a protected witness's testimony; case B holds another report. The
texts name different people, so each case has its own entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.entities import EntityType
from pursuit.evidence.cases import get_case
from pursuit.evidence.items import Acquisition, Method
from pursuit.resolve.profiles import list_profiles
from pursuit.security import (
    Identity,
    WitnessGuard,
    ensure_vault_key,
    register_witness,
    witness_guard,
)
from pursuit.security.roles import Role
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace
from tests.signin import BASE_URL, bearer

CASE_A = "Raqqa stadium"
CASE_B = "Mosul checkpoint"
REPORT_A = (
    "Report of 3 March 2024. The emir Abu Dujana al-Tunisi ordered the guards in Raqqa to beat "
    "the prisoners held in the stadium in August 2014.\n"
)
REPORT_B = (
    "Report of 9 May 2024. The commander Abu Hafs al-Jazrawi ran the checkpoint near Mosul in "
    "2015 and ordered the arrest of travellers.\n"
)
TESTIMONY = (
    "Testimony recorded in Gaziantep. My name is Ahmad Khalil al-Hassan. In the football "
    "stadium the guard Abu Muhammad al-Shami beat the prisoners with cables.\n"
)


@dataclass(frozen=True)
class TwoCases:
    ws: Workspace
    client: TestClient
    case_a: str
    case_b: str
    item_a: str
    item_b: str
    testimony: str
    person_a: str
    person_b: str


def _take_in(ws: Workspace, folder: Path, name: str, body: str, options: IntakeOptions) -> str:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    [result] = list(ingest_paths(ws, [path], options))
    assert result.status == "new" and result.id, result
    return result.id


def _person(ws: Workspace, case_id: str) -> str:
    with ws.read() as conn:
        people = list_profiles(conn, EntityType.PERSON, case_id)
    assert people, f"no person found in {case_id}"
    return people[0].id


def two_cases(ws: Workspace, folder: Path) -> TwoCases:
    """Both cases taken in, and a client of the app serving them (no one signed in)."""
    folder.mkdir(parents=True, exist_ok=True)
    acquired = Acquisition("inv-1", datetime(2024, 3, 3, tzinfo=UTC), Method.UPLOAD)

    def options(case: str, guard: WitnessGuard | None = None) -> IntakeOptions:
        return IntakeOptions(case=case, acquisition=acquired, run_ocr=False, guard=guard)

    item_a = _take_in(ws, folder, "report-a.txt", REPORT_A, options(CASE_A))
    item_b = _take_in(ws, folder, "report-b.txt", REPORT_B, options(CASE_B))
    key = ensure_vault_key(ws)
    with ws.write() as conn:
        case_a, case_b = get_case(conn, CASE_A).id, get_case(conn, CASE_B).id
        identity = Identity("Ahmad Khalil al-Hassan", "+963 933 123 456")
        pseudonym = register_witness(conn, key, case_a, None, identity, "inv-1")
    guard = witness_guard(ws, key, case_a, pseudonym)
    testimony = _take_in(ws, folder, "statement.txt", TESTIMONY, options(CASE_A, guard=guard))
    client = TestClient(create_app(ws), base_url=BASE_URL)
    return TwoCases(
        ws,
        client,
        case_a,
        case_b,
        item_a,
        item_b,
        testimony,
        _person(ws, case_a),
        _person(ws, case_b),
    )


def user(two: TwoCases, name: str, role: Role, case: str | None) -> dict[str, str]:
    """The bearer header of `name`, given `role` in `case` (every case when None)."""
    return bearer(two.ws, name, role, case=case)
