"""HTML rendering shared by the web UI, the API's HTML dossier and the CLI's exports.

It sits above the core (it renders the core's values) and below the edges, so the API and the
web UI use the same templates without importing each other.
"""

from pursuit.render.html import (
    CSRF_TOKEN,
    SIGNED_IN_AS,
    environment,
    hit_segments,
    paragraphs,
    render,
    render_dossier,
    render_error,
    stylesheet,
    stylesheet_hash,
)

__all__ = [
    "CSRF_TOKEN",
    "SIGNED_IN_AS",
    "environment",
    "hit_segments",
    "paragraphs",
    "render",
    "render_dossier",
    "render_error",
    "stylesheet",
    "stylesheet_hash",
]
