"""The blob store addresses content by SHA-256 and never keeps partial or empty blobs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.errors import EmptyInput, UnreadableInput
from pursuit.store.blobs import BlobStore, sha256_file


def test_put_file_streams_and_addresses_by_hash(tmp_path: Path) -> None:
    source = tmp_path / "a.bin"
    data = b"x" * (3 * 1024 * 1024 + 17)
    source.write_bytes(data)
    store = BlobStore(tmp_path / "blobs")
    blob = store.put_file(source)
    assert blob.sha256 == hashlib.sha256(data).hexdigest()
    assert blob.path.read_bytes() == data
    assert not blob.existed
    assert store.put_file(source).existed
    assert not list((tmp_path / "blobs").glob(".incoming-*"))


def test_empty_and_missing_files_are_refused(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyInput):
        store.put_file(tmp_path / "empty.txt")
    with pytest.raises(UnreadableInput, match="no such file"):
        store.put_file(tmp_path / "missing.txt")
    assert not list((tmp_path / "blobs").rglob("*"))


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=5000))
def test_round_trip(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    root = tmp_path_factory.mktemp("rt")
    store = BlobStore(root / "blobs")
    blob = store.put_bytes(data)
    assert sha256_file(blob.path) == blob.sha256
    with store.open(blob.sha256) as stream:
        assert stream.read() == data
