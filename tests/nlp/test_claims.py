"""Claims and incidents from real sentences, each tied to the mentions it rests on."""

from __future__ import annotations

import pursuit.nlp as nlp
from pursuit.nlp import (
    Claim,
    ClaimPredicate,
    IncidentKind,
    extract_claims,
    extract_incidents,
    extract_mentions,
)


def claims_of(text: str, language: str = "en") -> list[Claim]:
    return extract_claims(text, extract_mentions(text, language))


def facts(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.subject.text, c.predicate.value, c.value) for c in claims}


def test_emir_sentence_gives_role_nationality_and_order() -> None:
    text = (
        "He shouted at his emir, a Saudi jihadist, Abu Hafs al-Jazrawi, who immediately "
        "ordered his arrest."
    )
    claims = claims_of(text)
    assert facts(claims) == {
        ("Abu Hafs al-Jazrawi", "role", "emir"),
        ("Abu Hafs al-Jazrawi", "nationality", "Saudi Arabia"),
        ("Abu Hafs al-Jazrawi", "ordered", "arrest"),
    }
    nationality = next(c for c in claims if c.predicate is ClaimPredicate.NATIONALITY)
    assert nationality.object is not None and nationality.object.text == "Saudi"
    assert (nationality.start, nationality.end) == (0, len(text))
    for claim in claims:
        for mention in claim.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_victim_count_place_time_and_perpetrator() -> None:
    text = (
        "In the summer of 2014 ISIS fighters executed almost 300 civilians near Deir ez-Zor, "
        "witnesses said."
    )
    mentions = extract_mentions(text, "en")
    incidents = extract_incidents(text, mentions)
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.kind is IncidentKind.EXECUTION
    assert incident.victim_count == 300
    assert incident.victim_count_text == "almost 300 civilians"
    assert incident.place is not None and incident.place.label == "Deir ez-Zor"
    assert incident.time is not None and incident.time.attributes["first"] == "2014-06-01"
    assert [p.label for p in incident.perpetrators] == ["Islamic State"]
    assert ("executed", "victim_count", "300") in facts(extract_claims(text, mentions))


def test_affiliation_switch_and_presence() -> None:
    text = (
        "Abu Talha switched allegiance from al-Nusra to ISIS in 2014. "
        "Abu Omar al-Shishani, the ISIS military commander, was in Raqqa in 2014."
    )
    claims = claims_of(text)
    found = facts(claims)
    assert ("Abu Talha", "affiliation", "Islamic State") in found
    assert ("Abu Talha", "former_affiliation", "Jabhat al-Nusra") in found
    assert ("Abu Omar al-Shishani", "role", "commander") in found
    assert ("Abu Omar al-Shishani", "affiliation", "Islamic State") in found
    presence = next(c for c in claims if c.predicate is ClaimPredicate.PRESENCE)
    assert presence.value == "Raqqa"
    assert presence.time is not None and presence.time.text == "2014"


def test_named_victim_and_perpetrator_by_passive() -> None:
    text = "Ahmed Khalil was beheaded by Abu Yahya al-Iraqi in Mosul."
    found = facts(claims_of(text))
    assert ("Abu Yahya al-Iraqi", "perpetrator", "beheaded") in found
    assert ("Ahmed Khalil", "victim", "beheaded") in found


def test_role_is_not_given_to_a_person_the_text_does_not_link() -> None:
    text = "The emir arrived at noon. Later Abu Bakr spoke to the villagers."
    assert not [c for c in claims_of(text) if c.predicate is ClaimPredicate.ROLE]


def test_public_surface() -> None:
    assert set(nlp.__all__) >= {"extract_mentions", "extract_claims", "extract_incidents"}
    for name in nlp.__all__:
        assert hasattr(nlp, name)
