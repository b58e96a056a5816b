"""What must hold after every attack: nothing lost, nothing doubled, nothing half-done or corrupt.

The checks read the database directly (read-only, once no writer runs) and ask `pursuit verify`
for the whole record; a problem verify names is a corruption, a warning about an unfinished stage
or a partial file is a half-done item.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from bench.stress.procs import Target, run

__all__ = ["Outcome", "check_workspace", "stored_hashes", "verify"]


@dataclass(slots=True)
class Outcome:
    """The findings of one check; `ok` only when every list is empty."""

    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    text_not_done: list[str] = field(default_factory=list)
    corruptions: list[str] = field(default_factory=list)
    half_done: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]

    def summary(self) -> dict[str, int | list[str]]:
        return {name: getattr(self, name)[:5] for name in self.__slots__ if getattr(self, name)}  # type: ignore[attr-defined]


def _engine(target: Target) -> sa.Engine:
    if target.db_url:
        return sa.create_engine(target.db_url)
    return sa.create_engine(f"sqlite:///file:{target.home / 'pursuit.sqlite'}?mode=ro&uri=true")


def stored_hashes(target: Target) -> Counter[str]:
    """How many items carry each sha256 (over every case)."""
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT sha256 FROM items")).scalars()
            return Counter(rows)
    finally:
        engine.dispose()


def _text_not_done(target: Target) -> list[str]:
    query = "SELECT item_id, status FROM stage_runs WHERE stage = 'text' ORDER BY id"
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            newest = {row.item_id: row.status for row in conn.execute(sa.text(query))}
            ids = list(conn.execute(sa.text("SELECT id FROM items")).scalars())
    finally:
        engine.dispose()
    return [f"{i}: {newest.get(i, 'never started')}" for i in ids if newest.get(i) != "done"]


def verify(target: Target) -> tuple[list[str], list[str]]:
    """(problems, warnings) of `pursuit verify --json`, each as a short line."""
    done = run(target, "verify", "--json")
    try:
        document = json.loads(done.stdout)
    except ValueError:
        return [f"verify exit {done.returncode}: {done.stderr.strip()[-300:]}"], []
    problems = [json.dumps(p, sort_keys=True) for p in document.get("problems", [])]
    if done.returncode != 0 and not problems:
        problems.append(f"verify exit {done.returncode}")
    warnings = [json.dumps(w, sort_keys=True) for w in document.get("warnings", [])]
    return problems, warnings


def temp_leftovers(target: Target) -> list[str]:
    if not target.tmp.is_dir():
        return []
    return sorted(p.name for p in target.tmp.iterdir() if p.name.startswith("pursuit"))


def check_workspace(
    target: Target, expected: Iterable[str], acknowledged: Iterable[str] = ()
) -> Outcome:
    """Every expected hash stored exactly once, acknowledged ones too, and the record sound."""
    counts = stored_hashes(target)
    outcome = Outcome()
    wanted = set(expected) | set(acknowledged)
    outcome.lost = sorted(h for h in wanted if counts[h] == 0)
    outcome.doubled = sorted(h for h in wanted if counts[h] > 1)
    outcome.text_not_done = _text_not_done(target)
    problems, warnings = verify(target)
    outcome.corruptions = problems
    outcome.half_done = [w for w in warnings if "stage_unfinished" in w]
    outcome.leftovers = [w for w in warnings if "partial_file" in w] + temp_leftovers(target)
    return outcome
