"""Workspaces whose vault key file lives in the test's own folder, never the user's config."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.security import VaultKey, ensure_vault_key
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, create_workspace

NAME = "Ahmad Khalil al-Hassan"
CONTACT = "+963 933 123 456"
ARABIC_NAME = "أحمد خليل الحسن"


@pytest.fixture
def vault_settings(settings: Settings, tmp_path: Path) -> Settings:
    key_file = tmp_path / "outside" / "vault.key"
    return settings.model_copy(update={"vault_key_file": key_file})


@pytest.fixture
def vws(vault_settings: Settings) -> Iterator[Workspace]:
    workspace = create_workspace(vault_settings)
    yield workspace
    workspace.dispose()


@pytest.fixture
def key(vws: Workspace) -> VaultKey:
    return ensure_vault_key(vws)
