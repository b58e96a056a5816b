"""English shapes met in conflict reporting that the small model gets wrong: ships, ranks alone,
places after "Near" or "the siege of", and people described by their age or office."""

from __future__ import annotations

from pursuit.nlp import extract_mentions
from pursuit.nlp.model import MentionType


def _typed(text: str) -> dict[str, MentionType]:
    return {m.text: m.type for m in extract_mentions(text, "en")}


def test_ships_are_neither_people_nor_places() -> None:
    text = (
        "The destroyer USS Kestrel (DDG 99) sailed with HMS Lantern. Later Lantern "
        "escorted the tanker."
    )
    found = _typed(text)
    assert not any("Kestrel" in t or "Lantern" in t for t in found)


def test_leading_near_is_trimmed_and_the_place_kept() -> None:
    found = _typed("Near Palmyra, one strike destroyed two weapons caches.")
    assert found.get("Palmyra") is MentionType.LOCATION
    assert "Near Palmyra" not in found


def test_person_with_digits_or_brackets_is_dropped() -> None:
    found = _typed("When prompted, callers enter Passcode 4471203 to join the briefing.")
    assert not any(t is MentionType.PERSON for t in found.values())


def test_age_before_a_name_makes_a_person() -> None:
    found = _typed("For 12-year-old Samir the basement is the only safe room.")
    assert found.get("Samir") is MentionType.PERSON


def test_office_in_apposition_makes_a_person() -> None:
    found = _typed("Dorian Vale, the Special Envoy to the region, arrived on Monday.")
    assert found.get("Dorian Vale") is MentionType.PERSON


def test_ship_prefix_needs_a_name() -> None:
    found = _typed("Ahmad Karimi said the convoy reached Aleppo.")
    assert found.get("Ahmad Karimi") is MentionType.PERSON
    assert found.get("Aleppo") is MentionType.LOCATION
