"""A cross-site guard in front of the whole app: foreign Host names and cross-site writes refused.

pursuit serves on a loopback address by default, and any web page open in the same browser can
still reach it: a hostile page can submit a form to `http://127.0.0.1:8000/...` (merging
entities, uploading files, recording judgements) or, by pointing its own DNS name at 127.0.0.1
(DNS rebinding), read the answers as if they were its own. Until sign-in exists, this middleware
is what stands between such a page and the evidence:

- every request must name an allowed host in its `Host` header (loopback names, the address
  `pursuit serve` binds, and the names given with `--allowed-host`), which defeats rebinding:
  the rebound page's requests carry the attacker's host name;
- every state-changing request (POST, PUT, PATCH, DELETE) is refused when the browser says it
  comes from another site: `Sec-Fetch-Site` other than `same-origin` or `none`, an `Origin`
  other than the served origin, or `Origin: null` (sandboxed frames, some redirects).

Requests with neither `Origin` nor `Sec-Fetch-Site` pass: browsers send at least one of them on
every cross-site POST, and scripts, curl and the CLI send neither, so refusing them would stop no
attack and break every tool. The guard is plain ASGI, so no route needs to know about it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = [
    "LOOPBACK_HOSTS",
    "WILDCARD_BINDS",
    "CrossSiteGuard",
    "HostName",
    "allowed_hosts_for",
    "parse_host",
]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TRUSTED_FETCH_SITES = frozenset({"same-origin", "none"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


@dataclass(frozen=True, slots=True)
class HostName:
    """A host name, lower-cased without brackets or a final dot, and a port if one was given."""

    host: str
    port: int | None = None

    def admits(self, other: HostName) -> bool:
        """Whether a request naming `other` is addressed to this allowed host."""
        return self.host == other.host and (self.port is None or self.port == other.port)


def parse_host(value: str) -> HostName | None:
    """`example.org`, `example.org:8443`, `[::1]:8000` or a bare `::1`; None when malformed."""
    value = value.strip().lower()
    host, port = value, ""
    if value.startswith("["):
        host, sep, rest = value[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            return None
        port = rest[1:]
    elif value.count(":") == 1:
        host, port = value.split(":")
    host = host.rstrip(".")
    if not host or (port and not port.isdigit()) or any(c in host for c in "/@ \\"):
        return None
    return HostName(host, int(port) if port else None)


def allowed_hosts_for(bind_host: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The hosts a server bound to `bind_host` answers: loopback, the bound address, `extra`.

    A wildcard bind (0.0.0.0, ::) names no host people would type, so it adds nothing: the names
    the server is reached by must then be listed in `extra`.
    """
    names = [*LOOPBACK_HOSTS]
    if bind_host.strip() not in WILDCARD_BINDS:
        names.append(bind_host)
    names += [e for e in extra if e.strip()]
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class Refusal:
    status: int
    kind: str
    reason: str


class CrossSiteGuard:
    """ASGI middleware refusing foreign hosts and cross-site state-changing requests."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        parsed = [parse_host(h) for h in allowed_hosts]
        self.allowed = tuple(h for h in parsed if h is not None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self.check(scope)
        if refusal is None:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008, "reason": refusal.reason})
        else:
            await _refuse(scope, send, refusal)

    def check(self, scope: Scope) -> Refusal | None:
        """Why this request is refused, or None when it may go on."""
        headers = Headers(scope=scope)
        raw_host = headers.get("host", "")
        host = parse_host(raw_host)
        if host is None or not any(a.admits(host) for a in self.allowed):
            why = f"host {raw_host!r} is not one this server answers to"
            return Refusal(400, "HostRefused", why + "; start it with --allowed-host NAME")
        if scope.get("method", "GET") in UNSAFE_METHODS:
            return _cross_site(headers, str(scope.get("scheme", "http")), host)
        return None


def _cross_site(headers: Headers, scheme: str, host: HostName) -> Refusal | None:
    site = headers.get("sec-fetch-site")
    if site is not None and site.lower() not in TRUSTED_FETCH_SITES:
        return Refusal(403, "CrossSiteRefused", f"a cross-site request (Sec-Fetch-Site: {site})")
    origin = headers.get("origin")
    if origin is None:
        return None
    if origin.strip().lower() == "null":
        return Refusal(403, "CrossSiteRefused", "a request from an opaque origin (Origin: null)")
    if _origin(origin) != _served(scheme, host):
        return Refusal(403, "CrossSiteRefused", f"a request from another site (Origin: {origin})")
    return None


def _origin(value: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(value.strip().lower())
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS.get(parts.scheme)


def _served(scheme: str, host: HostName) -> tuple[str, str, int | None]:
    return scheme, host.host, host.port or DEFAULT_PORTS.get(scheme)


async def _refuse(scope: Scope, send: Send, refusal: Refusal) -> None:
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"error": refusal.kind, "detail": f"refused: {refusal.reason}"})
        content_type = "application/json"
    else:
        body = f"Refused: {refusal.reason}.\n"
        content_type = "text/plain; charset=utf-8"
    data = body.encode("utf-8")
    headers = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(len(data)).encode()),
    ]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
