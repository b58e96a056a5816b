"""Analysts' work on claims: add one by hand, reject or restore one, grade, resolve a conflict.

Every check runs before anything is written, so a refused request changes nothing. Each change
is a new row (see `store.schema`, migration 0008) and a custody event.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from pursuit.cases.claims.grading import record_claim_grade, record_source_grade
from pursuit.cases.claims.listing import claim_id, find_claim, profile_facts
from pursuit.cases.claims.model import CaseClaim, Contradiction, GradeChange
from pursuit.cases.claims.statements import REJECT, RESTORE, address_of
from pursuit.cases.claims.traits import item_traits
from pursuit.cases.claims.values import (
    canonical_value,
    check_date,
    check_predicate,
    day_range,
    when_of,
)
from pursuit.corrections import CorrectionAction, CorrectionTarget, active_corrections
from pursuit.errors import InputError, UnknownClaim, UnknownItem
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.evidence.items import Item, get_item
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.stages.derivatives import latest_derivative
from pursuit.store.schema import claim_corrections, contradiction_resolutions, manual_claims

__all__ = [
    "NewClaim",
    "add_claim",
    "grade_claim",
    "reject_claim",
    "resolve_contradiction",
    "restore_claim",
]


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim an analyst reads in an item: the words quoted (or their span) are required."""

    profile: str
    predicate: str
    value: str
    item_id: str
    reason: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    time: str | None = None


def _needs(text: str, what: str) -> str:
    if not text.strip():
        raise InputError(f"{what} is required")
    return text.strip()


def _log(conn: Connection, actor: str, case_id: str, details: dict[str, Detail]) -> None:
    item = details.get("item")
    append_event(
        conn,
        Action.CORRECTED,
        actor,
        case_id=case_id,
        item_id=str(item) if item else None,
        details=details,
    )


def _span(conn: Connection, item: Item, new: NewClaim) -> tuple[int, int, str]:
    derivative = latest_derivative(conn, item.id)
    text = derivative.text if derivative is not None else ""
    if new.start is not None and new.end is not None:
        if not 0 <= new.start < new.end <= len(text):
            raise InputError(f"span {new.start}-{new.end} lies outside the item's text")
        quoted = text[new.start : new.end]
        if new.quote.strip() and new.quote.strip() not in quoted:
            raise InputError("the quote is not the text of the span given")
        return new.start, new.end, quoted
    quote = _needs(new.quote, "a quote of the item's words (or a span)")
    at = text.find(quote)
    if at < 0:
        raise InputError(f"the item's text does not contain {quote[:60]!r}")
    return at, at + len(quote), quote


def _not_deleted(conn: Connection, item: Item, start: int, end: int) -> None:
    for c in active_corrections(conn, item.case_id):
        deleted = c.target is CorrectionTarget.MENTION and c.action is CorrectionAction.DELETE
        if deleted and c.item_id == item.id and (c.start or 0) < end and start < (c.end or 0):
            raise InputError(
                f"the words at {c.start}-{c.end} are a mention a reviewer deleted ({c.reason!r})"
            )


def _lifespan(conn: Connection, profile: Profile, predicate: str, value: str) -> None:
    """A birth after a recorded death, or a death before a recorded birth, is refused."""
    new = day_range(value)
    if new is None or predicate not in ("birth", "death"):
        return
    other = "death" if predicate == "birth" else "birth"
    for c in profile_facts(conn, profile).claims:
        known = day_range(c.value) if c.predicate == other and not c.rejected else None
        if known is None:
            continue
        born, died = (new, known) if predicate == "birth" else (known, new)
        if born.first > died.last:
            raise InputError(f"died before born: birth {born.first[:4]}, death {died.last[:4]}")


def _item_in(conn: Connection, item_id: str, profile: Profile) -> Item:
    item = get_item(conn, item_id)
    if item.case_id != profile.case_id:
        raise UnknownItem(f"no item {item_id!r} in the case of {profile.name}")
    return item


def add_claim(
    conn: Connection, new: NewClaim, actor: str, *, case_ids: Collection[str] | None = None
) -> CaseClaim:
    """Record a claim read by an analyst in an item; it is graded and counted like any other."""
    predicate = check_predicate(new.predicate)
    value, reason = _needs(new.value, "a value"), _needs(new.reason, "a reason")
    profile = get_profile(conn, new.profile, case_ids=case_ids)
    item = _item_in(conn, new.item_id, profile)
    start, end, quote = _span(conn, item, new)
    _not_deleted(conn, item, start, end)
    check_date(predicate, value, new.time)
    _lifespan(conn, profile, predicate, value)
    row = {
        "case_id": profile.case_id,
        "entity_id": profile.id,
        "predicate": predicate,
        "value": value,
        "item_id": item.id,
        "quote": quote,
        "start": start,
        "end": end,
        "time_text": new.time,
        "reason": reason,
    }
    conn.execute(manual_claims.insert().values(**row, made_by=actor, made_at=datetime.now(UTC)))
    _log(conn, actor, profile.case_id, {"claim": "added", "entity": profile.id, **_short(row)})
    cid = claim_id(profile.id, predicate, canonical_value(predicate, value), when_of(new.time))
    return next(c for c in profile_facts(conn, profile).claims if c.id == cid)


def _short(row: dict[str, object]) -> dict[str, Detail]:
    keys = ("predicate", "value", "item_id", "start", "end", "reason")
    return {("item" if k == "item_id" else k): row[k] for k in keys}  # type: ignore[misc]


def _correct(
    conn: Connection,
    found: CaseClaim,
    action: str,
    reason: str,
    actor: str,
    item_id: str | None,
) -> int:
    wanted = [
        s
        for s in found.statements
        if (s.rejected == (action == RESTORE)) and (item_id is None or s.item_id == item_id)
    ]
    if not wanted:
        state = "rejected" if action == RESTORE else "in force"
        raise InputError(
            f"claim {found.id} has no statement {state}" + (f" in {item_id}" if item_id else "")
        )
    at = datetime.now(UTC)
    for s in wanted:
        item, start, end, predicate, value = address_of(s)
        conn.execute(
            claim_corrections.insert().values(
                case_id=found.case_id,
                item_id=item,
                subject_start=start,
                subject_end=end,
                predicate=predicate,
                value=value,
                action=action,
                reason=reason,
                made_by=actor,
                made_at=at,
            )
        )
    details: dict[str, Detail] = {"claim": found.id, "action": action, "reason": reason}
    _log(conn, actor, found.case_id, details | {"statements": len(wanted)})
    return len(wanted)


def reject_claim(
    conn: Connection,
    cid: str,
    reason: str,
    actor: str,
    *,
    item_id: str | None = None,
    case_ids: Collection[str] | None = None,
) -> int:
    """Reject a claim (or only its statement in one item); kept across re-extraction.
    Returns how many statements were rejected."""
    why = _needs(reason, "a reason")
    return _correct(conn, find_claim(conn, cid, case_ids), REJECT, why, actor, item_id)


def restore_claim(
    conn: Connection,
    cid: str,
    reason: str,
    actor: str,
    *,
    item_id: str | None = None,
    case_ids: Collection[str] | None = None,
) -> int:
    """Withdraw a rejection: the statements count again."""
    why = _needs(reason, "a reason")
    return _correct(conn, find_claim(conn, cid, case_ids), RESTORE, why, actor, item_id)


def grade_claim(
    conn: Connection,
    cid: str,
    reason: str,
    actor: str,
    *,
    credibility: str | None = None,
    reliability: str | None = None,
    source: str | None = None,
    case_ids: Collection[str] | None = None,
) -> list[GradeChange]:
    """Set a claim's credibility and/or the reliability of one of its sources, with a reason."""
    if credibility is None and reliability is None:
        raise InputError("give a credibility (1-6) or a reliability (A-F)")
    found = find_claim(conn, cid, case_ids)
    key = _source_of(conn, found, source) if reliability is not None else ""
    changes = []
    if reliability is not None:
        changes.append(record_source_grade(conn, found.case_id, key, reliability, reason, actor))
    if credibility is not None:
        changes.append(
            record_claim_grade(conn, found.case_id, found.id, credibility, reason, actor)
        )
    return changes


def _source_of(conn: Connection, found: CaseClaim, source: str | None) -> str:
    keys = sorted({t.source.key for t in item_traits(conn, found.items).values()})
    if source is None and len(keys) == 1:
        return keys[0]
    if source not in keys:
        raise InputError(f"name one of the claim's sources: {', '.join(keys) or 'none'}")
    return source


def resolve_contradiction(
    conn: Connection,
    profile_ref: str,
    contradiction_id: str,
    reason: str,
    actor: str,
    *,
    holds: str = "",
    case_ids: Collection[str] | None = None,
) -> Contradiction:
    """Record an analyst's weighing of a contradiction: a reason, and the value that holds (or
    none, when neither side can be preferred yet). Listed as resolved afterwards."""
    why = _needs(reason, "a reason")
    profile = get_profile(conn, profile_ref, case_ids=case_ids)
    found = next(
        (c for c in profile_facts(conn, profile).contradictions if c.id == contradiction_id), None
    )
    if found is None:
        raise UnknownClaim(f"no contradiction {contradiction_id!r} on {profile.name}")
    values = [s.value for s in found.values]
    if holds.strip() and holds.strip() not in values:
        raise InputError(f"{holds!r} is not one of the values in conflict: {', '.join(values)}")
    conn.execute(
        contradiction_resolutions.insert().values(
            case_id=profile.case_id,
            contradiction_id=found.id,
            holds=holds.strip(),
            reason=why,
            made_by=actor,
            made_at=datetime.now(UTC),
        )
    )
    details: dict[str, Detail] = {"contradiction": found.id, "holds": holds.strip(), "reason": why}
    _log(conn, actor, profile.case_id, details)
    return next(c for c in profile_facts(conn, profile).contradictions if c.id == found.id)
