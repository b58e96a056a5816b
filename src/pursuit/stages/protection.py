"""The seam through which protected testimony passes the stages without being exposed.

The stages know nothing of keys or identities (those belong to `pursuit.security`, a layer
above); they only ask an `ItemGuard`, when one is given, to store an item's bytes sealed, to lend
the plaintext for the length of an extraction, and to make text safe to show before it is
stored, indexed or read by the language stage. Without a guard an item is plain evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Connection

from pursuit.evidence.items import Item
from pursuit.store.blobs import StoredBlob

__all__ = ["GuardFor", "ItemGuard"]


class ItemGuard(Protocol):
    """How one protected witness's testimony is stored, read and shown."""

    def store(self, source: Path) -> StoredBlob:
        """Seal the file into the blob store; `sha256` and `size` are the plaintext's."""
        ...

    def bind(self, conn: Connection, item: Item, actor: str) -> None:
        """Mark a newly recorded item as this witness's testimony, in the item's transaction."""
        ...

    def plaintext(self, item: Item) -> AbstractContextManager[Path]:
        """A private temporary file holding the item's plaintext, deleted on exit."""
        ...

    def redact(self, text: str) -> str:
        """`text` with the witness's identity replaced by the pseudonym."""
        ...

    def keep_text(self, conn: Connection, item: Item, text: str) -> dict[str, str]:
        """Seal the unredacted derived text; returns derivative metadata naming the sealed copy."""
        ...


GuardFor = Callable[[Item], ItemGuard | None]
