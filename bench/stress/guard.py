"""Running one fuzz input under a time limit, and telling pursuit's own errors from crashes."""

from __future__ import annotations

import contextlib
import io
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

from pursuit.errors import PursuitError

__all__ = ["Finding", "TargetStats", "guarded"]


class Hang(BaseException):
    """An input ran past its time limit (BaseException, so no `except Exception` swallows it)."""


@dataclass(frozen=True, slots=True)
class Finding:
    target: str
    kind: str
    error: str
    where: str
    sample: str


@dataclass(slots=True)
class TargetStats:
    name: str
    tried: int = 0
    refused: int = 0
    findings: list[Finding] = field(default_factory=list)


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in frames[::-1][:4]
    )


def guarded(call: Callable[[], object], timeout: float) -> tuple[str, str, str] | None:
    """None when `call` ended or raised a PursuitError; else (kind, error, where)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            call()
    except PursuitError:
        return None
    except Hang as exc:
        return "hang", f"no answer within {timeout} s", _where(exc)
    except RecursionError as exc:
        return "crash", f"RecursionError: {str(exc)[:200]}", _where(exc)
    except Exception as exc:  # noqa: BLE001 (any other exception is the finding)
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]}", _where(exc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return None
