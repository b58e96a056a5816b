"""Security headers on every answer: no inline script, no framing, no sniffing, no caching.

Pages hold evidence and testimony, so nothing is cached (`no-store`) and nothing may frame them;
the Content-Security-Policy admits scripts and styles only from this server (pursuit's pages
have no script at all) plus, by its hash, the style sheet inlined into standalone dossiers.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pursuit.render import stylesheet_hash

__all__ = ["SecurityHeaders", "security_headers"]


def security_headers() -> list[tuple[bytes, bytes]]:
    policy = (
        "default-src 'self'; script-src 'self'; "
        f"style-src 'self' {stylesheet_hash()}; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),  # no-referrer would make Origin "null"
        (b"cache-control", b"no-store"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """ASGI middleware adding `security_headers()` to every HTTP answer it does not set itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = security_headers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
