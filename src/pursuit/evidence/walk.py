"""Finding the files to take in, refusing links that lead outside the folder being taken in."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Candidate", "Refused", "collect"]


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path


@dataclass(frozen=True, slots=True)
class Refused:
    path: Path
    reason: str


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _walk_folder(root: Path) -> tuple[list[Candidate], list[Refused]]:
    found: list[Candidate] = []
    refused: list[Refused] = []
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in [d for d in dirs if (Path(folder) / d).is_symlink()]:
            link = Path(folder) / name
            if not _inside(link.resolve(), real_root):
                refused.append(Refused(link, "a link to a folder outside the folder taken in"))
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink() and not path.exists():
                refused.append(Refused(path, "a broken link"))
            elif path.is_symlink() and not _inside(path.resolve(), real_root):
                refused.append(Refused(path, "a link to a file outside the folder taken in"))
            elif not path.is_file():
                refused.append(Refused(path, "not a regular file (a pipe, socket or device)"))
            else:
                found.append(Candidate(path))
    return found, refused


def collect(paths: list[Path]) -> tuple[list[Candidate], list[Refused]]:
    """Every file under `paths` in a stable order, and every path refused with its reason."""
    found: list[Candidate] = []
    refused: list[Refused] = []
    for path in paths:
        if path.is_dir():
            more, bad = _walk_folder(path)
            found += more
            refused += bad
        elif path.is_file():
            found.append(Candidate(path))
        elif path.exists():
            refused.append(Refused(path, "not a regular file (a pipe, socket or device)"))
        elif path.is_symlink():
            refused.append(Refused(path, "a broken link"))
        else:
            refused.append(Refused(path, "no such file or folder"))
    return found, refused
