"""Incident mentions read back from the store, with what clustering and the views need.

The language stage stores one row per incident word with its place label, time words and named
people. Here each row gets its place resolved to the gazetteer, its time words read into a span
of days, its victims counted from its sentence in any of the four languages, and its persons
tied to their mentions (so to their profiles) with a mode of liability: from the row's
perpetrators and "ordered by", from cue words in the sentence, and from claims of the same item
("ordered", "perpetrator", "aided"…) about the same act.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.incident_clusters import (
    ANAPHOR_CHARS,
    KILLINGS,
    IncidentMention,
    LiablePerson,
    PlaceRef,
)
from pursuit.entities import entity_key
from pursuit.nlp.acts import canonical_act
from pursuit.nlp.liability import Liability, PersonSpan, liability_cues
from pursuit.nlp.model import IncidentKind
from pursuit.nlp.places import find_places
from pursuit.nlp.timespan import read_timespan
from pursuit.nlp.victims import read_victims
from pursuit.store.schema import claims, derivatives, incidents, items, mentions

__all__ = ["LIABILITY_PREDICATES", "load_mentions", "mention_key", "resolve_place", "sentence_at"]

WINDOW = 400
_Row = sa.Row[Any]
LIABILITY_PREDICATES: dict[str, Liability] = {
    "ordered": Liability.ORDERED,
    "perpetrator": Liability.COMMITTED,
    "committed": Liability.COMMITTED,
    "aided": Liability.AIDED,
    "induced": Liability.INDUCED,
    "incited": Liability.INDUCED,
    "commanded": Liability.COMMAND,
    "command": Liability.COMMAND,
    "common_purpose": Liability.COMMON_PURPOSE,
}
_END = re.compile(r"[.!?؟\n]+(?:\s|$)")


def mention_key(item_id: str, offset: int) -> str:
    """The key of the incident mention whose word starts at `offset` of the item's text."""
    return f"{item_id}:{offset}"


def resolve_place(label: str) -> PlaceRef:
    """The gazetteer place a label names, or the label itself when the gazetteer lacks it."""
    for hit in find_places(label):
        if hit.end - hit.start >= len(label.strip()) - 2:
            a = dict(hit.entry.attributes)
            return PlaceRef(a["place_id"], hit.entry.label, float(a["lat"]), float(a["lon"]))
    return PlaceRef("text:" + entity_key(label), label)


def sentence_at(window: str, at: int) -> tuple[int, int]:
    """Start and end in `window` of the sentence holding offset `at`."""
    start = 0
    for m in _END.finditer(window):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            return start, m.start() + 1
    return start, len(window)


def _rows(conn: Connection, case_ids: Collection[str] | None) -> list[_Row]:
    begin = sa.case(
        (incidents.c.trigger_start > WINDOW, incidents.c.trigger_start - WINDOW), else_=0
    )
    query = (
        sa.select(
            incidents,
            items.c.case_id,
            items.c.ingested_at,
            begin.label("window_start"),
            sa.func.substr(derivatives.c.text, begin + 1, 2 * WINDOW).label("window"),
        )
        .join(items, items.c.id == incidents.c.item_id)
        .join(derivatives, derivatives.c.id == incidents.c.derivative_id)
    )
    if case_ids is not None:
        query = query.where(items.c.case_id.in_(sorted(case_ids)))
    return list(conn.execute(query.order_by(items.c.ingested_at, incidents.c.item_id)))


def _persons_by_item(conn: Connection, item_ids: list[str]) -> dict[str, list[_Row]]:
    query = sa.select(mentions).where(
        mentions.c.type.in_(["person", "organization"]), mentions.c.item_id.in_(item_ids)
    )
    found: dict[str, list[_Row]] = defaultdict(list)
    for r in conn.execute(query):
        found[str(r.item_id)].append(r)
    return found


def _claims_by_item(conn: Connection, item_ids: list[str]) -> dict[str, list[_Row]]:
    query = sa.select(claims).where(
        claims.c.item_id.in_(item_ids), claims.c.predicate.in_(sorted(LIABILITY_PREDICATES))
    )
    found: dict[str, list[_Row]] = defaultdict(list)
    for r in conn.execute(query):
        found[str(r.item_id)].append(r)
    return found


def _acts_agree(kind: IncidentKind, value: str) -> bool:
    act = canonical_act(value)
    return act is not None and (act == kind or {act, kind} <= KILLINGS)


def _claim_persons(row: _Row, found: list[_Row]) -> list[LiablePerson]:
    """Claims of the item about this act: on its word, in its sentence, or just after it."""
    out = []
    at = int(row.trigger_start)
    for c in found:
        on_word = c.object_start == at
        in_sentence = int(c.sentence_start) <= at < int(c.sentence_end)
        after = 0 <= int(c.sentence_start) - at <= ANAPHOR_CHARS and _acts_agree(
            IncidentKind(str(row.kind)), str(c.value)
        )
        if on_word or in_sentence or after:
            mode = LIABILITY_PREDICATES[str(c.predicate)]
            entity = str(c.subject_entity_id) if c.subject_entity_id else None
            out.append(LiablePerson(str(c.subject_text), mode, entity, str(c.id)))
    return out


def _named(names: object, mode: Liability, spans: dict[str, str]) -> list[LiablePerson]:
    listed = names if isinstance(names, list) else []
    return [LiablePerson(str(n), mode, spans.get(entity_key(str(n)))) for n in listed]


def _mention(
    row: _Row,
    people: list[_Row],
    said: list[_Row],
) -> IncidentMention:
    window, base = str(row.window or ""), int(row.window_start)
    at = int(row.trigger_start) - base
    s0, s1 = sentence_at(window, at)
    sentence = window[s0:s1]
    inside = [p for p in people if base + s0 <= int(p.start) and int(p.end) <= base + s1]
    spans = [
        PersonSpan(str(p.text), int(p.start) - base - s0, int(p.end) - base - s0) for p in inside
    ]
    entity_of = {entity_key(str(p.text)): str(p.entity_id) for p in inside if p.entity_id}
    entity_of |= {entity_key(str(p.label)): str(p.entity_id) for p in inside if p.entity_id}
    details = dict(row.details or {})
    persons = _named(details.get("perpetrators"), Liability.COMMITTED, entity_of)
    persons += _named(details.get("ordered_by"), Liability.ORDERED, entity_of)
    persons += [
        LiablePerson(p.name, mode, entity_of.get(entity_key(p.name)))
        for p, mode in liability_cues(sentence, spans)
    ]
    persons += _claim_persons(row, said)
    victims = read_victims(window[at:s1]) or read_victims(sentence)
    return IncidentMention(
        key=mention_key(str(row.item_id), int(row.trigger_start)),
        item_id=str(row.item_id),
        rank=(str(row.ingested_at), str(row.item_id), int(row.trigger_start)),
        kind=IncidentKind(str(row.kind)),
        trigger=str(row.trigger_text),
        offset=int(row.trigger_start),
        place=resolve_place(str(row.place)) if row.place else None,
        when=read_timespan(str(row.time)) if row.time else None,
        victims=victims,
        victim_names=tuple(str(v) for v in details.get("victims") or []),
        persons=tuple(dict.fromkeys(persons)),
        sentence=sentence.strip(),
        entity_id=str(row.entity_id) if row.entity_id else None,
    )


def load_mentions(
    conn: Connection, case_ids: Collection[str] | None = None
) -> dict[str, list[IncidentMention]]:
    """Every incident mention of the cases (all when None), by case."""
    rows = _rows(conn, case_ids)
    item_ids = sorted({str(r.item_id) for r in rows})
    people = _persons_by_item(conn, item_ids) if item_ids else {}
    said = _claims_by_item(conn, item_ids) if item_ids else {}
    found: dict[str, list[IncidentMention]] = defaultdict(list)
    for r in rows:
        item = str(r.item_id)
        found[str(r.case_id)].append(_mention(r, people.get(item, []), said.get(item, [])))
    return dict(found)
