"""Screening remembers: a reviewer's decision on a hit is shown on every later run.

A screened record is not an entity, so it is named by a key made from what the list says of the
person — name, birth date, nationalities, gender — never from the list's own row id, which two
lists reuse for different people ("1", "q1"): a decision about one man must not silence a hit on
another. The same person screened again, from this list or another, gets the same key; a record
whose name or birth date changed gets a new key and is screened afresh.

A decision is a judgement on the pair (key, entity). It still applies after the entity was
merged into a larger identity: both sides are compared by their identity's canonical id. A
`not_same` decision turns the candidate's `match` off, saying who decided it and when; `same`
marks it confirmed; `unsure` is shown and changes nothing.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.names.reasons import Reason, ReasonCode
from pursuit.resolve.identity import identities
from pursuit.resolve.judgements import Decision, Judgement, current_judgements
from pursuit.screen.records import ScreenRecord
from pursuit.store.schema import judgements

__all__ = ["KEY_PREFIX", "HitDecision", "HitMemory", "is_record_key", "record_key"]

KEY_PREFIX = "screen:"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def record_key(record: ScreenRecord) -> str:
    """The stable key of a screened person: the same fields give the same key in any list."""
    birth = ""
    if record.birth is not None:
        birth = f"{record.birth.year}{'~' if record.birth.approximate else ''}"
    gender = (record.gender or "")[:1].lower()
    fields = [_norm(record.name), birth, ",".join(sorted(record.countries)), gender]
    digest = hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()
    return f"{KEY_PREFIX}{digest[:20]}"


def is_record_key(value: str) -> bool:
    return value.startswith(KEY_PREFIX)


@dataclass(frozen=True, slots=True)
class HitDecision:
    """The decision in force on a (record, entity) pair, as shown beside the candidate."""

    decision: Decision
    decided_by: str
    decided_at: datetime
    reason: str
    entity_id: str  # the entity the reviewer judged (it may since have been merged)
    judgement_id: int = 0

    @property
    def day(self) -> str:
        return self.decided_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")

    def explanation(self) -> Reason:
        """The reason added to the candidate's reasons, naming who decided and when."""
        code = {
            Decision.NOT_SAME: ReasonCode.JUDGED_NOT_SAME,
            Decision.SAME: ReasonCode.CONFIRMED_SAME,
            Decision.UNSURE: ReasonCode.JUDGED_UNSURE,
        }[self.decision]
        why = f": {self.reason}" if self.reason else ""
        return Reason(code, f"by {self.decided_by} on {self.day}{why}")


def _decision(j: Judgement, entity_id: str) -> HitDecision:
    return HitDecision(j.decision, j.decided_by, j.decided_at, j.reason, entity_id, j.id)


@dataclass(frozen=True, slots=True)
class HitMemory:
    """Decisions on screening hits, by record key, with entities mapped to their identity."""

    by_key: dict[str, list[HitDecision]] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> HitMemory:
        """Every decision in force whose one side is a screened record's key."""
        like = f"{KEY_PREFIX}%"
        rows = conn.execute(
            sa.select(judgements.c.entity_a, judgements.c.entity_b).where(
                judgements.c.deleted_at.is_(None),
                sa.or_(judgements.c.entity_a.like(like), judgements.c.entity_b.like(like)),
            )
        ).all()
        keys = {side for row in rows for side in row if is_record_key(str(side))}
        if not keys:
            return cls()
        by_key: dict[str, list[HitDecision]] = defaultdict(list)
        for j in current_judgements(conn, keys).values():
            key, other = (
                (j.entity_a, j.entity_b) if j.entity_a in keys else (j.entity_b, j.entity_a)
            )
            if key in keys and not is_record_key(other):
                by_key[key].append(_decision(j, other))
        return cls(dict(by_key), identities(conn).canonical)

    def _identity(self, entity_id: str) -> str:
        return self.canonical.get(entity_id, entity_id)

    def decision(self, key: str, entity_id: str) -> HitDecision | None:
        """The latest decision on the record against the entity or any entity merged with it."""
        wanted = self._identity(entity_id)
        found = [d for d in self.by_key.get(key, ()) if self._identity(d.entity_id) == wanted]
        return max(found, key=lambda d: (d.decided_at, d.judgement_id)) if found else None
