"""Done when, for the court package: the demo's main suspect's package exports, passes
`verify-package` and `sha256sum -c`, and a tampered copy fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pursuit.demo.build import DemoSummary
from pursuit.settings import Settings
from tests.cli_runner import run

SUSPECT = "Abu Hafs al-Jazrawi"


def _env(settings: Settings) -> dict[str, str]:
    assert settings.vault_key_file is not None
    return {
        "PURSUIT_HOME": str(settings.home),
        "PURSUIT_VAULT_KEY_FILE": str(settings.vault_key_file),
        "PURSUIT_ACTOR": "lina",
    }


@pytest.fixture(scope="module")
def package(
    demo_built: tuple[Settings, DemoSummary], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("court") / "jazrawi.zip"
    env = _env(demo_built[0])
    done = run(env, "export", "--format", "package", "--entity", SUSPECT, "-o", str(out))
    assert done.exit_code == 0, done.output
    return out


def test_the_main_suspects_package_checks_out(
    package: Path, demo_built: tuple[Settings, DemoSummary], tmp_path: Path
) -> None:
    done = run(_env(demo_built[0]), "verify-package", str(package), "--json")
    report = json.loads(done.stdout)
    assert done.exit_code == 0 and report["ok"], report["problems"]
    assert report["files"] >= 10 and report["events"] >= 10
    with zipfile.ZipFile(package) as zf:
        zf.extractall(tmp_path)
        names = zf.namelist()
    (root,) = list(tmp_path.iterdir())
    table = (root / "data/loadfile.csv").read_text(encoding="utf-8")
    assert table.count("\n") >= 8  # the suspect is named across most of the demo's sources
    assert "withheld_protected_witness" in table  # W-012's statement names him
    assert any(n.endswith("dossier.pdf") for n in names)
    if shutil.which("sha256sum"):
        checked = subprocess.run(
            ["sha256sum", "-c", "manifest-sha256.txt"], cwd=root, capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stdout
        assert checked.stdout.count(": OK") == report["files"]


def test_a_tampered_copy_fails(
    package: Path, demo_built: tuple[Settings, DemoSummary], tmp_path: Path
) -> None:
    copy = tmp_path / "tampered.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(copy, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith("data/dossier/dossier.json"):
                body = body.replace(SUSPECT.encode(), b"Someone Else")
            dst.writestr(info, body)
    done = run(_env(demo_built[0]), "verify-package", str(copy))
    assert done.exit_code == 1
    assert "changed" in done.stdout and "dossier.json" in done.stdout
    if shutil.which("sha256sum"):
        with zipfile.ZipFile(copy) as zf:
            zf.extractall(tmp_path / "u")
        (root,) = list((tmp_path / "u").iterdir())
        checked = subprocess.run(
            ["sha256sum", "-c", "manifest-sha256.txt"], cwd=root, capture_output=True, text=True
        )
        assert checked.returncode != 0 and "dossier.json: FAILED" in checked.stdout
