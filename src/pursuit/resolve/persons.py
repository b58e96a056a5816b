"""Person entities as resolution sees them: names in folded parts, birth years, nationalities.

Rows come from the `entities` table (one per exact folded label, before any merge) and the claims
made about them. Nationality claims carry English country names; they are turned into ISO codes so
"Iraqi" and "Iraq" agree. Birth years are read from claims of a birth predicate when extraction
stores them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.names.fields import country_code
from pursuit.resolve.clusters import Attributes
from pursuit.resolve.naming import NameForms, name_forms
from pursuit.store.schema import claims, entities

__all__ = ["BIRTH_PREDICATES", "PersonEntity", "load_persons", "splink_row"]

BIRTH_PREDICATES = ("birth_year", "birth_date", "born")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class PersonEntity:
    entity_id: str
    case_id: str
    name: str
    forms: NameForms
    birth_years: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()

    @property
    def attributes(self) -> Attributes:
        origins = frozenset({self.forms.origin}) if self.forms.origin else frozenset[str]()
        return Attributes(birth_years=self.birth_years, origins=origins)


def _claimed(conn: Connection, ids: list[str]) -> dict[str, dict[str, set[str]]]:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    wanted = ("nationality", *BIRTH_PREDICATES)
    for chunk in range(0, len(ids), 500):
        query = sa.select(claims.c.subject_entity_id, claims.c.predicate, claims.c.value).where(
            claims.c.subject_entity_id.in_(ids[chunk : chunk + 500]),
            claims.c.predicate.in_(wanted),
        )
        for r in conn.execute(query):
            found[str(r.subject_entity_id)][str(r.predicate)].add(str(r.value))
    return found


def _years(values: Iterable[str]) -> frozenset[int]:
    return frozenset(int(y) for v in values for y in _YEAR.findall(v))


def load_persons(conn: Connection, ids: Iterable[str] | None = None) -> list[PersonEntity]:
    """Every person entity (or those of `ids`), ordered by id."""
    query = sa.select(entities.c.id, entities.c.case_id, entities.c.name).where(
        entities.c.type == "person"
    )
    rows = list(conn.execute(query.order_by(entities.c.id)))
    if ids is not None:
        keep = set(ids)
        rows = [r for r in rows if str(r.id) in keep]
    claimed = _claimed(conn, [str(r.id) for r in rows])
    return [_person(r, claimed.get(str(r.id), {})) for r in rows]


def _person(row: Any, facts: dict[str, set[str]]) -> PersonEntity:
    codes = {country_code(v) for v in facts.get("nationality", set())}
    years = _years(v for p in BIRTH_PREDICATES for v in facts.get(p, set()))
    return PersonEntity(
        entity_id=str(row.id),
        case_id=str(row.case_id),
        name=str(row.name),
        forms=name_forms(str(row.name)),
        birth_years=years,
        countries=frozenset(c for c in codes if c),
    )


def splink_row(person: PersonEntity) -> dict[str, object]:
    """The columns the Splink model compares (single values: the smallest when several)."""
    forms = person.forms
    return {
        "entity_id": person.entity_id,
        "folded": forms.folded or None,
        "kunya": forms.kunya,
        "nisba": forms.nisba,
        "given": forms.given,
        "last_token": forms.folded.split()[-1] if forms.folded else None,
        "birth_year": min(person.birth_years) if person.birth_years else None,
        "country": min(person.countries) if person.countries else None,
    }
