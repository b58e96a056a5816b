"""The database's own integrity, below the rows verify compares.

SQLite checks every page and index (`PRAGMA integrity_check`) and the links between tables
(`PRAGMA foreign_key_check`, since a row deleted with foreign keys switched off leaves orphans).
PostgreSQL keeps its pages to itself; there every table is read end to end, so a damaged one is
named. Any error reading becomes a problem, never a traceback: a damaged copy must still get a
report that says what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.schema import metadata

__all__ = ["check_database", "unreadable"]

T = TypeVar("T")
INTEGRITY_LIMIT = 100  # messages SQLite gives at most; one damaged page can give many


def unreadable(what: str, exc: sa.exc.DBAPIError | sa.exc.DatabaseError) -> Problem:
    """A read that failed, as a problem naming what was being checked."""
    reason = str(exc.orig) if isinstance(exc, sa.exc.DBAPIError) else str(exc)
    return Problem(ProblemKind.DATABASE_UNREADABLE, what, actual=reason.splitlines()[0])


def guarded(what: str, check: Callable[[], T], empty: T) -> tuple[T, list[Problem]]:
    """Run one check; a database error ends it with a problem instead of an exception."""
    try:
        return check(), []
    except sa.exc.DBAPIError as exc:
        return empty, [unreadable(what, exc)]


def _sqlite_integrity(conn: Connection) -> list[Problem]:
    rows = conn.exec_driver_sql(f"PRAGMA integrity_check({INTEGRITY_LIMIT})").scalars().all()
    return [
        Problem(ProblemKind.DATABASE_DAMAGED, "integrity_check", "ok", str(message))
        for message in rows
        if str(message) != "ok"
    ]


def _sqlite_foreign_keys(conn: Connection) -> list[Problem]:
    problems: list[Problem] = []
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        ref = f"{table} row {rowid}"
        problems.append(Problem(ProblemKind.FOREIGN_KEY_BROKEN, ref, str(parent), None))
    return problems


def _every_table(conn: Connection) -> list[Problem]:
    """Each table read to its end: a count, then every row fetched and dropped."""
    problems: list[Problem] = []
    for table in metadata.sorted_tables:
        try:
            conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for _ in conn.execute(sa.select(table)).yield_per(1000):
                pass
        except sa.exc.DBAPIError as exc:
            problems.append(unreadable(f"table {table.name}", exc))
            conn.rollback()
    return problems


def check_database(conn: Connection) -> list[Problem]:
    """Every integrity check the database offers, as problems."""
    none: list[Problem] = []
    if conn.dialect.name == "sqlite":
        problems, bad = guarded("integrity_check", lambda: _sqlite_integrity(conn), none)
        if problems or bad:  # a check that cannot even finish is damage found, all the same
            damaged = [
                Problem(ProblemKind.DATABASE_DAMAGED, p.reference, "ok", p.actual) for p in bad
            ]
            return problems + damaged
        keys, bad = guarded("foreign keys", lambda: _sqlite_foreign_keys(conn), none)
        return keys + bad
    return _every_table(conn)
