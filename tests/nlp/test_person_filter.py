"""The model's persons that are weapons, products, common nouns or known places."""

from __future__ import annotations

from pursuit.nlp import extract_mentions


def _typed(text: str, language: str = "en") -> dict[str, str]:
    return {m.text: m.type.value for m in extract_mentions(text, language)}


def test_weapons_and_products_are_not_people_or_places() -> None:
    text = (
        "Glock pistols were found in the flat. Netflix drama about the siege divides critics. "
        "The commander, Khalid Rahimi, filmed the killings on an iPhone, a nurse said."
    )
    found = _typed(text)
    assert found.get("Khalid Rahimi") == "person"
    assert "Glock" not in found and "iPhone" not in found
    assert found.get("Netflix") in (None, "organization")


def test_capitalised_common_nouns_are_not_people() -> None:
    text = "Suspicious package found near station. Police said the man looked suspicious."
    assert _typed(text).get("Suspicious") != "person"
    german = "Sein Verteidiger, Markus Lindner, kündigte eine Erklärung an."
    found = _typed(german, "de")
    assert found.get("Verteidiger") != "person"
    assert found.get("Markus Lindner") == "person"


def test_a_known_village_is_a_place_unless_it_speaks() -> None:
    text = "He was appointed emir of Hajin in 2017, and Hajin fell a year later."
    assert _typed(text).get("Hajin") == "location"
    spoken = 'Karim said the guards had left. "They ran," Karim told us.'
    assert _typed(spoken).get("Karim") == "person"


def test_an_organization_named_like_a_watchdog_is_no_person() -> None:
    found = _typed("The report by Nineveh Watch names the chief as Saad Jubouri.")
    assert found.get("Nineveh Watch") != "person"
    assert found.get("Saad Jubouri") == "person"
