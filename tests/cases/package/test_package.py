"""The court package on the user's path: exported from a real workspace with the CLI, checked by
`pursuit verify-package`, by `sha256sum -c` and OpenSSL alone, and caught when tampered with."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from pursuit.evidence.custody import iter_events
from pursuit.evidence.items import list_items
from pursuit.settings import Settings
from pursuit.store.workspace import open_workspace
from tests.cli_runner import Outcome, run

CORPUS = Path(__file__).resolve().parents[3] / "src" / "pursuit" / "demo" / "corpus"
SUSPECT = "Abu Hafs al-Jazrawi"
WITNESS_NAME = "Karim Nasser al-Hamwi"
TEXTS = [
    "01_syria_witness_monitor_2015-03-06.txt",
    "02_euphrates_post_profile_2015-11.html",
    "04_westdeutsche_abendpost_2017-02.txt",
]
STATEMENT = "19_statement_protected_witness_2019-01-14.txt"


@pytest.fixture
def env(settings: Settings, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A workspace (SQLite or PostgreSQL) holding three sources and a protected statement."""
    values = {
        "PURSUIT_HOME": str(settings.home),
        "PURSUIT_VAULT_KEY_FILE": str(tmp_path / "keys" / "vault.key"),
        "PURSUIT_ACTOR": "analyst.one",
    }
    if settings.database_url:
        values["PURSUIT_DATABASE_URL"] = settings.database_url
    assert run(values, "init").exit_code == 0
    assert (
        run(values, "ingest", *[str(CORPUS / t) for t in TEXTS], "--case", "khasham").exit_code == 0
    )
    added = run(
        values,
        "witness", "add", "--case", "khasham", "--pseudonym", "W-001",
        "--name", WITNESS_NAME, "--contact", "+33 6 12 34 56 78",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    taken = run(
        values, "ingest", str(CORPUS / STATEMENT), "--case", "khasham", "--witness", "W-001"
    )
    assert taken.exit_code == 0, taken.output
    yield values


def export(env: dict[str, str], out: Path, *more: str) -> Outcome:
    return run(env, "export", "--format", "package", "--entity", SUSPECT, "-o", str(out), *more)


def unpack(package: Path, into: Path) -> Path:
    with zipfile.ZipFile(package) as zf:
        zf.extractall(into)
    (root,) = list(into.iterdir())
    return root


def repack(root: Path, package: Path) -> None:
    package.unlink()
    with zipfile.ZipFile(package, "w") as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            zf.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")


def check(env: dict[str, str], package: Path) -> tuple[int, dict[str, Any]]:
    done = run(env, "verify-package", str(package), "--json")
    return done.exit_code, json.loads(done.stdout)


def test_a_package_exports_and_checks_by_every_route(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "jazrawi.zip"
    done = export(env, out)
    assert done.exit_code == 0, done.output
    assert "SHA256:" in done.output  # the fingerprint to pass on by another channel

    code, report = check(env, out)
    assert code == 0 and report["ok"], report["problems"]
    assert report["events"] > 0 and report["fingerprint"].startswith("SHA256:")

    root = unpack(out, tmp_path / "unpacked")
    names = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "README.txt"} <= names
    assert {"data/dossier/dossier.pdf", "data/dossier/dossier.json", "data/loadfile.csv"} <= names
    assert "BagIt-Version: 1.0" in (root / "bagit.txt").read_text()
    if shutil.which("sha256sum"):
        for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
            by_hand = subprocess.run(
                ["sha256sum", "-c", manifest], cwd=root, capture_output=True, text=True
            )
            assert by_hand.returncode == 0, by_hand.stdout + by_hand.stderr
    if shutil.which("openssl"):
        signed = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signing-key.pem", "-rawin",
             "-in", "tagmanifest-sha256.txt", "-sigfile", "tagmanifest-sha256.txt.sig"],
            cwd=root, capture_output=True, text=True,
        )  # fmt: skip
        assert "Signature Verified Successfully" in signed.stdout

    lines = (root / "data/ftm/entities.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    ftm = [json.loads(line) for line in lines]
    people = [e for e in ftm if e["schema"] == "Person"]
    assert any(SUSPECT in e["properties"].get("name", []) for e in people)
    assert {"Person", "Documentation"} <= {e["schema"] for e in ftm}
    for entity in ftm:
        model.get_proxy(entity)  # every line loads in FollowTheMoney's own model

    rows = (root / "data/loadfile.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("control_number,sha256,file_name,custodian")
    for path in (root / "data/originals").iterdir():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert any(digest in row and "included" in row for row in rows[1:])


def test_the_export_is_in_the_custody_log_and_the_record_stays_sound(
    env: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "p.zip"
    assert export(env, out).exit_code == 0
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    verified = run(env, "verify", "--json")
    assert verified.exit_code == 0, verified.output
    ws = open_workspace(settings.model_copy(update={"actor": "reader"}))
    try:
        with ws.read() as conn:
            exports = [e.detail_map for e in iter_events(conn) if e.action == "exported"]
    finally:
        ws.dispose()
    assert any(d.get("package_sha256") == digest for d in exports)


def test_protected_testimony_is_withheld_and_its_witness_never_named(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "p.zip"
    assert export(env, out).exit_code == 0
    root = unpack(out, tmp_path / "u")
    table = (root / "data/loadfile.csv").read_text(encoding="utf-8")
    assert "withheld_protected_witness" in table
    for path in root.rglob("*"):
        if path.is_file() and path.suffix != ".pdf":
            text = path.read_bytes().decode("utf-8", "replace")
            assert WITNESS_NAME not in text, path
            assert "Nasser al-Hamwi" not in text, path
            assert "+33 6 12 34 56 78" not in text, path
    pdf = subprocess.run(
        ["pdftotext", str(root / "data/dossier/dossier.pdf"), "-"], capture_output=True, text=True
    )
    assert SUSPECT in pdf.stdout and WITNESS_NAME not in pdf.stdout


def test_hashes_only_leaves_originals_out(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "h.zip"
    assert export(env, out, "--hashes-only").exit_code == 0
    root = unpack(out, tmp_path / "u")
    assert not (root / "data/originals").exists()
    assert "hash_only" in (root / "data/loadfile.csv").read_text(encoding="utf-8")
    assert check(env, out)[0] == 0


def _problems(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(p["kind"], p["path"]) for p in report["problems"]}


def test_every_changed_missing_and_added_file_is_named(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    assert export(env, out).exit_code == 0
    root = unpack(out, tmp_path / "u")
    original = next((root / "data/originals").iterdir())
    original.write_bytes(original.read_bytes() + b" and one more line")
    (root / "data/dossier/dossier.json").unlink()
    (root / "data/extra.txt").write_text("planted", encoding="utf-8")
    (root / "bag-info.txt").write_text("Contact-Name: someone else\n", encoding="utf-8")
    repack(root, out)

    code, report = check(env, out)
    assert code == 1 and not report["ok"]
    found = _problems(report)
    assert ("changed", original.relative_to(root).as_posix()) in found
    assert ("original_hash", original.relative_to(root).as_posix()) in found
    assert ("missing", "data/dossier/dossier.json") in found
    assert ("added", "data/extra.txt") in found
    assert ("changed", "bag-info.txt") in found
    human = run(env, "verify-package", str(out))
    assert human.exit_code == 1 and "data/extra.txt" in human.stdout


def _rehash(root: Path) -> None:
    """Rewrite both manifests as a forger would, so only the signature and proofs can tell."""
    lines = []
    for path in sorted((root / "data").rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    (root / "manifest-sha256.txt").write_text("".join(lines), encoding="utf-8")
    tags = []
    for name in (
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "README.txt",
        "signing-key.pem",
    ):
        digest = hashlib.sha256((root / name).read_bytes()).hexdigest()
        tags.append(f"{digest} {name}\n")
    (root / "tagmanifest-sha256.txt").write_text("".join(tags), encoding="utf-8")


def test_a_forged_custody_event_fails_its_hash_and_the_signature(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "p.zip"
    assert export(env, out).exit_code == 0
    root = unpack(out, tmp_path / "u")
    events = root / "data/custody/events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["actor"] = "someone.else"
    lines[0] = json.dumps(first)
    second = json.loads(lines[1])
    second["proof"][0]["hash"] = "0" * 64
    lines[1] = json.dumps(second)
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _rehash(root)
    repack(root, out)

    code, report = check(env, out)
    kinds = {p["kind"] for p in report["problems"]}
    assert code == 1
    assert {"custody_event", "custody_proof", "signature"} <= kinds
    assert not any(p["kind"] in {"changed", "missing", "added"} for p in report["problems"])


def test_bad_input_gets_a_clear_message_and_changes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("not a zip at all", encoding="utf-8")
    done = run(env, "verify-package", str(text))
    assert done.exit_code == 1 and "not a zip file" in done.output

    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("photos/one.txt", "hello")
    done = run(env, "verify-package", str(other))
    assert done.exit_code == 1 and "not a BagIt package" in done.output

    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"someone's file")
    done = export(env, taken)
    assert done.exit_code == 1 and "never written over" in done.output
    assert taken.read_bytes() == b"someone's file"

    nobody = tmp_path / "nobody.zip"
    done = run(env, "export", "--format", "package", "--entity", "Nobody Atall", "-o", str(nobody))
    assert done.exit_code == 1 and not nobody.exists()
    assert not list(tmp_path.glob(".pursuit-package-*"))

    done = run(env, "export", "--format", "package", "-o", str(tmp_path / "x.zip"))
    assert done.exit_code == 2


def test_a_changed_blob_is_never_exported(
    env: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    ws = open_workspace(settings)
    try:
        with ws.read() as conn:
            item = next(i for i in list_items(conn) if i.filename == TEXTS[0])
        blob = ws.blobs.path_for(item.sha256)
    finally:
        ws.dispose()
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes().replace(b"Jazrawi", b"Jazrawy"))
    out = tmp_path / "p.zip"
    done = export(env, out)
    assert done.exit_code == 1 and "no longer matches its SHA-256" in done.output
    assert not out.exists() and not list(tmp_path.glob(".pursuit-package-*"))
