"""Statements: the extracted claim rows and analysts' claims, with rejections applied.

Extraction replaces an item's claim rows on every run; a rejection addresses a statement by what
survives a re-run (item, subject span, predicate, value), like a mention correction, so it holds
for the same words however often extraction runs again. The latest correction of an address wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims.model import Statement
from pursuit.cases.claims.values import canonical_value
from pursuit.store.schema import claim_corrections, claims, derivatives, incidents, manual_claims

__all__ = ["Address", "REJECT", "RESTORE", "address_of", "load_statements"]

REJECT = "reject"
RESTORE = "restore"
Address = tuple[str, int, int, str, str]


def address_of(s: Statement) -> Address:
    """What identifies a statement across re-extraction."""
    return (s.item_id, s.subject_start, s.subject_end, s.predicate, s.raw_value)


def _rejections(conn: Connection, item_ids: list[str]) -> dict[Address, str]:
    """address -> reason, for addresses whose latest correction is a rejection."""
    query = (
        sa.select(claim_corrections)
        .where(claim_corrections.c.item_id.in_(item_ids))
        .order_by(claim_corrections.c.id)
    )
    latest: dict[Address, tuple[str, str]] = {}
    for r in conn.execute(query):
        key = (str(r.item_id), int(r.subject_start), int(r.subject_end), r.predicate, r.value)
        latest[key] = (str(r.action), str(r.reason))
    return {k: why for k, (action, why) in latest.items() if action == REJECT}


def _texts(conn: Connection, ids: set[int]) -> dict[int, str]:
    query = sa.select(derivatives.c.id, derivatives.c.text).where(derivatives.c.id.in_(sorted(ids)))
    return {int(r.id): str(r.text) for r in conn.execute(query)}


def _places(conn: Connection, item_ids: list[str]) -> dict[tuple[str, int], str]:
    """(item, trigger start) -> place of the incident an act claim points at."""
    query = sa.select(incidents.c.item_id, incidents.c.trigger_start, incidents.c.place).where(
        incidents.c.item_id.in_(item_ids), incidents.c.place.is_not(None)
    )
    return {(str(r.item_id), int(r.trigger_start)): str(r.place) for r in conn.execute(query)}


def _extracted(conn: Connection, members: list[str]) -> list[tuple[str, Statement]]:
    rows = list(conn.execute(sa.select(claims).where(claims.c.subject_entity_id.in_(members))))
    texts = _texts(conn, {int(r.derivative_id) for r in rows})
    places = _places(conn, sorted({str(r.item_id) for r in rows}))
    out = []
    for r in rows:
        text = texts.get(int(r.derivative_id), "")
        place = r.value if r.predicate == "presence" else None
        if r.object_start is not None:
            place = places.get((str(r.item_id), int(r.object_start)), place)
        out.append(
            (
                str(r.subject_entity_id),
                Statement(
                    item_id=str(r.item_id),
                    predicate=str(r.predicate),
                    value=canonical_value(str(r.predicate), str(r.value)),
                    raw_value=str(r.value),
                    subject_text=str(r.subject_text),
                    subject_start=int(r.subject_start),
                    subject_end=int(r.subject_end),
                    sentence_start=int(r.sentence_start),
                    sentence_end=int(r.sentence_end),
                    quote=text[int(r.sentence_start) : int(r.sentence_end)].strip(),
                    confidence=float(r.confidence),
                    extractor=str(r.extractor),
                    time_text=r.time_text,
                    place=place,
                    object_text=r.object_text,
                    object_start=r.object_start,
                    object_end=r.object_end,
                ),
            )
        )
    return out


def _manual(conn: Connection, members: list[str]) -> list[tuple[str, Statement]]:
    query = sa.select(manual_claims).where(
        manual_claims.c.entity_id.in_(members), manual_claims.c.deleted_at.is_(None)
    )
    out = []
    for r in conn.execute(query.order_by(manual_claims.c.id)):
        start, end = int(r.start or 0), int(r.end or 0)
        statement = Statement(
            item_id=str(r.item_id),
            predicate=str(r.predicate),
            value=canonical_value(str(r.predicate), str(r.value)),
            raw_value=str(r.value),
            subject_text=str(r.quote),
            subject_start=start,
            subject_end=end,
            sentence_start=start,
            sentence_end=end,
            quote=str(r.quote),
            confidence=1.0,
            extractor=f"analyst:{r.made_by}",
            time_text=r.time_text,
            place=str(r.value) if r.predicate == "presence" else None,
            manual_id=int(r.id),
            reason=str(r.reason),
        )
        out.append((str(r.entity_id), statement))
    return out


def load_statements(conn: Connection, owner: Mapping[str, str]) -> dict[str, list[Statement]]:
    """profile id -> its statements, extracted and by hand; `owner` maps member ids to profiles."""
    members = sorted(owner)
    found = _extracted(conn, members) + _manual(conn, members)
    rejected = _rejections(conn, sorted({s.item_id for _, s in found}))
    out: dict[str, list[Statement]] = defaultdict(list)
    for entity_id, s in found:
        why = rejected.get(address_of(s))
        if why is not None:
            s = replace(s, rejected=True, reason=why)
        out[owner[entity_id]].append(s)
    return out
