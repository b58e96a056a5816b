"""Jinja rendering shared by the web UI and the CLI's HTML exports (dossiers)."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from pursuit.cases.dossier import Dossier

__all__ = ["environment", "render", "render_dossier"]


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("pursuit.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_dossier(dossier: Dossier) -> str:
    """A self-contained HTML dossier, fit to save or print."""
    return render("dossier.html", dossier=dossier, standalone=True)
