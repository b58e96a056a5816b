"""Jinja rendering of pages and dossiers.

Autoescaping is on for every template, so text taken from evidence can never inject markup; the
filters below hand templates plain segments to wrap, never pre-built HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from pursuit.cases.dossier import Dossier
from pursuit.render.graph import graph_view
from pursuit.render.map import map_view

__all__ = [
    "CSRF_TOKEN",
    "SIGNED_IN_AS",
    "stylesheet",
    "stylesheet_hash",
    "environment",
    "hit_segments",
    "paragraphs",
    "render",
    "render_dossier",
    "render_error",
]

_HIT = re.compile(r"\[([^\[\]]*)\]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def hit_segments(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet split into (text, is_hit) pieces; hits come marked as [word]."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _HIT.finditer(snippet):
        pieces.append((snippet[last : match.start()], False))
        pieces.append((match.group(1), True))
        last = match.end()
    pieces.append((snippet[last:], False))
    return [p for p in pieces if p[0]]


def paragraphs(text: str) -> list[str]:
    """Text cut at blank lines, so each paragraph takes its own direction (Arabic or Latin)."""
    return [p for p in _BLANK_LINES.split(text) if p.strip()]


def when(value: datetime | str | None) -> str:
    """A time shown in UTC to the second, the form custody records are compared in."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def size(value: int) -> str:
    """A byte count a person can read; the exact count stays in the item's metadata."""
    amount, unit = float(value), "bytes"
    for bigger in ("KB", "MB", "GB"):
        if amount < 1024:
            break
        amount, unit = amount / 1024, bigger
    return f"{value} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"


# The CSRF token of the session whose page is being rendered; set by the HTTP edge for each
# request, read by every form (`{{ csrf_token() }}`), empty where no one is signed in.
CSRF_TOKEN: ContextVar[str] = ContextVar("pursuit_csrf_token", default="")
SIGNED_IN_AS: ContextVar[str] = ContextVar("pursuit_signed_in_as", default="")


@cache
def stylesheet() -> str:
    """The one style sheet, inlined in standalone files (a saved dossier has no server)."""
    return (files("pursuit.render") / "static" / "pursuit.css").read_text(encoding="utf-8")


def stylesheet_hash() -> str:
    """The CSP source that admits exactly the inlined style sheet and nothing else."""
    digest = hashlib.sha256(stylesheet().encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def _csrf_token() -> str:
    return CSRF_TOKEN.get()


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pursuit.render", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(hits=hit_segments, paragraphs=paragraphs, when=when, size=size)
    env.globals["csrf_token"] = _csrf_token
    env.globals["signed_in_as"] = SIGNED_IN_AS.get
    env.globals.update(map_view=map_view, graph_view=graph_view)  # the dossier's drawings
    env.globals["stylesheet"] = lambda: Markup(stylesheet())  # our own file, hashed for the CSP
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_dossier(dossier: Dossier) -> str:
    """A self-contained HTML dossier, fit to save or print (and to print to PDF): the style
    sheet inlined, the map and link graph as inline SVG, links pointing into the file."""
    return render("dossier.html", dossier=dossier, standalone=True)


def render_error(status: int, kind: str, message: str) -> str:
    """The page shown when a request fails, naming what was not found or not accepted."""
    return render("error.html", status=status, kind=kind, message=message)
