"""`pursuit review resolve | list | decide | judge | history` on a real workspace."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from pursuit.cli import review
from pursuit.store.workspace import Workspace

from .builders import add_document


def _run(ws: Workspace, *args: str) -> dict[str, object]:
    app = typer.Typer()
    app.add_typer(review.app)
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "carol"}
    result = CliRunner().invoke(
        app, ["review", *args, "--home", str(ws.settings.home), "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def test_resolve_list_bulk_decide_and_history(ws: Workspace) -> None:
    ids = add_document(
        ws,
        "Abu Hafs al-Jazrawi, Abou Hafs al-Jazraoui and Abu Hafs al-Jazrawy are named.",
        ["Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui", "Abu Hafs al-Jazrawy"],
    )
    run = _run(ws, "resolve")
    assert run["entities"] == 3 and run["proposals"] == 3
    entries = _run(ws, "list")["entries"]
    assert isinstance(entries, list) and len(entries) == 3
    chosen = [str(e["proposal"]) for e in entries[:2]]
    made = _run(ws, "decide", *chosen, "--decision", "same", "--reason", "one photo")
    assert len(made["judgements"]) == 2  # type: ignore[arg-type]
    assert _run(ws, "list")["entries"] == []  # the third pair follows from the two "same"
    assert len(_run(ws, "list", "--status", "implied")["entries"]) == 1  # type: ignore[arg-type]
    one = _run(ws, "judge", ids["Abu Hafs al-Jazrawi"], ids["Abu Hafs al-Jazrawy"], "unsure")
    assert one["decision"] == "unsure"
    history = _run(ws, "history")["judgements"]
    assert [j["decision"] for j in history][:1] == ["unsure"]  # type: ignore[index]
