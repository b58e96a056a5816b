"""The records to screen: read from a CSV file, checked row by row, never silently dropped.

A row that cannot be screened (no name, a name of one letter, a name too long to be a name, a row
with the wrong number of fields) is skipped and reported with its line number and why; a field
that cannot be read (a birth date "unknown", a nationality "Narnia") keeps its row and is
reported as a warning. Problems with the whole file — not UTF-8, no `name` column, duplicate
headers — stop the run with a message saying what was found and what is expected.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pursuit.errors import EmptyInput, MalformedInput, UnreadableInput
from pursuit.names.fields import BirthYear, country_codes, parse_birth

__all__ = [
    "KNOWN_COLUMNS",
    "NAME_MAX",
    "RowProblem",
    "ScreenInput",
    "ScreenRecord",
    "check_record",
    "read_records",
    "records_from_rows",
]

KNOWN_COLUMNS = ("id", "name", "birth_date", "nationality", "gender")
NAME_MAX = 300
_HEADER_ALIASES = {"birthdate": "birth_date", "dob": "birth_date", "date_of_birth": "birth_date"}


@dataclass(frozen=True, slots=True)
class ScreenRecord:
    """One person to look for: a name and what else the list says of them."""

    id: str
    name: str
    birth: BirthYear | None = None
    countries: tuple[str, ...] = ()
    gender: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A skipped row, or a field of a kept row that could not be read."""

    line: int
    id: str
    problem: str


@dataclass(frozen=True, slots=True)
class ScreenInput:
    records: list[ScreenRecord]
    skipped: list[RowProblem]
    warnings: list[RowProblem]


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MalformedInput(
            f"{path} is not UTF-8 text (byte {exc.start}, line {line}); "
            "save it as UTF-8 (CSV UTF-8 in a spreadsheet) and try again"
        ) from exc


def _headers(raw: list[str], path: Path) -> list[str]:
    names = [h.strip().lower().replace(" ", "_") for h in raw]
    names = [_HEADER_ALIASES.get(h, h) for h in names]
    doubled = sorted({h for h in names if h and names.count(h) > 1})
    if doubled:
        raise MalformedInput(f"{path}: column(s) {', '.join(doubled)} appear more than once")
    if "name" not in names:
        found = ", ".join(repr(h) for h in raw) or "nothing"
        raise MalformedInput(
            f"{path}: no 'name' column; the first row must name the columns "
            f"(name, and optionally id, birth_date, nationality, gender); found {found}"
        )
    return names


def read_records(path: Path) -> ScreenInput:
    """Every row of a screening CSV, as records, skipped rows and warnings."""
    text = _decode(path)
    if not text.strip():
        raise EmptyInput(f"{path} is empty")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _headers(next(reader), path)
        rows = list(_numbered(reader))
    except csv.Error as exc:
        raise MalformedInput(f"{path} is not a readable CSV file: {exc}") from exc
    return records_from_rows(header, rows)


def _numbered(reader: Iterable[list[str]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(reader, start=2):
        if any(cell.strip() for cell in row):
            yield number, row


def records_from_rows(header: list[str], rows: Iterable[tuple[int, list[str]]]) -> ScreenInput:
    """Rows (with their line numbers) under `header`, checked one by one."""
    records: list[ScreenRecord] = []
    skipped: list[RowProblem] = []
    warnings: list[RowProblem] = []
    for line, row in rows:
        rid = _cell(header, row, "id") or f"row{line}"
        if len(row) != len(header):
            why = f"row has {len(row)} fields where the header names {len(header)}"
            skipped.append(RowProblem(line, rid, why))
            continue
        values = dict(zip(header, row, strict=True))
        record, problems = _record(rid, values, line)
        if record is None:
            skipped.append(RowProblem(line, rid, problems[0]))
            continue
        records.append(record)
        warnings.extend(RowProblem(line, rid, p) for p in problems)
    return ScreenInput(records, skipped, warnings)


def _cell(header: list[str], row: list[str], column: str) -> str:
    if column not in header:
        return ""
    index = header.index(column)
    return row[index].strip() if index < len(row) else ""


def check_record(name: str) -> str | None:
    """Why a name cannot be screened, or None when it can."""
    cleaned = " ".join(name.split())
    letters = sum(ch.isalpha() for ch in cleaned)
    if not cleaned:
        return "empty name"
    if letters < 2:
        return f"name {cleaned!r} has fewer than two letters"
    if len(cleaned) > NAME_MAX:
        return f"name of {len(cleaned)} characters is longer than {NAME_MAX}"
    return None


def _record(rid: str, values: dict[str, str], line: int) -> tuple[ScreenRecord | None, list[str]]:
    name = " ".join(values.get("name", "").split())
    why = check_record(name)
    if why is not None:
        return None, [why]
    birth, problem = parse_birth(values.get("birth_date", ""))
    problems = [problem] if problem else []
    countries, bad = country_codes(values.get("nationality", ""))
    problems.extend(bad)
    extra = {k: v for k, v in values.items() if k and k not in KNOWN_COLUMNS}
    gender = values.get("gender", "").strip().lower() or None
    return ScreenRecord(rid, name, birth, countries, gender, extra, line), problems
