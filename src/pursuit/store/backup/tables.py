"""The logical dump: every table of pursuit's schema as JSON lines, and loading them back.

Rows are dumped in primary-key order and loaded in dependency order (`metadata.sorted_tables`), so
foreign keys hold on PostgreSQL, where they are checked row by row. A table that refers to itself
(an archive member's parent item) may list a child before its parent in key order; such rows wait
until their parent is in. Ids are loaded as they were, so custody events, judgements and
corrections keep pointing at the same records; PostgreSQL's sequences are then moved past them.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.store.backup.codec import Codec, codec_for, decode, encode, sql_type
from pursuit.store.backup.manifest import TableDump
from pursuit.store.schema import metadata

__all__ = ["dump_table", "dumped_tables", "load_table", "reset_sequences", "restore_order"]

BATCH = 1000
Progress = Callable[[int], None]


def dumped_tables(conn: Connection) -> list[sa.Table]:
    """The schema's tables that exist in this database, parents before children."""
    present = set(sa.inspect(conn).get_table_names())
    return [t for t in metadata.sorted_tables if t.name in present]


def dump_table(conn: Connection, table: sa.Table, folder: Path, on_rows: Progress) -> TableDump:
    """Write one table, in primary-key order, to a gzipped JSON-lines file under `folder`."""
    codecs = {c.name: codec_for(c.type) for c in table.columns}
    member = f"tables/{table.name}.jsonl.gz"
    query = sa.select(table).order_by(*table.primary_key.columns)
    rows = 0
    with gzip.open(folder / f"{table.name}.jsonl.gz", "wt", encoding="utf-8") as out:
        for row in conn.execution_options(yield_per=BATCH).execute(query):
            values = row._mapping
            line = {name: encode(codec, values[name]) for name, codec in codecs.items()}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            rows += 1
            if rows % BATCH == 0:
                on_rows(BATCH)
    on_rows(rows % BATCH)
    return TableDump(table.name, member, rows, codecs)


def restore_order(dumps: Iterable[TableDump]) -> list[TableDump]:
    """Dumped tables in the order today's schema needs them loaded; unknown ones last."""
    by_name = {d.name: d for d in dumps}
    ordered = [by_name.pop(t.name) for t in metadata.sorted_tables if t.name in by_name]
    return ordered + list(by_name.values())


def _target(dump: TableDump) -> sa.TableClause:
    """A table construct binding each dumped column with today's type for it, if there is one."""
    known = metadata.tables.get(dump.name)
    columns = []
    for name, codec in dump.columns.items():
        if known is not None and name in known.columns:
            columns.append(sa.column(name, known.columns[name].type))
        else:
            columns.append(sa.column(name, sql_type(codec)))
    return sa.table(dump.name, *columns)


def _rows(stream: IO[bytes], codecs: dict[str, Codec]) -> Iterator[dict[str, Any]]:
    with gzip.open(stream, "rt", encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            yield {name: decode(codec, raw.get(name)) for name, codec in codecs.items()}


def _self_references(name: str) -> list[tuple[str, str]]:
    """(column, referred column) pairs of a table's foreign keys to itself."""
    table = metadata.tables.get(name)
    if table is None:
        return []
    return [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]


class _Batcher:
    """Inserts rows in batches; rows whose parent (same table) is not in yet wait for it."""

    def __init__(self, conn: Connection, dump: TableDump, on_rows: Progress) -> None:
        self.conn, self.target, self.on_rows = conn, _target(dump), on_rows
        self.links = _self_references(dump.name)
        self.seen: set[Any] = set()
        self.waiting: list[dict[str, Any]] = []
        self.batch: list[dict[str, Any]] = []

    def _ready(self, row: dict[str, Any]) -> bool:
        return all(row.get(col) is None or row[col] in self.seen for col, _ in self.links)

    def add(self, row: dict[str, Any]) -> None:
        if self.links and not self._ready(row):
            self.waiting.append(row)
            return
        self.batch.append(row)
        for _, referred in self.links:
            self.seen.add(row[referred])
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.conn.execute(self.target.insert(), self.batch)
            self.on_rows(len(self.batch))
            self.batch = []

    def drain(self) -> None:
        """Insert waiting rows as their parents arrive; an orphan still goes in, at the end."""
        while self.waiting:
            pending, self.waiting = self.waiting, []
            for row in pending:
                self.add(row)
            if len(self.waiting) == len(pending):
                self.batch += self.waiting
                self.waiting = []
        self.flush()


def load_table(conn: Connection, dump: TableDump, stream: IO[bytes], on_rows: Progress) -> int:
    """Insert every dumped row of one table, ids included; returns the number of rows."""
    batcher = _Batcher(conn, dump, on_rows)
    count = 0
    for row in _rows(stream, dump.columns):
        batcher.add(row)
        count += 1
    batcher.flush()
    batcher.drain()
    return count


def reset_sequences(conn: Connection) -> None:
    """Move PostgreSQL's id sequences past the ids loaded, so new rows do not collide."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, sa.Integer):
            continue
        name, column = table.name, keys[0].name
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX({quote(column)}), 1), "
                f"MAX({quote(column)}) IS NOT NULL) FROM {quote(name)}"
            ),
            {"t": name, "c": column},
        )
