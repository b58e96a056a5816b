"""Incidents as events: one massacre told in four languages is one incident, a killing
elsewhere stays apart, analysts' merges and splits survive re-extraction, and the element
matrix says what is supported and what is missing. Real texts, taken in through intake."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.cases.incident_edits import merge_incidents, set_element_status, split_incident
from pursuit.cases.incident_json import incidents_section
from pursuit.cases.incidents import CaseIncident, get_incident, list_incidents
from pursuit.errors import (
    IncidentWithoutPlace,
    InvalidIncidentDecision,
    UnknownElement,
    UnknownIncident,
)
from pursuit.resolve.profiles import get_profile
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import Stage
from pursuit.store.schema import element_statuses, incident_links
from pursuit.store.workspace import Workspace
from tests.cases.incident_corpus import EMIR, MASSACRE_FILES, ingest_corpus


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    return ingest_corpus(ws, tmp_path / "files")


def _at(ws: Workspace, place: str) -> list[CaseIncident]:
    with ws.read() as conn:
        return [i for i in list_incidents(conn).incidents if i.place and i.place.label == place]


def test_one_massacre_in_four_languages_is_one_incident(
    ws: Workspace, corpus: dict[str, str]
) -> None:
    [massacre] = _at(ws, "Suwar")
    assert massacre.items == sorted(corpus[n] for n in MASSACRE_FILES)
    assert massacre.corroboration == 4
    assert massacre.place is not None and massacre.place.lat is not None
    assert massacre.when is not None
    assert (massacre.when.start, massacre.when.end) == ("2014-06-01", "2014-08-31")
    assert massacre.when.text == "summer 2014"
    assert massacre.victims is not None
    assert (massacre.victims.count, massacre.victims.approximate) == (300, True)
    said = {m.item_id: m.victims.text for m in massacre.sources if m.victims}
    assert said[corpus["journal-du-levant-fr.txt"]] == "près de 300 civils"
    assert said[corpus["testimony-ar.txt"]] == "نحو 300 مدني"
    assert said[corpus["abendpost-de.txt"]] == "fast 300 Zivilisten"


def test_the_emir_is_linked_to_his_profile_as_having_ordered_it(
    ws: Workspace, corpus: dict[str, str]
) -> None:
    [massacre] = _at(ws, "Suwar")
    with ws.read() as conn:
        emir = get_profile(conn, EMIR)
        section = incidents_section(conn, emir)
    ordered = [p for p in massacre.persons if p.entity_id == emir.id]
    assert [p.liability for p in ordered] == ["ordered"]
    assert corpus["valley-monitor-en.txt"] in ordered[0].items
    assert [i["id"] for i in section] == [massacre.id]
    assert {"entity_id": emir.id, "name": emir.name, "liability": "ordered"}.items() <= next(
        p for p in section[0]["persons"] if p["entity_id"] == emir.id
    ).items()
    assert section[0]["date"] == {"start": "2014-06-01", "end": "2014-08-31", "text": "summer 2014"}


def test_a_killing_elsewhere_stays_apart(ws: Workspace, corpus: dict[str, str]) -> None:
    [killing] = [i for i in _at(ws, "Dayr Ḩāfir")]
    assert killing.items == [corpus["deir-hafer-en.txt"]]
    assert str(killing.kind) == "killing"
    assert killing.when is not None and killing.when.start == "2015-03-01"


def _redo_nlp(ws: Workspace) -> None:
    results = list(reprocess(ws, Stage.NLP))
    assert results and all(r.ok for r in results)


def test_split_and_merge_by_hand_survive_reprocessing(
    ws: Workspace, corpus: dict[str, str]
) -> None:
    [massacre] = _at(ws, "Suwar")
    arabic = corpus["testimony-ar.txt"]
    with ws.write() as conn:
        made = split_incident(conn, massacre.id, [arabic], "a different night", "analyst-1")
    _redo_nlp(ws)
    parts = _at(ws, "Suwar")
    assert sorted(len(i.items) for i in parts) == [1, 3]
    assert {i.id for i in parts} == {made.kept, made.split_off} == {massacre.id, made.split_off}
    with ws.read() as conn:
        apart = get_incident(conn, made.split_off)
    assert apart.items == [arabic]
    assert apart.history and apart.history[-1]["reason"] == "a different night"
    with ws.write() as conn:
        merged = merge_incidents(conn, [made.split_off, massacre.id], "same night", "analyst-2")
    _redo_nlp(ws)
    [again] = _at(ws, "Suwar")
    assert merged == again.id == massacre.id
    assert len(again.items) == 4
    with ws.read() as conn:
        assert get_incident(conn, made.split_off).id == massacre.id  # the old id still finds it
    reasons = [h["reason"] for h in again.history]
    assert reasons == ["a different night", "same night"]


def test_the_element_matrix_lists_supported_and_gap_elements(
    ws: Workspace, corpus: dict[str, str]
) -> None:
    [massacre] = _at(ws, "Suwar")
    rows = {(e.crime, e.element): e for e in massacre.elements}
    killed = rows[("war_crime_murder", "killed")]
    assert str(killed.status) == "supported" and len(killed.items) == 4
    assert str(rows[("war_crime_murder", "protected")].status) == "supported"
    assert str(rows[("war_crime_murder", "aware_status")].status) == "gap"
    assert ("war_crime_execution_without_due_process", "no_fair_court") in rows
    assert ("war_crime_pillage", "appropriated") not in rows
    with ws.write() as conn:
        set_element_status(
            conn,
            massacre.id,
            "war_crime_execution_without_due_process",
            "no_fair_court",
            "supported",
            "two survivors say no court sat",
            "analyst-1",
        )
    [after] = _at(ws, "Suwar")
    row = next(e for e in after.elements if e.element == "no_fair_court")
    assert str(row.status) == "supported"
    assert row.set_by is not None and row.set_by.reason == "two survivors say no court sat"


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.read() as conn:
        links = conn.scalar(sa.select(sa.func.count()).select_from(incident_links))
        statuses = conn.scalar(sa.select(sa.func.count()).select_from(element_statuses))
    return int(links or 0), int(statuses or 0)


def test_bad_input_is_refused_and_changes_nothing(ws: Workspace, corpus: dict[str, str]) -> None:
    [massacre] = _at(ws, "Suwar")
    lone = next(m for m in massacre.sources if m.place is None)  # "The massacre lasted two days."
    with ws.write() as conn:
        made = split_incident(conn, massacre.id, [lone.key], "not clearly the same", "analyst-1")
    before = _counts(ws)
    with ws.write() as conn:
        with pytest.raises(IncidentWithoutPlace, match="no place"):
            set_element_status(
                conn, made.split_off, "war_crime_murder", "killed", "gap", "why", "a"
            )
        with pytest.raises(UnknownElement, match="no element 'motive'"):
            set_element_status(conn, massacre.id, "war_crime_murder", "motive", "gap", "why", "a")
        with pytest.raises(UnknownElement, match="no crime"):
            set_element_status(conn, massacre.id, "theft", "killed", "gap", "why", "a")
        with pytest.raises(InvalidIncidentDecision, match="no status"):
            set_element_status(conn, massacre.id, "war_crime_murder", "killed", "maybe", "w", "a")
        with pytest.raises(InvalidIncidentDecision, match="reason"):
            set_element_status(conn, massacre.id, "war_crime_murder", "killed", "gap", " ", "a")
        with pytest.raises(UnknownIncident, match="ic-nothing"):
            get_incident(conn, "ic-nothing")
        with pytest.raises(UnknownIncident):
            merge_incidents(conn, [massacre.id, "ic-nothing"], "why", "a")
        with pytest.raises(InvalidIncidentDecision, match="two or more"):
            merge_incidents(conn, [massacre.id, massacre.id], "why", "a")
        with pytest.raises(InvalidIncidentDecision, match="not in incident"):
            split_incident(conn, massacre.id, ["it-unknown:3"], "why", "a")
    assert _counts(ws) == before
    with ws.read() as conn:
        listed = list_incidents(conn)
    assert [i.id for i in listed.unplaced] == [made.split_off]
