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

The names benchmark (bench/data/names_benchmark, made by tools/make_names_benchmark.py from
Wikidata person tokens and generated hard negatives) is reported per class, dev and held-out
apart, for pursuit, logic-v2 and rapidfuzz in the same run (`benchmark`).

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
BENCHMARK = ROOT / "data" / "names_benchmark" / "pairs.csv"
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
    """The threshold of best F1 on development pairs, among those that match fewer than all:
    matching everything has a fair F1 when half the pairs are true, and says nothing."""
    grid = sorted(set(round(s, 3) for s in scores))[1:]
    return max(grid, key=lambda t: prf(labels, scores, t)[2]) if grid else 0.5


def macro_threshold(classes: list[str], labels: list[int], scores: list[float]) -> float:
    """The threshold that maximises, on dev, the mean of two means: recall over the positive
    classes and correct rejections over the negative ones. Each class weighs alike within its
    side and the two sides alike, so neither matching all nor none wins."""
    grid = sorted(set(round(s, 2) for s in scores))
    members: dict[str, list[int]] = {}
    for index, name in enumerate(classes):
        members.setdefault(name, []).append(index)

    def mean(threshold: float) -> float:
        sides: dict[int, list[float]] = {0: [], 1: []}
        for index in members.values():
            share = sum(scores[i] >= threshold for i in index) / len(index)
            sides[labels[index[0]]].append(share if labels[index[0]] else 1 - share)
        return sum(sum(v) / max(len(v), 1) for v in sides.values()) / 2

    return max(grid, key=mean) if grid else 0.5


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


def load_benchmark() -> list[dict[str, str]]:
    with BENCHMARK.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def benchmark(scorers: dict[str, Scorer]) -> dict[str, object]:
    """Per class of the names benchmark, dev and held-out apart, every system in one run.

    pursuit runs at DEFAULT_THRESHOLD; rapidfuzz and logic-v2 at the threshold that does best on
    the benchmark's dev split (`macro_threshold`). A positive class reports recall (the share
    matched); a negative class its correct rejections (the share not matched, 1 - false-match
    rate): the aims are recall >= 0.80 and rejections >= 0.95 on every class.
    """
    rows = load_benchmark()
    labels = [int(r["label"]) for r in rows]
    scored = {
        name: [scorer(r["name_a"], r["name_b"]) for r in rows] for name, scorer in scorers.items()
    }
    dev = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    kinds = [rows[i]["class"] for i in dev]
    thresholds = {
        name: DEFAULT_THRESHOLD
        if name == "pursuit"
        else macro_threshold(kinds, [labels[i] for i in dev], [scores[i] for i in dev])
        for name, scores in scored.items()
    }
    out: dict[str, object] = {"thresholds": thresholds, "pairs": len(rows)}
    for split in ("dev", "heldout"):
        picked = [i for i, r in enumerate(rows) if r["split"] == split]
        out[split] = _per_class(rows, picked, labels, scored, thresholds)
    return out


def _per_class(
    rows: list[dict[str, str]],
    picked: list[int],
    labels: list[int],
    scored: dict[str, list[float]],
    thresholds: dict[str, float],
) -> dict[str, dict[str, dict[str, float]]]:
    classes: dict[str, list[int]] = {"all": picked}
    for i in picked:
        classes.setdefault(rows[i]["class"], []).append(i)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, index in classes.items():
        out[name] = {}
        for system, scores in scored.items():
            matched = [scores[i] >= thresholds[system] for i in index]
            ys = [labels[i] for i in index]
            p, r, f = prf(ys, [scores[i] for i in index], thresholds[system])
            share = sum(matched) / max(len(index), 1)
            figure = share if name.startswith("pos_") else 1 - share
            out[name][system] = {
                "n": len(index),
                "figure": round(figure, 3),
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
            }
    return out


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


def _benchmark_table(found: dict[str, object]) -> str:
    lines = []
    systems = list(found["thresholds"])  # type: ignore[call-overload]
    for split in ("dev", "heldout"):
        classes = found[split]
        assert isinstance(classes, dict)
        lines += [
            f"\n### {split}: recall (pos_) or correct rejections (neg_)\n",
            "| class | n | " + " | ".join(systems) + " |",
            "|---|---|" + "---|" * len(systems),
        ]
        for name, figures in classes.items():
            if name == "all":
                continue
            cells = " | ".join(f"{figures[s]['figure']:.3f}" for s in systems)
            lines.append(f"| {name} | {figures[systems[0]]['n']} | {cells} |")
        overall = " | ".join(
            f"P {classes['all'][s]['precision']} R {classes['all'][s]['recall']}" for s in systems
        )
        lines.append(f"| all pairs | {classes['all'][systems[0]]['n']} | {overall} |")
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
    peers = {k: v for k, v in scorers.items() if k in ("pursuit", "logic-v2")}
    peers["rapidfuzz token_sort_ratio"] = rapidfuzz_score
    report["benchmark"] = benchmark(peers)
    report["transliteration_words"] = transliteration_words(args.quick)
    from bench_screening_task import screening_task

    report["screening"] = screening_task(args.quick)
    table = _table(report)
    found = report["benchmark"]
    assert isinstance(found, dict)
    text = (
        f"## Names benchmark (bench/data/names_benchmark), per class\n"
        f"{_benchmark_table(found)}\n\n"
        f"Benchmark thresholds: {json.dumps(found['thresholds'])}\n\n"
        f"## Sanctions-list pairs, held-out half\n\n{table}\n\n"
        f"Thresholds: {json.dumps(report['thresholds'])}\n"
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
