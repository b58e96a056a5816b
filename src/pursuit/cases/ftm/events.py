"""The case's incidents as FtM Events, with their place, persons and sources.

An Event carries the time span (`startDate`/`endDate`, or `date` for one day), the place as text
(`location`) and as an Address entity (`addressEntity`: the case's location profile of that
name, given the gazetteer's coordinates, else an Address made from the gazetteer entry), the
persons and groups with a profile (`involved`), and every other name (`namesMentioned`). FtM's
Event has no mode of liability, so each answerable person also gets an UnknownLink to the event
whose `role` is the mode ("ordered", "committed"…). Each source item is a Documentation link.
Incidents with no place yet (`unplaced`) are exported too, noted as such, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pursuit.cases.ftm.documents import documentation
from pursuit.cases.ftm.entity import Draft, link_id
from pursuit.cases.incident_clusters import PlaceRef
from pursuit.cases.incidents import CaseIncident
from pursuit.entities import EntityType
from pursuit.resolve.profiles import Profile

__all__ = ["Known", "Places", "event", "event_links"]


class Known:
    """The exported persons and organizations, found by any member id or (groups) by name."""

    def __init__(self, profiles: list[Profile]) -> None:
        self._by_member = {m: p.id for p in profiles for m in p.members}
        self._organizations = [p for p in profiles if p.type is EntityType.ORGANIZATION]

    def of(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self._by_member.get(entity_id)

    def group(self, case_id: str, name: str) -> str | None:
        found = [o for o in self._organizations if o.case_id == case_id and o.knows(name)]
        return found[0].id if len(found) == 1 else None


class Places:
    """Address entities for incident places: a location profile when one has the place's name,
    else one made from the gazetteer entry; coordinates are added to either."""

    def __init__(self, locations: list[Profile], addresses: dict[str, dict[str, Any]]) -> None:
        self._locations = locations
        self.addresses = addresses  # entity id -> FtM entity data, shared with the export

    def address_of(self, case_id: str, place: PlaceRef) -> str:
        found = [p for p in self._locations if p.case_id == case_id and p.knows(place.label)]
        target = found[0].id if len(found) == 1 else link_id("place", case_id, place.ident)
        if target not in self.addresses:
            draft = Draft("Address", target)
            draft.put("full", place.label)
            self.addresses[target] = draft.data()
        if place.lat is not None and place.lon is not None:
            props = self.addresses[target]["properties"]
            props.setdefault("latitude", [repr(place.lat)])
            props.setdefault("longitude", [repr(place.lon)])
            self.addresses[target]["properties"] = dict(sorted(props.items()))
        return target


def _title(inc: CaseIncident) -> str:
    where = f" in {inc.place.label}" if inc.place else ""
    when = f", {inc.when.text}" if inc.when else ""
    return f"{inc.kind}{where}{when}"


def event(inc: CaseIncident, known: Known, places: Places) -> dict[str, Any]:
    """The incident as an Event, linked to the exported persons and organizations it names."""
    draft = Draft("Event", inc.id)
    draft.put("name", _title(inc))
    draft.put("keywords", [str(k) for k in inc.kinds])
    if inc.when is not None:
        exact = inc.when.start == inc.when.end
        draft.put("date", inc.when.start if exact else None)
        draft.put("startDate", None if exact else inc.when.start)
        draft.put("endDate", None if exact else inc.when.end)
        draft.note("date as written", inc.when.text)
    if inc.place is not None:
        draft.put("location", inc.place.label)
        draft.put("addressEntity", places.address_of(inc.case_id, inc.place))
    else:
        draft.note("place", "none yet: listed apart until an analyst joins it to an event")
    persons = [(p.name, known.of(p.entity_id)) for p in inc.persons]
    groups = [(g, known.group(inc.case_id, g)) for g in inc.groups]
    draft.put("involved", [i for _, i in persons + groups if i is not None])
    unlinked = [n for n, i in persons + groups if i is None]
    draft.put("namesMentioned", [*unlinked, *inc.victim_names])
    if inc.victims is not None:
        draft.put("summary", inc.victims.text)
        about = "about " if inc.victims.approximate else ""
        draft.note("victims", f"{about}{inc.victims.count}")
    draft.note("corroboration", f"{inc.corroboration} source item(s)")
    return draft.data()


def event_links(inc: CaseIncident, known: Known) -> Iterator[dict[str, Any]]:
    """Each answerable person's mode of liability, and each source item, as links."""
    for person in inc.persons:
        who = known.of(person.entity_id)
        if who is None:
            continue
        draft = Draft("UnknownLink", link_id("liability", who, inc.id, person.liability))
        draft.put("subject", who)
        draft.put("object", inc.id)
        draft.put("role", person.liability)
        draft.put("proof", person.items)
        yield draft.data()
    for item_id in inc.items:
        yield documentation(item_id, inc.id, "source", [])
