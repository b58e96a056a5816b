"""Incidents as events, as the API answers them: the dossier's "incidents" shape, and the
bodies of merges, splits and element statuses."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = [
    "ElementStatusIn",
    "IncidentDateOut",
    "IncidentElementOut",
    "IncidentListOut",
    "IncidentOut",
    "IncidentPersonOut",
    "IncidentSourceOut",
    "IncidentVictimsOut",
    "MergeIn",
    "SplitIn",
]


class IncidentDateOut(BaseModel):
    start: str
    end: str
    text: str


class IncidentVictimsOut(BaseModel):
    count: int
    text: str
    approximate: bool


class IncidentPersonOut(BaseModel):
    entity_id: str | None
    name: str
    liability: str = Field(
        description="committed, ordered, induced, aided, common_purpose, command"
    )
    items: list[str]


class IncidentElementOut(BaseModel):
    crime: str
    element: str
    status: str = Field(description="supported, gap or contradicted")
    claims: list[str]
    items: list[str]
    crime_title: str
    article: str
    text: str
    rule: str
    set_by: dict[str, str] | None = None


class IncidentSourceOut(BaseModel):
    key: str = Field(description="item:offset, the mention's stable key")
    item_id: str
    kind: str
    words: str
    sentence: str
    place: str | None
    date: str | None
    victims: str | None


class IncidentOut(BaseModel):
    id: str
    kind: str
    place: str | None
    date: IncidentDateOut | None
    victims: IncidentVictimsOut | None
    persons: list[IncidentPersonOut]
    corroboration: int
    items: list[str]
    elements: list[IncidentElementOut]
    case_id: str
    kinds: list[str]
    place_id: str | None
    coordinates: list[float] | None
    victim_names: list[str]
    groups: list[str]
    sources: list[IncidentSourceOut]
    merged_ids: list[str]
    history: list[dict[str, str]]


class IncidentListOut(BaseModel):
    incidents: list[IncidentOut]
    unplaced: list[IncidentOut]


class MergeIn(BaseModel):
    incidents: list[str] = Field(min_length=1, max_length=100, description="Incidents to join.")
    reason: str = Field(max_length=4000, description="Why; kept in the case's history.")


class SplitIn(BaseModel):
    members: list[str] = Field(
        min_length=1, max_length=1000, description="Mention keys (item:offset) or item ids."
    )
    reason: str = Field(max_length=4000, description="Why; kept in the case's history.")


class ElementStatusIn(BaseModel):
    crime: str = Field(max_length=64)
    element: str = Field(max_length=64)
    status: str = Field(max_length=16, description="supported, gap or contradicted")
    reason: str = Field(max_length=4000, description="Why; kept in the case's history.")
