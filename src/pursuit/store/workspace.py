"""Opening a workspace: its database engine, its blob store and its settings, in one object.

SQLite is the embedded default and runs in WAL mode with one writer at a time: every write
transaction starts with `BEGIN IMMEDIATE`, so two `pursuit ingest` processes queue for the lock
instead of interleaving custody events. PostgreSQL takes a transaction-scoped advisory lock for
the same effect. This is the single seam where the two dialects differ in locking.

A workspace can also be opened read-only, for verifying a write-protected forensic copy or one on
a full disk: nothing is migrated and nothing can be written. SQLite opens the file with
`mode=ro`, or `immutable=1` when its folder is write-protected too (SQLite could not even make
its shared-memory file there); PostgreSQL makes every transaction read-only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from pursuit.errors import WorkspaceBusy, WorkspaceError, WorkspaceMissing
from pursuit.settings import Settings
from pursuit.store.blobs import BlobStore
from pursuit.store.migrate import alembic_config, upgrade

__all__ = ["Workspace", "create_workspace", "open_workspace", "sqlite_path", "writable"]

log = logging.getLogger(__name__)

WRITE_LOCK_KEY = 7_310_042  # an arbitrary constant naming pursuit's advisory write lock


@dataclass(frozen=True, slots=True)
class Workspace:
    """A database engine and a blob store that belong together."""

    settings: Settings
    engine: Engine
    blobs: BlobStore
    read_only: bool = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction holding the workspace's single-writer lock; commits on success."""
        if self.read_only:
            raise WorkspaceError(f"the workspace at {self.settings.home} was opened read-only")
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
                yield conn
        except sa.exc.OperationalError as exc:
            if "locked" in str(exc).lower():
                raise WorkspaceBusy(
                    f"the workspace is busy: another process held its write lock for more than "
                    f"{self.settings.lock_timeout:.0f} s"
                ) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection; SQLite's WAL lets it run beside a writer."""
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(settings: Settings) -> Engine:
    engine = sa.create_engine(
        settings.url,
        connect_args={"timeout": settings.lock_timeout, "isolation_level": None},
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={int(settings.lock_timeout * 1000)}")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # pysqlite's own BEGIN is deferred; a deferred writer can deadlock on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _engine(settings: Settings) -> Engine:
    if settings.database_url:
        return sa.create_engine(settings.database_url, pool_pre_ping=True)
    return _sqlite_engine(settings)


def _sqlite_file_exists(settings: Settings) -> bool:
    return settings.database_url is not None or (settings.home / "pursuit.sqlite").exists()


def create_workspace(settings: Settings) -> Workspace:
    """Create (or bring up to date) the workspace described by `settings`."""
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        settings.blobs_path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"cannot create workspace folder {settings.home}: {exc}") from exc
    engine = _engine(settings)
    upgrade(engine)
    log.info("workspace ready at %s", settings.url)
    return Workspace(settings=settings, engine=engine, blobs=BlobStore(settings.blobs_path))


def open_workspace(
    settings: Settings, *, create: bool = False, read_only: bool = False
) -> Workspace:
    """Open an existing workspace; with `create`, make it first if it does not exist; with
    `read_only`, open it without migrating or writing anything."""
    if create:
        return create_workspace(settings)
    if not _sqlite_file_exists(settings):
        raise WorkspaceMissing(
            f"no workspace at {settings.home}; run `pursuit init --home {settings.home}` first"
        )
    if read_only:
        return _open_read_only(settings)
    engine = _engine(settings)
    upgrade(engine)
    return Workspace(settings=settings, engine=engine, blobs=BlobStore(settings.blobs_path))


def sqlite_path(settings: Settings) -> Path:
    return settings.home / "pursuit.sqlite"


def _may_write(path: Path) -> bool:
    """Writable by this process, and not write-protected by its mode bits: `chmod a-w` marks a
    forensic copy as not to be touched, even for an administrator whom it would not stop."""
    try:
        protected = path.stat().st_mode & 0o222 == 0
    except OSError:
        return False
    return not protected and os.access(path, os.W_OK)


def writable(settings: Settings) -> bool:
    """Whether the workspace's SQLite file and folder may be written (always, for a server
    database: whether the server accepts writes shows only when one is tried)."""
    if settings.database_url:
        return True
    return _may_write(settings.home) and _may_write(sqlite_path(settings))


def _read_only_flags(settings: Settings) -> list[str]:
    """How to open the SQLite file read-only, best first. `mode=ro` still reads the WAL but needs
    to create its shared-memory file; `immutable=1` needs nothing written, and is safe only when
    there is no WAL to read (the last connection to close folds it into the file)."""
    path = sqlite_path(settings)
    wal = path.with_name(path.name + "-wal")
    pending = wal.is_file() and wal.stat().st_size > 0
    if pending:
        return ["mode=ro"]
    return ["mode=ro", "immutable=1"] if _may_write(settings.home) else ["immutable=1"]


def _read_only_sqlite(settings: Settings, flag: str) -> Engine:
    url = f"sqlite:///file:{quote(str(sqlite_path(settings).resolve()))}?{flag}&uri=true"
    engine = sa.create_engine(url, connect_args={"timeout": settings.lock_timeout})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA query_only=ON")
        cur.execute(f"PRAGMA busy_timeout={int(settings.lock_timeout * 1000)}")
        cur.close()

    return engine


def _check_schema_current(engine: Engine, settings: Settings) -> None:
    """A read-only workspace cannot be migrated: its schema must already be this version's."""
    wanted = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current != wanted:
        raise WorkspaceError(
            f"the workspace at {settings.home} has an older schema and is read-only, so it cannot "
            "be brought up to date; verify a writable copy"
        )


def _read_only_engines(settings: Settings) -> Iterator[Engine]:
    if settings.database_url:
        options = {"options": "-c default_transaction_read_only=on"}
        yield sa.create_engine(settings.database_url, pool_pre_ping=True, connect_args=options)
        return
    for flag in _read_only_flags(settings):
        yield _read_only_sqlite(settings, flag)


def _open_read_only(settings: Settings) -> Workspace:
    """The first read-only way of opening that works; the last one's error if none does."""
    engines = list(_read_only_engines(settings))
    for n, engine in enumerate(engines):
        try:
            _check_schema_current(engine, settings)
        except sa.exc.OperationalError:
            engine.dispose()
            if n == len(engines) - 1:
                raise
            continue
        except BaseException:
            engine.dispose()
            raise
        blobs = BlobStore(settings.blobs_path)
        return Workspace(settings=settings, engine=engine, blobs=blobs, read_only=True)
    raise WorkspaceError(f"cannot open the workspace at {settings.home} read-only")
