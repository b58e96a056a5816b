"""Subtitle files: every line keeps the moment it is spoken, so findings can cite the video."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.errors import MalformedInput
from pursuit.extract.base import Probe
from pursuit.extract.registry import choose
from pursuit.extract.sniff import sniff
from pursuit.extract.subtitles import SubtitleExtractor, parse_cues

SRT = """1
00:00:01,000 --> 00:00:03,500
<i>They took us to the school</i>
in Raqqa.

2
00:01:02,250 --> 00:01:05,000
{\\an8}The commander was Abu Hafs.

3
01:00:00,000 --> 01:00:02,000
قال القائد: لا أحد يغادر
"""

VTT = """WEBVTT
Kind: captions
Language: ar

NOTE translated by the field team

intro
00:05.000 --> 00:07.000 align:start
<v Witness 3>I saw the trucks &amp; the guards.</v>

00:01:10.500 --> 00:01:12.000
- Where?
- At the checkpoint.
"""


def test_srt_cues_keep_their_time(tmp_path: Path) -> None:
    path = tmp_path / "interview.srt"
    path.write_text(SRT, encoding="utf-8")
    probe = sniff(path)
    assert choose(probe).name == "subtitles"
    extracted = SubtitleExtractor().extract(probe)
    assert extracted.text.splitlines() == [
        "[00:00:01] They took us to the school / in Raqqa.",
        "[00:01:02] The commander was Abu Hafs.",
        "[01:00:00] قال القائد: لا أحد يغادر",
    ]
    assert extracted.metadata["format"] == "srt"
    assert extracted.metadata["cue_count"] == "3"
    assert extracted.metadata["duration"] == "3602.000"


def test_vtt_voices_and_headers(tmp_path: Path) -> None:
    path = tmp_path / "clip.vtt"
    path.write_text(VTT, encoding="utf-8")
    probe = sniff(path)
    assert choose(probe).name == "subtitles"
    extracted = SubtitleExtractor().extract(probe)
    assert extracted.text.splitlines() == [
        "[00:00:05] Witness 3: I saw the trucks & the guards.",
        "[00:01:10] - Where? / - At the checkpoint.",
    ]
    assert extracted.metadata["format"] == "vtt"
    assert extracted.metadata["duration"] == "72.000"


def test_arabic_srt_in_windows_1256_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.srt"
    line = "قال الشاهد إن الحاجز كان عند مدخل المدينة وإن الجنود أوقفوا الحافلة"
    path.write_bytes(f"1\r\n00:00:01,000 --> 00:00:02,000\r\n{line}\r\n".encode("cp1256"))
    extracted = SubtitleExtractor().extract(sniff(path))
    assert extracted.text == f"[00:00:01] {line}"
    assert extracted.metadata["encoding"] != "utf-8"


def test_blank_line_inside_a_cue_keeps_the_text() -> None:
    cues = parse_cues(
        "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nsecond\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nthird\n"
    )
    assert [cue.text for cue in cues] == ["first / second", "third"]


def test_file_without_cues_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "notes.srt"
    path.write_text("These are notes, not subtitles.\n", encoding="utf-8")
    probe = sniff(path)
    assert SubtitleExtractor().match(probe) == 0.3
    with pytest.raises(MalformedInput, match="no subtitle cues"):
        SubtitleExtractor().extract(probe)


def test_plain_text_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("I was held for three weeks.", encoding="utf-8")
    assert SubtitleExtractor().match(Probe(path, "text/plain", "statement.txt")) == 0.0
