"""Mentions from real sentences: kunya names whole, places with coordinates, offsets exact."""

from __future__ import annotations

import pytest

from pursuit.nlp import Mention, MentionType, extract_mentions

JAZRAWI = (
    "He shouted at his emir, a Saudi jihadist, Abu Hafs al-Jazrawi, who immediately ordered "
    "his arrest."
)


def of_type(mentions: list[Mention], kind: MentionType) -> list[Mention]:
    return [m for m in mentions if m.type is kind]


def assert_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert 0.0 <= m.confidence <= 1.0
        assert m.extractor


def test_kunya_is_one_person_with_nisba_origin() -> None:
    mentions = extract_mentions(JAZRAWI, "en")
    assert_offsets(JAZRAWI, mentions)
    persons = of_type(mentions, MentionType.PERSON)
    assert [p.text for p in persons] == ["Abu Hafs al-Jazrawi"]
    person = persons[0]
    assert person.label == "Abu Hafs al-Jazrawi"
    assert person.attributes["nisba"] == "al-Jazrawi"
    assert person.attributes["origin_country"] == "Saudi Arabia"
    assert person.extractor == "rules:kunya 1"
    assert [m.label for m in of_type(mentions, MentionType.ROLE)] == ["emir"]
    assert [m.label for m in of_type(mentions, MentionType.NATIONALITY)] == ["Saudi Arabia"]
    assert [m.label for m in of_type(mentions, MentionType.INCIDENT)] == ["detention"]


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir el-Zour", "Dayr az Zawr", "دير الزور"])
def test_deir_ez_zor_spellings_are_one_place(spelling: str) -> None:
    text = f"Fighters fled {spelling} in the summer of 2014."
    places = of_type(extract_mentions(text, None), MentionType.LOCATION)
    assert [p.text for p in places] == [spelling]
    assert places[0].label == "Deir ez-Zor"
    assert places[0].attributes["country"] == "Syria"
    assert abs(float(places[0].attributes["lat"]) - 35.34) < 0.05
    assert abs(float(places[0].attributes["lon"]) - 40.14) < 0.05


def test_dates_and_ranges_are_read() -> None:
    text = "He was in Raqqa in the summer of 2014, left in 2015 and stayed between 2016 and 2018."
    dates = of_type(extract_mentions(text, "en"), MentionType.DATE)
    spans = {d.text: (d.attributes["first"], d.attributes["last"]) for d in dates}
    assert spans["the summer of 2014"] == ("2014-06-01", "2014-08-31")
    assert spans["2015"] == ("2015-01-01", "2015-12-31")
    assert spans["between 2016 and 2018"] == ("2016-01-01", "2018-12-31")


def test_groups_get_one_label_across_languages() -> None:
    text = "Abu Talha joined ISIS, which the French call Daech and Syrians call داعش."
    orgs = of_type(extract_mentions(text, "en"), MentionType.ORGANIZATION)
    assert {o.label for o in orgs} == {"Islamic State"}
    assert len(orgs) == 3


def test_arabic_sentence_with_kunya() -> None:
    text = "وقال أبو عمر الشيشاني أمير تنظيم الدولة في الرقة إن المقاتلين وصلوا إلى الموصل."
    mentions = extract_mentions(text, None)
    assert_offsets(text, mentions)
    persons = of_type(mentions, MentionType.PERSON)
    assert [p.text for p in persons] == ["أبو عمر الشيشاني"]
    assert persons[0].attributes["origin_country"] == "Chechnya"
    places = {p.label for p in of_type(mentions, MentionType.LOCATION)}
    assert places == {"Raqqa", "Mosul"}
    assert "Islamic State" in {o.label for o in of_type(mentions, MentionType.ORGANIZATION)}
    assert "emir" in {r.label for r in of_type(mentions, MentionType.ROLE)}


def test_french_sentence() -> None:
    text = (
        "L'émir saoudien Abou Hafs al-Jazraoui a ordonné l'exécution de trois hommes à Raqqa "
        "en 2015, selon Amnesty International."
    )
    mentions = extract_mentions(text, "fr")
    assert_offsets(text, mentions)
    assert [p.text for p in of_type(mentions, MentionType.PERSON)] == ["Abou Hafs al-Jazraoui"]
    assert of_type(mentions, MentionType.PERSON)[0].label == "Abu Hafs al-Jazraoui"
    assert [p.label for p in of_type(mentions, MentionType.LOCATION)] == ["Raqqa"]
    assert "Saudi Arabia" in {n.label for n in of_type(mentions, MentionType.NATIONALITY)}
    assert "execution" in {i.label for i in of_type(mentions, MentionType.INCIDENT)}
    assert "Amnesty International" in {o.text for o in of_type(mentions, MentionType.ORGANIZATION)}


def test_mixed_script_right_to_left_offsets() -> None:
    text = (
        "The witness named \u202bأبو حفص الجزراوي\u202c as the emir who ran the prison in "
        "الرقة, then moved to Deir ez-Zor."
    )
    mentions = extract_mentions(text, "en")
    assert_offsets(text, mentions)
    persons = of_type(mentions, MentionType.PERSON)
    assert [p.text for p in persons] == ["أبو حفص الجزراوي"]
    assert persons[0].attributes["origin_country"] == "Saudi Arabia"
    assert [p.label for p in of_type(mentions, MentionType.LOCATION)] == ["Raqqa", "Deir ez-Zor"]


def test_arabic_with_diacritics_and_clitics_keeps_offsets() -> None:
    text = "وَصَلَ المُقاتِلونَ والرقّة ثم بالموصل"
    places = of_type(extract_mentions(text, "ar"), MentionType.LOCATION)
    assert [p.label for p in places] == ["Raqqa", "Mosul"]
    assert [p.text for p in places] == ["الرقّة", "الموصل"]


def test_empty_text_gives_nothing() -> None:
    assert extract_mentions("   \n", None) == []
