"""Fixtures shared by the whole suite: settings and workspaces on SQLite and on PostgreSQL.

Storage tests take the `settings` or `ws` fixture and so run twice, once per database. The
PostgreSQL run needs a real server named by PURSUIT_TEST_POSTGRES_URL (an administrative URL);
each test gets a fresh database with a random name. Under CI=true a missing server is an error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, create_workspace

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _postgres_admin_url() -> str | None:
    url = os.environ.get("PURSUIT_TEST_POSTGRES_URL")
    if not url and os.environ.get("CI"):
        pytest.fail("CI expects PostgreSQL but PURSUIT_TEST_POSTGRES_URL is not set")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    admin = _postgres_admin_url()
    if not admin:
        pytest.skip("no PostgreSQL server (set PURSUIT_TEST_POSTGRES_URL)")
    name = f"pursuit_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with engine.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                ),
                {"n": name},
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for a new workspace on each database."""
    home = tmp_path / "ws"
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        return Settings(home=home, database_url=url, actor="tester")
    return Settings(home=home, actor="tester")


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "ws", actor="tester")


@pytest.fixture
def ws(settings: Settings) -> Iterator[Workspace]:
    workspace = create_workspace(settings)
    yield workspace
    workspace.dispose()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


# Tests that share an expensive fixture stay on one worker when the suite runs in parallel
# (`make test` runs pytest-xdist with --dist loadgroup): the demo workspace, built once per
# session, and the modules whose module-scoped fixture serves a browser, a server or media.
_SHARED_MODULES = (
    "tests/resolve/test_profile_cli.py",
    "tests/extract/test_media.py",
    "tests/web/test_browser.py",
    "tests/http/test_served.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = item.path.relative_to(root).as_posix()
        if where.startswith("tests/demo/"):
            item.add_marker(pytest.mark.xdist_group("demo"))
        elif where in _SHARED_MODULES:
            item.add_marker(pytest.mark.xdist_group(where))
