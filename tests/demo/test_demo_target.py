"""`pursuit demo` writes only into a folder it made: a real case in its way is refused, untouched.

Run as users run it, a `pursuit` process with --home or PURSUIT_HOME. The demo is built once for
the module (about twenty seconds); every refusal is checked against a snapshot of every file's
bytes, and the real workspace must still verify.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pursuit.demo import MARKER, DemoPlan, corpus_dir, prepare_demo_home
from pursuit.errors import DemoTargetRefused
from pursuit.settings import Settings

PURSUIT = str(Path(sys.executable).parent / "pursuit")
STATEMENT = "Statement of W-3: the guard Abu Dujana al-Tunisi beat prisoners in Raqqa in 2015.\n"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PURSUIT_")}
    clean.update(PURSUIT_ACTOR="demo-tester", **env)
    return subprocess.run([PURSUIT, *args], env=clean, capture_output=True, text=True, timeout=600)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def real_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real workspace holding one witness statement, made with `pursuit init` and `ingest`."""
    root = tmp_path_factory.mktemp("real")
    home, statement = root / "case", root / "statement-w3.txt"
    statement.write_text(STATEMENT, encoding="utf-8")
    assert run("init", "--home", str(home)).returncode == 0
    done = run("ingest", str(statement), "--case", "raqqa", "--home", str(home), "--json")
    assert done.returncode == 0, done.stderr
    return home


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    home = tmp_path_factory.mktemp("demo") / "demo-data"
    done = run("demo", "--no-serve", "--home", str(home), "--json")
    assert done.returncode == 0, done.stderr
    return home, json.loads(done.stdout)


def assert_case_intact(home: Path, before: dict[str, str]) -> None:
    assert snapshot(home) == before
    assert not (home / MARKER).exists()
    checked = run("verify", "--home", str(home), "--json")
    assert checked.returncode == 0, checked.stderr
    found = run("search", "prisoners", "--home", str(home), "--json")
    assert [r["filename"] for r in json.loads(found.stdout)["results"]] == ["statement-w3.txt"]


def test_demo_refuses_a_real_workspace_given_by_home(real_case: Path) -> None:
    before = snapshot(real_case)
    refused = run("demo", "--no-serve", "--home", str(real_case))
    assert refused.returncode == 1
    assert str(real_case) in refused.stderr and "not created by `pursuit demo`" in refused.stderr
    assert_case_intact(real_case, before)


@pytest.mark.parametrize("extra", [[], ["--rebuild"]])
def test_demo_refuses_a_real_workspace_given_by_pursuit_home(
    real_case: Path, extra: list[str]
) -> None:
    before = snapshot(real_case)
    refused = run("demo", "--no-serve", *extra, PURSUIT_HOME=str(real_case))
    assert refused.returncode == 1
    assert str(real_case) in refused.stderr and "nothing was touched" in refused.stderr
    assert_case_intact(real_case, before)


def test_demo_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    (folder / "sub").mkdir(parents=True)
    (folder / "draft.txt").write_text("my notes", encoding="utf-8")
    (folder / "sub" / "photo.jpg").write_bytes(b"\xff\xd8 not really a photo")
    before = snapshot(folder)
    refused = run("demo", "--no-serve", "--home", str(folder))
    assert refused.returncode == 1 and str(folder) in refused.stderr
    assert snapshot(folder) == before and sorted(p.name for p in folder.iterdir()) == [
        "draft.txt",
        "sub",
    ]


def test_demo_refuses_a_server_workspace(tmp_path: Path) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/not_a_demo"
    refused = run("demo", "--no-serve", "--home", str(tmp_path / "new"), PURSUIT_DATABASE_URL=url)
    assert refused.returncode == 1 and "PURSUIT_DATABASE_URL" in refused.stderr
    assert not (tmp_path / "new").exists()


def test_demo_builds_in_a_new_folder_and_marks_it(built: tuple[Path, dict[str, object]]) -> None:
    home, summary = built
    assert summary["built"] is True and summary["failed"] == 0 and summary["items"] >= 18
    assert "state: built" in (home / MARKER).read_text(encoding="utf-8")
    assert sorted(p.name for p in home.iterdir()) == [MARKER, "blobs", "pursuit.sqlite"]
    assert run("verify", "--home", str(home)).returncode == 0


def test_demo_run_again_serves_the_finished_demo_as_it_is(
    built: tuple[Path, dict[str, object]],
) -> None:
    home, first = built
    before = snapshot(home / "blobs")
    again = run("demo", "--no-serve", "--home", str(home), "--json")
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["built"] is False and summary["items"] == first["items"]
    assert "already built" in again.stderr
    assert snapshot(home / "blobs") == before


def test_rebuild_clears_only_what_the_demo_made(
    built: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    home = shutil.copytree(built[0], tmp_path / "copy")
    plan = prepare_demo_home(Settings(home=home), corpus_dir(), rebuild=True)
    assert plan is DemoPlan.BUILD
    assert [p.name for p in home.iterdir()] == [MARKER]
    assert "state: building" in (home / MARKER).read_text(encoding="utf-8")


def test_rebuild_refuses_a_demo_folder_holding_real_evidence(
    built: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    home = shutil.copytree(built[0], tmp_path / "copy")
    statement = tmp_path / "statement-w3.txt"
    statement.write_text(STATEMENT, encoding="utf-8")
    assert run("ingest", str(statement), "--home", str(home)).returncode == 0
    before = snapshot(home)
    refused = run("demo", "--no-serve", "--rebuild", "--home", str(home))
    assert refused.returncode == 1
    assert "items not from the demo: ['statement-w3.txt']" in refused.stderr
    assert snapshot(home) == before


def test_rebuild_refuses_a_stray_file_in_the_blob_store(
    built: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    home = shutil.copytree(built[0], tmp_path / "copy")
    (home / "blobs" / "keep-me.txt").write_text("not a blob", encoding="utf-8")
    before = snapshot(home)
    with pytest.raises(DemoTargetRefused, match="keep-me.txt"):
        prepare_demo_home(Settings(home=home), corpus_dir(), rebuild=True)
    assert snapshot(home) == before


def test_an_unfinished_demo_is_rebuilt_and_an_empty_folder_is_taken(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert prepare_demo_home(Settings(home=empty), corpus_dir()) is DemoPlan.BUILD
    assert (empty / MARKER).is_file()
    (empty / "pursuit.sqlite").write_bytes(b"")
    blob = empty / "blobs" / "ab" / "cd" / ("abcd" + "0" * 60)
    blob.parent.mkdir(parents=True)
    blob.write_bytes(b"half a build")
    assert prepare_demo_home(Settings(home=empty), corpus_dir()) is DemoPlan.BUILD
    assert [p.name for p in empty.iterdir()] == [MARKER]
