"""`pursuit names compare`: score a CSV of name pairs, keeping every row and every column.

Rows that cannot be scored (an empty name, a name with no letters) are written with an empty
score and listed in the report with their row number: partial results are never silently
dropped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pursuit.errors import EmptyInput, MalformedInput, UnreadableInput
from pursuit.names.compare import DEFAULT_THRESHOLD, compare_names
from pursuit.names.reasons import describe_all

__all__ = ["PairsReport", "compare_pairs_csv", "read_csv_text"]

REQUIRED = ("name_a", "name_b")
# Columns written after the input's own; `reasons` holds the reasons in words, joined by "; ".
ADDED = ("score", "match", "reasons")
MAX_NAME = 300
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class PairsReport:
    rows: int = 0
    matches: int = 0
    encoding: str = "utf-8"
    skipped: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read_csv_text(path: Path) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise EmptyInput(f"{path} is empty")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode(
            "cp1252", errors="replace"
        ), "cp1252 (not UTF-8; decoded as Windows-1252)"


def _problem(name: str) -> str | None:
    if not name.strip():
        return "empty name"
    if not _LETTER.search(name):
        return "name has no letters"
    return None


def compare_pairs_csv(
    source: Path, target: Path, threshold: float = DEFAULT_THRESHOLD
) -> PairsReport:
    """Read `name_a,name_b` pairs (other columns kept), write them with `score`, `match` and
    `reasons`."""
    text, encoding = read_csv_text(source)
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in headers]
    if missing:
        found = ", ".join(headers) or "none"
        raise MalformedInput(f"{source}: missing column(s) {', '.join(missing)}; found {found}")
    reader.fieldnames = headers
    report = PairsReport(encoding=encoding)
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, [*headers, *ADDED], extrasaction="ignore")
        writer.writeheader()
        for number, row in enumerate(reader, start=2):
            report.rows += 1
            writer.writerow(_scored(row, number, threshold, report))
    return report


def _scored(
    row: dict[str, str | None], number: int, threshold: float, report: PairsReport
) -> dict[str, str]:
    out = {k: v or "" for k, v in row.items() if k is not None}
    a, b = out.get("name_a", ""), out.get("name_b", "")
    problem = _problem(a) or _problem(b)
    if problem is not None:
        report.skipped.append((number, problem))
        return {**out, "score": "", "match": "", "reasons": ""}
    if len(a) > MAX_NAME or len(b) > MAX_NAME:
        report.warnings.append((number, f"name longer than {MAX_NAME} characters; compared cut"))
    found = compare_names(a[:MAX_NAME], b[:MAX_NAME])
    match = found.score >= threshold
    report.matches += match
    return {
        **out,
        "score": f"{found.score:.4f}",
        "match": "true" if match else "false",
        "reasons": describe_all(found.reasons),
    }
