"""Hostile inputs meet limits at the extractor boundary: a clear refusal, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.errors import UnsafeInput
from pursuit.extract import Limits, blank_pdf_pages, limits, read, sniff
from pursuit.extract.mailparts import mime_shape

from .hostile import INK, WORDS, many_parts_eml, nested_eml, pdf


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_5000_level_nested_message_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.eml", nested_eml(5000))
    with pytest.raises(UnsafeInput, match="nested more than 50 deep"):
        read(sniff(path, path.name))


def test_moderate_nesting_is_still_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "ok.eml", nested_eml(20))
    assert mime_shape(path).depth == 20
    _, extracted = read(sniff(path, path.name))
    assert "The bottom of the well." in extracted.text


def test_the_depth_and_part_limits_follow_the_settings(tmp_path: Path) -> None:
    deep = _write(tmp_path, "deep.eml", nested_eml(12))
    wide = _write(tmp_path, "wide.eml", many_parts_eml(300))
    with limits(Limits(max_mime_depth=10)), pytest.raises(UnsafeInput, match="10 deep"):
        read(sniff(deep, deep.name))
    with limits(Limits(max_mime_parts=200)), pytest.raises(UnsafeInput, match="200 MIME parts"):
        read(sniff(wide, wide.name))
    _, extracted = read(sniff(wide, wide.name))
    assert extracted.metadata["attachment_count"] == "299"  # the first part is the body


def test_blank_pages_are_told_from_pages_with_ink(tmp_path: Path) -> None:
    pages = [b""] * 250 + [INK] + [b""] * 10 + [WORDS]
    path = _write(tmp_path, "bundle.pdf", pdf(pages))
    verdict = dict(blank_pdf_pages(path, list(range(1, len(pages) + 1))))
    assert len(verdict) == len(pages)
    assert [n for n, blank in verdict.items() if not blank] == [251, 262]
