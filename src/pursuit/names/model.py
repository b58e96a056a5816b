"""The trained name-match model: gradient-boosted trees over `features.FEATURES`.

`tools/train_names_model.py` fits the trees with scikit-learn on the development half of the
sanctions name pairs and writes `names_model.json` beside this module: the trees as flat arrays,
the threshold chosen for precision, and where the data came from. Evaluating them is written here
by hand, on purpose: scikit-learn is a development tool only, and its per-call checks cost more than
a comparison may (screening makes millions). Every tree is walked to a fixed depth at once with
numpy; a leaf points to itself, so walking past it stays put.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pursuit.names.features import FEATURES

__all__ = ["NameModel", "load_model"]

MODEL_FILE = "names_model.json"


@dataclass(frozen=True)
class NameModel:
    """The trees as flat arrays, node `n` of tree `t` at `t * nodes + n`, so a batch walks them
    with one-dimensional gathers (several times faster in numpy than two index arrays)."""

    feature: NDArray[np.int64]  # feature index tested at each node
    threshold: NDArray[np.float64]  # go left when value <= threshold
    children: NDArray[np.int64]  # [2n] left child, [2n + 1] right child, both within the tree
    value: NDArray[np.float64]  # the leaf's contribution, already scaled
    trees: int
    nodes: int
    prior: float
    depth: int
    match_threshold: float
    about: dict[str, Any]

    def probabilities(self, rows: NDArray[np.float64]) -> NDArray[np.float64]:
        """Match probabilities for rows of features (pairs × FEATURES)."""
        pairs = rows.shape[0]
        flat_rows = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        tree_base = np.arange(self.trees, dtype=np.int64) * self.nodes
        row_base = (np.arange(pairs, dtype=np.int64) * rows.shape[1])[:, None]
        at = np.broadcast_to(tree_base, (pairs, self.trees)).copy()
        for _ in range(self.depth):
            tested = flat_rows.take(row_base + self.feature.take(at))
            go_right = tested > self.threshold.take(at)
            at = tree_base + self.children.take(2 * at + go_right)
        logit = self.prior + self.value.take(at).sum(axis=1)
        return np.asarray(1.0 / (1.0 + np.exp(-logit)), dtype=np.float64)

    def probability(self, features: list[float]) -> float:
        return float(self.probabilities(np.asarray([features], dtype=np.float64))[0])


def _array(rows: list[list[float]], dtype: type) -> NDArray[Any]:
    width = max(len(r) for r in rows)
    out: NDArray[Any] = np.zeros((len(rows), width), dtype=dtype)
    for index, row in enumerate(rows):
        out[index, : len(row)] = row
    return out


def model_from_dict(data: dict[str, Any]) -> NameModel:
    """Build the evaluator from the JSON the training script writes; checks it fits FEATURES."""
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            f"{MODEL_FILE} was trained on other features; retrain with tools/train_names_model.py"
        )
    trees = data["trees"]
    nodes = [len(t["feature"]) for t in trees]
    left = [
        [c if c >= 0 else i for i, c in enumerate(t["left"])] + [0] * (max(nodes) - n)
        for t, n in zip(trees, nodes, strict=True)
    ]
    right = [
        [c if c >= 0 else i for i, c in enumerate(t["right"])] + [0] * (max(nodes) - n)
        for t, n in zip(trees, nodes, strict=True)
    ]
    scale = float(data["learning_rate"])
    left_right = np.stack([_array(left, np.int64), _array(right, np.int64)], axis=2)
    return NameModel(
        feature=_array([[max(f, 0) for f in t["feature"]] for t in trees], np.int64).ravel(),
        threshold=_array([t["threshold"] for t in trees], np.float64).ravel(),
        children=left_right.ravel(),
        value=_array([[v * scale for v in t["value"]] for t in trees], np.float64).ravel(),
        trees=len(trees),
        nodes=max(nodes),
        prior=float(data["prior"]),
        depth=int(data["depth"]),
        match_threshold=float(data["threshold"]),
        about=dict(data.get("about", {})),
    )


@lru_cache(maxsize=1)
def load_model() -> NameModel:
    text = resources.files("pursuit.names").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    model = model_from_dict(json.loads(text))
    if not 0 < model.match_threshold < 1 or math.isnan(model.prior):
        raise ValueError(f"{MODEL_FILE} is damaged: threshold or prior out of range")
    return model
