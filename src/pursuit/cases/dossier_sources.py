"""The evidence behind a dossier: each item's acquisition facts and custody, and each claim's and
spelling's sources as a reader must cite them (quote, item, file name, SHA-256).

A dossier is handed to people who have no workspace: every line has to name the file and the
hash they can check, not only an item id that means something only inside pursuit.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.resolve.profiles import Profile
from pursuit.store.schema import custody_events, items

__all__ = [
    "CustodyStep",
    "ManifestEntry",
    "alias_json",
    "cite_claims",
    "manifest",
    "script_of",
]


@dataclass(frozen=True, slots=True)
class CustodyStep:
    """One custody event of an item, with the hash that chains it to the log."""

    seq: int
    action: str
    actor: str
    at: str
    hash: str


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One item the dossier cites: its hash, how and by whom it was acquired, its custody."""

    item_id: str
    filename: str
    sha256: str
    acquired_by: str
    acquired_at: str
    source_url: str | None
    method: str = ""
    mime: str = ""
    size: int = 0
    ingested_at: str = ""
    custody: tuple[CustodyStep, ...] = ()


def _custody(conn: Connection, item_ids: list[str]) -> dict[str, list[CustodyStep]]:
    query = (
        sa.select(custody_events)
        .where(custody_events.c.item_id.in_(item_ids))
        .order_by(custody_events.c.seq)
    )
    found: dict[str, list[CustodyStep]] = {}
    for r in conn.execute(query):
        step = CustodyStep(int(r.seq), str(r.action), str(r.actor), r.at.isoformat(), str(r.hash))
        found.setdefault(str(r.item_id), []).append(step)
    return found


def manifest(
    conn: Connection, item_ids: Collection[str], *, custody: bool = True
) -> list[ManifestEntry]:
    """The items, by file name, with their acquisition facts and (with `custody`) every
    custody event recorded for each."""
    wanted = sorted(set(item_ids))
    if not wanted:
        return []
    steps = _custody(conn, wanted) if custody else {}
    rows = conn.execute(sa.select(items).where(items.c.id.in_(wanted)).order_by(items.c.filename))
    return [
        ManifestEntry(
            item_id=r.id,
            filename=r.filename,
            sha256=r.sha256,
            acquired_by=r.acquired_by,
            acquired_at=r.acquired_at.isoformat(),
            source_url=r.source_url,
            method=r.method,
            mime=r.mime,
            size=int(r.size),
            ingested_at=r.ingested_at.isoformat(),
            custody=tuple(steps.get(r.id, ())),
        )
        for r in rows
    ]


def _source(entry: ManifestEntry | None, item_id: str) -> dict[str, object]:
    return {
        "item_id": item_id,
        "filename": entry.filename if entry else None,
        "sha256": entry.sha256 if entry else None,
    }


def script_of(text: str) -> str:
    """The writing system most letters of `text` belong to ("Arabic", "Latin", …), so a reader
    sees at a glance in which script a source wrote the name."""
    scripts = Counter(
        unicodedata.name(ch, "UNKNOWN").split(" ")[0].title() for ch in text if ch.isalpha()
    )
    return scripts.most_common(1)[0][0] if scripts else "Unknown"


def alias_json(profile: Profile, by_item: dict[str, ManifestEntry]) -> list[dict[str, object]]:
    """Every spelling in its original script, with the items (file, hash) that wrote it so."""
    return [
        {
            "name": s.text,
            "items": list(s.items),
            "script": script_of(s.text),
            "mentions": s.mentions,
            "sources": [_source(by_item.get(i), i) for i in s.items],
        }
        for s in profile.spellings
    ]


def _citation(statement: dict[str, object], by_item: dict[str, ManifestEntry]) -> dict[str, object]:
    item_id = str(statement["item_id"])
    return {
        **_source(by_item.get(item_id), item_id),
        "quote": statement.get("quote"),
        "sentence": statement.get("sentence"),
        "extractor": statement.get("extractor"),
    }


def cite_claims(
    claims: Iterable[dict[str, object]], by_item: dict[str, ManifestEntry]
) -> list[dict[str, object]]:
    """The claims with, for each, `citations`: the quoted sentence of every statement in force
    with its item's file name and SHA-256."""
    cited: list[dict[str, object]] = []
    for claim in claims:
        statements = claim.get("statements")
        listed = statements if isinstance(statements, list) else []
        active = [s for s in listed if isinstance(s, dict) and not s.get("rejected")]
        cited.append({**claim, "citations": [_citation(s, by_item) for s in active]})
    return cited
