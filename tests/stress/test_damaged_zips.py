"""Damaged zip packages the fuzzer found crashing extractors with non-pursuit errors.

A corrupt deflate stream raised zlib.error out of the xlsx and odt readers, and a zip declaring
an extraction version Python lacks raised NotImplementedError out of every office extractor's
`match()` (so out of the registry itself). Each must be a MalformedInput for that file only.
"""

from __future__ import annotations

import contextlib
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from pursuit.errors import MalformedInput
from pursuit.extract.registry import EXTRACTORS, read
from pursuit.extract.sniff import sniff

CORPUS = Path(__file__).resolve().parents[2] / "src" / "pursuit" / "demo" / "corpus"
PACKAGES = [
    "10_leak_khasham_sector.zip",
    "11_asylum_interview_record_2018-11.docx",
    "13_register_extract_2017-03.xlsx",
    "14_notes_kilis_2016-04.odt",
]


def _garble_deflate(path: Path) -> None:
    """Overwrite the compressed bytes of every deflated member with an invalid stream."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        infos = [i for i in package.infolist() if i.compress_type == zipfile.ZIP_DEFLATED]
    assert infos
    for info in infos:
        name_len, extra_len = struct.unpack(
            "<HH", data[info.header_offset + 26 : info.header_offset + 30]
        )
        start = info.header_offset + 30 + name_len + extra_len
        size = min(info.compress_size, 16)
        data[start : start + size] = b"\xff" * size
    path.write_bytes(bytes(data))


def _future_version(path: Path) -> None:
    """Make every central directory entry ask for extraction version 7.0."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = struct.pack("<H", 70)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", PACKAGES)
def test_corrupt_deflate_is_malformed_input(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(CORPUS / name, path)
    _garble_deflate(path)
    # MalformedInput is the right answer; an extractor that reads only the file list may succeed
    with contextlib.suppress(MalformedInput):
        read(sniff(path))


@pytest.mark.parametrize("name", PACKAGES)
def test_unsupported_zip_version_is_malformed_input(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(CORPUS / name, path)
    _future_version(path)
    probe = sniff(path)
    assert all(0 <= extractor.match(probe) <= 1 for extractor in EXTRACTORS)
    with pytest.raises(MalformedInput):
        read(probe)
