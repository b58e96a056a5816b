"""Delimited text tables (CSV, TSV): rows as tab-separated lines, whatever the source dialect.

Exports from phones, registries and spreadsheets arrive with commas, semicolons or tabs and in
UTF-8 or a Windows code page. The dialect is sniffed from a sample and the encoding falls back
from UTF-8 to Windows-1252, which the metadata records: a reader of the text must know when
characters may have been guessed.
"""

from __future__ import annotations

import csv
import platform
from collections.abc import Iterator
from pathlib import Path

from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.officezip import extension

__all__ = ["MAX_ROWS", "CsvExtractor"]

MAX_ROWS = 200_000
_SAMPLE_CHARS = 64 * 1024
_CSV_MIMES = frozenset(
    {
        "text/csv",
        "application/csv",
        "text/tab-separated-values",
        "text/x-csv",
        "text/comma-separated-values",
    }
)
_EXTENSIONS = frozenset({"csv", "tsv", "tab"})
_DELIMITER_NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}


class CsvExtractor:
    """CSV and TSV files, read with the standard csv module in a sniffed dialect."""

    name = "csv"

    def match(self, probe: Probe) -> float:
        if probe.mime in _CSV_MIMES:
            return 0.8
        if extension(probe.filename) in _EXTENSIONS:
            return 0.8 if probe.mime.startswith("text/") else 0.3
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        _refuse_binary(probe)
        try:
            return _read_table(probe, "utf-8-sig")
        except UnicodeDecodeError:
            extracted = _read_table(probe, "cp1252")
            extracted.metadata["encoding_note"] = "not valid UTF-8; read as Windows-1252"
            return extracted

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """A table holds no members."""
        return iter(())


def _refuse_binary(probe: Probe) -> None:
    """NUL bytes never occur in delimited text; such a file is mislabelled."""
    with probe.path.open("rb") as fh:
        head = fh.read(_SAMPLE_CHARS)
    if b"\x00" in head:
        raise MalformedInput(f"{probe.filename}: binary data, not a delimited text table")


def _read_table(probe: Probe, encoding: str) -> Extracted:
    """Read every row up to `MAX_ROWS`; raises UnicodeDecodeError so the caller can fall back."""
    errors = "strict" if encoding.startswith("utf-8") else "replace"
    lines: list[str] = []
    width = rows = 0
    truncated = False
    with probe.path.open(encoding=encoding, errors=errors, newline="") as fh:
        dialect = _sniff(fh.read(_SAMPLE_CHARS), extension(probe.filename))
        fh.seek(0)
        try:
            for row in csv.reader(fh, dialect):
                if rows >= MAX_ROWS:
                    truncated = True
                    break
                rows += 1
                width = max(width, len(row))
                line = "\t".join(" ".join(cell.split()) for cell in row).rstrip()
                if line:
                    lines.append(line)
        except csv.Error as exc:
            raise MalformedInput(f"{probe.filename}: bad table at row {rows + 1}: {exc}") from exc
    metadata = {
        "encoding": encoding.removesuffix("-sig"),
        "delimiter": _DELIMITER_NAMES.get(dialect.delimiter, dialect.delimiter),
        "rows": str(rows),
        "columns": str(width),
    }
    if truncated:
        metadata["truncated"] = f"rows after {MAX_ROWS} omitted"
    return Extracted("\n".join(lines), "python-csv", platform.python_version(), metadata)


def _sniff(sample: str, ext: str) -> type[csv.Dialect]:
    """The sample's dialect; the file name decides when the sample is ambiguous."""
    cut = sample.rfind("\n")
    sample = sample[: cut + 1] if cut > 0 else sample
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel_tab if ext in {"tsv", "tab"} else csv.excel
