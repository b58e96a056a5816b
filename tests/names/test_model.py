"""The trained name model: the shipped file matches the code, and the evaluator is exact."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pytest

from pursuit.names import DEFAULT_THRESHOLD, ReasonCode, compare_names
from pursuit.names.compare import compare_many, feature_row
from pursuit.names.features import FEATURES
from pursuit.names.model import MODEL_FILE, load_model, model_from_dict


def _shipped() -> dict[str, object]:
    text = resources.files("pursuit.names").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_default_threshold_is_the_one_the_training_chose() -> None:
    assert load_model().match_threshold == DEFAULT_THRESHOLD
    about = load_model().about
    assert about["target_precision"] >= 0.95
    assert "sanctions" in about["trained_on"]


def _walk(tree: dict[str, list[float]], row: list[float]) -> float:
    """The plain reading of one tree, to check the vectorised evaluator against."""
    node = 0
    while tree["left"][node] >= 0:
        feature = int(tree["feature"][node])
        node = int(
            tree["left"][node] if row[feature] <= tree["threshold"][node] else tree["right"][node]
        )
    return tree["value"][node]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui"),
        ("SALEH, Ali Abdullah", "Ali Abdallah Salih"),
        ("Abu Hafs al-Masri", "Abu Hafs al-Jazrawi"),
        ("Gennady Nikolayevich TIMCHENKO", "Gennadij Timčenko"),
        ("عبد الرحمن ياسين", "Yasin, Aboud"),
    ],
)
def test_vectorised_trees_agree_with_walking_each_tree(a: str, b: str) -> None:
    data = _shipped()
    row = feature_row(a, b)
    assert row is not None and len(row) == len(FEATURES)
    trees = data["trees"]
    assert isinstance(trees, list)
    logit = float(data["prior"]) + float(data["learning_rate"]) * sum(  # type: ignore[arg-type]
        _walk(tree, row) for tree in trees
    )
    expected = 1 / (1 + math.exp(-logit))
    assert load_model().probability(row) == pytest.approx(expected, abs=1e-9)


def test_batch_and_single_scores_are_equal() -> None:
    pairs = [
        ("Abu Hafs al-Jazrawi", "أبو حفص الجزراوي"),
        ("", "Abu Hafs"),
        ("Mohammed Emwazi", "Muhammad Emwazi"),
        ("Abu Hafs al-Masri", "Abu Hafs al-Jazrawi"),
    ]
    batch = compare_many(pairs)
    assert [c.score for c in batch] == [compare_names(a, b).score for a, b in pairs]
    assert batch[1].score == 0.0


def test_naming_rules_cap_whatever_the_model_says() -> None:
    # Same kunya, nisbas of different countries: the model may like the shared words, the rule
    # keeps the pair far below the threshold.
    found = compare_names("Abu Hafs al-Masri", "Abu Hafs al-Jazrawi")
    assert found.score <= 0.25
    assert any(why.code is ReasonCode.NISBA_ORIGIN_DIFFERS for why in found.reasons)


def test_a_model_for_other_features_is_refused() -> None:
    data = dict(_shipped())
    data["features"] = ["something", "else"]
    with pytest.raises(ValueError, match="retrain"):
        model_from_dict(data)


def test_probabilities_stay_between_zero_and_one() -> None:
    rows = np.random.default_rng(0).random((200, len(FEATURES)))
    found = load_model().probabilities(rows)
    assert found.shape == (200,)
    assert np.all((found > 0) & (found < 1))
