"""Profiles as FtM things: a person as Person, an organization as Organization, a place as Address.

Every spelling sources used stays an `alias` in its original script. Claimed properties go to
the FtM property that means the same (`PERSON_PROPERTIES`); an affiliation becomes a Membership
when the case has a profile of that organization, and everything FtM has no property for is
kept in `notes`. Which items mention a profile is a Documentation link per item (`documents`).
Incident profiles (the raw incident mentions) are not exported: the case's incidents are, as
Events (`events`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pursuit.cases.ftm.entity import Draft, link_id
from pursuit.entities import EntityType
from pursuit.resolve.profiles import Profile

__all__ = ["PERSON_PROPERTIES", "SCHEMA_OF", "memberships", "thing"]

SCHEMA_OF = {
    EntityType.PERSON: "Person",
    EntityType.ORGANIZATION: "Organization",
    EntityType.LOCATION: "Address",
}

# our property (claim predicate) -> FtM property of Person
PERSON_PROPERTIES = {
    "role": "position",
    "nationality": "nationality",
    "birth": "birthDate",
    "birthplace": "birthPlace",
    "death": "deathDate",
    "alias": "alias",
    "legal_name": "alias",
}
_AFFILIATIONS = {"affiliation": "current", "former_affiliation": "former"}


def _name_prop(schema: str) -> str:
    return "full" if schema == "Address" else "name"


def thing(profile: Profile, organizations: Sequence[Profile] = ()) -> dict[str, Any]:
    """The profile as an FtM entity with its id, names and properties; a person's affiliations
    naming none of `organizations` (those make Memberships) are noted."""
    schema = SCHEMA_OF[profile.type]
    draft = Draft(schema, profile.id)
    draft.put(_name_prop(schema), profile.name)
    draft.put("alias", profile.aliases)
    mapped = PERSON_PROPERTIES if profile.type is EntityType.PERSON else {"alias": "alias"}
    for prop, attested in profile.attested.items():
        values = [a.value for a in attested]
        if prop in mapped:
            draft.put(mapped[prop], values, label=prop)
        elif prop not in _AFFILIATIONS or profile.type is not EntityType.PERSON:
            for value in values:
                draft.note(prop, value)
    if profile.type is EntityType.PERSON:
        for prop, value in _unlinked(profile, organizations):
            draft.note(prop, value)
    return draft.data()


def _organization(value: str, organizations: Sequence[Profile]) -> Profile | None:
    found = [o for o in organizations if o.knows(value)]
    return found[0] if len(found) == 1 else None


def memberships(person: Profile, organizations: Sequence[Profile]) -> Iterator[dict[str, Any]]:
    """A Membership for each affiliation naming an organization of the case; an affiliation
    with no such profile is noted on the person instead."""
    same_case = [o for o in organizations if o.case_id == person.case_id]
    for prop, status in _AFFILIATIONS.items():
        for attested in person.attested.get(prop, ()):
            org = _organization(attested.value, same_case)
            if org is None:
                continue
            draft = Draft("Membership", link_id("membership", person.id, org.id, status))
            draft.put("member", person.id)
            draft.put("organization", org.id)
            draft.put("status", status)
            draft.put("role", "member")
            draft.put("proof", attested.items)
            yield draft.data()


def _unlinked(person: Profile, organizations: Sequence[Profile]) -> list[tuple[str, str]]:
    same_case = [o for o in organizations if o.case_id == person.case_id]
    return [
        (prop, a.value)
        for prop in _AFFILIATIONS
        for a in person.attested.get(prop, ())
        if _organization(a.value, same_case) is None
    ]
