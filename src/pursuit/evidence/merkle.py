"""Merkle inclusion proofs over the custody log, checkable with nothing but SHA-256.

A court package carries only the custody events of the items it holds, not the whole log. A proof
shows that each of those events sits at its place in the log whose root a checkpoint recorded:
the reader hashes the event, walks the proof's sibling hashes up the tree and must arrive at the
checkpoint's root. The tree is the one `checkpoint.merkle_root` builds (leaves and nodes hashed
with distinct prefixes; an odd node carried up unchanged), so a proof made here checks against
any checkpoint the workspace ever exported.

Written here rather than taken from a library because the tree's shape must be exactly the
checkpoint's, which the Merkle libraries on the registries do not build (they duplicate or
promote odd nodes differently).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ProofStep",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "proofs_for",
    "root_from_proof",
]

Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class ProofStep:
    """One level up the tree: the sibling's hash and on which side of ours it sits."""

    side: Side
    hash: str

    def as_json(self) -> dict[str, str]:
        return {"side": self.side, "hash": self.hash}


def leaf_hash(event_hash: str) -> bytes:
    return hashlib.sha256(b"\x00" + bytes.fromhex(event_hash)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def inclusion_proof(event_hashes: list[str], index: int) -> list[ProofStep]:
    """The siblings from leaf `index` up to the root of the tree over `event_hashes`."""
    if not 0 <= index < len(event_hashes):
        raise IndexError(f"no leaf {index} in a tree of {len(event_hashes)}")
    level = [leaf_hash(h) for h in event_hashes]
    steps: list[ProofStep] = []
    position = index
    while len(level) > 1:
        sibling = position ^ 1
        if sibling < len(level):
            side: Side = "left" if sibling < position else "right"
            steps.append(ProofStep(side, level[sibling].hex()))
        # A last odd node has no sibling: it is carried up unchanged and adds no step.
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level, position = paired, position // 2
    return steps


def proofs_for(event_hashes: list[str], indexes: list[int]) -> dict[int, list[ProofStep]]:
    """Proofs for many leaves of one tree, building each level once (the log may be long)."""
    wanted = {i: i for i in indexes}
    found: dict[int, list[ProofStep]] = {i: [] for i in indexes}
    level = [leaf_hash(h) for h in event_hashes]
    while len(level) > 1:
        for leaf, position in wanted.items():
            sibling = position ^ 1
            if sibling < len(level):
                side: Side = "left" if sibling < position else "right"
                found[leaf].append(ProofStep(side, level[sibling].hex()))
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
        wanted = {leaf: position // 2 for leaf, position in wanted.items()}
    return found


def root_from_proof(event_hash: str, steps: list[ProofStep]) -> str:
    """The root a proof leads to from an event's hash; equal to the checkpoint's if it holds."""
    current = leaf_hash(event_hash)
    for step in steps:
        sibling = bytes.fromhex(step.hash)
        pair = (sibling, current) if step.side == "left" else (current, sibling)
        current = node_hash(*pair)
    return current.hex()
