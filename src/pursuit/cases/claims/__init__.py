"""The case's facts: claims with their evidence, graded, counted by independent origin, and
checked against each other for contradictions.

    claims = list_claims(conn, entity="Abu Hafs al-Jazrawi")
    claims[0].corroboration, claims[0].grade, claims[0].origins
    contradictions(conn, profile)
    claims_section(conn, profile)   # the dossier's claims, contradictions and timeline
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from pursuit.cases.claims.contradictions import DISTANT_KM, SINGLE_VALUED
from pursuit.cases.claims.edits import (
    NewClaim,
    add_claim,
    grade_claim,
    reject_claim,
    resolve_contradiction,
    restore_claim,
)
from pursuit.cases.claims.grading import DEFAULT_RELIABILITY, default_credibility, grade_history
from pursuit.cases.claims.listing import ProfileFacts, find_claim, list_claims, profile_facts
from pursuit.cases.claims.model import (
    CaseClaim,
    ClaimSubject,
    Contradiction,
    Credibility,
    Grade,
    GradeChange,
    Origin,
    Reliability,
    Resolution,
    Side,
    SourceRef,
    Statement,
)
from pursuit.cases.claims.origins import NEAR_DUPLICATE, SHINGLE_WORDS, origins
from pursuit.cases.claims.section import claim_json, claims_section, contradiction_json
from pursuit.resolve.profiles import Profile

__all__ = [
    "DEFAULT_RELIABILITY",
    "DISTANT_KM",
    "NEAR_DUPLICATE",
    "SHINGLE_WORDS",
    "SINGLE_VALUED",
    "CaseClaim",
    "ClaimSubject",
    "Contradiction",
    "Credibility",
    "Grade",
    "GradeChange",
    "NewClaim",
    "Origin",
    "ProfileFacts",
    "Reliability",
    "Resolution",
    "Side",
    "SourceRef",
    "Statement",
    "add_claim",
    "claim_json",
    "claims_section",
    "contradiction_json",
    "contradictions",
    "default_credibility",
    "find_claim",
    "grade_claim",
    "grade_history",
    "list_claims",
    "origins",
    "profile_facts",
    "reject_claim",
    "resolve_contradiction",
    "restore_claim",
]


def contradictions(conn: Connection, profile: Profile) -> list[Contradiction]:
    """A profile's contradictions, open and resolved (a resolved one says so)."""
    return list(profile_facts(conn, profile).contradictions)
