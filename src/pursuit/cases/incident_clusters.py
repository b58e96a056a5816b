"""Mentions of one event, across sources and languages, grouped into one incident.

Each extracted incident is a *mention* of an event in one sentence of one item. Mentions are put
together when nothing they say disagrees and enough agrees (`CLUSTER_RULE`):

- the same act, or compatible acts (an execution is a killing; a massacre is killings of many);
- the same place, resolved to the gazetteer (or within `NEAR_KM` of it);
- time windows that overlap ("summer 2014" and "August 2014"), when both sources give one;
- victim counts of one order ("almost 300" and "280"), when both give one.

A group joins another only when every pair across them agrees (complete linkage), so one loose
mention cannot chain two events together. A mention with no place joins an event only from its
own item: the nearest placed mention before it in the text ("The massacre lasted two days"), or
the one event of that item with a matching date. Analysts' merges and splits are links between
mentions: "same" links are joined first, and "different" links are never crossed.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pursuit.nlp.liability import Liability
from pursuit.nlp.model import IncidentKind
from pursuit.nlp.timespan import TimeSpan
from pursuit.nlp.victims import VictimCount

__all__ = [
    "CLUSTER_RULE",
    "IncidentMention",
    "LiablePerson",
    "PlaceRef",
    "cluster_mentions",
    "compatible",
    "incident_id",
]

CLUSTER_RULE = (
    "same or compatible act, same gazetteer place, overlapping time windows and victim counts "
    "of one order where both sources give them; a mention with no place joins only an event "
    "of its own item; analysts' merges and splits always win"
)
NEAR_KM = 5.0
ANAPHOR_CHARS = 600  # how far back "the massacre" may point to its event in the same item
SLACK_DAYS = 3
KILLINGS = frozenset(
    {
        IncidentKind.KILLING,
        IncidentKind.EXECUTION,
        IncidentKind.BEHEADING,
        IncidentKind.MASSACRE,
        IncidentKind.STONING,
        IncidentKind.CRUCIFIXION,
    }
)
_CAPTURE = frozenset({IncidentKind.ABDUCTION, IncidentKind.DETENTION})
_ATTACKS = frozenset({IncidentKind.SHELLING, IncidentKind.BOMBING})
MANY = 5  # a massacre is the killing of at least this many


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as the gazetteer knows it (id, label, point), or as the text wrote it."""

    ident: str
    label: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class LiablePerson:
    """A person tied to a mention, how, and by what (the mention's words or a claim)."""

    name: str
    liability: Liability
    entity_id: str | None = None
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentMention:
    """One sentence of one item telling of an event; `key` ("item:offset") survives re-runs."""

    key: str
    item_id: str
    rank: tuple[str, str, int]  # (ingested at, item id, offset): the earliest mention first
    kind: IncidentKind
    trigger: str
    offset: int
    place: PlaceRef | None = None
    when: TimeSpan | None = None
    victims: VictimCount | None = None
    victim_names: tuple[str, ...] = ()
    persons: tuple[LiablePerson, ...] = ()
    sentence: str = ""
    entity_id: str | None = None


def incident_id(case_id: str, key: str) -> str:
    """The stable id of the incident whose earliest mention has `key`."""
    return "ic-" + hashlib.sha256(f"{case_id}\x1f{key}".encode()).hexdigest()[:16]


def _kinds_agree(a: IncidentMention, b: IncidentMention) -> bool:
    if a.kind == b.kind:
        return True
    if {a.kind, b.kind} <= _CAPTURE:
        return True
    if {a.kind, b.kind} & _ATTACKS and {a.kind, b.kind} - _ATTACKS <= {IncidentKind.KILLING}:
        return True  # "the shelling of the market killed twelve people"
    if not {a.kind, b.kind} <= KILLINGS:
        return False
    other = b if a.kind is IncidentKind.MASSACRE else a if b.kind is IncidentKind.MASSACRE else None
    return other is None or other.victims is None or other.victims.count >= MANY


def _km(a: PlaceRef, b: PlaceRef) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0, a.lon or 0, b.lat or 0, b.lon or 0))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _places_agree(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return True
    return a.ident == b.ident or _km(a, b) <= NEAR_KM


def _times_agree(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    if a is None or b is None:
        return True
    slack = timedelta(days=SLACK_DAYS)
    a0, a1 = date.fromisoformat(a.start) - slack, date.fromisoformat(a.end) + slack
    return a0 <= date.fromisoformat(b.end) and date.fromisoformat(b.start) <= a1


def _counts_agree(a: VictimCount | None, b: VictimCount | None) -> bool:
    if a is None or b is None:
        return True
    low, high = sorted((a.count, b.count))
    return high - low <= 2 or low / high >= 0.5


def compatible(a: IncidentMention, b: IncidentMention) -> bool:
    """Whether two mentions may tell of one event: nothing they both say disagrees."""
    return (
        _kinds_agree(a, b)
        and _places_agree(a.place, b.place)
        and _times_agree(a.when, b.when)
        and _counts_agree(a.victims, b.victims)
    )


def _agreement(a: IncidentMention, b: IncidentMention) -> int:
    """How much two compatible mentions positively share: the strongest pairs join first."""
    both = [a.when and b.when, a.victims and b.victims, a.kind == b.kind]
    return sum(1 for x in both if x)


class _Groups:
    """Union-find over mention keys that refuses to join groups an analyst kept apart."""

    def __init__(self, keys: Iterable[str], apart: set[frozenset[str]]) -> None:
        self.parent = {k: k for k in keys}
        self.sets = {k: [k] for k in self.parent}
        self.apart = apart

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def members(self, key: str) -> list[str]:
        return self.sets[self.find(key)]

    def kept_apart(self, a: str, b: str) -> bool:
        if not self.apart:
            return False
        return any(
            frozenset((x, y)) in self.apart for x in self.members(a) for y in self.members(b)
        )

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
            self.sets[rb] += self.sets.pop(ra)


def _candidate_pairs(
    placed: list[IncidentMention],
) -> list[tuple[IncidentMention, IncidentMention]]:
    """Compatible pairs, compared only within one place (or places `NEAR_KM` apart)."""
    at: dict[str, list[IncidentMention]] = {}
    for m in placed:
        at.setdefault(m.place.ident if m.place else "", []).append(m)
    spots = {k: v[0].place for k, v in at.items()}
    near = {
        here: [k for k, p in spots.items() if k == here or _places_agree(spot, p)]
        for here, spot in spots.items()
    }
    pairs = []
    for a in placed:
        for k in near[a.place.ident if a.place else ""]:
            pairs += [(a, b) for b in at[k] if b.rank > a.rank and compatible(a, b)]
    return pairs


def _join_placed(groups: _Groups, placed: list[IncidentMention]) -> None:
    by_key = {m.key: m for m in placed}
    pairs = _candidate_pairs(placed)
    pairs.sort(key=lambda p: (-_agreement(*p), p[0].rank, p[1].rank))
    for a, b in pairs:
        if groups.find(a.key) == groups.find(b.key) or groups.kept_apart(a.key, b.key):
            continue
        left = [by_key[k] for k in groups.members(a.key) if k in by_key]
        right = [by_key[k] for k in groups.members(b.key) if k in by_key]
        if all(compatible(x, y) for x in left for y in right):
            groups.join(a.key, b.key)


def _anchor(m: IncidentMention, placed: list[IncidentMention]) -> IncidentMention | None:
    """The placed mention of the same item an unplaced one refers to, if it clearly does."""
    same_item = [p for p in placed if p.item_id == m.item_id]
    before = [p for p in same_item if p.offset < m.offset and m.offset - p.offset <= ANAPHOR_CHARS]
    if before:
        nearest = max(before, key=lambda p: p.offset)
        return nearest if compatible(m, nearest) else None
    if m.when is None:
        return None
    dated = [p for p in same_item if p.when is not None and compatible(m, p)]
    return dated[0] if len(dated) == 1 else None


def cluster_mentions(
    mentions: Sequence[IncidentMention],
    same: set[frozenset[str]] | None = None,
    different: set[frozenset[str]] | None = None,
) -> list[list[IncidentMention]]:
    """Mentions grouped into events (`CLUSTER_RULE`), each group earliest mention first."""
    groups = _Groups((m.key for m in mentions), different or set())
    for pair in same or set():
        a, b = tuple(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
        if a in groups.parent and b in groups.parent:
            groups.join(a, b)
    placed = sorted((m for m in mentions if m.place is not None), key=lambda m: m.rank)
    _join_placed(groups, placed)
    for m in sorted((m for m in mentions if m.place is None), key=lambda m: m.rank):
        anchor = _anchor(m, placed)
        alone = len(groups.members(m.key)) == 1
        if anchor is not None and alone and not groups.kept_apart(m.key, anchor.key):
            groups.join(m.key, anchor.key)
    by_root: dict[str, list[IncidentMention]] = {}
    for m in sorted(mentions, key=lambda m: m.rank):
        by_root.setdefault(groups.find(m.key), []).append(m)
    return list(by_root.values())


def main_kind(group: Sequence[IncidentMention]) -> IncidentKind:
    """The act most mentions name; among equals, the one listed first in `IncidentKind`."""
    counts = Counter(m.kind for m in group)
    order = list(IncidentKind)
    return min(counts, key=lambda k: (-counts[k], order.index(k)))


__all__ += ["main_kind"]
