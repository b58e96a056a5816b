"""The demo case exercises every extractor: building it is the end-to-end proof of intake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pursuit.demo.build import DemoSummary
from pursuit.evidence.items import list_items
from pursuit.evidence.verify import verify_workspace
from pursuit.extract import EXTRACTORS
from pursuit.search import search
from pursuit.settings import Settings
from pursuit.stages.derivatives import list_derivatives
from pursuit.store.workspace import Workspace, open_workspace

Demo = tuple[Workspace, DemoSummary]


@pytest.fixture
def demo(demo_built: tuple[Settings, DemoSummary]) -> Iterator[Demo]:
    """The demo built once for the run (tests/demo/conftest.py), opened for one test."""
    settings, summary = demo_built
    ws = open_workspace(settings)
    yield ws, summary
    ws.dispose()


def test_every_format_is_read_in_the_demo(demo: Demo) -> None:
    ws, summary = demo
    assert not summary.failed
    assert not [r for r in summary.results if r.warnings]
    with ws.read() as conn:
        used = {
            d.meta.get("extractor")
            for item in list_items(conn)
            for d in list_derivatives(conn, item.id)
        }
        kinds = {d.kind for item in list_items(conn) for d in list_derivatives(conn, item.id)}
    assert {e.name for e in EXTRACTORS} <= used
    assert "ocr" in kinds


def test_demo_text_is_searchable_across_scripts_and_formats(demo: Demo) -> None:
    ws, _ = demo
    with ws.read() as conn:
        ocr_hits = {h.filename for h in search(conn, "الفرنسي")}
        register = {h.filename for h in search(conn, "Bouzerda")}
        french = {h.filename for h in search(conn, "passeur", language="fr")}
    assert "18_media_office_order_scan.pdf" in ocr_hits
    assert "13_register_extract_2017-03.xlsx" in register
    assert "14_notes_kilis_2016-04.odt" in french
    assert "12_tip_from_kilis_2017-02.eml" not in french
    assert verify_workspace(ws).ok


def test_the_demo_case_shows_its_facts_people_and_a_protected_witness(demo: Demo) -> None:
    """The demo's main suspect has graded, corroborated claims and a liable part in an incident
    with its element matrix; a contradiction waits for an analyst; people have roles; the
    protected witness appears only as his pseudonym; one person per role can sign in."""
    from pursuit.cases.claims import claims_section
    from pursuit.cases.incident_json import incidents_section
    from pursuit.cases.incidents import list_incidents
    from pursuit.cases.roles import role_of
    from pursuit.resolve.profiles import get_profile, list_profiles
    from pursuit.security.users import list_users

    ws, _summary = demo
    with ws.read() as conn:
        emir = get_profile(conn, "Abu Hafs al-Jazrawi")
        facts = claims_section(conn, emir)
        incidents = incidents_section(conn, emir)
        case_incidents = list_incidents(conn, [emir.case_id])
        people = [p.name for p in list_profiles(conn, "person")]
        emir_role = role_of(conn, emir.id).role
        hidden = list(search(conn, "Hamwi"))
        shown = list(search(conn, "W-012"))
        names = {u.name for u in list_users(conn)}
        bouzerda = claims_section(conn, get_profile(conn, "Yassin Bouzerda"))
    claims = facts["claims"]
    assert isinstance(claims, list) and claims
    assert max(c["corroboration"] for c in claims) >= 2
    assert all(c["grade"]["reliability"] in "ABCDEF" for c in claims)
    assert any(
        p["liability"] == "ordered" and p["entity_id"] == emir.id
        for i in incidents
        for p in i["persons"]
    )
    assert any(i.elements for i in case_incidents.incidents)  # element matrices of placed ones
    assert any(k["predicate"] == "birth" for k in bouzerda["contradictions"])  # 1991 vs 1993
    assert str(emir_role) == "suspect"
    assert {"lina", "omar", "rev", "vic"} <= names
    assert not any("Hamwi" in name for name in people)
    assert not hidden and shown
