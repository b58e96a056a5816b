"""An Arabic nisba whose article the transliterator drops, and kunyas written with a hyphen.

"أبو يوسف البلجيكي" and its spelling without hamza "ابو يوسف البلجيكي" both come back from the
transliterator as "Abu-Yousuf Beljiki": read as one hyphenated word followed by another, the whole
name became a kunya, so the pair scored 0.31 ("only the kunya agrees"), even against itself.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pursuit.cli import app
from pursuit.names import DEFAULT_THRESHOLD, Reason, ReasonCode, compare_names, parse_name

HAMZA = "أبو يوسف البلجيكي"
NO_HAMZA = "ابو يوسف البلجيكي"


def test_the_spelling_without_hamza_is_the_same_name() -> None:
    found = compare_names(HAMZA, NO_HAMZA)
    assert found.score >= 0.95
    codes = {r.code for r in found.reasons}
    assert ReasonCode.KUNYA_EQUAL in codes and ReasonCode.ONLY_KUNYA_AGREES not in codes


@pytest.mark.parametrize("arabic", [HAMZA, NO_HAMZA])
def test_the_dropped_article_is_restored_so_the_nisba_is_read(arabic: str) -> None:
    parsed = parse_name(arabic)
    assert parsed.kunya == "Abu Yousuf"
    assert parsed.nisbas == ("Al-Beljiki",) and parsed.nisba_origin == "BE"
    assert compare_names(arabic, "Abou Youssef al-Beljiki").score >= DEFAULT_THRESHOLD


def test_a_different_nisba_written_without_article_still_parts_two_men() -> None:
    found = compare_names("أبو يوسف التركي", HAMZA)
    assert found.score < 0.3
    assert Reason(ReasonCode.NISBA_ORIGIN_DIFFERS, "TR vs BE", 0.25) in found.reasons


def test_a_hyphenated_kunya_does_not_swallow_the_nisba() -> None:
    parsed = parse_name("Abu-Bakr al-Baghdadi")
    assert parsed.kunya == "Abu Bakr" and parsed.nisba_origin == "IQ"
    assert compare_names("Abu-Bakr al-Baghdadi", "Abu Bakr al-Baghdadi").score >= 0.95


def test_every_spelling_of_an_arabic_nisba_is_compared() -> None:
    # The transliterator ranks "Labidi" first for العبيدي; "Ubaidi" is among its spellings.
    found = compare_names("AL-UBAIDI, Ghazi Hammud", "غازي حمود العبيدي")
    assert found.score >= DEFAULT_THRESHOLD
    assert all(r.code is not ReasonCode.NISBA_DIFFERS for r in found.reasons)


def test_names_compare_command_scores_the_pair_a_match(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"name_a,name_b\n{HAMZA},{NO_HAMZA}\n", encoding="utf-8")
    out = tmp_path / "scored.csv"
    result = CliRunner().invoke(
        app, ["names", "compare", "--input", str(pairs), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert row["match"] == "true" and float(row["score"]) >= 0.95
