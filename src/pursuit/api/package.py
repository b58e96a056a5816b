"""The court package through the API: a signed BagIt bag of one person's case file."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import FileResponse

from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.package_download import package_download

__all__ = ["router"]

router = APIRouter(prefix="/entities", tags=["court package"])


@router.post(
    "/{entity_id}/package",
    response_class=FileResponse,
    responses={200: {"content": {"application/zip": {}}}},
    summary="The court package of a person (a signed BagIt zip; logged as exported)",
)
def entity_package(entity_id: str, ws: Ws, who: Signed, hashes_only: bool = False) -> FileResponse:
    """The dossier (PDF, HTML, JSON), the originals (or only their hashes with `hashes_only`),
    the load file and the custody events with their Merkle proofs, signed with the workspace's
    key; protected testimony is withheld. Needs the right to export in the entity's case. The
    `X-Pursuit-Signing-Key` header gives the key's fingerprint to pass on by another channel."""
    return package_download(ws, who, entity_id, hashes_only=hashes_only)
