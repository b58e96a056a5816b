"""OpenRefine reconciliation over the screening index (reconciliation service API 0.2).

A spreadsheet of names in OpenRefine can be matched against the workspace's persons: each query
(`query`, optional `limit` and `properties` such as birthDate and nationality) becomes a screening
record, and the candidates come back with a score from 0 to 100, `match` at the threshold, and the
reasons as the description. As everywhere in pursuit, `match` proposes; a person decides.
"""

from __future__ import annotations

from typing import Any

from pursuit.errors import MalformedInput
from pursuit.names.reasons import describe_all
from pursuit.screen.engine import SCREEN_THRESHOLD, ScreenOptions, ScreenResult, screen_records
from pursuit.screen.index import ScreenIndex
from pursuit.screen.memory import HitMemory
from pursuit.screen.records import records_from_rows

__all__ = ["PROPERTIES", "manifest", "reconcile_queries"]

PERSON_TYPE = {"id": "Person", "name": "Person"}
PROPERTIES = {
    "birthDate": "birth_date",
    "birth_date": "birth_date",
    "nationality": "nationality",
    "country": "nationality",
    "gender": "gender",
}
MAX_QUERIES = 500


def manifest(base_url: str) -> dict[str, Any]:
    """The service manifest OpenRefine reads when the service is added."""
    return {
        "versions": ["0.2"],
        "name": "pursuit persons",
        "identifierSpace": f"{base_url}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "defaultTypes": [PERSON_TYPE],
        "view": {"url": f"{base_url}/entities/{{{{id}}}}"},
        "suggest": None,
    }


def _fields(query: dict[str, Any]) -> list[str]:
    found = {"birth_date": "", "nationality": "", "gender": ""}
    for prop in query.get("properties") or []:
        if not isinstance(prop, dict):
            raise MalformedInput("each property must be an object with pid and v")
        column = PROPERTIES.get(str(prop.get("pid", "")))
        value = prop.get("v")
        if column and value is not None:
            found[column] = str(value[0] if isinstance(value, list) and value else value)
    return [found["birth_date"], found["nationality"], found["gender"]]


def _record(key: str, query: Any) -> list[str]:
    if not isinstance(query, dict) or not isinstance(query.get("query"), str):
        raise MalformedInput(f"query {key!r} needs a text field 'query'")
    return [key, query["query"], *_fields(query)]


def _limit(query: dict[str, Any]) -> int:
    return max(1, min(int(query.get("limit") or 5), 100))


def _answer(result: ScreenResult | None, limit: int) -> dict[str, Any]:
    if result is None:
        return {"result": []}
    return {
        "result": [
            {
                "id": c.entity_id,
                "name": c.name,
                "type": [PERSON_TYPE],
                "score": round(c.score * 100, 2),
                "match": c.match,
                "description": describe_all(c.reasons),
            }
            for c in result.candidates[:limit]
        ]
    }


def reconcile_queries(
    index: ScreenIndex, queries: dict[str, Any], memory: HitMemory | None = None
) -> dict[str, Any]:
    """Answers keyed like the queries (q0, q1, ...), all screened in one batched run."""
    if len(queries) > MAX_QUERIES:
        raise MalformedInput(f"at most {MAX_QUERIES} queries per request")
    rows = [(n, _record(key, q)) for n, (key, q) in enumerate(queries.items(), start=1)]
    header = ["id", "name", "birth_date", "nationality", "gender"]
    taken = records_from_rows(header, rows)
    limits = {key: _limit(q) for key, q in queries.items()}
    options = ScreenOptions(SCREEN_THRESHOLD, max(limits.values(), default=5))
    found = {r.id: r for r in screen_records(index, taken.records, options, memory)}
    return {key: _answer(found.get(key), limits[key]) for key in queries}
