"""One profile per entity: the only place where mentions, corrections and decisions meet.

Every edge — `pursuit entities`, the entity page, the dossier, screening candidates and the API —
reads a person (or organization, place, incident) through `list_profiles` or `get_profile`, so
they cannot disagree about how many mentions he has or what he is called.

How a profile is made:

1. Extraction groups mentions of one type and folded label into an entity row.
2. Decisions in force join rows into one identity ("same", transitively; "not same" keeps them
   apart; see `identity.py` and `decisions.py`). The identity's smallest row id is its id, and
   any member's id finds it.
3. Reviewers' entity corrections apply to the whole identity: a deleted row leaves it, the latest
   retype gives its type, the latest rename its name.
4. Its mentions, items, spellings and claimed properties are those of all its rows; each
   spelling and property value keeps the items it rests on.

The display name (`NAME_RULE`): a reviewer's rename wins; otherwise the spelling, exactly as a
source wrote it, that the most items support — an item supports a spelling when it uses it or a
shorter spelling all of whose words it contains ("Abu Hafs" supports "Abu Hafs al-Jazrawi") —
then the one with more words, more mentions, and first in Unicode order. A row's label (a folded
form such as ابو for أبو) is shown only when no source spelling exists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.corrections import CorrectionAction, CorrectionTarget, active_corrections
from pursuit.entities import EntityType, entity_key
from pursuit.errors import AmbiguousEntity, UnknownEntity
from pursuit.resolve.identity import Identities, identities
from pursuit.store.schema import claims, entities, incidents, mentions

__all__ = [
    "NAME_RULE",
    "Attested",
    "NameSource",
    "Profile",
    "ProfileMention",
    "Spelling",
    "get_profile",
    "list_profiles",
]

NAME_RULE = (
    "a reviewer's rename; else the source spelling supported by the most items (an item using a "
    "shorter spelling whose words it contains supports it too), then more words, more mentions"
)


class NameSource(StrEnum):
    """Where a profile's display name comes from."""

    REVIEWER = "reviewer"
    SOURCES = "sources"
    LABEL = "label"


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way sources wrote the name, in its own script, and the items that wrote it so."""

    text: str
    items: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class Attested:
    """A property value and the items it rests on."""

    value: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProfileMention:
    id: int
    item_id: str
    entity_id: str
    derivative_id: int
    text: str
    start: int
    end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the workspace holds on one identity, each fact with its items."""

    id: str
    case_id: str
    type: EntityType
    name: str
    name_source: NameSource
    members: tuple[str, ...]
    spellings: tuple[Spelling, ...] = ()
    mentions: tuple[ProfileMention, ...] = ()
    attested: dict[str, tuple[Attested, ...]] = field(default_factory=dict)

    @property
    def aliases(self) -> list[str]:
        """Every other spelling sources used, in its original script."""
        return sorted({s.text for s in self.spellings} - {self.name})

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    @property
    def item_ids(self) -> list[str]:
        return sorted({m.item_id for m in self.mentions})

    @property
    def properties(self) -> dict[str, list[str]]:
        """Property name -> values, the flat form of the `entities` JSON contract."""
        return {k: [a.value for a in v] for k, v in sorted(self.attested.items())}

    def knows(self, ref: str) -> bool:
        """Whether `ref` is one of its ids, or (folded) its name or one of its spellings."""
        if ref in self.members:
            return True
        key = entity_key(ref)
        return any(entity_key(t) == key for t in (self.name, *(s.text for s in self.spellings)))


@dataclass(slots=True)
class _Reviewed:
    deleted: set[str] = field(default_factory=set)
    renamed: dict[str, tuple[int, str]] = field(default_factory=dict)
    retyped: dict[str, tuple[int, str]] = field(default_factory=dict)


def _reviewed(conn: Connection) -> _Reviewed:
    found = _Reviewed()
    for c in active_corrections(conn):
        if c.target is not CorrectionTarget.ENTITY or c.entity_id is None:
            continue
        if c.action is CorrectionAction.DELETE:
            found.deleted.add(c.entity_id)
        elif c.action is CorrectionAction.RENAME:
            found.renamed[c.entity_id] = (c.id, c.value)
        elif c.action is CorrectionAction.RETYPE:
            found.retyped[c.entity_id] = (c.id, c.value)
    return found


def _groups(
    rows: list[sa.Row[tuple[object, ...]]], ident: Identities, reviewed: _Reviewed
) -> dict[str, list[sa.Row[tuple[object, ...]]]]:
    grouped: dict[str, list[sa.Row[tuple[object, ...]]]] = defaultdict(list)
    for r in rows:
        if str(r.id) not in reviewed.deleted:
            grouped[ident.of(str(r.id))].append(r)
    return {min(str(r.id) for r in g): sorted(g, key=lambda r: str(r.id)) for g in grouped.values()}


def _mention_rows(conn: Connection, ids: set[str] | None) -> dict[str, list[ProfileMention]]:
    query = sa.select(mentions).where(mentions.c.entity_id.is_not(None))
    if ids is not None:
        query = query.where(mentions.c.entity_id.in_(sorted(ids)))
    found: dict[str, list[ProfileMention]] = defaultdict(list)
    for r in conn.execute(query.order_by(mentions.c.item_id, mentions.c.start)):
        found[str(r.entity_id)].append(
            ProfileMention(
                id=int(r.id),
                item_id=str(r.item_id),
                entity_id=str(r.entity_id),
                derivative_id=int(r.derivative_id),
                text=str(r.text),
                start=int(r.start),
                end=int(r.end),
                extractor=str(r.extractor),
                confidence=float(r.confidence),
            )
        )
    return found


Facts = dict[str, dict[str, dict[str, set[str]]]]


def _facts(conn: Connection, ids: set[str] | None) -> Facts:
    """entity id -> property -> value -> items, from claims and incident records."""
    found: Facts = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    query = sa.select(
        claims.c.subject_entity_id, claims.c.predicate, claims.c.value, claims.c.item_id
    )
    query = query.where(claims.c.subject_entity_id.is_not(None))
    if ids is not None:
        query = query.where(claims.c.subject_entity_id.in_(sorted(ids)))
    for r in conn.execute(query):
        if r.value:
            found[str(r.subject_entity_id)][str(r.predicate)][str(r.value)].add(str(r.item_id))
    query = sa.select(incidents).where(incidents.c.entity_id.is_not(None))
    if ids is not None:
        query = query.where(incidents.c.entity_id.in_(sorted(ids)))
    for r in conn.execute(query):
        props, item = found[str(r.entity_id)], str(r.item_id)
        props["kind"][str(r.kind)].add(item)
        for key, value in (("place", r.place), ("date", r.time), ("victim_count", r.victim_count)):
            if value is not None:
                props[key][str(value)].add(item)
        for key in ("perpetrators", "ordered_by", "victims", "witnesses"):
            for v in (r.details or {}).get(key, []):
                props[key][str(v)].add(item)
    return found


def _spellings(found: list[ProfileMention]) -> tuple[Spelling, ...]:
    items: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for m in found:
        items[m.text].add(m.item_id)
        counts[m.text] += 1
    return tuple(Spelling(t, tuple(sorted(items[t])), counts[t]) for t in sorted(items))


def display_name(spellings: tuple[Spelling, ...]) -> str | None:
    """The name sources support best (`NAME_RULE`), or None without spellings."""
    words = {s.text: set(entity_key(s.text).split()) for s in spellings}

    def support(s: Spelling) -> int:
        return len({i for t in spellings if words[t.text] <= words[s.text] for i in t.items})

    ranked = sorted(
        spellings, key=lambda s: (-support(s), -len(words[s.text]), -s.mentions, s.text)
    )
    return ranked[0].text if ranked else None


def _latest(members: list[str], chosen: dict[str, tuple[int, str]]) -> str | None:
    found = [chosen[m] for m in members if m in chosen]
    return max(found)[1] if found else None


def _profile(
    pid: str,
    rows: list[sa.Row[tuple[object, ...]]],
    mentioned: dict[str, list[ProfileMention]],
    facts: Facts,
    reviewed: _Reviewed,
) -> Profile | None:
    members = [str(r.id) for r in rows]
    head = next(r for r in rows if str(r.id) == pid)
    kind = EntityType.of(_latest(members, reviewed.retyped) or str(head.type))
    if kind is None:  # retyped to something that is not an entity (a date, a role…)
        return None
    found = sorted(
        (m for e in members for m in mentioned.get(e, [])), key=lambda m: (m.item_id, m.start)
    )
    spellings = _spellings(found)
    renamed = _latest(members, reviewed.renamed)
    spelled = display_name(spellings)
    name, source = (
        (renamed, NameSource.REVIEWER)
        if renamed
        else (spelled, NameSource.SOURCES)
        if spelled
        else (str(head.name), NameSource.LABEL)
    )
    merged: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in members:
        for prop, values in facts.get(e, {}).items():
            for value, items in values.items():
                merged[prop][value] |= items
    attested = {
        prop: tuple(Attested(v, tuple(sorted(i))) for v, i in sorted(values.items()))
        for prop, values in sorted(merged.items())
    }
    return Profile(
        id=pid,
        case_id=str(head.case_id),
        type=kind,
        name=name,
        name_source=source,
        members=tuple(members),
        spellings=spellings,
        mentions=tuple(found),
        attested=attested,
    )


def _build(
    conn: Connection, rows: list[sa.Row[tuple[object, ...]]], ident: Identities, *, scoped: bool
) -> list[Profile]:
    reviewed = _reviewed(conn)
    groups = _groups(rows, ident, reviewed)
    ids = {str(r.id) for g in groups.values() for r in g} if scoped else None
    mentioned, facts = _mention_rows(conn, ids), _facts(conn, ids)
    built = (_profile(pid, g, mentioned, facts, reviewed) for pid, g in groups.items())
    return [p for p in built if p is not None]


def list_profiles(
    conn: Connection,
    type_: EntityType | str | None = None,
    case_id: str | None = None,
    *,
    case_ids: Collection[str] | None = None,
) -> list[Profile]:
    """Every identity with at least one mention, most mentioned first, as reviewed.

    `case_id` keeps one case's; `case_ids` those of several (the cases a user may read).
    """
    query = sa.select(entities)
    if case_id is not None:
        query = query.where(entities.c.case_id == case_id)
    if case_ids is not None:
        query = query.where(entities.c.case_id.in_(sorted(case_ids)))
    built = _build(conn, list(conn.execute(query)), identities(conn), scoped=False)
    wanted = None if type_ is None else EntityType(type_)
    found = [p for p in built if p.mention_count and (wanted is None or p.type is wanted)]
    return sorted(found, key=lambda p: (-p.mention_count, p.name, p.id))


def _by_id(conn: Connection, ref: str) -> Profile | None:
    ident = identities(conn)
    canonical = ident.of(ref)
    ids = {ref, canonical, *ident.members(canonical)}
    rows = list(conn.execute(sa.select(entities).where(entities.c.id.in_(sorted(ids)))))
    if not any(str(r.id) == ref for r in rows):
        return None
    return next((p for p in _build(conn, rows, ident, scoped=True) if ref in p.members), None)


def get_profile(
    conn: Connection,
    ref: str,
    type_: EntityType | str | None = None,
    *,
    case_ids: Collection[str] | None = None,
) -> Profile:
    """The profile with id `ref` (any member's id), or whose name or a spelling is `ref`.

    A name several profiles carry is refused with the candidates named, never guessed; among
    profiles of several types, a single person is taken (dossiers are mostly of people).
    With `case_ids`, profiles of other cases are unknown: neither found nor named as candidates.
    """
    ref = ref.strip()
    if not ref:
        raise UnknownEntity("an entity id or name is needed")
    found = _by_id(conn, ref)
    if found is not None and (case_ids is None or found.case_id in case_ids):
        return found
    matches = [p for p in list_profiles(conn, type_, case_ids=case_ids) if p.knows(ref)]
    people = [p for p in matches if p.type is EntityType.PERSON]
    if len(matches) > 1 and len(people) == 1:
        matches = people
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UnknownEntity(f"no entity with id or name {ref!r}")
    named = "; ".join(f"{p.id} ({p.type}: {p.name})" for p in matches[:10])
    raise AmbiguousEntity(f"{len(matches)} entities are called {ref!r}: {named}; give an id")
