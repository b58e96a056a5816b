"""The `pursuit` command: thin commands over the core, with exit codes 0, 1 (failed) and 2 (usage).

Errors from the core are mapped here, once: any `PursuitError` prints its message and exits 1.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import typer

from pursuit.cli import (
    backup,
    claims,
    court,
    evidence,
    exchange,
    incidents,
    inquiry,
    names,
    review,
    roles,
    screen,
    service,
    stages,
    users,
    watch,
    witness,
)
from pursuit.errors import PursuitError

__all__ = ["app", "main"]

app = typer.Typer(
    name="pursuit",
    help="Evidence and case-building workbench for documenting atrocity crimes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

COMMANDS: list[Callable[..., None]] = [
    evidence.init,
    evidence.ingest,
    evidence.verify,
    evidence.checkpoint,
    inquiry.search,
    inquiry.entities,
    inquiry.dossier,
    stages.reprocess,
    stages.correct,
    screen.screen,
    screen.screen_decide,
    service.serve,
    service.demo,
    users.audit,
    incidents.incidents,
    backup.backup,
    backup.restore,
]
for command in COMMANDS:
    app.command()(command)
app.add_typer(review.app, name="review")
app.add_typer(names.app, name="names")
app.add_typer(users.app, name="user")
app.add_typer(witness.app, name="witness")
app.add_typer(incidents.app, name="incident")
app.add_typer(claims.app, name="claims")
app.add_typer(roles.app, name="role")
app.command("roles")(roles.roles)
app.add_typer(watch.app, name="watch")
app.add_typer(watch.alert_app, name="alert")
app.command("alerts")(watch.alerts)
app.command("verify-package")(court.verify_package)
app.command("export")(exchange.export)
app.command("import")(exchange.import_)
app.command("imported")(exchange.imported)


def main() -> None:
    """Entry point: configure logging for humans and map core errors to exit code 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except PursuitError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
