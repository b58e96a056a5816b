"""What every command shares: the workspace options, JSON output and the error-to-exit mapping."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel

from pursuit.api.schemas import document
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, open_workspace

__all__ = [
    "HomeOpt",
    "JsonOpt",
    "emit_json",
    "emit_model",
    "say",
    "settings_for",
    "workspace",
]

HomeOpt = Annotated[
    Path | None,
    typer.Option(
        "--home",
        envvar="PURSUIT_HOME",
        help="Workspace folder (default $PURSUIT_HOME, else ./pursuit-data).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def settings_for(home: Path | None) -> Settings:
    """Settings from the environment, with `--home` winning over PURSUIT_HOME."""
    settings = Settings()
    if home is not None:
        settings = settings.model_copy(update={"home": home})
    return settings


def workspace(home: Path | None, create: bool = False) -> Workspace:
    return open_workspace(settings_for(home), create=create)


@contextmanager
def opened(home: Path | None, create: bool = False) -> Iterator[Workspace]:
    """The workspace for one command, its connections closed when the command ends."""
    ws = workspace(home, create=create)
    try:
        yield ws
    finally:
        ws.dispose()


def emit_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, default=str) + "\n")


def emit_model(model: BaseModel) -> None:
    """Print a response model of the API as its route answers it: one schema for both."""
    emit_json(document(model))


def say(message: str) -> None:
    """Human output goes to stderr, keeping stdout clean for data."""
    typer.echo(message, err=True)
