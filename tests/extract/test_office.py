"""Office documents read from real files written with the libraries that office tools use."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from odf import dc
from odf.draw import Frame, Page, TextBox
from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.style import MasterPage, PageLayout
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

from pursuit.errors import MalformedInput
from pursuit.extract.base import Probe
from pursuit.extract.delimited import CsvExtractor
from pursuit.extract.office import DocxExtractor, OdfExtractor
from pursuit.extract.registry import choose
from pursuit.extract.sniff import sniff
from pursuit.extract.spreadsheet import XlsxExtractor

ARABIC = "شهد الشاهد على اعتقال أبو حفص الجزراوي في دير الزور"


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Witness statement W-17"
    document.core_properties.author = "Field team"
    document.add_heading("Statement", level=1)
    document.add_paragraph(ARABIC)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "Abu Hafs al-Jazrawi"
    table.cell(1, 1).text = "checkpoint commander"
    document.add_paragraph("Signed after the table.")
    document.save(str(path))
    return path


def test_docx_keeps_arabic_and_tables_in_reading_order(tmp_path: Path) -> None:
    probe = sniff(_docx(tmp_path / "statement.docx"))
    extractor = DocxExtractor()
    assert extractor.match(probe) == 0.9
    extracted = extractor.extract(probe)
    assert extracted.text.splitlines() == [
        "Statement",
        ARABIC,
        "Name\tRole",
        "Abu Hafs al-Jazrawi\tcheckpoint commander",
        "Signed after the table.",
    ]
    assert extracted.metadata["title"] == "Witness statement W-17"
    assert extracted.metadata["author"] == "Field team"
    assert extracted.metadata["table_count"] == "1"
    assert datetime.fromisoformat(extracted.metadata["created"]).tzinfo is not None
    assert (extracted.tool, extracted.tool_version) == ("python-docx", docx.__version__)


def test_office_files_score_above_the_zip_reader(tmp_path: Path) -> None:
    docx_path = _docx(tmp_path / "renamed.bin")
    # A Word file renamed and labelled as a plain zip is still recognised from its package.
    probe = Probe(docx_path, "application/zip", "renamed.bin")
    assert choose(probe).name == "docx"
    assert XlsxExtractor().match(probe) == 0.0
    assert OdfExtractor().match(probe) == 0.0


def test_docx_that_is_really_text_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("just a plain note, not a Word file", encoding="utf-8")
    probe = sniff(path)
    assert 0 < DocxExtractor().match(probe) < 0.5
    with pytest.raises(MalformedInput, match="not a DOCX file"):
        DocxExtractor().extract(probe)


def test_corrupt_docx_is_malformed(tmp_path: Path) -> None:
    good = _docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(MalformedInput, match="corrupt DOCX"):
        DocxExtractor().extract(Probe(path, "application/zip", "cut.docx"))


def test_docx_label_on_another_zip_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a document")
    with pytest.raises(MalformedInput, match="does not declare a Word document"):
        DocxExtractor().extract(sniff(path))


def test_odt_headings_paragraphs_tables_and_metadata(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Checkpoint log"))
    document.meta.addElement(dc.Creator(text="Analyst 4"))
    document.text.addElement(H(outlinelevel=1, text="Detentions"))
    document.text.addElement(P(text=ARABIC))
    document.text.addElement(_odf_table("Detainees", [["Name", "Date"], ["Omar K.", "2014-06-02"]]))
    path = tmp_path / "log.odt"
    document.save(str(path))
    probe = sniff(path)
    assert OdfExtractor().match(probe) == 0.9
    extracted = OdfExtractor().extract(probe)
    assert extracted.text.splitlines() == [
        "Detentions",
        ARABIC,
        "## Detainees",
        "Name\tDate",
        "Omar K.\t2014-06-02",
    ]
    assert extracted.metadata["title"] == "Checkpoint log"
    assert extracted.metadata["author"] == "Analyst 4"
    assert extracted.metadata["odf_type"] == "text"


def test_ods_sheets_are_read(tmp_path: Path) -> None:
    document = OpenDocumentSpreadsheet()
    document.spreadsheet.addElement(_odf_table("Payroll", [["Name", "Unit"], ["Ali H.", "17"]]))
    path = tmp_path / "payroll.ods"
    document.save(str(path))
    extracted = OdfExtractor().extract(sniff(path))
    assert extracted.text.splitlines() == ["## Payroll", "Name\tUnit", "Ali H.\t17"]
    assert extracted.metadata["odf_type"] == "spreadsheet"


def _odf_table(name: str, rows: list[list[str]]) -> Table:
    table = Table(name=name)
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    return table


def test_xlsx_sheets_rows_and_values(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casualties"
    sheet.append(["Name", "Age", "Date", "Place"])
    sheet.append(["أحمد", 34, date(2013, 8, 21), "Ghouta"])
    sheet.append([None, None, None, None])
    sheet.append(["Hassan", 12.0, None, "Zamalka"])
    workbook.create_sheet("Sources").append(["video", "https://example.org/v/1"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    probe = sniff(path)
    assert XlsxExtractor().match(probe) == 0.9
    extracted = XlsxExtractor().extract(probe)
    assert extracted.text.splitlines() == [
        "## Casualties",
        "Name\tAge\tDate\tPlace",
        "أحمد\t34\t2013-08-21\tGhouta",
        "Hassan\t12\t\tZamalka",
        "## Sources",
        "video\thttps://example.org/v/1",
    ]
    assert extracted.metadata["sheets"] == "Casualties; Sources"
    assert "truncated" not in extracted.metadata


def test_xlsx_huge_sheet_is_cut_and_says_so(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Big")
    for number in range(120):
        sheet.append([number, f"row {number}"])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    extracted = XlsxExtractor(max_rows=100).extract(sniff(path))
    assert extracted.text.splitlines()[-1] == "99\trow 99"
    assert extracted.metadata["truncated"] == "Big: rows after 100 omitted"
    by_cells = XlsxExtractor(max_cells=50).extract(sniff(path))
    assert by_cells.text.splitlines()[-1] == "24\trow 24"
    assert by_cells.metadata["truncated"] == "Big: rows after 25 omitted"


def test_csv_semicolons_and_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('name;place\n"Abu Hafs; the Jazrawi";دير الزور\n', encoding="utf-8-sig")
    probe = sniff(path)
    assert CsvExtractor().match(probe) == 0.8
    extracted = CsvExtractor().extract(probe)
    assert extracted.text.splitlines() == ["name\tplace", "Abu Hafs; the Jazrawi\tدير الزور"]
    assert extracted.metadata["delimiter"] == "semicolon"
    assert extracted.metadata["encoding"] == "utf-8"


def test_tsv_in_windows_1252_is_read_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "témoins.tsv"
    path.write_bytes("nom\tville\nFrançois\tAlep\n".encode("cp1252"))
    extracted = CsvExtractor().extract(sniff(path))
    assert extracted.text.splitlines() == ["nom\tville", "François\tAlep"]
    assert extracted.metadata["encoding"] == "cp1252"
    assert "not valid UTF-8" in extracted.metadata["encoding_note"]


def test_binary_named_csv_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(MalformedInput, match="binary data"):
        CsvExtractor().extract(sniff(path))


def test_odp_slide_text_is_read(tmp_path: Path) -> None:
    document = OpenDocumentPresentation()
    layout = PageLayout(name="layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="master", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    page = Page(masterpagename=master)
    document.presentation.addElement(page)
    frame = Frame(width="10cm", height="2cm", x="1cm", y="1cm")
    page.addElement(frame)
    box = TextBox()
    frame.addElement(box)
    box.addElement(P(text="Chain of command of the 4th division"))
    path = tmp_path / "briefing.odp"
    document.save(str(path))
    probe = sniff(path)
    assert choose(probe).name == "odf"
    extracted = OdfExtractor().extract(probe)
    assert extracted.text == "Chain of command of the 4th division"
    assert extracted.metadata["odf_type"] == "presentation"


def test_odt_with_broken_content_is_malformed_not_blank(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(text="kept"))
    good = tmp_path / "good.odt"
    document.save(str(good))
    broken = tmp_path / "broken.odt"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = b"<office:document-content" if info.filename == "content.xml" else None
            target.writestr(info, data or source.read(info))
    with pytest.raises(MalformedInput, match="OpenDocument content is broken"):
        OdfExtractor().extract(sniff(broken))
