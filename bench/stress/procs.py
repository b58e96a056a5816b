"""Child processes of the stress run: pursuit commands, a served workspace, and kill -9.

Every child starts in a session of its own, so a kill takes its helpers (pdftotext, tesseract)
with it as a power cut would. Each workspace gets its own TMPDIR and vault key file, so leftovers
are counted where they were made and nothing lands in the user's folders.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Server", "Target", "kill_group", "pursuit", "run", "spawn", "upload"]

PURSUIT = str(Path(sys.executable).parent / "pursuit")
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Target:
    """One workspace: its folder, an optional PostgreSQL URL, and its own temp folder."""

    home: Path
    db_url: str | None = None

    @property
    def tmp(self) -> Path:
        return self.home.parent / f"{self.home.name}.tmp"

    def env(self) -> dict[str, str]:
        self.tmp.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "PURSUIT_HOME": str(self.home),
            "PURSUIT_ACTOR": "stress",
            "PURSUIT_VAULT_KEY_FILE": str(self.home.parent / f"{self.home.name}.vault-key"),
            "PYTHONUNBUFFERED": "1",
            "TMPDIR": str(self.tmp),
        }
        env.pop("PURSUIT_DATABASE_URL", None)
        if self.db_url:
            env["PURSUIT_DATABASE_URL"] = self.db_url
        return env


def pursuit(*args: str) -> list[str]:
    return [PURSUIT, *args]


def run(target: Target, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run `pursuit ARGS` to the end and capture what it said."""
    return subprocess.run(
        pursuit(*args), env=target.env(), capture_output=True, text=True, timeout=timeout
    )


def spawn(target: Target, args: list[str], out: Path) -> subprocess.Popen[bytes]:
    """Start `pursuit ARGS` in its own session, stdout and stderr into `out` and `out.err`."""
    with out.open("ab") as stdout, out.with_suffix(".err").open("ab") as stderr:
        return subprocess.Popen(
            pursuit(*args), env=target.env(), stdout=stdout, stderr=stderr, start_new_session=True
        )


def kill_group(proc: subprocess.Popen[bytes]) -> bool:
    """kill -9 the child and its helpers; True when it was still running (a real fault)."""
    alive = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return alive


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def token_for(target: Target, name: str = "stress") -> str:
    """An administrator's API token (the workspace and the user are created on first call)."""
    run(target, "init")
    run(target, "user", "add", name, "--role", "administrator")
    done = run(target, "user", "token", name)
    if done.returncode != 0:
        raise RuntimeError(f"user token failed: {done.stderr.strip()}")
    return done.stdout.strip().splitlines()[-1].strip()


class Server:
    """`pursuit serve` on a free loopback port, killed with -9 or stopped at the end."""

    def __init__(self, target: Target, log: Path) -> None:
        self.port = free_port()
        args = ["serve", "--port", str(self.port)]
        self.proc = spawn(target, args, log)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pursuit serve exited with {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("pursuit serve did not start")

    def kill(self) -> bool:
        return kill_group(self.proc)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                kill_group(self.proc)


def _multipart(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode(), boundary


def upload(port: int, token: str, path: Path, timeout: float = 120) -> tuple[int, list[str]]:
    """POST one file to /api/v1/items; the status and the sha256 values the answer names."""
    body, boundary = _multipart(path)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            "POST",
            "/api/v1/items",
            body=body,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": f"multipart/form-data; boundary={boundary}",
            },
        )
        answer = conn.getresponse()
        raw = answer.read()
    finally:
        conn.close()
    return answer.status, _hashes(raw)


def _hashes(raw: bytes) -> list[str]:
    try:
        document = json.loads(raw)
    except ValueError:
        return []
    found: list[str] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("sha256"), str):
                found.append(node["sha256"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
