"""The core extractors on real files: what an investigator gets as text, and clear refusals."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from pursuit.errors import EncryptedInput, MalformedInput, UnsafeInput
from pursuit.extract import Limits, choose, limits, read, sniff
from pursuit.extract.pdf import page_ranges, parse_ranges

from .samples import CAPTURED, CORPUS, blank_pdf, join_pdfs, page_image, scanned_pdf, text_pdf, warc

ARTICLE = (
    "<html><head><title>Khasham</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/about'>About us</a> | Subscribe now</nav>"
    "<article><h1>Executions in Khasham</h1>"
    "<p>Residents of Khasham described how fighters gathered eleven men in the square in "
    "March 2015 and shot them. The order came from the emir of the sector.</p>"
    "<p>A local activist kept a list of the victims' names and gave it to investigators.</p>"
    "</article><footer>Cookie settings · Privacy policy</footer></body></html>"
)


def test_html_keeps_the_article_and_drops_navigation(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(ARTICLE, encoding="utf-8")
    extractor, extracted = read(sniff(page))
    assert extractor.name == "html"
    assert "gathered eleven men in the square" in extracted.text
    assert "Subscribe now" not in extracted.text
    assert "Cookie settings" not in extracted.text
    assert extracted.tool == "trafilatura" and extracted.tool_version


def test_text_in_windows_arabic_encoding_is_decoded(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("قال الشاهد إن الأمير أمر بإعدام المدنيين في دير الزور".encode("cp1256"))
    _, extracted = read(sniff(note))
    assert "دير الزور" in extracted.text
    assert extracted.metadata["encoding"] != "utf-8"


def test_pdf_text_layer_and_scanned_pages_are_told_apart(tmp_path: Path) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", ["Statement of witness W-07 about Khasham."])
    scan = scanned_pdf(tmp_path / "scan.pdf", page_image(tmp_path / "p.png", ["Order no. 47"]))
    mixed = join_pdfs(tmp_path / "mixed.pdf", [typed, scan, typed])
    extractor, extracted = read(sniff(mixed))
    assert extractor.name == "pdf" and extracted.tool == "pdftotext"
    pages = extracted.text.split("\f")
    assert len(pages) == 3 and "witness W-07" in pages[0] and "witness W-07" in pages[2]
    assert extracted.needs_ocr
    assert extracted.metadata["pages"] == "3"
    assert extracted.metadata["pages_without_text"] == "2"


def test_encrypted_and_corrupt_pdfs_get_a_clear_reason(tmp_path: Path) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", ["Confidential list of detainees."])
    locked = join_pdfs(tmp_path / "locked.pdf", [typed], password="secret")
    with pytest.raises(EncryptedInput, match="encrypted"):
        read(sniff(locked))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(typed.read_bytes()[:300])
    with pytest.raises(MalformedInput, match="PDF"):
        read(sniff(broken))


def test_a_pdf_of_ten_thousand_pages_is_listed_for_ocr_compactly(tmp_path: Path) -> None:
    huge = blank_pdf(tmp_path / "register.pdf", 10_000)
    _, extracted = read(sniff(huge))
    assert extracted.metadata["pages"] == "10000"
    assert extracted.metadata["pages_without_text"] == "1-10000"
    assert len(parse_ranges(extracted.metadata["pages_without_text"])) == 10_000


def test_page_ranges_round_trip() -> None:
    pages = [1, 2, 3, 7, 9, 10]
    assert page_ranges(pages) == "1-3,7,9-10"
    assert parse_ranges(page_ranges(pages)) == pages


def test_warc_responses_become_members_with_url_and_capture_time(tmp_path: Path) -> None:
    archive = warc(
        tmp_path / "capture.warc.gz",
        [
            ("https://example.org/khasham", "text/html", ARTICLE.encode(), 200),
            ("https://example.org/missing", "text/html", b"<p>gone</p>", 404),
            ("https://example.org/order.png", "image/png", b"\x89PNG\r\n\x1a\n", 200),
        ],
    )
    probe = sniff(archive)
    extractor = choose(probe)
    assert extractor.name == "warc"
    listing = extractor.extract(probe).text
    assert "https://example.org/missing" in listing
    children = list(extractor.children(probe, tmp_path))
    assert [c.source_url for c in children] == [
        "https://example.org/khasham",
        "https://example.org/order.png",
    ]
    assert all(c.acquired_at == CAPTURED for c in children)
    assert all(c.path.parent == tmp_path for c in children)
    assert "eleven men" in children[0].path.read_text(encoding="utf-8")


def test_a_file_that_lies_about_its_type_is_read_for_what_it_is(tmp_path: Path) -> None:
    fake_pdf = tmp_path / "order.pdf"
    fake_pdf.write_text("This is really a plain text note about Raqqa.", encoding="utf-8")
    extractor, extracted = read(sniff(fake_pdf))
    assert extractor.name == "text"
    assert "Raqqa" in extracted.text
    fake_image = tmp_path / "photo.jpg"
    fake_image.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    with pytest.raises(MalformedInput, match="image"):
        read(sniff(fake_image))


def test_zip_members_unpack_and_unsafe_ones_are_named(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("reports/one.txt", "first report")
        archive.writestr("../../escape.txt", "climbs out")
        archive.writestr("two.txt", "second report")
    path = tmp_path / "leak.zip"
    path.write_bytes(buffer.getvalue())
    probe = sniff(path)
    extractor = choose(probe)
    out = tmp_path / "out"
    out.mkdir()
    unpacked = []
    with pytest.raises(UnsafeInput, match="escape.txt"):
        for child in extractor.children(probe, out):
            unpacked.append(child)
    assert [c.name for c in unpacked] == ["reports/one.txt", "two.txt"]
    assert not (tmp_path / "escape.txt").exists()
    assert {p.parent for p in out.iterdir()} == {out}


def test_zip_over_the_unpack_cap_is_refused_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "x" * 200_000)
    out = tmp_path / "out"
    out.mkdir()
    probe = sniff(path)
    with limits(Limits(max_unpacked_bytes=100_000)), pytest.raises(UnsafeInput, match="cap"):
        list(choose(probe).children(probe, out))
    assert not list(out.iterdir())


def test_images_are_kept_for_ocr_with_their_size(tmp_path: Path) -> None:
    probe = sniff(CORPUS / "09_transfer_order_scan.png")
    extractor, extracted = read(probe)
    assert extractor.name == "image" and extracted.needs_ocr and extracted.text == ""
    assert extracted.metadata["width"] == "1700"


def test_unknown_binary_is_kept_without_reading_it(tmp_path: Path) -> None:
    blob = tmp_path / "dump.bin"
    blob.write_bytes(random.Random(7).randbytes(16_384))
    extractor, extracted = read(sniff(blob))
    assert extractor.name == "binary" and extracted.text == ""
