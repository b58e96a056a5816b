"""Victim counts, fuzzy times and modes of liability read in English, French, German, Arabic."""

from __future__ import annotations

import pytest

from pursuit.nlp.liability import Liability, PersonSpan, liability_cues
from pursuit.nlp.timespan import read_timespan
from pursuit.nlp.victims import read_victims


@pytest.mark.parametrize(
    ("text", "count", "approximate"),
    [
        ("fighters executed almost 300 civilians", 300, True),
        ("ont exécuté près de 300 civils", 300, True),
        ("wurden fast 300 Zivilisten hingerichtet", 300, True),
        ("أعدم نحو 300 مدني", 300, True),
        ("eleven prisoners were shot", 11, False),
        ("onze prisonniers", 11, False),
        ("elf Gefangene", 11, False),
        ("ذبح أحد عشر أسيرا", 11, False),
        ("vingt-deux personnes", 22, False),
        ("zweiundzwanzig Menschen", 22, False),
        ("In summer 2014 twelve men were killed", 12, False),
        ("٣٠٠ مدني", 300, False),
    ],
)
def test_victims_are_counted_in_four_languages(text: str, count: int, approximate: bool) -> None:
    found = read_victims(text)
    assert found is not None
    assert (found.count, found.approximate) == (count, approximate)
    assert found.text in text


def test_no_count_is_no_count() -> None:
    assert read_victims("In 2014 fighters arrived in the town.") is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("summer 2014", "2014-06-01", "2014-08-31"),
        ("l'été 2014", "2014-06-01", "2014-08-31"),
        ("Im Sommer 2014", "2014-06-01", "2014-08-31"),
        ("صيف 2014", "2014-06-01", "2014-08-31"),
        ("early March 2015", "2015-03-01", "2015-03-10"),
        ("début mars 2015", "2015-03-01", "2015-03-10"),
        ("Anfang März 2015", "2015-03-01", "2015-03-10"),
        ("أوائل آذار 2015", "2015-03-01", "2015-03-10"),
        ("late March 2015", "2015-03-21", "2015-03-31"),
        ("in 2015", "2015-01-01", "2015-12-31"),
        ("late 2014", "2014-09-01", "2014-12-31"),
        ("3 September 2014", "2014-09-03", "2014-09-03"),
    ],
)
def test_times_become_spans_of_days(text: str, start: str, end: str) -> None:
    span = read_timespan(text)
    assert span is not None and (span.start, span.end) == (start, end)
    assert span.text in text


def _cues(sentence: str, *names: str) -> list[tuple[str, Liability]]:
    spans = [PersonSpan(n, sentence.index(n), sentence.index(n) + len(n)) for n in names]
    return [(p.name, mode) for p, mode in liability_cues(sentence, spans)]


def test_orders_aid_and_command_are_read_in_four_languages() -> None:
    assert _cues("executed 300 civilians on the orders of the emir Abu Qasim.", "Abu Qasim") == [
        ("Abu Qasim", Liability.ORDERED)
    ]
    assert _cues("exécutés sur ordre de l'émir Abou Qassim.", "Abou Qassim")[0][1] == "ordered"
    assert _cues("hingerichtet, auf Befehl von Abu Qasim.", "Abu Qasim")[0][1] == "ordered"
    assert _cues("أعدم نحو 300 مدني بأمر من الأمير أبو قاسم.", "أبو قاسم")[0][1] == "ordered"
    said = "Abu Qasim ordered the execution, with the help of Karim Haddad."
    assert _cues(said, "Abu Qasim", "Karim Haddad") == [
        ("Abu Qasim", Liability.ORDERED),
        ("Karim Haddad", Liability.AIDED),
    ]
    assert _cues("gefoltert, unter dem Kommando von Abu Qasim.", "Abu Qasim")[0][1] == "command"
    assert _cues("Abu Qasim visited the prison.", "Abu Qasim") == []
