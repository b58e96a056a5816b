"""Claims as first-class values: one per profile, predicate, value and time, with its evidence.

`list_claims` is the one function every edge (CLI, API, web page, dossier) reads claims through.
Statements about any member row of a profile belong to the profile, so a merge of two spellings
merges their claims. Each claim carries its independent origins (`origins.py`), its sources'
reliability and its credibility (`grading.py`); contradictions among a profile's claims are
found first, since an open one changes the default credibility.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.engine import Connection

from pursuit.cases.claims.contradictions import detect, with_resolutions
from pursuit.cases.claims.grading import (
    DEFAULT_RELIABILITY,
    OPEN,
    OVERRULED,
    claim_credibility,
    combine,
    source_reliability,
)
from pursuit.cases.claims.model import CaseClaim, ClaimSubject, Contradiction, Statement
from pursuit.cases.claims.origins import group_origins
from pursuit.cases.claims.statements import load_statements
from pursuit.cases.claims.traits import item_traits
from pursuit.cases.claims.values import check_predicate, value_key, when_of
from pursuit.errors import UnknownClaim
from pursuit.resolve.profiles import Profile, get_profile, list_profiles

__all__ = ["ProfileFacts", "claim_id", "find_claim", "list_claims", "profile_facts"]


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    """A profile's claims (rejected ones included, flagged) and its contradictions."""

    profile: Profile
    claims: tuple[CaseClaim, ...]
    contradictions: tuple[Contradiction, ...]


def claim_id(profile_id: str, predicate: str, value: str, when: str | None) -> str:
    """Stable across re-extraction: made from what the claim says, not from row ids."""
    key = "\x1f".join([profile_id, predicate, value_key(predicate, value), when or ""])
    return "cl-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _claims_of(profile: Profile, statements: Sequence[Statement]) -> list[CaseClaim]:
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[claim_id(profile.id, s.predicate, s.value, when_of(s.time_text))].append(s)
    subject = ClaimSubject(profile.id, profile.name)
    out = []
    for cid, found in groups.items():
        found.sort(key=lambda s: (s.item_id, s.sentence_start, s.subject_start))
        head = found[0]
        place = next((s.place for s in found if s.place), None)
        time = when_of(head.time_text)
        out.append(
            CaseClaim(
                cid, profile.case_id, subject, head.predicate, head.value, time, place, tuple(found)
            )
        )
    return sorted(out, key=lambda c: (c.predicate, c.time or "", c.value, c.id))


def _contested(found: Sequence[Contradiction]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in found:
        for side in c.values:
            for cid in side.claims:
                if c.resolution is None:
                    out[cid] = OPEN
                elif c.resolution.holds and c.resolution.holds != side.value:
                    out.setdefault(cid, OVERRULED)
    return out


def _graded(conn: Connection, found: list[CaseClaim], contested: dict[str, str]) -> list[CaseClaim]:
    traits = item_traits(conn, {i for c in found for i in c.items})
    reliability = source_reliability(conn, {c.case_id for c in found})
    credibility = claim_credibility(conn, [c.id for c in found])
    out = []
    for c in found:
        origins = tuple(group_origins(traits, c.items))
        refs = {traits[i].source for i in c.items if i in traits}
        sources = tuple(
            (ref, reliability.get((c.case_id, ref.key), DEFAULT_RELIABILITY))
            for ref in sorted(refs, key=lambda r: r.key)
        )
        grade = combine(sources, credibility.get(c.id), len(origins), contested.get(c.id))
        out.append(replace(c, origins=origins, sources=sources, grade=grade))
    return out


def _facts(conn: Connection, profiles: Sequence[Profile], graded: bool) -> list[ProfileFacts]:
    owner = {m: p.id for p in profiles for m in p.members}
    statements = load_statements(conn, owner)
    out = []
    for p in profiles:
        found = _claims_of(p, statements.get(p.id, []))
        contradictions = with_resolutions(conn, detect(p.id, found)) if graded else []
        if graded:
            found = _graded(conn, found, _contested(contradictions))
        out.append(ProfileFacts(p, tuple(found), tuple(contradictions)))
    return out


def profile_facts(conn: Connection, profile: Profile) -> ProfileFacts:
    """One profile's graded claims and contradictions."""
    return _facts(conn, [profile], graded=True)[0]


def _profiles(
    conn: Connection, entity: str | None, case_ids: Collection[str] | None
) -> list[Profile]:
    if entity is not None:
        return [get_profile(conn, entity, case_ids=case_ids)]
    return list_profiles(conn, case_ids=case_ids)


def list_claims(
    conn: Connection,
    entity: str | None = None,
    predicate: str | None = None,
    case_ids: Collection[str] | None = None,
    *,
    include_rejected: bool = False,
) -> list[CaseClaim]:
    """Claims of one profile (`entity`: an id or name) or of all, graded, with their origins.

    `case_ids` keeps the cases a user may read; rejected claims (every statement rejected) are
    left out unless asked for."""
    if predicate is not None:
        check_predicate(predicate)
    out: list[CaseClaim] = []
    for facts in _facts(conn, _profiles(conn, entity, case_ids), graded=True):
        out.extend(
            c
            for c in facts.claims
            if (predicate is None or c.predicate == predicate)
            and (include_rejected or not c.rejected)
        )
    return out


def find_claim(conn: Connection, cid: str, case_ids: Collection[str] | None = None) -> CaseClaim:
    """The claim with this id (rejected ones too), ungraded; `UnknownClaim` when none."""
    for facts in _facts(conn, _profiles(conn, None, case_ids), graded=False):
        for c in facts.claims:
            if c.id == cid:
                return c
    raise UnknownClaim(f"no claim with id {cid!r}")
