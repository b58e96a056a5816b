"""Concurrent writers: several `pursuit ingest` and API uploads of the same files at once.

Run on SQLite (one writer at a time behind a lock) and, given a URL, on a fresh PostgreSQL
database. Every file must end as exactly one item, with its text read and a sound record.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from bench.stress.checks import Outcome, check_workspace
from bench.stress.corpus import make_batch, sha256_of
from bench.stress.procs import Server, Target, run, spawn, token_for, upload

__all__ = ["ConcurrentReport", "concurrent_writers", "fresh_postgres"]


@dataclass(slots=True)
class ConcurrentReport:
    backend: str
    writers: int = 0
    files: int = 0
    upload_errors: list[str] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.outcome.ok and not self.upload_errors and set(self.exit_codes) <= {0}


def fresh_postgres(url: str) -> str:
    """A new, empty database on the server `url` points at; its URL."""
    name = f"pursuit_stress_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return str(sa.make_url(url).set(database=name).render_as_string(hide_password=False))


def _uploads(port: int, token: str, files: list[Path], errors: list[str]) -> None:
    for path in files:
        try:
            status, _ = upload(port, token, path)
        except OSError as exc:
            errors.append(f"{path.name}: {exc}")
            continue
        if status not in (200, 201):
            errors.append(f"{path.name}: HTTP {status}")


def concurrent_writers(work: Path, target: Target, backend: str, count: int) -> ConcurrentReport:
    """Three ingests and two upload clients over the same `count` files at once."""
    started = time.monotonic()
    report = ConcurrentReport(backend)
    files = make_batch(work / "shared", 10_000, count)
    report.files = len(files)
    token = token_for(target)
    server = Server(target, work / "serve.out")
    server.wait_ready()
    errors: list[str] = []
    clients = [
        threading.Thread(target=_uploads, args=(server.port, token, order, errors))
        for order in (files, list(reversed(files)))
    ]
    ingests = [
        spawn(target, ["ingest", str(work / "shared"), "--json"], work / f"ingest-{i}.out")
        for i in range(3)
    ]
    for client in clients:
        client.start()
    report.exit_codes = [proc.wait() for proc in ingests]
    for client in clients:
        client.join()
    server.stop()
    report.writers = len(ingests) + len(clients)
    report.upload_errors = errors
    run(target, "reprocess", "--unfinished", "--json")
    report.outcome = check_workspace(target, {sha256_of(p) for p in files})
    report.seconds = round(time.monotonic() - started, 1)
    return report


def drop_postgres(url: str, db_url: str) -> None:
    """Remove the database `fresh_postgres` made (its connections are closed by then)."""
    name = sa.make_url(db_url).database
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()
