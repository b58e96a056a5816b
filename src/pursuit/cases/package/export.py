"""The court package of one person or incident: what it holds, made in one consistent pass.

The edges render the dossier (PDF, HTML, JSON) and the FollowTheMoney lines and hand them in as
files; this module adds the originals, the load file and the custody proofs, bags, signs and
zips them, and records the export, with the package's own SHA-256, in the custody log.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pursuit import __version__
from pursuit.cases.dossier import Dossier
from pursuit.cases.package.bag import make_bag, staging_folder, zip_bag
from pursuit.cases.package.contents import (
    PackedItem,
    Status,
    custody_lines,
    ftm_lines,
    load_file,
    packed_items,
)
from pursuit.errors import IntegrityError, PackageTargetExists, UnreadableInput
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.security.keys import ensure_vault_key
from pursuit.security.signing import workspace_signing_key
from pursuit.store.blobs import sha256_file
from pursuit.store.workspace import Workspace

__all__ = ["PackageReport", "export_package", "report_json"]


@dataclass(frozen=True, slots=True)
class PackageReport:
    output: Path
    sha256: str
    entity_id: str
    entity_name: str
    fingerprint: str
    checkpoint_root: str
    items: int
    included: int
    hash_only: int
    withheld: int
    events: int


def _copy_original(ws: Workspace, item: PackedItem, target: Path) -> None:
    """Copy an original into the package (its hash is checked once bagit has computed it)."""
    source = ws.blobs.path_for(item.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except FileNotFoundError as exc:
        raise IntegrityError(
            f"the original of item {item.item_id} ({item.file_name}) is missing from the blob "
            "store; run `pursuit verify`"
        ) from exc


def _check_originals(root: Path, packed: list[PackedItem]) -> None:
    """Refuse a package whose originals are not the items: the bag's manifest, computed as it
    was bagged, must give each original the SHA-256 recorded at intake."""
    listed: dict[str, str] = {}
    for line in (root / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines():
        digest, _, path = line.partition("  ")
        listed[path] = digest
    for item in packed:
        if (
            item.status == Status.INCLUDED
            and listed.get(f"data/{item.package_path}") != item.sha256
        ):
            raise IntegrityError(
                f"the stored original of item {item.item_id} ({item.file_name}) no longer "
                "matches its SHA-256; run `pursuit verify` (nothing was exported)"
            )


def _check_target(output: Path) -> None:
    if output.exists():
        raise PackageTargetExists(f"{output} exists; a package is never written over a file")
    if not output.parent.is_dir():
        raise UnreadableInput(f"cannot write {output}: the folder {output.parent} does not exist")


def _write(root: Path, relative: str, body: bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


def _summary(dossier: Dossier, point_root: str, packed: list[PackedItem]) -> dict[str, str]:
    counts = {s: sum(1 for p in packed if p.status == s) for s in vars(Status).values()}
    return {
        "subject": f"{dossier.entity.name} ({dossier.entity.type}, {dossier.entity.id})",
        "made": datetime.now(UTC).isoformat(timespec="seconds"),
        "items": (
            f"{len(packed)} ({counts.get(Status.INCLUDED, 0)} originals included, "
            f"{counts.get(Status.HASH_ONLY, 0)} by hash only, "
            f"{counts.get(Status.WITHHELD, 0)} withheld)"
        ),
        "custody checkpoint root": point_root,
    }


def export_package(
    ws: Workspace,
    dossier: Dossier,
    rendered: Mapping[str, bytes],
    output: Path,
    *,
    hashes_only: bool,
    actor: str,
) -> PackageReport:
    """Write the package to `output` (a new .zip) and record the export; returns what it holds."""
    _check_target(output)
    vault = ensure_vault_key(ws)
    ids = [m.item_id for m in dossier.manifest]
    with ws.write() as conn:
        key = workspace_signing_key(conn, vault, actor)
        point = create_checkpoint(conn, actor)
        packed = packed_items(conn, ids, hashes_only=hashes_only)
        custody = custody_lines(conn, point, ids)
        ftm = ftm_lines(conn, getattr(dossier.entity, "case_id", None), dossier.entity.id)
    summary = _summary(dossier, point.root, packed)
    with staging_folder(output) as root:
        for item in packed:
            if item.status == Status.INCLUDED:
                _copy_original(ws, item, root / item.package_path)
        for relative, body in rendered.items():
            _write(root, relative, body)
        _write(root, "loadfile.csv", load_file(packed))
        _write(root, "custody/events.jsonl", custody)
        _write(root, "custody/checkpoint.json", point.to_json().encode("utf-8"))
        _write(root, "ftm/entities.ftm.jsonl", ftm)
        bag_info = {
            "Source-Organization": "pursuit workspace",
            "External-Identifier": dossier.entity.id,
            "External-Description": f"Court package on {dossier.entity.name}",
            "Bagging-Date": datetime.now(UTC).date().isoformat(),
            "Contact-Name": actor,
            "Bag-Software-Agent": f"pursuit {__version__}",
            "Pursuit-Signing-Key": key.fingerprint,
            "Pursuit-Checkpoint-Root": point.root,
        }
        make_bag(root, bag_info, key, summary)
        _check_originals(root, packed)
        zip_bag(root, f"pursuit-package-{dossier.entity.id}", output)
    digest = sha256_file(output)
    report = PackageReport(
        output=output,
        sha256=digest,
        entity_id=dossier.entity.id,
        entity_name=dossier.entity.name,
        fingerprint=key.fingerprint,
        checkpoint_root=point.root,
        items=len(packed),
        included=sum(1 for p in packed if p.status == Status.INCLUDED),
        hash_only=sum(1 for p in packed if p.status == Status.HASH_ONLY),
        withheld=sum(1 for p in packed if p.status == Status.WITHHELD),
        events=custody.count(b"\n"),
    )
    _record(ws, report, actor, hashes_only)
    return report


def _record(ws: Workspace, report: PackageReport, actor: str, hashes_only: bool) -> None:
    details: dict[str, Detail] = {
        "entity": report.entity_id,
        "format": "package",
        "items": report.items,
        "hashes_only": hashes_only,
        "package_sha256": report.sha256,
        "signing_key": report.fingerprint,
        "checkpoint_root": report.checkpoint_root,
    }
    with ws.write() as conn:
        append_event(conn, Action.EXPORTED, actor, details=details)


def report_json(report: PackageReport) -> str:
    """The report as one JSON document, for `--json`."""
    fields = {k: getattr(report, k) for k in report.__dataclass_fields__}
    fields["output"] = str(report.output)
    return json.dumps(fields, ensure_ascii=False, indent=2)
