"""Protected witnesses in the web UI: pseudonyms for those on the case, identities only after
a fresh password entry, for someone whose role in the case allows it, with a reason — audited.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pursuit.errors import ReauthRequired
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.security import list_witnesses, load_vault_key, reveal_witness
from pursuit.security.gate import may_reveal
from pursuit.security.roles import Permission
from pursuit.security.sessions import require_recent_signin
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _visible(ws: Ws, who: Signed) -> list[object]:
    with ws.read() as conn:
        found = list_witnesses(conn)
    return [
        w
        for w in found
        if who.can(Permission.WITNESS_MANAGE, w.case_id)
        or who.can(Permission.WITNESS_REVEAL, w.case_id)
    ]


@router.get("/witnesses", response_class=HTMLResponse)
def witnesses_page(ws: Ws, who: Signed) -> HTMLResponse:
    return page("witnesses.html", witnesses=_visible(ws, who), shown=None)


@router.post("/witnesses/reveal", response_model=None)
def witness_reveal(
    ws: Ws,
    who: Signed,
    case: Annotated[str, Form(max_length=64)],
    pseudonym: Annotated[str, Form(max_length=16)],
    reason: Annotated[str, Form(max_length=2000)],
) -> Response:
    with ws.read() as conn:
        may_reveal(conn, who, case)
        try:
            require_recent_signin(conn, who)
        except ReauthRequired:
            return RedirectResponse(f"/reauth?next={quote('/witnesses')}", status_code=303)
    key = load_vault_key(ws)
    with ws.write() as conn:
        identity = reveal_witness(conn, key, case, pseudonym, who.name, reason)
    return page(
        "witnesses.html",
        witnesses=_visible(ws, who),
        shown=identity,
        shown_pseudonym=pseudonym.upper(),
    )
