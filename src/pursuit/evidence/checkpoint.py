"""Checkpoints: a Merkle root over the custody log as it stood, to export and compare later.

A checkpoint kept outside the workspace (sent to a colleague, printed in a report) proves what the
log held at that moment; even someone who rewrites the whole chain and the stored checkpoints
cannot make an exported root match again. The tree hashes leaves and nodes with distinct
prefixes, as certificate-transparency logs do, so a leaf can never pose as a node.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import MalformedInput, UnreadableInput
from pursuit.evidence.custody import GENESIS, Action, Detail, append_event
from pursuit.evidence.merkle import leaf_hash, node_hash
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.schema import checkpoints, custody_events

__all__ = [
    "Checkpoint",
    "compare_checkpoint",
    "create_checkpoint",
    "load_checkpoint",
    "merkle_root",
    "stored_checkpoints",
    "verify_checkpoints",
]


@dataclass(frozen=True, slots=True)
class Checkpoint:
    event_count: int
    head_hash: str
    root: str
    created_at: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def merkle_root(event_hashes: list[str]) -> str:
    """The Merkle root of the given event hashes (an odd node is carried up unchanged)."""
    if not event_hashes:
        return GENESIS
    level = [leaf_hash(h) for h in event_hashes]
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0].hex()


def _hashes(conn: Connection, count: int | None = None) -> list[str]:
    query = sa.select(custody_events.c.hash).order_by(custody_events.c.seq)
    if count is not None:
        query = query.limit(count)
    return [str(h) for h in conn.scalars(query)]


def create_checkpoint(conn: Connection, actor: str) -> Checkpoint:
    """Record the root of the log as it stands, both as a row and as a custody event."""
    hashes = _hashes(conn)
    now = datetime.now(UTC)
    point = Checkpoint(
        event_count=len(hashes),
        head_hash=hashes[-1] if hashes else GENESIS,
        root=merkle_root(hashes),
        created_at=now.isoformat(),
    )
    conn.execute(
        checkpoints.insert().values(
            event_count=point.event_count,
            head_hash=point.head_hash,
            root=point.root,
            created_at=now,
            created_by=actor,
        )
    )
    details: dict[str, Detail] = {"event_count": point.event_count, "root": point.root}
    append_event(conn, Action.CHECKPOINTED, actor, details=details)
    return point


def stored_checkpoints(conn: Connection) -> list[Checkpoint]:
    rows = conn.execute(sa.select(checkpoints).order_by(checkpoints.c.id))
    return [Checkpoint(r.event_count, r.head_hash, r.root, r.created_at.isoformat()) for r in rows]


def compare_checkpoint(conn: Connection, point: Checkpoint, label: str) -> list[Problem]:
    """Problems found when the log is compared against one checkpoint, named by `label`."""
    hashes = _hashes(conn, point.event_count)
    if len(hashes) < point.event_count:
        kind = ProblemKind.CHECKPOINT_EVENTS_MISSING
        return [Problem(kind, label, str(point.event_count), str(len(hashes)))]
    root = merkle_root(hashes)
    if root != point.root:
        kind = ProblemKind.CHECKPOINT_ROOT_CHANGED
        return [Problem(kind, label, point.root, root, context=str(point.event_count))]
    return []


def _checkpoint_events(conn: Connection) -> list[tuple[int, str]]:
    rows = conn.execute(
        sa.select(custody_events.c.seq, custody_events.c.details).where(
            custody_events.c.action == str(Action.CHECKPOINTED)
        )
    )
    found: list[tuple[int, str]] = []
    for row in rows:
        details = json.loads(row.details)
        found.append((int(details.get("event_count", -1)), str(details.get("root", ""))))
    return found


def verify_checkpoints(conn: Connection) -> list[Problem]:
    """Compare the log with every stored checkpoint, and the stored rows with their events."""
    problems: list[Problem] = []
    stored = stored_checkpoints(conn)
    for number, point in enumerate(stored, start=1):
        problems += compare_checkpoint(conn, point, f"checkpoint {number}")
    rows = {(p.event_count, p.root) for p in stored}
    logged = set(_checkpoint_events(conn))
    for count, root in sorted(logged - rows):
        problems.append(Problem(ProblemKind.CHECKPOINT_ROW_MISSING, str(count), root))
    for count, root in sorted(rows - logged):
        problems.append(Problem(ProblemKind.CHECKPOINT_EVENT_MISSING, str(count), root))
    return problems


def load_checkpoint(path: Path) -> Checkpoint:
    """Read an exported checkpoint file, with a clear error for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Checkpoint(
            event_count=int(data["event_count"]),
            head_hash=str(data["head_hash"]),
            root=str(data["root"]),
            created_at=str(data["created_at"]),
        )
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot read checkpoint: {exc}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise MalformedInput(f"{path}: not a pursuit checkpoint file ({exc})") from exc
