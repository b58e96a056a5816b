"""Building the demo workspace from the fictional sample case shipped in the package.

The manifest beside the corpus says, for each file, who acquired it, when, how and from where, so
the demo's custody log reads like a real case's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.intake import IntakeOptions, IntakeResult, ingest_file
from pursuit.evidence.items import Acquisition, Method
from pursuit.resolve.entities import list_entities
from pursuit.store.workspace import Workspace

__all__ = ["DEMO_CASE", "DemoSummary", "build_demo", "corpus_dir"]

DEMO_CASE = "Khasham executions (fictional demo)"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    results: list[IntakeResult] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> list[IntakeResult]:
        return [r for r in self.results if r.status == "failed"]


def corpus_dir() -> Path:
    return Path(str(resources.files("pursuit.demo") / "corpus"))


def _acquisition(entry: dict[str, str | None]) -> Acquisition:
    at = datetime.fromisoformat(str(entry["acquired_at"]))
    return Acquisition(
        acquired_by=str(entry.get("acquired_by") or "demo"),
        acquired_at=at if at.tzinfo else at.replace(tzinfo=UTC),
        method=Method(str(entry.get("method") or "upload")),
        source_url=entry.get("source_url"),
        notes=str(entry.get("notes") or ""),
    )


def build_demo(ws: Workspace) -> DemoSummary:
    """Take in every file of the sample case with its manifest's acquisition facts."""
    folder = corpus_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    results: list[IntakeResult] = []
    for entry in entries:
        options = IntakeOptions(case=DEMO_CASE, acquisition=_acquisition(entry))
        results += ingest_file(ws, folder / entry["filename"], options)
    with ws.write() as conn:
        create_checkpoint(conn, ws.settings.actor)
    with ws.read() as conn:
        counts: dict[str, int] = {}
        for e in list_entities(conn):
            counts[e.type] = counts.get(e.type, 0) + 1
    return DemoSummary(results=results, entities=counts)
