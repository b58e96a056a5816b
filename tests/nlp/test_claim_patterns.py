"""Affiliation, presence and perpetrator patterns on sentences of the kind testimony uses."""

from __future__ import annotations

from pursuit.nlp import Claim, extract_claims, extract_incidents, extract_mentions


def facts(text: str, language: str = "en") -> set[tuple[str, str, str]]:
    claims: list[Claim] = extract_claims(text, extract_mentions(text, language))
    return {(c.subject.text, c.predicate.value, c.value) for c in claims}


def test_switched_allegiance_gives_current_and_former_groups() -> None:
    found = facts("In 2014 Abu Bakr al-Tunisi switched allegiance from al-Nusra to ISIS.")
    assert ("Abu Bakr al-Tunisi", "affiliation", "Islamic State") in found
    assert ("Abu Bakr al-Tunisi", "former_affiliation", "Jabhat al-Nusra") in found


def test_member_of_and_seen_in_with_time() -> None:
    text = "Abu Layth al-Masri, a member of Jabhat al-Nusra, was seen in Idlib in 2015."
    mentions = extract_mentions(text, "en")
    claims = extract_claims(text, mentions)
    found = {(c.subject.text, c.predicate.value, c.value) for c in claims}
    assert ("Abu Layth al-Masri", "affiliation", "Jabhat al-Nusra") in found
    presence = [c for c in claims if c.predicate.value == "presence"]
    assert [c.value for c in presence] == ["Idlib"]
    assert presence[0].time is not None and presence[0].time.text == "2015"


def test_chain_of_groups_joined_one_after_another() -> None:
    text = (
        "Abu Saleh al-Dayri led a Free Syrian Army brigade until 2013, joined Jabhat al-Nusra, "
        "and swore allegiance to Islamic State in July 2014."
    )
    groups = {value for _, predicate, value in facts(text) if predicate == "affiliation"}
    assert groups == {"Free Syrian Army", "Jabhat al-Nusra", "Islamic State"}


def test_french_joined_and_pronoun_presence() -> None:
    text = "Mehdi Benali a rejoint l'État islamique en 2014. Il se trouvait à Raqqa en 2015."
    found = facts(text, "fr")
    assert ("Mehdi Benali", "affiliation", "Islamic State") in found
    assert ("Mehdi Benali", "presence", "Raqqa") in found


def test_negated_membership_gives_no_claim() -> None:
    text = (
        "Umm Aisha al-Almaniya told the court by video link that she had never been a member "
        "of Islamic State."
    )
    assert not any(predicate == "affiliation" for _, predicate, _ in facts(text))


def test_trial_place_is_not_presence_and_alias_goes_to_real_name() -> None:
    text = (
        "Julien Moreau, alias Abu Abdallah al-Faransi, was tried in Paris in 2022. "
        "He lived in Raqqa in 2016."
    )
    found = facts(text)
    assert ("Julien Moreau", "presence", "Raqqa") in found
    assert not any(value == "Paris" for _, _, value in found)


def test_she_never_points_to_an_abu() -> None:
    text = "Abu Hamza al-Iraqi guarded the women. She escaped to Erbil in 2016."
    assert not any(value == "Erbil" for _, _, value in facts(text))


def test_pronoun_perpetrator_and_orders_of() -> None:
    text = (
        "Abu Jaafar al-Shami ran the prison in Tabqa. He was a security official, and he "
        "personally tortured prisoners in 2015."
    )
    mentions = extract_mentions(text, "en")
    (torture,) = extract_incidents(text, mentions)
    assert [p.text for p in torture.perpetrators] == ["Abu Jaafar al-Shami"]
    text = "Two men were beheaded in al-Bab on the orders of the local emir, Abu Khattab al-Halabi."
    (beheading,) = extract_incidents(text, extract_mentions(text, "en"))
    assert [p.text for p in beheading.ordered_by] == ["Abu Khattab al-Halabi"]
    assert not beheading.perpetrators


def test_arabic_verb_first_defection() -> None:
    found = facts("انشق أبو خالد الحمصي عن جبهة النصرة وبايع داعش في صيف 2014.", "ar")
    assert ("أبو خالد الحمصي", "former_affiliation", "Jabhat al-Nusra") in found
    assert ("أبو خالد الحمصي", "affiliation", "Islamic State") in found


def test_a_name_that_speaks_is_no_village_elsewhere_in_the_text() -> None:
    text = "This is a story of Karim and Sadiq. Karim said the fighters had left."
    karims = [m for m in extract_mentions(text, "en") if m.text == "Karim"]
    assert len(karims) == 2 and all(m.type.value == "person" for m in karims)
