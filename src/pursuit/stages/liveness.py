"""Whether the process that owns a stage run is still alive.

A run records the host name and pid of the process doing it. On the same host the pid is asked
directly, and its start time is compared with the run's, because pids are reused: a process born
after the run started cannot be the one doing it. A run owned by another host cannot be asked; it
counts as alive until it is older than `FOREIGN_RUN_LIMIT`, which is generous so that a long OCR
job on a shared database is never declared dead while it works.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

__all__ = ["FOREIGN_RUN_LIMIT", "Owner", "owner_alive", "this_process"]

FOREIGN_RUN_LIMIT = timedelta(hours=24)
# /proc gives boot time in whole seconds and start times in clock ticks: allow for the rounding.
_START_SLACK = timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class Owner:
    """The process doing (or that queued) a run."""

    host: str
    pid: int


def this_process() -> Owner:
    return Owner(socket.gethostname(), os.getpid())


def owner_alive(owner: Owner | None, since: datetime, now: datetime) -> bool:
    """True while the run that `owner` began at `since` may still be in progress."""
    if owner is None or owner.host != socket.gethostname() or os.name != "posix":
        return now - since < FOREIGN_RUN_LIMIT
    if owner.pid == os.getpid():
        return True
    return _pid_alive(owner.pid, since)


def _pid_alive(pid: int, since: datetime) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # the pid exists but belongs to another user
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc to ask: trust the signal check
    state, born = stat
    return state != "Z" and (born is None or born <= since + _START_SLACK)


def _proc_stat(pid: int) -> tuple[str, datetime | None] | None:
    """The process state letter and its start time, read from /proc where there is one."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()
    boot = _boot_time()
    if len(fields) < 20 or boot is None:
        return fields[0] if fields else "?", None
    ticks = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    return fields[0], boot + timedelta(seconds=ticks)


def _boot_time() -> datetime | None:
    try:
        lines = Path("/proc/stat").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("btime "):
            return datetime.fromtimestamp(int(line.split()[1]), UTC)
    return None
