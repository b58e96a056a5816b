"""The court package as a download, shared by the API and the web page.

The package is built in a private temporary folder (it may hold gigabytes of originals) and the
folder is removed once the response has been sent. The signed-in user, never a header, is the
actor the custody log records for the export.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.responses import FileResponse

from pursuit.http.scope import profile_for
from pursuit.render.casefile import write_case_package
from pursuit.security.roles import Permission, Principal
from pursuit.store.workspace import Workspace

__all__ = ["package_download"]


def package_download(
    ws: Workspace, who: Principal, entity_id: str, *, hashes_only: bool
) -> FileResponse:
    """The package of the entity `entity_id` names, if `who` may export in its case."""
    with ws.read() as conn:
        profile = profile_for(conn, who, entity_id, Permission.EXPORT)
    folder = Path(tempfile.mkdtemp(prefix="pursuit-download-"))
    try:
        output = folder / f"pursuit-package-{profile.id}.zip"
        report = write_case_package(ws, profile.id, output, hashes_only=hashes_only, actor=who.name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        output,
        media_type="application/zip",
        filename=output.name,
        headers={"X-Pursuit-Signing-Key": report.fingerprint, "X-Pursuit-Sha256": report.sha256},
        background=BackgroundTask(shutil.rmtree, folder, True),
    )
