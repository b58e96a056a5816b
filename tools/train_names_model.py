"""Train the name-match model and choose the default threshold.

Data: ../shared/data/sanctions-names/name_pairs.csv — labelled pairs of names from the UN
Security Council consolidated list, the US OFAC SDN list and the EU consolidated financial
sanctions list (public-sector information published for reuse; the folder's README states the
terms). Only the development half is used (pairs whose id hashes even, as in
bench/eval_names.py); the held-out half stays unseen for the evaluation. Pairs of a kunya against
a legal name are left out: names alone cannot link them and should not.

Beside them, the dev split of the names benchmark (bench/data/names_benchmark/pairs.csv, made by
tools/make_names_benchmark.py from Wikidata person tokens and generated hard negatives; its README
states the sources): its held-out split is never read here, and sanctions pairs that hold a name
of a held-out benchmark pair are left out too, so no held-out name is trained on.

The threshold is the lowest whose precision reaches the target on out-of-fold scores (five folds
over the development half), so it is not flattered by the trees having seen those pairs.

    python tools/train_names_model.py [--precision 0.95] [--output FILE.json]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pursuit.names.blocking import blocking_keys  # noqa: E402
from pursuit.names.compare import WEAK_EVIDENCE_CAP, feature_row  # noqa: E402
from pursuit.names.features import FEATURES  # noqa: E402

PAIRS = ROOT.parent / "shared" / "data" / "sanctions-names" / "name_pairs.csv"
PERSONS = PAIRS.with_name("persons.jsonl")
BENCHMARK = ROOT / "bench" / "data" / "names_benchmark" / "pairs.csv"
OUTPUT = ROOT / "src" / "pursuit" / "names" / "names_model.json"
TREES, DEPTH, RATE, SUBSAMPLE, SEED = 300, 6, 0.05, 0.8, 0


def _benchmark(split: str) -> list[dict[str, str]]:
    with BENCHMARK.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["split"] == split]
    return [{**r, "same_person": r["label"], "pair_type": r["class"]} for r in rows]


def development_pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    unseen = {n for r in _benchmark("heldout") for n in (r["name_a"], r["name_b"])}
    kept = [
        r
        for r in rows
        if r["pair_type"] != "pos_kunya_vs_name"
        and hashlib.sha256(r["pair_id"].encode()).digest()[0] % 2 == 0
        and r["name_a"] not in unseen
        and r["name_b"] not in unseen
    ]
    return kept + _benchmark("dev")


def _all_words_agree(a: str, b: str) -> bool:
    found = feature_row(a, b)
    return found is None or found[FEATURES.index("words_short")] >= 1.0


def hard_negatives(per_name: int = 3, seed: int = 0) -> list[tuple[str, str]]:
    """Names of different people who share a distinctive word, as screening meets them.

    The labelled pairs hold few of these, yet they are most of what a screening index proposes:
    "Mikhail Grib" beside "Mikhail Grigorievich Malyshev". Without them the trees learn that one
    shared word of three is a good sign. Only people whose group hashes even (a half of them)
    are drawn on; a group is one human across lists, so different groups are different people.
    Pairs whose every word agrees are left out: "Mohammed Hijazi" is two men's name, and no name
    model can or should tell them apart — their birth years and nationalities do.
    """
    people = []
    with PERSONS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if hashlib.sha256(row["group"].encode()).digest()[0] % 2 == 0:
                names = [n["name"] for n in row["names"] if n["name"].strip()][:4]
                people.append((row["group"], names))
    by_key: dict[str, list[tuple[str, str]]] = {}
    for group, names in people:
        for name in names:
            for key in blocking_keys(name):
                by_key.setdefault(key, []).append((group, name))
    rng = random.Random(seed)
    out = []
    for group, names in people:
        for name in names:
            others = {
                (g, other)
                for key in blocking_keys(name)
                for g, other in by_key.get(key, [])[:200]
                if g != group
            }
            candidates = [o for _, o in sorted(others) if not _all_words_agree(name, o)]
            out += [(name, o) for o in rng.sample(candidates, min(per_name, len(candidates)))]
    return out


def features_of(rows: list[dict[str, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    table, labels, caps = [], [], []
    for row in rows:
        found = feature_row(row["name_a"], row["name_b"])
        if found is None:
            continue
        table.append(found)
        labels.append(1 if row["same_person"].lower() in ("1", "true") else 0)
        caps.append(found[FEATURES.index("cap")])
    return np.asarray(table), np.asarray(labels), np.asarray(caps)


def precise_threshold(labels: np.ndarray, scores: np.ndarray, target: float) -> dict[str, float]:
    """The lowest score threshold whose precision reaches `target`, with its figures."""
    order = np.argsort(-scores)
    hits = np.cumsum(labels[order])
    kept = np.arange(1, len(order) + 1)
    precision = hits / kept
    best: dict[str, float] = {}
    for index in range(len(order)):
        last = index == len(order) - 1
        if not last and scores[order[index + 1]] == scores[order[index]]:
            continue  # only cut between distinct scores
        if precision[index] >= target:
            best = {
                "threshold": round(float(scores[order[index]]), 3),
                "precision": round(float(precision[index]), 4),
                "recall": round(float(hits[index] / labels.sum()), 4),
            }
    if not best:
        raise SystemExit(f"no threshold reaches precision {target} on development pairs")
    return best


def export(model: GradientBoostingClassifier) -> list[dict[str, list[Any]]]:
    """Each tree as flat arrays: children -1 at leaves; the leaf value is the tree's output."""
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in tree.feature],
                "threshold": [round(float(t), 6) for t in tree.threshold],
                "left": [int(c) for c in tree.children_left],
                "right": [int(c) for c in tree.children_right],
                "value": [round(float(v), 6) for v in tree.value[:, 0, 0]],
            }
        )
    return trees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", type=float, default=0.95)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not PAIRS.exists():
        raise SystemExit(f"training pairs not found: {PAIRS}")
    started = time.time()
    rows = development_pairs()
    negatives = hard_negatives()
    rows += [
        {"name_a": a, "name_b": b, "same_person": "0", "pair_type": "hard_negative"}
        for a, b in negatives
    ]
    table, labels, caps = features_of(rows)
    print(f"{len(labels)} development pairs, {int(labels.sum())} same person", flush=True)
    model = GradientBoostingClassifier(
        n_estimators=TREES,
        max_depth=DEPTH,
        learning_rate=RATE,
        subsample=SUBSAMPLE,
        random_state=SEED,
    )
    folds = cross_val_predict(model, table, labels, cv=5, method="predict_proba")[:, 1]
    chosen = precise_threshold(labels, np.minimum(folds, caps), args.precision)
    print(f"out-of-fold at precision >= {args.precision}: {chosen}", flush=True)
    model.fit(table, labels)
    prior = float(model.init_.class_prior_[1])
    document = {
        "features": list(FEATURES),
        "prior": float(np.log(prior / (1 - prior))),
        "learning_rate": RATE,
        "depth": DEPTH,
        # Rounded up to two places, a threshold a reader can quote that errs towards caution, and
        # above the cap of weak evidence, so that a capped pair never matches.
        "threshold": max(math.ceil(chosen["threshold"] * 100) / 100, WEAK_EVIDENCE_CAP + 0.01),
        "about": {
            "trained_on": "development half of sanctions-names name_pairs.csv "
            "(UN, OFAC and EU sanctions lists; see that folder's README for terms) and the dev "
            "split of bench/data/names_benchmark (Wikidata tokens, generated hard negatives)",
            "pairs": len(labels),
            "hard_negatives": len(negatives),
            "same_person": int(labels.sum()),
            "target_precision": args.precision,
            "out_of_fold": chosen,
            "trees": TREES,
            "script": "tools/train_names_model.py",
        },
        "trees": export(model),
    }
    args.output.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.output.stat().st_size / 1e6
    print(f"default threshold {document['threshold']}: set DEFAULT_THRESHOLD in names/compare.py")
    print(f"wrote {args.output} ({size:.1f} MB) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
