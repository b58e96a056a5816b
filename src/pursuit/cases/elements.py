"""The legal elements an incident may meet, and where the evidence stands on each.

The elements of the common Rome Statute crimes ship as data (`data/elements.json`, our short
paraphrase of the ICC's public Elements of Crimes, the article cited on each crime). For an
incident, every crime its act may amount to is listed with its elements, each with a status:

- supported: a simple rule found evidence (see `rules` in the data file) — the incident's own
  sources for the act; victims described as civilians or prisoners; a linked person or group
  said to belong to an armed group for the armed-conflict elements; several incidents against
  civilians in the case for the widespread or systematic attack;
- contradicted: the sources describe the victims only as fighters;
- gap: nothing found, or an element (intent, awareness) no rule can read.

An analyst's status, with a reason, always wins over the rule, and is kept in history.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pursuit.cases.incident_decisions import ElementStatus, StatusRecord
from pursuit.errors import UnknownElement
from pursuit.nlp.model import IncidentKind

__all__ = [
    "Crime",
    "Element",
    "ElementRow",
    "Evidence",
    "crimes",
    "crimes_for",
    "element_of",
    "element_matrix",
    "protected_words",
]

_DATA = Path(__file__).parent / "data" / "elements.json"
_PROTECTED = re.compile(
    r"civilian|people|villager|resident|women|children|boys|girls|prisoner|captive|detainee|"
    r"hostage|civil|personne|villageois|habitant|femmes|enfants|prisonnier|otage|détenu|"
    r"Zivilist|Menschen|Dorfbewohner|Bewohner|Frauen|Kinder|Gefangene|Geisel|Häftling|"
    r"مدني|أسير|أسرى|معتقل|نساء|أطفال|رهائن|قروي|سكان",
    re.I,
)
_FIGHTERS = re.compile(r"fighters|soldiers|combattants|soldats|Kämpfer|Soldaten|مقاتل|جنود", re.I)
_GROUPS = re.compile(
    r"yazidi|yezidi|yézidi|jesid|ezid|christian|chrétien|christ|shia|shiite|chiite|schiit|"
    r"alawite|alaouite|alawit|kurd|turkmen|turkmène|druze|drus|ismaili|"
    r"إيزيدي|ايزيدي|يزيدي|مسيحي|شيعي|شيعة|علوي|كردي|أكراد|تركمان|دروز",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Crime:
    id: str
    article: str
    title: str
    kinds: frozenset[IncidentKind]
    elements: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the case holds that the rules read, each fact with its items and claims."""

    items: tuple[str, ...]
    victim_items: tuple[str, ...] = ()
    fighter_items: tuple[str, ...] = ()
    group_items: tuple[str, ...] = ()
    armed_items: tuple[str, ...] = ()
    armed_claims: tuple[str, ...] = ()
    liable_items: tuple[str, ...] = ()
    liable_claims: tuple[str, ...] = ()
    attack_items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ElementRow:
    """One element of one crime for one incident: status, and the claims and items behind it."""

    crime: str
    crime_title: str
    article: str
    element: str
    text: str
    status: ElementStatus
    claims: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    rule: str = ""
    set_by: StatusRecord | None = None
    history: tuple[StatusRecord, ...] = field(default_factory=tuple)


@cache
def crimes() -> tuple[Crime, ...]:
    """The crimes and elements shipped in `data/elements.json`."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Crime(
            c["id"],
            c["article"],
            c["title"],
            frozenset(IncidentKind(k) for k in c["kinds"]),
            tuple(Element(e["id"], e["text"], e["rule"]) for e in c["elements"]),
        )
        for c in data["crimes"]
    )


def crimes_for(kinds: set[IncidentKind]) -> list[Crime]:
    """The crimes an incident of these acts may amount to."""
    return [c for c in crimes() if c.kinds & kinds]


def element_of(crime_id: str, element_id: str) -> tuple[Crime, Element]:
    """A crime and one of its elements by id; `UnknownElement` naming the choices otherwise."""
    crime = next((c for c in crimes() if c.id == crime_id), None)
    if crime is None:
        known = ", ".join(c.id for c in crimes())
        raise UnknownElement(f"no crime {crime_id!r}; known crimes: {known}")
    element = next((e for e in crime.elements if e.id == element_id), None)
    if element is None:
        known = ", ".join(e.id for e in crime.elements)
        raise UnknownElement(f"{crime_id} has no element {element_id!r}; its elements: {known}")
    return crime, element


def protected_words(text: str) -> tuple[bool, bool, bool]:
    """Whether victim words describe protected persons, fighters, or a targeted group."""
    return bool(_PROTECTED.search(text)), bool(_FIGHTERS.search(text)), bool(_GROUPS.search(text))


def _by_rule(rule: str, ev: Evidence) -> tuple[ElementStatus, tuple[str, ...], tuple[str, ...]]:
    """(status, claims, items) an element's rule reads from the evidence."""
    gap: tuple[ElementStatus, tuple[str, ...], tuple[str, ...]] = (ElementStatus.GAP, (), ())
    if rule == "act":
        return ElementStatus.SUPPORTED, (), ev.items
    if rule == "victims":
        if ev.victim_items:
            return ElementStatus.SUPPORTED, (), ev.victim_items
        return (ElementStatus.CONTRADICTED, (), ev.fighter_items) if ev.fighter_items else gap
    found = {
        "victim_group": ((), ev.group_items),
        "armed_conflict": (ev.armed_claims, ev.armed_items),
        "perpetrator": (ev.liable_claims, ev.liable_items),
        "attack": ((), ev.attack_items),
    }.get(rule)
    if found is None or not (found[0] or found[1]):
        return gap
    return ElementStatus.SUPPORTED, found[0], found[1]


def element_matrix(
    kinds: set[IncidentKind], evidence: Evidence, set_by_analysts: list[StatusRecord]
) -> list[ElementRow]:
    """Every element of every crime these acts may meet, by rule unless an analyst set it."""
    latest: dict[tuple[str, str], list[StatusRecord]] = {}
    for record in set_by_analysts:
        latest.setdefault((record.crime, record.element), []).append(record)
    rows = []
    for crime in crimes_for(kinds):
        for element in crime.elements:
            status, claims, items = _by_rule(element.rule, evidence)
            history = tuple(latest.get((crime.id, element.id), []))
            chosen = history[-1] if history else None
            rows.append(
                ElementRow(
                    crime.id,
                    crime.title,
                    crime.article,
                    element.id,
                    element.text,
                    chosen.status if chosen else status,
                    claims,
                    items,
                    element.rule,
                    chosen,
                    history,
                )
            )
    return rows
