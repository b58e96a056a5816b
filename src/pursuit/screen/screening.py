"""Screening a list end to end: read the records, build the index, rank, remember, report.

The profiles are the workspace's persons unless a FollowTheMoney list file is given. The index is
built once per run; a server keeps one per workspace (`cache.py`). Whoever screens — the CLI with
a file, the API with a batch, the web page with pasted names — ends in `screen_input`, which runs
the batched loop of `engine.screen_records` and, against the workspace, shows reviewers'
decisions on earlier hits (`memory.py`).
"""

from __future__ import annotations

from pathlib import Path

from pursuit.screen.engine import ScreenOptions, ScreenReport, screen_records
from pursuit.screen.index import ScreenIndex
from pursuit.screen.memory import HitMemory
from pursuit.screen.profiles import ProfileSet, profiles_from_ftm, profiles_from_workspace
from pursuit.screen.records import RowProblem, ScreenInput, read_records
from pursuit.store.workspace import Workspace

__all__ = ["load_memory", "load_profiles", "screen_file", "screen_input"]


def load_profiles(ws: Workspace | None, against: Path | None) -> ProfileSet:
    """Profiles from the list file `against`, else from the workspace's persons."""
    if against is not None:
        return profiles_from_ftm(against)
    if ws is None:
        raise ValueError("screening needs a workspace or a list file")
    with ws.read() as conn:
        return profiles_from_workspace(conn)


def load_memory(ws: Workspace) -> HitMemory:
    """The decisions reviewers took on earlier screening hits in this workspace."""
    with ws.read() as conn:
        return HitMemory.load(conn)


def screen_input(
    index: ScreenIndex,
    taken: ScreenInput,
    options: ScreenOptions,
    memory: HitMemory | None = None,
    against: str = "workspace",
    skipped: list[RowProblem] | None = None,
) -> ScreenReport:
    """Every record of `taken` screened in batches, with its skipped rows and warnings."""
    return ScreenReport(
        results=list(screen_records(index, taken.records, options, memory)),
        threshold=options.threshold,
        against=against,
        profile_count=len(index),
        skipped=taken.skipped + (skipped or []),
        warnings=taken.warnings,
    )


def screen_file(
    path: Path,
    profiles: ProfileSet,
    options: ScreenOptions,
    memory: HitMemory | None = None,
) -> ScreenReport:
    """Every record of the CSV at `path` screened against `profiles`."""
    taken = read_records(path)
    index = ScreenIndex(profiles.profiles)
    return screen_input(index, taken, options, memory, profiles.source, profiles.skipped)
