"""Opening a workspace: its database engine, its blob store and its settings, in one object.

SQLite is the embedded default and runs in WAL mode with one writer at a time: every write
transaction starts with `BEGIN IMMEDIATE`, so two `pursuit ingest` processes queue for the lock
instead of interleaving custody events. PostgreSQL takes a transaction-scoped advisory lock for
the same effect. This is the single seam where the two dialects differ in locking.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from pursuit.errors import WorkspaceBusy, WorkspaceError, WorkspaceMissing
from pursuit.evidence.blobs import BlobStore
from pursuit.settings import Settings
from pursuit.store.migrate import upgrade

__all__ = ["Workspace", "create_workspace", "open_workspace"]

log = logging.getLogger(__name__)

WRITE_LOCK_KEY = 7_310_042  # an arbitrary constant naming pursuit's advisory write lock


@dataclass(frozen=True, slots=True)
class Workspace:
    """A database engine and a blob store that belong together."""

    settings: Settings
    engine: Engine
    blobs: BlobStore

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction holding the workspace's single-writer lock; commits on success."""
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


def open_workspace(settings: Settings, *, create: bool = False) -> Workspace:
    """Open an existing workspace; with `create`, make it first if it does not exist."""
    if create:
        return create_workspace(settings)
    if not _sqlite_file_exists(settings):
        raise WorkspaceMissing(
            f"no workspace at {settings.home}; run `pursuit init --home {settings.home}` first"
        )
    engine = _engine(settings)
    upgrade(engine)
    return Workspace(settings=settings, engine=engine, blobs=BlobStore(settings.blobs_path))
