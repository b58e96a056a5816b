"""Response shapes of names: reasons, pair comparisons and parsed names."""

from __future__ import annotations

from pydantic import Field

from pursuit.api.schemas.base import Out
from pursuit.names.parse import ParsedName
from pursuit.names.reasons import ReasonCode

__all__ = ["CompareOut", "ComparedPairOut", "ParsedNameOut", "ReasonOut"]


class ReasonOut(Out):
    """One reason behind a score: check `code` in programs, show `text` to people."""

    code: ReasonCode = Field(description="The kind of reason; stable across wordings.")
    detail: str = Field(description="The specifics: the two spellings, the quoted sentence.")
    weight: float | None = Field(
        description="The figure it carries: a rule's cap, a log-odds step, a probability."
    )
    text: str = Field(description="The reason in words.")


class ComparedPairOut(Out):
    name_a: str
    name_b: str
    score: float | None = Field(description="0..1; null when the pair was skipped.")
    match: bool | None
    reasons: list[ReasonOut] = []
    skipped: str | None = Field(None, description="Why the pair was not scored.")


class CompareOut(Out):
    threshold: float
    results: list[ComparedPairOut]


class ParsedNameOut(Out):
    name: str
    script: str
    kunya: str | None
    ism: str | None
    nasab: list[str]
    nisbas: list[str]
    nisba_origin: str | None = Field(description="ISO country code the nisba points to.")
    laqab: str | None
    family: str | None
    titles: list[str]
    nom_de_guerre: str | None

    @classmethod
    def of(cls, name: str, parsed: ParsedName) -> ParsedNameOut:
        """The parts of `name` as the parser found them (`name` as it was asked)."""
        fields = {field: getattr(parsed, field) for field in ParsedName.__slots__}
        return cls.model_validate({**fields, "name": name})
