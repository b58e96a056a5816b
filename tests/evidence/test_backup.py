"""Backup and restore of a whole workspace, across SQLite and PostgreSQL, and refusals."""

from __future__ import annotations

import json
import tarfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from pursuit.corrections.model import CorrectionAction
from pursuit.corrections.store import correct_entity
from pursuit.errors import BackupDamaged, WorkspaceNotEmpty
from pursuit.evidence.backup import RollingRoot, backup_workspace
from pursuit.evidence.cases import ensure_case
from pursuit.evidence.checkpoint import create_checkpoint, merkle_root
from pursuit.evidence.items import Acquisition, Method
from pursuit.evidence.restore import restore_workspace
from pursuit.evidence.verify import verify_workspace
from pursuit.resolve.judgements import record_judgement
from pursuit.resolve.profiles import list_profiles
from pursuit.search.index import search
from pursuit.security import (
    Identity,
    ensure_vault_key,
    load_vault_key,
    register_witness,
    reveal_witness,
)
from pursuit.settings import Settings
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.backup import snapshot
from pursuit.store.schema import corrections, custody_events, items, judgements
from pursuit.store.workspace import Workspace, create_workspace, open_workspace
from tests.extract.samples import text_pdf

ENGLISH = (
    "Witness statement, taken in Berlin on 3 May 2019.\n\n"
    "In the summer of 2014 the emir Abu Hafs al-Jazrawi ordered the execution of prisoners "
    "in Raqqa. The witness saw Abu Hafs al-Jazrawi at the checkpoint near the bridge.\n"
)
ARABIC = "قال الشاهد إن الأمير أبو حفص الجزراوي أمر بالإعدام في الرقة.\n"
REPORT = "The guard Abu Dujana al-Tunisi beat prisoners in Tabqa prison in 2015."
MEMBERS = {
    "notes-1.txt": "Notes: the commander Abu Omar al-Shishani was seen in Mosul in 2016.\n",
    "notes-2.txt": "Notes: the checkpoint near the bridge in Raqqa was run by foreign fighters.\n",
}


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "statement-en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "شهادة.txt").write_text(ARABIC, encoding="utf-8")
    text_pdf(folder / "report.pdf", [REPORT])
    with zipfile.ZipFile(folder / "notes.zip", "w") as archive:
        for name, text in MEMBERS.items():
            archive.writestr(name, text)
    return sorted(folder.iterdir())


def build(ws: Workspace, folder: Path) -> None:
    """Real intake of real files, a reviewer's judgement and correction, and a checkpoint."""
    acquisition = Acquisition(
        acquired_by="investigator-7",
        acquired_at=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        method=Method.TESTIMONY,
    )
    options = IntakeOptions(case="Raqqa executions", acquisition=acquisition)
    results = list(ingest_paths(ws, _files(folder), options))
    assert {r.status for r in results} == {"new"}, results
    assert any(r.parent_id for r in results)  # archive members point at their parent item
    with ws.write() as conn:
        people = list_profiles(conn, "person")
        assert len(people) >= 2
        record_judgement(conn, people[0].id, people[1].id, "not_same", "reviewer-2", reason="ages")
        correct_entity(conn, people[0].id, CorrectionAction.RENAME, "Abu Hafs", "reviewer-2")
        create_checkpoint(conn, "tester")


@dataclass(frozen=True)
class State:
    """What a user sees of a workspace, to compare before and after."""

    items: list[tuple[Any, ...]]
    events: list[tuple[int, str]]
    judgements: list[tuple[Any, ...]]
    corrections: list[tuple[Any, ...]]
    entities: list[tuple[str, str, str]]
    search: dict[str, list[str]]


def state(ws: Workspace) -> State:
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(
                items.c.id, items.c.sha256, items.c.filename, items.c.parent_id, items.c.acquired_at
            ).order_by(items.c.id)
        )
        events = conn.execute(
            sa.select(custody_events.c.seq, custody_events.c.hash).order_by(custody_events.c.seq)
        )
        judged = conn.execute(sa.select(judgements).order_by(judgements.c.id))
        corrected = conn.execute(sa.select(corrections).order_by(corrections.c.id))
        found = {q: [h.item_id for h in search(conn, q)] for q in ("Raqqa", "الرقة", "Tabqa")}
        people = [(p.id, str(p.type), p.name) for p in list_profiles(conn)]
        return State(
            [tuple(r) for r in rows],
            [(int(seq), str(h)) for seq, h in events],
            [tuple(r) for r in judged],
            [tuple(r) for r in corrected],
            sorted(people),
            found,
        )


def _postgres(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue("postgres_url"))


def _settings(kind: str, home: Path, request: pytest.FixtureRequest) -> Settings:
    url = _postgres(request) if kind == "postgres" else None
    return Settings(home=home, database_url=url, actor="tester")


PG = pytest.mark.postgres
ROUTES = [
    pytest.param("sqlite", "sqlite", id="sqlite-sqlite"),
    pytest.param("sqlite", "postgres", id="sqlite-postgres", marks=PG),
    pytest.param("postgres", "sqlite", id="postgres-sqlite", marks=PG),
]


@pytest.mark.parametrize(("source", "target"), ROUTES)
def test_a_restored_workspace_holds_and_verifies_everything(
    source: str, target: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ws = create_workspace(_settings(source, tmp_path / "source", request))
    build(ws, tmp_path / "files")
    before = state(ws)
    report = backup_workspace(ws, tmp_path / "ws.backup")
    ws.dispose()
    assert report.warnings == []
    assert report.custody.event_count == len(before.events)
    assert report.custody.head_hash == before.events[-1][1]
    assert report.tables["items"] == len(before.items)

    # the restore goes to a new home, so a PostgreSQL source's blobs are not shared with it
    restored = restore_workspace(_settings(target, tmp_path / "restored", request), report.path)
    assert restored.ok, restored.problems
    assert restored.tables == report.tables
    assert restored.blob_count == report.blob_count

    again = open_workspace(_settings(target, tmp_path / "restored", request))
    try:
        after = state(again)
        assert verify_workspace(again).ok
    finally:
        again.dispose()
    assert after.items == before.items
    # the restored log is the source's, followed by the restore's own verification
    assert after.events[: len(before.events)] == before.events
    assert after.judgements == before.judgements
    assert after.corrections == before.corrections
    assert after.entities == before.entities
    assert after.search == before.search
    assert all(after.search.values())


@pytest.mark.parametrize("target", ["sqlite", pytest.param("postgres", marks=PG)])
def test_new_records_after_a_restore_get_fresh_ids(
    target: str, backup_file: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """PostgreSQL's sequences must be moved past the restored ids."""
    settings = _settings(target, tmp_path / "restored", request)
    restored = restore_workspace(settings, backup_file)
    again = open_workspace(settings)
    try:
        with again.write() as conn:
            people = list_profiles(conn, "person")
            judged = record_judgement(conn, people[0].id, people[1].id, "same", "reviewer-3")
        assert judged.id == restored.tables["judgements"] + 1
        assert verify_workspace(again).ok
    finally:
        again.dispose()


def _flip_byte(backup: Path, prefix: str) -> str:
    """Change one byte inside the first member whose name starts with `prefix`."""
    with tarfile.open(backup) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith(prefix))
    with backup.open("r+b") as stream:
        stream.seek(member.offset_data)
        byte = stream.read(1)
        stream.seek(member.offset_data)
        stream.write(bytes([byte[0] ^ 0x01]))
    return member.name


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    ws = create_workspace(Settings(home=tmp_path / "source", actor="tester"))
    build(ws, tmp_path / "files")
    path = backup_workspace(ws, tmp_path / "ws.backup").path
    ws.dispose()
    return path


def _untouched(settings: Settings) -> bool:
    blobs = settings.blobs_path
    no_blobs = not blobs.exists() or not any(p.is_file() for p in blobs.rglob("*"))
    return not (settings.home / "pursuit.sqlite").exists() and no_blobs


def test_a_tampered_backup_is_refused_naming_the_member(backup_file: Path, tmp_path: Path) -> None:
    name = _flip_byte(backup_file, "blobs/")
    target = Settings(home=tmp_path / "restored", actor="tester")
    with pytest.raises(BackupDamaged) as refused:
        restore_workspace(target, backup_file)
    assert name in str(refused.value)
    assert _untouched(target)


def test_a_tampered_table_is_refused_too(backup_file: Path, tmp_path: Path) -> None:
    name = _flip_byte(backup_file, "tables/custody_events")
    target = Settings(home=tmp_path / "restored", actor="tester")
    with pytest.raises(BackupDamaged, match=name):
        restore_workspace(target, backup_file)
    assert _untouched(target)


def test_a_workspace_with_records_is_never_restored_into(backup_file: Path, tmp_path: Path) -> None:
    target = Settings(home=tmp_path / "source", actor="tester")  # the one backed up: full
    ws = open_workspace(target)
    before = state(ws)
    with pytest.raises(WorkspaceNotEmpty, match="not empty"):
        restore_workspace(target, backup_file)
    assert state(ws) == before
    ws.dispose()


def test_an_initialised_empty_workspace_can_be_restored_into(
    backup_file: Path, tmp_path: Path
) -> None:
    target = Settings(home=tmp_path / "restored", actor="tester")
    create_workspace(target).dispose()
    assert restore_workspace(target, backup_file).ok


def test_the_manifest_names_versions_counts_and_a_hash_per_member(backup_file: Path) -> None:
    with tarfile.open(backup_file) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert names[-1] == "manifest.json"
    assert manifest["format"] == "pursuit-backup" and manifest["revisions"]
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert manifest["custody"]["event_count"] > 0
    tables = {t["name"]: t for t in manifest["tables"]}
    assert tables["items"]["columns"]["acquired_at"] == "datetime"
    assert tables["derivatives"]["columns"]["meta"] == "json"


def test_a_backup_never_overwrites_a_file(backup_file: Path, tmp_path: Path) -> None:
    ws = open_workspace(Settings(home=tmp_path / "source", actor="tester"))
    size = backup_file.stat().st_size
    with pytest.raises(Exception, match="already exists"):
        backup_workspace(ws, backup_file)
    ws.dispose()
    assert backup_file.stat().st_size == size


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 7, 8, 13, 33])
def test_the_streamed_merkle_root_is_the_checkpoint_root(count: int) -> None:
    hashes = [f"{i:064x}" for i in range(count)]
    rolling = RollingRoot()
    for h in hashes:
        rolling.add(h)
    assert rolling.root() == merkle_root(hashes)


def _events(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(custody_events)).scalar_one())


def test_a_backup_reads_one_snapshot_while_writers_carry_on(ws: Workspace) -> None:
    with ws.write() as conn:
        ensure_case(conn, "first", "tester")
    with snapshot(ws.settings) as snap:
        seen = _events(snap)
        with ws.write() as conn:  # neither blocked by the snapshot nor visible in it
            ensure_case(conn, "second", "tester")
        assert _events(snap) == seen
    with ws.read() as conn:
        assert _events(conn) == seen + 1


@pytest.mark.parametrize("target", ["sqlite", pytest.param("postgres", marks=PG)])
def test_a_protected_witness_survives_with_the_key_kept_apart(
    target: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The vault's ciphertext (bytes columns) comes back whole; the key is not in the backup."""
    key_file = tmp_path / "outside" / "vault.key"
    source = Settings(home=tmp_path / "source", actor="tester", vault_key_file=key_file)
    ws = create_workspace(source)
    identity = Identity(name="Ahmad Khalil al-Hassan", contact="+963 933 123 456")
    key = ensure_vault_key(ws)
    with ws.write() as conn:
        pseudonym = register_witness(conn, key, "raqqa", None, identity, "tester")
    report = backup_workspace(ws, tmp_path / "ws.backup")
    ws.dispose()
    with tarfile.open(report.path) as tar:
        assert not any(b"vault.key" in m.name.encode() for m in tar.getmembers())

    settings = _settings(target, tmp_path / "restored", request)
    settings = settings.model_copy(update={"vault_key_file": key_file})
    assert restore_workspace(settings, report.path).ok
    again = open_workspace(settings)
    try:
        key = load_vault_key(again)
        with again.write() as conn:
            shown = reveal_witness(conn, key, "raqqa", pseudonym, "tester", "restore check")
    finally:
        again.dispose()
    assert shown == identity
