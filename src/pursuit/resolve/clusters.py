"""Clusters built by a constrained merge, never by connected components.

Connected components chain: A~B and B~C put A and C together even when a reviewer said A is not
C. Here edges are merged one at a time, strongest first, and a merge is refused when it would put
inside one cluster two entities that a "not same" judgement separates, or two that strongly
contradict each other (birth years more than `YEAR_TOLERANCE` apart, nisbas pointing to
different origins). A refusal is kept with its reason, so a reviewer can see why two close names
stayed apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["YEAR_TOLERANCE", "Attributes", "ConstrainedClusters", "Refusal", "contradiction"]

YEAR_TOLERANCE = 2


@dataclass(frozen=True, slots=True)
class Attributes:
    """What a cluster claims about its person that another cluster may contradict."""

    birth_years: frozenset[int] = frozenset()
    origins: frozenset[str] = frozenset()

    def __or__(self, other: Attributes) -> Attributes:
        return Attributes(self.birth_years | other.birth_years, self.origins | other.origins)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A merge that was not made: `kind` is "judgement" or "contradiction"."""

    a: str
    b: str
    kind: str
    reason: str


def contradiction(a: Attributes, b: Attributes) -> str | None:
    """Why two clusters cannot be one person, or None when nothing they claim conflicts."""
    if a.birth_years and b.birth_years:
        span = max(a.birth_years | b.birth_years) - min(a.birth_years | b.birth_years)
        if span > YEAR_TOLERANCE:
            years = sorted(a.birth_years | b.birth_years)
            return f"birth years {years[0]} and {years[-1]} differ by {span}"
    if a.origins and b.origins and not (a.origins & b.origins):
        return f"origins {sorted(a.origins)} and {sorted(b.origins)} differ"
    return None


@dataclass
class ConstrainedClusters:
    """A union-find whose unions check cannot-link pairs and contradictions first."""

    parent: dict[str, str] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    forbidden: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    attributes: dict[str, Attributes] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        ids: Iterable[str],
        cannot_link: Iterable[tuple[str, str]] = (),
        attributes: dict[str, Attributes] | None = None,
    ) -> ConstrainedClusters:
        made = cls()
        for entity_id in ids:
            made.add(entity_id, (attributes or {}).get(entity_id, Attributes()))
        for a, b in cannot_link:
            made.forbid(a, b)
        return made

    def add(self, entity_id: str, attrs: Attributes = Attributes()) -> None:
        if entity_id not in self.parent:
            self.parent[entity_id] = entity_id
            self.members[entity_id] = {entity_id}
            self.attributes[entity_id] = attrs

    def forbid(self, a: str, b: str) -> None:
        """Record that `a` and `b` must never share a cluster."""
        self.add(a)
        self.add(b)
        self.forbidden[self.find(a)].add(b)
        self.forbidden[self.find(b)].add(a)

    def find(self, entity_id: str) -> str:
        root = entity_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[entity_id] != root:
            self.parent[entity_id], entity_id = root, self.parent[entity_id]
        return root

    def blocker(self, a: str, b: str, *, check_attributes: bool = True) -> Refusal | None:
        """Why `a`'s and `b`'s clusters may not merge, or None when they may."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if self.forbidden[ra] & self.members[rb] or self.forbidden[rb] & self.members[ra]:
            why = "a reviewer judged members of these clusters not the same"
            return Refusal(a, b, "judgement", why)
        found = contradiction(self.attributes[ra], self.attributes[rb])
        if check_attributes and found:
            return Refusal(a, b, "contradiction", found)
        return None

    def union(self, a: str, b: str, *, check_attributes: bool = True) -> bool:
        """Merge the clusters of `a` and `b` unless something forbids it (then kept as refusal)."""
        self.add(a)
        self.add(b)
        refused = self.blocker(a, b, check_attributes=check_attributes)
        if refused is not None:
            self.refusals.append(refused)
            return False
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.forbidden[ra] |= self.forbidden.pop(rb, set())
        self.attributes[ra] = self.attributes[ra] | self.attributes.pop(rb)
        return True

    def clusters(self) -> list[list[str]]:
        """Every cluster as a sorted list of ids, in order of their first id."""
        found = [sorted(m) for root, m in self.members.items() if self.parent[root] == root]
        return sorted(found)

    def canonical(self) -> dict[str, str]:
        """Each id mapped to its cluster's smallest id, a name stable across runs."""
        return {i: group[0] for group in self.clusters() for i in group}
