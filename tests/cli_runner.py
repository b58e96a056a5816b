"""Running `pursuit` in-process as a user's shell would: a core error becomes its one-line message
and exit code 1 (what `pursuit.cli.main` does), anything else unexpected fails the test."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from pursuit.cli import app
from pursuit.errors import PursuitError

__all__ = ["Outcome", "run"]

_runner = CliRunner()


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    output: str


def run(env: dict[str, str], *args: str) -> Outcome:
    """`pursuit ARGS...` with the environment `env` (PURSUIT_HOME and friends)."""
    done = _runner.invoke(app, list(args), env=env)
    if isinstance(done.exception, PursuitError):
        return Outcome(1, done.stdout, done.output + f"error: {done.exception}")
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        raise done.exception
    return Outcome(done.exit_code, done.stdout, done.output)
