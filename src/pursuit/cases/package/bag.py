"""Writing the court package: a BagIt bag (RFC 8493), signed, zipped.

The bag is made by the Library of Congress's `bagit` package, which archives and courts already
use, so the manifests are the ones their tools expect. pursuit adds three tag files beside them:
`README.txt` (how to check the package by hand), `signing-key.pem` (the workspace's public key)
and, last, `tagmanifest-sha256.txt.sig`, the Ed25519 signature over the tag manifest, which hashes
every other tag file, among them the payload manifest that hashes every payload file.

The `bagit` package changes the process's working directory while it bags, which would pull the
floor from under every other thread of a server; so the bagging runs in a child process of its
own, and only the signing (which needs the private key) happens here.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import bagit

from pursuit.cases.package.readme import readme_text
from pursuit.security.signing import SigningKey
from pursuit.stages.leftovers import PACKAGE_PREFIX, sweep_folder
from pursuit.store.blobs import owned_prefix

__all__ = [
    "BAGIT_TXT",
    "KEY_FILE",
    "ORIGINALS",
    "README",
    "SIGNATURE_FILE",
    "TAG_MANIFEST",
    "make_bag",
    "staging_folder",
    "zip_bag",
]

TAG_MANIFEST = "tagmanifest-sha256.txt"
SIGNATURE_FILE = TAG_MANIFEST + ".sig"
KEY_FILE = "signing-key.pem"
README = "README.txt"
ORIGINALS = "data/originals/"
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


@contextmanager
def staging_folder(output: Path) -> Iterator[Path]:
    """A private folder beside the output (same disk, so the final rename is atomic) holding
    the bag and the partial zip. Its name carries this process's pid and host, so an export
    killed half-way is cleared by the next export to that folder once its process is gone."""
    sweep_folder(output.parent, PACKAGE_PREFIX)
    folder = Path(tempfile.mkdtemp(prefix=owned_prefix(PACKAGE_PREFIX), dir=output.parent))
    try:
        bag = folder / "bag"
        bag.mkdir()
        yield bag
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _bag_here(root: str, bag_info: dict[str, str], tag_files: dict[str, str]) -> None:
    """In the child process: bag the payload, add pursuit's tag files, rewrite the tag manifest."""
    bag = bagit.make_bag(root, bag_info=dict(bag_info), checksums=["sha256"])
    folder = Path(root)
    # bagit writes version 0.97; the layout is also valid RFC 8493 1.0, which is what we claim.
    (folder / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    for name, text in tag_files.items():
        (folder / name).write_text(text, encoding="utf-8")
    bag.save(manifests=False)  # the tag manifest now covers the new tag files too


def make_bag(
    root: Path, bag_info: dict[str, str], key: SigningKey, summary: dict[str, str]
) -> None:
    """Turn the payload already laid out in `root` into a signed bag, in place."""
    tag_files = {KEY_FILE: key.public_pem, README: readme_text(key.fingerprint, summary)}
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        pool.submit(_bag_here, str(root), bag_info, tag_files).result()
    (root / SIGNATURE_FILE).write_bytes(key.sign((root / TAG_MANIFEST).read_bytes()))


def zip_bag(root: Path, top: str, output: Path) -> None:
    """Zip the bag under one top folder, written in the staging folder and renamed into place."""
    partial = root.parent / (output.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root).as_posix()
            # Originals are mostly compressed already (video, images, PDF, archives): stored as
            # they are, they cost one read instead of a compression that gains nothing.
            kind = zipfile.ZIP_STORED if relative.startswith(ORIGINALS) else zipfile.ZIP_DEFLATED
            zf.write(path, f"{top}/{relative}", compress_type=kind)
    os.replace(partial, output)
