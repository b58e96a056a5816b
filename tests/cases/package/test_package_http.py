"""The court package through the API and the dossier page's form: the signed-in user may export
or is refused, the download checks out, and the custody log names that user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pursuit.app import API_PREFIX, create_app
from pursuit.cases.package import verify_package
from pursuit.evidence.custody import iter_events
from pursuit.resolve.profiles import get_profile
from pursuit.security.roles import Role
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, open_workspace
from tests.cases.package.test_package import SUSPECT, env  # noqa: F401  (the fixture)
from tests.signin import BASE_URL, bearer, signed_client


@pytest.fixture
def served(env: dict[str, str], settings: Settings) -> Iterator[Workspace]:  # noqa: F811
    ws = open_workspace(
        settings.model_copy(update={"vault_key_file": Path(env["PURSUIT_VAULT_KEY_FILE"])})
    )
    yield ws
    ws.dispose()


def _suspect(ws: Workspace) -> str:
    with ws.read() as conn:
        return get_profile(conn, SUSPECT).id


def test_the_api_gives_a_package_that_checks_out(served: Workspace, tmp_path: Path) -> None:
    client = signed_client(served, "lead.one")
    answer = client.post(f"{API_PREFIX}/entities/{_suspect(served)}/package")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["x-pursuit-signing-key"].startswith("SHA256:")
    saved = tmp_path / "download.zip"
    saved.write_bytes(answer.content)
    checked = verify_package(saved)
    assert checked.ok, checked.problems
    assert checked.fingerprint == answer.headers["x-pursuit-signing-key"]
    with served.read() as conn:
        exports = [e for e in iter_events(conn) if e.action == "exported"]
    assert exports[-1].actor == "lead.one"
    assert exports[-1].detail_map["package_sha256"] == answer.headers["x-pursuit-sha256"]


def test_the_dossier_form_downloads_the_package(served: Workspace, tmp_path: Path) -> None:
    client = signed_client(served)
    answer = client.post(f"/entities/{_suspect(served)}/package", data={"hashes_only": "true"})
    assert answer.status_code == 200, answer.text
    saved = tmp_path / "download.zip"
    saved.write_bytes(answer.content)
    assert verify_package(saved).ok


def test_without_the_right_to_export_there_is_no_package(served: Workspace) -> None:
    suspect = _suspect(served)
    anonymous = TestClient(create_app(served), base_url=BASE_URL)
    assert anonymous.post(f"{API_PREFIX}/entities/{suspect}/package").status_code == 401
    viewer = anonymous.post(
        f"{API_PREFIX}/entities/{suspect}/package", headers=bearer(served, "vi", Role.VIEWER)
    )
    assert viewer.status_code == 403
    client = signed_client(served)
    assert client.post(f"{API_PREFIX}/entities/nobody-here/package").status_code == 404
    with served.read() as conn:
        assert not [e for e in iter_events(conn) if e.detail_map.get("format") == "package"]
