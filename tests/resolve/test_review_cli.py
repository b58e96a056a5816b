"""`pursuit review resolve | list | decide | judge | history` on a real workspace."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner, Result

from pursuit.cli import review
from pursuit.store.workspace import Workspace

from .builders import add_document


def _invoke(ws: Workspace, *args: str) -> Result:
    app = typer.Typer()
    app.add_typer(review.app)
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "carol"}
    return CliRunner().invoke(
        app, ["review", *args, "--home", str(ws.settings.home), "--json"], env=env
    )


def _run(ws: Workspace, *args: str) -> dict[str, object]:
    result = _invoke(ws, *args)
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def test_resolve_list_bulk_decide_and_history(ws: Workspace) -> None:
    add_document(
        ws,
        "Abu Hafs al-Jazrawi, Abou Hafs al-Jazraoui and Abu Hafs al-Jazrawy are named.",
        ["Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui", "Abu Hafs al-Jazrawy"],
    )
    run = _run(ws, "resolve")
    assert run["entities"] == 3 and run["proposal_count"] == 3
    assert isinstance(run["proposals"], list) and len(run["proposals"]) == 3
    entries = _run(ws, "list")["entries"]
    assert isinstance(entries, list) and len(entries) == 3
    reasons = entries[0]["reasons"]
    assert reasons[0]["code"] == "model_probability" and reasons[0]["weight"] > 0.5
    assert reasons[0]["text"] == f"model probability {reasons[0]['weight']:.3f}"
    assert any(r["code"] == "name_comparison" for r in reasons)
    chosen = [str(e["proposal"]) for e in entries[:2]]
    made = _run(ws, "decide", *chosen, "--decision", "same", "--reason", "one photo")
    assert len(made["judgements"]) == 2  # type: ignore[arg-type]
    assert _run(ws, "list")["entries"] == []  # the third pair follows from the two "same"
    assert len(_run(ws, "list", "--status", "implied")["entries"]) == 1  # type: ignore[arg-type]
    first = made["judgements"][0]  # type: ignore[index]
    pair = (str(first["entity_a"]), str(first["entity_b"]))  # a pair decided directly
    refused = _invoke(ws, "judge", *pair, "unsure")
    assert refused.exit_code == 1 and "judgement #" in str(refused.exception)
    one = _run(ws, "judge", *pair, "unsure", "--supersede", "--reason", "photo doubtful")
    assert one["decision"] == "unsure" and "supersedes judgement #" in str(one["reason"])
    history = _run(ws, "history")["judgements"]
    assert [j["decision"] for j in history][:1] == ["unsure"]  # type: ignore[index]
