"""Evaluate search across scripts and spellings on the demo case: recall and precision per query,
with and without expansion, in one run.

The gold (bench/data/search_gold.json, written by us) lists, for each query, the demo items whose
extracted text names the place or person in any script or spelling (the pattern it was drawn
with is kept beside it). The demo is built afresh in a temporary folder, so the figures are those
of the bundled fictional case. Results go to bench/results/eval_search.json and .md.

    .venv/bin/python bench/eval_search.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pursuit.demo.build import build_demo  # noqa: E402
from pursuit.search import search_across  # noqa: E402
from pursuit.settings import Settings  # noqa: E402
from pursuit.store.workspace import create_workspace  # noqa: E402

GOLD = ROOT / "bench" / "data" / "search_gold.json"
RESULTS = ROOT / "bench" / "results"


def _score(found: set[str], gold: set[str]) -> dict[str, float]:
    right = len(found & gold)
    return {
        "found": len(found),
        "recall": right / len(gold) if gold else 1.0,
        "precision": right / len(found) if found else 1.0,
    }


def evaluate() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="pursuit-eval-search-") as tmp:
        home = Path(tmp) / "demo"
        ws = create_workspace(Settings(home=home, vault_key_file=Path(tmp) / "vault.key"))
        try:
            build_demo(ws)
            with ws.read() as conn:
                for case in json.loads(GOLD.read_text(encoding="utf-8")):
                    gold = set(case["items"])
                    row: dict[str, Any] = {"query": case["query"], "gold": len(gold)}
                    for mode, expand in (("exact", False), ("expanded", True)):
                        result = search_across(conn, case["query"], limit=200, expand=expand)
                        row[mode] = _score({h.filename for h in result.hits}, gold)
                        if expand:
                            row["expansions"] = [e.term for e in result.expansions if e.found]
                    rows.append(row)
        finally:
            ws.dispose()
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| query | items | exact recall | exact precision | expanded recall | "
        "expanded precision | expansions that found more |\n|---|---:|---:|---:|---:|---:|---|\n"
    )
    lines = [
        f"| {r['query']} | {r['gold']} | {r['exact']['recall']:.2f} | "
        f"{r['exact']['precision']:.2f} | {r['expanded']['recall']:.2f} | "
        f"{r['expanded']['precision']:.2f} | {', '.join(r['expansions'][:5])} |"
        for r in rows
    ]
    total = sum(r["gold"] for r in rows)
    micro = {
        mode: sum(r[mode]["recall"] * r["gold"] for r in rows) / total
        for mode in ("exact", "expanded")
    }
    lines.append(
        f"| **all (micro)** | {total} | {micro['exact']:.2f} | | {micro['expanded']:.2f} | | |"
    )
    return head + "\n".join(lines) + "\n"


def main() -> None:
    rows = evaluate()
    text = table(rows)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "eval_search.md").write_text(text, encoding="utf-8")
    (RESULTS / "eval_search.json").write_text(
        json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
