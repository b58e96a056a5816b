"""FtM export of a real workspace: every line loads in FtM's own model, the facts land in the
properties an FtM tool reads, a re-export is byte-for-byte the same, and a protected witness
appears only as the pseudonym."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from pursuit.cases.ftm import export_ftm, references
from pursuit.evidence.custody import Action, iter_events
from pursuit.security import VaultKey
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, create_workspace
from tests.cases import claims_corpus, incident_corpus
from tests.cases.ftm.corpus import WITNESS_NAME, by_id, ingest_testimony, named


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    ids = incident_corpus.ingest_corpus(ws, tmp_path / "suwar")
    return ids | claims_corpus.build(ws, tmp_path / "raqqa").ids


def _check_with_ftm(data: dict[str, Any]) -> None:
    """FtM's own reading: a proxy built without cleaning rejects unknown properties, and the
    schema's validation rejects values its types refuse and missing required properties."""
    schema = model.get(data["schema"])
    assert schema is not None and not schema.abstract
    model.get_proxy(data, cleaned=False)
    schema.validate(data)
    assert all(data["properties"].get(r) for r in schema.required), data


def test_every_line_is_valid_ftm_and_every_link_resolves(
    ws: Workspace, corpus: dict[str, str]
) -> None:
    done = export_ftm(ws, "tester")
    assert done.text.endswith("\n") and len(done.text.splitlines()) == len(done.lines)
    entities = by_id(done.lines)
    assert len(entities) == len(done.lines)
    for data in entities.values():
        _check_with_ftm(data)
        assert references(data) <= set(entities), data
    schemas = {e["schema"] for e in entities.values()}
    assert {"Person", "Organization", "Event", "PlainText", "Documentation"} <= schemas
    assert {"Membership", "UnknownLink", "Address"} <= schemas
    assert {i for i in corpus.values()} <= set(entities)


def test_facts_land_in_ftm_properties(ws: Workspace, corpus: dict[str, str]) -> None:
    entities = by_id(export_ftm(ws, "tester").lines)
    emir = named(entities, "Person", claims_corpus.EMIR)
    props = emir["properties"]
    assert props["birthDate"] == ["1985", "1987"]
    assert props["birthPlace"] == ["Buraidah"]
    assert props["position"] == ["emir"]
    assert "presence: Mosul" in props["notes"][0]
    group = named(entities, "Organization", "Islamic State")
    [member] = [e for e in entities.values() if e["schema"] == "Membership"]
    assert member["properties"]["member"] == [emir["id"]]
    assert member["properties"]["organization"] == [group["id"]]

    massacre = named(entities, "Event", "execution in Suwar, summer 2014")["properties"]
    assert (massacre["startDate"], massacre["endDate"]) == (["2014-06-01"], ["2014-08-31"])
    assert massacre["location"] == ["Suwar"]
    suwar = entities[massacre["addressEntity"][0]]["properties"]
    assert suwar["alias"] == ["الصور"] and suwar["latitude"] == ["35.5"]
    halabi = named(entities, "Person", incident_corpus.EMIR)
    arabic = named(entities, "Person", "أبو قاسم الحلبي")
    assert {halabi["id"], arabic["id"]} <= set(massacre["involved"])
    liable = [
        e["properties"]
        for e in entities.values()
        if e["schema"] == "UnknownLink" and e["properties"]["subject"] == [halabi["id"]]
    ]
    assert [p["role"] for p in liable] == [["ordered"]]

    daily = entities[corpus["daily-one.txt"]]["properties"]
    assert daily["fileName"] == ["daily-one.txt"]
    assert daily["sourceUrl"] == ["https://www.daily-one.example/news/emir-raqqa"]
    assert "contentHash" not in daily  # FtM's checksum is SHA-1; ours is SHA-256, in notes
    assert any(n.startswith("sha256: ") and len(n) == 72 for n in daily["notes"][0].split("\n"))
    sourced = {
        e["properties"]["document"][0]
        for e in entities.values()
        if e["schema"] == "Documentation" and e["properties"]["entity"] == [emir["id"]]
    }
    assert corpus["daily-one.txt"] in sourced and corpus["w07-first.txt"] in sourced


def test_export_is_stable_and_logged(ws: Workspace, corpus: dict[str, str]) -> None:
    first, second = export_ftm(ws, "tester"), export_ftm(ws, "tester")
    assert first.text == second.text and first.sha256 == second.sha256
    with ws.read() as conn:
        exported = [e for e in iter_events(conn) if e.action == Action.EXPORTED]
    assert [e.detail_map["sha256"] for e in exported] == [first.sha256, first.sha256]


def test_one_entity_and_its_neighbours(ws: Workspace, corpus: dict[str, str]) -> None:
    entities = by_id(export_ftm(ws, "tester", entity=claims_corpus.EMIR).lines)
    emir = named(entities, "Person", claims_corpus.EMIR)
    assert named(entities, "Organization", "Islamic State")
    assert corpus["monitor.txt"] in entities
    names = [n for e in entities.values() for n in e["properties"].get("name", [])]
    assert not any("Halabi" in n for n in names)  # another case, another man
    pointing = [e for e in entities.values() if emir["id"] in references(e)]
    ends = {r for e in pointing for r in references(e)}
    allowed = {emir["id"]} | {e["id"] for e in pointing} | ends | references(emir)
    assert set(entities) <= allowed


@pytest.fixture
def vault_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"vault_key_file": tmp_path / "outside" / "vault.key"})


def test_a_protected_witness_appears_only_as_the_pseudonym(
    vault_settings: Settings, tmp_path: Path
) -> None:
    from pursuit.security import ensure_vault_key

    vws = create_workspace(vault_settings)
    try:
        key: VaultKey = ensure_vault_key(vws)
        item_id = ingest_testimony(vws, key, tmp_path / "in")
        done = export_ftm(vws, "tester")
    finally:
        vws.dispose()
    assert item_id in by_id(done.lines)
    for secret in ("Ahmad", "Khalil", "Hassan", WITNESS_NAME):
        assert secret not in done.text
    names = [n for e in by_id(done.lines).values() for n in e["properties"].get("name", [])]
    assert any("Dujana" in n for n in names)
    assert "W-001" in done.text  # the pseudonym stands where the name was


def test_screening_reads_the_export_as_a_list(ws: Workspace, tmp_path: Path) -> None:
    from pursuit.screen.profiles import profiles_from_ftm

    claims_corpus.build(ws, tmp_path / "raqqa")
    path = tmp_path / "raqqa.ftm.jsonl"
    path.write_text(export_ftm(ws, "tester").text, encoding="utf-8")
    loaded = profiles_from_ftm(path)
    [emir] = [p for p in loaded.profiles if p.name == claims_corpus.EMIR]
    assert emir.birth_years == (1985, 1987)
    assert loaded.skipped == []
