"""The court package from the dossier page: a form (with its CSRF token) that downloads the zip.

A POST rather than a link, because making a package writes to the custody log and must never
happen because a page was prefetched or a link followed from elsewhere.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.responses import FileResponse

from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.package_download import package_download

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.post("/entities/{entity_id}/package")
def package_form(
    entity_id: str,
    ws: Ws,
    who: Signed,
    hashes_only: Annotated[bool, Form()] = False,
) -> FileResponse:
    return package_download(ws, who, entity_id, hashes_only=hashes_only)
