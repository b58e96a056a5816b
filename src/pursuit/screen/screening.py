"""Screening a list file end to end: read the records, build the index, rank, report.

The profiles are the workspace's persons unless a FollowTheMoney list file is given. The index is
built once per run; a server keeps one per profile source (see `ScreenIndex`).
"""

from __future__ import annotations

from pathlib import Path

from pursuit.screen.engine import ScreenOptions, ScreenReport, screen_records
from pursuit.screen.index import ScreenIndex
from pursuit.screen.profiles import ProfileSet, profiles_from_ftm, profiles_from_workspace
from pursuit.screen.records import read_records
from pursuit.store.workspace import Workspace

__all__ = ["load_profiles", "screen_file"]


def load_profiles(ws: Workspace | None, against: Path | None) -> ProfileSet:
    """Profiles from the list file `against`, else from the workspace's persons."""
    if against is not None:
        return profiles_from_ftm(against)
    if ws is None:
        raise ValueError("screening needs a workspace or a list file")
    with ws.read() as conn:
        return profiles_from_workspace(conn)


def screen_file(path: Path, profiles: ProfileSet, options: ScreenOptions) -> ScreenReport:
    """Every record of the CSV at `path` screened against `profiles`."""
    taken = read_records(path)
    index = ScreenIndex(profiles.profiles)
    results = list(screen_records(index, taken.records, options))
    return ScreenReport(
        results=results,
        threshold=options.threshold,
        against=profiles.source,
        profile_count=len(profiles.profiles),
        skipped=taken.skipped + profiles.skipped,
        warnings=taken.warnings,
    )
