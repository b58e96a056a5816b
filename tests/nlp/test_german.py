"""German text: pursuit's own German model, the span filters, and claims from German sentences.

The sentences are fictional, written in the style of the case files (court reports, testimony).
"""

from __future__ import annotations

import pytest

from pursuit.nlp import MentionType, extract_claims, extract_mentions
from pursuit.nlp.statistical import GERMAN_MODEL, model_name, spacy_entities

P, ORG, L = MentionType.PERSON, MentionType.ORGANIZATION, MentionType.LOCATION


def found(text: str, kind: MentionType) -> set[str]:
    return {m.text for m in extract_mentions(text, "de") if m.type is kind}


def facts(text: str) -> set[tuple[str, str, str]]:
    claims = extract_claims(text, extract_mentions(text, "de"))
    return {(c.subject.text, c.predicate.value, c.value) for c in claims}


def test_the_german_model_ships_in_the_package_and_names_itself() -> None:
    assert (GERMAN_MODEL / "meta.json").is_file()
    assert (GERMAN_MODEL / "common_nouns.txt").is_file()
    assert (GERMAN_MODEL / "README.md").is_file()
    assert model_name("de").startswith("spacy:wikiann_de ")


def test_german_text_is_read_by_the_german_model() -> None:
    text = "Der Angeklagte Markus Feldmann soll in Mossul für den IS gekämpft haben."
    mentions = extract_mentions(text, "de")
    extractors = {m.extractor for m in mentions if m.type in (P, ORG, L)}
    assert any(e.startswith("spacy:wikiann_de") for e in extractors)
    assert "en_core_web" not in " ".join(extractors)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "Nach Angaben der Bundesanwaltschaft lebte Stefan Brenner bis 2013 in Dinslaken.",
            P,
            "Stefan Brenner",
        ),
        (
            "Nach Angaben der Bundesanwaltschaft lebte Stefan Brenner bis 2013 in Dinslaken.",
            L,
            "Dinslaken",
        ),
        ("Die Zeugin Fatma Yilmaz sagte vor dem Oberlandesgericht Koblenz aus.", P, "Fatma Yilmaz"),
        ("Die Zeugin Fatma Yilmaz sagte vor dem Oberlandesgericht Koblenz aus.", L, "Koblenz"),
        ("Sein Bruder Jan Wegner reiste über die Türkei nach Syrien.", L, "Türkei"),
        ("Laut Anklage war Tobias Lang Mitglied der Al-Nusra-Front.", ORG, "Al-Nusra-Front"),
        ("Laut Anklage war Tobias Lang Mitglied der Al-Nusra-Front.", P, "Tobias Lang"),
    ],
)
def test_names_in_real_german_sentences(text: str, kind: MentionType, name: str) -> None:
    assert name in found(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Der Syrer hat dem IS im Sommer 2013 Treue geschworen.",
        "Ein Sprecher der Staatsanwaltschaft bestätigte die Festnahme.",
        "Laut Anklage wurde im Gefängnis gefoltert.",
        "Der Kommandeur ließ die Gefangenen in einem Gefängnis bei Rakka erschießen.",
    ],
)
def test_capitalised_common_nouns_are_no_persons(text: str) -> None:
    persons = found(text, P)
    assert not persons & {"Der", "Der Syrer", "Syrer", "Ein Sprecher", "Sprecher"}
    assert not persons & {"Laut Anklage", "Anklage", "Gefängnis", "Der Kommandeur"}
    assert not any(p.split()[0] in {"Der", "Ein", "Laut"} for p in persons)


def test_function_words_are_cut_from_a_models_span() -> None:
    text = "Vor Gericht schwieg der Angeklagte Yusuf Demir zu allen Vorwürfen."
    spans = {text[s.start : s.end] for s in spacy_entities(text, "de") if s.type is P}
    assert spans
    assert all(s.split()[0][:1].isupper() and s.split()[0] not in {"Vor", "der"} for s in spans)


def test_a_german_emir_who_ordered_executions() -> None:
    text = (
        "Der Emir Abu Hafs al-Dschasrawi befahl im März 2015 die Hinrichtung von elf "
        "Gefangenen in Khasham."
    )
    mentions = extract_mentions(text, "de")
    persons = [m for m in mentions if m.type is P]
    assert [m.text for m in persons] == ["Abu Hafs al-Dschasrawi"]
    assert persons[0].attributes.get("origin_country") == "Saudi Arabia"
    dates = [m for m in mentions if m.type is MentionType.DATE]
    assert [(d.attributes["first"], d.attributes["last"]) for d in dates] == [
        ("2015-03-01", "2015-03-31")
    ]
    found_facts = facts(text)
    assert ("Abu Hafs al-Dschasrawi", "role", "emir") in found_facts
    assert any(s == "Abu Hafs al-Dschasrawi" and p == "ordered" for s, p, _ in found_facts)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Abu Umar al-Tunisi, ein saudischer Kämpfer, war Emir in Mayadin.",
            ("Abu Umar al-Tunisi", "nationality", "Saudi Arabia"),
        ),
        (
            "Der saudische Kommandeur Abu Muhammad al-Schami ließ zwei Männer hinrichten.",
            ("Abu Muhammad al-Schami", "nationality", "Saudi Arabia"),
        ),
        (
            "Der saudische Kommandeur Abu Muhammad al-Schami ließ zwei Männer hinrichten.",
            ("Abu Muhammad al-Schami", "role", "commander"),
        ),
        (
            "Laut Anklage ordnete Michael Krüger im Sommer 2014 die Erschießung von drei "
            "Gefangenen an.",
            ("Michael Krüger", "ordered", "killing"),
        ),
    ],
)
def test_german_claims(text: str, claim: tuple[str, str, str]) -> None:
    subject, predicate, value = claim
    got = {(s, p, v if p != "ordered" else v) for s, p, v in facts(text)}
    assert any(s == subject and p == predicate for s, p, _ in got), got
    if predicate != "ordered":
        assert claim in got


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Er kam im Sommer 2014 nach Rakka.", "2014-06-01", "2014-08-31"),
        ("Am 3. März 2015 wurde er festgenommen.", "2015-03-03", "2015-03-03"),
        ("Zwischen 2014 und 2016 war er Wächter.", "2014-01-01", "2016-12-31"),
        ("Seit 2016 lebt er in Bochum.", "2016-01-01", "2016-12-31"),
        ("Ende März 2015 verließ er Syrien.", "2015-03-01", "2015-03-31"),
    ],
)
def test_german_dates(text: str, first: str, last: str) -> None:
    dates = [m for m in extract_mentions(text, "de") if m.type is MentionType.DATE]
    assert [(d.attributes["first"], d.attributes["last"]) for d in dates] == [(first, last)]


def test_german_orders_feed_incidents_once() -> None:
    from pursuit.nlp import extract_incidents

    text = (
        "Der Emir Abu Hafs al-Dschasrawi befahl im März 2015 die Hinrichtung von elf "
        "Gefangenen in Khasham."
    )
    mentions = extract_mentions(text, "de")
    incidents = extract_incidents(text, mentions)
    assert [i.kind.value for i in incidents] == ["execution"]
    incident = incidents[0]
    assert [m.text for m in incident.ordered_by] == ["Abu Hafs al-Dschasrawi"]
    assert incident.victim_count == 11
    assert incident.place is not None and incident.place.text == "Khasham"
    orders = [c for c in extract_claims(text, mentions) if c.predicate.value == "ordered"]
    assert len(orders) == 1
    assert orders[0].time is not None and orders[0].time.text == "März 2015"


def test_let_behead_is_an_order_of_the_commander_named_after_the_verb() -> None:
    text = (
        "Am 3. März 2015 ließ der saudische Kommandeur Abu Muhammad al-Schami auf dem Markt "
        "von Mayadin zwei Männer enthaupten."
    )
    found_facts = facts(text)
    assert ("Abu Muhammad al-Schami", "ordered", "enthaupten") in found_facts
    assert ("Abu Muhammad al-Schami", "nationality", "Saudi Arabia") in found_facts
    kinds = {m.label for m in extract_mentions(text, "de") if m.type is MentionType.INCIDENT}
    assert kinds == {"beheading"}
