"""Names the statistical model mistypes or misses are recovered from what surrounds them."""

from __future__ import annotations

from pursuit.nlp import extract_mentions
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.person_cues import person_cues


def _persons(text: str) -> set[str]:
    return {m.text for m in extract_mentions(text, "en") if m.type is MentionType.PERSON}


def test_a_courtesy_title_makes_the_next_name_a_person() -> None:
    text = "The farm took on forty workers last year. Mr Alzoubi is convinced it works for all."
    assert "Alzoubi" in _persons(text)


def test_a_name_seen_twice_as_a_person_is_a_person_the_third_time() -> None:
    text = (
        "Karim met Sadiq. Sadiq smiled at Karim. Later Sadiq beamed, and Qanbar announced a plan."
    )
    model = "spacy:en_core_web_sm 3.8.0"

    def at(word: str, nth: int, kind: MentionType) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Mention(start, start + len(word), word, kind, model, 0.7, word)

    given = [
        at("Sadiq", 0, MentionType.PERSON),
        at("Sadiq", 1, MentionType.PERSON),
        at("Qanbar", 0, MentionType.ORGANIZATION),
    ]
    found = person_cues(text, given)
    sadiq = [m for m in found if m.text == "Sadiq"]
    assert len(sadiq) == 3 and all(m.type is MentionType.PERSON for m in sadiq)
    # The model's "organization" that announces something, with a man's name, is a person.
    assert any(m.text == "Qanbar" and m.type is MentionType.PERSON for m in found)
    # Karim was never typed a person twice: no guess is spread.
    assert not any(m.text == "Karim" for m in found)


def test_organizations_that_speak_stay_organizations() -> None:
    text = "In January the Mujahideen Shura Council announced its formation in Anbar."
    assert not any("Council" in name for name in _persons(text))
    titled = "General Assembly delegates met in New York; the General Assembly said nothing."
    assert "Assembly" not in _persons(titled)
