"""Name-matching evaluation: pursuit beside rapidfuzz, nomenklatura's logic-v2 and Splink's
default name comparison, on the same labelled pairs in the same run.

Data: ../shared/data/sanctions-names (real UN, OFAC and EU records; pairs labelled by type) and
../shared/data/arabic-latin-transliteration (word pairs). Pairs are split in two halves by a hash
of their id: the development half chose pursuit's DEFAULT_THRESHOLD and each peer's best
threshold; every figure below is on the held-out half.

Peers:
* rapidfuzz `token_sort_ratio` / 100 at its best threshold on the development half;
* logic-v2 (nomenklatura) on two FollowTheMoney Person entities per pair, fresh ids each time;
* Splink's default name comparison: its NameComparison levels (exact, Jaro-Winkler >= 0.92,
  >= 0.88, >= 0.70, else) computed with the same Jaro-Winkler and mapped to 1, .75, .5, .25, 0.

`pos_kunya_vs_name` pairs (a nom de guerre against a legal name) cannot be linked by names and
should not be: they are reported apart and left out of the headline "person-name variants".

    python bench/eval_names.py [--quick]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pursuit.names import DEFAULT_THRESHOLD, compare_names, fold_name  # noqa: E402

ROOT = Path(__file__).resolve().parent
DATA = ROOT.parent.parent / "shared" / "data"
PAIRS = DATA / "sanctions-names" / "name_pairs.csv"
WORDS = DATA / "arabic-latin-transliteration" / "wikidata_person_tokens.csv"
RESULTS = ROOT / "results"
Scorer = Callable[[str, str], float]


def held_out(pair_id: str) -> bool:
    return hashlib.sha256(pair_id.encode()).digest()[0] % 2 == 1


def load_pairs(quick: bool) -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows[::8] if quick else rows


def rapidfuzz_score(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(a.lower(), b.lower()) / 100


def splink_default(a: str, b: str) -> float:
    x, y = a.lower().strip(), b.lower().strip()
    if x == y:
        return 1.0
    jw = JaroWinkler.similarity(x, y)
    return 0.75 if jw >= 0.92 else 0.5 if jw >= 0.88 else 0.25 if jw >= 0.70 else 0.0


def logic_v2() -> Scorer:
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    counter = iter(range(10**9))

    def entity(name: str) -> object:
        made = model.make_entity("Person")
        made.id = f"e{next(counter)}"
        made.add("name", name)
        return made

    def score(a: str, b: str) -> float:
        return float(LogicV2.compare(entity(a), entity(b), config).score)  # type: ignore[arg-type]

    return score


def pursuit_score(a: str, b: str) -> float:
    return compare_names(a, b).score


def prf(labels: list[int], scores: list[float], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y and s < threshold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pr_auc(labels: list[int], scores: list[float]) -> float:
    """Average precision: the mean of precision at each true pair, ranked by score."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total, positives = 0, 0.0, sum(labels)
    for rank, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / positives if positives else 0.0


def best_threshold(labels: list[int], scores: list[float]) -> float:
    grid = sorted(set(round(s, 3) for s in scores))
    return max(grid, key=lambda t: prf(labels, scores, t)[2]) if grid else 0.5


def precise_threshold(labels: list[int], scores: list[float], target: float = 0.95) -> float:
    """The lowest threshold whose precision on development pairs reaches `target`."""
    for t in sorted(set(round(s, 3) for s in scores)):
        if prf(labels, scores, t)[0] >= target:
            return t
    return 1.0


def evaluate(rows: list[dict[str, str]], scorers: dict[str, Scorer]) -> dict[str, object]:
    scored: dict[str, list[float]] = {}
    timing: dict[str, float] = {}
    for name, scorer in scorers.items():
        start = time.perf_counter()
        scored[name] = [scorer(r["name_a"], r["name_b"]) for r in rows]
        timing[name] = (time.perf_counter() - start) / max(len(rows), 1) * 1000
    # pursuit also at its best-F1 threshold, to compare with peers on their own terms.
    scored["pursuit at its best-F1 threshold"] = scored["pursuit"]
    dev = [i for i, r in enumerate(rows) if not held_out(r["pair_id"])]
    test = [i for i, r in enumerate(rows) if held_out(r["pair_id"])]
    labels = [int(r["same_person"]) for r in rows]
    report: dict[str, object] = {"ms_per_pair": timing, "pairs": len(rows), "held_out": len(test)}
    thresholds: dict[str, float] = {}
    for name, scores in scored.items():
        usable = [i for i in dev if rows[i]["pair_type"] != "pos_kunya_vs_name"]
        ys, ss = [labels[i] for i in usable], [scores[i] for i in usable]
        thresholds[name] = DEFAULT_THRESHOLD if name == "pursuit" else best_threshold(ys, ss)
        if name == "pursuit at its best-F1 threshold":
            thresholds[name] = max(best_threshold(ys, ss), 0.3)
        thresholds[name + " (P>=0.95 on dev)"] = precise_threshold(ys, ss)
    report["thresholds"] = thresholds
    report["subsets"] = _subsets(rows, test, labels, scored, thresholds)
    return report


def _subsets(
    rows: list[dict[str, str]],
    test: list[int],
    labels: list[int],
    scored: dict[str, list[float]],
    thresholds: dict[str, float],
) -> dict[str, dict[str, dict[str, float]]]:
    def pick(predicate: Callable[[dict[str, str]], bool]) -> list[int]:
        return [i for i in test if predicate(rows[i])]

    subsets = {
        "person-name variants (all but kunya vs legal name)": pick(
            lambda r: r["pair_type"] != "pos_kunya_vs_name"
        ),
        "ISIL/Al-Qaida subset (same)": pick(
            lambda r: r["pair_type"] != "pos_kunya_vs_name" and r["isil_aq_related"] == "1"
        ),
    }
    for kind in sorted({r["pair_type"] for r in rows}):
        subsets[kind] = pick(lambda r, k=kind: r["pair_type"] == k)  # type: ignore[misc]
    out: dict[str, dict[str, dict[str, float]]] = {}
    for label, index in subsets.items():
        out[label] = {}
        for name, scores in scored.items():
            ys, ss = [labels[i] for i in index], [scores[i] for i in index]
            p, r, f = prf(ys, ss, thresholds[name])
            out[label][name] = {
                "n": len(index),
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "pr_auc": round(pr_auc(ys, ss), 3),
                "match_rate": round(sum(s >= thresholds[name] for s in ss) / max(len(ss), 1), 3),
            }
    return out


def transliteration_words(quick: bool) -> dict[str, float]:
    """Share of Arabic/Latin word pairs whose folded forms pursuit compares at >= 0.84 JW."""
    if not WORDS.exists():
        return {}
    with WORDS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows = rows[:: 20 if quick else 4][:3000]
    keys = list(rows[0].keys()) if rows else []
    arabic_key = next((k for k in keys if "ar" in k.lower()), keys[0])
    latin_key = next(
        (k for k in keys if k != arabic_key and ("en" in k.lower() or "lat" in k.lower())), keys[1]
    )
    agree = 0
    for row in rows:
        a, b = fold_name(row[arabic_key]), fold_name(row[latin_key])
        agree += JaroWinkler.similarity(a, b) >= 0.84
    return {"pairs": len(rows), "agree_at_0.84": round(agree / max(len(rows), 1), 3)}


def _table(report: dict[str, object]) -> str:
    lines = [
        "| subset | system | n | P | R | F1 | PR-AUC | matched |",
        "|---|---|---|---|---|---|---|---|",
    ]
    subsets = report["subsets"]
    assert isinstance(subsets, dict)
    for label, systems in subsets.items():
        for name, m in systems.items():
            lines.append(
                f"| {label} | {name} | {m['n']} | {m['precision']} | {m['recall']} | "
                f"{m['f1']} | {m['pr_auc']} | {m['match_rate']} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one pair in eight")
    parser.add_argument("--no-logic-v2", action="store_true")
    args = parser.parse_args()
    if not PAIRS.exists():
        sys.exit(f"{PAIRS} not found: the evaluation needs ../shared/data")
    scorers: dict[str, Scorer] = {
        "pursuit": pursuit_score,
        "rapidfuzz token_sort_ratio": rapidfuzz_score,
        "splink default name comparison": splink_default,
    }
    if not args.no_logic_v2:
        scorers["logic-v2"] = logic_v2()
    report = evaluate(load_pairs(args.quick), scorers)
    report["transliteration_words"] = transliteration_words(args.quick)
    from bench_screening_task import screening_task

    report["screening"] = screening_task(args.quick)
    table = _table(report)
    text = (
        f"{table}\n\nThresholds: {json.dumps(report['thresholds'])}\n"
        f"ms per pair: {json.dumps({k: round(v, 3) for k, v in report['ms_per_pair'].items()})}\n"
        f"Transliteration words: {json.dumps(report['transliteration_words'])}\n"
        f"Screening task: {json.dumps(report['screening'])}\n"
    )
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "eval_names.md").write_text("# Name matching evaluation\n\n" + text, "utf-8")
    (RESULTS / "eval_names.json").write_text(json.dumps(report, indent=2), "utf-8")


if __name__ == "__main__":
    main()
