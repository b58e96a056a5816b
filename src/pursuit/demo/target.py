"""Where the demo may write: only a folder it created itself, marked by a file it wrote there.

`pursuit demo` is a command people run while trying pursuit out, often with PURSUIT_HOME still
pointing at a real case. So the demo never deletes a folder: it writes only into a folder that
did not exist or was empty, and marks it with `.pursuit-demo` at once. A marked folder holding a
finished demo is used as it is; one whose build did not finish, or `--rebuild`, is rebuilt in
place by removing only what the demo itself made (the SQLite files and the blob store), and
only after checking that nothing else (a file, a folder, an item that is not part of the sample
case) has been put there since. Everything else is refused before anything is touched.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from enum import StrEnum
from pathlib import Path

from pursuit.errors import DemoTargetRefused
from pursuit.settings import Settings
from pursuit.store.blobs import sha256_file

__all__ = ["MARKER", "DemoPlan", "mark_built", "prepare_demo_home"]

MARKER = ".pursuit-demo"
DATABASE = "pursuit.sqlite"
DATABASE_FILES = (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", f"{DATABASE}-journal")
DEMO_ENTRIES = frozenset({MARKER, "blobs", *DATABASE_FILES})
BUILDING, BUILT = "building", "built"

MARKER_TEXT = """\
This folder was created by `pursuit demo` for the fictional sample case only.
`pursuit demo` may delete what it made here (pursuit.sqlite and blobs/) to rebuild the demo.
Do not keep real evidence in this folder.
state: {state}
"""

TABLE_ITEMS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'"
HEX2 = re.compile(r"[0-9a-f]{2}")
SHA256 = re.compile(r"[0-9a-f]{64}")


class DemoPlan(StrEnum):
    """What the demo command will do with its folder."""

    BUILD = "build"  # a new, empty or emptied marked folder: take the sample case in
    REUSE = "reuse"  # a marked folder holding a finished demo: serve it as it is


def prepare_demo_home(settings: Settings, corpus: Path, *, rebuild: bool = False) -> DemoPlan:
    """Make `settings.home` ready for the demo, or raise `DemoTargetRefused` having touched nothing.

    `corpus` is the sample case's folder: a marked folder is only rebuilt while every item it
    holds came from there.
    """
    _refuse_configured_workspace(settings)
    home = settings.home
    if not home.exists() or (home.is_dir() and not any(home.iterdir())):
        home.mkdir(parents=True, exist_ok=True)
        _write_marker(home, BUILDING)
        return DemoPlan.BUILD
    if not (home / MARKER).is_file() or home.is_symlink():
        raise DemoTargetRefused(_not_ours(home))
    if _state(home) == BUILT and not rebuild:
        return DemoPlan.REUSE
    _clear_demo(home, corpus)
    return DemoPlan.BUILD


def mark_built(home: Path) -> None:
    """Record that the demo in `home` finished building, so the next run serves it as it is."""
    _write_marker(home, BUILT)


def _refuse_configured_workspace(settings: Settings) -> None:
    if settings.database_url:
        raise DemoTargetRefused(
            "the demo is not built while PURSUIT_DATABASE_URL names a server workspace; unset it "
            "and pass `--home NEW_FOLDER`"
        )
    if settings.blob_dir is not None:
        raise DemoTargetRefused(
            f"the demo is not built while PURSUIT_BLOB_DIR names a blob store "
            f"({settings.blob_dir}); unset it and pass `--home NEW_FOLDER`"
        )


def _not_ours(home: Path) -> str:
    kind = "a pursuit workspace" if (home / DATABASE).exists() else "not empty"
    return (
        f"{home} is {kind} and was not created by `pursuit demo`; nothing was touched. "
        f"Pass `--home NEW_FOLDER` (a folder that does not exist yet) to build the demo"
    )


def _write_marker(home: Path, state: str) -> None:
    (home / MARKER).write_text(MARKER_TEXT.format(state=state), encoding="utf-8")


def _state(home: Path) -> str:
    lines = (home / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
    states = [line.removeprefix("state:").strip() for line in lines if line.startswith("state:")]
    return states[-1] if states else BUILDING


def _clear_demo(home: Path, corpus: Path) -> None:
    """Remove the demo's database and blobs after checking that nothing else lives there."""
    strays = sorted(p.name for p in home.iterdir() if p.name not in DEMO_ENTRIES or p.is_symlink())
    if strays:
        raise DemoTargetRefused(_refusal(home, f"it holds files the demo did not make: {strays}"))
    blobs = _blob_files(home / "blobs")
    foreign = _foreign_items(home / DATABASE, corpus)
    if foreign:
        raise DemoTargetRefused(_refusal(home, f"it holds items not from the demo: {foreign}"))
    _write_marker(home, BUILDING)
    for name in DATABASE_FILES:
        (home / name).unlink(missing_ok=True)
    for path in blobs:
        path.unlink()
    for folder in sorted({p.parent for p in blobs}, key=lambda p: len(p.parts), reverse=True):
        _remove_empty(folder, stop=home / "blobs")


def _refusal(home: Path, why: str) -> str:
    return (
        f"{home} is marked as a demo folder, but {why}; nothing was touched. "
        f"Pass `--home NEW_FOLDER` to build the demo elsewhere"
    )


def _blob_files(root: Path) -> list[Path]:
    """The files of a blob store laid out as `ab/cd/<sha256>`, or a refusal naming a stray."""
    if not root.exists():
        return []
    found: list[Path] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if not _is_blob_path(path, relative):
            raise DemoTargetRefused(
                _refusal(root.parent, f"blobs/ holds something the demo did not make: {path}")
            )
        if path.is_file():
            found.append(path)
    return found


def _is_blob_path(path: Path, parts: tuple[str, ...]) -> bool:
    if path.is_symlink():
        return False
    if len(parts) == 1 and parts[0].startswith(".incoming-"):
        return path.is_file()
    if len(parts) <= 2:
        return path.is_dir() and all(HEX2.fullmatch(p) for p in parts)
    if len(parts) == 3:
        name = parts[2].removesuffix(".enc")  # sealed testimony: named by its ciphertext hash
        name_ok = SHA256.fullmatch(name) and name.startswith(parts[0] + parts[1])
        return bool(name_ok) and path.is_file() and all(HEX2.fullmatch(p) for p in parts[:2])
    return False


def _foreign_items(database: Path, corpus: Path) -> list[str]:
    """Top-level items whose bytes are not one of the sample case's files."""
    if not database.exists():
        return []
    allowed = {sha256_file(p) for p in corpus.iterdir() if p.is_file()}
    uri = f"{database.resolve().as_uri()}?mode=rw"  # read-only would leave -wal, -shm behind
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            if not conn.execute(TABLE_ITEMS).fetchone():
                return []  # the build stopped before the schema was made
            rows = conn.execute("SELECT filename, sha256 FROM items WHERE parent_id IS NULL")
            return [name for name, sha in rows if sha not in allowed]
    except sqlite3.Error as exc:
        why = f"its database cannot be read ({exc})"
        raise DemoTargetRefused(_refusal(database.parent, why)) from exc


def _remove_empty(folder: Path, stop: Path) -> None:
    while folder != stop.parent and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
