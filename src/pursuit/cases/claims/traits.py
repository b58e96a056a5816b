"""What an item says about where it came from: its text, source URL, agency credit, witness.

Independence (`origins.py`) and grading (`grading.py`) read these traits; they are loaded once per
listing, so a claim resting on many items costs one query per item, not one per comparison.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims.model import SourceRef
from pursuit.stages.derivatives import latest_derivative
from pursuit.store.schema import items, witness_items, witnesses

__all__ = ["ItemTraits", "agency_credit", "item_traits", "normal_url", "witness_header"]

# Credit lines of the news agencies whose stories outlets carry: "(AFP)", "Reuters -", "© dpa",
# "(أ ف ب)". Only a credit, not a mention ("told Reuters"), marks an agency story.
_AGENCIES = {
    "AFP": r"AFP|Agence France[- ]Presse|أ\s?ف\s?ب|ا\s?ف\s?ب|فرانس برس",
    "Reuters": r"Reuters|رويترز",
    "AP": r"AP|Associated Press",
    "dpa": r"dpa|Deutsche Presse-Agentur",
    "ANSA": r"ANSA",
    "EFE": r"EFE",
}
_CREDIT = {
    name: re.compile(
        rf"\((?:{words})\)|©\s*(?:{words})\b|^\s*(?:source|quelle|المصدر)\s*:\s*(?:{words})\b"
        rf"|^[^\n]{{0,40}}?\b(?:{words})\s*[-—–:]\s",
        re.M | re.I if name != "AP" else re.M,
    )
    for name, words in _AGENCIES.items()
}
_WITNESS = re.compile(
    r"^\s*(?:witness|témoin|temoin|zeuge|zeugin|شاهد|الشاهد)\s*[:#]?\s*(W-\d{1,4})\b", re.I | re.M
)
_SOURCE_NOTE = re.compile(r"^\s*source\s*[:=]\s*(.+?)\s*$", re.I | re.M)


@dataclass(frozen=True, slots=True)
class ItemTraits:
    item_id: str
    case_id: str
    text: str
    url: str | None
    notes: str
    pseudonym: str | None
    agency: str | None

    @property
    def source(self) -> SourceRef:
        """The source graded for reliability: witness, then named source, outlet, document."""
        if self.pseudonym:
            return SourceRef(f"witness:{self.pseudonym}", "witness", self.pseudonym)
        named = _SOURCE_NOTE.search(self.notes)
        if named:
            return SourceRef(f"outlet:{named.group(1).casefold()}", "outlet", named.group(1))
        host = urlsplit(self.url).hostname if self.url else None
        if host:
            host = host.removeprefix("www.")
            return SourceRef(f"outlet:{host}", "outlet", host)
        return SourceRef(f"document:{self.item_id}", "document", self.item_id)


def agency_credit(text: str) -> str | None:
    """The agency a story credits in its dateline or credit line, within its first and last
    lines, where credits stand."""
    head, tail = text[:400], text[-300:]
    for name, pattern in _CREDIT.items():
        if pattern.search(head) or pattern.search(tail):
            return name
    return None


def witness_header(text: str) -> str | None:
    """The pseudonym of a "Witness: W-07" header in an interview's first lines."""
    found = _WITNESS.search(text[:300])
    return found.group(1).upper() if found else None


def normal_url(url: str | None) -> str | None:
    """A URL without scheme, "www.", fragment or trailing slash, so copies of one page match."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "") if host else url.strip()


def _pseudonyms(conn: Connection, ids: list[str]) -> dict[str, str]:
    query = (
        sa.select(witness_items.c.item_id, witnesses.c.pseudonym)
        .join(witnesses, witnesses.c.id == witness_items.c.witness_id)
        .where(witness_items.c.item_id.in_(ids))
    )
    return {str(r.item_id): str(r.pseudonym) for r in conn.execute(query)}


def item_traits(conn: Connection, item_ids: Collection[str]) -> dict[str, ItemTraits]:
    """Traits of each item named (unknown ids are left out)."""
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    linked = _pseudonyms(conn, ids)
    found: dict[str, ItemTraits] = {}
    for r in conn.execute(sa.select(items).where(items.c.id.in_(ids))):
        derivative = latest_derivative(conn, str(r.id))
        text = derivative.text if derivative is not None else ""
        found[str(r.id)] = ItemTraits(
            item_id=str(r.id),
            case_id=str(r.case_id),
            text=text,
            url=r.source_url,
            notes=str(r.notes or ""),
            pseudonym=linked.get(str(r.id)) or witness_header(text),
            agency=agency_credit(text),
        )
    return found
