"""Building one FollowTheMoney entity from our facts, losing none of them on the way.

FtM cleans every value by its property's type: a nationality must be a country, a birth date a
date. A value FtM cannot read ("born in the 1980s") is not dropped silently: it goes into the
entity's `notes` as "property: value", so the reader of the export still sees it.

Ids are derived from ours (`en-…` entities, `it-…` items, `ic-…` incidents) so a re-export of an
unchanged workspace is byte-for-byte the same; links get a SHA-1 of their kind and ends.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # followthemoney takes most of a second to import: imported where FtM work is done.
    from followthemoney.proxy import EntityProxy


__all__ = ["Draft", "dump_line", "link_id"]


def link_id(kind: str, *ends: str) -> str:
    """A stable id for a link (or any entity we make up) from what it joins."""
    digest = hashlib.sha1("\x1f".join((kind, *ends)).encode(), usedforsecurity=False)
    return f"pursuit-{kind}-{digest.hexdigest()}"


def dump_line(data: Mapping[str, Any]) -> str:
    """One entity as a canonical JSON line: sorted keys, original scripts kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Draft:
    """An entity being built: values FtM accepts go to their property, others to `notes`."""

    def __init__(self, schema: str, entity_id: str) -> None:
        from followthemoney import model

        self.proxy: EntityProxy = model.make_entity(schema)
        self.proxy.id = entity_id
        self._notes: list[str] = []

    @property
    def id(self) -> str:
        return str(self.proxy.id)

    def put(self, prop: str, values: str | Iterable[str] | None, label: str | None = None) -> None:
        """Add each value FtM can clean for `prop`; note the others under `label` (or `prop`)."""
        if values is None:
            return
        wanted = [values] if isinstance(values, str) else list(values)
        kind = self.proxy.schema.properties[prop].type
        for value in sorted({v.strip() for v in wanted if v and v.strip()}):
            if kind.clean(value) is None:
                self.note(label or prop, value)
            else:
                self.proxy.add(prop, value)

    def note(self, label: str, value: str) -> None:
        self._notes.append(f"{label}: {value}")

    def data(self) -> dict[str, Any]:
        """The entity as FtM's JSON form, with its notes joined in a stable order."""
        if self._notes:
            self.proxy.set("notes", "\n".join(sorted(set(self._notes))))
        found: dict[str, Any] = self.proxy.to_dict()
        found["properties"] = {k: sorted(v) for k, v in sorted(found["properties"].items())}
        return found
