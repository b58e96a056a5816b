"""Audio and video: technical facts from ffprobe (duration, codecs, size, recording time, place).

Footage is central evidence, and its container often says when and on what device it was made
and sometimes where (phones write an ISO 6709 location). ffprobe reads only the headers it needs,
so a multi-gigabyte video costs little. Speech is not transcribed here: the text stays empty and
transcripts come in as their own files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pursuit.errors import MalformedInput, ToolMissing
from pursuit.extract.base import ChildFile, Extracted, Extractor, Probe
from pursuit.extract.programs import program_version
from pursuit.extract.sniff import suffix_of

__all__ = ["EXTRACTORS", "MediaExtractor", "probe_media"]

_SUFFIXES = frozenset(
    {
        ".mp3",
        ".wav",
        ".ogg",
        ".oga",
        ".opus",
        ".m4a",
        ".aac",
        ".flac",
        ".amr",
        ".3gp",
        ".mp4",
        ".m4v",
        ".mkv",
        ".webm",
        ".mov",
        ".avi",
        ".wmv",
        ".mpg",
        ".mpeg",
    }
)
_TIMEOUT = 120.0
# Container tags worth a line of metadata, under the name investigators search for.
_FORMAT_TAGS = {
    "creation_time": "creation_time",
    "encoder": "encoder",
    "title": "title",
    "artist": "artist",
    "comment": "comment",
    "location": "location",
    "com.apple.quicktime.location.iso6709": "location",
    "com.apple.quicktime.make": "make",
    "com.apple.quicktime.model": "model",
    "com.apple.quicktime.software": "software",
    "com.apple.quicktime.creationdate": "creation_time",
    "com.android.manufacturer": "make",
    "com.android.model": "model",
}


def probe_media(path: Path, filename: str) -> dict[str, Any]:
    """ffprobe's JSON description of a file; a missing ffprobe or unreadable file is an error.

    The path is passed with the "file:" protocol so a name like "http:..." or "concat:..." is
    never read as anything but a local file.
    """
    executable = shutil.which("ffprobe")
    if executable is None:
        raise ToolMissing("ffprobe is not installed (Debian package ffmpeg)")
    args = [executable, "-v", "error", "-protocol_whitelist", "file", "-print_format", "json"]
    args += ["-show_format", "-show_streams", "-i", f"file:{path}"]
    try:
        done = subprocess.run(args, capture_output=True, timeout=_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MalformedInput(f"{filename}: ffprobe gave up after {_TIMEOUT:.0f} s") from exc
    if done.returncode != 0:
        raise MalformedInput(f"{filename}: ffprobe cannot read it: {_complaint(done.stderr, path)}")
    try:
        found = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"{filename}: ffprobe gave unreadable output") from exc
    return found if isinstance(found, dict) else {}


def _complaint(stderr: bytes, path: Path) -> str:
    """ffprobe's messages on one line, without the blob's path (it means nothing to a user)."""
    lines: list[str] = []
    for line in stderr.decode("utf-8", "replace").splitlines():
        line = line.replace(f"file:{path}: ", "").strip()
        if line.startswith("[") and "] " in line:
            line = line.split("] ", 1)[1]
        if line and line not in lines:
            lines.append(line)
    return "; ".join(lines) or "no message"


class MediaExtractor:
    """Audio and video files of any container ffprobe knows; metadata only, no text."""

    name = "media"

    def match(self, probe: Probe) -> float:
        typed = probe.mime.startswith(("audio/", "video/")) or probe.mime == "application/ogg"
        named = suffix_of(probe.filename) in _SUFFIXES
        if typed and named:
            return 0.9
        if typed:
            return 0.8
        return 0.4 if named else 0.0

    def extract(self, probe: Probe) -> Extracted:
        described = probe_media(probe.path, probe.filename)
        streams = [s for s in described.get("streams", []) if isinstance(s, dict)]
        fmt = described.get("format", {})
        if not streams or fmt.get("format_name") == "tty":
            raise MalformedInput(f"{probe.filename}: ffprobe found no audio or video streams")
        metadata = _stream_metadata(streams)
        metadata.update(_format_metadata(fmt))
        metadata["stream_count"] = str(len(streams))
        return Extracted("", "ffprobe", program_version("ffprobe"), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Media files hold no members worth unpacking (cover art stays in the file)."""
        return iter(())


def _format_metadata(fmt: dict[str, Any]) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for key, name in (("format_name", "format"), ("format_long_name", "format_long")):
        if fmt.get(key):
            metadata[name] = str(fmt[key])
    for key in ("duration", "bit_rate", "size"):
        if fmt.get(key) not in (None, "N/A"):
            metadata[key] = str(fmt[key])
    tags = {str(k).lower(): str(v) for k, v in (fmt.get("tags") or {}).items()}
    for tag, name in _FORMAT_TAGS.items():
        if tags.get(tag) and name not in metadata:
            metadata[name] = tags[tag]
    return metadata


def _stream_metadata(streams: list[dict[str, Any]]) -> dict[str, str]:
    """Codecs of every stream; picture size from the first real video stream (not cover art).

    A stream's creation time stands in when the container has none; the container's wins.
    """
    metadata = {"codecs": ", ".join(str(s.get("codec_name", "?")) for s in streams)}
    video = [s for s in streams if s.get("codec_type") == "video" and not _is_cover(s)]
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    if video:
        first = video[0]
        metadata["video_codec"] = str(first.get("codec_name", "?"))
        for key in ("width", "height"):
            if first.get(key):
                metadata[key] = str(first[key])
        if first.get("avg_frame_rate") not in (None, "0/0"):
            metadata["frame_rate"] = str(first["avg_frame_rate"])
    if audio:
        first = audio[0]
        metadata["audio_codec"] = str(first.get("codec_name", "?"))
        for key in ("sample_rate", "channels"):
            if first.get(key):
                metadata[key] = str(first[key])
    created = next((_tag(s, "creation_time") for s in streams if _tag(s, "creation_time")), "")
    if created:
        metadata["creation_time"] = created
    return metadata


def _is_cover(stream: dict[str, Any]) -> bool:
    disposition = stream.get("disposition") or {}
    return bool(disposition.get("attached_pic"))


def _tag(stream: dict[str, Any], name: str) -> str:
    tags = stream.get("tags") or {}
    return str(tags.get(name, ""))


EXTRACTORS: tuple[Extractor, ...] = (MediaExtractor(),)
