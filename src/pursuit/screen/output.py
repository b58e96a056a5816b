"""Writing a screening report: one JSON document, or a flat CSV with one row per candidate.

The JSON is `{"results": [{"id", "name", "candidates": [{"entity_id", "name", "score", "match",
"reasons"}]}]}` with, beside it, the rows that were skipped and the fields that could not be read,
so nothing leaves the run unaccounted for. The CSV gives each record at least one row (with empty
candidate columns when nothing came close), so a spreadsheet shows every record.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pursuit.errors import InputError, UnreadableInput
from pursuit.screen.engine import Candidate, ScreenReport, ScreenResult
from pursuit.screen.records import RowProblem

__all__ = ["CSV_COLUMNS", "candidate_document", "report_document", "write_report"]

CSV_COLUMNS = (
    "id",
    "name",
    "rank",
    "entity_id",
    "candidate_name",
    "matched_name",
    "score",
    "match",
    "reasons",
    "items",
)


def candidate_document(c: Candidate) -> dict[str, Any]:
    found: dict[str, Any] = {
        "entity_id": c.entity_id,
        "name": c.name,
        "matched_name": c.matched_name,
        "score": c.score,
        "match": c.match,
        "reasons": list(c.reasons),
    }
    if c.item_ids:
        found["items"] = list(c.item_ids)
    return found


def _result(r: ScreenResult) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "candidates": [candidate_document(c) for c in r.candidates]}


def _problem(p: RowProblem) -> dict[str, Any]:
    return {"line": p.line, "id": p.id, "problem": p.problem}


def report_document(report: ScreenReport) -> dict[str, Any]:
    return {
        "results": [_result(r) for r in report.results],
        "threshold": report.threshold,
        "against": report.against,
        "profiles": report.profile_count,
        "matches": report.match_count,
        "skipped": [_problem(p) for p in report.skipped],
        "warnings": [_problem(p) for p in report.warnings],
    }


def _csv_rows(report: ScreenReport) -> list[list[str]]:
    rows: list[list[str]] = []
    for r in report.results:
        if not r.candidates:
            rows.append([r.id, r.name, "", "", "", "", "", "false", "", ""])
        for rank, c in enumerate(r.candidates, start=1):
            rows.append(
                [
                    r.id,
                    r.name,
                    str(rank),
                    c.entity_id,
                    c.name,
                    c.matched_name,
                    f"{c.score:.4f}",
                    "true" if c.match else "false",
                    "; ".join(c.reasons),
                    " ".join(c.item_ids),
                ]
            )
    return rows


def write_report(report: ScreenReport, path: Path) -> None:
    """Write `report` as JSON or CSV, chosen by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise InputError(f"--output must end in .json or .csv, not {path.name!r}")
    try:
        if suffix == ".json":
            text = json.dumps(report_document(report), ensure_ascii=False, indent=1)
            path.write_text(text + "\n", encoding="utf-8")
            return
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(_csv_rows(report))
    except OSError as exc:
        raise UnreadableInput(f"cannot write {path}: {exc.strerror or exc}") from exc
