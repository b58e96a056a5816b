"""Roles proposed for a person in a case, each with the claim or words it rests on.

Read from what extraction found about the person's profile:

- **suspect**: a role in an armed group ("role emir in 3 items"), or having ordered or taken part
  in an act ("ordered execution in 1 item");
- **victim**: named as the victim of an incident;
- **witness**: a first-person statement of what was seen, named as a witness of an incident, a
  protected witness pseudonym, a witness word or "told us" next to the name;
- **investigator**: a journalist's, researcher's or investigator's word next to the name, or a
  byline;
- **source**: quoted ("X said", "according to X").

The first of these that applies is the proposal; the others stay listed beside it. A proposal is
never a finding: an analyst sets the role, and a set role wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.roles import ROLE_WORDS
from pursuit.nlp.standing import Standing, standing_cues
from pursuit.resolve.profiles import Profile
from pursuit.store.schema import derivatives

__all__ = ["CaseRole", "RoleReason", "SUSPECT_ROLES", "propose_roles", "texts_of"]


class CaseRole(StrEnum):
    """A person's part in a case; the order is the order proposals are preferred in."""

    SUSPECT = "suspect"
    VICTIM = "victim"
    WITNESS = "witness"
    INVESTIGATOR = "investigator"
    SOURCE = "source"
    OTHER = "other"


# Civilian trades in the role vocabulary do not make a man a suspect.
SUSPECT_ROLES = frozenset(ROLE_WORDS) - {"doctor"}
_SUSPECT_ACTS = {"ordered": "ordered", "perpetrator": "took part in"}


@dataclass(frozen=True, slots=True)
class RoleReason:
    """One reason to propose a role: the words shown to the analyst and the items behind it."""

    role: CaseRole
    reason: str
    items: tuple[str, ...]


def _count(items: Iterable[str]) -> str:
    n = len(set(items))
    return f"{n} item" if n == 1 else f"{n} items"


def _from_claims(profile: Profile) -> list[RoleReason]:
    out: list[RoleReason] = []
    props = profile.attested
    for fact in props.get("role", ()):
        if fact.value in SUSPECT_ROLES:
            text = f"role {fact.value} in {_count(fact.items)}"
            out.append(RoleReason(CaseRole.SUSPECT, text, fact.items))
    for predicate, verb in _SUSPECT_ACTS.items():
        for fact in props.get(predicate, ()):
            text = f"{verb} {fact.value} in {_count(fact.items)}"
            out.append(RoleReason(CaseRole.SUSPECT, text, fact.items))
    for fact in props.get("victim", ()):
        text = f"victim of {fact.value} in {_count(fact.items)}"
        out.append(RoleReason(CaseRole.VICTIM, text, fact.items))
    for predicate in ("witnessed", "witness"):
        for fact in props.get(predicate, ()):
            text = f"witnessed {fact.value} in {_count(fact.items)}"
            out.append(RoleReason(CaseRole.WITNESS, text, fact.items))
    return out


def texts_of(conn: Connection, profiles: Iterable[Profile]) -> dict[int, str]:
    """The texts of the derivatives the profiles' mentions were read in."""
    ids = sorted({m.derivative_id for p in profiles for m in p.mentions})
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        query = sa.select(derivatives.c.id, derivatives.c.text).where(
            derivatives.c.id.in_(ids[start : start + 500])
        )
        found.update({int(r.id): str(r.text) for r in conn.execute(query)})
    return found


_STANDING_ROLE = {
    Standing.INVESTIGATOR: CaseRole.INVESTIGATOR,
    Standing.WITNESS: CaseRole.WITNESS,
    Standing.SOURCE: CaseRole.SOURCE,
}


def _from_words(profile: Profile, texts: dict[int, str]) -> list[RoleReason]:
    """Cues around each mention of the person in the texts that name him."""
    cues: dict[tuple[CaseRole, str], set[str]] = defaultdict(set)
    for m in profile.mentions:
        text = texts.get(m.derivative_id)
        if text is None or text[m.start : m.end] != m.text:
            continue
        mention = Mention(m.start, m.end, m.text, MentionType.PERSON, m.extractor, m.confidence)
        for cue in standing_cues(text, [mention]):
            words = " ".join(cue.words.split())
            cues[(_STANDING_ROLE[cue.standing], words)].add(m.item_id)
    return [
        RoleReason(role, f'"{words}" in {_count(items)}', tuple(sorted(items)))
        for (role, words), items in sorted(cues.items())
    ]


def propose_roles(profile: Profile, texts: dict[int, str]) -> list[RoleReason]:
    """Every reason found for a role, the preferred one first (`CaseRole` order, then most
    items)."""
    found = _from_claims(profile) + _from_words(profile, texts)
    order = list(CaseRole)
    return sorted(found, key=lambda r: (order.index(r.role), -len(r.items), r.reason))
