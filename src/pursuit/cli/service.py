"""Commands that run pursuit as a service: serve and demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, settings_for
from pursuit.demo.build import DemoSummary, open_demo
from pursuit.demo.target import DemoPlan
from pursuit.errors import DemoTargetRefused
from pursuit.http.guard import LOOPBACK_HOSTS, WILDCARD_BINDS, allowed_hosts_for
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, open_workspace

__all__ = ["demo", "serve"]

HostOpt = Annotated[str, typer.Option(help="Address to listen on.")]
PortOpt = Annotated[int, typer.Option(help="Port to listen on.")]
AllowedHostOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--allowed-host",
        envvar="PURSUIT_ALLOWED_HOSTS",
        help=(
            "A host name (or NAME:PORT) people reach the server by, answered besides the "
            "loopback names and --host; repeatable (replacing $PURSUIT_ALLOWED_HOSTS, a "
            "comma-separated list). Needed when --host is 0.0.0.0 or ::. Requests naming any "
            "other Host are refused (a guard against DNS rebinding)."
        ),
        show_default=False,
    ),
]


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _signin_link(ws: Workspace, host: str, port: int, scheme: str) -> str:
    """A fresh one-time sign-in link for the first administrator (created on first start)."""
    from pursuit.security.sessions import ensure_administrator, issue_link

    with ws.write() as conn:
        admin = ensure_administrator(conn, ws.settings.actor)
        token = issue_link(conn, admin)
    shown = "127.0.0.1" if host.strip() in WILDCARD_BINDS else host.strip()
    shown = f"[{shown}]" if ":" in shown else shown
    return f"{scheme}://{shown}:{port}/signin/link/{token}"


def _warn_cleartext(host: str, tls: bool) -> None:
    if tls or host.strip() in LOOPBACK_HOSTS:
        return
    say("")
    say("WARNING: serving beyond this machine WITHOUT TLS. Passwords, session cookies and")
    say("WARNING: witness testimony will cross the network in clear text. Give --tls-cert and")
    say("WARNING: --tls-key, or listen on 127.0.0.1 behind a TLS-terminating proxy.")
    say("")


def _run_server(
    ws: Workspace,
    host: str,
    port: int,
    extra_hosts: list[str],
    tls: tuple[Path, Path] | None = None,
) -> None:
    import uvicorn

    from pursuit.app import create_app

    allowed = allowed_hosts_for(host, extra_hosts)
    scheme = "https" if tls else "http"
    say(f"serving {ws.settings.home} on {scheme}://{host}:{port}/ (API docs at /docs)")
    say(f"answering requests addressed to: {', '.join(allowed)}")
    if host.strip() in WILDCARD_BINDS and not extra_hosts:
        say(
            "  listening on every interface: add --allowed-host NAME for each name it is reached by"
        )
    _warn_cleartext(host, tls is not None)
    link = _signin_link(ws, host, port, scheme)
    say(f"sign in as the administrator (one-time link, valid 30 minutes): {link}")
    certs = {"ssl_certfile": str(tls[0]), "ssl_keyfile": str(tls[1])} if tls else {}
    app = create_app(ws, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="info", **certs)  # type: ignore[arg-type]


def _tls(cert: Path | None, key: Path | None) -> tuple[Path, Path] | None:
    if (cert is None) != (key is None):
        raise typer.BadParameter("give both --tls-cert and --tls-key, or neither")
    return (cert, key) if cert is not None and key is not None else None


TlsCertOpt = Annotated[
    Path | None, typer.Option("--tls-cert", help="PEM certificate: serve HTTPS.")
]
TlsKeyOpt = Annotated[Path | None, typer.Option("--tls-key", help="PEM private key of --tls-cert.")]


def serve(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    allowed_host: AllowedHostOpt = None,
    tls_cert: TlsCertOpt = None,
    tls_key: TlsKeyOpt = None,
    home: HomeOpt = None,
) -> None:
    """Serve the REST API (under /api/v1) and the web UI; everything needs a signed-in user.

    On start it prints a one-time sign-in link for the administrator (created on first start).
    Only requests addressed to an allowed host are answered, and writes from other sites'
    pages (a browser's Origin or Sec-Fetch-Site says so) are refused; see docs/security.md.
    """
    tls = _tls(tls_cert, tls_key)
    _run_server(open_workspace(settings_for(home)), host, port, _split(allowed_host), tls)


def _report(settings: Settings, summary: DemoSummary, json_out: bool) -> None:
    if json_out:
        emit_json(
            {
                "home": str(settings.home),
                "built": summary.plan is DemoPlan.BUILD,
                "items": summary.items,
                "failed": len(summary.failed),
                "entities": summary.entities,
            }
        )
    done = "built" if summary.plan is DemoPlan.BUILD else "already built, used as it is"
    say(f"demo workspace at {settings.home} ({done}): {summary.items} items, {summary.entities}")
    for r in summary.failed:
        say(f"  failed: {r.path}: {r.error}")


def demo(
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Build, summarise, exit.")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild a finished demo in its own folder.")
    ] = False,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    allowed_host: AllowedHostOpt = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Build a workspace from the bundled fictional sample case, then serve it.

    The demo writes only into a folder it creates itself (a new or empty one), which it marks
    with a `.pursuit-demo` file. Run again on that folder, it serves the finished demo as it is;
    `--rebuild` removes only what the demo made there (pursuit.sqlite, blobs/) and builds anew.
    Any other folder (a real workspace, a folder with files in it) or a server workspace
    (PURSUIT_DATABASE_URL) is refused with exit 1, and nothing in it is touched.
    """
    settings = settings_for(home)
    try:
        ws, summary = open_demo(settings, rebuild=rebuild)
    except DemoTargetRefused as exc:
        say(f"error: {exc}")
        raise typer.Exit(1) from exc
    _report(settings, summary, json_out)
    if summary.failed:
        raise typer.Exit(1)
    if not no_serve:
        _run_server(ws, host, port, _split(allowed_host))
