"""Database connections for backup and restore, and what a restore target already holds.

A backup reads from one consistent snapshot: on SQLite a deferred read transaction (WAL mode lets
writers carry on beside it), on PostgreSQL a REPEATABLE READ, read-only transaction. A restore
loads through a plain engine of its own, because it must build the schema at the backup's
revision rather than the newest one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from pursuit.settings import Settings
from pursuit.store.schema import metadata

__all__ = ["TargetState", "plain_engine", "read_revisions", "snapshot", "target_state"]


def plain_engine(settings: Settings) -> Engine:
    """An engine whose transactions begin as the database's plain BEGIN."""
    if settings.database_url:
        return sa.create_engine(settings.database_url)
    engine = sa.create_engine(
        settings.url, connect_args={"timeout": settings.lock_timeout, "isolation_level": None}
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA journal_mode=WAL")

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


@contextmanager
def snapshot(settings: Settings) -> Iterator[Connection]:
    """A connection that sees the whole workspace as it stood at its first read."""
    engine = plain_engine(settings)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn = conn.execution_options(
                    isolation_level="REPEATABLE READ", postgresql_readonly=True
                )
            with conn.begin() as transaction:
                yield conn
                transaction.rollback()
    finally:
        engine.dispose()


def read_revisions(conn: Connection) -> list[str]:
    """The alembic revisions the database stands at (empty when it has no schema)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return []
    return sorted(str(r) for r in conn.scalars(sa.text("SELECT version_num FROM alembic_version")))


@dataclass(frozen=True, slots=True)
class TargetState:
    """What a restore target holds already: the schema's revisions, filled tables, blob files."""

    revisions: list[str]
    filled_tables: list[str]
    blob_files: bool

    @property
    def empty(self) -> bool:
        return not self.filled_tables and not self.blob_files


def _filled(conn: Connection) -> list[str]:
    present = set(sa.inspect(conn).get_table_names())
    return [
        t.name
        for t in metadata.sorted_tables
        if t.name in present
        and conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first()
    ]


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))


def target_state(settings: Settings) -> TargetState:
    """Look at a target without creating anything: no SQLite file is made by looking."""
    blobs = _has_files(settings.blobs_path)
    if not settings.database_url and not (settings.home / "pursuit.sqlite").exists():
        return TargetState([], [], blobs)
    engine = plain_engine(settings)
    try:
        with engine.connect() as conn:
            return TargetState(read_revisions(conn), _filled(conn), blobs)
    finally:
        engine.dispose()
