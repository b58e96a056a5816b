"""The text in every package that tells its reader how to check it without pursuit."""

from __future__ import annotations

__all__ = ["readme_text"]


def readme_text(fingerprint: str, summary: dict[str, str]) -> str:
    """README.txt: what the package holds and three ways to check it, from simplest to fullest."""
    facts = "\n".join(f"  {name}: {value}" for name, value in summary.items())
    return f"""COURT PACKAGE made by pursuit
=============================

{facts}

This folder is a BagIt bag (RFC 8493). Its payload is under data/:

  data/dossier/        the dossier as PDF, HTML and JSON
  data/originals/      the original evidence files, byte for byte (absent with --hashes-only)
  data/loadfile.csv    one row per item: control number, SHA-256, file name, custodian, dates,
                       and whether the original is included, given by hash only, or withheld
                       (testimony of a protected witness never leaves in a package)
  data/custody/        custody events of every item, each with a Merkle inclusion proof, and
                       the checkpoint (the root of the workspace's custody log) they prove against
  data/ftm/            the people, organizations, events and documents as FollowTheMoney JSON

1. Check every file with nothing but coreutils (run inside this folder):

     sha256sum -c manifest-sha256.txt
     sha256sum -c tagmanifest-sha256.txt

   Every line must say OK. A file that is not listed in manifest-sha256.txt was added later.
   The SHA-256 of each original in data/originals/ equals its `sha256` in data/loadfile.csv,
   the hash pursuit recorded when the item was taken in.

2. Check the signature with OpenSSL (it covers tagmanifest-sha256.txt, which hashes every
   other file, among them manifest-sha256.txt):

     openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin \\
         -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig

   It must print "Signature Verified Successfully". Then compare the key's fingerprint with the
   one the sender gave you by another channel:

     {fingerprint}

   (the SHA-256 of the raw 32-byte Ed25519 public key in signing-key.pem).

3. Check everything, the custody proofs included, with pursuit (no workspace needed):

     pursuit verify-package PACKAGE.zip

   A custody event's hash is SHA-256 over the compact JSON array
   [seq, prev_hash, case_id, item_id, actor, action, at, details]; its leaf in the Merkle tree
   is SHA-256(0x00 || hash), a node SHA-256(0x01 || left || right), and walking the proof's
   sibling hashes from the leaf must arrive at the checkpoint's root.

Names and links in the dossier are what the evidence says, with its sources; they are not
findings. Protected witnesses appear only under their pseudonyms.
"""
