"""Redaction of a witness's identity in Latin and Arabic text."""

from __future__ import annotations

import pytest

from pursuit.security import Identity, Redactor

LATIN = Redactor.for_identity(
    Identity("Ahmad Khalil al-Hassan", "+963 933 123 456", aliases=("Abu Khalil",)), "W-001"
)
ARABIC = Redactor.for_identity(Identity("أحمد خليل الحسن", "ahmad.k@example.org"), "W-002")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My name is Ahmad Khalil al-Hassan.", "My name is W-001."),
        ("MY NAME IS AHMAD KHALIL.", "MY NAME IS W-001."),
        ("Signed: al-Hassan, Ahmed", "Signed: W-001"),
        ("Ahmed Khalil El Hassan was held there", "W-001 was held there"),
        ("Khalil al Hassan Ahmad", "W-001"),
        ("أنا أحمد خليل الحسن من دير الزور", "أنا W-001 من دير الزور"),
        ("They called Abu Khalil at night", "They called W-001 at night"),
        ("Call 0933-123-456 or +963933123456.", "Call W-001 or W-001."),
        ("Ahmad went home; Khalil stayed.", "Ahmad went home; Khalil stayed."),
        ("The emir Abu Dujana al-Tunisi ordered it.", "The emir Abu Dujana al-Tunisi ordered it."),
    ],
)
def test_latin_registered_name(text: str, expected: str) -> None:
    assert LATIN.redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال أحمد الحسن إن الحارس ضربه", "وقال W-002 إن الحارس ضربه"),
        ("أَحْمَد خَلِيل شاهد", "W-002 شاهد"),
        ("The witness Ahmed Khalil saw it.", "The witness W-002 saw it."),
        ("Write to AHMAD.K@example.org today", "Write to W-002 today"),
        ("محمد علي لا علاقة له", "محمد علي لا علاقة له"),
    ],
)
def test_arabic_registered_name(text: str, expected: str) -> None:
    assert ARABIC.redact(text) == expected


def test_repr_shows_only_the_pseudonym() -> None:
    assert repr(LATIN) == "Redactor(W-001)"
    assert "Ahmad" not in repr(Identity("Ahmad Khalil"))
