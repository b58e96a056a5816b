"""Reasons as values: what moved a score, named by a code, with the words kept for the edges.

Name comparison, screening and resolution all explain their scores. Code that needs to know why
(is every reason of this pair a source's statement? was this hit judged by a reviewer?) checks a
reason's `code`, never its wording; the words a person reads are made once, by `describe`, at the
edges (CLI output, web pages, the `text` field of JSON). `detail` holds the specifics (the two
kunyas, the quoted sentence) and `weight` the figure the reason carries, when it has one: the cap a
naming rule puts on the score, the log-odds a birth year adds, a probability.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Reason",
    "ReasonCode",
    "describe",
    "describe_all",
    "reason_document",
    "reason_from_json",
    "reason_record",
]


class ReasonCode(StrEnum):
    """Every kind of reason names, screening and resolution give."""

    # Two names (`names.compare`).
    WORDS_AGREE = "words_agree"
    WORD_VARIANT = "word_variant"
    KUNYA_EQUAL = "kunya_equal"
    KUNYA_SIMILAR = "kunya_similar"
    KUNYA_DIFFERS = "kunya_differs"
    NISBA_SIMILAR = "nisba_similar"
    NISBA_ORIGIN_DIFFERS = "nisba_origin_differs"
    NISBA_DIFFERS = "nisba_differs"
    FIRST_NAMES_DIFFER = "first_names_differ"
    PATRONYMICS_DIFFER = "patronymics_differ"
    ONLY_KUNYA_AGREES = "only_kunya_agrees"
    NO_WORD_AGREES = "no_word_agrees"
    ONE_DISTINCTIVE_WORD = "one_distinctive_word"
    ONE_WORD_NAME = "one_word_name"
    ONLY_COMMON_WORDS_AGREE = "only_common_words_agree"
    NAME_ENDING_DIFFERS = "name_ending_differs"
    NAME_EMPTY = "name_empty"
    # Two person records (`names.persons`).
    NAME_PAIR = "name_pair"
    NO_NAME = "no_name"
    BIRTH_YEAR_EQUAL = "birth_year_equal"
    BIRTH_YEAR_CLOSE = "birth_year_close"
    BIRTH_YEAR_DIFFERS = "birth_year_differs"
    NATIONALITY_SHARED = "nationality_shared"
    NATIONALITY_DIFFERS = "nationality_differs"
    NISBA_MATCHES_NATIONALITY = "nisba_matches_nationality"
    NISBA_NOT_NATIONALITY = "nisba_not_nationality"
    GENDER_DIFFERS = "gender_differs"
    # Screening (`screen`).
    BIRTH_YEAR_AMONG = "birth_year_among"
    BIRTH_YEAR_NOT_AMONG = "birth_year_not_among"
    WEAK_ALIAS = "weak_alias"
    CONFIRMED_SAME = "confirmed_same"
    JUDGED_NOT_SAME = "judged_not_same"
    JUDGED_UNSURE = "judged_unsure"
    # Resolution (`resolve`).
    MODEL_PROBABILITY = "model_probability"
    MODEL_LEVEL = "model_level"
    NAME_COMPARISON = "name_comparison"
    STATED_IN_SOURCES = "stated_in_sources"
    CONTRADICTION = "contradiction"
    # A reason stored as plain words before reasons had codes.
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: its kind, the specifics, and the figure it carries (None when it has none)."""

    code: ReasonCode
    detail: str = ""
    weight: float | None = None

    @property
    def text(self) -> str:
        """The reason in words, as `describe` gives it (for templates and JSON)."""
        return describe(self)


# {detail} and {weight} are filled in; a template without {weight} ignores it.
_WORDS: dict[ReasonCode, str] = {
    ReasonCode.WORDS_AGREE: "{detail} words agree",
    ReasonCode.WORD_VARIANT: "{detail}",
    ReasonCode.KUNYA_EQUAL: "kunya equal",
    ReasonCode.KUNYA_SIMILAR: "kunya {detail}",
    ReasonCode.KUNYA_DIFFERS: "kunyas differ: {detail}",
    ReasonCode.NISBA_SIMILAR: "nisba {detail}",
    ReasonCode.NISBA_ORIGIN_DIFFERS: "nisbas point to different origins: {detail}",
    ReasonCode.NISBA_DIFFERS: "nisbas differ: {detail}",
    ReasonCode.FIRST_NAMES_DIFFER: "first names differ: {detail}",
    ReasonCode.PATRONYMICS_DIFFER: "patronymics differ: {detail}",
    ReasonCode.ONLY_KUNYA_AGREES: "only the kunya agrees: weak evidence",
    ReasonCode.NO_WORD_AGREES: "no word agrees",
    ReasonCode.ONE_DISTINCTIVE_WORD: "only one distinctive word agrees: weak evidence",
    ReasonCode.ONE_WORD_NAME: "a one-word name: weak evidence",
    ReasonCode.NAME_ENDING_DIFFERS: "one name is the other with a suffix: another family",
    ReasonCode.ONLY_COMMON_WORDS_AGREE: "only common words agree (Muhammad, Ali…): weak evidence",
    ReasonCode.NAME_EMPTY: "a name is empty after removing titles and punctuation",
    ReasonCode.NAME_PAIR: "names {detail}: {weight:.2f}",
    ReasonCode.NO_NAME: "a record has no name",
    ReasonCode.BIRTH_YEAR_EQUAL: "birth years {detail} equal: +",
    ReasonCode.BIRTH_YEAR_CLOSE: "birth years {detail}: ~",
    ReasonCode.BIRTH_YEAR_DIFFERS: "birth years {detail}: −",
    ReasonCode.NATIONALITY_SHARED: "nationality {detail} shared: +",
    ReasonCode.NATIONALITY_DIFFERS: "nationalities {detail}: −",
    ReasonCode.NISBA_MATCHES_NATIONALITY: "nisba of {detail}, the other's nationality: +",
    ReasonCode.NISBA_NOT_NATIONALITY: "nisba of {detail}: −",
    ReasonCode.GENDER_DIFFERS: "genders differ: {detail}: −",
    ReasonCode.BIRTH_YEAR_AMONG: "birth year {detail}: +",
    ReasonCode.BIRTH_YEAR_NOT_AMONG: "birth year {detail}: -",
    ReasonCode.WEAK_ALIAS: "matched a weak alias ({detail}): score x{weight}",
    ReasonCode.CONFIRMED_SAME: "confirmed the same person {detail}",
    ReasonCode.JUDGED_NOT_SAME: "judged not the same person {detail}",
    ReasonCode.JUDGED_UNSURE: "judged unsure {detail}",
    ReasonCode.MODEL_PROBABILITY: "model probability {weight:.3f}",
    ReasonCode.MODEL_LEVEL: "{detail}",
    ReasonCode.NAME_COMPARISON: "name comparison {weight:.3f}",
    ReasonCode.STATED_IN_SOURCES: (
        "stated in the sources (alias claim, confidence {weight:.2f}): {detail}"
    ),
    ReasonCode.CONTRADICTION: "contradiction: {detail}; kept apart",
    ReasonCode.NOTE: "{detail}",
}


def describe(reason: Reason) -> str:
    """The reason in the words a person reads (the same words pursuit has always shown)."""
    template = _WORDS[reason.code]
    if "{weight" in template and reason.weight is None:
        return f"{reason.code}: {reason.detail}" if reason.detail else str(reason.code)
    return template.format(detail=reason.detail, weight=reason.weight)


def describe_all(reasons: Iterable[Reason], sep: str = "; ") -> str:
    """Several reasons in words, joined as CSV cells and one-line summaries show them."""
    return sep.join(describe(r) for r in reasons)


def reason_record(reason: Reason) -> dict[str, object]:
    """The stored form: code, detail and weight, no words (they are made when shown)."""
    return {"code": str(reason.code), "detail": reason.detail, "weight": reason.weight}


def reason_document(reason: Reason) -> dict[str, object]:
    """The JSON form at the edges: the stored fields and the words, under `text`."""
    return {**reason_record(reason), "text": describe(reason)}


def reason_from_json(value: object) -> Reason:
    """A stored reason back as a value; plain words (rows stored before codes) become a NOTE."""
    if isinstance(value, Mapping) and "code" in value:
        try:
            code = ReasonCode(str(value["code"]))
        except ValueError:
            return Reason(ReasonCode.NOTE, str(value.get("text") or value.get("detail") or ""))
        weight = value.get("weight")
        return Reason(
            code,
            str(value.get("detail") or ""),
            float(weight) if isinstance(weight, int | float) else None,
        )
    return Reason(ReasonCode.NOTE, str(value))
