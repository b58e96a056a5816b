"""Commands that run pursuit as a service: serve and demo."""

from __future__ import annotations

import shutil
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, settings_for
from pursuit.demo.build import build_demo
from pursuit.settings import Settings
from pursuit.store.workspace import create_workspace, open_workspace

__all__ = ["demo", "serve"]

HostOpt = Annotated[str, typer.Option(help="Address to listen on.")]
PortOpt = Annotated[int, typer.Option(help="Port to listen on.")]


def _run_server(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from pursuit.api.app import create_app

    ws = open_workspace(settings)
    say(f"serving {settings.home} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(ws), host=host, port=port, log_level="info")


def serve(host: HostOpt = "127.0.0.1", port: PortOpt = 8000, home: HomeOpt = None) -> None:
    """Serve the REST API (under /api/v1) and the web UI."""
    _run_server(settings_for(home), host, port)


def demo(
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Build, summarise, exit.")] = False,
    fresh: Annotated[bool, typer.Option(help="Delete an earlier demo workspace first.")] = True,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Build a workspace from the bundled fictional sample case, then serve it."""
    settings = settings_for(home)
    if fresh and (settings.home / "pursuit.sqlite").exists() and not settings.database_url:
        shutil.rmtree(settings.home)
    ws = create_workspace(settings)
    summary = build_demo(ws)
    new = sum(r.status == "new" for r in summary.results)
    if json_out:
        emit_json({"items": new, "failed": len(summary.failed), "entities": summary.entities})
    say(f"demo workspace at {settings.home}: {new} items, entities {summary.entities}")
    for r in summary.failed:
        say(f"  failed: {r.path}: {r.error}")
    if summary.failed:
        raise typer.Exit(1)
    if not no_serve:
        _run_server(settings, host, port)
