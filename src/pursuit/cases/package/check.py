"""Checking a court package with no workspace: every file, the signature, every custody proof.

A defence expert or a court registry gets only the zip. This names each file changed, missing or
added since the package was signed, a signature that does not hold, an original whose hash is not
the item's, and a custody event whose content or inclusion proof does not match the checkpoint.
`bagit` reads the bag's structure and manifests; the comparison is done file by file here so that
every problem is named, where `bagit`'s own validation stops at the first kind it meets.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

import bagit

from pursuit.cases.package.bag import KEY_FILE, SIGNATURE_FILE, TAG_MANIFEST
from pursuit.errors import PackageInvalid
from pursuit.evidence.custody import event_hash
from pursuit.evidence.merkle import ProofStep, root_from_proof
from pursuit.security.signing import pem_fingerprint, signature_holds
from pursuit.store.blobs import sha256_file

__all__ = ["Finding", "PackageCheck", "PackageProblem", "verify_package"]

_BLOCK = 1 << 20


class Finding(StrEnum):
    CHANGED = "changed"
    MISSING = "missing"
    ADDED = "added"
    SIGNATURE = "signature"
    ORIGINAL = "original_hash"
    EVENT = "custody_event"
    PROOF = "custody_proof"
    UNSAFE = "unsafe_path"


@dataclass(frozen=True, slots=True)
class PackageProblem:
    kind: Finding
    path: str
    detail: str


@dataclass(frozen=True, slots=True)
class PackageCheck:
    package: str
    subject: str
    fingerprint: str | None
    files: int
    events: int
    problems: list[PackageProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "package": self.package,
            "ok": self.ok,
            "subject": self.subject,
            "fingerprint": self.fingerprint,
            "files": self.files,
            "events": self.events,
            "problems": [
                {"kind": str(p.kind), "path": p.path, "detail": p.detail} for p in self.problems
            ],
        }


def _top_folder(names: list[str], problems: list[PackageProblem]) -> str:
    """The bag's folder inside the zip; unsafe names are reported and never extracted."""
    tops: set[str] = set()
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or "\\" in name or ".." in parts or not parts:
            problems.append(PackageProblem(Finding.UNSAFE, name, "path leaves the package"))
            continue
        tops.add(parts[0])
    if len(tops) != 1:
        raise PackageInvalid(
            "not a pursuit court package: expected one folder holding a BagIt bag, "
            f"found {len(tops)} top-level entries"
        )
    top = tops.pop()
    if f"{top}/bagit.txt" not in names:
        raise PackageInvalid(f"not a BagIt package: {top}/bagit.txt is missing")
    return top


def _extract(archive: zipfile.ZipFile, names: list[str], top: str, into: Path) -> Path:
    for name in names:
        if name.endswith("/") or not name.startswith(top + "/"):
            continue
        parts = PurePosixPath(name).parts
        if ".." in parts or name.startswith("/") or "\\" in name:
            continue
        target = into.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(name) as src, target.open("wb") as dst:
            while block := src.read(_BLOCK):
                dst.write(block)
    return into / top


def _open_bag(root: Path) -> bagit.Bag:
    try:
        return bagit.Bag(str(root))
    except bagit.BagError as exc:
        raise PackageInvalid(f"not a readable BagIt bag: {exc}") from exc


def _on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _compare_files(root: Path, bag: bagit.Bag, problems: list[PackageProblem]) -> int:
    """Every manifest entry against the file on disk, and every file against the manifests."""
    listed: dict[str, str] = {
        path: hashes["sha256"] for path, hashes in bag.entries.items() if "sha256" in hashes
    }
    present = _on_disk(root)
    unlisted_ok = {TAG_MANIFEST, SIGNATURE_FILE}
    for path in sorted(set(listed) - present):
        problems.append(PackageProblem(Finding.MISSING, path, "listed in a manifest, not present"))
    for path in sorted(present - set(listed) - unlisted_ok):
        where = "manifest-sha256.txt" if path.startswith("data/") else TAG_MANIFEST
        problems.append(PackageProblem(Finding.ADDED, path, f"present, not listed in {where}"))
    for path in sorted(set(listed) & present):
        found = sha256_file(root / path)
        if found != listed[path].lower():
            detail = f"SHA-256 {found}, the manifest says {listed[path].lower()}"
            problems.append(PackageProblem(Finding.CHANGED, path, detail))
    return sum(1 for p in listed if p.startswith("data/"))


def _check_signature(root: Path, problems: list[PackageProblem]) -> str | None:
    key, sig, signed = root / KEY_FILE, root / SIGNATURE_FILE, root / TAG_MANIFEST
    if not (key.is_file() and sig.is_file() and signed.is_file()):
        missing = [p.name for p in (key, sig, signed) if not p.is_file()]
        problems.append(
            PackageProblem(Finding.SIGNATURE, SIGNATURE_FILE, f"cannot check: no {missing}")
        )
        return None
    pem = key.read_bytes()
    if not signature_holds(pem, signed.read_bytes(), sig.read_bytes()):
        problems.append(
            PackageProblem(
                Finding.SIGNATURE,
                SIGNATURE_FILE,
                "the signature does not hold for tagmanifest-sha256.txt and signing-key.pem",
            )
        )
    return pem_fingerprint(pem)


def _event_problem(entry: dict[str, Any], root_hash: str, where: str) -> PackageProblem | None:
    recomputed = event_hash(
        int(entry["seq"]),
        str(entry["prev_hash"]),
        entry["case_id"],
        entry["item_id"],
        str(entry["actor"]),
        str(entry["action"]),
        datetime.fromisoformat(str(entry["at"])),
        str(entry["details"]),
    )
    if recomputed != entry["hash"]:
        return PackageProblem(
            Finding.EVENT, where, f"event {entry['seq']}'s content does not match its hash"
        )
    steps = [ProofStep(s["side"], s["hash"]) for s in entry["proof"]]
    if root_from_proof(str(entry["hash"]), steps) != root_hash:
        return PackageProblem(
            Finding.PROOF, where, f"event {entry['seq']}'s proof does not reach the checkpoint"
        )
    return None


def _check_custody(root: Path, problems: list[PackageProblem]) -> int:
    events, point = root / "data/custody/events.jsonl", root / "data/custody/checkpoint.json"
    if not (events.is_file() and point.is_file()):
        return 0
    try:
        root_hash = str(json.loads(point.read_text(encoding="utf-8"))["root"])
    except (ValueError, KeyError, TypeError):
        problems.append(PackageProblem(Finding.EVENT, "data/custody/checkpoint.json", "unreadable"))
        return 0
    count = 0
    for number, line in enumerate(events.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        where = f"data/custody/events.jsonl:{number}"
        try:
            found = _event_problem(json.loads(line), root_hash, where)
        except (ValueError, KeyError, TypeError) as exc:
            found = PackageProblem(Finding.EVENT, where, f"unreadable event: {exc}")
        if found is not None:
            problems.append(found)
    return count


def _check_originals(root: Path, problems: list[PackageProblem]) -> None:
    """Each original's bytes must hash to the SHA-256 recorded for the item at intake."""
    table = root / "data/loadfile.csv"
    if not table.is_file():
        return
    rows = csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))
    for row in rows:
        relative = row.get("package_path") or ""
        target = root / "data" / relative
        if relative and target.is_file() and sha256_file(target) != row.get("sha256"):
            problems.append(
                PackageProblem(
                    Finding.ORIGINAL,
                    f"data/{relative}",
                    f"not the evidence item {row.get('item_id')} (SHA-256 {row.get('sha256')})",
                )
            )


def verify_package(package: Path) -> PackageCheck:
    """Check `package`; raises PackageInvalid for a file that is not a court package at all."""
    if not package.is_file():
        raise PackageInvalid(f"{package} is not a file")
    try:
        archive = zipfile.ZipFile(package)
    except zipfile.BadZipFile as exc:
        raise PackageInvalid(f"{package} is not a zip file, so not a court package") from exc
    problems: list[PackageProblem] = []
    with archive, tempfile.TemporaryDirectory(prefix="pursuit-check-") as tmp:
        names = archive.namelist()
        top = _top_folder(names, problems)
        root = _extract(archive, names, top, Path(tmp))
        bag = _open_bag(root)
        files = _compare_files(root, bag, problems)
        printed = _check_signature(root, problems)
        events = _check_custody(root, problems)
        _check_originals(root, problems)
        subject = str(bag.info.get("External-Description", ""))
    return PackageCheck(str(package), subject, printed, files, events, problems)
