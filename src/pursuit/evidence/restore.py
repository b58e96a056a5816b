"""`pursuit restore`: a backup file back into an empty workspace, checked before and after.

Nothing is written until every member of the backup has been re-hashed against its manifest; a
changed, missing or added member refuses the whole restore and names it. A target that already
holds records or blobs is refused too: a restore never merges into, or overwrites, evidence. The
schema is built at the backup's own revision, the rows are loaded with their ids in one
transaction, the schema is then brought to today's revision, and the blobs are copied. Finally the
restored workspace is verified, its custody log compared with the head the manifest recorded, and
every table's row count with the manifest's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from pursuit.errors import BackupDamaged, MalformedInput, WorkspaceError, WorkspaceNotEmpty
from pursuit.evidence.backup import Progress
from pursuit.evidence.checkpoint import Checkpoint, compare_checkpoint
from pursuit.evidence.verify import verify_workspace
from pursuit.settings import Settings
from pursuit.store.backup import (
    ArchiveReader,
    CustodyHead,
    Manifest,
    load_table,
    member_path,
    plain_engine,
    reset_sequences,
    restore_order,
    target_state,
    write_blob_file,
)
from pursuit.store.migrate import alembic_config, upgrade
from pursuit.store.workspace import open_workspace

__all__ = ["RestoreReport", "restore_workspace"]


@dataclass(frozen=True, slots=True)
class RestoreReport:
    tables: dict[str, int]
    blob_count: int
    blob_bytes: int
    custody: CustodyHead
    source_version: str
    created_at: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_revisions(manifest: Manifest, label: str) -> None:
    """Refuse a backup whose schema revision this pursuit does not know (made by a newer one)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    for revision in manifest.revisions:
        try:
            scripts.get_revision(revision)
        except CommandError as exc:
            raise MalformedInput(
                f"{label}: made by pursuit {manifest.pursuit_version} at schema revision "
                f"{revision}, which this pursuit does not know; restore it with a newer pursuit"
            ) from exc


def _check_target(settings: Settings, manifest: Manifest) -> None:
    state = target_state(settings)
    where = settings.database_url and "the target database" or str(settings.home)
    if not state.empty:
        held = ", ".join(state.filled_tables) or "none"
        raise WorkspaceNotEmpty(
            f"{where} is not empty (tables with rows: {held}; blob files: "
            f"{'yes' if state.blob_files else 'none'}); restore only into a new, empty workspace"
        )
    if state.revisions and state.revisions != manifest.revisions:
        raise WorkspaceError(
            f"{where} has a schema at revision {', '.join(state.revisions)} but the backup is at "
            f"{', '.join(manifest.revisions)}; restore into a new workspace"
        )


def _check_archive(reader: ArchiveReader, manifest: Manifest, progress: Progress) -> None:
    for name in manifest.members:
        member_path(name)
    check = reader.check(manifest, lambda size: progress("checked", size))
    if not check.ok:
        raise BackupDamaged(
            f"{reader.path}: the backup is damaged and nothing was restored: "
            + "; ".join(check.describe())
        )


def _load_database(
    settings: Settings, reader: ArchiveReader, manifest: Manifest, progress: Progress
) -> dict[str, int]:
    """Schema at the backup's revision, every row in one transaction, then today's schema."""
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = plain_engine(settings)
    loaded: dict[str, int] = {}
    try:
        for revision in manifest.revisions:
            upgrade(engine, revision)
        with engine.begin() as conn:
            for dump in restore_order(manifest.tables):
                with reader.open(dump.member) as stream:
                    loaded[dump.name] = load_table(
                        conn, dump, stream, lambda n: progress("rows", n)
                    )
        upgrade(engine)
        with engine.begin() as conn:
            reset_sequences(conn)
    finally:
        engine.dispose()
    return loaded


def _write_blobs(settings: Settings, reader: ArchiveReader, progress: Progress) -> tuple[int, int]:
    count = size = 0
    for name in reader.names():
        path = member_path(name)
        if path.parts[0] != "blobs":
            continue
        with reader.open(name) as stream:
            write_blob_file(settings.blobs_path, path.relative_to("blobs"), stream)
        size += settings.blobs_path.joinpath(*path.parts[1:]).stat().st_size
        count += 1
        progress("blobs", 1)
    return count, size


def _counts_differ(manifest: Manifest, loaded: dict[str, int]) -> list[str]:
    return [
        f"table {name}: the backup holds {rows} rows but {loaded.get(name, 0)} were loaded"
        for name, rows in manifest.row_counts.items()
        if loaded.get(name, 0) != rows
    ]


def _verify(settings: Settings, manifest: Manifest, loaded: dict[str, int]) -> list[str]:
    """Verification of the restored workspace, its log against the manifest, its row counts."""
    ws = open_workspace(settings)
    try:
        head = manifest.custody
        point = Checkpoint(head.event_count, head.head_hash, head.root, manifest.created_at)
        with ws.read() as conn:
            logged = compare_checkpoint(conn, point, "the custody head recorded in the backup")
        report = verify_workspace(ws)
    finally:
        ws.dispose()
    problems = [str(p) for p in report.problems] + [str(p) for p in logged]
    return problems + _counts_differ(manifest, loaded)


def _no_progress(_phase: str, _amount: int) -> None:
    return None


def restore_workspace(
    settings: Settings, path: Path, on_progress: Progress | None = None
) -> RestoreReport:
    """Restore the backup at `path` into the empty workspace `settings` names."""
    progress = on_progress or _no_progress
    reader = ArchiveReader(path)
    try:
        manifest = reader.manifest()
        _check_revisions(manifest, str(path))
        _check_target(settings, manifest)
        _check_archive(reader, manifest, progress)
        loaded = _load_database(settings, reader, manifest, progress)
        blob_count, blob_bytes = _write_blobs(settings, reader, progress)
    finally:
        reader.close()
    problems = _verify(settings, manifest, loaded)
    return RestoreReport(
        tables=loaded,
        blob_count=blob_count,
        blob_bytes=blob_bytes,
        custody=manifest.custody,
        source_version=manifest.pursuit_version,
        created_at=manifest.created_at,
        problems=problems,
    )
