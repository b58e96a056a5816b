"""Web pages: the article's text, not its menus, cookie banners and related-links boxes.

trafilatura is the maintained main-content extractor of computational journalism; when it finds
no article (a short page, a form), the page's visible text is kept instead so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import lxml.html
import trafilatura
from lxml.etree import ParserError

from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.decode import decode_bytes
from pursuit.extract.sniff import suffix_of

__all__ = ["Html", "html_text"]

_MAX_BYTES = 50_000_000
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".log")


def _visible_text(markup: str) -> str:
    try:
        tree = lxml.html.fromstring(markup)
    except (ParserError, ValueError) as exc:
        raise MalformedInput(f"not readable as HTML: {exc}") from exc
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def html_text(markup: str) -> tuple[str, dict[str, str]]:
    """The main text of a page and what it says of itself (title, date, author)."""
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=True, favor_precision=False
    )
    metadata: dict[str, str] = {}
    found = trafilatura.extract_metadata(markup)
    if found is not None:
        for key in ("title", "date", "author", "sitename", "url"):
            value = getattr(found, key, None)
            if value:
                metadata[key] = str(value)
    if not text:
        metadata["main_text"] = "no article found; all visible text kept"
        text = _visible_text(markup)
    return text, metadata


class Html:
    """HTML files and pages captured from the web."""

    name = "html"

    def match(self, probe: Probe) -> float:
        if probe.mime in ("text/html", "application/xhtml+xml"):
            # A transcript named .txt that quotes a tag is text, not a web page: keep every word.
            return 0.45 if suffix_of(probe.filename) in _TEXT_SUFFIXES else 0.8
        if suffix_of(probe.filename) in (".html", ".htm", ".xhtml") and probe.mime.startswith(
            "text/"
        ):
            return 0.7
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        with probe.path.open("rb") as handle:
            decoded = decode_bytes(handle.read(_MAX_BYTES))
        if not decoded.text.strip():
            return Extracted("", "trafilatura", version("trafilatura"), {"empty": "true"})
        text, metadata = html_text(decoded.text)
        metadata["encoding"] = decoded.encoding
        return Extracted(text, "trafilatura", version("trafilatura"), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        return iter(())
