"""Independence: which items carry one origin, so that corroboration counts origins, not copies.

Items are put together, transitively, when any of these holds (each link keeps its reason):

- the same source URL (scheme, "www.", fragment and trailing slash ignored);
- near-duplicate text: MinHash over five-word shingles of the item's latest text, candidates
  from locality-sensitive hashing and kept when the estimated Jaccard similarity is at least
  `NEAR_DUPLICATE` (0.5). A re-publication with a new headline, a cut paragraph or another
  byline keeps well over half of its shingles; two reporters writing on one event, even quoting
  one statement, share far fewer;
- one agency's credit line ("(AFP)", "Reuters -", "(أ ف ب)"): outlets carrying an agency story
  repeat one newsroom's reporting, however much they rewrite it;
- one protected witness: the same pseudonym, by the item's witness link or a "Witness: W-07"
  header. A witness interviewed twice is one origin.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from pursuit.cases.claims.model import Origin
from pursuit.cases.claims.traits import ItemTraits, item_traits, normal_url

if TYPE_CHECKING:
    # datasketch pulls in scipy (most of a second): imported where sketches are made.
    from datasketch import MinHash

__all__ = ["NEAR_DUPLICATE", "SHINGLE_WORDS", "group_origins", "origins"]

NEAR_DUPLICATE = 0.5
SHINGLE_WORDS = 5
_PERMUTATIONS = 128
_WORD = re.compile(r"\w+")

SAME_URL = "same source URL"
NEAR_COPY = "near-duplicate text"
AGENCY = "one agency's story"
WITNESS = "one witness"
ALONE = "single item"


def _minhash(text: str) -> MinHash | None:
    words = _WORD.findall(text.casefold())
    if not words:
        return None
    k = min(SHINGLE_WORDS, len(words))
    from datasketch import MinHash

    sketch = MinHash(num_perm=_PERMUTATIONS, seed=1)
    for i in range(len(words) - k + 1):
        sketch.update(" ".join(words[i : i + k]).encode("utf-8"))
    return sketch


class _Groups:
    """Union-find over item ids, keeping the reasons of the links that joined them."""

    def __init__(self, ids: list[str]) -> None:
        self.parent = {i: i for i in ids}
        self.reasons: dict[str, set[str]] = defaultdict(set)

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: str, b: str, reason: str) -> None:
        root, other = sorted((self.find(a), self.find(b)))
        if root != other:
            self.parent[other] = root
            self.reasons[root] |= self.reasons.pop(other, set())
        self.reasons[root].add(reason)

    def origins(self) -> list[Origin]:
        members: dict[str, list[str]] = defaultdict(list)
        for i in self.parent:
            members[self.find(i)].append(i)
        out = [
            Origin(tuple(sorted(m)), tuple(sorted(self.reasons.get(root, set()) or {ALONE})))
            for root, m in members.items()
        ]
        return sorted(out, key=lambda o: o.items)


def _join_by_key(groups: _Groups, keys: Mapping[str, str | None], reason: str) -> None:
    first: dict[str, str] = {}
    for item, key in sorted(keys.items()):
        if key is None:
            continue
        if key in first:
            groups.join(first[key], item, reason)
        else:
            first[key] = item


def _join_near_copies(groups: _Groups, traits: Mapping[str, ItemTraits]) -> None:
    sketches = {i: _minhash(t.text) for i, t in sorted(traits.items())}
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=_PERMUTATIONS)
    for item, sketch in sketches.items():
        if sketch is None:
            continue
        for other in lsh.query(sketch):
            other_sketch = sketches[other]
            if other_sketch is not None and sketch.jaccard(other_sketch) >= NEAR_DUPLICATE:
                groups.join(other, item, NEAR_COPY)
        lsh.insert(item, sketch)


def group_origins(traits: Mapping[str, ItemTraits], item_ids: Collection[str]) -> list[Origin]:
    """The independent origins among `item_ids`, from traits already loaded."""
    ids = sorted(set(item_ids))
    groups = _Groups(ids)
    known = {i: traits[i] for i in ids if i in traits}
    _join_by_key(groups, {i: normal_url(t.url) for i, t in known.items()}, SAME_URL)
    _join_by_key(groups, {i: t.agency for i, t in known.items()}, AGENCY)
    _join_by_key(groups, {i: t.pseudonym for i, t in known.items()}, WITNESS)
    _join_near_copies(groups, known)
    return groups.origins()


def origins(conn: Connection, item_ids: Collection[str]) -> list[Origin]:
    """The independent origins among the items: each group of items carrying one origin, with
    the reasons that put them together ("single item" for an item alone)."""
    return group_origins(item_traits(conn, item_ids), item_ids)
