"""Every API route documents what it answers: a new route without a response model fails here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi.routing import APIRoute

from pursuit.app import API_PREFIX, create_app
from pursuit.store.workspace import Workspace

# Routes that answer something other than one JSON document, on purpose.
NOT_ONE_JSON_DOCUMENT = {
    "item_text_route": "plain text: the item's extracted text, with its hashes in headers",
    "item_blob": "the original bytes of the evidence, streamed as a file",
    "reconcile_get": "OpenRefine's service manifest or answers, as JSON or JSONP JavaScript",
    "export_ftm_route": "FollowTheMoney JSON lines, one entity a line, streamed",
    "entity_package": "the court package: a signed BagIt bag as a zip file",
}


def _walk(routes: Iterable[Any]) -> Iterator[Any]:
    """Every endpoint, routers included by `include_router` opened up (FastAPI keeps them as
    groups whose effective routes carry the prefix, name and response model)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "effective_route_contexts"):
            yield from _walk(route.effective_route_contexts())
        elif getattr(route, "endpoint", None) is not None and hasattr(route, "response_model"):
            yield route


def _api_routes(ws: Workspace) -> list[Any]:
    app = create_app(ws)
    return [r for r in _walk(app.routes) if str(r.path).startswith(API_PREFIX)]


def test_every_api_route_has_a_response_model(ws: Workspace) -> None:
    routes = _api_routes(ws)
    assert len(routes) >= 25  # the walk found the API, not an empty router
    untyped = sorted(
        f"{sorted(r.methods)} {r.path} ({r.name})"
        for r in routes
        if r.response_model is None and r.name not in NOT_ONE_JSON_DOCUMENT
    )
    assert not untyped, f"routes without a response model: {untyped}"
    names = {r.name for r in routes}
    assert set(NOT_ONE_JSON_DOCUMENT) <= names, "an exception names a route that is gone"


def test_the_openapi_page_documents_every_json_answer(ws: Workspace) -> None:
    app = create_app(ws)
    schema = app.openapi()
    undocumented = []
    for route in _api_routes(ws):
        if route.name in NOT_ONE_JSON_DOCUMENT:
            continue
        for method in route.methods:
            answers = schema["paths"][route.path][method.lower()]["responses"]
            ok = next(v for k, v in answers.items() if k.startswith("2"))
            if "schema" not in ok.get("content", {}).get("application/json", {}):
                undocumented.append(f"{method} {route.path}")
    assert not undocumented
    reason = schema["components"]["schemas"]["ReasonOut"]
    assert set(reason["properties"]) == {"code", "detail", "weight", "text"}
    assert "kunya_differs" in schema["components"]["schemas"]["ReasonCode"]["enum"]
