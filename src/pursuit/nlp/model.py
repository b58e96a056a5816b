"""The values the language stage produces: mentions, claims and incidents, tied to their words."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Claim",
    "ClaimPredicate",
    "EntityType",
    "Incident",
    "IncidentKind",
    "Mention",
    "MentionType",
]


class MentionType(StrEnum):
    """What a span of text refers to."""

    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    DATE = "date"
    ROLE = "role"
    NATIONALITY = "nationality"
    INCIDENT = "incident"


class EntityType(StrEnum):
    """The kinds of entity mentions resolve to: the one list every layer uses."""

    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    INCIDENT = "incident"

    @classmethod
    def of(cls, mention_type: str) -> EntityType | None:
        """The entity type a mention of this type resolves to, or None (dates, roles…)."""
        try:
            return cls(mention_type)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span `text[start:end]` of a derivative's text, with who found it and how sure it is.

    `label` is the canonical form used to group mentions (a gazetteer's place name, a normalised
    person name); `attributes` holds typed hints such as a kunya's nisba origin, as strings.
    """

    start: int
    end: int
    text: str
    type: MentionType
    extractor: str
    confidence: float
    label: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


class ClaimPredicate(StrEnum):
    """What a claim says of its subject; the names match the `properties` shown for entities."""

    ROLE = "role"
    NATIONALITY = "nationality"
    AFFILIATION = "affiliation"
    FORMER_AFFILIATION = "former_affiliation"
    PRESENCE = "presence"
    PERPETRATOR = "perpetrator"
    ORDERED = "ordered"
    VICTIM = "victim"
    VICTIM_COUNT = "victim_count"
    WITNESS = "witness"
    WITNESSED = "witnessed"  # a first-person statement: the subject saw or heard it
    ALIAS = "alias"
    BIRTH = "birth"
    BIRTHPLACE = "birthplace"
    DEATH = "death"
    LEGAL_NAME = "legal_name"


@dataclass(frozen=True, slots=True)
class Claim:
    """Subject - predicate - object/value, read from one sentence (`start`-`end` in the text).

    `value` is the normalised reading (a lower-case role word, an English country name, digits
    of a count); `object` is the mention it rests on when there is one. `time` is the date
    mention of the sentence that the claim is said to hold at, when one is there.
    """

    subject: Mention
    predicate: ClaimPredicate
    object: Mention | None
    value: str
    start: int
    end: int
    confidence: float
    extractor: str
    time: Mention | None = None

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention the claim rests on, for provenance."""
        found = [self.subject, self.object, self.time]
        return tuple(m for m in found if m is not None)


class IncidentKind(StrEnum):
    """Kinds of alleged crime events that incident words name."""

    EXECUTION = "execution"
    BEHEADING = "beheading"
    KILLING = "killing"
    MASSACRE = "massacre"
    TORTURE = "torture"
    ABDUCTION = "abduction"
    DETENTION = "detention"
    ENSLAVEMENT = "enslavement"
    SEXUAL_VIOLENCE = "sexual_violence"
    SHELLING = "shelling"
    BOMBING = "bombing"
    STONING = "stoning"
    CRUCIFIXION = "crucifixion"
    DESTRUCTION = "destruction"


@dataclass(frozen=True, slots=True)
class Incident:
    """An alleged crime event read from one sentence, with the mentions it rests on."""

    kind: IncidentKind
    trigger: Mention
    start: int
    end: int
    place: Mention | None = None
    time: Mention | None = None
    victim_count: int | None = None
    victim_count_text: str = ""
    victims: tuple[Mention, ...] = ()
    perpetrators: tuple[Mention, ...] = ()
    ordered_by: tuple[Mention, ...] = ()
    witnesses: tuple[Mention, ...] = ()
    confidence: float = 0.6
    extractor: str = "rules:incidents 1"
