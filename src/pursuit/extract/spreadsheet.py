"""Excel workbooks (XLSX): every sheet as tab-separated rows, within a memory budget.

Casualty lists, checkpoint logs and payroll sheets arrive as workbooks. openpyxl streams them in
read-only mode with cached formula results, and the row, column and cell caps keep a sheet of a
million rows from filling memory; what was cut is recorded so nobody mistakes it for the whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException

from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.officezip import (
    XLSX_MAIN,
    ZIP_READ_ERRORS,
    check_package,
    declared_kind,
    office_score,
    utc_iso,
)

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS_PER_SHEET", "XlsxExtractor"]

MAX_ROWS_PER_SHEET = 50_000
MAX_COLUMNS = 256
MAX_CELLS = 2_000_000

_XLSX_MIMES = frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
_READ_ERRORS = (
    InvalidFileException,
    *ZIP_READ_ERRORS,
    KeyError,
    ValueError,
    ParseError,
    etree.LxmlError,
)


@dataclass(slots=True)
class _Budget:
    """Cells still allowed across the workbook and notes on what was left out."""

    max_rows: int
    cells_left: int
    rows_read: int = 0
    truncated: list[str] = field(default_factory=list)


class XlsxExtractor:
    """Excel 2007+ workbooks: "## Sheet" headings, then one tab-separated line per non-empty row."""

    name = "xlsx"

    def __init__(self, max_rows: int = MAX_ROWS_PER_SHEET, max_cells: int = MAX_CELLS) -> None:
        self.max_rows = max_rows
        self.max_cells = max_cells

    def match(self, probe: Probe) -> float:
        return office_score(probe, XLSX_MAIN, _XLSX_MIMES, frozenset({"xlsx", "xlsm"}))

    def extract(self, probe: Probe) -> Extracted:
        check_package(probe.path, "XLSX")
        if declared_kind(probe.path) != XLSX_MAIN:
            raise MalformedInput(f"{probe.filename}: zip does not declare an Excel workbook")
        # Blobs have no file extension and openpyxl judges a path by its extension, so it gets
        # an open file instead.
        try:
            with probe.path.open("rb") as handle:
                workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
                try:
                    return _read_workbook(workbook, _Budget(self.max_rows, self.max_cells))
                finally:
                    workbook.close()
        except _READ_ERRORS as exc:
            raise MalformedInput(f"{probe.filename}: unreadable Excel workbook: {exc}") from exc

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Embedded objects stay in the original blob; no members are unpacked."""
        return iter(())


def _read_workbook(workbook: Any, budget: _Budget) -> Extracted:
    lines: list[str] = []
    names: list[str] = []
    for sheet in workbook.worksheets:
        names.append(str(sheet.title))
        lines.extend(_sheet_lines(sheet, budget))
    metadata = _workbook_metadata(workbook)
    metadata.update(sheet_count=str(len(names)), sheets="; ".join(names))
    metadata["rows_read"] = str(budget.rows_read)
    if budget.truncated:
        metadata["truncated"] = "; ".join(budget.truncated)
    return Extracted("\n".join(lines), "openpyxl", openpyxl.__version__, metadata)


def _sheet_lines(sheet: Any, budget: _Budget) -> list[str]:
    """A heading and the sheet's non-empty rows, stopping at the row or workbook cell cap."""
    lines = [f"## {sheet.title}"]
    width = sheet.max_column or MAX_COLUMNS
    if width > MAX_COLUMNS:
        budget.truncated.append(f"{sheet.title}: columns after {MAX_COLUMNS} omitted")
    rows = sheet.iter_rows(max_col=min(width, MAX_COLUMNS), values_only=True)
    for index, row in enumerate(rows):
        if index >= budget.max_rows or budget.cells_left <= 0:
            budget.truncated.append(f"{sheet.title}: rows after {index} omitted")
            break
        cells = [_cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        budget.cells_left -= max(len(cells), 1)
        budget.rows_read += 1
        if cells:
            lines.append("\t".join(cells))
    return lines


def _cell_text(value: object) -> str:
    """A cached cell value as text: whole floats without '.0', dates in ISO form, no tabs."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()  # Excel stores dates as midnight datetimes
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return " ".join(str(value).split())


def _workbook_metadata(workbook: Any) -> dict[str, str]:
    props = workbook.properties
    found = {
        "title": props.title,
        "author": props.creator,
        "last_modified_by": props.lastModifiedBy,
        "created": utc_iso(props.created),
        "modified": utc_iso(props.modified),
    }
    return {key: str(value) for key, value in found.items() if value}
