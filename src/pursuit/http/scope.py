"""The per-case half of authorisation: what a route may touch of one case's records.

The permission table (`permissions.py`) lets a request in when the user may do the thing in at
least one case. Routes about one case's records then load the record and check the user's role
in that very case; listings keep only the cases the user may read. A record of a case in which
the user has no role is answered exactly as a record that does not exist (same error, same
message), so neither a status nor a message tells whether another case holds it.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.corrections import CorrectionAction
from pursuit.errors import (
    AccessDenied,
    NotFound,
    UnknownCase,
    UnknownEntity,
    UnknownItem,
    UnknownMention,
    UnknownProposal,
)
from pursuit.evidence.cases import Case, get_case
from pursuit.evidence.items import Item, get_item
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.resolve.proposals import get_proposal
from pursuit.security.roles import Permission, Principal
from pursuit.store.schema import entities, items, mentions

__all__ = [
    "case_for",
    "entity_cases",
    "item_for",
    "profile_for",
    "readable_cases",
    "require_entity_correction",
    "require_for_entities",
    "require_for_mention",
    "require_for_proposals",
    "require_everywhere",
    "require_in_case",
    "require_ingest_into",
]


def readable_cases(who: Principal) -> set[str] | None:
    """The cases whose records the user may read; None means every case."""
    return who.cases_with(Permission.READ)


def require_in_case(
    who: Principal, permission: Permission, case_id: str, hidden: NotFound | None = None
) -> None:
    """Allowed in this case, or `hidden` (the record's own not-found error) when the user has
    no role there, and `AccessDenied` (403) when the role lacks the permission."""
    try:
        who.require(permission, case_id)
    except NotFound:
        if hidden is None:
            raise
        raise hidden from None


def require_everywhere(who: Principal, permission: Permission, what: str) -> None:
    """For workspace-wide work (verification, resolution runs): the permission in every case."""
    if who.cases_with(permission) is not None:
        raise AccessDenied(f"{what} spans every case: only users allowed it in every case may")


def case_for(conn: Connection, who: Principal, ref: str) -> Case:
    """A case the user may read, by id or name."""
    case = get_case(conn, ref)
    require_in_case(who, Permission.READ, case.id, UnknownCase(_no_case(ref)))
    return case


def _no_case(ref: str) -> str:
    return f"no case named or numbered {ref!r}"


def item_for(
    conn: Connection, who: Principal, ref: str, permission: Permission = Permission.READ
) -> Item:
    """The item `ref` names, checked against the user's role in its case."""
    item = get_item(conn, ref)
    require_in_case(who, permission, item.case_id, _no_item(ref))
    return item


def _no_item(ref: str) -> NotFound:
    return UnknownItem(f"no item with id or hash {ref!r}")


def profile_for(
    conn: Connection, who: Principal, ref: str, permission: Permission = Permission.READ
) -> Profile:
    """The entity `ref` names among the cases the user may read, checked for `permission`."""
    profile = get_profile(conn, ref, case_ids=readable_cases(who))
    require_in_case(who, permission, profile.case_id)
    return profile


def entity_cases(conn: Connection, ids: list[str]) -> dict[str, str]:
    """entity id -> its case, for the ids that are entities of the workspace."""
    query = sa.select(entities.c.id, entities.c.case_id).where(entities.c.id.in_(sorted(ids)))
    return {str(r.id): str(r.case_id) for r in conn.execute(query)}


def require_for_entities(
    conn: Connection, who: Principal, permission: Permission, *refs: str
) -> None:
    """The permission in the case of every ref that is an entity (a screening judgement pairs a
    record's key with one entity); `UnknownEntity` when none of them is a visible entity."""
    found = entity_cases(conn, list(refs))
    readable = readable_cases(who)
    visible = {e: c for e, c in found.items() if readable is None or c in readable}
    if not visible or len(visible) < len(found):
        missing = next((r for r in refs if r not in visible), refs[0])
        raise UnknownEntity(f"no entity with id {missing!r}")
    for case_id in sorted(set(visible.values())):
        require_in_case(who, permission, case_id)


def require_for_mention(
    conn: Connection, who: Principal, permission: Permission, mention_id: int
) -> None:
    """The permission in the case of the item the mention was found in."""
    query = (
        sa.select(items.c.case_id)
        .join(mentions, mentions.c.item_id == items.c.id)
        .where(mentions.c.id == mention_id)
    )
    case_id = conn.scalar(query)
    hidden = UnknownMention(f"no mention with id {mention_id}")
    if case_id is None:
        raise hidden
    require_in_case(who, permission, str(case_id), hidden)


def require_ingest_into(conn: Connection, who: Principal, ref: str) -> None:
    """Evidence may go into a case where the user may ingest; a new case is opened only by
    users who may ingest in every case. A case the user has no role in and a case that does
    not exist are refused alike, so an upload cannot probe for case names."""
    hidden = UnknownCase(f"{_no_case(ref)} you may add evidence to")
    try:
        case = get_case(conn, ref.strip())
    except UnknownCase:
        if who.cases_with(Permission.INGEST) is None:
            return
        raise hidden from None
    require_in_case(who, Permission.INGEST, case.id, hidden)


def require_entity_correction(
    conn: Connection, who: Principal, entity_id: str, action: CorrectionAction, value: str
) -> None:
    """Correcting an entity needs the right in its case; a merge or split names a second
    entity, which must be one the user may correct too."""
    profile_for(conn, who, entity_id, Permission.CORRECT)
    if action in (CorrectionAction.MERGE, CorrectionAction.SPLIT) and value.strip():
        profile_for(conn, who, value.strip(), Permission.CORRECT)


def require_for_proposals(
    conn: Connection, who: Principal, permission: Permission, proposal_ids: list[int]
) -> None:
    """The permission in the case of every proposed pair; a pair of a case the user may not
    read is an unknown proposal."""
    readable = readable_cases(who)
    for proposal_id in dict.fromkeys(proposal_ids):
        proposal = get_proposal(conn, proposal_id)
        cases = set(entity_cases(conn, [proposal.entity_a, proposal.entity_b]).values())
        if readable is not None and not cases <= readable:
            raise UnknownProposal(f"no proposal with id {proposal_id}")
        for case_id in sorted(cases):
            require_in_case(who, permission, case_id)
