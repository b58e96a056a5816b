"""Word-processing documents (DOCX, ODT/ODS/ODP) and the registration of every office extractor.

Statements, reports and lists of detainees reach investigators as office files. Text is kept in
reading order with tables inline (a table of names is often the most important part), and each
extractor checks the package's own declaration so a mislabelled file is reported, not misread.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any
from xml.sax import SAXException

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from odf import teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.opendocument import load as load_odf
from odf.table import TableRow

from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Extractor, Probe
from pursuit.extract.delimited import CsvExtractor
from pursuit.extract.officezip import (
    DOCX_MAIN,
    ODS_MIME,
    ODT_MIME,
    ZIP_READ_ERRORS,
    check_package,
    declared_kind,
    office_score,
    utc_iso,
)
from pursuit.extract.spreadsheet import XlsxExtractor

__all__ = ["EXTRACTORS", "DocxExtractor", "OdfExtractor"]

_DOCX_MIMES = frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
_ODF_MIMES = frozenset({ODT_MIME, ODS_MIME, "application/vnd.oasis.opendocument.presentation"})
# An ODF body can hold a spreadsheet with a million repeated rows; stop well before.
_MAX_ODF_BLOCKS = 200_000


def _cell_line(cells: list[str]) -> str:
    """One table row as tab-separated text; newlines inside a cell would break the row apart."""
    return "\t".join(" ".join(cell.split()) for cell in cells).rstrip()


class DocxExtractor:
    """Word 2007+ documents, read with python-docx: paragraphs and tables in reading order."""

    name = "docx"

    def match(self, probe: Probe) -> float:
        return office_score(probe, DOCX_MAIN, _DOCX_MIMES, frozenset({"docx", "docm"}))

    def extract(self, probe: Probe) -> Extracted:
        check_package(probe.path, "DOCX")
        if declared_kind(probe.path) != DOCX_MAIN:
            raise MalformedInput(f"{probe.filename}: zip does not declare a Word document")
        document = _open_docx(probe)
        text, paragraphs, tables = _docx_text(document)
        metadata = _docx_metadata(document)
        metadata.update(paragraph_count=str(paragraphs), table_count=str(tables))
        return Extracted(text, "python-docx", docx.__version__, metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Embedded images are left in the original blob; no members are unpacked."""
        return iter(())


def _open_docx(probe: Probe) -> DocxDocument:
    try:
        return docx.Document(str(probe.path))
    except (OpcError, KeyError, ValueError, *ZIP_READ_ERRORS, etree.LxmlError) as exc:
        raise MalformedInput(f"{probe.filename}: unreadable Word document: {exc}") from exc


def _docx_text(document: DocxDocument) -> tuple[str, int, int]:
    """Body text with each table rendered where it stands; returns counts for the metadata."""
    blocks: list[str] = []
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                blocks.append(block.text)
                paragraphs += 1
        elif isinstance(block, Table):
            blocks.append(_docx_table(block))
            tables += 1
    return "\n".join(blocks), paragraphs, tables


def _docx_table(table: Table) -> str:
    """Merged cells repeat in python-docx's grid; each is kept once per row."""
    lines: list[str] = []
    for row in table.rows:
        seen: list[object] = []
        cells: list[str] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(cell.text)
        lines.append(_cell_line(cells))
    return "\n".join(lines)


def _docx_metadata(document: DocxDocument) -> dict[str, str]:
    props = document.core_properties
    found = {
        "title": props.title,
        "author": props.author,
        "last_modified_by": props.last_modified_by,
        "created": utc_iso(props.created),
        "modified": utc_iso(props.modified),
    }
    return {key: value for key, value in found.items() if value}


class OdfExtractor:
    """OpenDocument text, spreadsheets and slides (odfpy): headings, paragraphs, lists, tables.

    Rows and cells that ODF marks as repeated are written once: the repetition is layout (often
    a million blank rows), not content.
    """

    name = "odf"

    def match(self, probe: Probe) -> float:
        kind = declared_kind(probe.path)
        if kind in _ODF_MIMES:
            return 0.9
        return office_score(probe, ODT_MIME, _ODF_MIMES, frozenset({"odt", "ods", "odp"}))

    def extract(self, probe: Probe) -> Extracted:
        check_package(probe.path, "OpenDocument")
        kind = declared_kind(probe.path)
        if kind not in _ODF_MIMES:
            raise MalformedInput(f"{probe.filename}: zip does not declare an OpenDocument file")
        document = _open_odf(probe)
        blocks: list[str] = []
        truncated = _odf_blocks(document.body, blocks)
        metadata = _odf_metadata(document)
        metadata["odf_type"] = kind.rsplit(".", 1)[-1]
        if truncated:
            metadata["truncated"] = f"stopped after {_MAX_ODF_BLOCKS} blocks"
        return Extracted("\n".join(blocks), "odfpy", version("odfpy"), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Embedded pictures stay in the original blob; no members are unpacked."""
        return iter(())


def _check_odf_xml(probe: Probe) -> None:
    """Stream-parse content.xml first: odfpy prints a parse failure and returns an empty
    document instead of raising, which would pass off a broken file as a blank one."""
    try:
        with zipfile.ZipFile(probe.path) as package, package.open("content.xml") as content:
            for _ in etree.iterparse(content, events=("end",), resolve_entities=False):
                pass
    except KeyError as exc:
        raise MalformedInput(f"{probe.filename}: OpenDocument file has no content.xml") from exc
    except (etree.LxmlError, *ZIP_READ_ERRORS) as exc:
        raise MalformedInput(f"{probe.filename}: OpenDocument content is broken: {exc}") from exc


def _open_odf(probe: Probe) -> Any:
    _check_odf_xml(probe)
    try:
        return load_odf(str(probe.path))
    except (KeyError, ValueError, *ZIP_READ_ERRORS, SAXException, AttributeError) as exc:
        raise MalformedInput(f"{probe.filename}: unreadable OpenDocument file: {exc}") from exc


def _qname(node: Any) -> tuple[str, str] | None:
    qname = getattr(node, "qname", None)
    return qname if isinstance(qname, tuple) else None


def _odf_blocks(node: Any, out: list[str]) -> bool:
    """Append text blocks in document order; True when the cap cut the document short."""
    for child in node.childNodes:
        if len(out) >= _MAX_ODF_BLOCKS:
            return True
        qname = _qname(child)
        if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            text = str(teletype.extractText(child))
            if text.strip():
                out.append(text)
        elif qname == (TABLENS, "table"):
            _odf_table(child, out)
        elif qname is not None and _odf_blocks(child, out):
            return True
    return False


def _odf_table(table: Any, out: list[str]) -> None:
    name = str(table.getAttribute("name") or "")
    if name:
        out.append(f"## {name}")
    for row in table.getElementsByType(TableRow):
        if len(out) >= _MAX_ODF_BLOCKS:
            return
        cells = [str(teletype.extractText(cell)) for cell in row.childNodes if _is_cell(cell)]
        line = _cell_line(cells)
        if line:
            out.append(line)


def _is_cell(node: Any) -> bool:
    return _qname(node) in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell"))


_ODF_META_KEYS = {
    "title": "title",
    "creator": "author",
    "initial-creator": "initial_author",
    "creation-date": "created",
    "date": "modified",
}


def _odf_metadata(document: Any) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for child in document.meta.childNodes:
        qname = _qname(child)
        key = _ODF_META_KEYS.get(qname[1]) if qname else None
        value = str(teletype.extractText(child)).strip()
        if key and value:
            metadata[key] = value
    return metadata


EXTRACTORS: tuple[Extractor, ...] = (
    DocxExtractor(),
    OdfExtractor(),
    XlsxExtractor(),
    CsvExtractor(),
)
