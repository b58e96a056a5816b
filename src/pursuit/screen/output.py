"""Writing a screening report: one JSON document, or a flat CSV with one row per candidate.

The JSON is `{"results": [{"id", "name", "candidates": [{"entity_id", "name", "score", "match",
"reasons", "decision"}]}]}` with, beside it, the rows that were skipped and the fields that could
not be read, so nothing leaves the run unaccounted for. Each result carries the record's `key`,
the id a decision on one of its hits is recorded under; `decision` is null or the reviewer's
decision in force on the pair (`decision`, `decided_by`, `decided_at`, `reason`). Each reason is
`{"code", "detail", "weight", "text"}`: programs check `code`, people read `text`. The CSV gives
each record at least one row (with empty candidate columns when nothing came close), so a
spreadsheet shows every record; its `reasons` cell holds the texts joined with "; ".
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pursuit.errors import InputError, UnreadableInput
from pursuit.names.reasons import describe_all, reason_document
from pursuit.screen.engine import Candidate, ScreenReport, ScreenResult
from pursuit.screen.memory import HitDecision
from pursuit.screen.records import RowProblem

__all__ = [
    "CSV_COLUMNS",
    "candidate_document",
    "decision_document",
    "report_document",
    "write_report",
]

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
    "record_key",
    "decision",
    "decided_by",
    "decided_at",
    "decision_reason",
)


def decision_document(d: HitDecision | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "decision": str(d.decision),
        "decided_by": d.decided_by,
        "decided_at": d.decided_at.isoformat(),
        "reason": d.reason,
        "entity_id": d.entity_id,
    }


def candidate_document(c: Candidate) -> dict[str, Any]:
    found: dict[str, Any] = {
        "entity_id": c.entity_id,
        "name": c.name,
        "matched_name": c.matched_name,
        "score": c.score,
        "match": c.match,
        "reasons": [reason_document(r) for r in c.reasons],
        "decision": decision_document(c.decision),
    }
    if c.item_ids:
        found["items"] = list(c.item_ids)
    if c.interest:
        found["interest"] = c.interest
    return found


def _result(r: ScreenResult) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "key": r.key,
        "candidates": [candidate_document(c) for c in r.candidates],
    }


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
            rows.append([r.id, r.name, "", "", "", "", "", "false", "", "", r.key, "", "", "", ""])
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
                    describe_all(c.reasons),
                    " ".join(c.item_ids),
                    r.key,
                    *_decision_cells(c.decision),
                ]
            )
    return rows


def _decision_cells(d: HitDecision | None) -> list[str]:
    if d is None:
        return ["", "", "", ""]
    return [str(d.decision), d.decided_by, d.decided_at.isoformat(), d.reason]


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
