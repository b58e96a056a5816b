"""The demo workspace, built once for the whole run: building it takes minutes (OCR, video,
every extractor), and every demo test reads the same fictional case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.demo.build import DemoSummary, build_demo
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, create_workspace, open_workspace


@pytest.fixture(scope="session")
def demo_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, DemoSummary]]:
    """Settings of the built demo workspace (its vault key outside it) and the build's summary."""
    home: Path = tmp_path_factory.mktemp("demo")
    key_file = tmp_path_factory.mktemp("keys") / "vault.key"
    settings = Settings(home=home, actor="tester", vault_key_file=key_file)
    ws = create_workspace(settings)
    try:
        summary = build_demo(ws)
    finally:
        ws.dispose()
    yield settings, summary


@pytest.fixture
def demo_ws(demo_built: tuple[Settings, DemoSummary]) -> Iterator[Workspace]:
    """The demo workspace, opened for one test."""
    ws = open_workspace(demo_built[0])
    yield ws
    ws.dispose()
