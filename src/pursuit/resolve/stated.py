"""Links the sources state: "Julien Moreau, alias Abu Abdallah al-Faransi".

A kunya and a legal name share no word, so no name comparison can (or should) link them. What
links them is a source saying so, which extraction keeps as an `alias` claim with the sentence it
came from. Resolution turns each such claim into a proposal for review, quoting that sentence:
the text is evidence, not a finding, and a reviewer decides as for any other proposal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.nlp.model import ClaimPredicate
from pursuit.store.schema import claims, derivatives, mentions

__all__ = ["StatedLink", "stated_links"]

_QUOTE = 240

Span = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class StatedLink:
    """Two person entities (ids sorted) that sources call one person, with the sentences."""

    a: str
    b: str
    confidence: float
    quotes: tuple[str, ...]


def _quote(text: str, start: int, end: int) -> str:
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= _QUOTE else sentence[: _QUOTE - 1] + "…"


def _object_entities(conn: Connection, rows: list[sa.Row[tuple[object, ...]]]) -> dict[Span, str]:
    """(item, start, end) of each alias named in a claim -> the person entity of that mention."""
    items = sorted({str(r.item_id) for r in rows})
    found: dict[Span, str] = {}
    for chunk in range(0, len(items), 500):
        query = sa.select(
            mentions.c.item_id, mentions.c.start, mentions.c.end, mentions.c.entity_id
        ).where(
            mentions.c.item_id.in_(items[chunk : chunk + 500]),
            mentions.c.type == "person",
            mentions.c.entity_id.is_not(None),
        )
        for m in conn.execute(query):
            found[(str(m.item_id), int(m.start), int(m.end))] = str(m.entity_id)
    return found


def stated_links(conn: Connection, persons: Iterable[str]) -> list[StatedLink]:
    """Every pair of `persons` an alias claim joins, strongest first."""
    known = set(persons)
    rows = list(
        conn.execute(
            sa.select(claims, derivatives.c.text.label("source_text"))
            .join(derivatives, derivatives.c.id == claims.c.derivative_id)
            .where(
                claims.c.predicate == ClaimPredicate.ALIAS.value,
                claims.c.subject_entity_id.is_not(None),
            )
            .order_by(claims.c.id)
        )
    )
    objects = _object_entities(conn, rows)
    confidence: dict[tuple[str, str], float] = {}
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        other = objects.get((str(r.item_id), r.object_start, r.object_end))
        subject = str(r.subject_entity_id)
        if other is None or other == subject or not {subject, other} <= known:
            continue
        a, b = sorted((subject, other))
        pair = (a, b)
        confidence[pair] = max(confidence.get(pair, 0.0), float(r.confidence))
        quote = f"{r.item_id}: “{_quote(str(r.source_text), r.sentence_start, r.sentence_end)}”"
        if quote not in quotes[pair]:
            quotes[pair].append(quote)
    links = [StatedLink(a, b, confidence[(a, b)], tuple(quotes[(a, b)])) for a, b in confidence]
    return sorted(links, key=lambda s: (-s.confidence, s.a, s.b))
