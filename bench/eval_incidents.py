"""Evaluate incidents as events on our own gold set (bench/data/gold_incidents.json).

Run from the project root: `.venv/bin/python bench/eval_incidents.py`. The documents (fictional,
in English, French, German and Arabic) are taken in through the intake stage into a fresh SQLite
workspace, exactly as a user's files would be, and `list_incidents` groups their mentions.

- Pair precision / recall: over the gold mentions the extractor found, every pair of mentions
  is either of one event or of two; a pair put together is right when gold has them in one
  event, a pair kept apart right when gold has them in two.
- Mentions found: gold mentions the extractor found at all (matched by document, words and
  order of occurrence).
- Liability accuracy: gold (event, person, mode) lines the incident holding most of the event's
  mentions shows with that person (any of his spellings) and that mode.
- Victim count accuracy: events whose incident gives the gold count (or none when gold has none).
Writes bench/results/eval_incidents.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pursuit.cases.incidents import CaseIncident, list_incidents  # noqa: E402
from pursuit.entities import entity_key  # noqa: E402
from pursuit.evidence.items import Acquisition  # noqa: E402
from pursuit.settings import Settings  # noqa: E402
from pursuit.stages.intake import IntakeOptions, ingest_paths  # noqa: E402
from pursuit.store.workspace import create_workspace  # noqa: E402

GOLD = ROOT / "bench" / "data" / "gold_incidents.json"
OUT = ROOT / "bench" / "results" / "eval_incidents.json"


def _predicted(gold: dict[str, Any], folder: Path) -> tuple[list[CaseIncident], dict[str, str]]:
    ws = create_workspace(Settings(home=folder / "ws", actor="eval"))
    names = {}
    acquisition = Acquisition("eval", datetime(2024, 1, 1, tzinfo=UTC))
    for doc in gold["documents"]:
        path = folder / doc["name"]
        path.write_text(doc["text"], encoding="utf-8")
        options = IntakeOptions(case="gold", acquisition=acquisition, run_ocr=False)
        [result] = list(ingest_paths(ws, [path], options))
        names[str(result.id)] = doc["name"]
    with ws.read() as conn:
        listed = list_incidents(conn)
    ws.dispose()
    return listed.incidents + listed.unplaced, names


def _assign(
    gold: dict[str, Any], found: list[CaseIncident], names: dict[str, str]
) -> dict[int, str]:
    """gold mention index -> predicted incident id, matched by document, words and order."""
    seen: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for inc in found:
        for m in inc.sources:
            seen.setdefault((names[m.item_id], m.trigger), []).append((m.offset, inc.id))
    for spots in seen.values():
        spots.sort()
    taken: Counter[tuple[str, str]] = Counter()
    out = {}
    for i, g in enumerate(gold["mentions"]):
        key = (g["document"], g["words"])
        spots = seen.get(key, [])
        if taken[key] < len(spots):
            out[i] = spots[taken[key]][1]
        taken[key] += 1
    return out


def _pairs(gold: dict[str, Any], assigned: dict[int, str]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in combinations(sorted(assigned), 2):
        same_gold = gold["mentions"][a]["event"] == gold["mentions"][b]["event"]
        same_pred = assigned[a] == assigned[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pair_precision": round(precision, 3), "pair_recall": round(recall, 3)}


def _incident_of(event: str, gold: dict[str, Any], assigned: dict[int, str]) -> str | None:
    ids = [
        assigned[i] for i, g in enumerate(gold["mentions"]) if g["event"] == event and i in assigned
    ]
    return Counter(ids).most_common(1)[0][0] if ids else None


def _events(
    gold: dict[str, Any], found: list[CaseIncident], assigned: dict[int, str]
) -> dict[str, Any]:
    by_id = {i.id: i for i in found}
    lines = right = counts = 0
    for event in gold["events"]:
        inc = by_id.get(_incident_of(event["id"], gold, assigned) or "")
        have = {(entity_key(p.name), p.liability) for p in inc.persons} if inc else set()
        for person in event["persons"]:
            lines += 1
            right += any((entity_key(n), person["liability"]) in have for n in person["names"])
        count = inc.victims.count if inc and inc.victims else None
        counts += count == event["victims"]
    return {
        "liability_accuracy": round(right / lines, 3) if lines else None,
        "liability_lines": lines,
        "victim_count_accuracy": round(counts / len(gold["events"]), 3),
    }


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        found, names = _predicted(gold, Path(tmp))
    assigned = _assign(gold, found, names)
    result = {
        "mentions": len(gold["mentions"]),
        "mentions_found": len(assigned),
        "events": len(gold["events"]),
        "incidents_predicted": len({assigned[i] for i in assigned}),
        **_pairs(gold, assigned),
        **_events(gold, found, assigned),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
