"""Bad screening lists give clear errors or a report of skipped rows, never silent drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.errors import EmptyInput, MalformedInput
from pursuit.names.fields import parse_birth
from pursuit.screen.records import read_records


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_rows_that_cannot_be_screened_are_reported_with_their_lines(tmp_path: Path) -> None:
    long_name = "Abu " + "x" * 5000
    text = (
        "id,name,birth_date,nationality,case_ref\n"
        "r1,Abu Hafs al-Jazrawi,1983?,Saudi Arabia,C-12\n"
        "r2,,1980,,\n"
        "r3,A,,,\n"
        f"r4,{long_name},,,\n"
        "r5,Abou Hafs al-Jazraoui,about 1980,FRA\n"
        "r6,أبو حفص الجزراوي,unknown,Narnia,\n"
    )
    taken = read_records(_csv(tmp_path, text))
    assert [r.id for r in taken.records] == ["r1", "r6"]
    assert taken.records[0].birth is not None and taken.records[0].birth.approximate
    assert taken.records[0].countries == ("sa",)
    assert taken.records[0].extra == {"case_ref": "C-12"}
    skipped = {p.id: (p.line, p.problem) for p in taken.skipped}
    assert skipped["r2"] == (3, "empty name")
    assert "fewer than two letters" in skipped["r3"][1]
    assert "longer than" in skipped["r4"][1]
    assert "fields" in skipped["r5"][1]
    warned = [p.problem for p in taken.warnings if p.id == "r6"]
    assert any("unknown" in w for w in warned) and any("Narnia" in w for w in warned)


def test_missing_name_column_names_what_was_found(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match=r"no 'name' column.*'full name', 'dob'"):
        read_records(_csv(tmp_path, "full name,dob\nAbu Hafs,1983\n"))


def test_a_headerless_file_is_refused_not_guessed(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match="no 'name' column"):
        read_records(_csv(tmp_path, "Abu Hafs al-Jazrawi,1983\nAbu Hafs al-Masri,1970\n"))


def test_wrong_encoding_says_where_and_what_to_do(tmp_path: Path) -> None:
    path = _csv(tmp_path, "name\nAbou Hafs al-Jazraoui\nFrançois Élie\n", encoding="latin-1")
    with pytest.raises(MalformedInput, match=r"not UTF-8.*line 3.*UTF-8"):
        read_records(path)


def test_empty_file_and_duplicate_headers(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput):
        read_records(_csv(tmp_path, "\n\n"))
    with pytest.raises(MalformedInput, match="more than once"):
        read_records(_csv(tmp_path, "name,Name\nx,y\n"))


def test_spreadsheet_exports_with_a_bom_and_header_variants_are_read(tmp_path: Path) -> None:
    taken = read_records(_csv(tmp_path, "\ufeffName,Date of Birth,ID\nAbu Hafs al-Masri,1970,7\n"))
    assert taken.records[0].id == "7" and taken.records[0].birth is not None


@pytest.mark.parametrize(
    ("text", "year", "approximate"),
    [
        ("1983", 1983, False),
        ("1983?", 1983, True),
        ("about 1980", 1980, True),
        ("c. 1979", 1979, True),
        ("1983-04-02", 1983, False),
        ("02/04/1983", 1983, False),
        ("1980s", 1985, True),
        ("1983 or 1984", 1983, True),
    ],
)
def test_birth_dates_as_lists_write_them(text: str, year: int, approximate: bool) -> None:
    found, problem = parse_birth(text)
    assert problem is None and found is not None
    assert (found.year, found.approximate) == (year, approximate)


def test_unreadable_birth_dates_are_problems() -> None:
    assert parse_birth("unknown")[1] is not None
    assert parse_birth("1950 or 1990")[1] is not None
