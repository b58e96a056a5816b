"""Web pages: the article's text, not its menus, cookie banners and related-links boxes.

trafilatura is the maintained main-content extractor of computational journalism; when it finds
no article (a short page, a form), the page's visible text is kept instead so nothing is lost.
Before either runs, the page's furniture is pruned by its markup: navigation, asides, footers,
figure captions, forms and buttons, and elements whose class or id names a generic furniture
role (cookie, consent, paywall, share, related…); trafilatura alone keeps captions and
most-read lists on many pages.
"""

from __future__ import annotations

import copy
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
_FURNITURE_TAGS = ("nav", "aside", "footer", "figcaption", "form", "button", "dialog")
# Generic roles named in class or id attributes, in the languages of the case work.
_FURNITURE_ROLES = (
    "cookie consent paywall subscribe newsletter related share social promo advert sponsor "
    "most-read mostread popular caption credit breadcrumb recommend outbrain taboola "
    "meistgelesen partage lire-aussi abonn cmp-"
).split()


def _furniture_xpath() -> str:
    lower = "translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
    lower += "'abcdefghijklmnopqrstuvwxyz')"
    roles = " or ".join(f"contains({lower}, '{role}')" for role in _FURNITURE_ROLES)
    tags = "|".join(f"//{tag}" for tag in _FURNITURE_TAGS)
    return f"{tags}|//body//*[not(self::article) and not(self::main) and ({roles})]"


_FURNITURE = _furniture_xpath()
_MAX_FURNITURE_SHARE = 0.3
_MIN_KEPT_CHARS = 600


def _tree(markup: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.fromstring(markup)
    except (ParserError, ValueError) as exc:
        raise MalformedInput(f"not readable as HTML: {exc}") from exc


def _pruned(markup: str) -> tuple[lxml.html.HtmlElement, int]:
    """The page without its furniture elements, and how many were removed.

    An element holding much of the page's text is kept whatever its class says: sites wrap the
    whole article in a "paywall" or "share-container" element.
    """
    tree = _tree(markup)
    most = max(_MIN_KEPT_CHARS, int(len(tree.text_content()) * _MAX_FURNITURE_SHARE))
    removed = 0
    for node in tree.xpath(_FURNITURE):
        if node.getparent() is not None and len(node.text_content()) <= most:
            node.drop_tree()
            removed += 1
    return tree, removed


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def html_text(markup: str) -> tuple[str, dict[str, str]]:
    """The main text of a page and what it says of itself (title, date, author)."""
    tree, removed = _pruned(markup)
    text = trafilatura.extract(
        copy.deepcopy(tree), include_comments=False, include_tables=True, favor_precision=False
    )
    metadata: dict[str, str] = {"furniture_removed": str(removed)} if removed else {}
    found = trafilatura.extract_metadata(markup)
    if found is not None:
        for key in ("title", "date", "author", "sitename", "url"):
            value = getattr(found, key, None)
            if value:
                metadata[key] = str(value)
    if not text:
        metadata["main_text"] = "no article found; all visible text kept"
        text = _visible_text(tree)
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
