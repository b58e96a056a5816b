"""Items as FtM documents, and Documentation links from each document to what it mentions.

FtM's `contentHash` is a SHA-1 (Aleph's archive key); we address evidence by SHA-256 and do not
re-read every original to compute another hash, so `contentHash` is left empty rather than
filled with a hash of the wrong kind. The SHA-256 is written in `notes` as "sha256: …", with
the acquisition facts, so a reader can still check the original against it.

A protected witness's testimony is exported as stored: its file name and notes were redacted at
intake and its mentions show the pseudonym only. Its `author` is the witness's pseudonym, read
from the witness register's pseudonym column; nothing here reads the vault.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.ftm.entity import Draft, link_id
from pursuit.evidence.items import Item
from pursuit.resolve.profiles import Profile
from pursuit.store.schema import witness_items, witnesses

__all__ = ["document", "document_schema", "documentation", "mentioned_in", "pseudonyms"]

_BY_PREFIX = (
    ("text/plain", "PlainText"),
    ("text/html", "HyperText"),
    ("application/xhtml", "HyperText"),
    ("application/pdf", "Pages"),
    ("image/", "Image"),
    ("video/", "Video"),
    ("audio/", "Audio"),
)


def document_schema(mime: str) -> str:
    """The most specific FtM document schema for a MIME type, Document when none fits."""
    return next((schema for prefix, schema in _BY_PREFIX if mime.startswith(prefix)), "Document")


def pseudonyms(conn: Connection) -> dict[str, str]:
    """item id -> pseudonym of the protected witness whose testimony it is."""
    query = sa.select(witness_items.c.item_id, witnesses.c.pseudonym).join(
        witnesses, witnesses.c.id == witness_items.c.witness_id
    )
    return {str(r.item_id): str(r.pseudonym) for r in conn.execute(query)}


def document(item: Item, witness: str | None = None) -> dict[str, Any]:
    """One item as an FtM document: its file name, type, size, origin and acquisition facts;
    `witness` is the pseudonym of the protected witness whose testimony it is."""
    acq = item.acquisition
    draft = Draft(document_schema(item.mime), item.id)
    draft.put("author", witness)
    if witness is not None:
        draft.note("testimony of protected witness", witness)
    draft.put("fileName", item.filename)
    draft.put("mimeType", item.mime)
    draft.put("fileSize", str(item.size))
    draft.put("sourceUrl", acq.source_url)
    draft.put("retrievedAt", acq.acquired_at.isoformat(timespec="seconds"))
    draft.note("sha256", item.sha256)
    draft.note("acquired", f"by {acq.acquired_by}, {acq.method}")
    if item.parent_id:
        draft.note("member of", item.parent_id)
    return draft.data()


def documentation(item_id: str, target: str, role: str, names: list[str]) -> dict[str, Any]:
    """A link saying that document `item_id` documents entity `target`, and in which words."""
    draft = Draft("Documentation", link_id("documentation", item_id, target))
    draft.put("document", item_id)
    draft.put("entity", target)
    draft.put("role", role)
    draft.put("namesMentioned", names)
    return draft.data()


def mentioned_in(profile: Profile) -> list[dict[str, Any]]:
    """A Documentation link per item mentioning the profile, with the spellings it used."""
    used: dict[str, list[str]] = {}
    for spelling in profile.spellings:
        for item_id in spelling.items:
            used.setdefault(item_id, []).append(spelling.text)
    return [
        documentation(item_id, profile.id, "mentions", used.get(item_id, []))
        for item_id in profile.item_ids
    ]
