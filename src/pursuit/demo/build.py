"""Building the demo workspace from the fictional sample case shipped in the package.

The manifest beside the corpus says, for each file, who acquired it, when, how and from where, so
the demo's custody log reads like a real case's. `open_demo` is what `pursuit demo` runs: it
builds only in a folder `demo.target` allows, and reuses a finished demo instead of rebuilding it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from pursuit.cases.alerts_mentions import scan_mentions
from pursuit.cases.watch import watch_person
from pursuit.demo.target import DemoPlan, mark_built, prepare_demo_home
from pursuit.evidence.cases import ensure_case
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.items import Acquisition, Method, list_items
from pursuit.resolve.profiles import list_profiles
from pursuit.security import Identity, ensure_vault_key, register_witness, witness_guard
from pursuit.security.roles import Role
from pursuit.security.users import add_user
from pursuit.settings import Settings
from pursuit.stages.intake import IntakeOptions, IntakeResult, ingest_file
from pursuit.store.workspace import Workspace, create_workspace, open_workspace

__all__ = [
    "DEMO_CASE",
    "DEMO_PEOPLE",
    "DEMO_WATCH",
    "DemoSummary",
    "build_demo",
    "corpus_dir",
    "demo_settings",
    "open_demo",
]

DEMO_CASE = "Khasham executions (fictional demo)"
# The watch the demo's analyst sets on the main suspect, after the first WATCH_AFTER files.
DEMO_WATCH = (
    "Abu Hafs al-Jazrawi",
    "named as the emir behind the Khasham executions; reported to have left Syria",
)
DEMO_WATCHER = "omar"
WATCH_AFTER = 1


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo workspace holds; `results` lists what this run took in (none if reused)."""

    results: list[IntakeResult] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    items: int = 0
    plan: DemoPlan = DemoPlan.BUILD

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


# People of the demo case, one per role; they have no password (an administrator gives them one,
# or a one-time link with `pursuit user link NAME`). The administrator signs in through the link
# `pursuit demo` prints when it starts serving.
DEMO_PEOPLE = (
    ("lina", Role.LEAD),
    ("omar", Role.ANALYST),
    ("rev", Role.REVIEWER),
    ("vic", Role.VIEWER),
)


def demo_settings(settings: Settings) -> Settings:
    """The demo's settings: its vault key in a file beside the demo folder (never inside it),
    unless the environment names one."""
    if settings.vault_key_file is not None or settings.vault_key is not None:
        return settings
    key_file = settings.home.parent / f"{settings.home.name}.vault-key"
    return settings.model_copy(update={"vault_key_file": key_file})


def _options(ws: Workspace, entry: dict[str, Any]) -> IntakeOptions:
    """Intake options for one manifest entry; a protected witness's statement is sealed."""
    options = IntakeOptions(case=DEMO_CASE, acquisition=_acquisition(entry))
    witness = entry.get("witness")
    if not isinstance(witness, dict):
        return options
    key = ensure_vault_key(ws)
    identity = Identity(
        name=str(witness["name"]),
        contact=str(witness.get("contact", "")),
        aliases=tuple(str(a) for a in witness.get("aliases", [])),
    )
    with ws.write() as conn:
        case_id = ensure_case(conn, DEMO_CASE, ws.settings.actor).id
        pseudonym = register_witness(
            conn, key, case_id, str(witness["pseudonym"]), identity, ws.settings.actor
        )
    return replace(options, guard=witness_guard(ws, key, case_id, pseudonym))


def _people(ws: Workspace) -> None:
    with ws.write() as conn:
        for name, role in DEMO_PEOPLE:
            add_user(conn, name, role, ws.settings.actor, case=DEMO_CASE)


def _watch(ws: Workspace) -> None:
    """The analyst puts the main suspect on the watch list once the first report names him."""
    name, reason = DEMO_WATCH
    with ws.write() as conn:
        watch_person(conn, name, reason, DEMO_WATCHER)


def build_demo(ws: Workspace) -> DemoSummary:
    """Take in every file of the sample case with its manifest's acquisition facts, register its
    protected witness, and add one person per role. The main suspect is watched after the first
    file, so the later files naming him raise alerts, as they would in a running case."""
    folder = corpus_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    results: list[IntakeResult] = []
    for n, entry in enumerate(entries):
        if n == WATCH_AFTER:
            _watch(ws)
        results += ingest_file(ws, folder / entry["filename"], _options(ws, entry))
    with ws.write() as conn:
        scan_mentions(conn)
    _people(ws)
    with ws.write() as conn:
        create_checkpoint(conn, ws.settings.actor)
    return _summary(ws, results, DemoPlan.BUILD)


def _summary(ws: Workspace, results: list[IntakeResult], plan: DemoPlan) -> DemoSummary:
    with ws.read() as conn:
        counts: dict[str, int] = {}
        for e in list_profiles(conn):
            counts[str(e.type)] = counts.get(str(e.type), 0) + 1
        items = len(list_items(conn))
    return DemoSummary(results=results, entities=counts, items=items, plan=plan)


def open_demo(settings: Settings, *, rebuild: bool = False) -> tuple[Workspace, DemoSummary]:
    """The demo workspace at `settings.home`: built there if allowed, or the finished one reused.

    Raises `DemoTargetRefused`, having touched nothing, when the folder is not the demo's own.
    """
    settings = demo_settings(settings)
    plan = prepare_demo_home(settings, corpus_dir(), rebuild=rebuild)
    if plan is DemoPlan.REUSE:
        ws = open_workspace(settings)
        return ws, _summary(ws, [], plan)
    ws = create_workspace(settings)
    summary = build_demo(ws)
    if not summary.failed:
        mark_built(settings.home)
    return ws, summary
