"""PDFs: the text layer through pdftotext, and a list of the pages that need OCR.

pdftotext is the one reader tried here that keeps Arabic in reading order (pdfminer reverses the
letters, pypdf the words). Pages are separated by form feeds in the derivative so a citation can
name its page; pages with no text layer (scans) are listed for the OCR stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pursuit.errors import EncryptedInput, MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.programs import program_version, run_program
from pursuit.extract.sniff import suffix_of

__all__ = ["Pdf", "page_ranges", "parse_ranges", "pdf_info"]

_MIN_PAGE_CHARS = 20
_KEEP = {"Title": "title", "Author": "author", "Producer": "producer", "CreationDate": "created"}


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields; an unreadable or password-protected file raises a clear error."""
    try:
        output = run_program(["pdfinfo", str(path)], timeout=120)
    except MalformedInput as exc:
        if "password" in str(exc).lower():
            raise EncryptedInput(
                "the PDF is encrypted with a password; text cannot be read"
            ) from exc
        raise MalformedInput(f"corrupt or unreadable PDF ({exc})") from exc
    fields: dict[str, str] = {}
    for line in output.splitlines():
        key, _, value = line.partition(":")
        if value.strip():
            fields[key.strip()] = value.strip()
    return fields


def page_ranges(pages: list[int]) -> str:
    """``[1, 2, 3, 7]`` → ``"1-3,7"``: compact enough for a 10,000-page scan's metadata."""
    parts: list[str] = []
    run_start: int | None = None
    previous = 0
    for page in [*sorted(pages), None]:
        if page is not None and run_start is not None and page == previous + 1:
            previous = page
            continue
        if run_start is not None:
            parts.append(str(run_start) if run_start == previous else f"{run_start}-{previous}")
        if page is not None:
            run_start = previous = page
    return ",".join(parts)


def parse_ranges(ranges: str) -> list[int]:
    """The inverse of `page_ranges`."""
    pages: list[int] = []
    for part in filter(None, ranges.split(",")):
        first, _, last = part.partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    return pages


class Pdf:
    """PDF text layers, page by page."""

    name = "pdf"

    def match(self, probe: Probe) -> float:
        if probe.mime == "application/pdf":
            return 0.9
        if suffix_of(probe.filename) == ".pdf" and probe.mime == "application/octet-stream":
            return 0.3
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        info = pdf_info(probe.path)
        pages_total = int(info.get("Pages", "0") or 0)
        text = run_program(["pdftotext", "-enc", "UTF-8", str(probe.path), "-"], timeout=1800)
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages = pages[:-1]
        empty = [n for n, page in enumerate(pages, 1) if len(page.strip()) < _MIN_PAGE_CHARS]
        empty.extend(range(len(pages) + 1, pages_total + 1))
        metadata = {new: info[old] for old, new in _KEEP.items() if old in info}
        metadata["pages"] = str(pages_total or len(pages))
        if info.get("Encrypted", "no").startswith("yes"):
            metadata["encrypted"] = "owner password only; text readable"
        if empty:
            metadata["pages_without_text"] = page_ranges(empty)
        return Extracted(
            "\f".join(pages),
            "pdftotext",
            program_version("pdftotext"),
            metadata,
            needs_ocr=bool(empty),
        )

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        return iter(())
