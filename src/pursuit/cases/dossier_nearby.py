"""Who and what the sources name in the same sentence as the dossier's subject.

A link graph and a map built from claims alone miss most of what a reader of the sources sees:
the commander named beside a man, the town a witness places him in. Naming in one sentence is
no finding, so the dossier labels such links "named with" and keeps the items they rest on.

Sentences end at `.`, `!`, `?` or `؟` before a space, or at a blank line: sources are often
hard-wrapped, so a single line break does not end one.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.incident_clusters import PlaceRef
from pursuit.entities import EntityType
from pursuit.resolve.profiles import Profile
from pursuit.store.schema import derivatives, mentions

__all__ = ["NEARBY_TYPES", "Nearby", "nearby", "place_of"]

NEARBY_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)
_END = re.compile(r"[.!?؟](?=\s)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Nearby:
    """A mention of another entity in a sentence that names the subject."""

    entity_id: str
    type: EntityType
    text: str
    item_id: str
    place: PlaceRef | None = None


def place_of(label: str, attributes: object) -> PlaceRef | None:
    """The gazetteer point a location mention was resolved to, when extraction found one."""
    if not isinstance(attributes, dict):
        return None
    try:
        lat, lon = float(attributes["lat"]), float(attributes["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    return PlaceRef(str(attributes.get("place_id") or "text:" + label), label, lat, lon)


def _country(attributes: object) -> bool:
    return isinstance(attributes, dict) and attributes.get("place_kind") == "country"


def _ends(text: str) -> list[int]:
    return [m.end() for m in _END.finditer(text)]


def _sentence(ends: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """The sentence span that holds the characters start..end."""
    i = bisect.bisect_right(ends, start)
    begin = ends[i - 1] if i > 0 else 0
    j = bisect.bisect_left(ends, end)
    return begin, ends[j] if j < len(ends) else size


def _subject_sentences(conn: Connection, profile: Profile) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in profile.mentions:
        spans[m.derivative_id].append((m.start, m.end))
    if not spans:
        return {}
    rows = conn.execute(
        sa.select(derivatives.c.id, derivatives.c.text).where(derivatives.c.id.in_(list(spans)))
    )
    found: dict[int, list[tuple[int, int]]] = {}
    for r in rows:
        text = str(r.text)
        ends = _ends(text)
        found[int(r.id)] = [_sentence(ends, s, e, len(text)) for s, e in spans[int(r.id)]]
    return found


def nearby(conn: Connection, profile: Profile) -> list[Nearby]:
    """Mentions of persons, organizations and places in the subject's sentences."""
    sentences = _subject_sentences(conn, profile)
    if not sentences:
        return []
    query = sa.select(mentions).where(
        mentions.c.derivative_id.in_(list(sentences)),
        mentions.c.entity_id.is_not(None),
        mentions.c.type.in_([str(t) for t in NEARBY_TYPES]),
    )
    found: list[Nearby] = []
    for r in conn.execute(query.order_by(mentions.c.item_id, mentions.c.start)):
        if str(r.entity_id) in profile.members:
            continue
        if not any(s <= r.start < e for s, e in sentences[int(r.derivative_id)]):
            continue
        kind = EntityType(str(r.type))
        if kind is EntityType.LOCATION and _country(r.attributes):
            continue  # a whole country is no place to put on the map or in the graph
        place = place_of(str(r.label), r.attributes) if kind is EntityType.LOCATION else None
        found.append(Nearby(str(r.entity_id), kind, str(r.text), str(r.item_id), place))
    return found
