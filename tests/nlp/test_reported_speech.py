"""Orders carried by reported speech, membership phrases and first-person statements, in
English, French, German and Arabic (fictional sentences)."""

from __future__ import annotations

import pytest

from pursuit.nlp import Claim, extract_claims, extract_mentions
from pursuit.nlp.acts import canonical_act


def claims_of(text: str, language: str) -> list[Claim]:
    return extract_claims(text, extract_mentions(text, language))


def facts(text: str, language: str, predicate: str) -> set[tuple[str, str]]:
    return {
        (c.subject.text, c.value) for c in claims_of(text, language) if c.predicate == predicate
    }


ORDERS = [
    (
        "en",
        "Our emir was Abu Hafs al-Jazrawi. I protested to the emir; the emir answered that the "
        "prisoners had to be executed.",
        "Abu Hafs al-Jazrawi",
    ),
    (
        "fr",
        "Notre émir était Abou Hafs al-Jazraoui. J'ai protesté auprès de l'émir ; l'émir a "
        "répondu qu'il fallait exécuter les prisonniers.",
        "Abou Hafs al-Jazraoui",
    ),
    (
        "de",
        "Unser Emir war Abu Hafs al-Dschasrawi. Ich habe beim Emir protestiert; der Emir "
        "antwortete, die Gefangenen müssten hingerichtet werden.",
        "Abu Hafs al-Dschasrawi",
    ),
    (
        "ar",
        "كان أميرنا أبو حفص الجزراوي. احتججت لدى الأمير، فأجاب الأمير بأنه يجب إعدام السجناء.",
        "أبو حفص الجزراوي",
    ),
]


@pytest.mark.parametrize(("language", "text", "emir"), ORDERS)
def test_the_emir_who_answered_that_prisoners_must_die_ordered_their_execution(
    language: str, text: str, emir: str
) -> None:
    ordered = [c for c in claims_of(text, language) if c.predicate == "ordered"]
    assert [c.subject.text for c in ordered] == [emir]
    act = ordered[0].object
    assert act is not None and "execution" in {canonical_act(ordered[0].value), act.label}
    assert ordered[0].subject.start < text.index(".")  # the named man, not the role word


@pytest.mark.parametrize(
    ("language", "text", "who"),
    [
        ("de", "Abu Hafs befahl die Hinrichtung der Gefangenen.", "Abu Hafs"),
        ("ar", "أمر أبو حفص بإعدام السجناء.", "أبو حفص"),
    ],
)
def test_order_verbs_in_german_and_arabic(language: str, text: str, who: str) -> None:
    found = facts(text, language, "ordered")
    assert {canonical_act(v) for s, v in found if s == who} == {"execution"}


def test_speech_without_an_order_is_no_order() -> None:
    text = (
        "Our emir was Abu Hafs al-Jazrawi. The emir answered that the prisoners had been "
        "released. I heard of executions later."
    )
    assert facts(text, "en", "ordered") == set()


MEMBERSHIP = [
    ("en", "Omar Haddad was one of the soldiers of the Islamic State.", "Omar Haddad"),
    ("en", "Karim Ben Ali swore allegiance (bay'a) to Daesh in 2014.", "Karim Ben Ali"),
    ("fr", "Karim Ben Ali a prêté allégeance à Daech en 2014.", "Karim Ben Ali"),
    ("fr", "Omar Haddad était l'un des soldats de l'État islamique.", "Omar Haddad"),
    ("de", "Karim Ben Ali hat dem IS Treue geschworen.", "Karim Ben Ali"),
    ("de", "Omar Haddad kämpfte für den IS in Syrien.", "Omar Haddad"),
    ("ar", "كان عمر حداد من جنود الدولة الإسلامية.", "عمر حداد"),
    ("ar", "بايع أبو حفص داعش عام 2014.", "أبو حفص"),
]


@pytest.mark.parametrize(("language", "text", "member"), MEMBERSHIP)
def test_membership_phrases_give_affiliation(language: str, text: str, member: str) -> None:
    assert (member, "Islamic State") in facts(text, language, "affiliation")


def test_a_denied_membership_gives_none() -> None:
    text = "Omar Haddad had never been one of the soldiers of the Islamic State."
    assert facts(text, "en", "affiliation") == set()


WITNESSED = [
    ("en", "W-31: I saw the executions in the square. I heard the shots.", "executions"),
    ("fr", "J'ai vu les exécutions sur la place.", "exécutions"),
    ("de", "Ich habe die Hinrichtungen auf dem Platz gesehen.", "hinrichtungen"),
    ("ar", "رأيت الإعدام في الساحة.", "الإعدام"),
]


@pytest.mark.parametrize(("language", "text", "seen"), WITNESSED)
def test_first_person_statements_are_witnessed_claims(language: str, text: str, seen: str) -> None:
    found = [c for c in claims_of(text, language) if c.predicate == "witnessed"]
    assert found and found[0].value == seen
    for claim in found:
        for mention in claim.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_the_speaker_of_a_transcript_line_is_the_witness() -> None:
    text = "W-31: I saw the executions in the square. I heard the shots."
    assert facts(text, "en", "witnessed") == {("W-31", "executions"), ("W-31", "the shots")}
