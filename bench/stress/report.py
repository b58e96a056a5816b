"""The one table of the stress run, printed and written as markdown and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.stress.load import RouteLoad

__all__ = ["Summary", "write"]


@dataclass(slots=True)
class Summary:
    mode: str
    faults: dict[str, int] = field(default_factory=dict)
    inputs: dict[str, int] = field(default_factory=dict)
    items_lost: int = 0
    corruptions: int = 0
    checks: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, str]] = field(default_factory=list)
    load: list[RouteLoad] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        failed = [k for k, v in self.checks.items() if isinstance(v, dict) and v.get("ok") is False]
        return self.items_lost == 0 and self.corruptions == 0 and not failed and not self.findings


def _rows(s: Summary) -> list[tuple[str, str]]:
    rows = [
        (
            "faults injected",
            f"{sum(s.faults.values())} ({', '.join(f'{k} {v}' for k, v in s.faults.items())})",
        )
    ]
    rows.append(("inputs tried", f"{sum(s.inputs.values())} ({len(s.inputs)} targets)"))
    rows += [("items lost", str(s.items_lost)), ("corruptions", str(s.corruptions))]
    rows.append(("uncaught exceptions / hangs", str(len(s.findings))))
    for name, check in s.checks.items():
        rows.append((f"check: {name}", "ok" if check.get("ok") else f"FAILED {check}"))
    for load in s.load:
        rows.append(
            (
                f"{load.route}",
                f"{load.requests_per_s} req/s, p95 {load.p95_ms} ms ({load.failed} failed)",
            )
        )
    return rows


def _load_row(r: RouteLoad) -> str:
    cells = [r.route, r.requests, r.requests_per_s, r.p50_ms, r.p95_ms, r.failed, r.tool]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def markdown(s: Summary) -> str:
    lines = [f"# Stress run ({s.mode}, {s.seconds} s)", "", "| measure | value |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in _rows(s)]
    if s.load:
        lines += [
            "",
            "| route | requests | req/s | p50 ms | p95 ms | failed | tool |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        lines += [_load_row(r) for r in s.load]
    lines += ["", "Inputs per target: " + ", ".join(f"{k} {v}" for k, v in s.inputs.items())]
    lines += [f"- finding: {f}" for f in s.findings] + [f"- note: {n}" for n in s.notes]
    return "\n".join(lines) + "\n"


def table(s: Summary) -> str:
    width = max(len(k) for k, _ in _rows(s))
    return "\n".join(f"{k:<{width}}  {v}" for k, v in _rows(s))


def write(s: Summary, folder: Path, stem: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = {**asdict(s), "ok": s.ok, "load": [asdict(r) for r in s.load]}
    (folder / f"{stem}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    path = folder / f"{stem}.md"
    path.write_text(markdown(s))
    return path
