"""Items and derivatives held against the custody events that vouch for them.

The `acquired` event holds the acquisition facts and filename, the `ingested` event the hash,
size and type: so rewriting a row, pointing it at another stored blob, deleting it or forging
one without events is named field by field. A derivative's `derived` event holds its text hash,
so rewriting the text and its hash together is caught too. Facts an older workspace did not log
(an item's parent) are checked only where the event holds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.custody import CustodyEvent, Detail
from pursuit.evidence.logged import Logged, details_of
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.schema import derivatives, items

__all__ = ["check_derivative_records", "check_item_records", "differences"]

ACQUIRED_FACTS = ("filename", "acquired_by", "acquired_at", "method", "source_url", "notes")
INGESTED_FACTS = ("sha256", "size", "mime")
OPTIONAL_FACTS = ("parent_id",)  # logged since verify checks the whole record


def _same(logged: Detail, actual: object) -> bool:
    if isinstance(actual, datetime) and isinstance(logged, str):
        try:
            return datetime.fromisoformat(logged) == actual
        except ValueError:
            return False
    if logged is None or actual is None:
        return logged is None and actual is None
    return str(logged) == str(actual)


def _shown(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, datetime) else str(value)


def differences(
    logged: Mapping[str, Detail], row: Mapping[Any, Any], names: Iterable[str]
) -> Iterator[tuple[str, str | None, str | None]]:
    """(field, logged, actual) for each named field whose row value is not what was logged."""
    for name in names:
        if name in logged and not _same(logged[name], row.get(name)):
            yield name, _shown(logged[name]), _shown(row.get(name))


def _item_problems(
    row: Mapping[Any, Any], acquired: CustodyEvent, ingested: CustodyEvent | None
) -> Iterator[Problem]:
    facts: dict[str, Detail] = dict(details_of(acquired))
    facts["case_id"] = acquired.case_id
    facts["ingested_by"] = acquired.actor
    if ingested is not None:
        facts |= {k: v for k, v in details_of(ingested).items() if k in INGESTED_FACTS}
    names = ("case_id", *ACQUIRED_FACTS, *OPTIONAL_FACTS, *INGESTED_FACTS, "ingested_by")
    for name, expected, actual in differences(facts, row, names):
        yield Problem(ProblemKind.ITEM_CHANGED, str(row["id"]), expected, actual, context=name)


def check_item_records(conn: Connection, logged: Logged) -> list[Problem]:
    """Every item row against its acquisition and intake events, and every logged item present."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for row in conn.execute(sa.select(items).order_by(items.c.id)).mappings():
        item_id = str(row["id"])
        seen.add(item_id)
        acquired = logged.acquired.get(item_id)
        if acquired is None:
            kind = ProblemKind.ITEM_UNLOGGED
            problems.append(Problem(kind, item_id, None, str(row["filename"])))
        elif logged.vouches(acquired):
            ingested = logged.ingested.get(item_id)
            trusted = ingested if ingested is not None and logged.vouches(ingested) else None
            problems += _item_problems(row, acquired, trusted)
    for item_id, event in sorted(logged.acquired.items()):
        if item_id not in seen:
            name = details_of(event).get("filename")
            problems.append(Problem(ProblemKind.ITEM_MISSING, item_id, str(name), None))
    return problems


def _derivative_facts(event: CustodyEvent) -> dict[str, Detail]:
    details = details_of(event)
    facts = {k: details[k] for k in ("kind", "parent_sha256", "text_sha256") if k in details}
    return facts | {"item_id": event.item_id, "tool": details.get("tool")}


def _derivative_row(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {**row, "tool": f"{row['tool']} {row['tool_version']}"}


def check_derivative_records(conn: Connection, logged: Logged) -> list[Problem]:
    """Every derivative row against its `derived` event, and every logged derivative present."""
    problems: list[Problem] = []
    names = ("item_id", "kind", "tool", "parent_sha256", "text_sha256")
    query = sa.select(derivatives).with_only_columns(
        *(derivatives.c[n] for n in ("id", "tool_version", *names))
    )
    seen: set[int] = set()
    for row in conn.execute(query.order_by(derivatives.c.id)).mappings():
        number, item_id = int(row["id"]), str(row["item_id"])
        seen.add(number)
        event = logged.derived.get(number)
        if event is None:
            problems.append(Problem(ProblemKind.DERIVATIVE_UNLOGGED, str(number), context=item_id))
            continue
        if not logged.vouches(event):
            continue
        found = differences(_derivative_facts(event), _derivative_row(row), names)
        kind = ProblemKind.DERIVATIVE_NOT_AS_LOGGED
        problems += [Problem(kind, str(number), e, a, context=n) for n, e, a in found]
    for number, event in sorted(logged.derived.items()):
        if number not in seen:
            context = event.item_id or ""
            problems.append(Problem(ProblemKind.DERIVATIVE_MISSING, str(number), context=context))
    return problems
