"""Subtitles and captions (SubRip .srt, WebVTT .vtt), with each line's moment kept in the text.

Translated testimony and captioned footage often arrive as subtitle files. Each cue is written as
"[HH:MM:SS] text" so a finding can cite the exact moment of the video it refers to; voice tags
become "Speaker: text" because who said a line matters as much as what was said.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pursuit import __version__
from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Extractor, Probe
from pursuit.extract.decode import decode_bytes
from pursuit.extract.sniff import suffix_of

__all__ = ["EXTRACTORS", "Cue", "SubtitleExtractor", "parse_cues"]

_MAX_BYTES = 50 * 1024 * 1024
_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*({_STAMP})\s*-->\s*({_STAMP})")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_NON_CUE = ("WEBVTT", "NOTE", "STYLE", "REGION")
_MIMES = frozenset({"text/vtt", "application/x-subrip", "text/x-srt", "application/x-srt"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: when it shows (seconds from the start) and what it says."""

    start: float
    end: float
    text: str


def _seconds(stamp: str) -> float:
    """'01:02:03,500' or '02:03.500' (WebVTT may omit hours) as seconds."""
    parts = stamp.replace(",", ".").split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _clean(line: str) -> str:
    """Cue markup removed: voice tags become a speaker prefix, styling tags disappear."""
    line = _VOICE.sub(lambda found: found.group(1).strip() + ": ", line)
    return " ".join(html.unescape(_TAG.sub("", line)).split())


def parse_cues(text: str) -> list[Cue]:
    """Cues of an SRT or WebVTT document, in file order.

    Blocks without timing are headers, notes or styles, except that a stray block after a cue
    (a blank line typed inside a subtitle) is kept as the rest of that cue.
    """
    cues: list[Cue] = []
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in re.split(r"\n[ \t]*\n", normalized):
        lines = [line for line in block.split("\n") if line.strip()]
        timed = next((i for i, line in enumerate(lines[:2]) if _TIMING.match(line)), None)
        if timed is not None:
            found = _TIMING.match(lines[timed])
            assert found is not None
            body = " / ".join(filter(None, (_clean(line) for line in lines[timed + 1 :])))
            cues.append(Cue(_seconds(found.group(1)), _seconds(found.group(2)), body))
        elif cues and lines and not lines[0].startswith(_NON_CUE) and not lines[0].isdigit():
            extra = " / ".join(filter(None, (_clean(line) for line in lines)))
            last = cues[-1]
            cues[-1] = Cue(last.start, last.end, f"{last.text} / {extra}".strip(" /"))
    return cues


def _head(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return fh.read(4096).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return ""


def _has_timing(head: str) -> bool:
    return any(_TIMING.match(line) for line in head.splitlines())


class SubtitleExtractor:
    """SubRip and WebVTT files; cue timing kept in the text as "[HH:MM:SS] line"."""

    name = "subtitles"

    def match(self, probe: Probe) -> float:
        head = _head(probe.path)
        if probe.mime in _MIMES or head.startswith("WEBVTT"):
            return 0.9
        if suffix_of(probe.filename) in (".srt", ".vtt"):
            return 0.85 if _has_timing(head) else 0.3
        return 0.65 if probe.mime.startswith("text/") and _has_timing(head) else 0.0

    def extract(self, probe: Probe) -> Extracted:
        if probe.path.stat().st_size > _MAX_BYTES:
            raise MalformedInput(f"{probe.filename}: over {_MAX_BYTES} bytes, not a subtitle file")
        decoded = decode_bytes(probe.path.read_bytes())
        cues = parse_cues(decoded.text)
        if not cues:
            raise MalformedInput(f"{probe.filename}: no subtitle cues (no 'start --> end' lines)")
        text = "\n".join(f"[{_clock(cue.start)}] {cue.text}" for cue in cues if cue.text)
        metadata = {
            "format": "vtt" if decoded.text.lstrip("\ufeff").startswith("WEBVTT") else "srt",
            "cue_count": str(len(cues)),
            "duration": f"{max(cue.end for cue in cues):.3f}",
            "encoding": decoded.encoding,
        }
        return Extracted(text, "pursuit-subtitles", __version__, metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Subtitles hold no members."""
        return iter(())


EXTRACTORS: tuple[Extractor, ...] = (SubtitleExtractor(),)
