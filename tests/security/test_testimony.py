"""Testimony of a protected witness: sealed at rest, and only the pseudonym in what is derived."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.evidence.custody import Action, iter_events
from pursuit.evidence.items import Acquisition, Method, get_item
from pursuit.evidence.verify import ProblemKind, verify_workspace
from pursuit.search import search
from pursuit.security import (
    Identity,
    VaultKey,
    guard_for_items,
    register_witness,
    verify_sealed,
    witness_guard,
)
from pursuit.settings import Settings
from pursuit.stages.intake import IntakeOptions, IntakeResult, ingest_paths
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import Stage
from pursuit.store.workspace import Workspace
from tests.security.conftest import CONTACT, NAME

TESTIMONY = f"""Testimony recorded in Gaziantep on 3 March 2024.

My name is {NAME.upper()} and my phone is {CONTACT}. In August 2014 I was held in the
stadium in Raqqa. The emir Abu Dujana al-Tunisi ordered the guards to beat the prisoners.
Everyone in the cell knew me as Ahmed Khalil. The guard Abu Muhammad al-Shami shot two men.
وقال أحمد خليل الحسن إن الأمير أبو دجانة التونسي أمر بإعدام السجناء في الرقة.
Contact me again on 0933 123 456 if the court needs me. — signed al-Hassan, Ahmad
"""

# The phone number is looked for whole ("933 123"), not as three digits a timestamp may hold.
SECRETS = ["Ahmad", "Ahmed", "AHMAD", "Hassan", "أحمد", "933 123", "0933123456"]


def _testimony(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "statement-raqqa.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(TESTIMONY, encoding="utf-8")
    return path


def _register(ws: Workspace, key: VaultKey) -> str:
    with ws.write() as conn:
        return register_witness(conn, key, "raqqa", None, Identity(NAME, CONTACT), "inv-1")


def _ingest(ws: Workspace, key: VaultKey, path: Path) -> list[IntakeResult]:
    pseudonym = _register(ws, key)
    with ws.read() as conn:
        case_id = conn.exec_driver_sql("SELECT id FROM cases").scalar_one()
    acquisition = Acquisition("inv-1", datetime(2024, 3, 3, tzinfo=UTC), Method.TESTIMONY)
    guard = witness_guard(ws, key, case_id, pseudonym)
    options = IntakeOptions(case="raqqa", acquisition=acquisition, run_ocr=False, guard=guard)
    return list(ingest_paths(ws, [path], options))


def _dump(ws: Workspace, table: str) -> str:
    with ws.read() as conn:
        rows = conn.exec_driver_sql(f"SELECT * FROM {table}").all()
    return json.dumps([list(map(str, r)) for r in rows], ensure_ascii=False)


def _assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} found in {where}"


@pytest.fixture
def taken(
    vws: Workspace, key: VaultKey, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> IntakeResult:
    caplog.set_level(logging.DEBUG)
    results = _ingest(vws, key, _testimony(tmp_path))
    assert [r.status for r in results] == ["new"]
    return results[0]


def test_nothing_derived_or_stored_holds_the_identity(
    vws: Workspace, taken: IntakeResult, caplog: pytest.LogCaptureFixture
) -> None:
    for table in ("derivatives", "search_docs", "mentions", "entities", "claims", "items"):
        _assert_clean(_dump(vws, table), table)
    with vws.read() as conn:
        events = list(iter_events(conn))
    _assert_clean(json.dumps([e.details for e in events], ensure_ascii=False), "custody log")
    _assert_clean(caplog.text, "the logs")
    raw = b"".join(p.read_bytes() for p in vws.blobs.root.rglob("*") if p.is_file())
    for secret in [*SECRETS, "stadium", "Raqqa"]:
        assert secret.encode("utf-8") not in raw
    assert not vws.blobs.path_for(str(taken.sha256)).exists()
    assert Action.TESTIMONY_SEALED in {e.action for e in events}


def test_text_is_shown_with_the_pseudonym(vws: Workspace, taken: IntakeResult) -> None:
    with vws.read() as conn:
        text = conn.exec_driver_sql("SELECT text FROM derivatives").scalar_one()
        assert search(conn, "Khalil") == []
        assert search(conn, "Hassan") == []
        assert search(conn, "أحمد") == []
        assert [h.item_id for h in search(conn, "W-001")] == [taken.id]
        assert [h.item_id for h in search(conn, "stadium")] == [taken.id]
        names = conn.exec_driver_sql("SELECT name FROM entities").scalars().all()
    assert "My name is W-001 and my phone is W-001." in text
    assert "Abu Dujana al-Tunisi" in text
    assert any("Dujana" in n for n in names)


def test_verify_checks_sealed_files_with_and_without_the_key(
    vws: Workspace, key: VaultKey, taken: IntakeResult
) -> None:
    assert verify_workspace(vws).ok
    count, problems = verify_sealed(vws, key)
    assert count == 2 and problems == []
    sealed = next(vws.blobs.root.rglob("*.enc"))
    sealed.chmod(0o644)
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0xFF
    sealed.write_bytes(bytes(data))
    kinds = {p.kind for p in verify_workspace(vws).problems} | {
        p.kind for p in verify_sealed(vws, key)[1]
    }
    assert ProblemKind.BLOB_CHANGED in kinds


def test_reprocess_with_the_vault_key_redacts_again(
    vws: Workspace, key: VaultKey, taken: IntakeResult
) -> None:
    done = list(reprocess(vws, Stage.TEXT, str(taken.id), guard_for=guard_for_items(vws, key)))
    assert [r.ok for r in done] == [True]
    _assert_clean(_dump(vws, "derivatives"), "re-extracted derivatives")
    with vws.read() as conn:
        assert len(conn.exec_driver_sql("SELECT id FROM derivatives").all()) == 2
        item = get_item(conn, str(taken.id))
    guard = guard_for_items(vws, key)(item)
    assert guard is not None
    with guard.plaintext(item) as path:
        assert path.read_text(encoding="utf-8") == TESTIMONY


def test_cli_ingest_search_entities(
    vault_settings: Settings, vws: Workspace, key: VaultKey, tmp_path: Path
) -> None:
    _register(vws, key)
    env = dict(
        os.environ,
        PURSUIT_HOME=str(vault_settings.home),
        PURSUIT_ACTOR="cli-tester",
        PURSUIT_VAULT_KEY_FILE=str(vault_settings.vault_key_file),
    )
    if vault_settings.database_url:
        env["PURSUIT_DATABASE_URL"] = vault_settings.database_url
    pursuit = str(Path(sys.executable).parent / "pursuit")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pursuit, *args], env=env, capture_output=True, text=True, timeout=300
        )

    path = _testimony(tmp_path)
    took = run("ingest", str(path), "--case", "raqqa", "--witness", "W-001", "--json")
    assert took.returncode == 0, took.stderr
    item_id = json.loads(took.stdout.splitlines()[0])["id"]
    assert json.loads(run("search", "Khalil", "--json").stdout)["results"] == []
    found = json.loads(run("search", "W-001", "--json").stdout)["results"]
    assert [r["item_id"] for r in found] == [item_id]
    listed = run("entities", "--json")
    assert listed.returncode == 0, listed.stderr
    _assert_clean(listed.stdout, "pursuit entities")
    _assert_clean(took.stderr + listed.stderr, "CLI output")
    assert run("verify").returncode == 0
