"""The language stage: mentions, claims and incidents from an item's newest text.

Mentions are machine output, regenerable from a derivative at any time, so a re-run replaces the
item's earlier mentions, claims and incidents; the derivatives they came from stay untouched, and
reviewers' corrections are separate records applied again after every run.

The text is read in bounded pieces (`PURSUIT_NLP_CHUNK_CHARS`) and only up to
`PURSUIT_NLP_MAX_CHARS` characters of it, so one huge text cannot exhaust the machine; a run
that left text unread says so in its note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from pursuit.corrections import active_corrections, apply_to_mentions
from pursuit.entities import EntityType, ensure_entity
from pursuit.errors import PursuitError
from pursuit.evidence.items import Item
from pursuit.extract.boilerplate import without_furniture
from pursuit.nlp import analyse, incident_claims
from pursuit.nlp.model import Claim, Incident, Mention
from pursuit.stages.derivatives import Derivative, latest_derivative
from pursuit.stages.runs import Stage, contained, finish_run, start_run
from pursuit.store.schema import claims, incidents, mentions
from pursuit.store.workspace import Workspace

__all__ = ["ENTITY_MENTION_TYPES", "NlpOutcome", "incident_label", "run_nlp"]

ENTITY_MENTION_TYPES = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION}

Spans = dict[tuple[int, int], str]


@dataclass(frozen=True, slots=True)
class NlpOutcome:
    """What the language stage did for one item; `error` is set when it failed."""

    mentions: int
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def incident_label(incident: Incident) -> str:
    """A readable, groupable name: kind, place and time as the text gives them."""
    parts = [str(incident.kind)]
    if incident.place is not None:
        parts.append(incident.place.label or incident.place.text)
    if incident.time is not None:
        parts.append(incident.time.text)
    return " — ".join(parts)


def _store_mentions(
    conn: Connection, item: Item, derivative: Derivative, found: list[Mention], spans: Spans
) -> None:
    entity_of: dict[tuple[str, str], str] = {}
    rows = []
    for m in found:
        label = m.label or m.text
        entity_id = spans.get((m.start, m.end))
        if entity_id is None and str(m.type) in ENTITY_MENTION_TYPES:
            known = (str(m.type), label)
            if known not in entity_of:
                entity_of[known] = ensure_entity(conn, item.case_id, str(m.type), label)
            entity_id = spans[(m.start, m.end)] = entity_of[known]
        rows.append(
            {
                "item_id": item.id,
                "derivative_id": derivative.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": str(m.type),
                "label": label,
                "extractor": m.extractor,
                "confidence": m.confidence,
                "attributes": dict(m.attributes),
                "entity_id": entity_id,
            }
        )
    if rows:  # one statement for all: an item has hundreds of mentions
        conn.execute(mentions.insert(), rows)


def _names(found: tuple[Mention, ...]) -> list[str]:
    return [m.label or m.text for m in found]


def _store_incidents(
    conn: Connection, item: Item, derivative: Derivative, found: list[Incident], spans: Spans
) -> None:
    for inc in found:
        entity_id = ensure_entity(conn, item.case_id, EntityType.INCIDENT, incident_label(inc))
        spans[(inc.trigger.start, inc.trigger.end)] = entity_id
        details = {
            "victims": _names(inc.victims),
            "perpetrators": _names(inc.perpetrators),
            "ordered_by": _names(inc.ordered_by),
            "witnesses": _names(inc.witnesses),
            "victim_count_text": inc.victim_count_text,
        }
        conn.execute(
            incidents.insert().values(
                item_id=item.id,
                derivative_id=derivative.id,
                entity_id=entity_id,
                kind=str(inc.kind),
                trigger_text=inc.trigger.text,
                trigger_start=inc.trigger.start,
                trigger_end=inc.trigger.end,
                place=(inc.place.label or inc.place.text) if inc.place else None,
                time=inc.time.text if inc.time else None,
                victim_count=inc.victim_count,
                details=details,
                confidence=inc.confidence,
                extractor=inc.extractor,
            )
        )


def _store_claims(
    conn: Connection, item: Item, derivative: Derivative, found: list[Claim], spans: Spans
) -> None:
    rows = [
        {
            "item_id": item.id,
            "derivative_id": derivative.id,
            "predicate": str(c.predicate),
            "value": c.value,
            "subject_text": c.subject.text,
            "subject_start": c.subject.start,
            "subject_end": c.subject.end,
            "subject_entity_id": spans.get((c.subject.start, c.subject.end)),
            "object_text": c.object.text if c.object else None,
            "object_start": c.object.start if c.object else None,
            "object_end": c.object.end if c.object else None,
            "time_text": c.time.text if c.time else None,
            "sentence_start": c.start,
            "sentence_end": c.end,
            "confidence": c.confidence,
            "extractor": c.extractor,
        }
        for c in found
    ]
    if rows:
        conn.execute(claims.insert(), rows)


def _clear(conn: Connection, item_id: str) -> None:
    for table in (claims, incidents, mentions):
        conn.execute(table.delete().where(table.c.item_id == item_id))


def run_nlp(ws: Workspace, item: Item, *, queued: int | None = None) -> NlpOutcome:
    """Extract and store mentions, claims and incidents for `item`; never raises for content."""
    run = start_run(ws, item.id, Stage.NLP, queued)
    return contained(
        ws, run, lambda: _nlp(ws, item, run), lambda why: NlpOutcome(0, f"{item.filename}: {why}")
    )


def _capped(ws: Workspace, text: str) -> tuple[str, list[str]]:
    cap = ws.settings.nlp_max_chars
    if len(text) <= cap:
        return text, []
    note = (
        f"read the first {cap:,} of {len(text):,} characters (PURSUIT_NLP_MAX_CHARS); "
        "the rest has no mentions"
    )
    return text[:cap], [note]


def _found(
    ws: Workspace, item: Item, derivative: Derivative, text: str
) -> tuple[list[Mention], list[Claim], list[Incident]]:
    with ws.read() as conn:
        fixes = active_corrections(conn, item.case_id)
    chunk = ws.settings.nlp_chunk_chars
    result = analyse(
        text, derivative.language, lambda m: apply_to_mentions(m, item.id, fixes), chunk
    )
    claims_found = result.claims + [c for i in result.incidents for c in incident_claims(i)]
    return result.mentions, claims_found, result.incidents


def _nlp(ws: Workspace, item: Item, run: int) -> NlpOutcome:
    with ws.read() as conn:
        derivative = latest_derivative(conn, item.id)
    if derivative is None or not derivative.text.strip():
        finish_run(ws, run)
        return NlpOutcome(0)
    # Page furniture is blanked, not cut: offsets stay offsets into the stored derivative.
    text, warnings = _capped(ws, without_furniture(derivative.text))
    try:
        found, found_claims, found_incidents = _found(ws, item, derivative, text)
    except PursuitError as exc:
        finish_run(ws, run, str(exc))
        return NlpOutcome(0, f"{item.filename}: {exc}")
    with ws.write() as conn:
        _clear(conn, item.id)
        spans: Spans = {}
        _store_incidents(conn, item, derivative, found_incidents, spans)
        _store_mentions(conn, item, derivative, found, spans)
        _store_claims(conn, item, derivative, found_claims, spans)
    finish_run(ws, run, note="; ".join(warnings) or None)
    return NlpOutcome(len(found), warnings=warnings)
