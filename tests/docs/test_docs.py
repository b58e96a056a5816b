"""Every command and every setting is documented; an undocumented one fails the build."""

from __future__ import annotations

from pathlib import Path

import typer.main

from pursuit.cli import app
from pursuit.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _all_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))


def _command_names() -> list[str]:
    group = typer.main.get_group(app)
    names: list[str] = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


def test_every_command_is_documented() -> None:
    text = _all_docs()
    missing = [n for n in _command_names() if f"`pursuit {n}" not in text]
    assert missing == []


def test_every_setting_is_documented() -> None:
    text = _all_docs()
    missing = [f for f in Settings.model_fields if f"PURSUIT_{f.upper()}" not in text]
    assert missing == []
