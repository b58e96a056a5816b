"""The dossier's "claims", "contradictions" and "timeline" parts, exactly as DESIGN's Dossier JSON
names them (more fields welcome): one function, so the dossier, the API and the CLI agree."""

from __future__ import annotations

import re

from sqlalchemy.engine import Connection

from pursuit.cases.claims.listing import profile_facts
from pursuit.cases.claims.model import CaseClaim, Contradiction, Statement
from pursuit.resolve.profiles import Profile

__all__ = ["claim_json", "claims_section", "contradiction_json"]

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _statement_json(s: Statement) -> dict[str, object]:
    return {
        "item_id": s.item_id,
        "quote": s.quote,
        "sentence": [s.sentence_start, s.sentence_end],
        "subject": {"text": s.subject_text, "start": s.subject_start, "end": s.subject_end},
        "object": None
        if s.object_start is None
        else {"text": s.object_text, "start": s.object_start, "end": s.object_end},
        "time_text": s.time_text,
        "raw_value": s.raw_value,
        "extractor": s.extractor,
        "confidence": s.confidence,
        "rejected": s.rejected,
        "reason": s.reason,
    }


def claim_json(c: CaseClaim) -> dict[str, object]:
    """One claim as the contract names it, with its subject, time, place and statements."""
    grade = c.grade
    return {
        "id": c.id,
        "subject": {"id": c.subject.id, "name": c.subject.name},
        "predicate": c.predicate,
        "value": c.value,
        "time": c.time,
        "place": c.place,
        "items": c.items,
        "origins": [list(o.items) for o in c.origins],
        "origin_reasons": [list(o.reasons) for o in c.origins],
        "corroboration": c.corroboration,
        "grade": None
        if grade is None
        else {
            "reliability": str(grade.reliability),
            "credibility": str(grade.credibility),
            "reliability_set": grade.reliability_set,
            "credibility_set": grade.credibility_set,
            "why": grade.why,
        },
        "sources": [{"key": r.key, "kind": r.kind, "reliability": str(g)} for r, g in c.sources],
        "rejected": c.rejected,
        "statements": [_statement_json(s) for s in c.statements],
    }


def contradiction_json(c: Contradiction) -> dict[str, object]:
    r = c.resolution
    return {
        "id": c.id,
        "predicate": c.predicate,
        "values": [
            {"value": s.value, "items": list(s.items), "claims": list(s.claims)} for s in c.values
        ],
        "why": c.why,
        "resolved": c.resolved,
        "resolution": None
        if r is None
        else {"holds": r.holds, "reason": r.reason, "by": r.made_by, "at": r.made_at.isoformat()},
    }


def _timeline(found: tuple[CaseClaim, ...]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for c in found:
        date = c.value if c.predicate in ("birth", "death") else c.time
        if c.rejected or not date or not _DATE.match(date):
            continue
        text = f"{c.predicate}: {c.value}" if c.predicate not in ("birth", "death") else c.predicate
        if c.place and c.place != c.value:
            text += f" ({c.place})"
        out.append({"date": date, "text": text, "items": c.items, "claim": c.id})
    return sorted(out, key=lambda e: (str(e["date"]), str(e["text"])))


def claims_section(conn: Connection, profile: Profile) -> dict[str, object]:
    """{"claims": [...], "contradictions": [...], "timeline": [...]} of one profile; rejected
    claims are left out, resolved contradictions stay listed as resolved."""
    facts = profile_facts(conn, profile)
    return {
        "claims": [claim_json(c) for c in facts.claims if not c.rejected],
        "contradictions": [contradiction_json(c) for c in facts.contradictions],
        "timeline": _timeline(facts.claims),
    }
