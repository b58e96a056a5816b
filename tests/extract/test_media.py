"""Audio and video made with ffmpeg, probed with ffprobe as investigators' footage would be."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pursuit.errors import MalformedInput
from pursuit.extract.base import Probe
from pursuit.extract.media import MediaExtractor
from pursuit.extract.registry import choose
from pursuit.extract.sniff import sniff

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=60)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", str(folder / "tone.wav"))
    _ffmpeg(
        "-f", "lavfi", "-i", "testsrc=duration=1:size=64x64",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
        "-shortest", "-c:v", "libx264", "-c:a", "aac",
        "-metadata", "creation_time=2024-03-01T10:00:00Z",
        "-metadata", "location=+33.5138+036.2765/",
        str(folder / "clip.mp4"),
    )  # fmt: skip
    return folder


def test_audio_duration_and_codec(media: Path) -> None:
    probe = sniff(media / "tone.wav")
    assert choose(probe).name == "media"
    extracted = MediaExtractor().extract(probe)
    assert extracted.text == ""
    assert float(extracted.metadata["duration"]) == pytest.approx(1.0, abs=0.05)
    assert extracted.metadata["audio_codec"] == "pcm_s16le"
    assert extracted.metadata["sample_rate"] == "44100"
    assert extracted.metadata["format"] == "wav"
    assert extracted.metadata["stream_count"] == "1"
    assert extracted.tool == "ffprobe"
    assert extracted.tool_version[:1].isdigit()


def test_video_size_time_place_and_codecs(media: Path) -> None:
    probe = sniff(media / "clip.mp4")
    assert MediaExtractor().match(probe) == 0.9
    extracted = MediaExtractor().extract(probe)
    assert (extracted.metadata["width"], extracted.metadata["height"]) == ("64", "64")
    assert extracted.metadata["codecs"] == "h264, aac"
    assert extracted.metadata["video_codec"] == "h264"
    assert extracted.metadata["creation_time"].startswith("2024-03-01T10:00:00")
    assert extracted.metadata["location"] == "+33.5138+036.2765/"
    assert extracted.metadata["encoder"].startswith("Lavf")
    assert extracted.metadata["stream_count"] == "2"
    assert float(extracted.metadata["duration"]) == pytest.approx(1.0, abs=0.1)


def test_truncated_video_names_ffprobes_complaint(media: Path, tmp_path: Path) -> None:
    data = (media / "clip.mp4").read_bytes()
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[:3000])
    with pytest.raises(MalformedInput, match="cut.mp4: ffprobe cannot read it: .*moov atom"):
        MediaExtractor().extract(sniff(path))


def test_text_named_as_video_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "video.mp4"
    path.write_text("This is a note, not a video.\n", encoding="utf-8")
    probe = sniff(path)
    assert MediaExtractor().match(probe) == 0.4
    with pytest.raises(MalformedInput, match="video.mp4"):
        MediaExtractor().extract(probe)


def test_odd_file_names_are_read_as_local_files(media: Path, tmp_path: Path) -> None:
    path = tmp_path / "concat:x.wav"
    shutil.copy(media / "tone.wav", path)
    extracted = MediaExtractor().extract(Probe(path, "audio/x-wav", "-i.wav"))
    assert extracted.metadata["audio_codec"] == "pcm_s16le"
