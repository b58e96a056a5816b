"""Choosing the extractor for a blob by match score, and falling back when a file lies.

Each extractor scores how well it fits the probe; the best wins. When the winner finds the file
is not what it claimed (a ".docx" that is text, an HTML error page saved as ".pdf"), the next
extractor that also fits is tried, and the derivative records which one finally read it.
"""

from __future__ import annotations

from pursuit.errors import MalformedInput
from pursuit.extract import mail, media, office, subtitles
from pursuit.extract.archive import Zip
from pursuit.extract.base import Extracted, Extractor, Probe
from pursuit.extract.binary import Opaque
from pursuit.extract.html import Html
from pursuit.extract.image import Picture
from pursuit.extract.pdf import Pdf
from pursuit.extract.plaintext import PlainText
from pursuit.extract.warc import Warc

__all__ = ["EXTRACTORS", "candidates", "choose", "read"]

_FALLBACK = Opaque()
_MIN_FALLBACK_SCORE = 0.2


EXTRACTORS: tuple[Extractor, ...] = (
    Pdf(),
    Warc(),
    Html(),
    PlainText(),
    Picture(),
    Zip(),
    *office.EXTRACTORS,
    *mail.EXTRACTORS,
    *subtitles.EXTRACTORS,
    *media.EXTRACTORS,
)


def candidates(probe: Probe) -> list[tuple[float, Extractor]]:
    """Extractors that fit the probe at all, best first."""
    scored = [(extractor.match(probe), extractor) for extractor in EXTRACTORS]
    return sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: -pair[0])


def choose(probe: Probe) -> Extractor:
    """The best-fitting extractor, or the opaque one that keeps the file without reading it."""
    found = candidates(probe)
    return found[0][1] if found else _FALLBACK


def read(probe: Probe) -> tuple[Extractor, Extracted]:
    """Extract with the best extractor, trying the next fitting ones if the file lies.

    The first extractor's error is the one reported when none succeeds: it names what the file
    claimed to be.
    """
    found = candidates(probe)
    if not found:
        return _FALLBACK, _FALLBACK.extract(probe)
    first_error: MalformedInput | None = None
    for score, extractor in found:
        if first_error is not None and score < _MIN_FALLBACK_SCORE:
            break
        try:
            extracted = extractor.extract(probe)
        except MalformedInput as exc:
            first_error = first_error or exc
            continue
        if first_error is not None:
            extracted.metadata["fallback"] = f"{found[0][1].name} failed: {first_error}"
        return extractor, extracted
    assert first_error is not None
    raise first_error
