"""The language stage: mentions, claims and incidents from text, as pure functions.

    mentions = extract_mentions(text, language="en")
    claims = extract_claims(text, mentions)
    incidents = extract_incidents(text, mentions)

No database code lives here; the pipeline stores what these return.
"""

from __future__ import annotations

from collections.abc import Sequence

from pursuit.nlp.chunks import Analysis, analyse
from pursuit.nlp.claims import CLAIMS_EXTRACTOR, sentence_claims
from pursuit.nlp.incidents import extract_incidents
from pursuit.nlp.language import guess_language
from pursuit.nlp.mentions import extract_mentions
from pursuit.nlp.model import (
    Claim,
    ClaimPredicate,
    Incident,
    IncidentKind,
    Mention,
    MentionType,
)

__all__ = [
    "Analysis",
    "Claim",
    "ClaimPredicate",
    "Incident",
    "IncidentKind",
    "Mention",
    "MentionType",
    "analyse",
    "extract_claims",
    "extract_incidents",
    "extract_mentions",
    "guess_language",
    "incident_claims",
]


def _incident_claim(
    incident: Incident, subject: Mention, predicate: ClaimPredicate, value: str
) -> Claim:
    obj = None if predicate is ClaimPredicate.VICTIM_COUNT else incident.trigger
    return Claim(
        subject,
        predicate,
        obj,
        value,
        incident.start,
        incident.end,
        incident.confidence,
        CLAIMS_EXTRACTOR,
        incident.time,
    )


def incident_claims(incident: Incident) -> list[Claim]:
    """An incident's links as claims: perpetrator, ordered, victim, witness, victim_count."""
    word = incident.trigger.text.lower()
    out = [
        _incident_claim(incident, p, ClaimPredicate.PERPETRATOR, word)
        for p in incident.perpetrators
    ]
    out += [_incident_claim(incident, p, ClaimPredicate.ORDERED, word) for p in incident.ordered_by]
    out += [_incident_claim(incident, p, ClaimPredicate.VICTIM, word) for p in incident.victims]
    out += [_incident_claim(incident, p, ClaimPredicate.WITNESS, word) for p in incident.witnesses]
    if incident.victim_count is not None:
        count = str(incident.victim_count)
        out.append(_incident_claim(incident, incident.trigger, ClaimPredicate.VICTIM_COUNT, count))
    return out


def extract_claims(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Role, nationality, affiliation, presence and incident claims from `text`'s sentences.

    `mentions` are those `extract_mentions` found in the same `text`; every claim keeps the
    mentions it rests on (`Claim.mentions`) and its sentence's span.
    """
    claims = sentence_claims(text, mentions)
    for incident in extract_incidents(text, mentions):
        claims.extend(incident_claims(incident))
    return _once(claims)


def _once(claims: list[Claim]) -> list[Claim]:
    """One claim per subject, predicate and object: the sentence rules and the incident reading
    can both find "X befahl die Hinrichtung"; the copy that knows the time is kept."""
    kept: dict[tuple[int, int, str, int, int, str], int] = {}
    out: list[Claim] = []
    for claim in claims:
        where = (claim.object.start, claim.object.end) if claim.object is not None else (-1, -1)
        key = (claim.subject.start, claim.subject.end, claim.predicate.value, *where, claim.value)
        if key not in kept:
            kept[key] = len(out)
            out.append(claim)
        elif out[kept[key]].time is None and claim.time is not None:
            out[kept[key]] = claim
    return out
