"""Reasons are values with a code; their words are made once, the same words as always."""

from __future__ import annotations

import pytest

from pursuit.names import PersonRecord, Reason, ReasonCode, compare_names, compare_persons
from pursuit.names.reasons import describe, reason_document, reason_from_json, reason_record


def test_the_words_of_a_comparison_are_those_people_have_always_read() -> None:
    found = compare_names("Abu Hafs al-Masri", "Abu Hafs al-Jazrawi")
    assert [describe(r) for r in found.reasons] == [
        "2 of 3 words agree",
        "kunya equal",
        "nisbas point to different origins: EG vs SA",
        "only the kunya agrees: weak evidence",
        "only one distinctive word agrees: weak evidence",
    ]
    # A rule's reason carries the cap it put on the score.
    origins = next(r for r in found.reasons if r.code is ReasonCode.NISBA_ORIGIN_DIFFERS)
    assert origins.weight is not None and found.score <= origins.weight


def test_person_reasons_carry_the_log_odds_they_add() -> None:
    a = PersonRecord(("Abu Bakr al-Saudi",), 1984, ("FR",), "m")
    b = PersonRecord(("Abou Bakr al Saoudi",), 1971, ("SA",), "f")
    found = compare_persons(a, b)
    texts = [r.text for r in found.reasons]
    assert texts[0] == "names 'Abu Bakr al-Saudi' / 'Abou Bakr al Saoudi': 0.99"
    assert "genders differ: m vs f: −" in texts
    assert "nationalities FR vs SA: −" in texts
    weights = {r.code: r.weight for r in found.reasons}
    assert weights[ReasonCode.GENDER_DIFFERS] == -6.0
    assert weights[ReasonCode.BIRTH_YEAR_DIFFERS] == -6.0


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_code_has_words_even_without_its_figure(code: ReasonCode) -> None:
    assert describe(Reason(code, "x", 0.5))
    assert describe(Reason(code, "x"))


def test_stored_reasons_come_back_and_old_plain_words_become_notes() -> None:
    reason = Reason(ReasonCode.STATED_IN_SOURCES, "item1: “X, alias Y”", 0.9)
    assert reason_from_json(reason_record(reason)) == reason
    assert reason_document(reason)["text"] == (
        "stated in the sources (alias claim, confidence 0.90): item1: “X, alias Y”"
    )
    old = reason_from_json("model probability 0.953")
    assert old == Reason(ReasonCode.NOTE, "model probability 0.953")
    assert old.text == "model probability 0.953"
    assert reason_from_json({"code": "retired_code", "detail": "d"}).code is ReasonCode.NOTE
