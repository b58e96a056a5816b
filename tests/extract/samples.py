"""Builders of real files for the extraction tests: PDFs, page images and web archives."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
CORPUS = Path(__file__).resolve().parents[2] / "src" / "pursuit" / "demo" / "corpus"


def page_image(path: Path, lines: list[str], size: tuple[int, int] = (1700, 1100)) -> Path:
    """A clean white page with black Latin text, as a scanner would produce at 200 dpi."""
    image = Image.new("L", size, color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    for number, line in enumerate(lines):
        draw.text((100, 100 + number * 70), line, font=font, fill=0)
    image.save(path)
    return path


def text_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF whose pages carry a real text layer."""
    pdf = FPDF()
    pdf.add_font("Noto", fname=str(FONT))
    pdf.set_font("Noto", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path, image: Path) -> Path:
    """A PDF holding only a picture of a page: no text layer, as from a scanner."""
    with Image.open(image) as picture:
        picture.convert("RGB").save(path, "PDF", resolution=200.0)
    return path


def join_pdfs(path: Path, parts: list[Path], password: str | None = None) -> Path:
    """Pages of several PDFs in one, optionally encrypted with a user password."""
    writer = PdfWriter()
    for part in parts:
        for page in PdfReader(part).pages:
            writer.add_page(page)
    if password is not None:
        writer.encrypt(password)
    with path.open("wb") as out:
        writer.write(out)
    return path


def blank_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as out:
        writer.write(out)
    return path


def warc(path: Path, captures: list[tuple[str, str, bytes, int]]) -> Path:
    """A gzipped WARC of HTTP responses: (url, content type, body, status) each."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, content_type, body, status in captures:
            headers = StatusAndHeaders(
                f"{status} OK" if status == 200 else f"{status} Not Found",
                [("Content-Type", content_type)],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": CAPTURED.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)
    return path


CAPTURED = datetime(2016, 9, 14, 10, 30, tzinfo=UTC)
