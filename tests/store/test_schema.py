"""The migrations build exactly the schema the code declares, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pursuit.settings import Settings
from pursuit.store.schema import metadata
from pursuit.store.workspace import Workspace, open_workspace


def _skip_fulltext(obj: object, name: str | None, type_: str, *_: object) -> bool:
    """The full-text index is dialect-specific DDL that the metadata cannot declare."""
    if type_ == "table" and name is not None and name.startswith("search_fts"):
        return False
    return not (type_ == "index" and name == "ix_search_docs_fts")


def test_migrations_match_declared_schema(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": _skip_fulltext, "compare_type": False}
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_reopening_is_idempotent(ws: Workspace, settings: Settings) -> None:
    again = open_workspace(settings)
    with again.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM items").scalar() == 0
    again.dispose()


def test_sqlite_runs_in_wal_mode(sqlite_settings: Settings) -> None:
    ws = open_workspace(sqlite_settings, create=True)
    with ws.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    ws.dispose()
